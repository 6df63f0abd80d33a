"""The dashboard: static files served by ``tocsin serve`` at ``/``.

Everything the page needs ships in :data:`STATIC_DIR` (HTML, plain JS, CSS and
a pre-projected world outline), so the dashboard works with no network.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["STATIC_DIR"]

STATIC_DIR = Path(__file__).parent / "static"
