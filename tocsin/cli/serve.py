"""``tocsin serve``: the REST API and the dashboard."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import TocsinError
from ._app import app, fail, say

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command("serve")
def serve_cli(
    db: Annotated[str, typer.Option("--db", help="Database file (DuckDB).")] = "tocsin.duckdb",
    host: Annotated[str, typer.Option("--host", help="Address to listen on; the default accepts local connections only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.", min=1, max=65535)] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="TOCSIN_API_TOKEN",
            show_default=False,
            help="Bearer token POST /api/articles requires (none: writing is refused).",
        ),
    ] = None,
    read_only: Annotated[bool, typer.Option("--read-only", help="Open the database read-only and refuse writes.")] = False,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level: critical, error, warning, info, debug.")] = "info",
    webhook: Annotated[
        str | None,
        typer.Option(
            "--webhook", envvar="TOCSIN_WEBHOOK", show_default=False, help="POST the alerts that posted articles raise to this URL."
        ),
    ] = None,
) -> None:
    """Serve the dashboard at / and the REST API under /api/ (see docs/api.md)."""
    from ..api import serve

    if host not in _LOOPBACK:
        say(f"listening on {host}: the API is reachable from other machines.", label="warning:")
    try:
        serve(db, host=host, port=port, token=token, read_only=read_only, log_level=log_level, webhook=webhook)
    except TocsinError as exc:
        fail(str(exc))
