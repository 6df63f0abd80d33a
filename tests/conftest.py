"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (gold sets, corpora, reference); skips when absent."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is not present (gold sets and corpora live there)")
    return SHARED


@pytest.fixture(scope="session")
def samples() -> Path:
    return ROOT / "samples"


EVENT_COLUMNS = ["id", "kind", "lemma", "object", "cameo", "roles", "note", "plover"]


def read_event_table(lang: str) -> list[list[str]]:
    """The rows of ``tocsin/languages/<lang>/events.tsv`` as read by csv (comments and blank lines skipped)."""
    import csv

    path = ROOT / "tocsin" / "languages" / lang / "events.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="session")
def event_rows():
    """``event_rows("fr")``: the pattern rows of a language as dicts keyed by column."""
    cache: dict[str, list[dict[str, str]]] = {}

    def get(lang: str) -> list[dict[str, str]]:
        if lang not in cache:
            cache[lang] = [dict(zip(EVENT_COLUMNS, r)) for r in read_event_table(lang)[1:]]
        return cache[lang]

    return get


@pytest.fixture(scope="session")
def english_stories(shared: Path, tmp_path_factory: pytest.TempPathFactory):
    """``english_stories(n)``: a JSON Lines file of the first ``n`` English synthetic stories (skips when absent)."""
    corpus = shared / "corpora" / "en" / "synthetic_stories_en.jsonl"
    if not corpus.is_file():
        pytest.skip(f"{corpus} is not present")

    def first(n: int) -> Path:
        path = tmp_path_factory.mktemp("stories") / "stories.jsonl"
        with corpus.open(encoding="utf-8") as fh:
            path.write_text("".join(line for _, line in zip(range(n), fh)), encoding="utf-8")
        return path

    return first


@pytest.fixture()
def lock_holder():
    """``with lock_holder(db) as holder:`` another process holds the DuckDB file ``db`` open for writing until the block ends."""
    import subprocess
    import sys
    from contextlib import contextmanager

    @contextmanager
    def hold(db: Path):
        code = f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('ready', flush=True); sys.stdin.read()"
        holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
            yield holder
        finally:
            holder.communicate("")

    return hold


# -- PostgreSQL: a server named by TOCSIN_TEST_PG (``make test`` starts one with scripts/pg-test-server), and a schema
# of its own for every test, so tests in parallel workers never meet. Without a server the PostgreSQL tests skip with
# the reason; under CI=true they fail instead (CI must run them).

PG_ENV = "TOCSIN_TEST_PG"


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The URL of the test server's database (TOCSIN_TEST_PG); skips (fails under CI=true) when there is none."""
    url = os.environ.get(PG_ENV, "")
    reason = ""
    if not url:
        reason = f"no PostgreSQL server for the store tests: set {PG_ENV}=postgresql://user@host:port/db (`make test` starts one)"
    else:
        try:
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:
            reason = f"the PostgreSQL server of {PG_ENV} does not answer ({str(exc).strip().splitlines()[0]})"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; under CI=true the PostgreSQL store tests must run", pytrace=False)
        pytest.skip(reason)
    return url


def with_schema(url: str, schema: str) -> str:
    """``url`` with ``schema`` as its search_path (libpq's ``options``)."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture()
def new_pg_url(pg_server: str) -> Iterator[Callable[[], str]]:
    """Make a store URL of a new, empty schema on the test server (each call another one; all dropped after the test)."""
    schemas: list[str] = []

    def make() -> str:
        schema = f"t_{uuid.uuid4().hex[:16]}"
        with psycopg.connect(pg_server, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        schemas.append(schema)
        return with_schema(pg_server, schema)

    yield make
    with psycopg.connect(pg_server, autocommit=True) as conn:
        for schema in schemas:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture()
def vocabulary_articles() -> list[Any]:
    """Two articles whose three events tell the event-filter fields apart: RUS>UKR 130 and 190 in March, UKRMIL>RUSGOV
    042 in April (the store's, the CLI's and the API's one filter vocabulary are tested on them)."""
    from tocsin.models import Article, Event, Sentence

    def article(article_id: str, published: str, events: list[dict[str, Any]]) -> Article:
        art = Article(
            text="Russia threatened Ukraine.", id=article_id, title=article_id, url=f"https://example.org/{article_id}",
            outlet="example.org", published=published, lang="en", lang_score=0.98, origin="feed.jsonl:1",
            sentences=[Sentence(0, 0, 26, "Russia threatened Ukraine.")],
        )  # fmt: skip
        base = {
            "article_id": article_id, "sentence_index": 0, "sentence": "Russia threatened Ukraine.", "cameo": "130", "root": "13",
            "quad": 3, "goldstein": -4.4, "source_code": "RUS", "target_code": "UKR", "trigger": "threatened", "trigger_start": 7,
            "trigger_end": 17, "coder": "tocsin.coder.v1",
        }  # fmt: skip
        art.events = [Event(**{**base, "trigger_start": 7 + n, **spec}) for n, spec in enumerate(events)]
        return art

    return [
        article("a1", "2024-03-05", [{}, {"cameo": "190", "root": "19", "quad": 4, "goldstein": -10.0}]),
        article("a2", "2024-04-01", [{"source_code": "UKRMIL", "target_code": "RUSGOV", "cameo": "042", "root": "04", "quad": 1}]),
    ]
