"""PLOVER/POLECAT-style JSON Lines, and flat CSV / Parquet tables of events."""

from __future__ import annotations

import csv
import json
import math
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from .. import registry
from ..errors import Errors
from .gdelt import InteropError

TABLE_FORMATS = ("csv", "parquet")


def _country(code: Any) -> str | None:
    return code[:3] if isinstance(code, str) and code else None


def event_to_plover(event: dict[str, Any]) -> dict[str, Any] | None:
    """One tocsin event dict as a PLOVER record; None when it has no PLOVER type."""
    if not event.get("plover"):
        return None
    location = {
        key: event[key]
        for key in ("place", "country", "country_fips", "admin1", "lat", "lon", "geonames_id", "geo_precision")
        if event.get(key) not in (None, "")
    }
    return {
        "id": event.get("event_id"),
        "date": event.get("event_date"),
        "event_type": event["plover"],
        "mode": event.get("mode"),
        "context": [],
        "actor": {"code": event.get("source_code"), "text": event.get("source_text"), "country": _country(event.get("source_code"))},
        "recipient": {"code": event.get("target_code"), "text": event.get("target_text"), "country": _country(event.get("target_code"))},
        "location": location or None,
        "event_text": event.get("sentence"),
        "trigger": event.get("trigger"),
        "source": {
            "article_id": event.get("article_id"),
            "sentence_index": event.get("sentence_index"),
            "url": event.get("url"),
            "outlet": event.get("outlet"),
        },
        "cameo": event.get("cameo"),
        "goldstein": event.get("goldstein"),
        "confidence": event.get("confidence"),
    }


@registry.exports.register("plover")
def export_plover(events: Iterable[dict[str, Any]], out_path: str | Path) -> int:
    """Write events as PLOVER JSON Lines (one object per line, UTF-8).

    Events without a PLOVER type are skipped.
    RETURNS: number of lines written.
    """
    written = 0
    try:
        with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
            for event in events:
                record = event_to_plover(event)
                if record is None:
                    continue
                fh.write(json.dumps(record, ensure_ascii=False, default=str))
                fh.write("\n")
                written += 1
    except OSError as exc:
        raise InteropError(Errors.E806.format(path=out_path, what="output", detail=exc)) from exc
    return written


def _events_of(store_or_events: Any) -> list[dict[str, Any]]:
    if hasattr(store_or_events, "events") and callable(store_or_events.events):
        return list(store_or_events.events())
    return list(store_or_events)


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for row in rows:
        for key in row:
            names.setdefault(key, None)
    return list(names)


# SQL types of the columns ``Store.events()`` gives (the events table's and those its query adds), so that a column
# keeps its type in Parquet even when every value of this export is missing; other columns are typed by their values.
_KNOWN_TYPES: dict[str, str] = {
    "event_id": "VARCHAR", "mention_id": "VARCHAR", "article_id": "VARCHAR", "sentence_index": "INTEGER", "sentence": "VARCHAR",
    "cameo": "VARCHAR", "cameo_name": "VARCHAR", "root": "VARCHAR", "quad": "INTEGER", "goldstein": "DOUBLE",
    "source_code": "VARCHAR", "source_text": "VARCHAR", "source_start": "INTEGER", "source_end": "INTEGER",
    "target_code": "VARCHAR", "target_text": "VARCHAR", "target_start": "INTEGER", "target_end": "INTEGER",
    "penta": "INTEGER", "plover": "VARCHAR", "mode": "VARCHAR", "trigger": "VARCHAR", "trigger_start": "INTEGER",
    "trigger_end": "INTEGER", "sentence_start": "INTEGER", "sentence_end": "INTEGER", "confidence": "DOUBLE",
    "event_confidence": "DOUBLE", "rule": "VARCHAR", "coder": "VARCHAR", "lang": "VARCHAR", "negated": "BOOLEAN",
    "hypothetical": "BOOLEAN", "reported": "BOOLEAN", "nuclear": "BOOLEAN", "source_country": "VARCHAR",
    "target_country": "VARCHAR", "event_date": "DATE", "date_precision": "VARCHAR", "published_date": "DATE",
    "ingest_date": "DATE", "seen_date": "DATE", "place": "VARCHAR", "country": "VARCHAR", "country_fips": "VARCHAR",
    "admin1": "VARCHAR", "lat": "DOUBLE", "lon": "DOUBLE", "geonames_id": "BIGINT", "geo_precision": "VARCHAR",
    "num_mentions": "INTEGER", "num_sources": "INTEGER", "num_articles": "INTEGER", "outlet": "VARCHAR", "url": "VARCHAR",
    "title": "VARCHAR", "coded_at": "TIMESTAMP",
}  # fmt: skip
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _column_type(name: str, values: list[Any]) -> str:
    """A column's Parquet (SQL) type: the store's for known columns, else from its values (ISO dates are DATE)."""
    known = _KNOWN_TYPES.get(name)
    if known is not None:
        return known
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, str) and _ISO_DATE.match(v) for v in present):
        return "DATE"
    return _sql_type(present)


