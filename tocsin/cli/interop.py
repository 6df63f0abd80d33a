"""``tocsin export`` and ``tocsin import-gdelt``: speak GDELT and PLOVER."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import TocsinError
from ..interop import export_events_gdelt, export_events_gdelt_mentions, export_gdelt, export_plover, export_table, import_gdelt
from ..store import open_store
from ._app import app, err, fail, say

FORMATS = ("gdelt", "gdelt-mentions", "plover", "parquet", "csv")


def export_events(db: str | Path, out: str | Path, fmt: str, *, source: str = "tocsin") -> int:
    """Write the store's events as GDELT 2.0 events (one row per merged event) or mentions (one row per report),
    PLOVER JSON Lines, Parquet or CSV; return the row count.

    source: "tocsin" (the events tocsin coded) or "gdelt" (rows loaded by import-gdelt, written back field for field).
    """
    with open_store(db, read_only=True) as store:
        if source == "gdelt":
            return export_gdelt(store, out, source="gdelt")
        events = store.events()
        if fmt == "gdelt":
            return export_events_gdelt(events, out)
        if fmt == "gdelt-mentions":
            return export_events_gdelt_mentions(events, out)
        if fmt == "plover":
            return export_plover(events, out)
        return export_table(events, out, fmt)


@app.command("export")
def export_cli(
    fmt: Annotated[
        str, typer.Option("--format", help="gdelt (one row per merged event), gdelt-mentions (one row per report), plover, parquet or csv.")
    ],
    out: Annotated[Path, typer.Option("--out", help="File to write.")],
    db: Annotated[str, typer.Option("--db", help="Database file (DuckDB).")] = "tocsin.duckdb",
    source: Annotated[
        str, typer.Option("--source", help="tocsin (coded events) or gdelt (rows loaded by import-gdelt; --format gdelt only).")
    ] = "tocsin",
) -> None:
    """Export stored events in GDELT 2.0, PLOVER, Parquet or CSV form."""
    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}", 2)
    if source not in ("tocsin", "gdelt") or (source == "gdelt" and fmt != "gdelt"):
        fail("--source must be tocsin, or gdelt with --format gdelt", 2)
    try:
        n = export_events(db, out, fmt, source=source)
    except TocsinError as exc:
        fail(str(exc))
    say(f"{n} row(s) written to {out}")


@app.command("import-gdelt")
def import_gdelt_cli(
    paths: Annotated[
        list[Path],
        typer.Argument(help="GDELT 2.0 export files (.CSV, tab-separated; or .zip); GDELT 1.0 files are mapped to the 2.0 columns."),
    ],
    db: Annotated[str, typer.Option("--db", help="Database file (DuckDB).")] = "tocsin.duckdb",
) -> None:
    """Load GDELT 2.0 (or 1.0) export files into the store, beside tocsin's own events (table gdelt_events)."""
    try:
        with open_store(db) as store:
            report = import_gdelt(store, paths)
    except TocsinError as exc:
        fail(str(exc))
    for message in report.notes:
        say(message, label="note:", style="cyan")
    for message in report.failures:
        say(message, label="skipped:")
    err.print(f"{report.rows_added} row(s) added, {report.rows_skipped} already stored", highlight=False)
    if report.failures:
        raise typer.Exit(1)
