"""The event store: where coded articles and their events are kept.

``open_store(path)`` picks the backend from the path; every backend implements
:class:`Store`.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError, Errors
from .base import SaveResult, Store
from .duckdb import DuckDBStore


def open_store(path: str | Path, *, read_only: bool = False, keep_open: bool = True) -> Store:
    """Open (creating and migrating if needed) the store at ``path``.

    path: a DuckDB file path or ``":memory:"``. PostgreSQL URLs are reserved
        for the PostgreSQL backend, which is not available yet.
    read_only: open without writing (DuckDB: the file must exist).
    keep_open: hold the database (and its lock) open until ``close()``; False opens it only for each
        operation or :meth:`Store.session`, so other processes can read and write it in between.
    RETURNS: the store; use it as a context manager or call ``close()``.
    RAISES: ConfigError for an unsupported URL, StoreError if it cannot be opened.
    """
    text = str(path)
    if text.startswith(("postgresql://", "postgres://")):
        raise ConfigError(
            Errors.E501.format(
                name="store path",
                value=_redact(text),
                hint="PostgreSQL support is not yet available; pass a DuckDB file path or ':memory:'.",
            )
        )
    return DuckDBStore(path, read_only=read_only, keep_open=keep_open)


def _redact(url: str) -> str:
    """A URL with any password replaced, so it can go in an error message."""
    scheme, _, rest = url.partition("://")
    userinfo, at, host = rest.rpartition("@")
    if at and ":" in userinfo:
        userinfo = userinfo.split(":", 1)[0] + ":***"
    return f"{scheme}://{userinfo}{at}{host}"


__all__ = ["Store", "SaveResult", "DuckDBStore", "open_store"]
