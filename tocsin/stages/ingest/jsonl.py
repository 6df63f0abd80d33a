"""JSON Lines inputs: one article per line.

Each line is an object ``{id?, title?, text, url?, outlet?, published?, lang?}`` (the article record,
:class:`~tocsin.stages.ingest.record.ArticleRecord`, the schema ``POST /api/articles`` takes too);
other keys are ignored. A bad line is reported (with its line number) and
skipped; the other lines still yield articles. A ``.json`` file may also hold
a single JSON document: one such object, or an array of them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import ValidationError

from ...errors import Errors, ExtractError, IngestError, Warnings
from ...models import Article
from .clean import finish_article, printable
from .record import ArticleRecord, first_problem, json_type

OnFailure = Callable[[IngestError], None]
Malformed = Callable[[str, int, str], ExtractError]
"""Builds the error of a malformed record from ``(path, line, detail)``."""


def parse_jsonl(text: str, *, path: str, on_failure: OnFailure) -> Iterator[Article]:
    """Yield one article per non-blank line of JSON Lines ``text``.

    Args:
        text: the decoded file.
        path: the file's name, used in ``origin`` (``path:line``) and messages.
        on_failure: called with an :class:`ExtractError` (E005/E008) per bad line.
    """
    seen: dict[str, int] = {}  # id -> line of its first record
    # Split on "\n" only: JSON strings may legally hold U+2028 and friends,
    # which str.splitlines() would treat as line breaks.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            article = parse_record(load_line(line, path=path, line=number), path=path, line=number)
            check_unique(article.id, seen, path=path, line=number)
        except IngestError as exc:
            on_failure(exc)
            continue
        yield article


def load_line(raw: str, *, path: str, line: int) -> Any:
    """The JSON value of one line.

    RAISES: ExtractError E005 (invalid JSON) or E015 (nested too deeply for Python's reader), naming ``path:line``.
    """
    try:
        return json.loads(raw)
    except ValueError as exc:
        detail = f"invalid JSON: {getattr(exc, 'msg', exc)} at column {getattr(exc, 'colno', '?')}"
        raise _malformed(path, line, detail) from exc
    except RecursionError as exc:
        message = Errors.E015.format(path=printable(path), line=line, limit=sys.getrecursionlimit())
        raise ExtractError(message, path=path, line=line) from exc


def check_unique(article_id: str, seen: dict[str, int], *, path: str, line: int) -> None:
    """Record ``article_id`` as seen at ``line``. RAISES: IngestError (W003) if an earlier line of the file had it."""
    first = seen.setdefault(article_id, line)
    if first != line:
        raise IngestError(Warnings.W003.format(path=printable(path), line=line, id=article_id, first=first), path=path, line=line)


def parse_json(text: str, *, path: str, on_failure: OnFailure) -> Iterator[Article]:
    """Yield the articles of a ``.json`` file: one object, an array of objects, or JSON Lines.

    For a JSON array, ``line`` in origins and messages is the item's number (from 1).
    """
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        document = None  # not one JSON document: read it as JSON Lines (which names the bad line)
    if isinstance(document, dict):
        records: list[Any] = [document]
    elif isinstance(document, list):
        records = document
    else:
        yield from parse_jsonl(text, path=path, on_failure=on_failure)
        return
    seen: dict[str, int] = {}
    for number, record in enumerate(records, start=1):
        try:
            article = parse_record(record, path=path, line=number)
            check_unique(article.id, seen, path=path, line=number)
        except IngestError as exc:
            on_failure(exc)
            continue
        yield article


def parse_record(record: Any, *, path: str, line: int, malformed: Malformed | None = None) -> Article:
    """Validate one decoded record (:class:`~tocsin.stages.ingest.record.ArticleRecord`) and make it an article.

    Args:
        malformed: builds the error of a malformed record; default E005 (a JSON Lines record).
            The Parquet reader passes its own (E011, a Parquet row).
    Raises:
        ExtractError: E005 for a malformed record (not an object, wrong types,
            bad date or language code), E008 when ``text`` is missing or empty,
            E014 when a string holds a lone surrogate.
    """
    bad = malformed or _malformed
    if not isinstance(record, dict):
        raise bad(path, line, f"expected a JSON object, found {json_type(record)}")
    text = record.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise ExtractError(Errors.E008.format(path=path, line=line), path=path, line=line)
    try:
        checked = ArticleRecord.model_validate(record)
    except ValidationError as exc:
        raise bad(path, line, first_problem(record, exc.errors())) from None
    return finish_article(checked.to_article(f"{path}:{line}"), path=path, line=line)


def _malformed(path: str, line: int, detail: str) -> ExtractError:
    return ExtractError(Errors.E005.format(path=path, line=line, detail=detail), path=path, line=line)
