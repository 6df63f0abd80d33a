"""Versioned schema migrations and the runner that applies them.

Migrations are SQL files shipped as package data, one folder per backend:
``migrations/<backend>/NNNN_name.sql``. ``NNNN`` is the schema version the file
brings the database to. The ``schema_version`` table records each version
applied; a database whose version is newer than the newest file was written by
a newer tocsin and is refused (``E302``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from typing import Any

import duckdb

from ...errors import Errors, StoreError

_FILE_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    """One migration file."""

    version: int
    name: str
    sql: str


def load_migrations(backend: str = "duckdb") -> list[Migration]:
    """The migrations shipped for ``backend``, in version order.

    backend: folder name under ``tocsin/store/migrations``.
    RETURNS: the migrations, sorted by version.
    RAISES: StoreError if the backend has no migrations or two share a version.
    """
    folder = files(__name__).joinpath(backend)
    if not folder.is_dir():
        raise StoreError(Errors.E303.format(backend=backend, detail="no migrations folder"))
    migrations = []
    for entry in folder.iterdir():
        match = _FILE_NAME.match(entry.name)
        if match:
            migrations.append(Migration(int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    migrations.sort(key=lambda m: m.version)
    versions = [m.version for m in migrations]
    if not migrations or len(set(versions)) != len(versions):
        raise StoreError(Errors.E303.format(backend=backend, detail=f"versions {versions} are empty or not unique"))
    return migrations


def latest_version(backend: str = "duckdb") -> int:
    """The schema version this tocsin writes for ``backend``."""
    return load_migrations(backend)[-1].version


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The database's schema version: 0 for an empty database.

    RAISES: StoreError if the database cannot be read.
    """
    try:
        return _read_version(conn)
    except duckdb.Error as exc:
        raise StoreError(Errors.E301.format(path=_db_path(conn), detail=_detail(exc))) from exc


def migrate(conn: duckdb.DuckDBPyConnection, *, backend: str = "duckdb") -> int:
    """Apply the migrations the database lacks, in order, in one transaction.

    conn: an open, writable connection.
    backend: which migration set to use (only ``"duckdb"`` ships for now).
    RETURNS: the number of migrations applied (0 when already up to date).
    RAISES: StoreError ``E302`` if the database is newer than this tocsin,
        ``E301`` (after rolling back) if a migration fails.
    """
    migrations = load_migrations(backend)
    path = _db_path(conn)
    try:
        conn.begin()
        try:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
            found = _read_version(conn)
            expected = migrations[-1].version
            if found > expected:
                _rollback(conn)
                raise StoreError(Errors.E302.format(path=path, found=found, expected=expected))
            pending = [m for m in migrations if m.version > found]
            for migration in pending:
                conn.execute(migration.sql)
                applied_at = datetime.now(UTC).replace(tzinfo=None)
                conn.execute("INSERT INTO schema_version VALUES (?, ?)", [migration.version, applied_at])
            conn.commit()
        except duckdb.Error:
            _rollback(conn)
            raise
    except duckdb.Error as exc:
        raise StoreError(Errors.E301.format(path=path, detail=f"migration failed: {_detail(exc)}")) from exc
    return len(pending)


def _read_version(conn: duckdb.DuckDBPyConnection) -> int:
    exists = conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = current_schema() AND table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _db_path(conn: duckdb.DuckDBPyConnection) -> str:
    """The file behind ``conn`` (":memory:" for an in-memory database)."""
    try:
        row: Any = conn.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    except duckdb.Error:
        return "?"
    return str(row[0]) if row and row[0] else ":memory:"


def _rollback(conn: duckdb.DuckDBPyConnection) -> None:
    try:
        conn.rollback()
    except duckdb.Error:  # no transaction left to roll back, or connection gone
        pass


def _detail(exc: BaseException) -> str:
    """First line of a driver error, which is the informative one."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


__all__ = ["Migration", "latest_version", "load_migrations", "migrate", "schema_version"]
