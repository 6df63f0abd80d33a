"""Copy a DuckDB store into a PostgreSQL one (``tocsin migrate --from tocsin.duckdb --to postgresql://...``).

Every table the two share is copied row for row, in one transaction under the store's lock, so writers wait
and a failed copy leaves the PostgreSQL store as it was. A rerun copies only what is new: rows whose key is
stored already are skipped (``ON CONFLICT DO NOTHING``), and the sentences and mentions of an article already
stored are not copied again; a merged event whose counts or codes changed in DuckDB since (a later report of it was
stored there) is updated, as its reports are what is copied. Tables PostgreSQL has no place for (``gdelt_events``, DuckDB-only) are listed as
skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import psycopg

from ..errors import Errors, StoreError
from .duckdb import DuckDBStore
from .postgres import _LOCK, PostgresStore, redact

# Tables in the order they are copied (articles before what refers to them); others follow by name.
_FIRST = ("articles", "sentences", "mentions", "events", "merged_events", "alerts")
_CHUNK = 10_000


@dataclass
class CopyReport:
    """What :func:`copy_store` did: rows written per table (merged events: added or updated), and the tables it had no place for."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def copy_store(source: str | Path, target: str) -> CopyReport:
    """Copy the DuckDB store at ``source`` into the PostgreSQL store at ``target`` (created and migrated if needed).

    source: a DuckDB file, opened read-only (it must be at this tocsin's schema version: open it once to upgrade it).
    target: a ``postgresql://`` URL.
    RETURNS: rows written per table (0 for every table on a rerun with nothing new) and the tables skipped.
    RAISES: StoreError if either store cannot be opened or the copy fails (E312; nothing is copied then).
    DOCS: README.md, "Sharing a store on PostgreSQL"
    """
    report = CopyReport()
    with DuckDBStore(source, read_only=True) as duck, PostgresStore(target) as pg, duck.session():
        sconn = duck.connection()
        tables = [r[0] for r in sconn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = current_schema()").fetchall()]
        tables = [t for t in _FIRST if t in tables] + sorted(t for t in tables if t not in _FIRST and t != "schema_version")
        conn = pg._write_connection()
        try:
            with conn.transaction():
                conn.execute(_LOCK)
                stored = {r[0] for r in conn.execute("SELECT id FROM articles").fetchall()}
                for table in tables:
                    columns = _pg_columns(conn, table)
                    if not columns:
                        report.skipped.append(table)
                        continue
                    report.added[table] = _copy_table(sconn, conn, table, columns, stored)
        except (duckdb.Error, psycopg.Error) as exc:
            text = str(exc).strip()
            detail = text.splitlines()[0] if text else type(exc).__name__
            raise StoreError(Errors.E312.format(source=source, target=redact(target), detail=f"{detail}; nothing was copied")) from exc
    return report


def _pg_columns(conn: psycopg.Connection[Any], table: str) -> dict[str, int]:
    """The columns of ``table`` in the store's schema with their type OIDs, in table order ({} when there is no such table)."""
    rows = conn.execute(
        "SELECT a.attname, a.atttypid FROM pg_attribute a WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 AND NOT a.attisdropped"
        " ORDER BY a.attnum",
        [table],
    ).fetchall()
    return {name: oid for name, oid in rows}


def _copy_table(
    sconn: duckdb.DuckDBPyConnection, conn: psycopg.Connection[Any], table: str, pg_columns: dict[str, int], stored: set[str]
) -> int:
    """Copy one table's rows that are not in PostgreSQL yet (merged events: or that changed). RETURNS: rows written."""
    duck_columns = [r[0] for r in sconn.execute(f"DESCRIBE {table}").fetchall()]
    columns = [c for c in pg_columns if c in duck_columns]
    keyed = bool(conn.execute("SELECT 1 FROM pg_index WHERE indrelid = to_regclass(%s) AND indisprimary", [table]).fetchone())
    by_article = "article_id" if not keyed and "article_id" in columns else None  # sentences, mentions: by their article
    if not keyed and by_article is None and conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
        return 0  # no key to tell copied rows by: a table copied before is left as it is
    names = ", ".join(f'"{c}"' for c in columns)
    scratch = f"_copy_{table}"
    conn.execute(f"CREATE TEMP TABLE {scratch} ON COMMIT DROP AS SELECT {names} FROM {table} WITH NO DATA")  # types, no constraints
    cursor = sconn.cursor()
    try:
        cursor.execute(f"SELECT {names} FROM {table}")
        skip = columns.index(by_article) if by_article else None
        with conn.cursor().copy(f"COPY {scratch} ({names}) FROM STDIN") as copy:
            copy.set_types([pg_columns[c] for c in columns])
            while rows := cursor.fetchmany(_CHUNK):
                for row in rows:
                    if skip is None or row[skip] not in stored:
                        copy.write_row(row)
    finally:
        cursor.close()
    conflict = " ON CONFLICT DO NOTHING" if keyed else ""
    if table == "merged_events":  # derived from the reports: the source's counts and codes replace a stale copy's
        rest = [f'"{c}"' for c in columns if c != "event_id"]
        sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)
        changed = f"({', '.join('merged_events.' + c for c in rest)}) IS DISTINCT FROM ({', '.join('EXCLUDED.' + c for c in rest)})"
        conflict = f" ON CONFLICT (event_id) DO UPDATE SET {sets} WHERE {changed}"
    added = conn.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {scratch}{conflict}").rowcount
    conn.execute(f"DROP TABLE {scratch}")
    return max(added, 0)


__all__ = ["CopyReport", "copy_store"]
