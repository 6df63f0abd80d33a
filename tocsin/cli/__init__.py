"""Command-line interface: thin Typer wrappers over importable functions."""

from . import code, eval, events, interop, serve, watch  # noqa: F401  - registers the commands
from ._app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
