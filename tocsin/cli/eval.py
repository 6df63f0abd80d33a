"""``tocsin eval``: score the coder against a gold file."""

from __future__ import annotations

import json
import sys
from bisect import bisect_right
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
    """Code each gold record's text in its own language; map record id -> events.

    Records of a whole-article set (with ``doc``, docs/annotation.md) are coded
    together as one article, sentences joined by a space and paragraphs by a
    blank line, and each event goes back to the record holding its trigger.
    """
    pipeline = pipeline or make_pipeline()
    articles: list[Article] = []
    layouts: dict[str, list[tuple[int, str]]] = {}  # article id -> (start offset, record id) of each record
    docs: dict[str, list[GoldRecord]] = {}
    for record in records:
        if record.doc:
            docs.setdefault(record.doc, []).append(record)
        else:
            articles.append(Article(text=record.text, id=record.id, lang=record.lang, published=record.date))
    for doc, members in docs.items():
        text, layout = join_article(members)
        article_id = f"doc:{doc}"
        articles.append(Article(text=text, id=article_id, lang=members[0].lang, published=members[0].date))
        layouts[article_id] = layout
    out: dict[str, list[Event]] = {}
    for article in pipeline.pipe(articles):
        article.docs = []
        records_of = layouts.get(article.id)
        if records_of is None:
            out[article.id] = list(article.events)
            continue
        for _, record_id in records_of:
            out.setdefault(record_id, [])
        starts = [start for start, _ in records_of]
        for event in article.events:
            where = event.trigger_start if event.trigger_start is not None else event.sentence_start or 0
            out[records_of[max(0, bisect_right(starts, where) - 1)][1]].append(event)
    if not out and pipeline.failures:
        raise StageError(pipeline.failures[0].message)  # nothing could be coded: a setup problem, not a score
    return out


def join_article(members: Sequence[GoldRecord]) -> tuple[str, list[tuple[int, str]]]:
    """The article text of a doc's records (by ``index``) and where each record starts in it."""
    parts: list[str] = []
    layout: list[tuple[int, str]] = []
    length = 0
    previous: int | None = None
    for record in sorted(members, key=lambda r: r.index if r.index is not None else 0):
        if parts:
            sep = "\n\n" if record.paragraph != previous else " "
            parts.append(sep)
            length += len(sep)
        layout.append((length, record.id))
        parts.append(record.text)
        length += len(record.text)
        previous = record.paragraph
    return "".join(parts), layout


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
