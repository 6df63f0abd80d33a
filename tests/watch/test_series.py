"""Weekly and daily series of the escalation corpus."""

from __future__ import annotations

from datetime import date

import pytest

from tocsin.errors import ConfigError
from tocsin.watch import series

pytestmark = pytest.mark.slow

WEEKS = [date(2025, 1, 6), date(2025, 1, 13), date(2025, 1, 20), date(2025, 1, 27), date(2025, 2, 3), date(2025, 2, 10),
         date(2025, 2, 17), date(2025, 2, 24)]  # fmt: skip


def test_escalating_pair_moves_from_cooperation_to_conflict(store) -> None:
    s = series(store, pair="AZE>ARM")
    assert list(s["period"]) == WEEKS  # gap weeks are rows of zeros, not missing
    by_week = s.set_index("period")
    # talks first: cooperation only, positive Goldstein
    assert by_week.loc[WEEKS[0], "cooperation"] >= 1 and by_week.loc[WEEKS[0], "conflict"] == 0
    assert by_week.loc[WEEKS[0], "goldstein_mean"] > 0
    assert by_week.loc[WEEKS[1], "events"] == 0 and by_week.loc[WEEKS[1], "escalation"] == 0
    # then accusations, threats, exercises, strikes: the rung climbs week after week
    assert list(by_week.loc[WEEKS[3] :, "rung"]) == [1, 3, 4, 6, 6]
    assert list(s["balance"][3:]) == [-1.0] * 5
    # the strikes week has the highest escalation and the most conflict
    assert s["escalation"].idxmax() == 6 and by_week.loc[WEEKS[6], "conflict"] == s["conflict"].max()
    assert by_week.loc[WEEKS[6], "quad4"] >= 3
    assert by_week.loc[WEEKS[6], "roots"].get("19", 0) >= 2


def test_merged_reports_count_once_with_their_sources(store) -> None:
    s = series(store, pair="AZE>ARM").set_index("period")
    # week 5: a French and an English outlet report the same threat: one event, two sources
    assert s.loc[WEEKS[4], "events"] == 1 and s.loc[WEEKS[4], "sources"] == 2


def test_share_is_normalised_by_the_period_total(store) -> None:
    s = series(store, pair="AZE>ARM")
    for row in s.itertuples():
        assert row.total >= row.events
        assert row.share == pytest.approx(row.events / row.total if row.total else 0.0)
    overall = series(store)
    assert (overall["share"][overall["events"] > 0] == 1.0).all()


def test_calm_pair_stays_cooperative(store) -> None:
    s = series(store, pair="FRA-DEU")
    assert s["events"].sum() >= 6
    assert s["conflict"].sum() == 0 and (s["rung"] == 0).all() and (s["escalation"] <= 0).all()


def test_country_and_daily_series(store) -> None:
    country = series(store, country="ARM")
    pair = series(store, pair="AZE-ARM")
    assert country["events"].sum() >= pair["events"].sum()
    daily = series(store, pair="AZE>ARM", freq="day", since="2025-02-17", until="2025-02-23")
    assert len(daily) == 7 and daily["events"].sum() == series(store, pair="AZE>ARM").set_index("period").loc[WEEKS[6], "events"]


def test_actor_level_series_keeps_full_codes(store) -> None:
    s = series(store, pair="AZEMIL>ARM", level="actor")
    assert s["events"].sum() >= 3
    assert series(store, pair="AZEMIL>ARM")["events"].sum() == 0  # at country level there is no side "AZEMIL"


def test_unknown_pair_is_an_empty_frame(store) -> None:
    s = series(store, pair="XXX>YYY")
    assert s.empty and "escalation" in s.columns


