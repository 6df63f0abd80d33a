"""The event store: where coded articles and their events are kept.

``open_store(path)`` picks the backend from the path; every backend implements
:class:`Store`.
"""

from __future__ import annotations

from pathlib import Path

from .base import SaveResult, Store
from .duckdb import DuckDBStore
from .filters import EventFilter, check_date


def open_store(path: str | Path, *, read_only: bool = False, keep_open: bool = True) -> Store:
    """Open (creating and migrating if needed) the store at ``path``.

    path: a DuckDB file path or ``":memory:"``, or a PostgreSQL URL (``postgresql://user:password@host:port/db``,
        also ``postgres://``) for a store shared by several writers and readers (:class:`~tocsin.store.postgres.PostgresStore`).
    read_only: open without writing (DuckDB: the file must exist).
    keep_open: hold the database (and its lock) open until ``close()``; False opens it only for each
        operation or :meth:`Store.session`, so other processes can read and write it in between.
    RETURNS: the store; use it as a context manager or call ``close()``.
    RAISES: StoreError if it cannot be opened (E310: the PostgreSQL server cannot be reached).
    """
    if is_postgres_url(path):
        from .postgres import PostgresStore  # psycopg is imported only for a PostgreSQL store

        return PostgresStore(str(path), read_only=read_only, keep_open=keep_open)
    return DuckDBStore(path, read_only=read_only, keep_open=keep_open)


def is_postgres_url(path: str | Path) -> bool:
    """Whether ``path`` names a PostgreSQL database (``postgresql://`` or ``postgres://``) rather than a DuckDB file."""
    return str(path).startswith(("postgresql://", "postgres://"))


__all__ = ["DuckDBStore", "EventFilter", "SaveResult", "Store", "check_date", "is_postgres_url", "open_store"]
