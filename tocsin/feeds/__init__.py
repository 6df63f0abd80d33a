"""Watch RSS and Atom feeds: fetch each new item's page, code it, store it, raise alerts (``tocsin watch``).

* :mod:`~tocsin.feeds.config`: the feeds file (``[[feeds]]`` tables) and the ``--every`` interval;
* :mod:`~tocsin.feeds.urls`: canonical item URLs (no fragment, no ``utm_*``), the id of an item's article;
* :mod:`~tocsin.feeds.fetch`: a polite HTTP client (User-Agent, retries, per-host pace, robots.txt);
* :mod:`~tocsin.feeds.parse`: feeds (feedparser) and pages (charset, trafilatura) into articles;
* :mod:`~tocsin.feeds.state`: what was seen, kept in the store so a restart resumes;
* :mod:`~tocsin.feeds.watch`: one pass (:func:`watch_once`) or a pass every so often (:meth:`Watcher.run`).
"""

from .config import Feed, load_feeds, parse_every
from .fetch import Fetcher, user_agent
from .urls import canonical_url
from .watch import ItemOutcome, Watcher, WatchSummary, watch_once

__all__ = [
    "Feed",
    "Fetcher",
    "ItemOutcome",
    "WatchSummary",
    "Watcher",
    "canonical_url",
    "load_feeds",
    "parse_every",
    "user_agent",
    "watch_once",
]
