"""``tocsin series``, ``tocsin ladder``, ``tocsin alerts``: watch escalation in the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import TocsinError
from ..store import open_store
from ..store.faults import driver_errors
from ..watch import RUNGS, ladder, list_alerts, load_rules, run_alerts, series
from ..watch.records import records
from ._app import app, err, fail, print_rows, say

SERIES_COLUMNS = ("period", "events", "conflict", "cooperation", "goldstein_mean", "share", "balance", "escalation", "rung", "nuclear")
LADDER_COLUMNS = ("pair", "rung", "rung_name", "score", "nuclear", "events", "conflict", "cooperation", "last_date", "dormant")
ALERT_COLUMNS = ("period", "pair", "rule", "score", "message", "also", "n_evidence")


def _for_table(rows: list[dict[str, Any]], fmt: str) -> list[dict[str, Any]]:
    """For the table only: floats to 3 significant decimals, evidence as a count, an alert's reasons as the number of
    other rules that fired on its pair and period (JSON and CSV keep everything)."""
    if fmt != "table":
        return rows
    out = []
    for row in rows:
        row = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in row.items()}
        if isinstance(row.get("evidence"), list):
            row["n_evidence"] = len(row["evidence"])
        if isinstance(row.get("reasons"), list):
            row["also"] = len(row["reasons"]) or None  # how many other rules fired (their names: --format jsonl, reasons)
        out.append(row)
    return out


def _say_undated(frame: Any) -> None:
    """One line on stderr (so piped output stays data): how many events had no date and were left out."""
    undated = int(frame.attrs.get("undated", 0))
    if undated:
        err.print(
            f"{undated} undated event(s) left out: neither their text nor their article gives a date"
            " (date articles with `tocsin code --published` or a `published` field in JSON Lines).",
            highlight=False,
            soft_wrap=True,
        )


@app.command("series")
def series_cli(
    pair: Annotated[
        str | None,
        typer.Option(
            "--pair", help="SRC>TGT (directed) or SRC-TGT (either way), e.g. 'RUS>IGOWSTNAT' (NATO; quote it: > redirects in a shell)."
        ),
    ] = None,
    country: Annotated[str | None, typer.Option("--country", help="One side's code (RUS): its events either way.")] = None,
    level: Annotated[str, typer.Option("--level", help="country (RUSMIL counts as RUS) or actor (full codes).")] = "country",
    freq: Annotated[str, typer.Option("--freq", help="week or day.")] = "week",
    since: Annotated[str | None, typer.Option("--since", help="First date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last date (YYYY-MM-DD).")] = None,
    source: Annotated[str, typer.Option("--source", help="tocsin (coded events) or gdelt (rows of tocsin import-gdelt).")] = "tocsin",
    min_confidence: Annotated[
        float | None, typer.Option("--min-confidence", help="Count events at or above this confidence (default 0.6; 0 counts all).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output: table, jsonl, json or csv.")] = "table",
    db: Annotated[str, typer.Option("--db", help="Database file (DuckDB).")] = "tocsin.duckdb",
) -> None:
    """Daily or weekly event series of a pair, a country, or everything."""
    try:
        with driver_errors(db), open_store(db, read_only=True) as store:
            frame = series(
                store,
                pair=pair,
                country=country,
                level=level,
                freq=freq,
                since=since,
                until=until,
                source=source,
                min_confidence=min_confidence,
            )
    except TocsinError as exc:
        fail(str(exc))
    rows = records(frame)
    print_rows(_for_table(rows, fmt), fmt, columns=SERIES_COLUMNS, title=f"{pair or country or 'all events'}, per {freq}")
    _say_undated(frame)


@app.command("ladder")
def ladder_cli(
    pair: Annotated[str | None, typer.Option("--pair", help="One pair ('RUS>IGOWSTNAT', quoted); default: every pair.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="First date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="End of the window (default: the latest day stored).")] = None,
    window: Annotated[
        int | None,
        typer.Option("--window", help="Days up to --until that set the current rung (default: tuning.watch.ladder_window_days, 28)."),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many pairs.")] = None,
    source: Annotated[str, typer.Option("--source", help="tocsin (coded events) or gdelt (rows of tocsin import-gdelt).")] = "tocsin",
    min_confidence: Annotated[
        float | None, typer.Option("--min-confidence", help="Read events at or above this confidence (default 0.6; 0 reads all).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output: table, jsonl, json or csv.")] = "table",
    db: Annotated[str, typer.Option("--db", help="Database file (DuckDB).")] = "tocsin.duckdb",
) -> None:
    """Where each pair stands on the escalation ladder (statements ... nuclear signalling ... mass violence)."""
    try:
        with driver_errors(db), open_store(db, read_only=True) as store:
            frame = ladder(
                store, pair=pair, since=since, until=until, window=window, limit=limit, source=source, min_confidence=min_confidence
            )
    except TocsinError as exc:
        fail(str(exc))
    print_rows(_for_table(records(frame), fmt), fmt, columns=LADDER_COLUMNS, title="escalation ladder: " + " < ".join(RUNGS))
    _say_undated(frame)


@app.command("alerts")
def alerts_cli(
    pair: Annotated[
        str | None, typer.Option("--pair", help="Only this pair ('RUS>IGOWSTNAT', quoted, or RUS-IGOWSTNAT for both ways).")
    ] = None,
    rule: Annotated[str | None, typer.Option("--rule", help="Only this rule.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only alerts whose period (week or day) reaches this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only alerts whose period starts on or before this date (YYYY-MM-DD).")
    ] = None,
    rules: Annotated[Path | None, typer.Option("--rules", help="Alert rules (TOML); default: tocsin/data/watch/alerts.toml.")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST every alert not yet posted to this URL as JSON.")] = None,
    no_detect: Annotated[bool, typer.Option("--no-detect", help="List stored alerts only; do not run the rules.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many alerts.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output: table, jsonl, json or csv.")] = "table",
    db: Annotated[str, typer.Option("--db", help="Database file (DuckDB).")] = "tocsin.duckdb",
) -> None:
    """Run the alert rules over the store, keep the new alerts, and list them (newest first)."""
    try:
        with driver_errors(db), open_store(db, read_only=no_detect) as store:
            if not no_detect:
                run = run_alerts(store, load_rules(rules), webhook=webhook)
                err.print(
                    f"{run.detected} alert(s) raised, {len(run.added)} new" + (f", {run.posted} posted" if webhook else ""), highlight=False
                )
                for problem in run.post_errors:
                    say(f"{problem} (kept; posted on the next run)", label="webhook:")
            rows = list_alerts(store, pair=pair, rule=rule, since=since, until=until, limit=limit)
    except TocsinError as exc:
        fail(str(exc))
    print_rows(_for_table(rows, fmt), fmt, columns=ALERT_COLUMNS, title=f"{len(rows)} alert(s)")
