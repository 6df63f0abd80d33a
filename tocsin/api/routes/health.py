"""``GET /api/health``: is the server up, and how much does the store hold."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from ...about import __version__
from ..queries import count_rows
from ..state import request_cursor, state_of

router = APIRouter(tags=["health"])


@router.get("/health", summary="Server status and row counts")
def health(request: Request, cursor: Annotated[Any, Depends(request_cursor)]) -> JSONResponse:
    """``{"status": "ok", "version", "db", "events", "articles", "alerts"}``."""
    counts = count_rows(cursor)
    return JSONResponse({"status": "ok", "version": __version__, "db": state_of(request).store.path, **counts})
