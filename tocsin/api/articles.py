"""``POST /api/articles``: the request body, and coding posted articles into the store.

The body is validated as a whole before anything is coded (a bad article
rejects the request with 400). Coding is :func:`add_articles`, the same loop
as ``tocsin code`` (:func:`tocsin.run.code_sources`) minus the file reading:
articles already stored are not coded again and add nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..models import Article
from ..pipeline import Pipeline
from ..run import RunReport, code_and_save
from ..stages.ingest import MAX_BYTES
from ..stages.ingest.record import ArticleRecord
from ..store import Store

#: Most articles one request may carry.
MAX_ARTICLES = 100


class ArticleIn(ArticleRecord):
    """One posted article: the article record of JSON Lines inputs (:class:`~tocsin.stages.ingest.record.ArticleRecord`),
    read as JSON reads it (lax: an ``id`` may be any number) and at most ``MAX_BYTES`` of text; other keys are ignored."""

    model_config = ConfigDict(extra="ignore", strict=False)

    text: str = Field(min_length=1, max_length=MAX_BYTES, description="The article text (paragraphs separated by blank lines).")


class ArticlesIn(BaseModel):
    """The body of ``POST /api/articles``."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES, description=f"1 to {MAX_ARTICLES} articles.")


def add_articles(store: Store, articles: Sequence[Article], *, pipeline: Pipeline) -> RunReport:
    """Code the articles not yet stored and save them in one transaction.

    store: a writable store. articles: the articles, in order; an id already
        stored, or repeated in ``articles``, is skipped (counted in ``articles_known``).
    pipeline: the coding pipeline (see :func:`tocsin.coder.make_pipeline`); its
        new ``failures`` are the report's failures.
    RETURNS: a RunReport whose ``events`` are the stored rows of every posted
        article, known or new (the same rows ``GET /api/events`` gives).
    RAISES: StoreError if saving fails (nothing is saved then).
    """
    report = RunReport(articles_read=len(articles))
    failures_before = len(pipeline.failures)
    fresh: list[Article] = []
    ids: list[str] = []
    with store.session():  # one short read, then coding holds no connection
        for article in articles:
            if article.id in ids:
                report.articles_known += 1
                continue
            ids.append(article.id)
            if store.has_article(article.id):
                report.articles_known += 1
            else:
                fresh.append(article)
    coded = code_and_save(pipeline, fresh, None, report)
    with store.session(write=True):  # the write: short, and alone
        if coded:
            saved = store.save(coded)
            report.articles_added += saved.articles_added
            report.events_added += saved.events_added
        for article_id in ids:
            report.events.extend(store.events(article_id=article_id))
    report.failures.extend((f.origin or f.article_id, f.message) for f in pipeline.failures[failures_before:])
    return report


def report_body(report: RunReport) -> dict[str, Any]:
    """The JSON answer of ``POST /api/articles``."""
    return {
        "articles_added": report.articles_added,
        "articles_skipped": report.articles_known,
        "events_added": report.events_added,
        "failures": [{"article": where, "message": message} for where, message in report.failures],
        "events": report.events,
    }


__all__ = ["MAX_ARTICLES", "ArticleIn", "ArticlesIn", "add_articles", "report_body"]
