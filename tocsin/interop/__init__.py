"""Interchange with other event datasets: GDELT 2.0 (in and out), PLOVER JSON Lines, CSV and Parquet.

Error codes E601-E606 (messages built here, not in :mod:`tocsin.errors`):
E601 bad GDELT line, E602 unreadable file, E603 zip not holding one file,
E604 database write failed, E605 invalid option, E606 cannot write output.
"""

from __future__ import annotations

from .gdelt import (
    GDELT_EVENT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    GdeltImportError,
    ImportReport,
    InteropError,
    event_to_gdelt_mention_row,
    event_to_gdelt_row,
    export_events_gdelt,
    export_events_gdelt_mentions,
    export_gdelt,
    import_gdelt,
)
from .plover import TABLE_FORMATS, event_to_plover, export_plover, export_table

__all__ = [
    "GDELT_EVENT_COLUMNS",
    "GDELT_MENTION_COLUMNS",
    "GdeltImportError",
    "ImportReport",
    "InteropError",
    "TABLE_FORMATS",
    "event_to_gdelt_mention_row",
    "event_to_gdelt_row",
    "event_to_plover",
    "export_events_gdelt",
    "export_events_gdelt_mentions",
    "export_gdelt",
    "export_plover",
    "export_table",
    "import_gdelt",
]
