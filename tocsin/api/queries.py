"""The SQL behind the event endpoints: filter, count, page, look up and map stored events.

Every function takes a cursor of the store (:meth:`Store.reader`; the API passes a fresh one per
request, so requests run side by side) and returns plain, JSON-ready values:
dates as ISO strings. Filters are checked when an :class:`EventFilter` is
built (:class:`~tocsin.store.filters.EventFilter`, the filter vocabulary the store, the CLI and the Python API share),
so a bad parameter is a :class:`~tocsin.errors.ConfigError` (``E501``)
before any SQL runs. Rows have the shape of ``Store.events()`` rows, the
"event row" of docs/api.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from ..codebook import name_of
from ..errors import ConfigError, Errors, NotFound
from ..store.faults import DRIVER_ERRORS, is_duckdb, store_error
from ..store.filters import EventFilter, check_date

#: Largest page of ``GET /api/events``.
MAX_LIMIT = 1000
#: Largest ``offset`` of ``GET /api/events`` (DuckDB's OFFSET is a signed 64-bit integer; past it the query failed with 500).
MAX_OFFSET = 10**15
#: Event ids listed per map point.
MAP_IDS = 50

# Newest first, then most recently stored first: a total order (pages never overlap) on two cheap keys.
_ORDER = "e.event_date DESC NULLS LAST, e.rowid DESC"
# The reports of one event, in the store's order.
_MENTION_ORDER = "e.event_date, e.article_id, e.sentence_index, e.trigger_start, e.event_id"

# The event row: the events columns, the merged event's id and counts, the article's outlet, URL and title, and the
# two other dates, named for what they are: the article's publication date and the day tocsin stored the report.
_ROW = (
    "e.* EXCLUDE (event_id, merged_id, seen_date), e.event_id AS mention_id, coalesce(e.merged_id, e.event_id) AS event_id,"
    " coalesce(m.num_mentions, 1) AS num_mentions, coalesce(m.num_sources, 1) AS num_sources,"
    " coalesce(m.num_articles, 1) AS num_articles, coalesce(m.confidence, e.confidence) AS event_confidence,"
    " a.outlet, a.url, a.title, a.published, e.seen_date AS ingest_date"
)
_MERGED = ("num_mentions", "num_sources", "num_articles")


def list_events(conn: Any, where: EventFilter, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """One page of the events ``where`` keeps, newest first, and how many there are in all.

    conn: an open connection (or cursor) on a tocsin store.
    limit: rows per page, 0 to MAX_LIMIT; offset: rows to skip, >= 0.
    RETURNS: ``{"total", "limit", "offset", "items": [event row]}``; rows are
        ordered by event date, newest first (undated last), then most recently
        stored first.
    RAISES: ConfigError (E501) for a bad limit or offset, StoreError (E301) if the query fails.
    """
    check_int("limit", limit, 0, MAX_LIMIT)
    check_int("offset", offset, 0, MAX_OFFSET)
    condition, params = where.where("e")
    with _snapshot(conn):  # the count and the page see the same rows
        total = _fetch(conn, f"SELECT count(*) FROM events e WHERE {condition}", params)[1][0][0]
        # Sort (date, rowid) pairs only: cheap keys, and DuckDB's top-N skips row groups by date. Then fetch the page's rows.
        page = _fetch(conn, f"SELECT e.rowid FROM events e WHERE {condition} ORDER BY {_ORDER} LIMIT ? OFFSET ?", [*params, limit, offset])[
            1
        ]
        items = _event_rows(conn, [row[0] for row in page]) if page else []
    return {"total": int(total), "limit": limit, "offset": offset, "items": items}


#: Most rows an export (``/api/events.csv``, ``/api/events.geojson``) writes.
EXPORT_MAX = 100_000
#: The columns of an export row, in order (an event row's, with its three dates side by side).
EXPORT_COLUMNS = (
    "event_id", "mention_id", "event_date", "published", "ingest_date", "source_code", "target_code", "cameo", "cameo_name",
    "root", "quad", "goldstein", "place", "country", "admin1", "lat", "lon", "geo_precision", "nuclear", "negated",
    "hypothetical", "num_sources", "event_confidence", "outlet", "url", "title", "sentence",
)  # fmt: skip


def export_events(conn: Any, where: EventFilter) -> list[dict[str, Any]]:
    """Every event row ``where`` keeps (at most EXPORT_MAX), in the order of ``/api/events``, with EXPORT_COLUMNS."""
    rows: list[dict[str, Any]] = []
    while len(rows) < EXPORT_MAX:
        page = list_events(conn, where, limit=MAX_LIMIT, offset=len(rows))["items"]
        rows += [{key: row.get(key) for key in EXPORT_COLUMNS} for row in page]
        if len(page) < MAX_LIMIT:
            break
    return rows[:EXPORT_MAX]


def get_event(conn: Any, event_id: str) -> dict[str, Any]:
    """A merged event and every report of it, found by the merged ``event_id`` or by one report's ``mention_id``.

    RETURNS: ``{"event": merged summary, "mentions": [event row]}``; the summary
        is the ``merged_events`` row (``base_code``, countries, date, place and
        ``num_mentions``/``num_sources``/``num_articles``/``confidence``).
    RAISES: NotFound (E305) if neither kind of id matches.
    """
    found = _fetch(conn, "SELECT coalesce(merged_id, event_id) FROM events WHERE event_id = ? LIMIT 1", [event_id])[1]
    if not found:
        found = _fetch(conn, "SELECT event_id FROM merged_events WHERE event_id = ?", [event_id])[1]
    if not found:
        raise NotFound(Errors.E305.format(what="event or mention", id=event_id))
    merged_id = found[0][0]
    mentions = _rows(
        conn,
        f"SELECT {_row(conn)} FROM events e JOIN articles a ON a.id = e.article_id"
        " LEFT JOIN merged_events m ON m.event_id = e.merged_id"
        f" WHERE e.merged_id = ? OR (e.merged_id IS NULL AND e.event_id = ?) ORDER BY {_MENTION_ORDER}",
        [merged_id, merged_id],
    )
    summary = _rows(conn, "SELECT * FROM merged_events WHERE event_id = ?", [merged_id])
    event = summary[0] if summary else _summary_of(mentions[0])
    return {"event": event, "mentions": mentions}


def map_points(conn: Any, where: EventFilter) -> list[dict[str, Any]]:
    """One point per place of the events ``where`` keeps (events without coordinates are left out).

    RETURNS: ``[{"lat", "lon", "place", "country", "geo_precision", "events",
        "quad", "event_ids"}]``, most events first; ``quad`` is the most
        conflictual quad class there (the highest), ``event_ids`` at most
        MAP_IDS merged event ids, newest first.
    """
    condition, params = where.where("e")
    any_value, newest = "any_value", f"max_by(coalesce(e.merged_id, e.event_id), coalesce(e.event_date, DATE '0001-01-01'), {2 * MAP_IDS})"
    if not is_duckdb(conn):  # PostgreSQL: no max_by with a count, no any_value before version 16
        any_value = "min"
        newest = f"(array_agg(coalesce(e.merged_id, e.event_id) ORDER BY coalesce(e.event_date, DATE '0001-01-01') DESC))[1:{2 * MAP_IDS}]"
    sql = (
        f"SELECT e.lat, e.lon, {any_value}(e.place) AS place, {any_value}(e.country) AS country,"
        f" {any_value}(e.geo_precision) AS geo_precision, count(*) AS events, max(e.quad) AS quad,"
        f" {newest} AS ids"
        f" FROM events e WHERE {condition} AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
        " GROUP BY e.lat, e.lon ORDER BY events DESC, e.lat, e.lon"
    )
    points = _rows(conn, sql, params)
    for point in points:
        point["event_ids"] = list(dict.fromkeys(point.pop("ids") or []))[:MAP_IDS]  # distinct, order kept
    return points


def count_rows(conn: Any) -> dict[str, int]:
    """Rows in the events, articles and alerts tables (alerts: 0 while the table does not exist)."""
    catalog = "duckdb_tables() WHERE schema_name" if is_duckdb(conn) else "information_schema.tables WHERE table_schema"
    tables = {row[0] for row in _fetch(conn, f"SELECT table_name FROM {catalog} = current_schema()", [])[1]}
    counts = {}
    for table in ("events", "articles", "alerts"):
        counts[table] = int(_fetch(conn, f"SELECT count(*) FROM {table}", [])[1][0][0]) if table in tables else 0
    return counts


def check_int(name: str, value: int, low: int, high: int | None) -> None:
    """RAISES: ConfigError (E501) unless ``low <= value <= high`` (no upper bound when ``high`` is None)."""
    if value < low or (high is not None and value > high):
        _bad(name, value, f"Expected a whole number from {low}" + (f" to {high}." if high is not None else " up."))


def _summary_of(mention: dict[str, Any]) -> dict[str, Any]:
    """A merged summary made from a report that was never merged (stores written before merging existed)."""
    keys = (
        "event_date",
        "date_precision",
        "country",
        "geonames_id",
        "lat",
        "lon",
        "geo_precision",
        "num_mentions",
        "num_sources",
        "num_articles",
    )
    summary = {"event_id": mention["event_id"], "base_code": mention["cameo"][:3]}
    summary.update(source_country=mention.get("source_country"), target_country=mention.get("target_country"))
    summary.update({key: mention.get(key) for key in keys})
    summary["confidence"] = mention.get("event_confidence")
    return summary


def _event_rows(conn: Any, rowids: list[int]) -> list[dict[str, Any]]:
    """The event rows of these events-table rowids, in that order.

    Three lookups by key list (events, then their articles and merged events)
    take a few milliseconds where one join would scan the articles and
    merged_events tables.
    """
    names, events = _fetch(conn, "SELECT e.rowid AS _rowid, e.* FROM events e WHERE e.rowid = ANY(?::BIGINT[])", [rowids])
    rows = {row[0]: dict(zip(names[1:], row[1:])) for row in events}
    article_ids = sorted({row["article_id"] for row in rows.values()})
    merged_ids = sorted({row["merged_id"] for row in rows.values() if row["merged_id"] is not None})
    articles = {r[0]: r[1:] for r in _lookup(conn, "SELECT id, outlet, url, title, published FROM articles", "id", article_ids)}
    merged_sql = "SELECT event_id, num_mentions, num_sources, num_articles, confidence FROM merged_events"
    merged = {r[0]: r[1:] for r in _lookup(conn, merged_sql, "event_id", merged_ids)}
    items = []
    for rowid in rowids:
        event = rows[rowid]
        mention_id, merged_id = event.pop("event_id"), event.pop("merged_id")
        ingest_date = event.pop("seen_date", None)  # the day the report was stored: never what dates the event
        event.pop("rowid", None)  # PostgreSQL's stand-in for DuckDB's rowid (a column there)
        item = {key: _plain(value) for key, value in event.items()}
        counts = merged.get(merged_id)
        item.update(mention_id=mention_id, event_id=merged_id or mention_id)
        item.update(zip(_MERGED, counts[:3]) if counts else zip(_MERGED, (1, 1, 1)))
        item["event_confidence"] = counts[3] if counts else event["confidence"]
        outlet, url, title, published = articles.get(event["article_id"], (None, None, None, None))
        item.update(outlet=outlet, url=url, title=title, cameo_name=name_of(event["cameo"]))
        item.update(published=published, ingest_date=_plain(ingest_date))  # the article's date and the day tocsin stored it
        items.append(item)
    return items


def _lookup(conn: Any, select: str, key: str, values: list[str]) -> list[tuple[Any, ...]]:
    """The rows of ``select`` whose ``key`` is one of ``values`` (sorted); the range lets DuckDB skip row groups."""
    if not values:
        return []
    return _fetch(conn, f"{select} WHERE {key} BETWEEN ? AND ? AND {key} = ANY(?::VARCHAR[])", [values[0], values[-1], values])[1]


def _row(conn: Any) -> str:
    """:data:`_ROW` for this backend: PostgreSQL has no ``EXCLUDE``, so the events columns are named."""
    if is_duckdb(conn):
        return _ROW
    names = _fetch(
        conn,
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'events'"
        " ORDER BY ordinal_position",
        [],
    )[1]
    columns = ", ".join(f'e."{n[0]}"' for n in names if n[0] not in ("event_id", "merged_id", "seen_date", "rowid"))
    return _ROW.replace("e.* EXCLUDE (event_id, merged_id, seen_date)", columns)


@contextmanager
def _snapshot(conn: Any) -> Iterator[None]:
    """Run the enclosed queries in one read transaction, so they see the same data."""
    conn.begin()
    try:
        yield
    finally:
        conn.rollback()  # nothing was written


def _fetch(conn: Any, sql: str, params: list[Any]) -> tuple[list[str], list[tuple[Any, ...]]]:
    try:
        cursor = conn.execute(sql, params)
        names = [d[0] for d in cursor.description or ()]
        return names, cursor.fetchall()
    except DRIVER_ERRORS as exc:
        raise store_error(exc, _path_of(conn)) from exc


def _path_of(conn: Any) -> str:
    """The file behind ``conn``, for error messages."""
    try:
        row = conn.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    except DRIVER_ERRORS:
        return "?"
    return str(row[0]) if row and row[0] else ":memory:"


def _rows(conn: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    names, rows = _fetch(conn, sql, params)
    return [{name: _plain(value) for name, value in zip(names, row)} for row in rows]


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _bad(name: str, value: Any, hint: str) -> None:
    raise ConfigError(Errors.E501.format(name=name, value=value, hint=hint))


__all__ = ["MAX_LIMIT", "MAX_OFFSET", "EventFilter", "check_date", "check_int", "count_rows", "get_event", "list_events", "map_points"]
