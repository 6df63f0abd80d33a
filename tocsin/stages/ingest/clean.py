"""The last step of ingest: every article leaves it valid Unicode, composed (NFC), with bounded runs.

Applied to every article, whatever its format (and to articles posted to the API):

* a string field holding a lone surrogate (JSON ``"\\udfff"``, or a file name that is not UTF-8) cannot be
  stored or printed: the record is refused with E014 naming the file, the line and the field;
* text, title, outlet, URL and id are NFC-normalised, so French typed in decomposed form (``e`` + U+0301)
  codes like the composed text; control characters in them become spaces (vertical tab and form feed, line
  breaks), and an id holding one is refused with E017;
* a run of more than :data:`MAX_RUN_CHARS` characters without a sentence end (a Markdown table, a text without
  punctuation) is split by paragraph breaks at line breaks or spaces, so no sentence the parser sees is longer
  and coding time stays linear in the article's length.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import replace
from itertools import chain
from typing import Any

from ...errors import Errors, ExtractError
from ...models import Article, content_id

log = logging.getLogger(__name__)

MAX_RUN_CHARS = 2_000
"""Longest stretch of text without a sentence end (``.!?…;`` before a space, or a blank line) that is kept whole."""

_FIELDS = ("id", "title", "text", "url", "outlet", "published", "lang")
_SENTENCE_END = re.compile(r"[.!?…;](?=\s)|\n[ \t]*\n")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 but tab and line feed, DEL, C1


def finish_article(article: Article, *, path: str, line: int | None = None) -> Article:
    """The article with its strings checked and NFC-normalised and its overlong runs split.

    path, line: where the article came from, for the message.
    RAISES: ExtractError (E014) if a field (or the origin, a file name) holds a lone surrogate.
    """
    check_unicode("file name", article.origin or "", path=path, line=line)
    changes: dict[str, Any] = {}  # field name -> new value, for dataclasses.replace
    for name in _FIELDS:
        value = getattr(article, name)
        if isinstance(value, str):
            check_unicode(name, value, path=path, line=line)
            if name == "id":
                _check_id(value, path=path, line=line)
            changes[name] = unicodedata.normalize("NFC", _CONTROL.sub(_control_to_space, value))
    text = changes["text"] or ""
    changes["text"] = cap_runs(text)
    if changes["text"] != text:  # reported: --verbose shows it
        where = printable(path) + (f":{line}" if line is not None else "")
        log.info("%s: text without a sentence end for more than %d characters was split into paragraphs", where, MAX_RUN_CHARS)
    if article.id == content_id(article.text):  # no id was given: hash the text as it is now
        changes["id"] = ""
    return replace(article, **changes)


def check_unicode(field: str, value: str, *, path: str, line: int | None = None) -> None:
    """RAISES: ExtractError (E014) if ``value`` holds a lone surrogate, which no UTF-8 file or database can hold."""
    found = _SURROGATE.search(value)
    if found is None:
        return
    where = printable(path) + (f":{line}" if line is not None else "")
    message = Errors.E014.format(where=where, field=field, char=f"U+{ord(found.group()):04X}", offset=found.start())
    raise ExtractError(message, path=printable(path), line=line)


def _check_id(value: str, *, path: str, line: int | None) -> None:
    found = _CONTROL.search(value)
    if found is not None:
        where = printable(path) + (f":{line}" if line is not None else "")
        message = Errors.E017.format(where=where, char=f"U+{ord(found.group()):04X}", offset=found.start())
        raise ExtractError(message, path=printable(path), line=line)


def _control_to_space(match: re.Match[str]) -> str:
    return "\n" if match.group() in "\x0b\x0c" else " "


def printable(name: str) -> str:
    """``name`` with lone surrogates (bytes of a file name that is not UTF-8) shown as ``\\udcff`` escapes."""
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def cap_runs(text: str) -> str:
    """``text`` with every run longer than MAX_RUN_CHARS between sentence ends split by blank lines."""
    if len(text) <= MAX_RUN_CHARS:
        return text
    parts: list[str] = []
    pos = 0
    for match in chain(_SENTENCE_END.finditer(text), [None]):
        end = match.end() if match is not None else len(text)
        parts.append(_split_run(text[pos:end]))
        pos = end
    return "".join(parts)


def _split_run(run: str) -> str:
    """One run cut into pieces of at most MAX_RUN_CHARS, at the last line break, else space, of each window."""
    core = run.strip()
    if len(core) <= MAX_RUN_CHARS:
        return run
    lead, trail = run[: len(run) - len(run.lstrip())], run[len(run.rstrip()) :]
    run = core
    pieces: list[str] = []
    start = 0
    while len(run) - start > MAX_RUN_CHARS:
        limit = start + MAX_RUN_CHARS
        cut = run.rfind("\n", start + 1, limit)
        if cut <= start:
            cut = max(run.rfind(" ", start + 1, limit), run.rfind("\t", start + 1, limit))
        if cut <= start:
            cut = limit  # one "word" longer than the limit: cut inside it
        pieces.append(run[start:cut])
        start = cut
    pieces.append(run[start:])
    return lead + "\n\n".join(piece.strip() for piece in pieces if piece.strip()) + trail


__all__ = ["MAX_RUN_CHARS", "cap_runs", "check_unicode", "finish_article", "printable"]
