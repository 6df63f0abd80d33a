"""Tests for tocsin.stages.ingest: every format, directories, stdin and bad inputs."""

from __future__ import annotations

import io
import json
import logging
import os
import socket
import tracemalloc
from pathlib import Path

import pytest

from tocsin.models import Article
from tocsin.stages.ingest import MAX_BYTES, IngestReport, read_articles

FR_TEXT = (
    "Le ministre des Affaires étrangères s'est rendu mardi à Kiev pour rencontrer son homologue ukrainien.\n\n"
    "Les deux responsables ont évoqué l'aide militaire et les sanctions contre la Russie."
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Grève à Marseille : les dockers bloquent le port | La Gazette</title>
<meta property="og:site_name" content="La Gazette">
<meta property="og:url" content="https://gazette.invalid/greve-marseille">
<meta property="article:published_time" content="2024-06-03T08:00:00+02:00">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Grève à Marseille : les dockers bloquent le port</h1>
<p>Les dockers du port de Marseille ont entamé lundi une grève de quarante-huit heures pour protester contre le projet de réforme des retraites du gouvernement. Les terminaux à conteneurs sont restés fermés toute la journée.</p>
<p>Le syndicat majoritaire a appelé à une manifestation mardi devant la préfecture. Le ministre des Transports a dénoncé une « prise d'otage de l'économie » et appelé à la reprise du dialogue.</p>
</article>
<footer><p>© 2024 La Gazette — Mentions légales — Contact</p></footer>
</body></html>
"""


def _read(sources: list[str | Path], **kwargs: object) -> tuple[list[Article], IngestReport]:
    report = IngestReport(failures=[])
    articles = list(read_articles(sources, report=report, **kwargs))  # type: ignore[arg-type]
    return articles, report


def _write_jsonl(path: Path, lines: list[object]) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    return path


def _codes(report: IngestReport) -> list[str]:
    return [f.message[:6] for f in report.failures]


# -- formats ---------------------------------------------------------------------------------------


def test_ingest_plain_text_kept_as_is(tmp_path: Path) -> None:
    path = tmp_path / "kiev.txt"
    path.write_bytes(FR_TEXT.replace("\n", "\r\n").encode("utf-8"))
    articles, report = _read([path])
    assert len(articles) == 1
    article = articles[0]
    assert article.text == FR_TEXT
    assert article.title is None
    assert article.origin == str(path)
    assert article.id.startswith("sha1:")
    assert (report.files, report.articles, report.failures) == (1, 1, [])


def test_ingest_text_extension_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "kiev.text"
    path.write_bytes(b"\xef\xbb\xbf" + FR_TEXT.encode("utf-8"))
    [article], report = _read([path])
    assert article.text == FR_TEXT
    assert report.failures == []


def test_ingest_markdown_heading_becomes_title_and_syntax_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "# Visite du *ministre* à Kiev\n\n"
        "Le **ministre** s'est rendu à [Kiev](https://example.invalid/kiev) mardi, selon _l'AFP_.\n\n"
        "![carte](carte.png)\n\n"
        "## Les sanctions\n\n"
        "> Les sanctions seront renforcées, a-t-il déclaré.\n\n"
        "```python\nprint('code')\n```\n\n"
        "Le `communiqué` final évoque la variable snake_case_name.\n",
        encoding="utf-8",
    )
    [article], _ = _read([path])
    assert article.title == "Visite du ministre à Kiev"
    assert article.text == (
        "Le ministre s'est rendu à Kiev mardi, selon l'AFP.\n\n"
        "Les sanctions\n\n"
        "Les sanctions seront renforcées, a-t-il déclaré.\n\n"
        "Le communiqué final évoque la variable snake_case_name."
    )


def test_ingest_markdown_without_heading_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "note.markdown"
    path.write_text("Le *président* a parlé.\n", encoding="utf-8")
    [article], _ = _read([path])
    assert article.title is None
    assert article.text == "Le président a parlé."


def test_ingest_markdown_with_only_markup_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "titre.md"
    path.write_text("# Juste un titre\n\n![image](x.png)\n", encoding="utf-8")
    articles, report = _read([path])
    assert articles == []
    assert _codes(report) == ["[E001]"]


def test_ingest_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "greve.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [article], report = _read([path])
    assert report.failures == []
    assert article.title is not None and article.title.startswith("Grève à Marseille : les dockers bloquent le port")
    assert article.published == "2024-06-03"
    assert article.outlet == "La Gazette"
    assert article.url == "https://gazette.invalid/greve-marseille"
    assert article.origin == str(path)
    assert article.text.startswith("Les dockers du port de Marseille")
    assert "\n\nLe syndicat majoritaire" in article.text
    for noise in ("Accueil", "Mentions légales", "Sport"):
        assert noise not in article.text


def test_ingest_html_without_main_text_fails_with_e006(tmp_path: Path) -> None:
    path = tmp_path / "vide.htm"
    path.write_text("<html><head><title>Accueil</title></head><body><nav><a href='/'>Accueil</a></nav></body></html>", encoding="utf-8")
    articles, report = _read([path])
    assert articles == []
    [failure] = report.failures
    assert failure.message.startswith(f"[E006] {path}:")
    assert failure.path == str(path)
    assert failure.line is None


def test_ingest_sample_files() -> None:
    samples = Path(__file__).resolve().parents[3] / "samples"
    articles, report = _read([samples])
    assert report.failures == []
    by_name = {Path(a.origin or "").name: a for a in articles}
    html = by_name["fr_manifestation_serbie.html"]
    assert html.published == "2025-03-15"
    assert html.outlet == "Le Veilleur"
    assert html.title == "Serbie : des dizaines de milliers de manifestants dans les rues de Belgrade"
    assert "cookies" not in html.text and "S'abonner" not in html.text
    assert [a.id for a in articles if a.origin and "fr_depeches.jsonl" in a.origin] == [
        "veilleur-2025-0412-001",
        "veilleur-2025-0412-002",
        "veilleur-2025-0412-003",
    ]
    assert all(a.lang == "fr" for a in articles if a.origin and "fr_depeches.jsonl" in a.origin)
    caucasus = [a for a in articles if a.origin and "escalation_caucasus" in a.origin]
    assert len(caucasus) == 23 and {a.lang for a in caucasus} == {"fr", "en"} and all(a.published for a in caucasus)


def test_ingest_jsonl_records(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "data.jsonl",
        [
            {
                "id": "a1",
                "title": "Sanctions",
                "text": "L'UE adopte des sanctions.",
                "url": "https://x.invalid/a1",
                "outlet": "AFP",
                "published": "2024-05-17",
                "lang": "FR",
            },
            {"id": 42, "text": "Le Parlement vote la loi.", "published": "2024-05-17T09:30:00Z", "lang": "fr-CA", "extra": [1, 2]},
            {"text": "Le président reçoit son homologue.\u2028Suite du texte."},
        ],
    )
    articles, report = _read([path])
    assert report.failures == []
    assert [a.id for a in articles[:2]] == ["a1", "42"]
    assert articles[2].id.startswith("sha1:")
    first = articles[0]
    assert (first.title, first.url, first.outlet, first.published, first.lang) == (
        "Sanctions",
        "https://x.invalid/a1",
        "AFP",
        "2024-05-17",
        "fr",
    )
    assert articles[1].published == "2024-05-17T09:30:00Z"
    assert articles[1].lang == "fr"
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:2", f"{path}:3"]


def test_ingest_jsonl_bad_lines_fail_alone(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = _write_jsonl(
        tmp_path / "data.jsonl",
        [
            {"id": "ok1", "text": "Premier article."},
            '{"id": "broken", "text": "sans fin',
            "[1, 2, 3]",
            {"id": "notext", "title": "Titre seul"},
            {"id": "blank", "text": "   "},
            {"id": "number", "text": 12},
            {"id": "date", "text": "Un texte.", "published": "hier"},
            {"id": "title", "text": "Un texte.", "title": 5},
            {"id": True, "text": "Un texte."},
            {"id": "lang", "text": "Un texte.", "lang": "français!"},
            "",
            {"id": "ok2", "text": "Dernier article."},
        ],
    )
    with caplog.at_level(logging.WARNING, logger="tocsin"):
        articles, report = _read([path])
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:12"]
    assert [(f.line, f.message[:6]) for f in report.failures] == [
        (2, "[E005]"),
        (3, "[E005]"),
        (4, "[E008]"),
        (5, "[E008]"),
        (6, "[E005]"),
        (7, "[E005]"),
        (8, "[E005]"),
        (9, "[E005]"),
        (10, "[E005]"),
    ]
    for failure in report.failures:
        assert failure.path == str(path)
        assert failure.message.startswith(f"[E00{failure.message[4]}] {path}:{failure.line}:")
    assert "invalid JSON" in report.failures[0].message
    assert "found an array" in report.failures[1].message
    assert '"text" must be a string, found a number' in report.failures[4].message
    assert "ISO date or datetime" in report.failures[5].message and "'hier'" in report.failures[5].message
    assert report.articles == 2
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [f.message for f in report.failures]


def test_ingest_json_document_array(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "x", "text": "Un."}, {"text": ""}, {"id": "y", "text": "Deux."}], indent=2), encoding="utf-8")
    articles, report = _read([path])
    assert [a.id for a in articles] == ["x", "y"]
    assert [(f.line, f.message[:6]) for f in report.failures] == [(2, "[E008]")]


def test_ingest_json_lines_with_json_extension(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "batch.json", [{"id": "x", "text": "Un."}, {"id": "y", "text": "Deux."}])
    articles, report = _read([path])
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:2"]
    assert report.failures == []


# -- directories, stdin, identity ------------------------------------------------------------------


def test_ingest_directory_recursive_sorted_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "deep" / "z.txt").write_text("Texte profond.", encoding="utf-8")
    (tmp_path / "b" / "a.md").write_text("# T\n\nTexte md.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Texte a.", encoding="utf-8")
    (tmp_path / "c.HTM").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Caché.", encoding="utf-8")
    (tmp_path / ".cache" / "x.txt").write_text("Caché aussi.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    articles, report = _read([tmp_path])
    assert [Path(a.origin or "").relative_to(tmp_path).as_posix() for a in articles] == ["a.txt", "b/a.md", "b/deep/z.txt", "c.HTM"]
    assert report.failures == []
    assert (report.files, report.articles) == (4, 4)


def test_ingest_explicit_file_with_unknown_extension_is_text(tmp_path: Path) -> None:
    path = tmp_path / "NOTES"
    path.write_text("Le gouvernement démissionne.", encoding="utf-8")
    [article], _ = _read([path])
    assert article.text == "Le gouvernement démissionne."


def test_ingest_stdin_plain_text() -> None:
    [article], report = _read(["-"], stdin=io.StringIO(FR_TEXT + "\n"))
    assert article.text == FR_TEXT
    assert article.origin == "<stdin>"
    assert report.files == 1


def test_ingest_stdin_jsonl() -> None:
    stream = io.StringIO('{"id": "s1", "text": "Un."}\n\n{"id": "s2", "text": "Deux."}\n')
    articles, report = _read(["-"], stdin=stream)
    assert [(a.id, a.origin) for a in articles] == [("s1", "<stdin>:1"), ("s2", "<stdin>:3")]
    assert report.failures == []


def test_ingest_stdin_text_that_starts_like_json_stays_text() -> None:
    stream = io.StringIO('{"id": "s1", "text": "Un."}\nPuis une ligne de texte.\n')
    [article], _ = _read(["-"], stdin=stream)
    assert article.origin == "<stdin>"
    assert article.text.endswith("Puis une ligne de texte.")


def test_ingest_stdin_bytes_checked_like_files() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"Texte \xe9 latin-1."), encoding="utf-8")
    articles, report = _read(["-"], stdin=stream)
    assert articles == []
    assert [f.message for f in report.failures] == [report.failures[0].message]
    assert report.failures[0].message.startswith("[E003] <stdin>: not valid UTF-8 (bad byte at offset 6)")


def test_ingest_empty_stdin() -> None:
    articles, report = _read(["-"], stdin=io.StringIO("\n  \n"))
    assert articles == []
    assert _codes(report) == ["[E001]"]


def test_ingest_same_content_gives_same_id(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(FR_TEXT, encoding="utf-8")
    (tmp_path / "two.txt").write_bytes(FR_TEXT.replace("\n", "\r\n").encode("utf-8") + b"\r\n")
    _write_jsonl(tmp_path / "three.jsonl", [{"text": FR_TEXT}])
    articles, _ = _read([tmp_path / "one.txt", tmp_path / "two.txt", tmp_path / "three.jsonl", "-"], stdin=io.StringIO(FR_TEXT))
    assert len(articles) == 4
    assert len({a.id for a in articles}) == 1
    (tmp_path / "other.txt").write_text(FR_TEXT + " Autre.", encoding="utf-8")
    [other], _ = _read([tmp_path / "other.txt"])
    assert other.id != articles[0].id


# -- bad inputs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "[E001]"),
        ("blank.md", b"  \n\n\t\n", "[E001]"),
        ("bom_only.txt", b"\xef\xbb\xbf\n", "[E001]"),
        ("empty.jsonl", b"\n\n", "[E001]"),
        ("binary.txt", b"\x00\x01\x02\x00\xffdata", "[E002]"),
        ("image.txt", b"GIF89a\x00\x01\x02\x00\xff", "[E013]"),  # a known format is named
        ("binary.html", b"<html>\x00</html>", "[E002]"),
        ("latin1.txt", "Téhéran".encode("latin-1"), "[E003]"),
        ("latin1.jsonl", '{"text": "Téhéran"}'.encode("latin-1"), "[E003]"),
    ],
)
def test_ingest_bad_file_fails_and_batch_goes_on(tmp_path: Path, name: str, content: bytes, code: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(FR_TEXT, encoding="utf-8")
    articles, report = _read([bad, good])
    assert [a.origin for a in articles] == [str(good)]
    [failure] = report.failures
    assert failure.message.startswith(f"{code} {bad}:")
    assert (failure.path, failure.line) == (str(bad), None)
    assert report.files == 2


def test_ingest_invalid_utf8_reports_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xef\xbb\xbfabc " + "Téhéran".encode("latin-1"))
    _, report = _read([path])
    # 3 (BOM) + 4 ("abc ") + 1 ("T") = offset 8 in the file
    assert "bad byte at offset 8" in report.failures[0].message


def test_ingest_missing_path_fails_with_e007(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(FR_TEXT, encoding="utf-8")
    missing = tmp_path / "absent.txt"
    articles, report = _read([missing, good])
    assert len(articles) == 1
    [failure] = report.failures
    assert failure.message == f"[E007] {missing}: no such file or directory. Check the path."
    assert failure.path == str(missing)


def test_ingest_directory_without_inputs_fails_with_e009(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "data.csv").write_text("a,b", encoding="utf-8")
    (empty / ".hidden.txt").write_text("Caché.", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(FR_TEXT, encoding="utf-8")
    articles, report = _read([empty, good])
    assert len(articles) == 1
    assert _codes(report) == ["[E009]"]
    assert report.failures[0].path == str(empty)


def test_ingest_socket_is_not_a_regular_file_e016(tmp_path: Path) -> None:
    # A UNIX socket cannot be opened as a file, even by root; it is refused before opening (issue 12).
    path = tmp_path / "sock.txt"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        good = tmp_path / "good.txt"
        good.write_text(FR_TEXT, encoding="utf-8")
        articles, report = _read([path, good])
    finally:
        server.close()
    assert len(articles) == 1
    [failure] = report.failures
    assert failure.message.startswith(f"[E016] {path}: not a regular file (a socket).")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_ingest_file_without_read_permission_fails_with_e010(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(FR_TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        _, report = _read([path])
    finally:
        path.chmod(0o644)
    assert _codes(report) == ["[E010]"]


def test_ingest_oversized_file_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    chunk = ("Le ministre a parlé. " * 50_000).encode("utf-8")  # ~1 MB of valid text
    with big.open("wb") as fh:
        while fh.tell() < 21_000_000:
            fh.write(chunk)
    size = big.stat().st_size
    assert size > MAX_BYTES
    good = tmp_path / "good.txt"
    good.write_text(FR_TEXT, encoding="utf-8")
    tracemalloc.start()
    try:
        articles, report = _read([big, good])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(articles) == 1
    [failure] = report.failures
    assert failure.message.startswith(f"[E004] {big}: file is {size} bytes, over the {MAX_BYTES}-byte limit")
    assert peak < 1_000_000  # the 21 MB were never read into memory


def test_ingest_failures_without_report_are_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="tocsin"):
        assert list(read_articles([tmp_path])) == []
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert caplog.records[0].getMessage().startswith("[E001]")


# -- binary formats by magic number (issue 11) ---------------------------------------------------------

TEXT_ONLY_PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nBT /F1 12 Tf (Les forces russes ont bombard\xe9 Kharkiv) Tj ET\n%%EOF\n"
)


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("report.pdf", TEXT_ONLY_PDF, "PDF"),
        ("report.txt", b"%PDF-1.7\nBT (La Russie a menace) Tj ET\n", "PDF"),  # no NUL, valid-looking text: still refused
        ("letter.docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
        ("photo.txt", b"\x89PNG\r\n\x1a\nIHDR", "PNG"),
        ("notes.txt", b"{\\rtf1\\ansi Les forces russes}", "RTF"),
        ("dump.txt", b"\x1f\x8b\x08\x00abc", "gzip"),
    ],
)
def test_ingest_binary_formats_are_refused_by_magic_number(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    articles, report = _read([path])
    assert articles == []
    assert _codes(report) == ["[E013]"]
    message = report.failures[0].message
    assert str(path) in message and kind in message and "extract the text first" in message


def test_ingest_pdf_on_stdin_is_refused() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"%PDF-1.4\nBT (texte) Tj ET\n"), encoding="utf-8")
    articles, report = _read(["-"], stdin=stream)
    assert articles == []
    assert report.failures[0].message.startswith("[E013] <stdin>: a PDF file")


def test_ingest_text_mentioning_pdf_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Le rapport (PDF, 12 pages) accuse la Russie. %PDF- n'est qu'un mot ici.", encoding="utf-8")
    articles, report = _read([path])
    assert len(articles) == 1 and report.failures == []


# -- counting before reading (progress totals) ------------------------------------------------------


def test_ingest_count_articles_counts_lines_files_and_rows(tmp_path: Path) -> None:
    from tocsin.stages.ingest import count_articles

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    _write_jsonl(folder / "a.jsonl", [{"text": "un"}, {"text": "deux"}, "", "not json"])  # bad lines count: they are read
    (folder / "sub" / "b.txt").write_text("Texte.", encoding="utf-8")
    (folder / "c.md").write_text("# Titre\n\nTexte.", encoding="utf-8")
    (folder / ".hidden.txt").write_text("caché", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    assert count_articles([folder]) == 3 + 1 + 1
    assert count_articles([folder, folder / "c.md"]) == 6
    assert count_articles([tmp_path / "missing.txt"]) == 0
    assert count_articles(["-"]) is None  # stdin: unknown
    (tmp_path / "d.json").write_text('[{"text": "a"}, {"text": "b"}]', encoding="utf-8")
    assert count_articles([tmp_path / "d.json"]) is None


def test_ingest_count_articles_reads_parquet_row_counts(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tocsin.stages.ingest import count_articles

    pq.write_table(pa.table({"id": ["a", "b", "c"], "text": ["x", "y", "z"]}), tmp_path / "rows.parquet")
    assert count_articles([tmp_path / "rows.parquet"]) == 3
