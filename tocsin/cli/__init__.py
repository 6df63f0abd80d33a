"""Command-line interface: thin Typer wrappers over importable functions."""

from . import (  # noqa: F401  - registers the commands
    backfill,
    code,
    eval,
    events,
    feeds,
    interop,
    serve,
    store,
    watch,
)
from ._app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
