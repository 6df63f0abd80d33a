"""The store contract, run against every backend (DuckDB and PostgreSQL), and the answers the two must share.

``store`` is parametrised over the backends (tests/store/conftest.py); the PostgreSQL runs skip without a server
(TOCSIN_TEST_PG) and fail under CI=true. The tests at the end fill one store of each backend with the same coded
articles and check that every query (events, articles, merged events, series, ladder, pairs, alerts) answers alike,
and that two `tocsin code` processes writing at once merge as one writer does.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tocsin.errors import ConfigError, StoreError
from tocsin.models import ActorMention, Article, Event, Sentence
from tocsin.store import DuckDBStore, SaveResult, Store, open_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "en_fr_escalation_caucasus.jsonl"
SEED = ROOT / "samples" / "seed_fr_kharkiv.txt"
TABLES = ("articles", "sentences", "mentions", "events", "merged_events")


def make_event(article_id: str, **fields: Any) -> Event:
    values: dict[str, Any] = {
        "article_id": article_id, "sentence_index": 0, "sentence": "Russia threatened Ukraine.", "cameo": "130", "root": "13",
        "quad": 3, "goldstein": -4.4, "source_code": "RUS", "target_code": "UKR", "trigger": "threatened", "trigger_start": 7,
        "trigger_end": 17, "coder": "tocsin.coder.v1",
    }  # fmt: skip
    values.update(fields)
    return Event(**values)


def make_article(
    article_id: str, published: str | None = "2024-03-05", events: list[dict[str, Any]] | None = None, outlet: str = "example.org"
) -> Article:
    article = Article(
        text="Russia threatened Ukraine. Kyiv answered.", id=article_id, title=f"Title {article_id}", url=f"https://example.org/{article_id}",
        outlet=outlet, published=published, lang="en", lang_score=0.98, origin="feed.jsonl:1",
        sentences=[Sentence(0, 0, 26, "Russia threatened Ukraine."), Sentence(1, 27, 41, "Kyiv answered.")],
        mentions=[
            ActorMention("Russia", 0, 6, 0, "RUS", "RUS", [], "Russia", "country"),
            ActorMention("Kyiv", 27, 31, 1, "UKRGOV", "UKR", ["GOV"], "Kyiv", "place"),
        ],
    )  # fmt: skip
    article.events = [make_event(article_id, **spec) for spec in (events if events is not None else [{}])]
    return article


def counts(store: Store) -> dict[str, int]:
    return {table: store.count(table) for table in TABLES}


@pytest.fixture()
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as st:
        yield st


# -- the contract, once per backend -------------------------------------------------------------------------------------


def test_store_save_and_read_back(store: Store) -> None:
    assert store.save(
        [make_article("a1", events=[{}, {"cameo": "190", "root": "19", "quad": 4, "trigger_start": 30, "goldstein": -10.0}])]
    ) == SaveResult(1, 0, 2)
    assert counts(store) == {"articles": 1, "sentences": 2, "mentions": 2, "events": 2, "merged_events": 2}
    rows = store.events()
    assert [(r["cameo"], r["event_date"], r["outlet"], r["num_sources"]) for r in rows] == [
        ("130", "2024-03-05", "example.org", 1),
        ("190", "2024-03-05", "example.org", 1),
    ]
    assert rows[0]["cameo_name"] and rows[0]["mention_id"] == rows[0]["event_id"]
    article = store.articles()[0]
    assert (article["id"], article["n_sentences"], article["coder"], article["lang_score"]) == ("a1", 2, "tocsin.coder.v1", 0.98)
    assert store.count("schema_version") >= 10


def test_store_save_is_idempotent(store: Store) -> None:
    assert store.save([make_article("a1")]) == SaveResult(1, 0, 1)
    before = counts(store)
    assert store.save([make_article("a1")]) == SaveResult(0, 1, 0)
    assert store.save([make_article("a2"), make_article("a2")]) == SaveResult(1, 1, 1)  # a repeat in the batch is skipped
    assert store.save([make_article("a3", events=[{}, {}])]) == SaveResult(1, 0, 1)  # the same event key twice: kept once
    assert store.save([]) == SaveResult(0, 0, 0)
    assert counts(store)["articles"] == before["articles"] + 2


def test_store_failed_batch_rolls_back(store: Store) -> None:
    store.save([make_article("old")])
    before, old_events = counts(store), store.events()
    broken = make_article("broken")
    broken.events = [{"cameo": "190"}]  # type: ignore[list-item]
    with pytest.raises(StoreError, match=r"\[E301\].*nothing was saved"):
        store.save([make_article("good"), broken])
    assert counts(store) == before and store.events() == old_events
    assert not store.has_article("good")
    assert store.save([make_article("good")]) == SaveResult(1, 0, 1)


def test_store_value_it_cannot_take_is_the_datas_fault(store: Store) -> None:
    """A lone surrogate reaching the store (ingest refuses it first) is E308 naming the articles; nothing is saved."""
    good, bad = make_article("good"), make_article("bad\udfff")
    good.origin, bad.origin = "in.jsonl:1", "in.jsonl:2"
    with pytest.raises(StoreError, match=r"^\[E308\] .*\(in\.jsonl:1, in\.jsonl:2\).*The database is fine"):
        store.save([good, bad])
    assert counts(store)["articles"] == 0
    assert store.save([good]) == SaveResult(1, 0, 1)


@pytest.fixture()
def filled(store: Store) -> Store:
    store.save(
        [
            make_article("a1", "2024-03-01", [{"source_code": "RUSMIL", "target_code": "UKR", "cameo": "190"}]),
            make_article("a2", "2024-03-02T08:00:00Z", [{"source_code": "UKRGOV", "target_code": "RUS", "cameo": "1901"}]),
            make_article("a3", "2024-03-03", [{"source_code": "USA", "target_code": "RUSGOV", "cameo": "193"}]),
            make_article("a4", "2024-03-04", [{"source_code": "FRA", "target_code": "DEU", "cameo": "042"},
                                              {"source_code": "UKR", "target_code": "USA", "cameo": "19", "trigger_start": 2}]),
            make_article("a5", None, [{"source_code": "RUS", "target_code": "UKR", "cameo": "1902"}]),
            make_article("a6", "5 March 2024", [{"source_code": "PRK", "target_code": None, "cameo": "138"}]),
            make_article("B7", "2024-03-04", [{"source_code": "FRA", "target_code": "DEU", "cameo": "042", "trigger_start": 5}]),
        ]
    )  # fmt: skip
    return store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, [("a1", "190"), ("a2", "1901"), ("a3", "193"), ("B7", "042"), ("a4", "19"), ("a4", "042"), ("a5", "1902"), ("a6", "138")]),
        ({"actor": "RUS"}, [("a1", "190"), ("a2", "1901"), ("a3", "193"), ("a5", "1902")]),
        ({"actor": "RUSMIL"}, [("a1", "190")]),
        ({"dyad": ("UKR", "RUS")}, [("a1", "190"), ("a2", "1901"), ("a5", "1902")]),
        ({"dyad": ("RUSGOV", "USA")}, [("a3", "193")]),
        ({"code": "190"}, [("a1", "190"), ("a2", "1901"), ("a5", "1902")]),
        ({"since": "2024-03-02", "until": "2024-03-03"}, [("a2", "1901"), ("a3", "193")]),
        ({"article_id": "a4"}, [("a4", "19"), ("a4", "042")]),
        ({"limit": 2}, [("a1", "190"), ("a2", "1901")]),
        ({"limit": 0}, []),
        ({"actor": "RUS", "code": "190", "since": "2024-03-02"}, [("a2", "1901")]),
        ({"actor": "CHN"}, []),
    ],
)
def test_store_events_filters(filled: Store, query: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert [(row["article_id"], row["cameo"]) for row in filled.events(**query)] == expected


@pytest.mark.parametrize("query", [{"since": "March 2024"}, {"until": "2024-13-01"}, {"limit": -1}, {"dyad": ("RUS",)}])
def test_store_events_bad_arguments(filled: Store, query: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match=r"\[E501\]"):
        filled.events(**query)


def test_store_count_articles_has_article_and_merge(filled: Store) -> None:
    assert counts(filled) == {"articles": 7, "sentences": 14, "mentions": 14, "events": 8, "merged_events": 7}
    with pytest.raises(ConfigError, match="Expected one of"):
        filled.count("secrets")
    assert [a["id"] for a in filled.articles(limit=3)] == ["B7", "a1", "a2"]  # coded together: by id, bytewise (B < a)
    assert filled.has_article("a3") and not filled.has_article("A3")
    # the two FRA>DEU 042 reports of 2024-03-04 (a4, B7; one outlet) are one event; RUS>UKR and UKR>RUS are two
    merged = {
        (r["article_id"], r["cameo"]): (r["event_id"], r["num_mentions"], r["num_articles"], r["num_sources"]) for r in filled.events()
    }
    assert merged[("a4", "042")][0] == merged[("B7", "042")][0] and merged[("a4", "042")][1:] == (2, 2, 1)
    assert merged[("a1", "190")][0] != merged[("a2", "1901")][0]


def test_store_closed_raises(store: Store) -> None:
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.count("events")
    with pytest.raises(StoreError, match="closed"):
        store.save([make_article("a1")])


def test_store_read_only_reads_and_refuses_writes(store_url: str) -> None:
    with open_store(store_url) as store:
        store.save([make_article("a1")])
    with open_store(store_url, read_only=True) as reader:
        assert reader.has_article("a1") and len(reader.events()) == 1
        with pytest.raises(StoreError):
            reader.save([make_article("a2")])
    with open_store(store_url) as store:  # nothing was written, the store persists across opens
        assert counts(store)["articles"] == 1


def test_store_postgres_reconnects_after_the_server_drops_it(pg_url: str, pg_server: str) -> None:
    import psycopg

    with open_store(pg_url) as store:
        store.save([make_article("a1")])
        with psycopg.connect(pg_server, autocommit=True) as admin:  # what a server restart does to the store's sessions
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query NOT LIKE '%pg_stat_activity%'"
                          " AND application_name = '' AND datname = current_database() AND backend_type = 'client backend'")  # fmt: skip
        with pytest.raises(StoreError):
            store.count("articles")  # the statement in flight when the connection died fails ...
        assert store.count("articles") == 1  # ... and the next one reconnects
        assert store.save([make_article("a2")]) == SaveResult(1, 0, 1)  # a save on a dropped connection is made again


def test_store_postgres_schema_versions(new_pg_url: Any) -> None:
    """Migrations are recorded once; a newer schema is refused (E302); read-only, an older (here empty) one too (E304)."""
    from tocsin.store.migrations import latest_version

    with pytest.raises(StoreError, match=r"\[E304\]"):
        open_store(new_pg_url(), read_only=True)
    url = new_pg_url()
    with open_store(url) as store:
        assert store.count("schema_version") == latest_version("postgres")
        assert store.migrate() == 0  # type: ignore[attr-defined]
    with open_store(url) as store:  # a second open applies nothing
        assert store.count("schema_version") == latest_version("postgres")
        store.connection().execute("INSERT INTO schema_version VALUES (999, now()::TIMESTAMP)")  # type: ignore[attr-defined]
    for read_only in (False, True):
        with pytest.raises(StoreError, match=r"\[E302\].*999"):
            open_store(url, read_only=read_only)


# -- the same answers on both backends ------------------------------------------------------------------------------------


class _Recorder(DuckDBStore):
    """A DuckDB store that keeps the batches it was given, to save the very same coded articles in another store."""

    batches: list[list[Article]]

    def save(self, articles: Any) -> SaveResult:
        self.batches.append(list(articles))
        return super().save(articles)


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> list[list[Article]]:
    """The bundled escalation corpus and seed article, coded once (batches as `tocsin code` saves them)."""
    from tocsin.run import code_sources

    recorder = _Recorder(tmp_path_factory.mktemp("contract") / "recorded.duckdb")
    recorder.batches = []
    try:
        assert not code_sources([str(CORPUS)], recorder).failed
        assert not code_sources([str(SEED)], recorder, published="2025-04-10").failed
    finally:
        recorder.close()
    return recorder.batches


def _plain(value: Any) -> Any:
    """A value both backends give alike: numpy and pandas scalars as Python ones, floats rounded, NaN as None."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 9)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _frame(frame: Any) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")] + [{"undated": frame.attrs.get("undated")}]


