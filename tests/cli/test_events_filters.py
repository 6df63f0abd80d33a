"""``tocsin events`` takes the filter vocabulary of the Python and REST APIs (tocsin.store.filters.EventFilter)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tocsin.cli import app
from tocsin.models import Article
from tocsin.store import open_store


def _cameos(db: str, *options: str) -> list[str]:
    result = CliRunner().invoke(app, ["events", "--db", db, "--format", "jsonl", *options])
    assert result.exit_code == 0, result.output
    return sorted(json.loads(line)["cameo"] for line in result.stdout.splitlines() if line.startswith("{"))


def test_cli_events_filter_vocabulary(tmp_path: Path, vocabulary_articles: list[Article]) -> None:
    db = str(tmp_path / "t.duckdb")
    with open_store(db) as store:
        store.save(vocabulary_articles)
    assert _cameos(db) == ["042", "130", "190"]
    assert _cameos(db, "--dyad", "RUS", "UKR") == ["042", "130", "190"]
    assert _cameos(db, "--pair", "RUS>UKR") == ["130", "190"]
    assert _cameos(db, "--source-code", "UKR") == ["042"]
    assert _cameos(db, "--root", "19") == ["190"]
    assert _cameos(db, "--quad", "3", "--until", "2024-03-31") == ["130"]
    bad = CliRunner().invoke(app, ["events", "--db", db, "--since", "2024-3-5"])
    assert bad.exit_code == 1 and "[E501] Invalid value for since" in bad.output
