"""``tocsin code``: code articles into the store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from ..errors import TocsinError
from ..run import code_sources
from ..store import open_store
from ..watch import run_alerts
from ._app import app, err, fail, print_rows


@app.command("code")
def code_cli(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin (text, Markdown, HTML, JSON Lines).")],
    lang: Annotated[str | None, typer.Option("--lang", help="Force the language of every article (fr); default: detect per article.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output: table, jsonl or json.")] = "table",
    db: Annotated[str, typer.Option("--db", help="Database file (DuckDB).")] = "tocsin.duckdb",
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor dictionary (TOML); repeatable.")] = None,
    no_store: Annotated[bool, typer.Option("--no-store", help="Code and print only; store nothing.")] = False,
    no_alerts: Annotated[bool, typer.Option("--no-alerts", help="Do not run the alert rules after storing.")] = False,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Coding processes (default: the machine's cores); this one reads and stores, in input order.")
    ] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) of inputs that carry none; relative dates resolve against it.")
    ] = None,
) -> None:
    """Code the political events of news articles and store them."""
    if fmt not in ("table", "jsonl", "json"):
        fail(f"--format must be table, jsonl or json, not {fmt!r}", 2)
    try:
        store = None if no_store else open_store(db)
        with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("coding", total=None)
            report = code_sources(
                paths,
                store,
                lang=lang,
                actors=actors or (),
                published=published,
                workers=workers or os.cpu_count() or 1,
                on_progress=lambda n: progress.advance(task, n),
            )
        alerts = None
        if store is not None:
            if not no_alerts and report.events_added:
                alerts = run_alerts(store)
            store.close()
    except TocsinError as exc:
        fail(str(exc))
    print_rows(report.events, fmt, title="events")
    for where, message in report.failures:
        err.print(f"[yellow]skipped:[/yellow] {message}", highlight=False, soft_wrap=True)
    err.print(
        f"{report.articles_read} article(s) read, {report.articles_coded} coded, {report.articles_known} already stored, "
        f"{report.events_added} event(s) added" + (f" to {db}" if not no_store else "") + (f"; {report.failed} input(s) failed" if report.failed else ""),
        highlight=False,
        soft_wrap=True,
    )
    if alerts is not None and alerts.added:
        err.print(f"{len(alerts.added)} new alert(s): `tocsin alerts --db {db}` lists them", highlight=False, soft_wrap=True)
    if report.failed:
        raise typer.Exit(1)