def _answers(store: Store) -> dict[str, Any]:
    """Every answer the store, the watch layer and the API's cache key give, with the stored times left out."""
    from tocsin.watch.alerts import detect, list_alerts, run_alerts
    from tocsin.watch.ladder import ladder, pairs
    from tocsin.watch.series import series

    answers: dict[str, Any] = {"counts": {t: store.count(t) for t in (*TABLES, "alerts")}}
    answers["events"] = [_plain(r) for r in store.events()]
    answers["filtered"] = [_plain(r) for r in store.events(actor="AZE", since="2025-01-01", code="1", limit=7)]
    answers["articles"] = [{k: v for k, v in a.items() if k != "coded_at"} for a in store.articles()]
    cursor = store.connection().cursor()  # type: ignore[attr-defined]
    answers["merged"] = _plain(cursor.execute("SELECT * FROM merged_events ORDER BY event_id").fetchall())
    answers["mentions"] = _plain(cursor.execute("SELECT * FROM mentions ORDER BY article_id, sentence_index, start").fetchall())
    for freq in ("week", "day"):
        answers[f"series {freq}"] = _frame(series(store, pair="AZE-ARM", freq=freq))
    answers["series all"] = _frame(series(store, min_confidence=0))
    answers["series country"] = _frame(series(store, country="ARM", level="actor", since="2025-01-01", until="2025-03-31"))
    answers["ladder"] = _frame(ladder(store))
    answers["ladder pair"] = _frame(ladder(store, pair="AZE>ARM", window=7, min_confidence=0))
    answers["pairs"] = _frame(pairs(store))
    answers["detect"] = [_plain({k: v for k, v in a.to_dict().items() if k != "created_at"}) for a in detect(store)]
    run = run_alerts(store)
    answers["run"] = (run.detected, len(run.added))
    answers["alerts"] = [_plain({k: v for k, v in a.items() if k != "created_at"}) for a in list_alerts(store)]
    answers["alerts since"] = [a["id"] for a in list_alerts(store, pair="ARM-AZE", since="2025-02-01", limit=3)]
    return answers


