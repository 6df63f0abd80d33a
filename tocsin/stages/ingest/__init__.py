"""Ingest: turn files, directories and stdin into :class:`~tocsin.models.Article` objects.

Formats, chosen by extension: plain text (``.txt``, ``.text``), Markdown
(``.md``, ``.markdown``), HTML (``.html``, ``.htm``), JSON Lines
(``.jsonl``, ``.json``) and Parquet (``.parquet``, one article per row). Bad inputs never raise: each becomes an
:class:`IngestFailure` in the :class:`IngestReport`, is logged at WARNING,
and the batch goes on.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ...errors import IngestError
from ...models import Article
from .files import FORMATS, MAX_BYTES, count_articles, parse_file, parse_stream, walk_source

log = logging.getLogger(__name__)

STDIN = "-"


@dataclass
class IngestFailure:
    """An input (file, or one line of a JSON Lines file) that gave no article."""

    path: str
    line: int | None
    message: str  # the coded error text, e.g. "[E005] data.jsonl:3: malformed ..."


@dataclass
class IngestReport:
    """What a call to :func:`read_articles` read and what failed.

    ``files`` counts the inputs opened or attempted (files found or named,
    and stdin), ``articles`` the articles yielded.
    """

    failures: list[IngestFailure] = field(default_factory=list)
    files: int = 0
    articles: int = 0


def read_articles(
    sources: Sequence[str | Path],
    *,
    report: IngestReport | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Article]:
    """Yield the articles of every source, in order.

    Args:
        sources: files, directories (walked recursively, sorted, hidden files
            skipped) or ``"-"`` for stdin (JSON Lines if every non-empty line
            is a JSON object, else plain text).
        report: filled with counts and failures as the iterator is consumed.
        stdin: the stream read for ``"-"``; defaults to ``sys.stdin``.

    Returns:
        An iterator of articles; failures go to ``report`` and the log, never raised.
    """
    report = report if report is not None else IngestReport()

    def _on_failure(exc: IngestError) -> None:
        message = str(exc)
        log.warning(message)
        report.failures.append(IngestFailure(path=exc.path or "", line=exc.line, message=message))

    for source in sources:
        if str(source) == STDIN:
            report.files += 1
            articles = parse_stream(stdin if stdin is not None else sys.stdin, on_failure=_on_failure)
            for article in articles:
                report.articles += 1
                yield article
            continue
        for path in walk_source(Path(source), on_failure=_on_failure):
            report.files += 1
            for article in parse_file(path, on_failure=_on_failure):
                report.articles += 1
                yield article


__all__ = ["FORMATS", "MAX_BYTES", "IngestFailure", "IngestReport", "count_articles", "read_articles"]
