"""Watch feeds: fetch each feed, code its new items, store them, then run the alert rules.

One pass (:meth:`Watcher.run_once`, :func:`watch_once`) reads every feed once. For each item not done yet
(its canonical URL is neither in ``feed_items`` nor the id of a stored article) it fetches the page, extracts
its text, skips it when the same text is stored under another URL, codes it with the pipeline ``tocsin code``
uses (language detected per item unless the feed gives ``lang``) and saves it (events merged), one item per
transaction. Whatever happens to an item (a 404, a timeout, an undecodable or empty page) is reported with a
coded message naming the feed and the URL, and the pass goes on. The alert rules run at the end of every pass,
even one that stored nothing, so a pass killed between a save and its alerts has them raised by the next.

State lives in the store (:mod:`tocsin.feeds.state`): a restart resumes from what was stored. Ctrl-C stops a
pass between two items (an item being saved is saved whole) and :attr:`WatchSummary.interrupted` is set.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from ..errors import Errors, ExtractError, Warnings
from ..models import Article
from ..models.article import content_id
from ..run import InterruptGuard, RunReport, code_and_save
from ..store import Store, open_store
from .config import Feed, load_feeds
from .fetch import Disallowed, Fetched, Fetcher, TooLarge, TooManyRedirects, Unreachable
from .parse import FeedItem, FeedParseError, ParsedFeed, decode_page, page_article, page_kind, parse_feed
from .state import FeedState
from .urls import canonical_url

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..watch.alerts import Rule

log = logging.getLogger(__name__)

#: HTTP statuses worth fetching again on the next pass; any other 4xx is permanent (the item is not fetched again).
TRANSIENT_STATUSES = frozenset({408, 425, 429})


@dataclass
class ItemOutcome:
    """What happened to one new item: ``stored``, ``duplicate``, ``failed`` (not fetched again), ``retry``
    (fetched again on the next pass) or ``disallowed`` (by robots.txt); ``message`` is the coded text."""

    feed: str
    url: str
    status: str
    message: str | None = None
    events: int = 0


@dataclass
class WatchSummary:
    """What one pass (or, summed with :meth:`add`, several) did."""

    feeds: int = 0
    feeds_unchanged: int = 0  # answered 304 Not Modified: no item read
    feeds_failed: int = 0
    items: int = 0  # items read in the feeds
    items_known: int = 0  # done in an earlier pass (or earlier in this one)
    pages_fetched: int = 0
    duplicates: int = 0  # same text as a stored article under another URL
    disallowed: int = 0
    articles_added: int = 0
    events_added: int = 0
    stored: list[str] = field(default_factory=list)  # canonical URLs (= article ids) stored
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, coded message)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (url, coded message)
    alerts_run: bool = False
    alerts_added: int = 0
    alerts_posted: int = 0
    alert_errors: list[str] = field(default_factory=list)
    interrupted: bool = False  # stopped by Ctrl-C: what is counted was stored whole

    @property
    def failed(self) -> int:
        return len(self.failures)

    def add(self, other: WatchSummary) -> None:
        """Add the counts and lists of ``other`` to this summary (``alerts_run`` and ``interrupted``: either)."""
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, bool):
                setattr(self, f.name, mine or theirs)
            else:
                setattr(self, f.name, mine + theirs)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


class Watcher:
    """Watches ``feeds`` into ``store``; one object for as many passes as needed (the pipeline is built once).

    feeds: the feeds, or the path of a feeds.toml (:func:`~tocsin.feeds.config.load_feeds`).
    store: an open :class:`~tocsin.store.Store` (best opened with ``keep_open=False``, so other processes can
        use the database between two items).
    fetcher: the HTTP client (default: a :class:`~tocsin.feeds.fetch.Fetcher` with its defaults).
    actors: extra actor dictionaries (TOML), as ``tocsin code --actors``.
    alerts: run the alert rules at the end of each pass. rules: the rules file (default: the built-in rules).
    webhook: POST every alert not posted yet to this URL (as ``tocsin alerts --webhook``).
    pipeline: a built coding pipeline (default: built on the first item to code).
    on_item: called with each new item's :class:`ItemOutcome` as soon as it is known.
    RAISES: ConfigError for a bad feeds file or rules file.
    """

    def __init__(
        self,
        feeds: Sequence[Feed] | str | Path,
        store: Store,
        *,
        fetcher: Fetcher | None = None,
        actors: Sequence[str | Path] = (),
        alerts: bool = True,
        rules: str | Path | None = None,
        webhook: str | None = None,
        pipeline: Pipeline | None = None,
        on_item: Callable[[ItemOutcome], None] | None = None,
    ) -> None:
        from ..watch.alerts import load_rules

        self.feeds = load_feeds(feeds) if isinstance(feeds, (str, Path)) else list(feeds)
        self.store = store
        self.state = FeedState(store)
        self._own_fetcher = fetcher is None
        self.fetcher = fetcher if fetcher is not None else Fetcher()
        self.actors = tuple(str(a) for a in actors)
        self.alerts = alerts
        self.rules: list[Rule] | None = load_rules(rules) if alerts and rules is not None else None
        self.webhook = webhook
        self._pipeline = pipeline
        self.on_item = on_item
        self._guard = InterruptGuard()
        self._attempted: set[str] = set()

    # -- passes ----------------------------------------------------------------

    def run_once(self) -> WatchSummary:
        """One pass over every feed, then the alert rules. Ctrl-C ends it early with ``interrupted`` set.

        RETURNS: a :class:`WatchSummary`. RAISES: StoreError if the store fails (a failed save changes nothing).
        """
        summary = WatchSummary()
        with self._guard:
            self._pass(summary)
        return summary

    def run(
        self,
        every: float,
        *,
        passes: int | None = None,
        on_pass: Callable[[WatchSummary], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> WatchSummary:
        """Run a pass every ``every`` seconds (from the start of one to the start of the next) until Ctrl-C,
        or ``passes`` passes. on_pass: called with each pass's summary. RETURNS: the summed summary.

        Ctrl-C anywhere (in a pass, while reporting one, while waiting for the next) ends the loop with
        ``interrupted`` set; what each pass counted is kept, since the passes fill summaries held here.
        """
        summaries: list[WatchSummary] = []
        interrupted = False
        try:
            with self._guard:  # one handler for the whole loop: no Ctrl-C falls between two passes unhandled
                while True:
                    summary = WatchSummary()
                    summaries.append(summary)
                    started = time.monotonic()
                    self._pass(summary)
                    if on_pass is not None:
                        on_pass(summary)
                    if summary.interrupted or (passes is not None and len(summaries) >= passes):
                        break
                    sleep(max(0.0, every - (time.monotonic() - started)))
        except KeyboardInterrupt:
            interrupted = True
        total = WatchSummary()
        for summary in summaries:
            total.add(summary)
        total.interrupted = total.interrupted or interrupted
        return total

    def _pass(self, summary: WatchSummary) -> None:
        """One pass, filling ``summary``; a Ctrl-C stops it between two items (the alert rules still run)."""
        try:
            self.fetcher.forget_robots()  # robots.txt is read again once per pass
            self._attempted = set()
            with self.store.session(write=True):
                settled = self.state.settle()
            if settled:
                log.info("%d item(s) saved by an interrupted pass marked stored", settled)
            for feed in self.feeds:
                self._watch_feed(feed, summary)
        except KeyboardInterrupt:
            summary.interrupted = True
        if self.alerts:
            try:
                self._run_alerts(summary)
            except KeyboardInterrupt:  # a second Ctrl-C: the next pass runs them
                summary.interrupted = True

    def close(self) -> None:
        """Close the HTTP client if this watcher made it (the store is the caller's)."""
        if self._own_fetcher:
            self.fetcher.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one feed --------------------------------------------------------------

    def _watch_feed(self, feed: Feed, summary: WatchSummary) -> None:
        summary.feeds += 1
        with self.store.session():
            conditional = self.state.validators(feed)
        try:
            response = self.fetcher.get(feed.url, headers=conditional)
        except (Disallowed, Unreachable, TooLarge, TooManyRedirects) as exc:
            self._feed_failed(feed, summary, Errors.E605.format(feed=feed.name, url=feed.url, detail=_fetch_detail(exc)))
            return
        if response.status == 304:
            summary.feeds_unchanged += 1
            with self.store.session(write=True):
                self.state.checked(feed)
            return
        if response.status != 200:
            self._feed_failed(
                feed, summary, Errors.E605.format(feed=feed.name, url=feed.url, detail=f"HTTP {response.status} {response.reason}".strip())
            )
            return
        try:
            parsed = parse_feed(response.content, url=response.url, content_type=response.headers.get("content-type"))
        except FeedParseError as exc:
            self._feed_failed(feed, summary, Errors.E606.format(feed=feed.name, url=feed.url, detail=exc))
            return
        if parsed.problem:
            self._warn(
                summary, feed.url, Warnings.W010.format(feed=feed.name, url=feed.url, detail=parsed.problem, count=len(parsed.items))
            )
        complete = self._watch_items(feed, parsed, response, summary)
        with self.store.session(write=True):
            self.state.checked(
                feed, etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"), keep=not complete
            )

    def _watch_items(self, feed: Feed, parsed: ParsedFeed, response: Fetched, summary: WatchSummary) -> bool:
        """Handle the feed's items; RETURNS whether every one is done (none to retry), so its validators can be kept."""
        items: dict[str, FeedItem] = {}
        for item in parsed.items:
            if not item.link:
                self._warn(summary, feed.url, Warnings.W012.format(feed=feed.name, title=item.title or ""))
                continue
            items.setdefault(canonical_url(item.link, base=response.url), item)
        with self.store.session():
            done = self.state.done(list(items))
        complete = True
        for url, item in items.items():
            summary.items += 1
            if url in done or url in self._attempted:
                summary.items_known += 1
                continue
            self._attempted.add(url)
            outcome = self._watch_item(feed, parsed, url, item, summary)
            complete = complete and outcome.status != "retry"
            if outcome.status != "stored":  # a stored item was reported as it was counted
                self._emit(outcome)
        return complete

    def _feed_failed(self, feed: Feed, summary: WatchSummary, message: str) -> None:
        summary.feeds_failed += 1
        summary.failures.append((feed.url, message))
        log.warning(message)
        self._emit(ItemOutcome(feed.name, feed.url, "retry", message))

    def _warn(self, summary: WatchSummary, url: str, message: str) -> None:
        summary.warnings.append((url, message))
        log.warning(message)

    # -- one item --------------------------------------------------------------

    def _watch_item(self, feed: Feed, parsed: ParsedFeed, url: str, item: FeedItem, summary: WatchSummary) -> ItemOutcome:
        try:
            page = self.fetcher.get(url)
        except Disallowed as exc:
            summary.disallowed += 1
            message = Warnings.W011.format(feed=feed.name, url=url, robots=exc.robots)
            self._warn(summary, url, message)
            return ItemOutcome(feed.name, url, "disallowed", message)
        except Unreachable as exc:
            return self._fail(
                feed, url, summary, Errors.E608.format(feed=feed.name, url=url, detail=exc.detail, attempts=exc.attempts), retry=True
            )
        except TooLarge as exc:
            return self._fail(feed, url, summary, Errors.E610.format(feed=feed.name, url=url, limit=exc.limit))
        except TooManyRedirects as exc:
            return self._fail(feed, url, summary, Errors.E614.format(feed=feed.name, url=url, limit=exc.limit))
        summary.pages_fetched += 1
        if page.status != 200:
            retry = page.status in TRANSIENT_STATUSES or page.status >= 500
            tail = "; retried on the next pass" if retry else "; not fetched again"
            return self._fail(
                feed,
                url,
                summary,
                Errors.E607.format(feed=feed.name, url=url, status=page.status, reason=page.reason, retry=tail),
                retry=retry,
            )
        content_type = page.headers.get("content-type")
        kind = page_kind(content_type)
        if kind is None:
            return self._fail(feed, url, summary, Errors.E609.format(feed=feed.name, url=url, content_type=content_type))
        text, charset, guessed = decode_page(page.content, content_type)
        if guessed:
            self._warn(summary, url, Warnings.W013.format(feed=feed.name, url=url, charset=charset))
        try:
            article = page_article(text, kind=kind, url=url, item=item, outlet=parsed.title, lang=feed.lang)
        except ExtractError:
            return self._fail(feed, url, summary, Errors.E611.format(feed=feed.name, url=url))
        return self._code_item(feed, url, article, summary)

    def _code_item(self, feed: Feed, url: str, article: Article, summary: WatchSummary) -> ItemOutcome:
        digest = content_id(article.text)
        with self.store.session():
            original = self.state.duplicate_of(digest, url)
        if original is not None:
            with self.store.session(write=True):
                self.state.mark(
                    url, feed=feed, status="duplicate", content_hash=digest, article_id=original, detail=f"same text as {original}"
                )
            summary.duplicates += 1
            return ItemOutcome(feed.name, url, "duplicate", f"same text as {original}")
        pipeline = self.pipeline
        before = len(pipeline.failures)
        report = RunReport()
        # Ctrl-C waits until the item is saved, marked, counted and reported: what the summary says was stored, was
        with self._guard.critical():
            with self.store.session(write=True):
                self.state.mark(url, feed=feed, status="pending", content_hash=digest, article_id=url)
            coded = code_and_save(pipeline, [article], self.store, report)
            problems = pipeline.failures[before:]
            del pipeline.failures[before:]  # a long watch must not keep every failure
            if coded:
                with self.store.session(write=True):
                    self.state.mark(url, feed=feed, status="stored", content_hash=digest, article_id=url)
                summary.articles_added += report.articles_added
                summary.events_added += report.events_added
                summary.stored.append(url)
                outcome = ItemOutcome(feed.name, url, "stored", None, report.events_added)
                self._emit(outcome)
                return outcome
        detail = "; ".join(f.message for f in problems) or "the pipeline dropped it"
        return self._fail(feed, url, summary, Errors.E612.format(feed=feed.name, url=url, detail=detail))

    def _emit(self, outcome: ItemOutcome) -> None:
        if self.on_item is not None:
            self.on_item(outcome)

    def _fail(self, feed: Feed, url: str, summary: WatchSummary, message: str, *, retry: bool = False) -> ItemOutcome:
        summary.failures.append((url, message))
        log.warning(message)
        if not retry:
            with self.store.session(write=True):
                self.state.mark(url, feed=feed, status="failed", detail=message)
        return ItemOutcome(feed.name, url, "retry" if retry else "failed", message)

    # -- coding and alerts -----------------------------------------------------

    @property
    def pipeline(self) -> Pipeline:
        """The coding pipeline, built on first use (a pass with nothing new loads no model)."""
        if self._pipeline is None:
            from ..coder import make_pipeline

            self._pipeline = make_pipeline(actors=self.actors)
        return self._pipeline

    def _run_alerts(self, summary: WatchSummary) -> None:
        from ..watch.alerts import run_alerts

        with self.store.session(write=True):
            run = run_alerts(self.store, self.rules, webhook=self.webhook)
        summary.alerts_run = True
        summary.alerts_added += len(run.added)
        summary.alerts_posted += run.posted
        summary.alert_errors.extend(run.post_errors)


def watch_once(feeds: Sequence[Feed] | str | Path, store: Store | str | Path, **options: Any) -> WatchSummary:
    """One pass over ``feeds`` into ``store``: fetch, code and store every new item, then run the alert rules.

    feeds: the feeds, or the path of a feeds.toml. store: an open store, or a database path (opened for the
    pass with ``keep_open=False``, then closed). options: those of :class:`Watcher` (``fetcher``, ``actors``,
    ``alerts``, ``rules``, ``webhook``, ``pipeline``, ``on_item``).
    RETURNS: the pass's :class:`WatchSummary`. RAISES: ConfigError (feeds or rules file), StoreError.

    DOCS: README.md#watching-feeds
    """
    opened = None if isinstance(store, Store) else open_store(store, keep_open=False)
    try:
        with Watcher(feeds, opened or store, **options) as watcher:  # type: ignore[arg-type]
            return watcher.run_once()
    finally:
        if opened is not None:
            opened.close()


def _fetch_detail(exc: Exception) -> str:
    if isinstance(exc, Disallowed):
        return f"disallowed by {exc.robots}"
    if isinstance(exc, Unreachable):
        return f"{exc.detail} after {exc.attempts} attempt(s)"
    if isinstance(exc, TooLarge):
        return f"over {exc.limit} bytes"
    if isinstance(exc, TooManyRedirects):
        return f"more than {exc.limit} redirects"
    return str(exc)


__all__ = ["TRANSIENT_STATUSES", "ItemOutcome", "WatchSummary", "Watcher", "watch_once"]