def _sql_type(values: Iterable[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if not kinds:
        return "VARCHAR"
    if kinds == {bool}:
        return "BOOLEAN"
    if kinds == {int}:
        return "BIGINT"
    if kinds <= {int, float}:
        return "DOUBLE"
    if kinds <= {list, tuple}:
        return "JSON"
    return "VARCHAR"


def _json_value(value: Any, sql_type: str) -> Any:
    if value is None:
        return None
    if sql_type == "VARCHAR" and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, (dict, list, tuple)) else str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def export_table(store_or_events: Any, out_path: str | Path, fmt: str) -> int:
    """Write events as a flat table: ``fmt`` is ``"csv"`` (header row) or ``"parquet"`` (typed columns: dates as
    DATE, counts as INTEGER, scores and coordinates as DOUBLE, flags as BOOLEAN; pandas reads it with pyarrow).

    store_or_events: a Store (all its events) or a list of event dicts.
    RETURNS: number of rows written.
    """
    if fmt not in TABLE_FORMATS:
        raise InteropError(Errors.E805.format(name="format", value=fmt, hint=f"Expected one of: {', '.join(TABLE_FORMATS)}."))
    rows = _events_of(store_or_events)
    columns = _columns(rows)
    if fmt == "csv":
        _write_csv(rows, columns, out_path)
    else:
        _write_parquet(rows, columns, out_path)
    return len(rows)


@registry.exports.register("csv")
def export_csv(events: Iterable[dict[str, Any]], out_path: str | Path) -> int:
    """Write events as CSV with a header row (:func:`export_table`); return the row count."""
    return export_table(list(events), out_path, "csv")


@registry.exports.register("parquet")
def export_parquet(events: Iterable[dict[str, Any]], out_path: str | Path) -> int:
    """Write events as typed Parquet (:func:`export_table`); return the row count."""
    return export_table(list(events), out_path, "parquet")


def _write_csv(rows: list[dict[str, Any]], columns: list[str], out_path: str | Path) -> None:
    def cell(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, (dict, list, tuple)):
            return json.dumps(value, ensure_ascii=False, default=str)
        return value

    try:
        with open(out_path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([cell(row.get(name)) for name in columns])
    except OSError as exc:
        raise InteropError(Errors.E806.format(path=out_path, what="output", detail=exc)) from exc


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _write_parquet(rows: list[dict[str, Any]], columns: list[str], out_path: str | Path) -> None:
    types = {name: _column_type(name, [row.get(name) for row in rows]) for name in columns}
    fd, tmp_name = tempfile.mkstemp(suffix=".jsonl", prefix="tocsin-export-")
    conn = duckdb.connect()
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps({name: _json_value(row.get(name), types[name]) for name in columns}, ensure_ascii=False, default=str))
                fh.write("\n")
        if columns and rows:
            spec = "{" + ", ".join(f"{_sql_string(name)}: {_sql_string(types[name])}" for name in columns) + "}"
            select = f"SELECT * FROM read_json({_sql_string(tmp_name)}, format = 'newline_delimited', columns = {spec})"
        else:
            select = "SELECT NULL::VARCHAR AS event_id WHERE false"
        conn.execute(f"COPY ({select}) TO {_sql_string(str(out_path))} (FORMAT PARQUET)")
    except (OSError, duckdb.Error) as exc:
        raise InteropError(
            Errors.E806.format(path=out_path, what="Parquet", detail=str(exc).strip().splitlines()[0] if str(exc).strip() else exc)
        ) from exc
    finally:
        conn.close()
        try:
            os.unlink(tmp_name)
        except OSError:
            pass


__all__ = ["TABLE_FORMATS", "event_to_plover", "export_plover", "export_table"]
