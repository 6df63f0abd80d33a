"""``tocsin watch``: watch RSS and Atom feeds, code every new item into the store, raise alerts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import TocsinError
from ..feeds import Fetcher, ItemOutcome, Watcher, WatchSummary, parse_every
from ..store import open_store
from ._app import app, err, fail

#: Exit status after Ctrl-C, as a shell reports a process killed by SIGINT (128 + 2).
EXIT_INTERRUPTED = 130
_STYLE = {"stored": "green", "duplicate": "cyan", "disallowed": "yellow", "failed": "red", "retry": "yellow"}


def _say_item(outcome: ItemOutcome) -> None:
    """One line per new item on stderr: ``stored <url> (3 event(s))``, or the coded message of a failure."""
    style = _STYLE.get(outcome.status, "white")
    detail = f" ({outcome.events} event(s))" if outcome.status == "stored" else f": {outcome.message}" if outcome.message else ""
    err.print(f"[{style}]{outcome.status}[/{style}] {outcome.url}{detail}", highlight=False, soft_wrap=True)


def _pass_line(summary: WatchSummary, db: str) -> str:
    new = summary.items - summary.items_known
    text = (
        f"{summary.feeds} feed(s)"
        + (
            f" ({summary.feeds_unchanged} unchanged, {summary.feeds_failed} failed)"
            if summary.feeds_unchanged or summary.feeds_failed
            else ""
        )
        + f", {summary.items} item(s), {new} new: {summary.articles_added} article(s) stored in {db} with {summary.events_added} event(s)"
    )
    extras = [
        f"{summary.duplicates} duplicate(s)" if summary.duplicates else "",
        f"{summary.disallowed} disallowed by robots.txt" if summary.disallowed else "",
        f"{summary.failed} failed" if summary.failed else "",
    ]
    text += "".join(f", {extra}" for extra in extras if extra)
    if summary.alerts_run:
        text += f"; {summary.alerts_added} new alert(s)" + (f" (`tocsin alerts --db {db}` lists them)" if summary.alerts_added else "")
    return text


@app.command("watch")
def watch_cli(
    feeds: Annotated[
        Path,
        typer.Option("--feeds", help="Feeds file (TOML) giving each feed's url, and optionally its name and lang (see docs/feeds.toml)."),
    ],
    every: Annotated[str, typer.Option("--every", help="Time between two passes: 30s, 15m, 1h.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="One pass, then exit (for cron).")] = False,
    db: Annotated[str, typer.Option("--db", help="Database file (DuckDB).")] = "tocsin.duckdb",
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor dictionary (TOML); repeatable.")] = None,
    rules: Annotated[Path | None, typer.Option("--rules", help="Alert rules (TOML); default: tocsin/data/watch/alerts.toml.")] = None,
    webhook: Annotated[
        str | None, typer.Option("--webhook", envvar="TOCSIN_WEBHOOK", help="POST every alert not yet posted to this URL as JSON.")
    ] = None,
    no_alerts: Annotated[bool, typer.Option("--no-alerts", help="Do not run the alert rules after each pass.")] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.01, help="Seconds to connect, and to wait for each read, per request.")
    ] = 10.0,
    retries: Annotated[
        int, typer.Option("--retries", min=0, help="Retries (exponential backoff) on a connection error, timeout, 5xx or 429.")
    ] = 2,
    host_delay: Annotated[float, typer.Option("--host-delay", min=0, help="Seconds between two requests to the same host.")] = 1.0,
    contact: Annotated[
        str | None, typer.Option("--contact", envvar="TOCSIN_CONTACT", help="URL or e-mail for site owners, added to the User-Agent.")
    ] = None,
) -> None:
    """Watch RSS and Atom feeds: fetch each new item's page, code it, store it, then run the alert rules.

    Items already stored (by URL, without fragment or utm_* parameters) or whose text is stored under another
    URL are skipped, so passes can be repeated and a restart resumes. Without --once, a pass runs every
    --every until Ctrl-C, which stops between two items and exits with 130.
    """
    try:
        interval = parse_every(every)
        store = open_store(db, keep_open=False)  # open only per item: `tocsin serve` and others share the file
    except TocsinError as exc:
        fail(str(exc))
    fetcher = Fetcher(timeout=timeout, retries=retries, backoff=min(1.0, timeout), host_delay=host_delay, contact=contact)

    def on_pass(summary: WatchSummary) -> None:
        for _, message in summary.warnings:
            if not message.startswith("[W011]"):  # a page robots.txt disallows was said as its item came
                err.print(f"[yellow]warning:[/yellow] {message}", highlight=False, soft_wrap=True)
        err.print(("pass: " if not once else "") + _pass_line(summary, db), highlight=False, soft_wrap=True)
        for problem in summary.alert_errors:
            err.print(f"[yellow]webhook:[/yellow] {problem} (kept; posted on the next pass)", highlight=False, soft_wrap=True)

    try:
        with Watcher(
            feeds, store, fetcher=fetcher, actors=actors or (), alerts=not no_alerts, rules=rules, webhook=webhook, on_item=_say_item
        ) as watcher:
            total = watcher.run(interval, passes=1 if once else None, on_pass=on_pass)
    except TocsinError as exc:
        fail(str(exc))
    finally:
        fetcher.close()
        store.close()
    if total.interrupted:
        err.print(
            f"[yellow]interrupted:[/yellow] {total.articles_added} article(s) stored in {db} with {total.events_added} event(s) by this run."
            " Run the same command again to resume: stored items are skipped.",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_INTERRUPTED)
    if once and total.failed:
        raise typer.Exit(1)
