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


@pytest.mark.parametrize("command", [["series"], ["ladder"], ["events"], ["alerts", "--no-detect"], ["alerts"]])
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