@pytest.mark.slow
def test_store_backends_answer_alike(coded: list[list[Article]], tmp_path: Path, pg_url: str) -> None:
    """The same coded articles saved in DuckDB and in PostgreSQL: every query answers the same."""
    results = []
    for url in (str(tmp_path / "same.duckdb"), pg_url):
        with open_store(url) as store:
            for batch in coded:
                store.save(batch)
            results.append(_answers(store))
    duck, pg = results
    # the corpus gives something to compare
    assert duck["counts"]["merged_events"] > 10 and len(duck["series week"]) > 4 and len(duck["ladder"]) > 2 and duck["alerts"]
    assert duck["filtered"] and duck["run"][1] == len(duck["alerts"]) and any(a["evidence"] for a in duck["alerts"])
    for key in duck:
        assert pg[key] == duck[key], key


# -- several writers ------------------------------------------------------------------------------------------------------

STORIES = [  # the same shelling of Kharkiv told by three outlets, and a distinct threat (tests/store/test_merge.py)
    {"id": "lemonde-1", "outlet": "Le Monde", "published": "2024-05-07", "lang": "fr",
     "text": "Les forces russes ont bombardé la ville ukrainienne de Kharkiv mardi, selon les autorités locales."},
    {"id": "bbc-1", "outlet": "BBC", "published": "2024-05-07", "lang": "en",
     "text": "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, local officials said."},
    {"id": "rfi-1", "outlet": "RFI", "published": "2024-05-07", "lang": "fr",
     "text": "L'armée russe a pilonné la ville ukrainienne de Kharkiv mardi."},
    {"id": "bbc-2", "outlet": "BBC", "published": "2024-05-07", "lang": "en",
     "text": "The Russian government threatened Ukraine with retaliation on Tuesday."},
]  # fmt: skip


