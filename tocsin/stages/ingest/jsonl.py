"""JSON Lines inputs: one article per line.

Each line is an object ``{id?, title?, text, url?, outlet?, published?, lang?}``;
other keys are ignored. A bad line is reported (with its line number) and
skipped; the other lines still yield articles. A ``.json`` file may also hold
a single JSON document: one such object, or an array of them.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from ...errors import Errors, ExtractError, IngestError, Warnings
from ...models import Article, is_iso_published
from .clean import finish_article, printable

OnFailure = Callable[[IngestError], None]
Malformed = Callable[[str, int, str], ExtractError]
"""Builds the error of a malformed record from ``(path, line, detail)``."""

_OPTIONAL_STRINGS = ("title", "url", "outlet")
_LANG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$")


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
    """Validate one decoded record and make it an article.

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
        raise bad(path, line, f"expected a JSON object, found {_json_type(record)}")
    text = record.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise ExtractError(Errors.E008.format(path=path, line=line), path=path, line=line)
    if not isinstance(text, str):
        raise bad(path, line, f'"text" must be a string, found {_json_type(text)}')
    fields: dict[str, str | None] = {}
    for key in _OPTIONAL_STRINGS:
        fields[key] = _optional_string(record, key, path=path, line=line, bad=bad)
    article = Article(
        text=text.replace("\r\n", "\n").strip(),
        id=_record_id(record.get("id"), path=path, line=line, bad=bad),
        published=_published(record, path=path, line=line, bad=bad),
        lang=_lang(record, path=path, line=line, bad=bad),
        origin=f"{path}:{line}",
        **fields,
    )
    return finish_article(article, path=path, line=line)


def _record_id(value: Any, *, path: str, line: int, bad: Malformed) -> str:
    if value is None:
        return ""  # Article falls back to a content hash
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise bad(path, line, f'"id" must be a string or an integer, found {_json_type(value)}')
    return str(value).strip()  # 7, "7" and " 7 " are one id


def _optional_string(record: dict[str, Any], key: str, *, path: str, line: int, bad: Malformed) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise bad(path, line, f'"{key}" must be a string, found {_json_type(value)}')
    return value.strip() or None


def _published(record: dict[str, Any], *, path: str, line: int, bad: Malformed) -> str | None:
    value = _optional_string(record, "published", path=path, line=line, bad=bad)
    if value is None:
        return None
    if not is_iso_published(value):
        detail = f'"published" must be an ISO date or datetime such as "2024-05-17" or "2024-05-17T09:30:00Z", found {value!r}'
        raise bad(path, line, detail)
    return value


def _lang(record: dict[str, Any], *, path: str, line: int, bad: Malformed) -> str | None:
    value = _optional_string(record, "lang", path=path, line=line, bad=bad)
    if value is None:
        return None
    match = _LANG.match(value.lower())
    if match is None:
        raise bad(path, line, f'"lang" must be a language code such as "fr" or "en", found {value!r}')
    return match.group(1)


def _malformed(path: str, line: int, detail: str) -> ExtractError:
    return ExtractError(Errors.E005.format(path=path, line=line, detail=detail), path=path, line=line)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
