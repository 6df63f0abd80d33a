"""Evaluation against gold event sets: load gold JSON Lines, score a coder, render the result."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from ..models import Event
from .gold import GoldEvent, GoldRecord, load_gold
from .report import render_text
from .score import EvalReport, score


def evaluate(gold_path: str | Path, code_texts: Callable[[list[GoldRecord]], Mapping[str, Sequence[Event]]]) -> EvalReport:
    """Load a gold file, code its texts and score the result.

    gold_path: a gold ``.jsonl`` file.
    code_texts: called once with the gold records; returns record id -> the
        coder's events for that record's text.
    Returns the :class:`EvalReport`.
    DOCS: /work/shared/gold/README.md
    """
    records = load_gold(gold_path)
    return score(records, code_texts(records))


__all__ = ["EvalReport", "GoldEvent", "GoldRecord", "evaluate", "load_gold", "render_text", "score"]
