"""Export formats come from tocsin.registry.exports: the built-in ones, and a toy format registered here."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tocsin import registry
from tocsin.cli import app
from tocsin.cli.interop import FORMATS, export_events
from tocsin.errors import ConfigError
from tocsin.interop import export_csv, export_events_gdelt, export_events_gdelt_mentions, export_parquet, export_plover
from tocsin.models import Article
from tocsin.store import DuckDBStore


@registry.exports.register("test-ids")
def _write_ids(events: Iterable[dict[str, Any]], out_path: str | Path) -> int:
    """A toy format: one line per event, its article id and CAMEO code."""
    lines = [f"{event['article_id']} {event['cameo']}\n" for event in events]
    Path(out_path).write_text("".join(lines), encoding="utf-8")
    return len(lines)


def _db(tmp_path: Path, article: Article) -> str:
    path = tmp_path / "t.duckdb"
    with DuckDBStore(path) as store:
        store.save([article])
    return str(path)


def test_built_in_formats_are_registered() -> None:
    assert set(FORMATS) <= set(registry.exports.names())
    assert registry.exports.get("gdelt") is export_events_gdelt
    assert registry.exports.get("gdelt-mentions") is export_events_gdelt_mentions
    assert registry.exports.get("plover") is export_plover
    assert registry.exports.get("csv") is export_csv and registry.exports.get("parquet") is export_parquet


def test_a_registered_format_is_usable_from_python_and_the_cli(tmp_path: Path, threat_article: Article) -> None:
    db = _db(tmp_path, threat_article)
    assert export_events(db, tmp_path / "ids.txt", "test-ids") == 1
    assert (tmp_path / "ids.txt").read_text(encoding="utf-8") == "art1 130\n"
    result = CliRunner().invoke(app, ["export", "--format", "test-ids", "--db", db, "--out", str(tmp_path / "cli.txt")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cli.txt").read_text(encoding="utf-8") == "art1 130\n"
    assert export_events(db, tmp_path / "p.jsonl", "plover") == 1
    assert json.loads((tmp_path / "p.jsonl").read_text(encoding="utf-8"))["event_type"] == "THREATEN"


def test_unknown_format_is_E511(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[E511\] Unknown export format 'xml' \(registered: .*gdelt.*test-ids"):
        export_events(tmp_path / "none.duckdb", tmp_path / "x", "xml")
    result = CliRunner().invoke(app, ["export", "--format", "xml", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "--format" in result.stderr and "[E511]" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()
