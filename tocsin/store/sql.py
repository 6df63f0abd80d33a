"""What the SQL backends (DuckDB, PostgreSQL) share: the reads of the store interface, their argument checks, and the
SQL that copies onto merged events what the watch layer reads.

A backend gives :class:`SqlStore` two things: ``_query(sql, params)`` (``?`` placeholders, rows as dicts) and
``_event_select``, its SELECT of one row per report; the filters, order and limits are the same on both.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..codebook import name_of
from ..errors import ConfigError, Errors
from .base import TABLES, Store
from .filters import EventFilter, check_date, check_dyad
from .merge import signal_sql

if TYPE_CHECKING:
    import pandas as pd

#: The columns of an alert row :meth:`SqlStore.add_alerts` writes, in order.
ALERT_COLUMNS = (
    "id",
    "rule",
    "kind",
    "pair",
    "source",
    "target",
    "freq",
    "period",
    "score",
    "message",
    "evidence",
    "reasons",
    "created_at",
)
#: The order of :meth:`Store.events` rows.
EVENT_ORDER = "e.event_date, e.article_id, e.sentence_index, e.trigger_start, e.event_id"


class SqlStore(Store):
    """A store whose reads are SQL: :meth:`events`, :meth:`articles`, :meth:`count` and :meth:`has_article`."""

    _event_select: str

    @abstractmethod
    def _query(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        """Rows of ``sql`` (``?`` placeholders) as dicts."""

    def events(self, where: EventFilter | None = None, *, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        the_filter = EventFilter.of(where, **filters)
        condition, params = the_filter.where("e")
        sql = self._event_select
        if condition != "true":
            sql += " WHERE " + condition
        sql += f" ORDER BY {EVENT_ORDER}"
        sql += limit_clause(limit, params)
        rows = self._query(sql, params)
        for row in rows:
            row["cameo_name"] = name_of(row["cameo"])
        return rows

    @abstractmethod
    def connection(self) -> Any:
        """The backend's connection with DuckDB's face (``execute(sql, params)`` with ``?`` placeholders, ``cursor()``,
        ``fetchall()``, ``df()``): for the store's own methods only; the layers above call those."""

    # -- the SQL of the layers above (watch, feeds, API): DuckDB's dialect (PostgreSQL translates), ``?`` placeholders

    def read_rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self.connection().cursor()  # a cursor of its own: threads of a server share the store
        try:
            return list(cursor.execute(sql, list(params)).fetchall())
        finally:
            cursor.close()

    def read_frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        cursor = self.connection().cursor()
        try:
            frame: pd.DataFrame = cursor.execute(sql, list(params)).df()
            return frame
        finally:
            cursor.close()

    def write(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self.connection().execute(sql, list(params))
        return list(cursor.fetchall()) if cursor.description else []

    def reader(self) -> Any:
        return self.connection().cursor()

    def has_table(self, name: str) -> bool:
        row = self.read_rows("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name])
        return bool(row and row[0][0])

    def data_version(self) -> tuple[int, int]:
        row = self.read_rows("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM merged_events)")[0]
        return int(row[0]), int(row[1])

    # -- alerts (tocsin.watch.alerts)

    def alert_keys(self) -> set[tuple[str, str, date]]:
        return {(r[0], r[1], r[2]) for r in self.write("SELECT pair, freq, period FROM alerts")}

    def add_alerts(self, rows: Sequence[dict[str, Any]]) -> None:
        row = "(?, ?, ?, ?, ?, ?, ?, ?::DATE, ?, ?, ?::VARCHAR[], ?::VARCHAR[], ?)"
        for start in range(0, len(rows), 500):  # a few statements of many rows (DuckDB and PostgreSQL SQL alike)
            chunk = rows[start : start + 500]
            self.write(
                f"INSERT INTO alerts ({', '.join(ALERT_COLUMNS)}) VALUES {', '.join([row] * len(chunk))} ON CONFLICT DO NOTHING",
                [alert[c] for alert in chunk for c in ALERT_COLUMNS],
            )

    def mark_alert_posted(self, alert_id: str, when: datetime) -> None:
        self.write("UPDATE alerts SET posted_at = ? WHERE id = ?", [when, alert_id])

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
        where, params = _alert_where(pairs, rule, since, until, unposted)
        names: tuple[str, ...] = ("id", "rule", "kind", "pair", "source", "target", "freq", "period", "score", "message", "evidence")
        names += ("created_at", "posted_at", "reasons")
        sql = f"SELECT {', '.join(names)} FROM alerts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY period DESC, pair, rule"
        if limit is not None:
            if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
                raise ConfigError(Errors.E501.format(name="limit", value=limit, hint="Expected a whole number >= 0."))
            sql += f" LIMIT {limit}"
        return [dict(zip(names, row)) for row in self.read_rows(sql, params)]

    def articles(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        params: list[Any] = []
        return self._query("SELECT * FROM articles ORDER BY coded_at, id" + limit_clause(limit, params), params)

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ConfigError(Errors.E501.format(name="table", value=table, hint=f"Expected one of: {', '.join(TABLES)}."))
        return int(self._query(f"SELECT count(*) AS n FROM {table}", [])[0]["n"])

    def has_article(self, article_id: str) -> bool:
        return bool(self._query("SELECT 1 AS found FROM articles WHERE id = ?", [article_id]))


def _alert_where(
    pairs: Sequence[str] | None, rule: str | None, since: date | None, until: date | None, unposted: bool
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if pairs is not None:
        where.append("pair = ?" if len(pairs) == 1 else f"pair IN ({', '.join('?' for _ in pairs)})")
        params += list(pairs)
    if rule is not None:
        where.append("rule = ?")
        params.append(rule)
    if since is not None:
        where.append("period + CASE WHEN freq = 'week' THEN 6 ELSE 0 END >= ?")
        params.append(since)
    if until is not None:
        where.append("period <= ?")
        params.append(until)
    if unposted:
        where.append("posted_at IS NULL")
    return where, params


def limit_clause(limit: int | None, params: list[Any]) -> str:
    if limit is None:
        return ""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise ConfigError(Errors.E501.format(name="limit", value=limit, hint="Expected a whole number >= 0."))
    params.append(limit)
    return " LIMIT ?"


def merged_facts_sql(principal: Callable[[str], str], only: str, only_r: str) -> str:
    """The UPDATE that copies onto ``merged_events`` what the watch layer reads (first report's codes, day, principals;
    nuclear and signal over all reports). ``principal`` is the backend's SQL of an actor's principal; ``only`` and
    ``only_r`` restrict the signalling articles and the reports to some merged events (empty: all of them)."""
    return f"""
UPDATE merged_events SET article_id = f.article_id, cameo = f.cameo, root = f.root, quad = f.quad, goldstein = f.goldstein,
    source_code = f.source_code, target_code = f.target_code, src = f.src, tgt = f.tgt, day = f.day, nuclear = f.nuclear, signal = f.signal,
    factual = f.factual
FROM (
    WITH sig AS (
        SELECT DISTINCT s.article_id, {principal("s.source_code")} AS src FROM events s WHERE {signal_sql("s")} {only}
    ), agg AS (
        SELECT r.merged_id, bool_or(coalesce(r.nuclear, false)) AS nuclear,
               bool_or(NOT r.negated AND NOT r.hypothetical) AS factual,
               bool_or({signal_sql("r")} OR (r.quad >= 3 AND g.src IS NOT NULL)) AS signal
        FROM events r LEFT JOIN sig g ON g.article_id = r.article_id AND g.src = {principal("r.source_code")}
        WHERE r.merged_id IS NOT NULL {only_r} GROUP BY r.merged_id
    )
    SELECT e.event_id, e.article_id, e.cameo, e.root, e.quad, e.goldstein, e.source_code, e.target_code,
           {principal("e.source_code")} AS src, {principal("e.target_code")} AS tgt,
           e.event_date AS day, agg.nuclear, agg.signal, agg.factual
    FROM events e JOIN agg ON agg.merged_id = e.event_id
) f
WHERE f.event_id = merged_events.event_id
"""


__all__ = ["ALERT_COLUMNS", "EVENT_ORDER", "SqlStore", "check_date", "check_dyad", "limit_clause", "merged_facts_sql"]
