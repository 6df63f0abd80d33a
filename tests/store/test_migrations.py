"""Schema migrations: recorded, applied once, refused when the DB is newer."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tocsin.errors import StoreError
from tocsin.models import Article, Event
from tocsin.store import DuckDBStore, migrations
from tocsin.store.migrations import Migration, latest_version, load_migrations, migrate, schema_version
from tocsin.watch import ladder, run_alerts, series
from tocsin.watch.records import records


def _versions(conn: duckdb.DuckDBPyConnection) -> list[int]:
    return [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]


def test_migrations_shipped_as_package_data() -> None:
    shipped = load_migrations("duckdb")
    assert [m.name for m in shipped][:2] == ["0001_initial.sql", "0002_indexes.sql"]
    assert latest_version() == shipped[-1].version == len(shipped)


def test_migrations_unknown_backend() -> None:
    with pytest.raises(StoreError, match=r"\[E303\]"):
        load_migrations("oracle")


def test_migrations_applied_and_recorded() -> None:
    conn = duckdb.connect(":memory:")
    assert schema_version(conn) == 0
    assert migrate(conn) == latest_version()
    assert _versions(conn) == list(range(1, latest_version() + 1))
    tables = {row[0] for row in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert {"schema_version", "articles", "sentences", "mentions", "events"} <= tables
    indexes = {row[0] for row in conn.execute("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'events'").fetchall()}
    assert {"events_source_code", "events_target_code", "events_event_date", "events_cameo"} <= indexes
    assert migrate(conn) == 0
    assert _versions(conn) == list(range(1, latest_version() + 1))


def test_migrations_reopen_does_not_reapply(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb"
    DuckDBStore(path).close()
    conn = duckdb.connect(str(path))
    first = conn.execute("SELECT version, applied_at FROM schema_version ORDER BY version").fetchall()
    conn.close()
    DuckDBStore(path).close()
    conn = duckdb.connect(str(path))
    try:
        assert conn.execute("SELECT version, applied_at FROM schema_version ORDER BY version").fetchall() == first
        assert migrate(conn) == 0
    finally:
        conn.close()


def test_migrations_apply_only_missing() -> None:
    conn = duckdb.connect(":memory:")
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
    conn.execute(load_migrations()[0].sql)
    conn.execute("INSERT INTO schema_version VALUES (1, now()::TIMESTAMP)")
    assert migrate(conn) == latest_version() - 1
    assert _versions(conn) == list(range(1, latest_version() + 1))


def test_migrations_newer_database_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    DuckDBStore(path).close()
    conn = duckdb.connect(str(path))
    conn.execute("INSERT INTO schema_version VALUES (999, now()::TIMESTAMP)")
    with pytest.raises(StoreError, match=r"\[E302\].*999"):
        migrate(conn)
    conn.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match=r"\[E302\]") as info:
            DuckDBStore(path, read_only=read_only)
        assert str(path) in str(info.value)
    conn = duckdb.connect(str(path))  # the refused opens released the file and changed nothing
    try:
        assert _versions(conn)[-1] == 999
    finally:
        conn.close()


def test_migrations_failure_rolls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    conn = duckdb.connect(":memory:")
    migrate(conn)
    good = load_migrations()
    bad = Migration(good[-1].version + 1, "9999_bad.sql", "CREATE TABLE extra (x INTEGER); SELECT * FROM no_such_table;")
    monkeypatch.setattr(migrations, "load_migrations", lambda backend="duckdb": [*good, bad])
    with pytest.raises(StoreError, match=r"\[E301\].*migration failed"):
        migrate(conn)
    assert schema_version(conn) == good[-1].version
    assert not conn.execute("SELECT * FROM duckdb_tables() WHERE table_name = 'extra'").fetchall()


def test_migrations_read_only_old_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
    conn.execute(load_migrations()[0].sql)
    conn.execute("INSERT INTO schema_version VALUES (1, now()::TIMESTAMP)")
    conn.close()
    with pytest.raises(StoreError, match=r"\[E304\]"):
        DuckDBStore(path, read_only=True)
    with DuckDBStore(path) as store:  # read-write upgrades it
        assert store.count("schema_version") == latest_version()


def test_migrations_0006_recode_nato_as_cameo_igo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 9: a store written with NATO codes reads IGOWSTNAT after the upgrade, roles kept; other codes untouched."""
    conn = duckdb.connect(":memory:")
    shipped = load_migrations()
    monkeypatch.setattr(migrations, "load_migrations", lambda backend="duckdb": [m for m in shipped if m.version < 6])
    migrate(conn)
    columns = [
        r[0] for r in conn.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'events' AND NOT is_nullable").fetchall()
    ]
    values = {
        "event_id": "m1",
        "article_id": "a1",
        "sentence_index": 0,
        "cameo": "130",
        "root": "13",
        "source_code": "RUSGOV",
        "target_code": "NATOMIL",
    }
    names = sorted(set(values) | set(columns))
    row = [values.get(n, 0) for n in names]
    conn.execute(f"INSERT INTO events ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})", row)
    monkeypatch.setattr(migrations, "load_migrations", lambda backend="duckdb": shipped)
    migrate(conn)
    assert conn.execute("SELECT source_code, target_code FROM events").fetchall() == [("RUSGOV", "IGOWSTNATMIL")]


