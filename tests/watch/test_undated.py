"""Issue 11: time is explicit. Events are dated by their event date, else their article's publication date; those
with neither are counted apart ("undated"), never as the day they were coded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tocsin.cli import app
from tocsin.run import code_sources
from tocsin.store import DuckDBStore
from tocsin.watch import detect, ladder, series
from tocsin.watch.ladder import pairs

from .conftest import SEED


@pytest.fixture(scope="module")
def undated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article coded with no date: plain text, no --published."""
    path = tmp_path_factory.mktemp("undated") / "undated.duckdb"
    with DuckDBStore(path) as store:
        report = code_sources([str(SEED)], store)
    assert report.events_added > 0 and not report.failures
    return path


def test_undated_events_are_never_dated_by_the_ingest_day(undated_db: Path) -> None:
    with DuckDBStore(undated_db, read_only=True) as store:
        conn = store.connection()
        stored = conn.execute(
            "SELECT count(*), count(day), min(seen_date) FROM merged_events m JOIN events e ON e.event_id = m.event_id"
        ).fetchone()
        assert stored[0] > 0 and stored[1] == 0 and stored[2] == date.today()  # stored today, dated never
        frame = ladder(store)
        assert frame.empty and frame.attrs["undated"] > 0
        assert pairs(store).attrs["undated"] == frame.attrs["undated"]
        overall = series(store)
        assert overall.empty and 0 < overall.attrs["undated"] <= stored[0]  # the factual, confident ones
        assert detect(store) == []  # no alert lands in "this week"


def test_undated_count_follows_the_selection(store) -> None:
    """The bundled corpus is dated (no undated), the seed is dated by --published: nothing left out."""
    assert series(store, pair="RUS>IGOWSTNAT").attrs["undated"] == 0
    assert ladder(store).attrs["undated"] == 0


def test_undated_cli_says_how_many(undated_db: Path) -> None:
    result = CliRunner().invoke(app, ["ladder", "--db", str(undated_db)])
    assert result.exit_code == 0, result.output
    assert "undated event(s) left out" in result.output
    assert "--published" in result.output


def test_ladder_now_is_the_pair_own_last_date_and_old_pairs_are_dormant(store) -> None:
    frame = ladder(store).set_index("pair")
    # the seed (2025-04-10) is near the latest day stored; the Caucasus corpus ended in February: dormant, not "now"
    seed = frame.loc["RUS>IGOWSTNAT"]
    assert seed["last_date"] == date(2025, 4, 10) and 0 <= seed["quiet_days"] < 28 and not seed["dormant"]
    caucasus = frame.loc["AZE>ARM"]
    assert caucasus["last_date"] < date(2025, 3, 13) and caucasus["quiet_days"] >= 28 and caucasus["dormant"]
    # within a window that reaches it, the same pair is active
    assert not ladder(store, pair="AZE>ARM", until=caucasus["last_date"]).iloc[0]["dormant"]
    assert pairs(store).set_index("pair").loc["AZE>ARM", "dormant"]
