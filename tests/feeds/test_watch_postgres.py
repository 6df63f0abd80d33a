"""``watch_once`` into a PostgreSQL store: the same items coded once, the same state kept (migration 0010 in
migrations/postgres). Runs on the server TOCSIN_TEST_PG names (``make test`` starts one); skips without one,
fails under CI=true, as the store tests do (tests/store/conftest.py)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tocsin.feeds import watch_once
from tocsin.feeds.state import FeedState
from tocsin.store import open_store

pytestmark = pytest.mark.slow
PG_ENV = "TOCSIN_TEST_PG"


@pytest.fixture
def pg_store_url() -> Iterator[str]:
    """A store URL on a new schema of the TOCSIN_TEST_PG server (dropped after the test)."""
    psycopg = pytest.importorskip("psycopg")
    url = os.environ.get(PG_ENV, "")
    reason = "" if url else f"no PostgreSQL server: set {PG_ENV}=postgresql://user@host:port/db (`make test` starts one)"
    if url:
        try:
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:
            reason = f"the PostgreSQL server of {PG_ENV} does not answer ({str(exc).strip().splitlines()[0]})"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; under CI=true the PostgreSQL tests must run", pytrace=False)
        pytest.skip(reason)
    schema = f"feeds_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_watch_postgres_codes_once_and_resumes(
    pg_store_url: str, sites: Any, make_feeds: Any, make_fetcher: Any, pipeline: Any, tmp_path: Path
) -> None:
    site, _slow = sites
    feeds = make_feeds(tmp_path / "feeds.toml", site.base)
    with make_fetcher() as fetcher:
        first = watch_once(feeds, pg_store_url, fetcher=fetcher, pipeline=pipeline)
    assert first.articles_added == 7 and first.duplicates == 1 and first.alerts_run
    site.clear()
    with make_fetcher() as fetcher:
        second = watch_once(feeds, pg_store_url, fetcher=fetcher, pipeline=pipeline)  # a new store object: a restart
    assert second.articles_added == 0 and second.feeds_unchanged == 2
    assert all(path in {"/robots.txt", "/fr/rss.xml", "/en/atom.xml", "/news/changing.xml", "/broken.xml"} for path in site.paths())
    with open_store(pg_store_url) as store:
        assert sorted(a["id"] for a in store.articles()) == sorted(first.stored)
        with store.session():
            statuses = [item["status"] for item in FeedState(store).items()]
    assert statuses.count("stored") == 7 and statuses.count("duplicate") == 1
