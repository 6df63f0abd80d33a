"""Code inputs into a store: the job behind ``tocsin code``.

Reads every source, codes each article in its own language, saves each batch
in one transaction, and reports what failed without stopping. Articles
already in the store are not coded again: their stored events are returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .coder import make_pipeline
from .errors import ConfigError, Errors
from .models import Article, is_iso_published
from .pipeline import Pipeline
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
    coded = []
    for article in pipeline.pipe(articles):
        article.docs = []
        coded.append(article)
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
) -> RunReport:
    """Code every article of ``sources`` and save it in ``store`` (``None``: code only).

    published: the publication date (ISO) of articles that carry none (plain text, JSON Lines records without
        ``published``); relative dates in their text are resolved against it. RAISES ConfigError if not ISO.

    Returns a :class:`RunReport` with counts, failures (ingest and stage) and,
    when ``collect_events``, the events as dictionaries.
    """
    report = RunReport()
    ingest = IngestReport()
    if published is not None and not is_iso_published(published):
        raise ConfigError(Errors.E501.format(name="published", value=published, hint="Expected an ISO date such as 2024-05-21."))
    pipeline = make_pipeline(lang=lang, actors=actors, batch_size=batch_size)
    for batch in _batches(read_articles(sources, report=ingest), batch_size):
        report.articles_read += len(batch)
        if published is not None:
            for article in batch:
                article.published = article.published or published
        fresh: list[Article] = []
        seen: set[str] = set()
        for article in batch:
            if article.id in seen:
                continue
            seen.add(article.id)
            if store is not None and store.has_article(article.id):
                report.articles_known += 1
                if collect_events:
                    report.events.extend(store.events(article_id=article.id))
            else:
                fresh.append(article)
        coded = code_and_save(pipeline, fresh, store, report)
        if collect_events:
            for article in coded:
                if store is not None:  # the stored rows carry the merged event's id and counts
                    report.events.extend(store.events(article_id=article.id))
                else:
                    report.events.extend(e.to_dict() for e in article.events)
        if on_progress is not None:
            on_progress(len(batch))
    report.failures.extend((f.path + (f":{f.line}" if f.line else ""), f.message) for f in ingest.failures)
    report.failures.extend((f.origin or f.article_id, f.message) for f in pipeline.failures)
    return report


__all__ = ["RunReport", "code_and_save", "code_sources"]
