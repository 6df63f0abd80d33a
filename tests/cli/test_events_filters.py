"""``tocsin events`` takes the filter vocabulary of the Python and REST APIs (tocsin.store.filters.EventFilter)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from tocsin.cli import app
from tocsin.models import Article, Event, Sentence
from tocsin.store import open_store


def _article(article_id: str, published: str, events: list[dict[str, Any]]) -> Article:
    article = Article(
        text="Russia threatened Ukraine.", id=article_id, title=article_id, url=f"https://example.org/{article_id}", outlet="example.org",
        published=published, lang="en", lang_score=0.98, origin="feed.jsonl:1", sentences=[Sentence(0, 0, 26, "Russia threatened Ukraine.")],
    )  # fmt: skip
    base = {
        "article_id": article_id, "sentence_index": 0, "sentence": "Russia threatened Ukraine.", "cameo": "130", "root": "13", "quad": 3,
        "goldstein": -4.4, "source_code": "RUS", "target_code": "UKR", "trigger": "threatened", "trigger_start": 7, "trigger_end": 17,
        "coder": "tocsin.coder.v1",
    }  # fmt: skip
    article.events = [Event(**{**base, "trigger_start": 7 + n, **spec}) for n, spec in enumerate(events)]
    return article


def _cameos(db: str, *options: str) -> list[str]:
    result = CliRunner().invoke(app, ["events", "--db", db, "--format", "jsonl", *options])
    assert result.exit_code == 0, result.output
    return sorted(json.loads(line)["cameo"] for line in result.stdout.splitlines() if line.startswith("{"))


def test_cli_events_filter_vocabulary(tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    with open_store(db) as store:
        store.save(
            [
                _article("a1", "2024-03-05", [{}, {"cameo": "190", "root": "19", "quad": 4, "goldstein": -10.0}]),
                _article("a2", "2024-04-01", [{"source_code": "UKRMIL", "target_code": "RUSGOV", "cameo": "042", "root": "04", "quad": 1}]),
            ]
        )
    assert _cameos(db) == ["042", "130", "190"]
    assert _cameos(db, "--dyad", "RUS", "UKR") == ["042", "130", "190"]
    assert _cameos(db, "--pair", "RUS>UKR") == ["130", "190"]
    assert _cameos(db, "--source-code", "UKR") == ["042"]
    assert _cameos(db, "--root", "19") == ["190"]
    assert _cameos(db, "--quad", "3", "--until", "2024-03-31") == ["130"]
    bad = CliRunner().invoke(app, ["events", "--db", db, "--since", "2024-3-5"])
    assert bad.exit_code == 1 and "[E501] Invalid value for since" in bad.output
