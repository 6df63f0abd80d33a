"""``watch_once`` against a real HTTP server on 127.0.0.1: four passes over the same feeds.

1. the first pass codes every new item once (French and English pages, a latin-1 page, a redirect), reports a 404,
   a slow host and a malformed feed, and never fetches a page robots.txt disallows;
2. a second pass adds nothing, and a feed answering 304 costs no page fetch;
3. a new process (the store reopened from its file) adds nothing either: the state survives a restart;
4. once a feed changes, only its new item is coded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tocsin.feeds import ItemOutcome, WatchSummary, watch_once
from tocsin.feeds.state import FeedState
from tocsin.store import open_store

pytestmark = pytest.mark.slow

FEED_PATHS = {"/robots.txt", "/fr/rss.xml", "/en/atom.xml", "/news/changing.xml", "/broken.xml"}


@dataclass
class Pass:
    summary: WatchSummary
    outcomes: list[ItemOutcome]
    paths: list[str]  # main host
    slow_paths: list[str]
    headers: dict[str, dict[str, str]]  # last request headers per path


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory, feed_server: Any, make_feeds: Any, make_fetcher: Any, pipeline: Any) -> Any:
    site, slow = feed_server.news_sites()
    folder = tmp_path_factory.mktemp("watch")
    feeds = make_feeds(folder / "feeds.toml", site.base)
    db = folder / "feeds.duckdb"
    passes: dict[str, Pass] = {}

    def run(name: str, store: Any) -> None:
        site.clear()
        slow.clear()
        outcomes: list[ItemOutcome] = []
        with make_fetcher() as fetcher:
            summary = watch_once(feeds, store, fetcher=fetcher, pipeline=pipeline, on_item=outcomes.append)
        headers = {path.split("?", 1)[0]: h for path, h in site.requests}
        passes[name] = Pass(summary, outcomes, site.paths(), slow.paths(), headers)

    store = open_store(db, keep_open=False)
    try:
        run("first", store)
        run("second", store)
    finally:
        store.close()
    run("restart", db)  # a path: watch_once opens the store itself, as a new process would
    feed_server.change_feed(site)
    run("changed", db)
    base, slow_base = site.base, slow.base
    site.stop()
    slow.stop()
    with open_store(db, read_only=True) as store:
        articles = {a["id"]: a for a in store.articles()}
        events = store.events()
        with store.session():
            items = {row["url"]: row for row in FeedState(store).items()}
    return {"passes": passes, "base": base, "slow": slow_base, "articles": articles, "events": events, "items": items}


def test_watch_first_pass_codes_every_new_item_once(scenario: Any) -> None:
    base = scenario["base"]
    first = scenario["passes"]["first"].summary
    stored = {
        f"{base}/fr/greve-cheminots.html",
        f"{base}/fr/expulsion-diplomate.html",  # its link carried utm_* parameters and a fragment; listed twice
        f"{base}/fr/mali-algerie.html",  # latin-1
        f"{base}/fr/ancien-lien.html",  # redirected to /fr/sommet-paris.html
        f"{base}/wire/russia-expels.html",
        f"{base}/en/sanctions.html",  # relative link with utm_campaign
        f"{base}/news/serbia-recalls.html",
    }
    assert set(first.stored) == stored
    assert len(first.stored) == len(stored)
    assert first.articles_added == len(stored) and first.events_added > 0
    assert set(scenario["articles"]) >= stored
    assert first.duplicates == 1  # /en/russia-expels.html: the same text as the wire copy stored before it
    assert scenario["items"][f"{base}/en/russia-expels.html"]["status"] == "duplicate"
    assert f"{base}/en/russia-expels.html" not in scenario["articles"]


def test_watch_first_pass_reports_errors_and_goes_on(scenario: Any) -> None:
    base, slow = scenario["base"], scenario["slow"]
    first = scenario["passes"]["first"].summary
    messages = dict(first.failures)
    assert messages[f"{base}/fr/introuvable.html"].startswith("[E607] feed Le Veilleur: item")
    assert "HTTP 404" in messages[f"{base}/fr/introuvable.html"]
    assert messages[f"{slow}/fr/lent.html"].startswith("[E608] feed Le Veilleur: item")
    assert "timed out" in messages[f"{slow}/fr/lent.html"] and "2 attempt(s)" in messages[f"{slow}/fr/lent.html"]
    assert messages[f"{base}/broken.xml"].startswith("[E606] feed Broken")
    assert first.feeds == 4 and first.feeds_failed == 1
    assert first.alerts_run
    # the 404 is permanent (not fetched again), the slow page is retried on the next pass
    assert scenario["items"][f"{base}/fr/introuvable.html"]["status"] == "failed"
    assert f"{slow}/fr/lent.html" not in scenario["items"]


def test_watch_robots_disallowed_page_is_not_fetched(scenario: Any) -> None:
    base = scenario["base"]
    first = scenario["passes"]["first"]
    assert first.summary.disallowed == 1
    assert "/robots.txt" in first.paths
    assert all(not path.startswith("/private/") for p in scenario["passes"].values() for path in p.paths)
    assert any(message.startswith("[W011]") and f"{base}/private/leaked-memo.html" in message for _, message in first.summary.warnings)


def test_watch_fetches_each_page_once_with_its_user_agent(scenario: Any) -> None:
    first = scenario["passes"]["first"]
    pages = [path for path in first.paths if path not in FEED_PATHS]
    assert len(pages) == len(set(pages))  # /fr/expulsion-diplomate.html is listed twice in its feed, fetched once
    assert "/fr/sommet-paris.html" in pages  # the redirect was followed
    assert first.headers["/fr/rss.xml"]["user-agent"].startswith("tocsin/")


def test_watch_codes_events_from_french_and_english_pages(scenario: Any) -> None:
    base = scenario["base"]
    by_article: dict[str, list[tuple[Any, ...]]] = {}
    for event in scenario["events"]:
        by_article.setdefault(event["article_id"], []).append((event["source_code"], event["cameo"], event["target_code"]))
    french = by_article[f"{base}/fr/expulsion-diplomate.html"]
    assert any(src and src.startswith("FRA") and tgt and tgt.startswith("RUS") for src, _, tgt in french), french
    latin1 = by_article[f"{base}/fr/mali-algerie.html"]
    assert any(src and src.startswith("MLI") and tgt and tgt.startswith("DZA") for src, _, tgt in latin1), latin1
    english = by_article[f"{base}/en/sanctions.html"]
    assert any(src == "USA" and tgt and tgt.startswith("IRN") for src, _, tgt in english), english
    articles = scenario["articles"]
    assert articles[f"{base}/fr/mali-algerie.html"]["lang"] == "fr"
    assert "ingérence" in articles[f"{base}/fr/mali-algerie.html"]["text"]  # decoded by its <meta charset>
    assert articles[f"{base}/en/sanctions.html"]["lang"] == "en"


def test_watch_second_pass_adds_nothing(scenario: Any) -> None:
    second = scenario["passes"]["second"]
    assert second.summary.articles_added == 0 and second.summary.events_added == 0 and not second.summary.stored
    # the Atom feed (ETag) and the changing feed (Last-Modified) answer 304; the RSS feed, with an item to retry, is read again
    assert second.headers["/en/atom.xml"].get("if-none-match") == '"atom-v1"'
    assert second.headers["/news/changing.xml"].get("if-modified-since")
    assert second.summary.feeds_unchanged == 2
    assert set(second.paths) <= FEED_PATHS  # no page of the main host fetched again
    assert second.slow_paths.count("/fr/lent.html") == 2  # only the timed-out item is tried again (one retry)
    assert [o.status for o in second.outcomes if o.url.endswith("/fr/lent.html")] == ["retry"]


def test_watch_restart_resumes_from_the_store(scenario: Any) -> None:
    restart = scenario["passes"]["restart"]
    assert restart.summary.articles_added == 0 and not restart.summary.stored
    assert set(restart.paths) <= FEED_PATHS


def test_watch_changed_feed_adds_only_its_new_items(scenario: Any) -> None:
    base = scenario["base"]
    changed = scenario["passes"]["changed"]
    assert changed.summary.stored == [f"{base}/news/kosovo-arrests.html"]
    assert [p for p in changed.paths if p not in FEED_PATHS] == ["/news/kosovo-arrests.html"]
    assert len(scenario["articles"]) == 8


def test_watch_summary_adds_up() -> None:
    total = WatchSummary()
    total.add(WatchSummary(feeds=2, stored=["a"], failures=[("u", "m")]))
    total.add(WatchSummary(feeds=1, stored=["b"], interrupted=True))
    assert total.feeds == 3 and total.stored == ["a", "b"] and total.failed == 1 and total.interrupted


def test_watch_reads_feeds_file_errors(tmp_path: Path) -> None:
    from tocsin.errors import ConfigError

    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nname = "no url"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[E603\] .*feeds.toml: feeds\[1\]\.url: missing"):
        watch_once(path, ":memory:")
