"""Code inputs into a store: the job behind ``tocsin code``.

Reads every source, codes each article in its own language, saves each batch
in one transaction, and reports what failed without stopping. Articles
already in the store are not coded again: their stored events are returned.

The store is held only while a batch is checked and while it is saved (one
short session each), so other processes can read and write the database while
a run codes. Ctrl-C (SIGINT) stops a run between two saves: every batch saved is
whole, the report says ``interrupted``, and running it again resumes (stored
articles are skipped).
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, Self

from .coder import make_pipeline
from .errors import ConfigError, Errors, StoreError
from .models import Article, is_iso_published
from .pipeline import Pipeline, StageFailure
from .stages.ingest import IngestReport, read_articles
from .store import Store


@dataclass
class RunReport:
    """What one ``code`` run did."""

    articles_read: int = 0
    articles_coded: int = 0
    articles_known: int = 0
    articles_added: int = 0
    events_added: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    events: list[dict[str, Any]] = field(default_factory=list)
    interrupted: bool = False  # stopped by Ctrl-C (SIGINT); what was saved is whole, a rerun resumes

    @property
    def failed(self) -> int:
        return len(self.failures)


class InterruptGuard:
    """Defers Ctrl-C (SIGINT) while in :meth:`critical` (a save and its counting or bookkeeping): a Ctrl-C outside
    one is a KeyboardInterrupt at once, inside one at its end. Main thread only (where Python delivers signals).

    Re-entrant: the handler is installed by the outermost ``with`` (``tocsin code``'s run, or the loop of
    :meth:`tocsin.feeds.watch.Watcher.run` around its passes).
    """

    def __init__(self) -> None:
        self.requested = False
        self._depth = 0
        self._nesting = 0
        self._previous: Any = None
        self._installed = False

    def __enter__(self) -> Self:
        self._nesting += 1
        if (
            self._nesting == 1
            and threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler
        ):
            self._previous = signal.signal(signal.SIGINT, self._handle)
            self._installed = True
        return self

    def __exit__(self, *exc: object) -> None:
        self._nesting -= 1
        if self._nesting == 0 and self._installed:
            signal.signal(signal.SIGINT, self._previous)
            self._installed = False

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._depth == 0:
            raise KeyboardInterrupt
        self.requested = True

    @contextmanager
    def critical(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
        if self.requested and self._depth == 0:
            self.requested = False
            raise KeyboardInterrupt


def _batches(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def code_and_save(pipeline: Pipeline, articles: Sequence[Article], store: Store | None, report: RunReport) -> list[Article]:
    """Code ``articles`` (parses dropped once coded), save them in ``store`` in one transaction, count in ``report``."""
    coded = _code(pipeline, list(articles))
    _save(store, coded, report)
    return coded


def _save(store: Store | None, coded: list[Article], report: RunReport) -> None:
    """Count coded articles in ``report`` and save them in ``store`` (one transaction), counting what was added.

    A batch the store refuses for a value it cannot take (E308: the data's fault, not the database's) is saved again
    article by article, so one bad record loses only itself: it goes to ``report.failures``, the others are stored.
    """
    report.articles_coded += len(coded)
    if store is None or not coded:
        return
    try:
        results = [store.save(coded)]
    except StoreError as exc:
        if not _refused(exc):
            raise
        results = []
        for article in coded:
            try:
                results.append(store.save([article]))
            except StoreError as one:
                if not _refused(one):
                    raise
                report.failures.append((article.origin or article.id, str(one)))
    for saved in results:
        report.articles_added += saved.articles_added
        report.events_added += saved.events_added


def _refused(exc: StoreError) -> bool:
    """The store refused a value of the batch (E308), which saving its articles one by one can isolate."""
    return str(exc).startswith("[E308]")


def code_sources(
    sources: Sequence[str | Path],
    store: Store | None,
    *,
    lang: str | None = None,
    actors: Sequence[str | Path] = (),
    batch_size: int = 64,
    collect_events: bool = True,
    on_progress: Callable[[int], None] | None = None,
    published: str | None = None,
    workers: int = 1,
    pool: CodingPool | None = None,
    on_events: Callable[[list[dict[str, Any]]], None] | None = None,
) -> RunReport:
    """Code every article of ``sources`` and save it in ``store`` (``None``: code only).

    published: the publication date (ISO) of articles that carry none (plain text, JSON Lines records without
        ``published``); relative dates in their text are resolved against it. RAISES ConfigError if not ISO.
    workers: processes that code (each with its own pipeline); this process alone reads the input and writes
        the store, batch by batch in input order. With more than one, workers start only when the input holds
        more than one batch. RAISES ConfigError below 1.
    pool: a started :class:`CodingPool` to code in (its options win over ``lang``, ``actors`` and ``batch_size``);
        it stays open for the caller to reuse.
    on_events: called with each batch's events (stored rows, or coded ones without a store) as soon as the batch
        is saved, in input order: ``tocsin code --format jsonl`` streams them.
    on_progress: called with the number of articles of each batch read, once it is done.

    Ctrl-C (KeyboardInterrupt) does not escape: the run stops between two saves (worker processes are shut
    down), and the report has ``interrupted`` set with the counts of what was saved.

    Returns a :class:`RunReport` with counts, failures (ingest and stage) and,
    when ``collect_events``, the events as dictionaries.
    """
    ingest = IngestReport()
    if published is not None and not is_iso_published(published):
        raise ConfigError(Errors.E501.format(name="published", value=published, hint="Expected an ISO date such as 2024-05-21."))
    _check_workers(workers)
    options: dict[str, Any] = {"lang": lang, "actors": tuple(str(a) for a in actors), "batch_size": batch_size}
    run = _Run(store, published=published, collect_events=collect_events, on_events=on_events, on_progress=on_progress)
    with run.guard:
        try:
            run.code(_batches(read_articles(sources, report=ingest), batch_size), pool=pool, workers=workers, options=options)
        except KeyboardInterrupt:
            run.report.interrupted = True
    run.report.failures[:0] = [(f.path + (f":{f.line}" if f.line else ""), f.message) for f in ingest.failures]
    return run.report


@dataclass
class _Run:
    """One :func:`code_sources` run: its inputs checked against the store (:meth:`fresh_of`), coded here or in worker
    processes (:meth:`code`), then saved and reported batch by batch in input order (:meth:`finish`)."""

    store: Store | None
    published: str | None = None
    collect_events: bool = True
    on_events: Callable[[list[dict[str, Any]]], None] | None = None
    on_progress: Callable[[int], None] | None = None
    report: RunReport = field(default_factory=RunReport)
    guard: InterruptGuard = field(default_factory=InterruptGuard)
    submitted: set[str] = field(default_factory=set)  # ids of the articles read so far: the same article twice is coded once
    known_events: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # batch -> events of its articles already stored

    @property
    def wants_events(self) -> bool:
        return self.collect_events or self.on_events is not None

    def code(self, batches: Iterator[list[Article]], *, pool: CodingPool | None, workers: int, options: dict[str, Any]) -> None:
        """Code every batch: in ``pool``, else here (one worker, or at most one batch), else in a pool started for the run."""
        head = list(itertools.islice(batches, 2))
        stream = itertools.chain(head, batches)
        if pool is not None:
            _code_in_workers(stream, pool, self.fresh_of, self.finish, self.report)
        elif workers == 1 or len(head) < 2:
            pipeline = make_pipeline(**options)
            try:
                for batch in stream:
                    self.finish(batch, _code(pipeline, self.fresh_of(batch)))
            finally:
                self.report.failures.extend((f.origin or f.article_id, f.message) for f in pipeline.failures)
        else:
            with CodingPool(workers, **options) as started:
                _code_in_workers(stream, started, self.fresh_of, self.finish, self.report)

    def fresh_of(self, batch: list[Article]) -> list[Article]:
        """The articles of ``batch`` to code: neither seen earlier in the run nor already stored (their events are kept)."""
        self.report.articles_read += len(batch)
        fresh: list[Article] = []
        known: list[dict[str, Any]] = []
        with _session(self.store):
            for article in batch:
                if self.published is not None:
                    article.published = article.published or self.published
                if article.id in self.submitted:
                    self.report.articles_known += 1  # the same article twice in one run: coded once
                    continue
                self.submitted.add(article.id)
                if self.store is not None and self.store.has_article(article.id):
                    self.report.articles_known += 1
                    if self.wants_events:
                        known.extend(self.store.events(article_id=article.id))
                else:
                    fresh.append(article)
        self.known_events[id(batch)] = known
        return fresh

    def finish(self, batch: list[Article], coded: list[Article]) -> None:
        """Save the coded articles of ``batch``, then report its events and progress."""
        events = self.known_events.pop(id(batch), [])
        with self.guard.critical():  # a Ctrl-C waits for the batch to be saved and counted
            with _session(self.store, write=True):
                _save(self.store, coded, self.report)
                if self.wants_events:
                    for article in coded:
                        if self.store is not None:  # the stored rows carry the merged event's id and counts
                            events.extend(self.store.events(article_id=article.id))
                        else:
                            events.extend(e.to_dict() for e in article.events)
            if self.collect_events:
                self.report.events.extend(events)
        if self.on_events is not None and events:
            self.on_events(events)
        if self.on_progress is not None:
            self.on_progress(len(batch))


def _check_workers(workers: int) -> None:
    if workers < 1:
        raise ConfigError(Errors.E501.format(name="workers", value=workers, hint="Give 1 or more processes."))


@contextmanager
def _session(store: Store | None, *, write: bool = False) -> Iterator[None]:
    if store is None:
        yield
        return
    with store.session(write=write):
        yield


def _code(pipeline: Pipeline, articles: list[Article]) -> list[Article]:
    coded = []
    for article in pipeline.pipe(articles):
        article.docs = []  # parses are not sent back nor stored
        coded.append(article)
    return coded


def _code_in_workers(
    batches: Iterator[list[Article]],
    pool: CodingPool,
    fresh_of: Callable[[list[Article]], list[Article]],
    finish: Callable[[list[Article], list[Article]], None],
    report: RunReport,
) -> None:
    """Code batches in the pool's processes and finish them in input order.

    Each batch goes out in chunks of at most :data:`CHUNK` articles (a quarter of that in the last batch), so that
    every process has work even when the input holds only a few batches (294 articles are 5 batches of 64 but 25
    chunks) and none idles long while another ends the run; at most two chunks per process are in flight. A batch is finished (stored) once all its chunks are back.
    """
    Chunk = Future[tuple[list[Article], list[StageFailure]]]
    pending: deque[tuple[list[Article], list[Chunk]]] = deque()

    def in_flight() -> int:
        return sum(1 for _, chunks in pending for c in chunks if not c.done())

    def settle() -> None:
        batch, chunks = pending.popleft()
        coded: list[Article] = []
        for chunk in chunks:
            articles, failures = chunk.result()
            report.failures.extend((f.origin or f.article_id, f.message) for f in failures)
            coded.extend(articles)
        finish(batch, coded)

    try:
        for batch, last in _with_last(batches):
            fresh = fresh_of(batch)
            # the last batch goes out in smaller chunks, so no process idles long while another ends a big one
            size = max(1, CHUNK // 4) if last else CHUNK
            pending.append((batch, [pool.submit(fresh[i : i + size]) for i in range(0, len(fresh), size)]))
            while pending and (in_flight() > 2 * pool.workers or all(c.done() for c in pending[0][1])):
                settle()  # the oldest batch: stored in input order, waiting for it only when too much is in flight
        while pending:
            settle()
    except BaseException:
        for _, chunks in pending:  # Ctrl-C or a failure: what is queued is not coded (the pool's owner shuts it down)
            for chunk in chunks:
                chunk.cancel()
        raise


def _with_last(items: Iterator[list[Article]]) -> Iterator[tuple[list[Article], bool]]:
    """Each item with whether it is the last one (reading one item ahead)."""
    previous: list[Article] | None = None
    for item in items:
        if previous is not None:
            yield previous, False
        previous = item
    if previous is not None:
        yield previous, True


#: Articles a worker process codes at a time (``tocsin code --workers``); a quarter of it in the last batch.
CHUNK = 16


class CodingPool:
    """Processes that code batches of articles, each with its own pipeline (``tocsin code --workers N``).

    Spawned, so they inherit no store connection or thread of this process. :meth:`start` returns once every
    process has built its pipeline and loaded the models of ``preload`` (languages), so a caller can time the
    coding apart from the start-up; :func:`code_sources` starts one itself when it is given none.
    """

    def __init__(
        self, workers: int, *, lang: str | None = None, actors: Sequence[str | Path] = (), batch_size: int = 64, preload: Sequence[str] = ()
    ) -> None:
        _check_workers(workers)
        self.workers = workers
        self.options: dict[str, Any] = {"lang": lang, "actors": tuple(str(a) for a in actors), "batch_size": batch_size}
        self.preload = tuple(preload)
        self._executor: ProcessPoolExecutor | None = None

    def start(self) -> CodingPool:
        if self._executor is None:
            context = multiprocessing.get_context("spawn")
            barrier = context.Barrier(self.workers)
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_start_worker, initargs=(self.options, self.preload, barrier)
            )
            # one task per process: each waits at the barrier, so every process has started and built its pipeline
            try:
                for future in [self._executor.submit(_ready) for _ in range(self.workers)]:
                    future.result()
            except BaseException:  # Ctrl-C while the models load: no process is left behind
                self.close()
                raise
        return self

    def submit(self, articles: list[Article]) -> Future[tuple[list[Article], list[StageFailure]]]:
        return self.start()._executor.submit(_code_in_worker, articles)  # type: ignore[union-attr]

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_worker_pipeline: Pipeline | None = None
_worker_barrier: Any = None


def _start_worker(options: dict[str, Any], preload: tuple[str, ...], barrier: Any) -> None:
    global _worker_pipeline, _worker_barrier
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent decides, and shuts us down
    import logging

    logging.captureWarnings(True)  # library warnings go through logging here too, never raw to the terminal
    logging.getLogger("py.warnings").addHandler(logging.NullHandler())
    logging.getLogger("py.warnings").propagate = False
    _worker_pipeline = make_pipeline(**options)
    for lang in preload:
        from .stages.nlp import load_model

        load_model(lang)
    _worker_barrier = barrier


def _ready() -> None:
    _worker_barrier.wait(timeout=600)


def _code_in_worker(articles: list[Article]) -> tuple[list[Article], list[StageFailure]]:
    assert _worker_pipeline is not None
    before = len(_worker_pipeline.failures)
    coded = _code(_worker_pipeline, articles)
    failures = _worker_pipeline.failures[before:]
    del _worker_pipeline.failures[before:]
    return coded, failures


__all__ = ["CodingPool", "InterruptGuard", "RunReport", "code_and_save", "code_sources"]
