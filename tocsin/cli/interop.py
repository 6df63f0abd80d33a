"""``tocsin export`` and ``tocsin import-gdelt``: speak GDELT and PLOVER."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import registry
from ..errors import ConfigError, TocsinError
from ..interop import export_gdelt, import_gdelt
from ..store import open_store
from ._app import app, err, fail, say

#: The built-in export formats (every name registered in tocsin.registry.exports is accepted).
FORMATS = ("gdelt", "gdelt-mentions", "plover", "parquet", "csv")


def export_events(db: str | Path, out: str | Path, fmt: str, *, source: str = "tocsin") -> int:
    """Write the store's events in the export format registered as ``fmt`` (tocsin.registry.exports: GDELT 2.0
    events, one row per merged event, or mentions, one row per report; PLOVER JSON Lines; Parquet; CSV; or any
    format registered); return the row count. An unknown format raises ConfigError E511.

    source: "tocsin" (the events tocsin coded) or "gdelt" (rows loaded by import-gdelt, written back field for field).
    """
    writer = registry.exports.get(fmt)
    with open_store(db, read_only=True) as store:
        if source == "gdelt":
            return export_gdelt(store, out, source="gdelt")
        rows: int = writer(store.events(), out)
        return rows


@app.command("export")
def export_cli(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="gdelt (one row per merged event), gdelt-mentions (one row per report), plover, parquet, csv,"
            " or another format registered in tocsin.registry.exports.",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="File to write.")],
    db: Annotated[str, typer.Option("--db", help="Database file (DuckDB).")] = "tocsin.duckdb",
    source: Annotated[
        str, typer.Option("--source", help="tocsin (coded events) or gdelt (rows loaded by import-gdelt; --format gdelt only).")
    ] = "tocsin",
) -> None:
    """Export stored events in GDELT 2.0, PLOVER, Parquet or CSV form."""
    try:
        registry.exports.get(fmt)
    except ConfigError as exc:
        fail(f"--format: {exc}", 2)
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
