"""The CLI on hostile input (issue 12): user values are printed as text, never as rich markup, and a damaged
database is one coded line (E307) in every command, never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tocsin.cli import app
from tocsin.store import DuckDBStore

runner = CliRunner()


def _store_with_events(path: Path, n: int) -> Path:
    """A store of ``n`` merged RUS>UKR events over 1,500 days, written with SQL (no coding)."""
    with DuckDBStore(path) as store:
        store.connection().execute(
            "INSERT INTO merged_events (event_id, base_code, source_country, target_country, event_date, num_mentions, num_sources,"
            " num_articles, confidence, article_id, cameo, root, quad, goldstein, source_code, target_code, src, tgt, day, nuclear, signal,"
            " factual) SELECT 'm' || i, '190', 'RUS', 'UKR', DATE '2020-01-01' + CAST(i % 1500 AS INTEGER), 1, 1, 1, 0.9, 'a' || i, '190',"
            " '19', 4, -10.0, 'RUS', 'UKR', 'RUS', 'UKR', DATE '2020-01-01' + CAST(i % 1500 AS INTEGER), false, false, true FROM range(?) t(i)",
            [n],
        )
    return path


def _damage(path: Path, offset: int, size: int) -> Path:
    with path.open("r+b") as fh:
        fh.seek(offset)
        fh.write(os.urandom(size))
    return path


def test_cli_user_values_are_not_markup(tmp_path: Path) -> None:
    folder = tmp_path / "br[ack]ets"
    folder.mkdir()
    records = ['{"id": "a", "text": "Hello there.", "published": "[/yellow]"}', '{"id": "b\\udfff", "text": "Hello."}']
    records.append('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}")
    (folder / "in[1].jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "--no-store", str(folder)])
    assert result.exit_code == 1, result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    output = " ".join(result.output.split())  # soft-wrapped lines joined
    name = str(folder / "in[1].jsonl")
    assert f"skipped: [E005] {name}:1: malformed" in output and "found '[/yellow]'" in output
    assert f"[E014] {name}:2: the id holds a lone surrogate" in output
    assert f"[E015] {name}:3: JSON nested too deeply" in output
    assert "3 input(s) failed" in output


def test_cli_error_line_keeps_brackets(tmp_path: Path) -> None:
    missing = tmp_path / "no[such]dir" / "x.duckdb"
    result = runner.invoke(app, ["events", "--db", str(missing)])
    assert result.exit_code == 1
    assert str(missing) in " ".join(result.output.split())


@pytest.mark.parametrize("command", [["series"], ["ladder"], ["events"], ["alerts", "--no-detect"], ["alerts"], ["serve", "--port", "1"]])
def test_cli_damaged_database_is_one_coded_line(tmp_path: Path, command: list[str]) -> None:
    db = _damage(_store_with_events(tmp_path / "damaged.duckdb", 1000), 8192, 200_000)
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    output = " ".join(result.output.split())
    assert output.startswith(f"error: [E307] Database {db} is damaged") and "Restore it from a backup" in output


def test_cli_damaged_block_read_late_is_e307(tmp_path: Path) -> None:
    # The file opens; the damaged block is met by the watch layer's own SQL (it raised DuckDB's error as a traceback).
    db = _damage(_store_with_events(tmp_path / "late.duckdb", 300_000), 1_000_000, 2_000_000)
    outputs = [runner.invoke(app, [command, "--db", str(db)]) for command in ("series", "ladder", "events")]
    assert all(isinstance(r.exception, SystemExit) or r.exception is None for r in outputs), [r.exception for r in outputs]
    assert any("[E307]" in r.output for r in outputs)
    assert all(r.exit_code == 0 or r.output.startswith("error: [E307]") for r in outputs)


def test_cli_not_a_database_is_e307(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_text(json.dumps({"not": "a database"}), encoding="utf-8")
    result = runner.invoke(app, ["series", "--db", str(db)])
    assert result.exit_code == 1 and "[E307]" in result.output


FR_NEWS = (
    "Les forces russes ont bombardé la ville de Kharkiv jeudi, a déclaré l'armée ukrainienne.\n\n"
    "Le gouvernement français a condamné l'attaque russe contre l'Ukraine."
)


def _coded(tmp_path: Path, name: str, text: str) -> list[tuple[str, str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["code", "--no-store", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return sorted((e["source_code"] or "", e["cameo"], e["target_code"] or "") for e in events)


@pytest.mark.slow
def test_issue12_french_in_nfd_codes_like_nfc(tmp_path: Path) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", FR_NEWS)
    assert nfd != FR_NEWS
    composed = _coded(tmp_path, "nfc.txt", FR_NEWS)
    assert len(composed) >= 2  # a real French text that codes events
    assert _coded(tmp_path, "nfd.txt", nfd) == composed  # it coded 0 events in NFD


@pytest.mark.slow
def test_issue12_poisoned_record_skipped_the_rest_stored(tmp_path: Path, english_stories) -> None:
    stories = english_stories(20).read_text(encoding="utf-8").splitlines()
    poisoned = json.loads(stories[10])
    poisoned["id"] = "poison"
    lines = [*stories[:10], json.dumps(poisoned).replace('"poison"', '"poison\\udfff"'), *stories[10:]]
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "run.duckdb"
    first = runner.invoke(app, ["code", "--db", str(db), "--format", "jsonl", str(path)])
    output = " ".join(first.output.split())
    assert f"[E014] {path}:11: the id holds a lone surrogate" in output and "1 input(s) failed" in output
    with DuckDBStore(db, read_only=True) as store:
        stored = store.count("articles")
        events = store.count("events")
    assert stored == len({json.loads(line)["id"] for line in stories})  # every good story, none lost to the bad one
    again = runner.invoke(app, ["code", "--db", str(db), str(path)])
    assert "0 event(s) added" in " ".join(again.output.split())
    with DuckDBStore(db, read_only=True) as store:
        assert (store.count("articles"), store.count("events")) == (stored, events)


_ALPHABET = "ab[]/\\=#:;'\"{}<>é漢\x1b\x07\x00\r\t\n \x7f\x9b\udcff" + "[/yellow][bold red]\x1b[31m\x1b]0;title\x07"


def _hostile_strings(count: int, seed: int = 12) -> list[str]:
    """Random text of brackets, markup, ANSI escapes, control characters and lone surrogates (seeded: reproducible)."""
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def test_cli_every_output_path_prints_hostile_text_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    import typer
    from rich.console import Console

    from tocsin.cli import _app

    _app.err = Console(stderr=True, force_terminal=True, width=100)  # a terminal: ANSI output is what it would show
    _app.out = Console(force_terminal=True, width=100)
    try:
        for value in _hostile_strings(300):
            _app.say(value, label="skipped:")
            _app.say(value)
            with pytest.raises(typer.Exit):
                _app.fail(value)
            _app.print_rows([{"article_id": value, "trigger": value, "cameo": "190"}], "table", title=value)
            shown = capsys.readouterr()
            text = shown.err + shown.out
            assert "\x1b[31m" not in value or "\\x1b[31m" in text  # the user's escape is shown, not obeyed
            for control in ("\x00", "\x07", "\x1b]0;"):
                assert control not in text
            if value and "[" in value:
                plain = _app.printable(value).replace("\n", " ")
                assert plain.split()[0] in text  # brackets kept, not eaten as markup
    finally:
        _app.err, _app.out = Console(stderr=True), Console(width=160)


def test_cli_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)  # no writer: counting its lines for the progress bar, or reading it, would block forever
    result = runner.invoke(app, ["code", "--no-store", str(fifo)])
    assert result.exit_code == 1, result.output
    assert f"[E016] {fifo}: not a regular file (a named pipe (FIFO))" in " ".join(result.output.split())
