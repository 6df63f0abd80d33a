"""A pass cut short (Ctrl-C, or the process dying between two steps of an item) loses nothing and duplicates nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tocsin.feeds import ItemOutcome, Watcher, watch_once
from tocsin.feeds import watch as watch_module
from tocsin.feeds.state import FeedState
from tocsin.store import open_store
from tocsin.watch import detect, list_alerts

pytestmark = pytest.mark.slow


class _Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs."""


@pytest.fixture
def bulk(feed_server: Any, tmp_path: Path) -> Any:
    site = feed_server.bulk_site(8)
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feeds]]\nurl = "{site.base}/bulk/rss.xml"\nname = "Bulk"\n', encoding="utf-8")
    yield site, feeds, tmp_path / "resume.duckdb"
    site.stop()


def _stored(db: Path) -> tuple[list[str], list[dict[str, Any]]]:
    with open_store(db, read_only=True) as store:
        ids = [a["id"] for a in store.articles()]
        with store.session():
            items = FeedState(store).items()
    return ids, items


def test_resume_after_ctrl_c(bulk: Any, make_fetcher: Any, pipeline: Any) -> None:
    _site, feeds, db = bulk
    stored: list[str] = []

    def stop_after_three(outcome: ItemOutcome) -> None:
        stored.append(outcome.url)
        if len(stored) == 3:
            raise KeyboardInterrupt

    with make_fetcher() as fetcher:
        first = watch_once(feeds, db, fetcher=fetcher, pipeline=pipeline, on_item=stop_after_three)
    assert first.interrupted and first.stored == stored and first.articles_added == 3
    assert first.alerts_run  # the rules ran on what was stored
    with make_fetcher() as fetcher:
        second = watch_once(feeds, db, fetcher=fetcher, pipeline=pipeline)
    assert not second.interrupted and second.articles_added == 5 and not set(second.stored) & set(stored)
    ids, items = _stored(db)
    assert len(ids) == len(set(ids)) == 8
    assert {item["status"] for item in items} == {"stored"}


def test_resume_after_death_between_save_and_bookkeeping(
    bulk: Any, make_fetcher: Any, pipeline: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, feeds, db = bulk
    mark = FeedState.mark
    calls = {"stored": 0}

    def dying_mark(self: FeedState, url: str, **kwargs: Any) -> None:
        if kwargs.get("status") == "stored":
            calls["stored"] += 1
            if calls["stored"] == 2:  # the second item was saved, but its row still says pending
                raise _Killed
        mark(self, url, **kwargs)

    monkeypatch.setattr(FeedState, "mark", dying_mark)
    with make_fetcher() as fetcher, pytest.raises(_Killed):
        watch_once(feeds, db, fetcher=fetcher, pipeline=pipeline)
    monkeypatch.setattr(FeedState, "mark", mark)
    ids, items = _stored(db)
    assert len(ids) == 2 and [i["status"] for i in items if i["url"] == ids[1]] == ["pending"]
    site.clear()
    with make_fetcher() as fetcher:
        summary = watch_once(feeds, db, fetcher=fetcher, pipeline=pipeline)
    assert summary.articles_added == 6 and not set(summary.stored) & set(ids)
    assert f"/bulk/{ids[1].rsplit('/', 1)[1]}" not in site.paths()  # settled from the store, not fetched again
    ids, items = _stored(db)
    assert len(ids) == len(set(ids)) == 8 and {item["status"] for item in items} == {"stored"}


def test_resume_after_death_between_bookkeeping_and_save(
    bulk: Any, make_fetcher: Any, pipeline: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _site, feeds, db = bulk
    code_and_save = watch_module.code_and_save
    calls = {"n": 0}

    def dying_save(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:  # the third item is marked pending but never saved
            raise _Killed
        return code_and_save(*args, **kwargs)

    monkeypatch.setattr(watch_module, "code_and_save", dying_save)
    with make_fetcher() as fetcher, pytest.raises(_Killed):
        watch_once(feeds, db, fetcher=fetcher, pipeline=pipeline)
    monkeypatch.setattr(watch_module, "code_and_save", code_and_save)
    ids, items = _stored(db)
    pending = [i["url"] for i in items if i["status"] == "pending"]
    assert len(ids) == 2 and len(pending) == 1 and pending[0] not in ids
    with make_fetcher() as fetcher:
        summary = watch_once(feeds, db, fetcher=fetcher, pipeline=pipeline)
    assert summary.articles_added == 6 and pending[0] in summary.stored  # coded on the next pass
    ids, _ = _stored(db)
    assert len(ids) == len(set(ids)) == 8


def test_resume_alerts_run_even_when_nothing_is_new(bulk: Any, make_fetcher: Any, pipeline: Any) -> None:
    _site, feeds, db = bulk
    with make_fetcher() as fetcher:
        watch_once(feeds, db, fetcher=fetcher, pipeline=pipeline, alerts=False)  # as if killed before the alert step
    with open_store(db) as store:
        assert store.count("alerts") == 0
        expected = {(a.pair, a.freq, a.period) for a in detect(store)}
    assert expected  # hostile first contacts between the pairs of the bulk feed
    with make_fetcher() as fetcher:
        summary = watch_once(feeds, db, fetcher=fetcher, pipeline=pipeline)
    assert summary.articles_added == 0 and summary.alerts_run and summary.alerts_added == len(expected)
    with open_store(db, read_only=True) as store:
        assert {(a["pair"], a["freq"], a["period"]) for a in list_alerts(store)} == {(p, f, d.isoformat()) for p, f, d in expected}


@pytest.mark.parametrize("where", ["reporting", "waiting"])
def test_resume_ctrl_c_between_passes_keeps_the_counts(bulk: Any, make_fetcher: Any, pipeline: Any, where: str) -> None:
    _site, feeds, db = bulk
    reported: list[int] = []

    def on_pass(summary: Any) -> None:
        reported.append(summary.articles_added)
        if where == "reporting":
            raise KeyboardInterrupt

    def sleep(seconds: float) -> None:
        assert seconds > 0
        if len(reported) == 2:
            raise KeyboardInterrupt

    with open_store(db, keep_open=False) as store, make_fetcher() as fetcher:
        total = Watcher(feeds, store, fetcher=fetcher, pipeline=pipeline).run(3600, on_pass=on_pass, sleep=sleep)
    assert total.interrupted and total.articles_added == 8 and len(total.stored) == 8
    assert reported == ([8] if where == "reporting" else [8, 0])