def _code(paths: list[Path], db: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tocsin", "code", *map(str, paths), "--db", db, "--workers", "1", "--no-alerts", "--format", "json"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "NO_COLOR": "1"})


def _merged(url: str) -> tuple[set[frozenset[str]], list[tuple[Any, ...]]]:
    """The merged events of a store, whichever writer came first: the reports each groups (by article and code)
    and, per event, its code, pair, date and counts."""
    with open_store(url, read_only=True) as store:
        groups: dict[str, set[str]] = {}
        for row in store.events():
            groups.setdefault(row["event_id"], set()).add(f"{row['article_id']}:{row['cameo']}")
        rows = (
            store.connection()
            .cursor()
            .execute(  # type: ignore[attr-defined]
                "SELECT base_code, source_country, target_country, event_date, num_mentions, num_sources, num_articles, confidence,"
                " src, tgt, factual FROM merged_events"
            )
            .fetchall()
        )
    return {frozenset(g) for g in groups.values()}, sorted(_plain(list(r)) for r in rows)


@pytest.mark.slow
def test_store_two_concurrent_writers_merge_as_one(tmp_path: Path, new_pg_url: Any) -> None:
    """Two `tocsin code` processes store reports of the same event in one PostgreSQL store at once: the merged events
    are those one process storing both files gives (the merge step of each save runs alone, under the lock)."""
    files = []
    for name, stories in (("one", [STORIES[0], STORIES[3]]), ("two", [STORIES[1], STORIES[2]])):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in stories), encoding="utf-8")
        files.append(path)
    together, alone = new_pg_url(), new_pg_url()
    open_store(together).close()  # migrated before the race, as a shared server is
    writers = [_code([path], together) for path in files]
    for writer in writers:
        _, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err
    writer = _code(files, alone)
    _, err = writer.communicate(timeout=600)
    assert writer.returncode == 0, err
    groups, merged = _merged(together)
    assert (groups, merged) == _merged(alone)
    kharkiv = [g for g in groups if len(g) == 3]
    assert len(kharkiv) == 1 and {r.split(":")[0] for r in kharkiv[0]} == {"lemonde-1", "bbc-1", "rfi-1"}


