"""Code inputs into a store: the job behind ``tocsin code``.

Reads every source, codes each article in its own language, saves each batch
in one transaction, and reports what failed without stopping. Articles
already in the store are not coded again: their stored events are returned.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .coder import make_pipeline
from .errors import ConfigError, Errors
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

    @property
    def failed(self) -> int:
        return len(self.failures)


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
    report.articles_coded += len(coded)
    if store is not None and coded:
        saved = store.save(coded)
        report.articles_added += saved.articles_added
        report.events_added += saved.events_added
    return coded


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
) -> RunReport:
    """Code every article of ``sources`` and save it in ``store`` (``None``: code only).

    published: the publication date (ISO) of articles that carry none (plain text, JSON Lines records without
        ``published``); relative dates in their text are resolved against it. RAISES ConfigError if not ISO.
    workers: processes that code (each with its own pipeline); this process alone reads the input and writes
        the store, batch by batch in input order. With more than one, workers start only when the input holds
        more than one batch. RAISES ConfigError below 1.
    pool: a started :class:`CodingPool` to code in (its options win over ``lang``, ``actors`` and ``batch_size``);
        it stays open for the caller to reuse.

    Returns a :class:`RunReport` with counts, failures (ingest and stage) and,
    when ``collect_events``, the events as dictionaries.
    """
    report = RunReport()
    ingest = IngestReport()
    if published is not None and not is_iso_published(published):
        raise ConfigError(Errors.E501.format(name="published", value=published, hint="Expected an ISO date such as 2024-05-21."))
    if workers < 1:
        raise ConfigError(Errors.E501.format(name="workers", value=workers, hint="Give 1 or more processes."))
    options = {"lang": lang, "actors": tuple(str(a) for a in actors), "batch_size": batch_size}
    submitted: set[str] = set()

    def fresh_of(batch: list[Article]) -> list[Article]:
        report.articles_read += len(batch)
        fresh: list[Article] = []
        for article in batch:
            if published is not None:
                article.published = article.published or published
            if article.id in submitted:
                report.articles_known += 1  # the same article twice in one run: coded once
                continue
            submitted.add(article.id)
            if store is not None and store.has_article(article.id):
                report.articles_known += 1
                if collect_events:
                    report.events.extend(store.events(article_id=article.id))
            else:
                fresh.append(article)
        return fresh

    def finish(batch: list[Article], coded: list[Article]) -> None:
        report.articles_coded += len(coded)
        if store is not None and coded:
            saved = store.save(coded)
            report.articles_added += saved.articles_added
            report.events_added += saved.events_added
        if collect_events:
            for article in coded:
                if store is not None:  # the stored rows carry the merged event's id and counts
                    report.events.extend(store.events(article_id=article.id))
                else:
                    report.events.extend(e.to_dict() for e in article.events)
        if on_progress is not None:
            on_progress(len(batch))

    batches = _batches(read_articles(sources, report=ingest), batch_size)
    head = list(itertools.islice(batches, 2))
    stream = itertools.chain(head, batches)
    if pool is not None:
        _code_in_workers(stream, pool, fresh_of, finish, report)
    elif workers == 1 or len(head) < 2:
        pipeline = make_pipeline(**options)  # type: ignore[arg-type]
        for batch in stream:
            finish(batch, _code(pipeline, fresh_of(batch)))
        report.failures.extend((f.origin or f.article_id, f.message) for f in pipeline.failures)
    else:
        with CodingPool(workers, **options) as started:
            _code_in_workers(stream, started, fresh_of, finish, report)
    report.failures[:0] = [(f.path + (f":{f.line}" if f.line else ""), f.message) for f in ingest.failures]
    return report


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
    """Code batches in the pool's processes, at most two batches ahead each, and finish them in input order."""
    pending: deque[tuple[list[Article], Future[tuple[list[Article], list[StageFailure]]]]] = deque()

    def settle() -> None:
        batch, future = pending.popleft()
        coded, failures = future.result()
        report.failures.extend((f.origin or f.article_id, f.message) for f in failures)
        finish(batch, coded)

    for batch in batches:
        pending.append((batch, pool.submit(fresh_of(batch))))
        while len(pending) > 2 * pool.workers:
            settle()
    while pending:
        settle()


class CodingPool:
    """Processes that code batches of articles, each with its own pipeline (``tocsin code --workers N``).

    Spawned, so they inherit no store connection or thread of this process. :meth:`start` returns once every
    process has built its pipeline and loaded the models of ``preload`` (languages), so a caller can time the
    coding apart from the start-up; :func:`code_sources` starts one itself when it is given none.
    """

    def __init__(
        self, workers: int, *, lang: str | None = None, actors: Sequence[str | Path] = (), batch_size: int = 64, preload: Sequence[str] = ()
    ) -> None:
        if workers < 1:
            raise ConfigError(Errors.E501.format(name="workers", value=workers, hint="Give 1 or more processes."))
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
            for future in [self._executor.submit(_ready) for _ in range(self.workers)]:
                future.result()
        return self

    def submit(self, articles: list[Article]) -> Future[tuple[list[Article], list[StageFailure]]]:
        return self.start()._executor.submit(_code_in_worker, articles)  # type: ignore[union-attr]

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> CodingPool:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


_worker_pipeline: Pipeline | None = None
_worker_barrier: Any = None


def _start_worker(options: dict[str, Any], preload: tuple[str, ...], barrier: Any) -> None:
    global _worker_pipeline, _worker_barrier
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


__all__ = ["CodingPool", "RunReport", "code_and_save", "code_sources"]
