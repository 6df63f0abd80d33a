"""The event store interface every backend implements.

A store keeps coded articles (with their sentences, actor mentions and events)
and answers the queries the escalation layer, the API and the CLI need. The
interface is deliberately small, like an httpx transport: DuckDB is the first
backend, PostgreSQL and Parquet come later.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from ..models import Article

#: Tables :meth:`Store.count` accepts.
TABLES = ("articles", "sentences", "mentions", "events", "merged_events", "alerts", "schema_version")


@dataclass
class SaveResult:
    """What one :meth:`Store.save` call added."""

    articles_added: int
    articles_skipped: int
    events_added: int


class Store(ABC):
    """A place coded articles and their events are saved to and queried from.

    Filter semantics shared by every backend (see :meth:`events`):

    * ``actor`` matches the source *or* target code by prefix (``RUS`` matches
      ``RUS``, ``RUSMIL``, ``RUSGOV``);
    * ``dyad=(A, B)`` matches source prefix A and target prefix B, in either
      direction (A→B or B→A);
    * ``code`` matches the CAMEO code by prefix (``"19"`` is all of root 19);
    * ``since``/``until`` are inclusive ISO dates compared with the event date
      (the article's ``published`` date); events without a date are excluded
      when either is given.
    """

    @abstractmethod
    def save(self, articles: Sequence[Article]) -> SaveResult:
        """Save articles with their sentences, mentions and events.

        articles: the coded articles. One call is one transaction. An article
            whose id is already stored (or appears earlier in the same batch)
            is skipped entirely and adds nothing.
        RETURNS: counts of articles added and skipped and events added.
        RAISES: StoreError after rolling back, so a failed call changes nothing.
        """

    @abstractmethod
    def events(
        self,
        *,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        since: str | None = None,
        until: str | None = None,
        code: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Query events.

        RETURNS: one dict per event ordered by event_date, article_id,
            sentence_index, trigger_start. Each carries every key of
            ``Event.to_dict()`` plus ``event_id``, ``event_date`` (ISO string or
            None) and the article's ``outlet``, ``url`` and ``title``.
        """

    @abstractmethod
    def articles(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored articles (one dict per row of the articles table), oldest coded first."""

    @abstractmethod
    def count(self, table: str) -> int:
        """Number of rows in ``table`` (one of :data:`TABLES`)."""

    @abstractmethod
    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection. Calling it twice is harmless."""

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Self]:
        """Hold the store open for several operations (``write=True`` if they write).

        Backends that open their database per operation (DuckDB with ``keep_open=False``) keep one
        connection for the whole block; others need nothing and yield themselves.
        """
        yield self

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


__all__ = ["TABLES", "SaveResult", "Store"]
