"""Gold event records: the tocsin gold JSON Lines format (version 1).

The format is described in ``gold/README.md`` of the shared data: one JSON
object a line with ``id``, ``lang``, ``text``, ``date``, ``events`` and
``annotated``. :func:`load_gold` validates every line and derives the type
levels a record leaves empty (``root`` from ``cameo``, ``quad``/``penta`` from
``root``) so that scoring can look them up; which levels are *scored* is still
decided by ``annotated`` alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..codebook import is_code, lookup
from ..errors import Errors, GoldError

# The event-type levels, most specific first (the order actor matching uses).
TYPE_LEVELS: tuple[str, ...] = ("plover", "root", "quad", "penta")


@dataclass
class GoldEvent:
    """One annotated event of a gold record. Missing values are ``None``."""

    source_code: str | None = None
    source_text: str | None = None
    target_code: str | None = None
    target_text: str | None = None
    cameo: str | None = None
    root: str | None = None
    quad: int | None = None
    penta: int | None = None
    plover: str | None = None
    mode: str | None = None
    trigger: str | None = None
    # where the act happened (real-news sets): the place's words and its country (ISO3)
    place_text: str | None = None
    place_country: str | None = None


@dataclass
class GoldRecord:
    """One gold text with its events and the fields its annotators filled in."""

    id: str
    lang: str | None
    text: str
    date: str | None
    events: list[GoldEvent] = field(default_factory=list)
    annotated: tuple[str, ...] = ()
    # whole-article sets (docs/annotation.md): the article a sentence belongs to, its paragraph and its rank
    doc: str | None = None
    paragraph: int | None = None
    index: int | None = None

    def is_annotated(self, name: str) -> bool:
        return name in self.annotated

    @property
    def single_label(self) -> bool:
        """True for a penta-only record (one PentaClass label per sentence, as in ConfliBERT)."""
        return "penta" in self.annotated and not any(name in self.annotated for name in ("plover", "root", "quad", "cameo"))


class _Malformed(Exception):
    """Internal: one line's problem, turned into a GoldError with file and line."""


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Read a gold JSON Lines file.

    path: the ``.jsonl`` file.
    Returns the records in file order. Raises :class:`GoldError` naming the
    file and line of the first malformed record (E401), on a file with no
    records (E402), on a duplicate id (E403) or an unreadable file (E404).
    DOCS: /work/shared/gold/README.md
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(Errors.E404.format(path=path, detail=exc)) from exc
    records: list[GoldRecord] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = _parse_record(line)
        except _Malformed as exc:
            raise GoldError(Errors.E401.format(path=path, line=number, detail=exc)) from None
        if record.id in first_line:
            raise GoldError(Errors.E403.format(path=path, line=number, id=record.id, first=first_line[record.id]))
        first_line[record.id] = number
        records.append(record)
    if not records:
        raise GoldError(Errors.E402.format(path=path))
    return records


def _parse_record(line: str) -> GoldRecord:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Malformed(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(data, dict):
        raise _Malformed(f"expected a JSON object, found {type(data).__name__}")
    record_id = _get(data, "id", str, required=True)
    text = _get(data, "text", str, required=True)
    events = data.get("events")
    if not isinstance(events, list):
        raise _Malformed("'events' must be a list (use [] for a text with no event)")
    annotated = data.get("annotated")
    if not isinstance(annotated, list) or not all(isinstance(name, str) for name in annotated):
        raise _Malformed("'annotated' must be a list of field names")
    parsed = [_parse_event(event, index) for index, event in enumerate(events)]
    return GoldRecord(
        id=record_id,
        lang=_get(data, "lang", str),
        text=text,
        date=_get(data, "date", str),
        events=parsed,
        annotated=tuple(annotated),
        doc=_get(data, "doc", str),
        paragraph=_get(data, "paragraph", int),
        index=_get(data, "index", int),
    )


def _parse_event(data: Any, index: int) -> GoldEvent:
    where = f"events[{index}]"
    if not isinstance(data, dict):
        raise _Malformed(f"{where} must be a JSON object")
    source_code, source_text = _parse_actor(data.get("source"), f"{where}.source")
    target_code, target_text = _parse_actor(data.get("target"), f"{where}.target")
    cameo = _get(data, "cameo", str, where=where)
    root = _get(data, "root", str, where=where)
    quad = _get(data, "quad", int, where=where)
    penta = _get(data, "penta", int, where=where)
    if cameo is not None and not is_code(cameo):
        raise _Malformed(f"{where}.cameo {cameo!r} is not a CAMEO event code")
    place_text, place_country = _parse_place(data.get("place"), f"{where}.place")
    if root is None and cameo is not None:
        root = lookup(cameo).root
    if root is not None:
        if not is_code(root) or len(root) != 2:
            raise _Malformed(f"{where}.root {root!r} is not a two-digit CAMEO root")
        entry = lookup(root)
        quad = entry.quad if quad is None else quad
        penta = entry.penta if penta is None else penta
    return GoldEvent(
        source_code=source_code,
        source_text=source_text,
        target_code=target_code,
        target_text=target_text,
        cameo=cameo,
        root=root,
        quad=quad,
        penta=penta,
        plover=_get(data, "plover", str, where=where),
        mode=_get(data, "mode", str, where=where),
        trigger=_get(data, "trigger", str, where=where),
        place_text=place_text,
        place_country=place_country,
    )


def _parse_pair(data: Any, where: str, first: str, second: str) -> tuple[str | None, str | None]:
    """Two string fields of an optional object: an actor's ``code`` and ``text``, a place's ``text`` and ``country``."""
    if data is None:
        return None, None
    if not isinstance(data, dict):
        raise _Malformed(f"{where} must be an object with '{first}' and '{second}', or null")
    return _get(data, first, str, where=where), _get(data, second, str, where=where)


def _parse_actor(data: Any, where: str) -> tuple[str | None, str | None]:
    return _parse_pair(data, where, "code", "text")


def _parse_place(data: Any, where: str) -> tuple[str | None, str | None]:
    return _parse_pair(data, where, "text", "country")


def _get(data: dict[str, Any], key: str, kind: type, *, required: bool = False, where: str = "") -> Any:
    value = data.get(key)
    name = f"{where}.{key}" if where else key
    if value is None:
        if required:
            raise _Malformed(f"'{name}' is missing")
        return None
    # bool is a subclass of int: a JSON true is not a class number.
    if not isinstance(value, kind) or isinstance(value, bool):
        raise _Malformed(f"'{name}' must be {kind.__name__} or null, found {type(value).__name__}")
    if required and isinstance(value, str) and not value.strip():
        raise _Malformed(f"'{name}' is empty")
    return value


__all__ = ["TYPE_LEVELS", "GoldEvent", "GoldRecord", "load_gold"]
