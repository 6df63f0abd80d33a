"""The REST API (FastAPI) over the event store, and the server behind ``tocsin serve``.

DOCS: docs/api.md
"""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
