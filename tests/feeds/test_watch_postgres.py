"""``watch_once`` into a PostgreSQL store: the same items coded once, the same state kept (migration 0010 in
migrations/postgres). Runs on the server TOCSIN_TEST_PG names (``make test`` starts one); skips without one,
fails under CI=true, as the store tests do (tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tocsin.feeds import watch_once
from tocsin.feeds.state import FeedState
from tocsin.store import open_store

pytestmark = pytest.mark.slow


@pytest.fixture
def pg_store_url(new_pg_url: Callable[[], str]) -> str:
    """A store URL on a new schema of the test server (tests/conftest.py; dropped after the test)."""
    return new_pg_url()


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