def test_migrations_0008_drops_the_ingest_day_fallback() -> None:
    """Issue 11: a store written before 0008 dated undated events by the day they were stored; 0008 undoes it."""
    conn = duckdb.connect(":memory:")
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
    for migration in load_migrations()[:7]:  # a store written before 0008
        conn.execute(migration.sql)
        conn.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [migration.version])
    conn.execute("INSERT INTO articles (id, text, n_sentences, coded_at) VALUES ('a', '', 2, TIMESTAMP '2026-01-05 10:00:00')")
    common = "'a', 0, 's', '190', '19', 4, -10.0, 't', 0, 1, 0, 1, 0.9, 'r', 'c', false, false, false"
    conn.execute(
        "INSERT INTO events (event_id, article_id, sentence_index, sentence, cameo, root, quad, goldstein, trigger, trigger_start,"
        " trigger_end, sentence_start, sentence_end, confidence, rule, coder, negated, hypothetical, reported, event_date, seen_date,"
        f" merged_id) VALUES ('e1', {common}, NULL, DATE '2026-01-05', 'e1'), ('e2', {common}, DATE '2025-03-01', DATE '2026-01-05', 'e2')"
    )
    conn.execute(
        "INSERT INTO merged_events (event_id, base_code, day, num_mentions, num_sources, num_articles, confidence)"
        " VALUES ('e1', '190', DATE '2026-01-05', 1, 1, 1, 0.9), ('e2', '190', DATE '2025-03-01', 1, 1, 1, 0.9)"
    )
    assert migrate(conn) == latest_version() - 7
    days = dict(conn.execute("SELECT event_id, day FROM merged_events ORDER BY event_id").fetchall())
    assert days["e1"] is None and str(days["e2"]) == "2025-03-01"


def test_migrations_0009_alerts_keep_their_reasons() -> None:
    """Issue 11: one alert per pair and period, the other rules that fired listed as its reasons."""
    conn = duckdb.connect(":memory:")
    migrate(conn)
    conn.execute(
        "INSERT INTO alerts (id, rule, kind, pair, source, target, freq, period, score, message, evidence, created_at, reasons)"
        " VALUES ('a', 'new-rung', 'rung', 'AZE>ARM', 'AZE', 'ARM', 'week', DATE '2025-02-17', 6, 'm', ['e'], now()::TIMESTAMP,"
        " ['conflict-rise-4w: conflict 5 this week'])"
    )
    assert conn.execute("SELECT reasons FROM alerts").fetchone()[0] == ["conflict-rise-4w: conflict 5 this week"]


