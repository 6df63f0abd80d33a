"""``tocsin.open(db)``: the Python API's DataFrames."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import tocsin
from tocsin.models import Article, Event, Sentence
from tocsin.store import DuckDBStore


def _article(article_id: str) -> Article:
    article = Article(
        text="Russia threatened Ukraine.",
        id=article_id,
        published="2024-05-09",
        lang="en",
        sentences=[Sentence(0, 0, 26, "Russia threatened Ukraine.")],
    )
    article.events = [
        Event(article_id=article_id, sentence_index=0, sentence="Russia threatened Ukraine.", cameo="130", root="13", quad=3,
              goldstein=-4.4, source_code="RUS", target_code="UKR", trigger="threatened", trigger_start=7, trigger_end=17)
    ]  # fmt: skip
    return article


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.duckdb"
    with DuckDBStore(path) as store:
        store.save([_article("a1")])
    return path


def test_dataset_empty_events_keep_their_columns(db: Path) -> None:
    with tocsin.open(db) as dataset:
        full = dataset.events()
        empty = dataset.events(dyad=("RUS", "UKR"), since="2030-01-01")
    assert len(full) == 1 and len(empty) == 0
    assert list(empty.columns) == list(full.columns)
    assert empty[["cameo"]].empty  # the README's frame[["cameo"]] works on an empty result
    assert {"event_id", "mention_id", "cameo_name", "num_sources", "event_date"} <= set(empty.columns)


def test_dataset_holds_no_lock_between_calls(db: Path) -> None:
    with tocsin.open(db) as dataset:
        assert len(dataset.events()) == 1
        writer = subprocess.run([sys.executable, "-c", f"import duckdb; duckdb.connect({str(db)!r}).execute('CREATE TABLE probe (x INT)')"],
                                capture_output=True, text=True, check=False)  # fmt: skip
        assert writer.returncode == 0, writer.stderr  # another process wrote while the dataset was open
        assert len(dataset.events(actor="RUS")) == 1


def test_dataset_events_take_the_filter_vocabulary(tmp_path: Path) -> None:
    """The fields of ``GET /api/events`` (pair, source, root, quad...) and an EventFilter work from Python too."""
    db = tmp_path / "t.duckdb"
    with DuckDBStore(db) as store:
        store.save([_article("a1")])
    with tocsin.open(db) as data:
        assert list(data.events(pair="RUS>UKR")["article_id"]) == ["a1"]
        assert data.events(pair="UKR>RUS").empty
        assert list(data.events(tocsin.store.EventFilter(root="13"), quad=3)["cameo"]) == ["130"]
        assert data.events(source="UKR").empty
        with pytest.raises(tocsin.errors.ConfigError, match=r"\[E501\] Invalid value for root"):
            data.events(root="99")
