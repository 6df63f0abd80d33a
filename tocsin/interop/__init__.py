"""Interchange with other event datasets: GDELT 2.0 (in and out; GDELT 1.0 in), PLOVER JSON Lines, CSV and Parquet.

Every export format is a writer ``(events, out_path) -> rows written`` registered by name in
:data:`tocsin.registry.exports` ("gdelt", "gdelt-mentions", "plover", "csv", "parquet"); ``tocsin export --format NAME``
resolves the name there, so a format registered elsewhere is usable the same way (docs/configuration.md).

Error codes E801-E806 (in :mod:`tocsin.errors`): E801 bad GDELT line, E802 unreadable file, E803 zip not holding
one file, E804 database write failed, E805 invalid option, E806 cannot write output.
"""

from __future__ import annotations

from .gdelt import (
    GDELT_EVENT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    GDELT_TABLE_COLUMNS,
    GdeltImportError,
    ImportReport,
    InteropError,
    event_to_gdelt_mention_row,
    event_to_gdelt_row,
    export_events_gdelt,
    export_events_gdelt_mentions,
    export_gdelt,
    gdelt_events,
    import_gdelt,
    merged_events,
)
from .plover import TABLE_FORMATS, event_to_plover, export_csv, export_parquet, export_plover, export_table

__all__ = [
    "GDELT_EVENT_COLUMNS",
    "GDELT_MENTION_COLUMNS",
    "GDELT_TABLE_COLUMNS",
    "TABLE_FORMATS",
    "GdeltImportError",
    "ImportReport",
    "InteropError",
    "event_to_gdelt_mention_row",
    "event_to_gdelt_row",
    "event_to_plover",
    "export_csv",
    "export_events_gdelt",
    "export_events_gdelt_mentions",
    "export_gdelt",
    "export_parquet",
    "export_plover",
    "export_table",
    "gdelt_events",
    "import_gdelt",
    "merged_events",
]
