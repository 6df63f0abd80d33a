"""``tocsin code``: code articles into the store."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Any, Self

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

from ..config import active_config
from ..errors import TocsinError
from ..run import RunReport, code_sources
from ..stages.ingest import count_articles
from ..store import open_store
from ..watch import run_alerts
from ..watch.alerts import AlertRun
from ._app import app, err, fail, print_rows, say

#: Exit status after Ctrl-C, as a shell reports a process killed by SIGINT (128 + 2).
EXIT_INTERRUPTED = 130


class _RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "… articles/s", style="progress.data.speed")


class _Reporter:
    """Progress of a run: a rich bar (count, rate, ETA) on a terminal, else a summary line every ``every`` seconds."""

    def __init__(self, total: int | None, *, every: float) -> None:
        self.total = total
        self.every = every
        self.done = 0
        self.started = time.monotonic()
        self._last = self.started
        self._progress: Progress | None = None
        if err.is_terminal:
            columns: list[Any] = [SpinnerColumn(), TextColumn("coding"), BarColumn(), MofNCompleteColumn(), _RateColumn()]
            if total is not None:
                columns.append(TimeRemainingColumn())
            # streamed JSON Lines must reach stdout even when only stderr is a terminal (rich would reprint it on stderr)
            self._progress = Progress(*columns, console=err, transient=True, redirect_stdout=sys.stdout.isatty(), redirect_stderr=False)
            self._task = self._progress.add_task("coding", total=total)

    def __enter__(self) -> Self:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, count: int) -> None:
        self.done += count
        if self._progress is not None:
            self._progress.advance(self._task, count)
            return
        now = time.monotonic()
        if now - self._last >= self.every:
            self._last = now
            err.print(self.summary(now), highlight=False, soft_wrap=True)

    def summary(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        text = f"progress: {self.done}" + (f"/{self.total}" if self.total is not None else "") + f" article(s), {rate:.1f}/s"
        if self.total is not None and rate > 0 and self.done < self.total:
            text += f", about {_duration((self.total - self.done) / rate)} left"
        return text


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def _write_jsonl(events: list[dict[str, Any]]) -> None:
    sys.stdout.write("".join(json.dumps(event, ensure_ascii=False, default=str) + "\n" for event in events))
    sys.stdout.flush()


@app.command("code")
def code_cli(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin (text, Markdown, HTML, JSON Lines).")],
    lang: Annotated[
        str | None, typer.Option("--lang", help="Force the language of every article (fr); default: detect per article.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output: table, jsonl (streamed as articles are coded) or json.")] = "table",
    db: Annotated[str, typer.Option("--db", help="Database file (DuckDB).")] = "tocsin.duckdb",
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor dictionary (TOML); repeatable.")] = None,
    no_store: Annotated[bool, typer.Option("--no-store", help="Code and print only; store nothing.")] = False,
    no_alerts: Annotated[bool, typer.Option("--no-alerts", help="Do not run the alert rules after storing.")] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Coding processes (default: the machine's cores); this one reads and stores, in input order."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date (YYYY-MM-DD) of inputs that carry none; relative dates resolve against it."),
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles saved per transaction (and sent to a worker at a time).")
    ] = 64,
    progress_every: Annotated[
        float, typer.Option("--progress-every", min=0, help="When stderr is not a terminal, print a progress line every this many seconds.")
    ] = 10.0,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", help="Configuration file (TOML) merged over tocsin's defaults: stages, their settings (docs/configuration.md)."
        ),
    ] = None,
) -> None:
    """Code the political events of news articles and store them.

    Ctrl-C stops after the batch being saved, runs the alert rules on what was stored and exits with 130;
    run the same command again to resume (stored articles are skipped).
    """
    if fmt not in ("table", "jsonl", "json"):
        fail(f"--format must be table, jsonl or json, not {fmt!r}", 2)
    stream = fmt == "jsonl"
    try:
        with active_config(config):  # the workers this run starts inherit it
            # keep_open=False: the file is open only while a batch is checked or saved, so `tocsin serve`,
            # `tocsin events` and Python can read (and write) the database while this runs
            store = None if no_store else open_store(db, keep_open=False)
            with _Reporter(count_articles(paths), every=progress_every) as reporter:
                report = code_sources(
                    paths,
                    store,
                    lang=lang,
                    actors=actors or (),
                    published=published,
                    workers=workers or os.cpu_count() or 1,
                    batch_size=batch_size,
                    collect_events=not stream,
                    on_events=_write_jsonl if stream else None,
                    on_progress=reporter.advance,
                )
            alerts, alerts_skipped = _run_alerts(store, report, no_alerts)
    except TocsinError as exc:
        fail(str(exc))
    if not stream:
        print_rows(report.events, fmt, title="events")
    _summarise(report, alerts, alerts_skipped, db=db, no_store=no_store)


def _run_alerts(store: Any, report: RunReport, no_alerts: bool) -> tuple[AlertRun | None, bool]:
    """Run the alert rules on the store after a run, and close it: (the rules' result or None, whether a Ctrl-C skipped them)."""
    alerts = None
    alerts_skipped = False
    if store is not None:
        # a rerun that met stored articles runs the rules too: a run killed between its last save and its
        # alert step left events no rule has seen (alert ids are stable, so nothing is raised twice)
        if not no_alerts and (report.events_added or report.articles_known):
            try:
                with store.session(write=True):
                    alerts = run_alerts(store)
            except KeyboardInterrupt:  # a second Ctrl-C: the events stay stored, the rules can run later
                alerts_skipped = report.interrupted = True
        store.close()
    return alerts, alerts_skipped


def _summarise(report: RunReport, alerts: AlertRun | None, alerts_skipped: bool, *, db: str, no_store: bool) -> None:
    """Print the run's failures and counts; exit 130 after Ctrl-C, 1 when an input failed."""
    for where, message in report.failures:
        say(message, label="skipped:")
    say(
        f"{report.articles_read} article(s) read, {report.articles_coded} coded, {report.articles_known} already stored, "
        f"{report.events_added} event(s) added"
        + (f" to {db}" if not no_store else "")
        + (f"; {report.failed} input(s) failed" if report.failed else "")
    )
    if alerts is not None and alerts.added:
        say(f"{len(alerts.added)} new alert(s): `tocsin alerts --db {db}` lists them")
    if report.interrupted:
        where = "nothing was stored (--no-store)" if no_store else f"{report.articles_added} article(s) stored in {db}"
        say(
            f"{where}, {report.events_added} event(s)"
            + (", alert rules run on them" if alerts is not None else "")
            + (f", alert rules not run (run `tocsin alerts --db {db}`)" if alerts_skipped else "")
            + ". To resume, run the same command again: articles already stored are skipped.",
            label="interrupted:",
        )
        raise typer.Exit(EXIT_INTERRUPTED)
    if report.failed:
        raise typer.Exit(1)
