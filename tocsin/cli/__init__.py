"""Command-line interface: thin Typer wrappers over importable functions."""

from . import code, eval, events, feeds, interop, serve, store, watch  # noqa: F401  - registers the commands
from . import backfill  # noqa: F401, I001  - after the everyday commands in --help
from ._app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
