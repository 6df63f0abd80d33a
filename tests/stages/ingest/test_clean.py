"""Hardened ingest (issue 12): one bad record never sinks the others, and nothing read is silently misread."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import unicodedata
from pathlib import Path

import pytest

from tocsin.models import Article
from tocsin.stages.ingest import IngestReport, read_articles
from tocsin.stages.ingest.clean import MAX_RUN_CHARS, cap_runs

FR = "Le président français a rencontré mardi à Genève son homologue ukrainien, a annoncé l'Élysée."


def _read(sources: list[str | Path], **kwargs: object) -> tuple[list[Article], IngestReport]:
    report = IngestReport(failures=[])
    return list(read_articles(sources, report=report, **kwargs)), report  # type: ignore[arg-type]


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("field", ["id", "title", "text", "outlet"])
def test_clean_lone_surrogate_skips_that_record_only(tmp_path: Path, field: str) -> None:
    record = {"id": "r2", "title": "Titre", "text": FR, "outlet": "AFP"}
    bad = json.dumps(record).replace(f'"{field}": "', f'"{field}": "bad\\udfff', 1)
    path = _jsonl(tmp_path / "in.jsonl", [json.dumps({"id": "r1", "text": FR}), bad, json.dumps({"id": "r3", "text": FR + " Bis."})])
    articles, report = _read([path])
    assert [a.id for a in articles] == ["r1", "r3"]
    [failure] = report.failures
    assert failure.message.startswith(f"[E014] {path}:2: the {field} holds a lone surrogate (U+DFFF at character 3)")
    assert (failure.path, failure.line) == (str(path), 2)


def test_clean_file_name_not_utf8_is_refused_and_printable(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 file name: a lone surrogate once decoded
    (tmp_path / name).write_text(FR, encoding="utf-8")
    (tmp_path / "good.txt").write_text(FR, encoding="utf-8")
    articles, report = _read([tmp_path])
    assert [Path(a.origin or "").name for a in articles] == ["good.txt"]
    [failure] = report.failures
    assert failure.message.startswith("[E014] ") and "caf\\udce9.txt: the file name holds a lone surrogate" in failure.message
    failure.message.encode("utf-8")  # printable: no surrogate left in the message


def test_clean_json_nested_100000_deep_is_one_bad_line(tmp_path: Path) -> None:
    deep = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path = _jsonl(tmp_path / "deep.jsonl", [json.dumps({"id": "a", "text": FR}), deep, json.dumps({"id": "b", "text": FR + " Bis."})])
    articles, report = _read([path])
    assert [a.id for a in articles] == ["a", "b"]
    [failure] = report.failures
    assert failure.message.startswith(f"[E015] {path}:2: JSON nested too deeply to read")


def test_clean_deep_json_document_falls_back_to_lines(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    articles, report = _read([path])
    assert articles == []
    assert [f.message[:6] for f in report.failures] == ["[E015]"]


def test_clean_duplicate_id_in_a_file_is_reported_with_both_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 7, "text": FR}),
        json.dumps({"id": "other", "text": FR + " Autre."}),
        json.dumps({"id": " 7 ", "text": FR + " Encore."}),
        json.dumps({"id": "7", "text": FR + " Toujours."}),
    ]
    articles, report = _read([_jsonl(tmp_path / "dup.jsonl", lines)])
    assert [(a.id, a.origin) for a in articles] == [("7", f"{tmp_path / 'dup.jsonl'}:1"), ("other", f"{tmp_path / 'dup.jsonl'}:2")]
    assert [f.line for f in report.failures] == [3, 4]
    assert report.failures[0].message.startswith(f"[W003] {tmp_path / 'dup.jsonl'}:3: id '7' was already used at line 1 of this file")


def test_clean_stdin_jsonl_with_one_broken_line_stays_jsonl() -> None:
    lines = [json.dumps({"id": f"s{i}", "text": f"{FR} {i}."}) for i in range(5)]
    lines[2] = '{"id": "s2", "text": "tronqu'
    articles, report = _read(["-"], stdin=io.StringIO("\n".join(lines) + "\n"))
    assert [a.id for a in articles] == ["s0", "s1", "s3", "s4"]
    assert [(f.path, f.line, f.message[:6]) for f in report.failures] == [("<stdin>", 3, "[E005]")]


def test_clean_nfd_text_is_composed(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", FR)
    assert nfd != FR
    (tmp_path / "nfd.txt").write_text(nfd, encoding="utf-8")
    (tmp_path / "nfc.txt").write_text(FR, encoding="utf-8")
    path = _jsonl(tmp_path / "nfd.jsonl", [json.dumps({"id": unicodedata.normalize("NFD", "é1"), "title": nfd, "text": nfd})])
    [from_jsonl] = _read([path])[0]
    assert (from_jsonl.id, from_jsonl.title, from_jsonl.text) == ("é1", FR, FR)
    [nfd_file], [nfc_file] = _read([tmp_path / "nfd.txt"])[0], _read([tmp_path / "nfc.txt"])[0]
    assert nfd_file.text == FR and nfd_file.id == nfc_file.id  # same article, same content id: a rerun adds nothing


def test_clean_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # no writer: reading it would block forever
    (tmp_path / "good.txt").write_text(FR, encoding="utf-8")
    articles, report = _read([fifo, tmp_path / "good.txt"])
    assert len(articles) == 1
    [failure] = report.failures
    assert failure.message.startswith(f"[E016] {fifo}: not a regular file (a named pipe (FIFO))")


def test_clean_html_nested_5000_deep_keeps_its_text(tmp_path: Path) -> None:
    prose = [
        "Russian troops attacked the city of Kharkiv on Monday, officials said.",
        "The army returned fire near the border, the ministry said.",
    ]
    body = "<nav>Home News Sport World Business Culture Travel More Links</nav>" + "<div>" * 5000
    body += "".join(f"<p>{p}</p>" for p in prose) + "</div>" * 5000
    path = tmp_path / "deep.html"
    path.write_text(f"<html><head><title>Kharkiv</title></head><body>{body}</body></html>", encoding="utf-8")
    [article], report = _read([path])
    assert report.failures == []
    assert (article.title, article.text) == ("Kharkiv", "\n\n".join(prose))


@pytest.mark.parametrize("kind", ["sentence", "table"])
def test_clean_overlong_runs_are_split(tmp_path: Path, kind: str, caplog: pytest.LogCaptureFixture) -> None:
    words = ["the", "army", "said", "troops", "attacked", "near", "the", "border", "while", "officials", "met"]
    if kind == "sentence":  # one sentence without punctuation
        path, text = tmp_path / "long.txt", " ".join(words[i % len(words)] for i in range(40_000))
    else:  # a Markdown table: rows without sentence ends, one paragraph
        path = tmp_path / "table.md"
        text = "\n".join(["| a | b |", "|---|---|"] + [f"| Russia attacked {i} | Ukraine |" for i in range(10_000)])
    path.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="tocsin.stages.ingest.clean"):
        [article], report = _read([path])
    assert report.failures == []
    assert f"{path}: text without a sentence end for more than {MAX_RUN_CHARS} characters was split" in caplog.text  # reported
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) > 100
    assert max(len(p) for p in paragraphs) <= MAX_RUN_CHARS
    assert article.text.split() == (text if kind == "sentence" else article.text).split()  # no word lost or cut
    if kind == "table":
        assert "Russia attacked 9999 | Ukraine" in article.text and all(p.startswith("|") for p in paragraphs)


def test_clean_cap_runs_keeps_prose_and_breaks() -> None:
    prose = "Short one. " * 500 + "\n\nNext paragraph!"
    assert cap_runs(prose) == prose  # sentence ends every few words: nothing to split
    run = "a" * (3 * MAX_RUN_CHARS)  # one word longer than the limit is cut inside
    assert [len(p) for p in cap_runs("Start. " + run + "\n\nEnd.").split("\n\n")] == [7 + MAX_RUN_CHARS, MAX_RUN_CHARS, MAX_RUN_CHARS, 4]
    assert re.fullmatch(r"Start\. a+", cap_runs("Start. " + run).split("\n\n")[0])


def test_clean_control_characters(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "c1", "title": "Titre\x1b[31m", "text": "Premier\x0cSecond\x07 paragraphe.\x85"}),
        json.dumps({"id": "c\x1b2", "text": FR}),
    ]
    path = _jsonl(tmp_path / "ctl.jsonl", lines)
    articles, report = _read([path])
    [article] = articles
    assert (article.title, article.text) == ("Titre [31m", "Premier\nSecond  paragraphe.")
    [failure] = report.failures
    assert failure.message.startswith(f"[E017] {path}:2: the id holds a control character (U+001B at character 1)")
