"""API errors: every failure leaves as ``{"error": {"code", "message"}}`` with an HTTP status.

Our exceptions carry their coded message (``[E501] ...``); the status comes
from the exception class (:func:`status_of`), and one set of handlers
(:func:`add_error_handlers`) renders them all, including FastAPI's own
request-validation errors (400, not 422) and unknown paths (404). Errors
outside the catalogue (an unknown path, a bug) have ``code: null``.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, Errors, IngestError, NotFound, StoreError, TocsinError
from ..store.faults import DRIVER_ERRORS, store_error

log = logging.getLogger(__name__)

_CODE = re.compile(r"^\[(E\d{3})\]\s*")
_UNREADABLE_BODY = "There was an error parsing the body"
_BODY_HINT = 'Send a JSON object such as {"articles": [{"text": "..."}]}; JSON nested thousands deep cannot be read.'


class ApiError(TocsinError):
    """An error answered with ``status``: 401 (no or wrong token) or 403 (writing disabled)."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


def status_of(exc: TocsinError) -> int:
    """The HTTP status of one of our exceptions: 400 bad input, 404 unknown id, 503 damaged database, 500 otherwise."""
    if isinstance(exc, ApiError):
        return exc.status
    if isinstance(exc, (ConfigError, IngestError)):
        return 400
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, StoreError) and str(exc).startswith("[E307]"):
        return 503  # the database file is damaged: the service is unavailable until it is restored
    return 500  # other StoreErrors and anything unplanned


def error_body(message: str) -> dict[str, Any]:
    """``{"error": {"code", "message"}}`` of a coded message (``code`` is None when uncoded)."""
    match = _CODE.match(message)
    return {"error": {"code": match.group(1) if match else None, "message": message}}


def error_response(exc: TocsinError) -> JSONResponse:
    status = status_of(exc)
    if isinstance(exc, StoreError) or status >= 500:
        log.error("%s", exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(str(exc)), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    """One E501 message for the first invalid field, naming it the way the client wrote it."""
    errors = exc.errors()
    first = errors[0] if errors else {}
    name = ""
    for part in first.get("loc", ()):
        if part in ("query", "path", "body", "header"):
            continue
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    name = name or "request body"
    value = first.get("input")
    hint = str(first.get("msg", "malformed request"))
    if first.get("type") == "json_invalid":
        name, value, hint = "request body", "(not JSON)", 'Send a JSON object such as {"articles": [{"text": "..."}]}.'
    elif first.get("type") == "missing":
        value = "(missing)"
    elif isinstance(value, (dict, list)):
        value = f"(a JSON {'object' if isinstance(value, dict) else 'array'})"
    more = f" ({len(errors) - 1} more problem(s) in the request)" if len(errors) > 1 else ""
    return Errors.E501.format(name=name, value=value, hint=hint.rstrip(".") + "." + more)


def add_error_handlers(app: FastAPI) -> None:
    """Render our exceptions, validation errors, HTTP errors and bugs as the JSON error body."""

    async def _tocsin(request: Request, exc: Exception) -> JSONResponse:
        return error_response(exc if isinstance(exc, TocsinError) else TocsinError(str(exc)))

    async def _validation(request: Request, exc: Exception) -> JSONResponse:
        message = _validation_message(exc) if isinstance(exc, RequestValidationError) else str(exc)
        return JSONResponse(error_body(message), status_code=400)

    async def _http(request: Request, exc: Exception) -> JSONResponse:
        status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
        detail = exc.detail if isinstance(exc, StarletteHTTPException) else str(exc)
        if status == 400 and detail == _UNREADABLE_BODY:  # FastAPI's words for a body its JSON reader gave up on
            return JSONResponse(error_body(Errors.E501.format(name="request body", value="(unreadable)", hint=_BODY_HINT)), status_code=400)
        headers = getattr(exc, "headers", None)
        return JSONResponse({"error": {"code": None, "message": str(detail)}}, status_code=status, headers=headers)

    async def _driver(request: Request, exc: Exception) -> JSONResponse:
        """A DuckDB error no query wrapped (the watch layer's SQL): E307 (503) for a damaged file, else E301 (500)."""
        return error_response(store_error(exc, str(getattr(request.app.state.api.store, "path", "?"))))

    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"error": {"code": None, "message": f"internal error ({type(exc).__name__})"}}, status_code=500)

    app.add_exception_handler(TocsinError, _tocsin)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    for driver_error in DRIVER_ERRORS:
        app.add_exception_handler(driver_error, _driver)
    app.add_exception_handler(Exception, _bug)


__all__ = ["ApiError", "add_error_handlers", "error_body", "status_of"]
