"""``tocsin migrate``: copy a DuckDB store into PostgreSQL, to share it between users."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import TocsinError
from ..store import is_postgres_url
from ._app import app, fail, print_rows


@app.command("migrate")
def migrate_cli(
    source: Annotated[str, typer.Option("--from", help="The DuckDB store to copy (a file).")],
    target: Annotated[
        str, typer.Option("--to", help="The PostgreSQL store to copy it into: postgresql://user:password@host:port/db (migrated first).")
    ],
    fmt: Annotated[str, typer.Option("--format", help="Output: table, jsonl or json.")] = "table",
) -> None:
    """Copy a DuckDB store into PostgreSQL: every table, row for row, in one transaction.

    Run it again to copy only what is new (stored rows are skipped).
    """
    if fmt not in ("table", "jsonl", "json"):
        fail(f"--format must be table, jsonl or json, not {fmt!r}", 2)
    if is_postgres_url(source):
        fail(f"--from must be a DuckDB file, not a PostgreSQL URL ({source.split('://')[0]}://...)", 2)
    if not is_postgres_url(target):
        fail(f"--to must be a PostgreSQL URL (postgresql://user:password@host:port/db), not {target!r}", 2)
    from ..store.postgres_copy import copy_store

    try:
        report = copy_store(source, target)
    except TocsinError as exc:
        fail(str(exc))
    rows = [{"table": table, "rows_copied": n} for table, n in report.added.items()]
    rows += [{"table": table, "rows_copied": None, "note": "skipped: DuckDB only"} for table in report.skipped]
    print_rows(rows, fmt, columns=("table", "rows_copied", "note"), title=f"{sum(report.added.values())} row(s) copied")
