"""DuckDB's errors as tocsin's: a damaged database file (E307) told apart from other store failures (E301).

A truncated or overwritten file fails when a query first reads the damaged block, which may be long after the
file was opened (in the watch layer's SQL, in a cursor of the API), so the CLI commands and the API map the
driver's exceptions here, where they reach the user, rather than at every query.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from ..errors import Errors, StoreError

#: The exceptions of the database drivers a store's SQL may raise (the API maps them to E301/E307).
DRIVER_ERRORS: tuple[type[Exception], ...] = (duckdb.Error,)

_DAMAGED = re.compile(r"corrupt|checksum|could not read enough bytes|not a valid duckdb database|serializ", re.IGNORECASE)


def is_damaged(exc: BaseException) -> bool:
    """True if DuckDB's error says the database file itself is damaged (not locked, not a bad query)."""
    return isinstance(exc, duckdb.Error) and _DAMAGED.search(str(exc)) is not None


def store_error(exc: BaseException, path: str) -> StoreError:
    """The StoreError of a driver exception: E307 (damaged file: restore or rebuild it) or E301."""
    text = str(exc).strip()
    detail = text.splitlines()[0] if text else type(exc).__name__
    if is_damaged(exc):
        return StoreError(Errors.E307.format(path=path, detail=detail))
    return StoreError(Errors.E301.format(path=path, detail=detail))


def is_duckdb(cursor: object) -> bool:
    """Whether ``cursor`` (a :meth:`Store.reader`) speaks DuckDB's SQL, else PostgreSQL's (``tocsin.store.postgres.PgCursor``)."""
    return isinstance(cursor, duckdb.DuckDBPyConnection)


@contextmanager
def driver_errors(path: str) -> Iterator[None]:
    """Raise a DuckDB error of the enclosed block as :func:`store_error` (``raise ... from`` the original)."""
    try:
        yield
    except DRIVER_ERRORS as exc:
        raise store_error(exc, path) from exc


__all__ = ["DRIVER_ERRORS", "driver_errors", "is_damaged", "is_duckdb", "store_error"]
