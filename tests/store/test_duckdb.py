"""DuckDB event store: saving, idempotence, rollback, filters, files."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tocsin.errors import ConfigError, StoreError
from tocsin.models import ActorMention, Article, Event, Sentence
from tocsin.store import DuckDBStore, SaveResult, Store, open_store

TABLES = ("articles", "sentences", "mentions", "events")


def make_event(article_id: str, **fields: Any) -> Event:
    values: dict[str, Any] = {
        "article_id": article_id,
        "sentence_index": 0,
        "sentence": "Russia threatened Ukraine.",
        "cameo": "130",
        "root": "13",
        "quad": 3,
        "goldstein": -4.4,
        "source_code": "RUS",
        "target_code": "UKR",
        "trigger": "threatened",
        "trigger_start": 7,
        "trigger_end": 17,
        "coder": "tocsin.coder.v1",
    }
    values.update(fields)
    return Event(**values)


def make_article(article_id: str, published: str | None = "2024-03-05", events: list[dict[str, Any]] | None = None) -> Article:
    article = Article(
        text="Russia threatened Ukraine. Kyiv answered.",
        id=article_id,
        title=f"Title {article_id}",
        url=f"https://example.org/{article_id}",
        outlet="example.org",
        published=published,
        lang="en",
        lang_score=0.98,
        origin="feed.jsonl:1",
        sentences=[Sentence(0, 0, 26, "Russia threatened Ukraine."), Sentence(1, 27, 41, "Kyiv answered.")],
        mentions=[
            ActorMention("Russia", 0, 6, 0, "RUS", "RUS", [], "Russia", "country"),
            ActorMention("Kyiv", 27, 31, 1, "UKRGOV", "UKR", ["GOV"], "Kyiv", "place"),
        ],
    )
    article.events = [make_event(article_id, **spec) for spec in (events if events is not None else [{}])]
    return article


def counts(store: Store) -> dict[str, int]:
    return {table: store.count(table) for table in TABLES}


@pytest.fixture
def store() -> Any:
    with DuckDBStore(":memory:") as store:
        yield store


def test_duckdb_round_trip_all_event_fields(store: DuckDBStore) -> None:
    event = Event(
        article_id="a1",
        sentence_index=1,
        sentence="Kyiv answered.",
        cameo="0311",
        root="03",
        quad=1,
        goldstein=5.2,
        source_code="UKRGOV",
        source_text="Kyiv",
        source_start=27,
        source_end=31,
        target_code="RUSMIL",
        target_text="the army",
        target_start=40,
        target_end=48,
        penta=2,
        plover="AGREE",
        mode="promise",
        trigger="answered",
        trigger_start=32,
        trigger_end=40,
        sentence_start=27,
        sentence_end=41,
        confidence=0.87,
        rule="en.verb.answer",
        coder="tocsin.coder.v1",
        lang="en",
        negated=True,
        hypothetical=True,
        reported=True,
    )
    article = make_article("a1", published="2024-03-05T10:30:00+01:00")
    article.events = [event]
    assert store.save([article]) == SaveResult(articles_added=1, articles_skipped=0, events_added=1)
    (row,) = store.events()
    expected = event.to_dict()
    # the store fills what the coder left open: the report's date (the article's) and its merged event's id
    expected.update(event_id=row["mention_id"], event_date="2024-03-05")
    assert {key: row[key] for key in expected} == expected
    assert Event.from_dict(row).cameo == event.cameo
    assert row["event_date"] == "2024-03-05"
    assert (row["num_mentions"], row["num_sources"], row["num_articles"]) == (1, 1, 1)
    assert (row["outlet"], row["url"], row["title"]) == ("example.org", "https://example.org/a1", "Title a1")
    assert len(row["event_id"]) == 20


def test_duckdb_round_trip_article_sentences_mentions(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb"
    article = make_article("a1")
    with DuckDBStore(path) as store:
        store.save([article])
        (row,) = store.articles()
    for key in ("id", "title", "url", "outlet", "published", "lang", "lang_score", "origin", "text"):
        assert row[key] == getattr(article, key)
    assert row["n_sentences"] == 2
    assert row["coder"] == "tocsin.coder.v1"
    assert isinstance(row["coded_at"], str)
    conn = duckdb.connect(str(path), read_only=True)
    try:
        sentences = conn.execute('SELECT idx, start, "end", text FROM sentences ORDER BY idx').fetchall()
        mentions = conn.execute(
            'SELECT sentence_index, start, "end", text, code, country, roles, name, kind FROM mentions ORDER BY start'
        ).fetchall()
    finally:
        conn.close()
    assert sentences == [(s.index, s.start, s.end, s.text) for s in article.sentences]
    assert mentions == [(m.sentence_index, m.start, m.end, m.text, m.code, m.country, m.roles, m.name, m.kind) for m in article.mentions]


def test_duckdb_save_same_article_twice_adds_nothing(store: DuckDBStore) -> None:
    store.save([make_article("a1", events=[{}, {"trigger_start": 30}])])
    before = counts(store)
    assert store.save([make_article("a1", events=[{}, {"trigger_start": 30}, {"trigger_start": 50}])]) == SaveResult(0, 1, 0)
    assert counts(store) == before == {"articles": 1, "sentences": 2, "mentions": 2, "events": 2}


def test_duckdb_save_repeat_within_batch_is_skipped(store: DuckDBStore) -> None:
    result = store.save([make_article("a1"), make_article("a2"), make_article("a1")])
    assert result == SaveResult(articles_added=2, articles_skipped=1, events_added=2)
    assert store.count("articles") == 2


def test_duckdb_save_duplicate_event_key_kept_once(store: DuckDBStore) -> None:
    result = store.save([make_article("a1", events=[{}, {"goldstein": -5.0}])])
    assert result.events_added == 1
    assert store.events()[0]["goldstein"] == -4.4


def test_duckdb_save_empty_batch(store: DuckDBStore) -> None:
    assert store.save([]) == SaveResult(0, 0, 0)


def test_duckdb_failed_batch_rolls_back(store: DuckDBStore) -> None:
    store.save([make_article("old", events=[{}, {"trigger_start": 30}])])
    before = counts(store)
    old_events = store.events()
    bad = make_article("bad", events=[{"goldstein": "not a number"}])
    with pytest.raises(StoreError, match=r"\[E301\].*nothing was saved") as info:
        store.save([make_article("good"), bad])
    assert isinstance(info.value.__cause__, duckdb.Error)
    assert counts(store) == before
    assert not store.has_article("good") and not store.has_article("bad")
    assert store.events() == old_events
    # the store is still usable and the good article can be saved afterwards
    assert store.save([make_article("good")]) == SaveResult(1, 0, 1)


def test_duckdb_failed_batch_with_malformed_object_rolls_back(store: DuckDBStore) -> None:
    broken = make_article("broken")
    broken.events = [{"cameo": "190"}]  # type: ignore[list-item]
    with pytest.raises(StoreError, match=r"\[E301\]"):
        store.save([make_article("good"), broken])
    assert counts(store) == {table: 0 for table in TABLES}


def test_duckdb_closed_store_raises(store: DuckDBStore) -> None:
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        store.count("events")
    with pytest.raises(StoreError, match="closed"):
        store.save([make_article("a1")])


@pytest.fixture
def filled(store: DuckDBStore) -> DuckDBStore:
    store.save(
        [
            make_article("a1", "2024-03-01", [{"source_code": "RUSMIL", "target_code": "UKR", "cameo": "190"}]),
            make_article("a2", "2024-03-02T08:00:00Z", [{"source_code": "UKRGOV", "target_code": "RUS", "cameo": "1901"}]),
            make_article("a3", "2024-03-03", [{"source_code": "USA", "target_code": "RUSGOV", "cameo": "193"}]),
            make_article(
                "a4",
                "2024-03-04",
                [
                    {"source_code": "FRA", "target_code": "DEU", "cameo": "042"},
                    {"source_code": "UKR", "target_code": "USA", "cameo": "19", "trigger_start": 2},
                ],
            ),
            make_article("a5", None, [{"source_code": "RUS", "target_code": "UKR", "cameo": "1902"}]),
            make_article("a6", "5 March 2024", [{"source_code": "PRK", "target_code": None, "cameo": "138"}]),
        ]
    )
    return store


def _ids(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(row["article_id"], row["cameo"]) for row in rows]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, [("a1", "190"), ("a2", "1901"), ("a3", "193"), ("a4", "19"), ("a4", "042"), ("a5", "1902"), ("a6", "138")]),
        ({"actor": "RUS"}, [("a1", "190"), ("a2", "1901"), ("a3", "193"), ("a5", "1902")]),
        ({"actor": "RUSMIL"}, [("a1", "190")]),
        ({"actor": "UKRGOV"}, [("a2", "1901")]),
        ({"dyad": ("RUS", "UKR")}, [("a1", "190"), ("a2", "1901"), ("a5", "1902")]),
        ({"dyad": ("UKR", "RUS")}, [("a1", "190"), ("a2", "1901"), ("a5", "1902")]),
        ({"dyad": ("USA", "UKR")}, [("a4", "19")]),
        ({"dyad": ("RUSGOV", "USA")}, [("a3", "193")]),
        ({"code": "19"}, [("a1", "190"), ("a2", "1901"), ("a3", "193"), ("a4", "19"), ("a5", "1902")]),
        ({"code": "190"}, [("a1", "190"), ("a2", "1901"), ("a5", "1902")]),
        ({"code": "1901"}, [("a2", "1901")]),
        ({"since": "2024-03-02"}, [("a2", "1901"), ("a3", "193"), ("a4", "19"), ("a4", "042")]),
        ({"until": "2024-03-02"}, [("a1", "190"), ("a2", "1901")]),
        ({"since": "2024-03-02", "until": "2024-03-03"}, [("a2", "1901"), ("a3", "193")]),
        ({"since": "2024-03-03", "until": "2024-03-03"}, [("a3", "193")]),
        ({"since": "2025-01-01"}, []),
        ({"article_id": "a4"}, [("a4", "19"), ("a4", "042")]),
        ({"limit": 2}, [("a1", "190"), ("a2", "1901")]),
        ({"limit": 0}, []),
        ({"actor": "RUS", "code": "190", "since": "2024-03-02"}, [("a2", "1901")]),
        ({"actor": "CHN"}, []),
    ],
)
def test_duckdb_events_filters(filled: DuckDBStore, query: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert _ids(filled.events(**query)) == expected


def test_duckdb_events_date_from_published(filled: DuckDBStore) -> None:
    dates = {row["article_id"]: row["event_date"] for row in filled.events()}
    assert dates == {"a1": "2024-03-01", "a2": "2024-03-02", "a3": "2024-03-03", "a4": "2024-03-04", "a5": None, "a6": None}


@pytest.mark.parametrize(
    "query",
    [{"since": "March 2024"}, {"until": "2024-13-01"}, {"limit": -1}, {"limit": "5"}, {"dyad": ("RUS",)}],
)
def test_duckdb_events_bad_arguments(filled: DuckDBStore, query: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match=r"\[E501\]"):
        filled.events(**query)


def test_duckdb_count_unknown_table(store: DuckDBStore) -> None:
    with pytest.raises(ConfigError, match="Expected one of"):
        store.count("events; DROP TABLE events")


def test_duckdb_articles_limit_and_has_article(filled: DuckDBStore) -> None:
    assert len(filled.articles()) == 6
    assert len(filled.articles(limit=2)) == 2
    assert filled.has_article("a3")
    assert not filled.has_article("zzz")


def test_duckdb_persists_across_reopen(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with DuckDBStore(path) as store:
        store.save([make_article("a1"), make_article("a2")])
        saved = store.events()
    with open_store(str(path)) as store:
        assert store.count("articles") == 2
        assert store.events() == saved
        assert store.save([make_article("a1")]) == SaveResult(0, 1, 0)


def test_duckdb_read_only(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with DuckDBStore(path) as store:
        store.save([make_article("a1")])
    with DuckDBStore(path, read_only=True) as store:
        assert store.count("events") == 1
        with pytest.raises(StoreError, match=r"\[E301\]"):
            store.save([make_article("a2")])


def test_duckdb_missing_directory(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "dir" / "events.duckdb"
    with pytest.raises(StoreError, match=r"\[E301\]") as info:
        DuckDBStore(path)
    assert str(path) in str(info.value)
    assert isinstance(info.value.__cause__, duckdb.Error)


def test_duckdb_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match=r"\[E307\]") as info:  # damaged or not a database: restore or rebuild (issue 12)
        open_store(path)
    assert str(path) in str(info.value)
    assert path.read_text().startswith("these are my notes")  # left untouched


def test_duckdb_read_only_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.duckdb"
    with pytest.raises(StoreError, match=r"\[E301\]"):
        DuckDBStore(path, read_only=True)
    assert not path.exists()


def _hold_lock(path: Path, *, read_only: bool = False) -> subprocess.Popen[str]:
    """A process holding ``path`` open (DuckDB's file lock) until its stdin closes."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(path)!r}, read_only={read_only}); print('ready', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def test_duckdb_locked_by_other_process_names_it_and_the_way_out(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    holder = _hold_lock(path)
    try:
        with pytest.raises(StoreError, match=r"\[E306\]") as info:
            DuckDBStore(path, lock_timeout=0.3)
        message = str(info.value)
        assert str(path) in message
        assert f"process {holder.pid} " in message  # the PID DuckDB reports, with its command line
        assert "--read-only" in message and "TOCSIN_LOCK_TIMEOUT" in message
    finally:
        holder.communicate("")


def test_duckdb_waits_for_a_lock_released_in_time(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    DuckDBStore(path).close()
    holder = _hold_lock(path)
    releaser = threading.Timer(0.5, lambda: holder.communicate(""))
    releaser.start()
    try:
        with DuckDBStore(path, lock_timeout=60) as store:  # retried until the holder exits
            assert store.count("events") == 0
    finally:
        releaser.join()


def test_duckdb_keep_open_false_holds_the_file_only_in_sessions(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shared.duckdb"
    store = DuckDBStore(path, keep_open=False, lock_timeout=0.2)
    assert store.count("articles") == 0  # a read opens and closes
    holder = _hold_lock(path, read_only=True)  # another process reading: we can read too
    try:
        assert store.count("articles") == 0
        with pytest.raises(StoreError, match=r"\[E306\]"):
            store.save([make_article("a1", "2024-03-01")])  # but not write while it holds the file
    finally:
        holder.communicate("")
    assert store.save([make_article("a1", "2024-03-01")]).articles_added == 1
    assert store.count("articles") == 1
    with store.session():
        # inside a session the file is held: another process cannot write
        probe = subprocess.run(
            [sys.executable, "-c", f"import duckdb; duckdb.connect({str(path)!r})"], capture_output=True, text=True, check=False
        )
        assert "lock" in probe.stderr.lower()
    probe = subprocess.run(
        [sys.executable, "-c", f"import duckdb; duckdb.connect({str(path)!r}).execute('select 1')"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr  # after it, it can
    with store.session(write=True):
        assert store.count("articles") == 1  # reads nest in a write session
    store.close()


def test_duckdb_sessions_of_threads_share_reads_and_writes_alone(
    tmp_path: Path,
) -> None:
    store = DuckDBStore(tmp_path / "threads.duckdb", keep_open=False)
    order: list[str] = []
    reading = threading.Event()
    release = threading.Event()

    def read() -> None:
        with store.session():
            order.append("read-start")
            reading.set()
            release.wait(30)
            order.append("read-end")

    def write() -> None:
        reading.wait(30)
        store.save([make_article("a1", "2024-03-01")])
        order.append("written")

    threads = [threading.Thread(target=read), threading.Thread(target=write)]
    for thread in threads:
        thread.start()
    reading.wait(30)
    release.set()
    for thread in threads:
        thread.join(30)
    assert order == ["read-start", "read-end", "written"]
    assert store.count("articles") == 1
    store.close()


def test_open_store_postgres_unreachable_names_it_without_password() -> None:
    with pytest.raises(
        StoreError, match=r"\[E310\] Cannot connect to PostgreSQL at postgresql://user:\*\*\*@127\.0\.0\.1:1/tocsin"
    ) as info:
        open_store("postgresql://user:secret@127.0.0.1:1/tocsin?connect_timeout=2")
    assert "secret" not in str(info.value)


def test_open_store_memory_is_duckdb() -> None:
    with open_store(":memory:") as store:
        assert isinstance(store, DuckDBStore)
        assert store.count("events") == 0


def test_duckdb_save_10000_events_in_one_batch(store: DuckDBStore) -> None:
    articles = [
        make_article(f"a{i}", f"2024-01-{i % 28 + 1:02d}", [{"trigger_start": j, "source_code": "RUSMIL"} for j in range(10)])
        for i in range(1000)
    ]
    result = store.save(articles)
    assert result == SaveResult(1000, 0, 10000)
    assert store.count("events") == 10000


def test_a_later_specific_report_makes_the_stored_event_specific(tmp_path: Path) -> None:
    """A 190 (generic) stored first, then a 194 of the same strike in another article: one event, coded 194."""
    strike = {"cameo": "190", "root": "19", "quad": 4, "goldstein": -10.0, "trigger": "attacked"}
    with DuckDBStore(tmp_path / "m.duckdb") as store:
        store.save([make_article("a1", events=[strike])])
        store.save([make_article("a2", events=[{**strike, "cameo": "194"}])])
        rows = store.connection().execute("SELECT base_code, num_articles FROM merged_events").fetchall()
        assert rows == [("194", 2)]
        # and within one batch too
        store.save(
            [
                make_article("b1", published="2024-04-01", events=[strike]),
                make_article("b2", published="2024-04-01", events=[{**strike, "cameo": "195"}]),
            ]
        )
        rows = store.connection().execute("SELECT base_code, num_articles FROM merged_events ORDER BY event_date").fetchall()
        assert rows == [("194", 2), ("195", 2)]


def test_issue12_unstorable_value_is_e308_naming_the_batch_not_the_database(store: DuckDBStore) -> None:
    """A lone surrogate reaching the store (ingest refuses it first) is the data's fault: E308 names the articles."""
    good, bad = make_article("good"), make_article("bad\udfff")
    good.origin, bad.origin = "in.jsonl:1", "in.jsonl:2"
    with pytest.raises(StoreError, match=r"^\[E308\] .*\(in\.jsonl:1, in\.jsonl:2\).*The database is fine") as info:
        store.save([good, bad])
    str(info.value).encode("utf-8")  # printable
    assert counts(store) == {table: 0 for table in TABLES}
    assert store.save([good]) == SaveResult(1, 0, 1)


def test_duckdb_data_version_counted_once_per_read_connection(tmp_path: Path, vocabulary_articles: list[Any]) -> None:
    """A store not kept open counts its rows once per read connection (nothing writes the file while it is held)
    and again after a write."""
    store = DuckDBStore(tmp_path / "version.duckdb", keep_open=False)
    with store.session():
        empty = store.data_version()
        assert store.data_version() == empty == (0, 0)
    store.save(vocabulary_articles[:1])
    with store.session():
        one = store.data_version()
    with store.session(write=True):
        assert store.data_version() == one != empty
        store.save(vocabulary_articles[1:])
        assert store.data_version() != one
    with store.session():
        assert store.data_version() == (3, 3)
    store.close()
