"""``tocsin events``: query stored events."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import TocsinError
from ..interop import GDELT_TABLE_COLUMNS, gdelt_events
from ..store import EventFilter, open_store
from ..store.faults import driver_errors
from ._app import app, fail, print_rows


@app.command("events")
def events_cli(
    actor: Annotated[str | None, typer.Option("--actor", help="Source or target code prefix (RUS matches RUSMIL).")] = None,
    dyad: Annotated[tuple[str, str] | None, typer.Option("--dyad", help="Two actor code prefixes, either direction.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="First date (YYYY-MM-DD), inclusive.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last date (YYYY-MM-DD), inclusive.")] = None,
    code: Annotated[str | None, typer.Option("--code", help="CAMEO code prefix (19 = all of root 19).")] = None,
    pair: Annotated[str | None, typer.Option("--pair", help="SRC>TGT (directed) or SRC-TGT (either way), by principal.")] = None,
    source_code: Annotated[str | None, typer.Option("--source-code", help="Source actor code prefix.")] = None,
    target_code: Annotated[str | None, typer.Option("--target-code", help="Target actor code prefix.")] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root, two digits (01-20).")] = None,
    quad: Annotated[int | None, typer.Option("--quad", help="Quad class 1-4.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO3 country of the place.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Article language (fr, en).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many events.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output: table, jsonl or csv.")] = "table",
    db: Annotated[str, typer.Option("--db", help="Database file (DuckDB).")] = "tocsin.duckdb",
    source: Annotated[
        str, typer.Option("--source", help="tocsin (coded events) or gdelt (rows loaded by import-gdelt, GDELT fields).")
    ] = "tocsin",
) -> None:
    """List stored events, filtered (the filters of the Python and REST APIs: docs/api.md, "Event filters")."""
    if fmt not in ("table", "jsonl", "csv", "json"):
        fail(f"--format must be table, jsonl or csv, not {fmt!r}", 2)
    if source not in ("tocsin", "gdelt"):
        fail(f"--source must be tocsin or gdelt, not {source!r}", 2)
    try:
        with driver_errors(db), open_store(db, read_only=True) as store:
            if source == "gdelt":
                rows = gdelt_events(store, actor=actor, dyad=dyad, since=since, until=until, code=code, limit=limit)
            else:
                where = EventFilter(
                    actor=actor, dyad=dyad, since=since, until=until, code=code, pair=pair, source=source_code,
                    target=target_code, root=root, quad=quad, country=country, lang=lang,
                )  # fmt: skip
                rows = store.events(where, limit=limit)
    except TocsinError as exc:
        fail(str(exc))
    if source == "gdelt":
        print_rows(rows, fmt, columns=GDELT_TABLE_COLUMNS, title=f"{len(rows)} imported GDELT event(s)")
    else:
        print_rows(rows, fmt, title=f"{len(rows)} event(s)")