# -- tocsin migrate -------------------------------------------------------------------------------------------------------


def test_store_migrate_copies_a_duckdb_store_to_postgres(tmp_path: Path, pg_url: str) -> None:
    """`tocsin migrate` copies every table; the copy answers as the original; a rerun adds nothing; new rows follow."""
    from typer.testing import CliRunner

    from tocsin.cli import app

    db = str(tmp_path / "from.duckdb")
    with open_store(db) as duck:
        duck.save([make_article(f"a{i}", f"2024-03-0{i}", [{"cameo": "190", "root": "19", "quad": 4}]) for i in range(1, 8)])
        duck.save([make_article("fr1", "2024-03-06", [{"cameo": "042", "source_code": "FRA", "target_code": "DEU"}], outlet="lemonde.fr")])
        conn = duck.connection()  # type: ignore[attr-defined]
        conn.execute("INSERT INTO alerts VALUES ('x1', 'r', 'rung', 'RUS>UKR', 'RUS', 'UKR', 'week', DATE '2024-03-04', 6, 'new rung', ['e1'],"
                     " TIMESTAMP '2024-03-08 10:00:00', NULL, ['spike: more'])")  # fmt: skip
        conn.execute("INSERT INTO feeds VALUES ('https://example.org/rss', 'Example', 'W/\"1\"', NULL, TIMESTAMP '2024-03-08 10:00:00')")
        conn.execute("CREATE TABLE gdelt_events (GLOBALEVENTID VARCHAR)")
        expected = {"events": duck.events(), "articles": duck.articles(), "counts": counts(duck)}
        expected["rows"] = _plain([conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("merged_events", "alerts", "feeds")])
    runner = CliRunner()
    result = runner.invoke(app, ["migrate", "--from", db, "--to", pg_url, "--format", "json"])
    assert result.exit_code == 0, result.output
    added = {row["table"]: row.get("rows_copied") for row in json.loads(result.stdout)}
    assert added["articles"] == 8 and added["events"] == 8 and added["mentions"] == 16 and added["alerts"] == 1 and added["feeds"] == 1
    assert added["gdelt_events"] is None  # DuckDB only: skipped, and said so

    def answers() -> dict[str, Any]:
        with open_store(pg_url, read_only=True) as pg:
            cursor = pg.connection().cursor()  # type: ignore[attr-defined]
            rows = _plain([cursor.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("merged_events", "alerts", "feeds")])
            return {"events": pg.events(), "articles": pg.articles(), "counts": counts(pg), "rows": rows}

    assert answers() == expected
    again = runner.invoke(app, ["migrate", "--from", db, "--to", pg_url, "--format", "json"])
    assert again.exit_code == 0, again.output
    assert {row["rows_copied"] for row in json.loads(again.stdout) if row["table"] != "gdelt_events"} == {0}
    assert answers() == expected
    with open_store(db) as duck:  # what is stored after the copy is copied by the next run, and merges with what was
        duck.save([make_article("b1", "2024-03-07", [{"cameo": "190", "root": "19", "quad": 4}], outlet="bbc.co.uk")])
    assert runner.invoke(app, ["migrate", "--from", db, "--to", pg_url]).exit_code == 0
    with open_store(pg_url, read_only=True) as pg:
        assert counts(pg)["articles"] == 9 and pg.events(article_id="b1")[0]["num_sources"] == 2


