"""What the requests of one app share, and the dependencies that hand it to a route."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any

import anyio
from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import TocsinError
from ..pipeline import Pipeline
from ..store import Store


class ResultCache:
    """The last ``size`` answers of the escalation endpoints and the map, keyed by request and by the data they were
    computed from.

    Series, ladders and pair lists read every event of a pair (or of the
    store): ~100-300 ms over a million events, and a dashboard asks for the
    same ones again and again. An answer is reused only while the store's
    events and merged events have the same row counts (reports are only ever
    added, and each adds a row), so a write through any connection makes older
    answers unreachable; writes through this server also clear the cache
    (:meth:`clear`). Other processes write the same file between requests
    (the server holds it only while it answers), and their rows change the counts.

    Bounded twice: at most ``size`` answers and ``max_bytes`` bytes of them (an answer that is ``bytes`` or ``str``
    counts its length, anything else counts 0), least recently used dropped first; an answer larger than
    ``max_bytes`` is returned and not kept.
    """

    def __init__(self, size: int = 256, max_bytes: int = 64_000_000) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0  # held now
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: Store, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The answer to ``key`` for the data ``store`` holds now, computed by ``compute()`` when not known."""
        full_key = (key, store.data_version())
        with self._lock:
            if full_key in self._answers:
                self._answers.move_to_end(full_key)
                return self._answers[full_key]
        answer = compute()
        weight = _weight(answer)
        if weight > self.max_bytes:
            return answer
        with self._lock:
            if full_key in self._answers:  # computed twice side by side
                self.bytes -= _weight(self._answers.pop(full_key))
            self._answers[full_key] = answer
            self.bytes += weight
            while len(self._answers) > self.size or self.bytes > self.max_bytes:
                self.bytes -= _weight(self._answers.popitem(last=False)[1])
        return answer

    def __len__(self) -> int:
        return len(self._answers)

    def clear(self) -> None:
        """Forget every answer (after a write)."""
        with self._lock:
            self._answers.clear()
            self.bytes = 0


def _weight(answer: Any) -> int:
    return len(answer) if isinstance(answer, (bytes, str)) else 0


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
