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
from datetime import date, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from ..models import Article
from .filters import EventFilter

if TYPE_CHECKING:
    import pandas as pd

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

    Every filter is a field of :class:`~tocsin.store.filters.EventFilter`, the one vocabulary of the CLI, the
    Python API and the REST API.
    """

    #: Where the store is, as messages name it: a DuckDB file path, or a PostgreSQL URL without its password.
    path: str

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
    def events(self, where: EventFilter | None = None, *, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Query events.

        where: which events (:class:`~tocsin.store.filters.EventFilter`); ``filters`` are its fields by name
            (``actor=``, ``dyad=``, ``since=``, ``code=``, ``article_id=``...), laid over ``where``.
        limit: at most this many rows (a whole number >= 0).
        RETURNS: one dict per event ordered by event_date, article_id,
            sentence_index, trigger_start. Each carries every key of
            ``Event.to_dict()`` plus ``event_id``, ``event_date`` (ISO string or
            None) and the article's ``outlet``, ``url`` and ``title``.
        RAISES: ConfigError (E501) naming a bad filter value.
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

    # -- the SQL of the layers above: the watch layer's measures, the feeds' state, the API's event pages. One dialect
    # (DuckDB's; the PostgreSQL store translates it), ``?`` placeholders. Nothing outside tocsin.store holds a connection.

    @abstractmethod
    def read_rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of a query that reads, run on a cursor of its own (threads of a server share a store)."""

    @abstractmethod
    def read_frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """The rows of a query that reads, as a pandas DataFrame (the watch layer's series, ladders and pairs)."""

    @abstractmethod
    def write(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a statement that writes (inside ``session(write=True)`` for a store opened per operation); the rows it
        returns, if any."""

    @abstractmethod
    def reader(self) -> Any:
        """A cursor of its own for one reader (a request of the API): ``execute(sql, params)``, ``fetchall()``,
        ``df()``, ``begin()``/``rollback()`` for a snapshot, ``close()``. Close it when done."""

    @abstractmethod
    def has_table(self, name: str) -> bool:
        """Whether the table ``name`` exists (``gdelt_events`` only once GDELT rows were imported)."""

    @abstractmethod
    def data_version(self) -> tuple[int, int]:
        """Rows in the events and merged events tables: reports are only ever added, so an answer computed from the
        store is still right while this is unchanged (the API's result cache)."""

    @abstractmethod
    def alert_keys(self) -> set[tuple[str, str, date]]:
        """(pair, freq, period) of every stored alert."""

    @abstractmethod
    def add_alerts(self, rows: Sequence[dict[str, Any]]) -> None:
        """Store alerts (dicts with the keys of ``sql.ALERT_COLUMNS``); an id already stored is skipped."""

    @abstractmethod
    def mark_alert_posted(self, alert_id: str, when: datetime) -> None:
        """Record that the alert was POSTed to the webhook at ``when``."""

    @abstractmethod
    def alert_rows(
        self,
        *,
        pairs: Sequence[str] | None = None,
        rule: str | None = None,
        since: date | None = None,
        until: date | None = None,
        unposted: bool = False,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored alerts, newest period first: of one of ``pairs`` (``SRC>TGT``), raised by ``rule``, whose period
        (a week from its Monday, or a day) overlaps ``since``..``until``, not yet posted."""

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
