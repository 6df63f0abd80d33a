"""The FastAPI application: the API under ``/api/``, the dashboard at ``/``.

``create_app(db_path)`` opens the store (migrating it) and closes the file
again: each ``GET /api/...`` reads inside a read session (one read-only
connection shared by the requests in flight, each with its own cursor), and
``POST /api/articles`` codes first and then saves in a short write session.
Between requests the file is not open, so ``tocsin code`` and ``tocsin events``
can write and read the same database while the server runs. ``serve`` runs
the app with uvicorn, which is what ``tocsin serve`` calls.

DOCS: docs/api.md
"""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from ..about import __version__
from ..errors import ConfigError, Errors
from ..store import open_store
from ..watch.memo import keep_answers
from .errors import add_error_handlers
from .guard import LOOPBACK_HOSTS, Guard
from .limits import BodyLimit
from .routes import articles, events, health, watch
from .state import ApiState, ReadSessions


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    read_only: bool = False,
    webhook: str | None = None,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """Build the API (and dashboard) app over the store at ``db_path``.

    db_path: a DuckDB file (created and migrated unless ``read_only``), ``":memory:"``, or a PostgreSQL URL
        (``postgresql://...``: several servers and writers share the database).
    token: the bearer token ``POST /api/articles`` requires; None or "" refuses
        every write (403).
    read_only: open the store read-only (several servers may share the file)
        and refuse writes (403).
    webhook: URL the alerts raised by POSTed articles are POSTed to (as `tocsin alerts --webhook`).
    allowed_hosts: the ``Host`` names answered (others: 400, E509); None answers any (``serve`` on loopback passes
        the loopback names).
    RETURNS: the FastAPI app; the store closes when the app shuts down.
    RAISES: StoreError if the store cannot be opened.
    DOCS: docs/api.md
    """
    store = open_store(db_path, read_only=read_only, keep_open=False)
    state = ApiState(store=store, token=token or None, read_only=read_only, webhook=webhook or None)
    keep_answers(store)  # series, ladders and pair lists share what they read of the store (tocsin.watch.memo)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="tocsin",
        version=__version__,
        summary="Political events coded from the news (CAMEO/PLOVER), their escalation and alerts.",
        docs_url=None,  # Swagger UI and ReDoc load CDN assets; the dashboard works offline. Read /openapi.json.
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.api = state
    app.add_middleware(ReadSessions, state=state)
    app.add_middleware(BodyLimit)  # an oversized body is refused before anything reads it
    app.add_middleware(Guard, state=state, allowed_hosts=allowed_hosts)  # outermost: Host, token before body, headers
    add_error_handlers(app)
    for module in (health, events, watch, articles):
        app.include_router(module.router, prefix="/api")
    static = _static_dir()
    if static is not None:  # after the API routes, so /api/... never reaches it
        app.mount("/", StaticFiles(directory=static, html=True), name="web")
    return app


def serve(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    read_only: bool = False,
    log_level: str = "info",
    webhook: str | None = None,
) -> None:
    """Serve :func:`create_app` with uvicorn until interrupted (the job behind ``tocsin serve``).

    On a loopback ``host`` only the loopback names are answered (DNS rebinding). Any other ``host`` needs a ``token``.
    RAISES: ConfigError (E510) for a non-loopback ``host`` without ``token``.
    """
    import uvicorn

    loopback = host.strip("[]") in LOOPBACK_HOSTS
    if not loopback and not token:
        raise ConfigError(Errors.E510.format(host=host))
    app = create_app(db_path, token=token, read_only=read_only, webhook=webhook, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    uvicorn.run(app, host=host, port=port, log_level=log_level)


def _static_dir() -> Path | None:
    """The dashboard's static folder (``tocsin.web.STATIC_DIR``), or None while there is none."""
    if importlib.util.find_spec("tocsin.web") is None:
        return None
    from .. import web

    folder: Any = getattr(web, "STATIC_DIR", None)
    return Path(folder) if folder is not None and Path(folder).is_dir() else None


__all__ = ["create_app", "serve"]
