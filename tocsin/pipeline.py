"""The pipeline: named stages, each ``Article -> Article``, run in order.

A stage is any callable taking and returning an :class:`~tocsin.models.Article`
with three attributes: ``name``, ``requires`` and ``assigns`` (dotted names
such as ``"article.lang"``). A stage may also define ``pipe(articles)`` to
process a batch at once (the NLP stage does, to batch spaCy). The pipeline
checks when it is built that every requirement is assigned by an earlier
stage, and during a run hands any article whose stage raises to an error
handler, so one bad article never aborts a batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from .errors import Errors, StageError
from .models import Article

log = logging.getLogger(__name__)

# What ingest assigns before any stage runs.
INGESTED = frozenset({"article.id", "article.text", "article.title", "article.published", "article.url", "article.outlet"})


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


@dataclass
class StageFailure:
    """An article that a stage could not process."""

    article_id: str
    origin: str | None
    stage: str
    message: str


ErrorHandler = Callable[[Article, str, Exception], None]


@dataclass
class Pipeline:
    """An ordered list of stages."""

    stages: list[Any] = field(default_factory=list)
    failures: list[StageFailure] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.check()

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def add_stage(self, stage: Any) -> None:
        self.stages.append(stage)
        self.check()

    def get_stage(self, name: str) -> Any:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise StageError(Errors.E204.format(name=name, names=", ".join(self.names)))

    def check(self) -> None:
        """Raise StageError if a stage requires what no earlier stage assigns."""
        available = set(INGESTED)
        for stage in self.stages:
            for attr in stage.requires:
                if attr not in available:
                    raise StageError(Errors.E202.format(stage=stage.name, attr=attr))
            available.update(stage.assigns)

    def _handle(self, article: Article, stage: str, exc: Exception) -> None:
        message = (
            str(exc)
            if str(exc).startswith("[E")
            else Errors.E203.format(article=article.origin or article.id, stage=stage, detail=f"{type(exc).__name__}: {exc}")
        )
        log.warning(message)
        self.failures.append(StageFailure(article.id, article.origin, stage, message))

    def __call__(self, article: Article) -> Article | None:
        out = list(self.pipe([article]))
        return out[0] if out else None

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run every stage over a stream of articles; failed articles are dropped and recorded in ``failures``."""
        stream: Iterable[Article] = articles
        for stage in self.stages:
            stream = self._run_stage(stage, stream)
        yield from stream

    def _run_stage(self, stage: Any, articles: Iterable[Article]) -> Iterator[Article]:
        pipe = getattr(stage, "pipe", None)
        if pipe is not None:
            yield from pipe(articles, on_error=self._handle)
            return
        for article in articles:
            try:
                yield stage(article)
            except Exception as exc:  # noqa: BLE001 - the handler records it, the batch goes on
                self._handle(article, stage.name, exc)
