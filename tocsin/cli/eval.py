"""``tocsin eval``: score the coder against a gold file."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated

import typer

from ..coder import make_pipeline
from ..errors import StageError, TocsinError
from ..eval import EvalReport, GoldRecord, evaluate, render_text
from ..models import Article, Event
from ..pipeline import Pipeline
from ._app import app, fail


def code_gold(records: list[GoldRecord], *, pipeline: Pipeline | None = None) -> Mapping[str, Sequence[Event]]:
    """Code each gold record's text in its own language; map record id -> events."""
    pipeline = pipeline or make_pipeline()
    articles = [Article(text=r.text, id=r.id, lang=r.lang, published=r.date) for r in records]
    out: dict[str, Sequence[Event]] = {}
    for article in pipeline.pipe(articles):
        article.docs = []
        out[article.id] = article.events
    if not out and pipeline.failures:
        raise StageError(pipeline.failures[0].message)  # nothing could be coded: a setup problem, not a score
    return out


def evaluate_file(path: str | Path) -> EvalReport:
    """Score tocsin's coder on a gold JSONL file."""
    return evaluate(path, code_gold)


@app.command("eval")
def eval_cli(
    gold: Annotated[Path, typer.Argument(help="Gold JSON Lines file (see gold/README.md for the format).")],
    fmt: Annotated[str, typer.Option("--format", help="Output: text or json.")] = "text",
) -> None:
    """Score the coder against a gold event file: P/R/F1 per level, actor accuracy, confusion."""
    if fmt not in ("text", "json"):
        fail(f"--format must be text or json, not {fmt!r}", 2)
    try:
        report = evaluate_file(gold)
    except TocsinError as exc:
        fail(str(exc))
    if fmt == "json":
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(report) + "\n")
