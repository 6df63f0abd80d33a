"""What every request meets first: the Host allow-list, the write token before the body, and strict security headers.

* **Host**: with ``allowed_hosts`` (``tocsin serve`` on a loopback address allows the loopback names), a request
  naming another host is refused with 400 (E509): a web page on another site cannot reach the API through DNS
  rebinding.
* **Token first**: a write (``POST /api/articles``) is checked for writing being enabled and for its bearer token
  before its body is read; a stranger's upload costs nothing.
* **Headers**: every answer carries a Content-Security-Policy without inline script, ``frame-ancestors 'none'``,
  ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer``.

DOCS: docs/api.md
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi.responses import JSONResponse
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Errors
from .errors import ApiError, error_body, error_response
from .state import ApiState

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
"""Host names a server listening on loopback answers to by default."""

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
        " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
_WRITE_PATHS = ("/api/articles",)


class Guard:
    """ASGI middleware: Host allow-list, token before body, security headers (see the module docstring)."""

    def __init__(self, app: ASGIApp, state: ApiState, allowed_hosts: Sequence[str] | None = None) -> None:
        self.app = app
        self.state = state
        self.allowed_hosts = {host.lower() for host in allowed_hosts} if allowed_hosts is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope, headers: Headers) -> JSONResponse | None:
        host = host_name(headers.get("host", ""))
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            allowed = ", ".join(sorted(self.allowed_hosts))
            return JSONResponse(error_body(Errors.E509.format(host=host or "(none)", allowed=allowed)), status_code=400)
        if scope["method"] == "POST" and scope["path"] in _WRITE_PATHS:
            from .routes.articles import check_writer

            try:
                check_writer(self.state, headers.get("authorization"))
            except ApiError as exc:
                return error_response(exc)
        return None


def host_name(value: str) -> str:
    """The host of a ``Host`` header, lower-cased, without its port (``[::1]:8000`` -> ``::1``)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


__all__ = ["LOOPBACK_HOSTS", "SECURITY_HEADERS", "Guard", "host_name"]
