"""``POST /api/articles``: the request body, and coding posted articles into the store.

The body is validated as a whole before anything is coded (a bad article
rejects the request with 400). Coding is :func:`add_articles`, the same loop
as ``tocsin code`` (:func:`tocsin.run.code_sources`) minus the file reading:
articles already stored are not coded again and add nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..models import Article, is_iso_published
from ..pipeline import Pipeline
from ..run import RunReport, code_and_save
from ..stages.ingest import MAX_BYTES
from ..store import Store

#: Most articles one request may carry.
MAX_ARTICLES = 100

_LANG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$")


class ArticleIn(BaseModel):
    """One posted article: the fields of a JSON Lines input record; other keys are ignored."""

    model_config = ConfigDict(extra="ignore")

    text: str = Field(min_length=1, max_length=MAX_BYTES, description="The article text (paragraphs separated by blank lines).")
    id: str | int | None = Field(None, description="Your id for the article; default: a hash of the text, so re-posting is harmless.")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="ISO date or datetime, e.g. 2024-05-17 or 2024-05-17T09:30:00Z.")
    lang: str | None = Field(None, description="Language code (fr, en); default: detected.")

    @field_validator("text")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank; send the article's text")
        return value.replace("\r\n", "\n").strip()

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        value = (value or "").strip() or None
        if value is not None and not is_iso_published(value):
            raise ValueError("expected an ISO date or datetime such as 2024-05-17 or 2024-05-17T09:30:00Z")
        return value

    @field_validator("lang")
    @classmethod
    def _lang_code(cls, value: str | None) -> str | None:
        value = (value or "").strip() or None
        if value is None:
            return None
        match = _LANG.match(value.lower())
        if match is None:
            raise ValueError("expected a language code such as fr or en")
        return match.group(1)

    def to_article(self, origin: str) -> Article:
        """The :class:`Article` to code; ``origin`` says where it came from (``api:3``)."""

        def _clean(value: str | None) -> str | None:
            return (value or "").strip() or None

        return Article(
            text=self.text,
            id="" if self.id is None else str(self.id).strip(),
            title=_clean(self.title),
            url=_clean(self.url),
            outlet=_clean(self.outlet),
            published=self.published,
            lang=self.lang,
            origin=origin,
        )


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
