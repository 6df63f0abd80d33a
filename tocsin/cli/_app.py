"""The Typer application and the helpers every command shares."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

app = typer.Typer(
    name="tocsin",
    no_args_is_help=True,
    add_completion=False,
    help="tocsin: code political events in French and English news, store them, and watch escalation.",
)

err = Console(stderr=True)
# a pipe or a CI log gets a wide table rather than rich's 80-column default
out = Console() if Console().is_terminal else Console(width=160)


class _OneLine(logging.Formatter):
    """A log record as one line: ``warning: UserWarning: message (logger)``; a captured Python warning loses its source line."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.name == "py.warnings":  # "path:line: Category: text\n  source line"
            first = message.strip().splitlines()[0] if message.strip() else message
            parts = first.split(": ", 2)
            message = ": ".join(parts[1:]) if len(parts) == 3 else first
        return f"{record.levelname.lower()}: {message} ({record.name})"


def configure_logging(*, verbose: bool = False) -> None:
    """Send Python warnings (UserWarning from libraries and tocsin's own) and tocsin's logs through logging.

    One stderr handler, one line per record: errors only by default (input failures are reported by the
    commands themselves), and warnings and progress details with ``--verbose``.
    """
    logging.captureWarnings(True)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    handler.set_name("tocsin-cli")
    for name in ("tocsin", "py.warnings"):
        logger = logging.getLogger(name)
        for old in [h for h in logger.handlers if h.get_name() == "tocsin-cli"]:
            logger.removeHandler(old)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO if verbose else logging.ERROR)
        logger.propagate = False


def _show_version(value: bool) -> None:
    if value:
        from ..about import __version__

        sys.stdout.write(f"tocsin {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True, help="Print tocsin's version and exit."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log warnings (library ones too) and details on stderr, one line each."),
) -> None:
    """tocsin: code political events in French and English news, store them, and watch escalation."""
    configure_logging(verbose=verbose)


EVENT_COLUMNS = (
    "article_id",
    "event_date",
    "source_code",
    "cameo",
    "target_code",
    "plover",
    "place",
    "num_sources",
    "confidence",
    "trigger",
)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # not \t or \n
_SURROGATE = re.compile("[\ud800-\udfff]")

_PAIR_HINT = " In a shell, quote the pair: --pair 'RUS>IGOWSTNAT' (unquoted, > redirects the output to a file named after the target)."


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one red line on stderr and exit non-zero; ``message`` is text, never markup (it holds user values)."""
    if "Invalid value for pair" in message and _PAIR_HINT not in message:
        message += _PAIR_HINT
    err.print(f"[red]error:[/red] {escape(printable(message))}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code)


def printable(value: str) -> str:
    """``value`` safe for a terminal: control characters (ESC sequences too) and lone surrogates shown as escapes."""
    value = value.encode("utf-8", "backslashreplace").decode("utf-8") if _SURROGATE.search(value) else value
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", value)


def say(message: str, *, label: str = "", style: str = "yellow") -> None:
    """Print one line on stderr: an optional coloured ``label``, then ``message`` as text (never read as markup)."""
    line = Text.assemble((label, style), " ", printable(message)) if label else Text(printable(message))
    err.print(line, highlight=False, soft_wrap=True)


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
        table = Table(
            title=Text(printable(title)) if title else None, show_lines=False
        )  # titles and cells hold user values: text, not markup
        for col in columns:
            if col == "trigger":
                table.add_column(col, overflow="fold", ratio=3)
            else:
                table.add_column(col, no_wrap=True, overflow="ellipsis", max_width=22 if col == "article_id" else None)
        for row in rows:
            table.add_row(*(Text("" if row.get(c) is None else printable(str(row.get(c)))) for c in columns))
        out.print(table)