@pytest.mark.parametrize(
    ("kwargs", "match"), [({"freq": "month"}, "freq"), ({"since": "last week"}, "since"), ({"level": "city"}, "level")]
)
def test_bad_parameters(store, kwargs: dict, match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        series(store, **kwargs)


def test_python_api_returns_dataframes(store, tmp_path) -> None:
    import tocsin

    path = store.path
    store.connection().execute("CHECKPOINT")
    import shutil

    copy = tmp_path / "copy.duckdb"
    shutil.copy(path, copy)
    with tocsin.open(copy) as data:
        weekly = data.series("AZE>ARM")
        assert list(weekly["rung"])[-2:] == [6, 6]
        assert data.ladder("RUS>IGOWSTNAT").iloc[0]["nuclear"]
        assert data.series(country="ARM", freq="day")["events"].sum() > 0
        assert isinstance(data.alerts(), type(weekly))


def test_an_issue_4_database_upgrades_to_the_same_series(store, tmp_path) -> None:
    """Migrations 0004-0005 on a store written before them: merged events get their facts, series are unchanged."""
    import shutil

    import duckdb

    from tocsin.store import DuckDBStore

    store.connection().execute("CHECKPOINT")
    old = tmp_path / "old.duckdb"
    shutil.copy(store.path, old)
    conn = duckdb.connect(str(old))
    indexes = conn.execute("SELECT index_name, sql FROM duckdb_indexes()").fetchall()
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")  # DuckDB alters no table with an index on it
    for column in (
        "article_id",
        "cameo",
        "root",
        "quad",
        "goldstein",
        "source_code",
        "target_code",
        "src",
        "tgt",
        "day",
        "nuclear",
        "signal",
        "factual",
    ):
        conn.execute(f"ALTER TABLE merged_events DROP COLUMN {column}")
    conn.execute("ALTER TABLE events DROP COLUMN nuclear")
    conn.execute("ALTER TABLE events DROP COLUMN seen_date")
    conn.execute("DROP TABLE alerts")
    for table in ("feed_items", "feeds"):  # migration 0010's, applied again with the others
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.execute("DELETE FROM schema_version WHERE version >= 4")
    for name, sql in indexes:
        if name not in ("alerts_pair", "feed_items_hash"):  # on tables dropped above
            conn.execute(sql)
    conn.close()
    upgraded = DuckDBStore(old)
    try:
        before = series(store, pair="AZE>ARM").drop(columns=["roots"])
        after = series(upgraded, pair="AZE>ARM").drop(columns=["roots"])
        assert after.equals(before)
        missing = (
            upgraded.connection()
            .execute("SELECT count(*) FROM merged_events WHERE day IS NULL OR root IS NULL OR (src IS NULL AND source_code IS NOT NULL)")
            .fetchone()
        )
        assert missing == (0,)
    finally:
        upgraded.close()


def test_events_that_did_not_happen_or_are_unsure_are_not_counted(tmp_path) -> None:
    """Issue 9: the watch never counts an event whose every report is negated or hypothetical, and reads events at
    or above the confidence threshold unless asked (min_confidence=0 keeps all)."""
    from tocsin import make_pipeline
    from tocsin.config import settings
    from tocsin.models import Article
    from tocsin.store import DuckDBStore

    pipeline = make_pipeline(lang="en", keep_negated=True)
    articles = list(
        pipeline.pipe(
            [
                Article(id="hyp", text="Azerbaijan would attack Armenia if the talks failed.", lang="en", published="2024-05-07"),
                Article(id="neg", text="Georgia did not attack Turkey on Monday.", lang="en", published="2024-05-07"),
                Article(id="real", text="Azerbaijan attacked Armenia on Monday.", lang="en", published="2024-05-14"),
            ]
        )
    )
    assert any(e.hypothetical for e in articles[0].events) and any(e.negated for e in articles[1].events)
    with DuckDBStore(tmp_path / "w.duckdb") as store:
        store.save(articles)
        weekly = series(store, pair="AZE>ARM", since="2024-05-06", until="2024-05-19")
        assert list(weekly["events"]) == [0, 1]
        assert series(store, pair="GEO>TUR", since="2024-05-06", until="2024-05-12")["events"].sum() == 0
        low = (
            store.connection()
            .execute("UPDATE merged_events SET confidence = ? RETURNING event_id", [settings().watch.min_confidence / 2])
            .fetchall()
        )
        assert low
        assert series(store, pair="AZE>ARM", since="2024-05-06", until="2024-05-19")["events"].sum() == 0
        assert series(store, pair="AZE>ARM", since="2024-05-06", until="2024-05-19", min_confidence=0)["events"].sum() == 1


def test_series_tuning_comes_from_the_configuration(store, tmp_path) -> None:
    """tuning.watch.max_periods and min_confidence are read from the active configuration: a 12-day daily series is
    E507 when a series may hold 10 periods, and a threshold above every event's confidence counts none."""
    from tocsin.config import active_config

    config = tmp_path / "run.toml"
    config.write_text("[tuning.watch]\nmax_periods = 10\nmin_confidence = 0.995\n")
    assert len(series(store, pair="AZE>ARM", freq="day", since="2025-02-17", until="2025-02-28")) == 12
    assert series(store, pair="AZE>ARM")["events"].sum() > 0
    with active_config(config):
        with pytest.raises(ConfigError, match=r"\[E507\].*at most 10"):
            series(store, pair="AZE>ARM", freq="day", since="2025-02-17", until="2025-02-28")
        assert len(series(store, pair="AZE>ARM", freq="day", since="2025-02-17", until="2025-02-26", min_confidence=0)) == 10
        assert series(store, pair="AZE>ARM")["events"].sum() == 0
        assert series(store, pair="AZE>ARM", min_confidence=0)["events"].sum() > 0
