"""The one vocabulary of event filters, and the one ISO-date check.

:class:`EventFilter` says which events a query keeps. The store's event reads (``Store.events``), the command line
(``tocsin events``), the Python API (``tocsin.open(...).events(...)``) and the REST API (``GET /api/events``,
``/api/map``, the exports) all build one and read its fields with the same meaning; paging (``limit``, ``offset``) is
said by each reader, not by the filter. :func:`check_date` is the one check of an ISO date (``YYYY-MM-DD``) a caller
gives: the store, the watch layer, the API and the CLI call it, and a bad date is ConfigError E501 naming the field.

DOCS: docs/api.md ("Event filters")
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from ..codebook import organisation_codes
from ..errors import ConfigError, Errors

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CAMEO = re.compile(r"^\d{1,4}$")
_ROOT = re.compile(r"^\d{2}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_LANG = re.compile(r"^[a-z]{2,3}$")
_ACTOR = re.compile(r"^[A-Z0-9]{1,40}$")

#: The hint of a bad date.
DATE_HINT = "Expected an ISO date such as 2024-03-05."


def check_date(name: str, value: str | date | None) -> date | None:
    """The day ``value`` names: None stays None, a ``date`` is kept, a string must be ``YYYY-MM-DD``.

    name: the field, named in the error.
    RAISES: ConfigError (E501) naming ``name`` and ``value``.
    """
    if value is None or isinstance(value, date):
        return value
    try:
        if not isinstance(value, str) or not _DATE.match(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(Errors.E501.format(name=name, value=value, hint=DATE_HINT)) from exc


@dataclass(frozen=True)
class EventFilter:
    """Which events a query keeps; every field is optional and they combine with AND.

    since, until: inclusive ISO dates (``YYYY-MM-DD``) of the event date (undated events are left out when either is given).
    actor: code prefix of the source or the target (``RUS`` matches ``RUSMIL``).
    source, target: code prefix of that side.
    dyad: two code prefixes ``(A, B)``: source A and target B, in either direction (``tocsin events --dyad A B``).
    pair: ``SRC>TGT`` (directed) or ``SRC-TGT`` (either direction); a side that
        is a principal (``RUS``, ``IGOWSTNAT``) matches codes of that principal, any
        other side (``RUSMIL``) matches codes by prefix.
    code: CAMEO code prefix (``19`` is all of root 19); root: two-digit root.
    quad: quad class 1-4; country: ISO3 of the place; lang: article language.
    q: words that must all appear in the sentence, case-insensitive.
    nuclear: only events flagged (True) or not flagged (False) nuclear.
    article_id: only the events of this article.
    RAISES: ConfigError (E501) naming the first bad value.
    """

    since: str | None = None
    until: str | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    pair: str | None = None
    code: str | None = None
    root: str | None = None
    quad: int | None = None
    country: str | None = None
    lang: str | None = None
    q: str | None = None
    nuclear: bool | None = None
    article_id: str | None = None

    def __post_init__(self) -> None:
        first, last = check_date("since", self.since), check_date("until", self.until)
        if first and last and first > last:
            _bad("until", self.until, f"It is before since ({self.since}); give since <= until.")
        for name in ("actor", "source", "target"):
            value = getattr(self, name)
            if value is not None and not (isinstance(value, str) and _ACTOR.match(value)):
                _bad(name, value, "Expected an actor code prefix of letters and digits, e.g. RUS or RUSMIL.")
        if self.dyad is not None:
            object.__setattr__(self, "dyad", check_dyad(self.dyad))
        if self.pair is not None:
            from ..watch.pairs import parse_pair

            parse_pair(self.pair)
        self._check_codes()

    def _check_codes(self) -> None:
        if self.code is not None and not _CAMEO.match(self.code):
            _bad("code", self.code, "Expected a CAMEO code prefix of 1 to 4 digits, e.g. 19 or 190.")
        if self.root is not None and not (_ROOT.match(self.root) and 1 <= int(self.root) <= 20):
            _bad("root", self.root, "Expected a two-digit CAMEO root from 01 to 20.")
        if self.quad is not None and not 1 <= self.quad <= 4:
            _bad("quad", self.quad, "Expected a quad class from 1 to 4.")
        if self.country is not None and not _ISO3.match(self.country):
            _bad("country", self.country, "Expected an ISO 3166 alpha-3 country code in capitals, e.g. UKR.")
        if self.lang is not None and not _LANG.match(self.lang):
            _bad("lang", self.lang, "Expected a language code such as fr or en.")
        if self.q is not None and not (self.q.split() and len(self.q) <= 200):
            _bad("q", self.q, "Expected 1 to 200 characters of words to find in the sentence.")

    @classmethod
    def of(cls, where: EventFilter | None = None, **filters: Any) -> EventFilter:
        """``where`` with ``filters`` (the fields by name; None leaves a field as it is) laid over it.

        RAISES: ConfigError (E501) for a name that is no field of the filter.
        """
        names = {f.name for f in fields(cls)}
        for name in filters:
            if name not in names:
                _bad("filter", name, f"Expected one of: {', '.join(sorted(names))}.")
        given = {name: value for name, value in filters.items() if value is not None}
        base = {f.name: getattr(where, f.name) for f in fields(cls)} if where is not None else {}
        return cls(**{**base, **given})

    def where(self, t: str = "e") -> tuple[str, list[Any]]:
        """The SQL condition over the events table aliased ``t`` (``true`` when nothing is filtered), and its parameters."""
        sql: list[str] = []
        params: list[Any] = []
        self._dates_sql(t, sql, params)
        self._actors_sql(t, sql, params)
        if self.code is not None:
            sql.append(f"starts_with({t}.cameo, ?)")
            params.append(self.code)
        for name in ("root", "quad", "country", "lang", "article_id"):
            value = getattr(self, name)
            if value is not None:
                sql.append(f"{t}.{name} = ?")
                params.append(value)
        if self.q is not None:
            for word in self.q.split():
                # ESCAPE only when the word holds a wildcard or a backslash: DuckDB matches an ESCAPE pattern two to
                # three times slower, and without one (and no backslash) both backends read the pattern alike.
                escaped = re.sub(r"([\\%_])", r"\\\1", word)
                sql.append(f"{t}.sentence ILIKE ?" + (" ESCAPE '\\'" if escaped != word else ""))
                params.append("%" + escaped + "%")
        if self.nuclear is not None:
            sql.append(f"coalesce({t}.nuclear, false) = ?")
            params.append(self.nuclear)
        return (" AND ".join(sql) or "true"), params

    def _dates_sql(self, t: str, sql: list[str], params: list[Any]) -> None:
        if self.since is not None:
            sql.append(f"{t}.event_date >= ?")
            params.append(check_date("since", self.since))
        if self.until is not None:
            sql.append(f"{t}.event_date <= ?")
            params.append(check_date("until", self.until))

    def _actors_sql(self, t: str, sql: list[str], params: list[Any]) -> None:
        if self.actor is not None:
            sql.append(f"(starts_with({t}.source_code, ?) OR starts_with({t}.target_code, ?))")
            params += [self.actor, self.actor]
        if self.source is not None:
            sql.append(f"starts_with({t}.source_code, ?)")
            params.append(self.source)
        if self.target is not None:
            sql.append(f"starts_with({t}.target_code, ?)")
            params.append(self.target)
        if self.dyad is not None:
            first, second = self.dyad
            sql.append(
                f"((starts_with({t}.source_code, ?) AND starts_with({t}.target_code, ?))"
                f" OR (starts_with({t}.source_code, ?) AND starts_with({t}.target_code, ?)))"
            )
            params += [first, second, second, first]
        if self.pair is not None:
            from ..watch.pairs import parse_pair

            pair = parse_pair(self.pair)
            one, one_params = _pair_sql(t, pair.source, pair.target)
            if pair.directed:
                sql.append(one)
                params += one_params
            else:
                other, other_params = _pair_sql(t, pair.target, pair.source)
                sql.append(f"({one} OR {other})")
                params += one_params + other_params


def check_dyad(dyad: Any) -> tuple[str, str]:
    """RAISES: ConfigError (E501) unless ``dyad`` is two actor codes."""
    if not isinstance(dyad, (tuple, list)) or len(dyad) != 2 or not all(isinstance(code, str) for code in dyad):
        _bad("dyad", dyad, "Expected two actor codes, e.g. ('RUS', 'UKR').")
    return dyad[0], dyad[1]


def _pair_sql(t: str, first: str, second: str) -> tuple[str, list[Any]]:
    """Source matches ``first`` and target matches ``second``.

    A side that is a principal matches the codes whose principal it is
    (``tocsin.watch.pairs.principal``), written with prefix tests rather than
    the principal expression so DuckDB filters a million rows in milliseconds:
    ``RUS`` is the codes starting RUS, ``IGOUNO`` those starting IGOUNO but not
    a longer organisation code (``IGOUNOIAE``, the IAEA). Any other side is a code prefix.
    """
    from ..watch.pairs import principal

    sql: list[str] = []
    params: list[Any] = []
    for column, side in ((f"{t}.source_code", first), (f"{t}.target_code", second)):
        sql.append(f"starts_with({column}, ?)")
        params.append(side)
        if principal(side) == side:
            for longer in organisation_codes():
                if longer != side and longer.startswith(side):
                    sql.append(f"NOT starts_with({column}, '{longer}')")
    return "(" + " AND ".join(sql) + ")", params


def _bad(name: str, value: Any, hint: str) -> None:
    raise ConfigError(Errors.E501.format(name=name, value=value, hint=hint))


__all__ = ["DATE_HINT", "EventFilter", "check_date", "check_dyad"]
