"""``tocsin backfill`` and ``tocsin load``: code large archives on Dask, then load the partitions into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress

from ..errors import TocsinError
from ..scale import CHUNK_SIZE, backfill, load
from ..store import open_store
from ._app import app, err, fail, say


@app.command("backfill")
def backfill_cli(
    paths: Annotated[
        list[str], typer.Argument(help="Files and directories: text, Markdown, HTML, JSON Lines, Parquet (columns id, text, ...).")
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Folder of the Parquet partitions (created if missing; partitions already there are skipped).")
    ],
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786); default: a local cluster.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Worker processes of the local cluster, one thread each; default: one per core.")
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Force the language of every article (fr, en); default: detect per article.")
    ] = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor dictionary (TOML); repeatable.")] = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", help="Articles per partition (one task).")] = CHUNK_SIZE,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for the scheduler and a first worker.")] = 10.0,
) -> None:
    """Code large archives on a Dask cluster into Parquet partitions; `tocsin load` puts them in the store."""
    try:
        with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("coding", total=None)
            report = backfill(
                paths,
                out,
                scheduler=scheduler,
                workers=workers,
                lang=lang,
                actors=actors or (),
                chunk_size=chunk_size,
                connect_timeout=timeout,
                on_progress=lambda n: progress.advance(task, n),
            )
    except TocsinError as exc:
        fail(str(exc))
    for _where, message in report.failures:
        say(message, label="skipped:")
    err.print(
        f"{report.articles_read} article(s) read, {report.articles_coded} coded on {report.workers} worker(s) in {report.seconds:.1f} s "
        f"({report.articles_per_second:.1f} articles/s), {report.events} event(s); {report.partitions_written} partition(s) written, "
        f"{report.partitions_skipped} skipped (already written, {report.articles_in_skipped} article(s)) in {escape(str(out))}"
        + (f"; {report.articles_duplicate} duplicate id(s) dropped" if report.articles_duplicate else "")
        + (f"; {report.failed} input(s) failed" if report.failed else ""),
        highlight=False,
        soft_wrap=True,
    )
    if report.failed:
        raise typer.Exit(1)


@app.command("load")
def load_cli(
    directory: Annotated[Path, typer.Argument(help="The --out folder of `tocsin backfill`.")],
    db: Annotated[str, typer.Option("--db", help="Database file (DuckDB).")] = "tocsin.duckdb",
    no_alerts: Annotated[bool, typer.Option("--no-alerts", help="Do not run the alert rules after storing.")] = False,
) -> None:
    """Load the partitions of `tocsin backfill` into the store (merging events; loading twice adds nothing)."""
    try:
        with open_store(db) as store, Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("loading", total=None)
            report = load(directory, store, alerts=not no_alerts, on_progress=lambda n: progress.advance(task, n))
    except TocsinError as exc:
        fail(str(exc))
    for _where, message in report.failures:
        say(message, label="skipped:")
    err.print(
        f"{report.partitions} partition(s) read, {report.articles_read} article(s): {report.articles_added} added, "
        f"{report.articles_known} already stored, {report.events_added} event(s) added to {escape(db)}"
        + (f"; {report.failed} partition(s) failed" if report.failed else ""),
        highlight=False,
        soft_wrap=True,
    )
    if report.alerts_added:
        say(f"{report.alerts_added} new alert(s): `tocsin alerts --db {db}` lists them")
    if report.failed:
        raise typer.Exit(1)