def test_migrations_0009_collapses_alerts_stored_before() -> None:
    """A store written before 0009 kept one alert per rule: now one per pair and period, the strongest, with reasons."""
    conn = duckdb.connect(":memory:")
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
    for migration in load_migrations()[:8]:
        conn.execute(migration.sql)
        conn.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [migration.version])
    rows = [
        ("a1", "first-hostile-contact", "first", "AZE>ARM", "AZE", "ARM", 2.0, "first event"),
        ("a2", "new-rung", "rung", "AZE>ARM", "AZE", "ARM", 3.0, "new rung: threats"),
        ("a3", "conflict-rise-4w", "change", "AZE>ARM", "AZE", "ARM", 3.0, "conflict 3"),
        ("a4", "new-rung", "rung", "FRA>DEU", "FRA", "DEU", 3.0, "new rung: threats"),
        ("a5", "new-rung", "rung", "SRB>SRB", "SRB", "SRB", 6.0, "new rung: conventional attack"),
    ]
    for id_, rule, kind, pair, src, tgt, score, message in rows:
        conn.execute(
            "INSERT INTO alerts (id, rule, kind, pair, source, target, freq, period, score, message, evidence, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 'week', DATE '2025-02-03', ?, ?, ['e'], now()::TIMESTAMP)",
            [id_, rule, kind, pair, src, tgt, score, message],
        )
    assert migrate(conn) == latest_version() - 8
    kept = conn.execute("SELECT id, rule, reasons FROM alerts ORDER BY id").fetchall()
    assert kept == [("a2", "new-rung", ["conflict-rise-4w: conflict 3", "first-hostile-contact: first event"]), ("a4", "new-rung", None)]


def _reports() -> list[Article]:
    """Three articles: one attack told by two outlets (one merged event, two reports) and a threat the day after."""

    def event(article_id: str, cameo: str, day: str, **extra: object) -> Event:
        quad, goldstein = (4, -10.0) if cameo.startswith("19") else (3, -7.0)
        return Event(
            article_id=article_id,
            sentence_index=0,
            sentence="s",
            cameo=cameo,
            root=cameo[:2],
            quad=quad,
            goldstein=goldstein,
            source_code="RUSMIL",
            target_code="UKR",
            event_date=day,
            date_precision="day",
            confidence=0.9,
            **extra,
        )  # type: ignore[arg-type]

    return [
        Article(text="a", id="a1", outlet="Wire", published="2025-03-01", events=[event("a1", "190", "2025-03-01", place="Kharkiv")]),
        Article(text="b", id="a2", outlet="Paper", published="2025-03-01", events=[event("a2", "193", "2025-03-01", place="Kharkiv")]),
        Article(text="c", id="a3", outlet="Wire", published="2025-03-02", events=[event("a3", "138", "2025-03-02")]),
    ]


def test_issue12_schema_v2_store_upgrades_with_merged_events(tmp_path: Path) -> None:
    """A store written at schema 2 (reports, no merged events) upgrades to what a fresh store holds: ladder, series, alerts."""
    fresh_path, old_path = tmp_path / "fresh.duckdb", tmp_path / "v2.duckdb"
    with DuckDBStore(fresh_path) as fresh:
        fresh.save(_reports())
    old = duckdb.connect(str(old_path))
    old.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
    for migration in load_migrations()[:2]:  # the schema of a store written at version 2
        old.execute(migration.sql)
        old.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [migration.version])
    old.execute(f"ATTACH '{fresh_path}' AS fresh (READ_ONLY)")
    for table in ("articles", "events"):  # the rows an old tocsin wrote: the columns schema 2 had
        columns = ", ".join(
            r[0]
            for r in old.execute(
                "SELECT column_name FROM duckdb_columns() WHERE database_name = 'v2' AND table_name = ?", [table]
            ).fetchall()
        )
        old.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM fresh.{table}")
    old.execute("DETACH fresh")
    assert old.execute("SELECT count(*) FROM events").fetchone() == (3,)
    old.close()

    with DuckDBStore(old_path) as upgraded, DuckDBStore(fresh_path) as fresh:
        merged = "SELECT event_id, base_code, num_mentions, num_sources, num_articles, day, src, tgt FROM merged_events ORDER BY event_id"
        assert upgraded.connection().execute(merged).fetchall() == fresh.connection().execute(merged).fetchall()
        assert upgraded.count("merged_events") == 2
        assert records(ladder(upgraded)) == records(ladder(fresh))
        assert records(series(upgraded, freq="day")) == records(series(fresh, freq="day"))
        assert [a.to_dict()["rule"] for a in run_alerts(upgraded).added] == [a.to_dict()["rule"] for a in run_alerts(fresh).added]
    with DuckDBStore(old_path) as again:  # reopening merges nothing twice
        assert again.count("merged_events") == 2
        assert again.connection().execute("SELECT count(*) FROM events WHERE merged_id IS NULL").fetchone() == (0,)
