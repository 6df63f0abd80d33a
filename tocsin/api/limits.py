"""The request body limit: a body over :data:`MAX_BODY_BYTES` is refused with 413 (E508) without being held.

A declared ``Content-Length`` over the limit is refused before a byte is read; a body sent without one (chunked)
is counted as it arrives and refused at the first chunk past the limit. Either way the server never holds more
than the limit plus one chunk of a request.

DOCS: docs/api.md
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Errors
from ..stages.ingest import MAX_BYTES
from .errors import error_body

MAX_BODY_BYTES = MAX_BYTES
"""Largest request body accepted, in bytes (the size limit of one input file)."""

_READS = ("GET", "HEAD", "OPTIONS")


class BodyLimit:
    """ASGI middleware: answer 413 with the coded E508 message to a request whose body is over ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _READS:
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(declared, scope, receive, send)
            return
        await _Counted(self, scope, receive, send).run()

    async def _refuse(self, size: int | str, scope: Scope, receive: Receive, send: Send) -> None:
        message = Errors.E508.format(size=size, limit=self.max_bytes)
        await JSONResponse(error_body(message), status_code=413, headers={"Connection": "close"})(scope, receive, send)


class _Counted:
    """One request whose body is counted as it is received; past the limit, reading stops and the answer is 413."""

    def __init__(self, limit: BodyLimit, scope: Scope, receive: Receive, send: Send) -> None:
        self.limit, self.scope, self.receive, self.send = limit, scope, receive, send
        self.received = 0
        self.exceeded = False
        self.answered = False

    async def run(self) -> None:
        await self.limit.app(self.scope, self._receive, self._send)

    async def _receive(self) -> Message:
        message = await self.receive()
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.limit.max_bytes:
                self.exceeded = True
                raise HTTPException(status_code=413)  # FastAPI re-raises it while parsing the body; _send answers
        return message

    async def _send(self, message: Message) -> None:
        if not self.exceeded:
            await self.send(message)
        elif message["type"] == "http.response.start" and not self.answered:
            self.answered = True
            await self.limit._refuse(f"more than {self.limit.max_bytes}", self.scope, self.receive, self.send)


def _content_length(scope: Scope) -> int | None:
    headers: Any = scope.get("headers") or ()
    for name, value in headers:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


__all__ = ["MAX_BODY_BYTES", "BodyLimit"]
