"""The Typer application and the helpers every command shares."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(name="tocsin", no_args_is_help=True, add_completion=False, help="tocsin: code political events in French and English news, store them, and watch escalation.")

err = Console(stderr=True)
# a pipe or a CI log gets a wide table rather than rich's 80-column default
out = Console() if Console().is_terminal else Console(width=160)

EVENT_COLUMNS = ("article_id", "event_date", "source_code", "cameo", "target_code", "plover", "place", "num_sources", "confidence", "trigger")


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one red line on stderr and exit non-zero."""
    err.print(f"[red]error:[/red] {message}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code)


def print_rows(rows: Sequence[dict[str, Any]], fmt: str, *, columns: Sequence[str] = EVENT_COLUMNS, title: str | None = None) -> None:
    """Print rows as a rich table, JSON Lines, one JSON array, or CSV."""
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, default=str, indent=2) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        keys = list(rows[0].keys()) if rows else list(columns)
        writer = csv.DictWriter(buf, fieldnames=keys, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k) for k in keys})
        sys.stdout.write(buf.getvalue())
    else:
        table = Table(title=title, show_lines=False)
        for col in columns:
            if col == "trigger":
                table.add_column(col, overflow="fold", ratio=3)
            else:
                table.add_column(col, no_wrap=True, overflow="ellipsis", max_width=22 if col == "article_id" else None)
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        out.print(table)
