"""PLOVER JSON Lines export and flat CSV / Parquet tables."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tocsin.errors import TocsinError
from tocsin.interop import export_plover, export_table
from tocsin.models import Article, Event
from tocsin.store import DuckDBStore

KEYS = {"id", "date", "event_type", "mode", "context", "actor", "recipient", "location", "event_text", "trigger", "source", "cameo", "goldstein", "confidence"}  # fmt: skip


def make_events() -> list[dict[str, Any]]:
    coded = Event(
        article_id="a1", sentence_index=1, sentence="La Russie menace l'Ukraine.", cameo="130", root="13", quad=3, goldstein=-4.4,
        source_code="RUSGOV", source_text="La Russie", target_code="UKR", target_text="l'Ukraine", plover="THREATEN", mode="",
        trigger="menace", trigger_start=10, trigger_end=16, confidence=0.7, lang="fr",
    ).to_dict()  # fmt: skip
    coded.update(
        event_id="aa11", event_date="2024-03-05", url="https://example.fr/a1", outlet="example.fr", place="Kyiv", lat=50.45, lon=30.52
    )
    no_plover = Event(article_id="a2", sentence_index=0, sentence="x", cameo="010", root="01", quad=1, goldstein=0.0).to_dict()
    no_plover.update(event_id="bb22", event_date=None, url=None, outlet=None)
    return [coded, no_plover]


def test_plover_lines(tmp_path: Path) -> None:
    out = tmp_path / "events.plover.jsonl"
    assert export_plover(make_events(), out) == 1  # the event with no PLOVER type is skipped
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) == KEYS
    assert (record["id"], record["date"], record["event_type"], record["mode"], record["context"]) == (
        "aa11",
        "2024-03-05",
        "THREATEN",
        "",
        [],
    )
    assert record["actor"] == {"code": "RUSGOV", "text": "La Russie", "country": "RUS"}
    assert record["recipient"] == {"code": "UKR", "text": "l'Ukraine", "country": "UKR"}
    assert record["location"] == {"place": "Kyiv", "lat": 50.45, "lon": 30.52}
    assert (record["event_text"], record["trigger"]) == ("La Russie menace l'Ukraine.", "menace")
    assert record["source"] == {"article_id": "a1", "sentence_index": 1, "url": "https://example.fr/a1", "outlet": "example.fr"}
    assert (record["cameo"], record["goldstein"], record["confidence"]) == ("130", -4.4, 0.7)


def test_csv_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    events = make_events()
    assert export_table(events, out, "csv") == 2
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["event_id"] for r in rows] == ["aa11", "bb22"]
    assert rows[0]["sentence"] == "La Russie menace l'Ukraine." and rows[1]["plover"] == ""
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*), min(cameo) FROM read_csv('{out}', header = true, all_varchar = true)").fetchone() == (2, "010")


def test_parquet_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export_table(make_events(), out, "parquet") == 2
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{out}'").fetchone() == (2,)
    row = con.execute(f"SELECT event_id, goldstein, quad, negated, plover, place, lat FROM '{out}' ORDER BY event_id").fetchall()
    assert row == [("aa11", -4.4, 3, False, "THREATEN", "Kyiv", 50.45), ("bb22", 0.0, 1, False, None, None, None)]
    types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{out}')").fetchall())
    # the store's types, not the values' (issue 11: dates were text)
    assert (types["quad"], types["goldstein"], types["negated"], types["event_date"]) == ("INTEGER", "DOUBLE", "BOOLEAN", "DATE")


def test_tables_from_a_store(tmp_path: Path, threat_article: Article) -> None:
    with DuckDBStore(tmp_path / "t.duckdb") as store:
        store.save([threat_article])
        assert export_table(store, tmp_path / "e.parquet", "parquet") == 1
        assert export_table(store, tmp_path / "e.csv", "csv") == 1
        assert export_plover(store.events(), tmp_path / "e.jsonl") == 1
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*), any_value(url) FROM '{tmp_path / 'e.parquet'}'").fetchone() == (1, "https://example.org/art1")
    assert json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8"))["source"]["url"] == "https://example.org/art1"


def test_empty_and_bad_format(tmp_path: Path) -> None:
    assert export_table([], tmp_path / "none.parquet", "parquet") == 0
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 'none.parquet'}'").fetchone() == (0,)
    assert export_table([], tmp_path / "none.csv", "csv") == 0
    assert export_plover([], tmp_path / "none.jsonl") == 0
    with pytest.raises(TocsinError, match=r"^\[E805\]"):
        export_table([], tmp_path / "x", "xlsx")
    with pytest.raises(TocsinError, match=r"^\[E806\]"):
        export_plover(make_events(), tmp_path / "no" / "such" / "dir.jsonl")