def test_store_migrate_refuses_wrong_ends(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tocsin.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["migrate", "--from", "postgresql://u@h/db", "--to", "postgresql://u@h/db2"])
    assert result.exit_code == 2 and "--from must be a DuckDB file" in result.output
    result = runner.invoke(app, ["migrate", "--from", str(tmp_path / "a.duckdb"), "--to", str(tmp_path / "b.duckdb")])
    assert result.exit_code == 2 and "--to must be a PostgreSQL URL" in result.output


def test_store_api_answers_alike(tmp_path: Path, pg_url: str) -> None:
    """`tocsin serve` over a PostgreSQL store answers every endpoint as over DuckDB (the health check names its store)."""
    import warnings

    from starlette.exceptions import StarletteDeprecationWarning

    from tocsin.api.app import create_app

    with warnings.catch_warnings():  # starlette asks for httpx2 instead of httpx; its test client works with either
        warnings.simplefilter("ignore", StarletteDeprecationWarning)
        from fastapi.testclient import TestClient

    paths = ["/api/events?limit=3&offset=1", "/api/events?actor=RUS&q=threatened", "/api/map", "/api/pairs", "/api/series?pair=RUS-UKR",
             "/api/ladder", "/api/alerts", "/api/events.csv", "/api/events.geojson", "/api/events/nope"]  # fmt: skip
    answers = []
    for url in (str(tmp_path / "api.duckdb"), pg_url):
        with open_store(url) as store:
            store.save([make_article(f"a{i}", f"2024-03-0{i}", [{"cameo": "190", "root": "19", "quad": 4, "lat": 50.0, "lon": 36.25,
                                                                  "place": "Kharkiv", "geo_precision": "city"}]) for i in range(1, 6)])  # fmt: skip
            store.save(
                [make_article("fr1", "2024-03-02", [{"cameo": "042", "source_code": "FRA", "target_code": "DEU"}], outlet="lemonde.fr")]
            )
        with TestClient(create_app(url)) as client:
            got = {path: (client.get(path).status_code, client.get(path).text) for path in paths}
            event_id = json.loads(got[paths[0]][1])["items"][0]["event_id"]
            got["detail"] = (client.get(f"/api/events/{event_id}").status_code, client.get(f"/api/events/{event_id}").text)
            health = client.get("/api/health").json()
            assert (health["events"], health["articles"]) == (6, 6)
        answers.append(got)
    duck, pg = answers
    assert json.loads(duck[paths[0]][1])["total"] == 6 and duck["detail"][0] == 200
    for path in duck:
        assert pg[path] == duck[path], path
