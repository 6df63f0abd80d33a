"""What the SQL backends (DuckDB, PostgreSQL) share: the reads of the store interface, their argument checks, and the
SQL that copies onto merged events what the watch layer reads.

A backend gives :class:`SqlStore` two things: ``_query(sql, params)`` (``?`` placeholders, rows as dicts) and
``_event_select``, its SELECT of one row per report; the filters, order and limits are the same on both.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from datetime import date
from typing import Any

from ..codebook import name_of
from ..errors import ConfigError, Errors
from .base import TABLES, Store
from .merge import signal_sql

#: The order of :meth:`Store.events` rows.
EVENT_ORDER = "e.event_date, e.article_id, e.sentence_index, e.trigger_start, e.event_id"


class SqlStore(Store):
    """A store whose reads are SQL: :meth:`events`, :meth:`articles`, :meth:`count` and :meth:`has_article`."""

    _event_select: str

    @abstractmethod
    def _query(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        """Rows of ``sql`` (``?`` placeholders) as dicts."""

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
        where: list[str] = []
        params: list[Any] = []
        if actor is not None:
            where.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))")
            params += [actor, actor]
        if dyad is not None:
            first, second = check_dyad(dyad)
            where.append(
                "((starts_with(e.source_code, ?) AND starts_with(e.target_code, ?))"
                " OR (starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)))"
            )
            params += [first, second, second, first]
        if since is not None:
            where.append("e.event_date >= ?")
            params.append(check_date("since", since))
        if until is not None:
            where.append("e.event_date <= ?")
            params.append(check_date("until", until))
        if code is not None:
            where.append("starts_with(e.cameo, ?)")
            params.append(code)
        if article_id is not None:
            where.append("e.article_id = ?")
            params.append(article_id)
        sql = self._event_select
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {EVENT_ORDER}"
        sql += limit_clause(limit, params)
        rows = self._query(sql, params)
        for row in rows:
            row["cameo_name"] = name_of(row["cameo"])
        return rows

    def articles(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        params: list[Any] = []
        return self._query("SELECT * FROM articles ORDER BY coded_at, id" + limit_clause(limit, params), params)

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ConfigError(Errors.E501.format(name="table", value=table, hint=f"Expected one of: {', '.join(TABLES)}."))
        return int(self._query(f"SELECT count(*) AS n FROM {table}", [])[0]["n"])

    def has_article(self, article_id: str) -> bool:
        return bool(self._query("SELECT 1 AS found FROM articles WHERE id = ?", [article_id]))


def check_date(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(Errors.E501.format(name=name, value=value, hint="Expected an ISO date such as 2024-03-05.")) from exc


def check_dyad(dyad: tuple[str, str]) -> tuple[str, str]:
    if not isinstance(dyad, (tuple, list)) or len(dyad) != 2 or not all(isinstance(code, str) for code in dyad):
        raise ConfigError(Errors.E501.format(name="dyad", value=dyad, hint="Expected two actor codes, e.g. ('RUS', 'UKR')."))
    return dyad[0], dyad[1]


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


__all__ = ["EVENT_ORDER", "SqlStore", "check_date", "check_dyad", "limit_clause", "merged_facts_sql"]
