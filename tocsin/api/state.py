"""What the requests of one app share, and the dependencies that hand it to a route."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import anyio
from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import TocsinError
from ..pipeline import Pipeline
from ..store import Store
from ..store.answers import ResultCache


@dataclass
class ApiState:
    """What every request of one app shares: the store, the write token and the locks."""

    store: Store
    token: str | None = None
    read_only: bool = False
    webhook: str | None = None  # new alerts raised by POSTed articles go there too
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    cache: ResultCache = field(default_factory=ResultCache)
    _pipeline: Pipeline | None = None
    _cursor_lock: threading.Lock = field(default_factory=threading.Lock)

    def cursor(self) -> Any:
        """A new cursor (:meth:`Store.reader`; DuckDB: its own connection to the same database) for one request, inside
        its read session (:class:`ReadSessions` holds one for every ``GET /api/...``)."""
        with self._cursor_lock:
            return self.store.reader()

    def pipeline(self) -> Pipeline:
        """The coding pipeline, built on first use (it loads the spaCy models). Call it holding ``write_lock``."""
        if self._pipeline is None:
            from ..coder import make_pipeline

            self._pipeline = make_pipeline()
        return self._pipeline


def state_of(request: Request) -> ApiState:
    """The :class:`ApiState` of the app serving ``request``."""
    state: ApiState = request.app.state.api
    return state


def request_cursor(request: Request) -> Iterator[Any]:
    """Dependency: a cursor for this request, closed when it is answered."""
    cursor = state_of(request).cursor()
    try:
        yield cursor
    finally:
        cursor.close()


class ReadSessions:
    """ASGI middleware: every ``GET``/``HEAD`` under ``/api/`` runs inside a read session of the store.

    The store is opened with ``keep_open=False``: the database file is open (read-only) only while
    requests are being answered, so other processes (``tocsin code``, ``tocsin events``, Python)
    read and write it in between; writes through the API take a short write session of their own.
    """

    def __init__(self, app: ASGIApp, state: ApiState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        session = self.state.store.session()
        try:
            await anyio.to_thread.run_sync(session.__enter__)
        except TocsinError as exc:  # still locked by another process: 503 with the coded message
            from .errors import error_body

            await JSONResponse(error_body(str(exc)), status_code=503, headers={"Retry-After": "5"})(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            await anyio.to_thread.run_sync(session.__exit__, None, None, None)


__all__ = ["ApiState", "ReadSessions", "ResultCache", "request_cursor", "state_of"]
