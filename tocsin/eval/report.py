"""Plain-text rendering of an :class:`~tocsin.eval.score.EvalReport` for a terminal."""

from __future__ import annotations

from collections.abc import Sequence

from .gold import TYPE_LEVELS
from .score import NONE_LABEL, Accuracy, EvalReport, LevelScores

# Largest number of types shown in a confusion matrix (most frequent first).
_CONFUSION_TOP = 10


def render_text(report: EvalReport, *, confusion_top: int = _CONFUSION_TOP) -> str:
    """Render a report as plain text: level table, per-type tables, confusion matrices, actors.

    report: the result of :func:`~tocsin.eval.score`.
    confusion_top: how many of the most frequent types each confusion matrix shows.
    Returns the text, ending with a newline.
    DOCS: /work/shared/gold/README.md
    """
    lines = [
        f"records {report.records}   gold events {report.events_gold}   predicted events {report.events_predicted}",
        "",
    ]
    levels = [report.levels[name] for name in TYPE_LEVELS if name in report.levels]
    if levels:
        lines += _level_table(levels)
    for level in levels:
        lines += ["", *_per_type_table(level)]
        lines += ["", *_confusion_table(level, confusion_top)]
    lines += ["", *_actor_table(report)]
    return "\n".join(lines) + "\n"


def _level_table(levels: Sequence[LevelScores]) -> list[str]:
    rows = [["level", "records", "P", "R", "F1", "support", "TP", "FP", "FN"]]
    for level in levels:
        counts = level.counts
        rows.append(
            [
                level.name,
                str(level.records),
                _num(counts.precision),
                _num(counts.recall),
                _num(counts.f1),
                str(counts.support),
                str(counts.tp),
                str(counts.fp),
                str(counts.fn),
            ]
        )
    lines = _table(rows)
    for level in levels:
        if level.single_label.n:
            lines.append(
                f"{level.name}, single-label records ({level.single_label.n}): accuracy {_num(level.single_label.value)}   macro F1 {_num(level.macro_f1)}"
            )
    return lines


def _per_type_table(level: LevelScores) -> list[str]:
    rows = [[f"{level.name} type", "P", "R", "F1", "support", "TP", "FP", "FN"]]
    for label, counts in sorted(level.per_type.items(), key=lambda item: (-item[1].support, item[0])):
        rows.append(
            [
                label,
                _num(counts.precision),
                _num(counts.recall),
                _num(counts.f1),
                str(counts.support),
                str(counts.tp),
                str(counts.fp),
                str(counts.fn),
            ]
        )
    return _table(rows)


def _confusion_table(level: LevelScores, top: int) -> list[str]:
    totals: dict[str, int] = {}
    for gold, row in level.confusion.items():
        for predicted, count in row.items():
            for label in (gold, predicted):
                if label != NONE_LABEL:
                    totals[label] = totals.get(label, 0) + count
    labels = sorted(totals, key=lambda label: (-totals[label], label))[:top] + [NONE_LABEL]
    title = f"{level.name} confusion (rows gold, columns predicted"
    title += f"; top {top} of {len(totals)} types)" if len(totals) > top else ")"
    rows = [["gold \\ pred", *labels]]
    for gold in labels:
        row = level.confusion.get(gold, {})
        rows.append([gold, *(str(row.get(predicted, 0)) if row.get(predicted) else "." for predicted in labels)])
    return [title, *_table(rows)]


def _actor_table(report: EvalReport) -> list[str]:
    actors = report.actors
    entries: list[tuple[str, Accuracy]] = [
        ("source code (exact)", actors.source_code),
        ("source country", actors.source_country),
        ("target code (exact)", actors.target_code),
        ("target country", actors.target_country),
        ("source text overlap", actors.source_text_overlap),
        ("target text overlap", actors.target_text_overlap),
        ("triple (source, target, cameo)", actors.triple),
    ]
    rows = [["actors", "score", "n"]]
    rows += [[name, _num(accuracy.value), str(accuracy.n)] for name, accuracy in entries]
    lines = _table(rows)
    lines.append(f"gold events matched for actor scoring: {actors.events_matched}, unmatched: {actors.events_unmatched}")
    return lines


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _table(rows: list[list[str]]) -> list[str]:
    """Left-align the first column, right-align the rest."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for index, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:])]
        out.append("  ".join(cells).rstrip())
        if index == 0:
            out.append("  ".join("-" * width for width in widths))
    return out


__all__ = ["render_text"]
