"""The dates stage: resolve when each event happened, from its sentence and the article's date.

:func:`resolve_date` finds the first time expression of a French or English
sentence ("mardi dernier", "il y a deux jours", "le 9 mai", "mid-May",
"last week", "2024-05-09" ...) and resolves it against the publication date
(the *anchor*). With no expression it falls back to the publication date.
Everything is regular expressions over the language's date words and
expressions (``tocsin/languages/<code>/dates.toml``: month, weekday, number
and relative-day words, and each expression as a pattern with the kind of its
resolution); this module holds only the resolutions, the same for every
language: no network, no model, no dateparser.

Conventions:

* a bare weekday ("mardi", "Tuesday") is the most recent such day on or
  before the anchor (the anchor itself when it is that weekday); "mardi
  dernier" / "last Tuesday" is strictly before it, "mardi prochain" /
  "next Tuesday" strictly after;
* a day and month without a year ("le 9 mai", "May 9") takes the latest year
  that puts it no more than ``tuning.dates.future_days`` (62) days after the
  anchor (announced events; :func:`tocsin.config.settings`); month expressions ("en mai", "fin avril") choose the year by the
  first of the month the same way;
* precision "week" or "month" dates are the first day of the period (the
  Monday, the 1st), except the named days "mi-mai" (15th), "fin avril"
  (24th) and weekends (the Saturday);
* numeric dates: ``YYYY-MM-DD`` always; ``DD/MM/YYYY`` in French; in English
  only when unambiguous (one part above 12), otherwise skipped;
* relative expressions need an anchor; without a publication date only
  absolute dates with a year resolve.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parsedate_to_datetime
from functools import partial
from typing import Any

from ..config import settings
from ..errors import ConfigError, Errors
from ..languages import SUPPORTED, read_resource
from ..models import Article

# A date without a year may lie tuning.dates.future_days (62) days after the anchor (announced events): read at each use.

PRECISIONS = ("day", "week", "month")


@dataclass(frozen=True)
class ResolvedDate:
    """The date of an event and where it came from.

    ``date`` is ISO ``YYYY-MM-DD``; for "week"/"month" precision the first day
    of the period (or the named day). ``text``/``start``/``end`` are the words
    that gave it and their character offsets in the sentence, or ``None``
    when the date is the article's publication date.
    """

    date: str
    precision: str
    text: str | None
    start: int | None
    end: int | None


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

_APOS = "['’]"
_DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])"


def _alt(words: Iterable[str], *, ignore_case: bool) -> str:
    """A regex alternation of ``words``, longest first; case-sensitive when asked."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word).replace("'", _APOS).replace(r"\ ", r"\s+")
        if word.endswith("."):
            escaped = escaped[:-2] + r"\.(?!\w)"
        parts.append(escaped)
    body = "|".join(parts)
    return f"(?:{body})" if ignore_case else f"(?-i:{body})"


def _key(word: str) -> str:
    return " ".join(word.replace("’", "'").split()).lower()


def _lookup(table: dict[str, int], word: str) -> int:
    lowered = {_key(k): v for k, v in table.items()}
    return lowered[_key(word)]


def _anchor(published: str | None) -> date | None:
    """The date part of an ISO date/datetime (or an RFC 2822 date); None when unreadable."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(published).date()
    except (TypeError, ValueError, IndexError):
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _pick_year(month: int, day: int, anchor: date | None, *, by_day: int | None = None) -> date | None:
    """The date (month, day) in the latest year that is at most ``tuning.dates.future_days`` after the anchor.

    ``by_day`` chooses the year with that day of the month instead of ``day``
    (month expressions choose it by the 1st).
    """
    if anchor is None:
        return None
    probe_day = by_day if by_day is not None else day
    limit = anchor + timedelta(days=settings().dates.future_days)
    for year in (anchor.year + 1, anchor.year, anchor.year - 1):
        probe = _safe_date(year, month, probe_day)
        if probe is not None and probe <= limit:
            return _safe_date(year, month, day)
    return None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, months: int) -> date:
    """The first of the month ``months`` after (or before) the month of ``d``."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _weekday_on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


# ---------------------------------------------------------------------------
# Rules: each resolves a match (and the anchor) to (date, precision) or None.
# The words and patterns are the language's dates.toml; the resolutions are here.
# ---------------------------------------------------------------------------

Resolver = Callable[["re.Match[str]", "date | None"], "tuple[date, str] | None"]

_YEAR = r"(?:1[89]|20)\d{2}"
# The rules that are the same in every language: a dates.toml lists them by kind, without a pattern, where they go.
_SHARED_PATTERNS: dict[str, tuple[str, bool]] = {
    "iso": (r"(?P<y>(?:1[89]|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])", False),  # "2024-05-09T10:00" too
    # "09/05/2024", "09/05/24", "09.05.2024" (dotted only with a four-digit year: not "3.10.12")
    "numeric": (r"(?<![\d/.])(?P<a>\d{1,2})(?:/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})|\.(?P<b2>\d{1,2})\.(?P<y2>\d{4}))(?![\d/]|\.\d)", True),
    "month_year": (r"{month}\s+(?P<year>{year})", True),
}
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver


@dataclass(frozen=True)
class DateWords:
    """A language's date words (its ``dates.toml``), with the lookups the resolutions need."""

    code: str
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    day_words: dict[str, int]
    case_sensitive: bool
    day_first: bool
    last: frozenset[str]
    next: frozenset[str]
    units: dict[str, str]
    spans: dict[str, tuple[int, str]]
    fragments: dict[str, str]
    rules: tuple[dict[str, Any], ...]

    @classmethod
    def load(cls, code: str) -> DateWords:
        data = read_resource(code, "dates")
        mods = data.get("weekday_modifiers", {})
        ago = data.get("ago", {})
        return cls(
            code=code,
            months=dict(data.get("months", {})),
            weekdays=dict(data.get("weekdays", {})),
            numbers=dict(data.get("numbers", {})),
            day_words=dict(data.get("day_words", {})),
            case_sensitive=bool(data.get("names_case_sensitive", False)),
            day_first=bool(data.get("day_first", True)),
            last=frozenset(w.lower() for w in mods.get("last", [])),
            next=frozenset(w.lower() for w in mods.get("next", [])),
            units={_key(k): v for k, v in ago.get("units", {}).items()},
            spans={_key(k): (int(n), unit) for k, (n, unit) in ago.get("spans", {}).items()},
            fragments=dict(data.get("fragments", {})),
            rules=tuple(data.get("rules", [])),
        )

    def placeholders(self) -> dict[str, str]:
        """What the ``{name}`` of a rule's pattern stand for: the word lists, the shared pieces, the fragments."""
        ic = not self.case_sensitive
        weekdays = _alt(self.weekdays, ignore_case=ic)
        values = {
            "month": f"(?P<month>{_alt(self.months, ignore_case=ic)})",
            "weekday": f"(?P<wd>{weekdays})",
            "any_weekday": weekdays,
            "number": "(?:" + _alt(self.numbers, ignore_case=True) + r"|\d{1,2})",
            "day_word": _alt(self.day_words, ignore_case=True),
            "day_num": _DAY_NUM,
            "year": _YEAR,
            "opt_year": rf"(?:\s+(?P<year>{_YEAR}))?",
            "apos": _APOS,
        }
        for name, fragment in self.fragments.items():
            values[name] = self.expand(fragment, values, where=f"fragment {name!r}")
        return values

    def expand(self, pattern: str, values: dict[str, str], *, where: str) -> str:
        def one(m: re.Match[str]) -> str:
            if m[1] not in values:
                raise ConfigError(
                    Errors.E501.format(name=f"dates.toml of {self.code!r}, {where}", value=m[0], hint=f"Known: {', '.join(values)}.")
                )
            return values[m[1]]

        return _PLACEHOLDER.sub(one, pattern)


def _rules(lang: str) -> list[_Rule]:
    """The date rules of a language, in the order of its dates.toml."""
    words = DateWords.load(lang)
    values = words.placeholders()
    rules: list[_Rule] = []
    for spec in words.rules:
        kind = spec["kind"]
        pattern, word_end = spec.get("pattern"), True
        if pattern is None:
            pattern, word_end = _SHARED_PATTERNS[kind]
        body = words.expand(pattern, values, where=f"rule {spec.get('name', kind)!r}")
        end = r"(?!\w)" if word_end else ""
        compiled = re.compile(r"(?<![\w-])(?:" + body + ")" + end, re.IGNORECASE)
        rules.append(_Rule(spec.get("name", kind), compiled, _resolver(kind, spec, words)))
    return rules


def _resolver(kind: str, spec: dict[str, Any], words: DateWords) -> Resolver:
    """How a rule of ``kind`` resolves its match (``spec`` carries the day and precision of month parts)."""
    if kind in ("month_part", "month_year"):
        return partial(_month_part, words, int(spec.get("day", 1)), str(spec.get("precision", "month")))
    if kind in _FIXED:
        fn, precision = _FIXED[kind]
        return partial(_fixed, fn, precision)
    simple: dict[str, Callable[..., tuple[date, str] | None]] = {
        "day_month": _day_month,
        "iso": _iso,
        "numeric": _numeric,
        "relative_day": _relative_day,
        "weekday": _weekday,
        "ago": _ago,
    }
    if kind not in simple:
        known = ", ".join([*simple, "month_part", "month_year", *_FIXED])
        raise ConfigError(Errors.E501.format(name=f"dates.toml of {words.code!r}, rule kind", value=kind, hint=f"Known kinds: {known}."))
    return partial(simple[kind], words)


# --- absolute dates -----------------------------------------------------------


def _day_month(words: DateWords, m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
    day, month = int(m["day"]), _lookup(words.months, m["month"])
    year = _year(m["year"])
    d = _safe_date(year, month, day) if year else _pick_year(month, day, anchor)
    return (d, "day") if d else None


def _iso(words: DateWords, m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (d, "day") if d else None


def _numeric(words: DateWords, m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
    a, b, year = int(m["a"]), int(m["b"] or m["b2"]), _year(m["y"] or m["y2"])
    if year is None:
        return None
    if words.day_first or a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a  # US order, unambiguous
    else:
        return None  # 05/09/2024 in English: ambiguous, skipped
    d = _safe_date(year, month, day)
    return (d, "day") if d else None


def _month_part(words: DateWords, day: int, precision: str, m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
    month = _lookup(words.months, m["month"])
    year = _year(m["year"])
    d = _safe_date(year, month, day) if year else _pick_year(month, day, anchor, by_day=1)
    return (d, precision) if d else None


# --- relative expressions -----------------------------------------------------


def _relative_day(words: DateWords, m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
    if anchor is None:
        return None
    return anchor + timedelta(days=_lookup(words.day_words, m["word"])), "day"


def _weekday(words: DateWords, m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
    if anchor is None:
        return None
    wd = _lookup(words.weekdays, m["wd"])
    groups = m.groupdict()
    mod = (groups.get("mod") or groups.get("mod2") or "").lower()
    d = _weekday_on_or_before(anchor, wd)
    if mod in words.last:
        if d == anchor:
            d -= timedelta(days=7)
    elif mod in words.next:
        d = anchor + timedelta(days=(wd - anchor.weekday() - 1) % 7 + 1)
    return d, "day"


def _ago(words: DateWords, m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
    """ "il y a N jours", "N days ago"; a span that says count and unit at once ("il y a huit jours": a week)."""
    if anchor is None:
        return None
    unit = _key(m["unit"])
    if unit in words.spans:
        n, period = words.spans[unit]
    else:
        word = m["n"]
        n = int(word) if word.isdigit() else _lookup(words.numbers, word)
        period = words.units.get(unit, "month")
    if period == "day":
        return anchor - timedelta(days=n), "day"
    if period == "week":
        return _monday(anchor - timedelta(days=7 * n)), "week"
    return _add_months(anchor, -n), "month"


def _fixed(fn: Callable[[date], date], precision: str, m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
    return (fn(anchor), precision) if anchor else None


def _this_weekend(anchor: date) -> date:
    """The Saturday of "this weekend": the one just past on Monday/Tuesday, the current one on
    Saturday/Sunday, the coming one from Wednesday to Friday."""
    wd = anchor.weekday()
    if wd >= 5:
        return anchor - timedelta(days=wd - 5)
    if wd <= 1:
        return anchor - timedelta(days=wd + 2)
    return anchor + timedelta(days=5 - wd)


def _last_weekend(anchor: date) -> date:
    """The Saturday of the last weekend that is over (before the current one on a weekend)."""
    wd = anchor.weekday()
    if wd >= 5:
        return anchor - timedelta(days=wd - 5 + 7)
    return anchor - timedelta(days=wd + 2)


# Kinds of rule that name a period relative to the anchor, whatever their words: the date and its precision.
_FIXED: dict[str, tuple[Callable[[date], date], str]] = {
    "last_week": (lambda a: _monday(a) - timedelta(days=7), "week"),
    "this_week": (_monday, "week"),
    "next_week": (lambda a: _monday(a) + timedelta(days=7), "week"),
    "last_month": (lambda a: _add_months(a, -1), "month"),
    "this_month": (lambda a: _add_months(a, 0), "month"),
    "next_month": (lambda a: _add_months(a, 1), "month"),
    "this_weekend": (_this_weekend, "week"),
    "last_weekend": (_last_weekend, "week"),
}


_RULES: dict[str, list[_Rule]] = {}


def _date_languages() -> tuple[str, ...]:
    return tuple(code for code in SUPPORTED if read_resource(code, "dates"))


def _rules_for(lang: str | None) -> list[_Rule]:
    """The rules of ``lang``; those of every language with date words when it has none (unknown language)."""
    code = (lang or "").lower()[:2]
    known = _date_languages()
    langs = [code] if code in known else list(known)
    out: list[_Rule] = []
    for one in langs:
        if one not in _RULES:
            _RULES[one] = _rules(one)
        out.extend(_RULES[one])
    return out


# ---------------------------------------------------------------------------
# API
# ---------------------------------------------------------------------------


def resolve_date(sentence: str, published: str | None, lang: str | None) -> ResolvedDate | None:
    """The date of what ``sentence`` reports.

    Args:
        sentence: the sentence of the event.
        published: the article's publication date (ISO date or datetime), the anchor of
            relative expressions.
        lang: a language code (``"fr"``); a language without date words (or None) tries every language that has them.

    Returns:
        The first time expression of the sentence that resolves (earliest start,
        the longest at the same start); else the publication date with precision
        "day" and no text; ``None`` when neither is available.
    """
    anchor = _anchor(published)
    candidates: list[tuple[int, int, int, _Rule, re.Match[str]]] = []
    for order, rule in enumerate(_rules_for(lang)):
        for m in rule.pattern.finditer(sentence):
            candidates.append((m.start(), -(m.end() - m.start()), order, rule, m))
    candidates.sort(key=lambda c: c[:3])
    for start, _neg_len, _order, rule, m in candidates:
        resolved = rule.resolve(m, anchor)
        if resolved is None:
            continue
        d, precision = resolved
        return ResolvedDate(d.isoformat(), precision, m.group(0), start, m.end())
    if anchor is None:
        return None
    return ResolvedDate(anchor.isoformat(), "day", None, None, None)


class DateEvents:
    """Pipeline stage setting ``event.event_date`` and ``event.date_precision`` on each event.

    Events whose date cannot be resolved (no expression, no publication date)
    get ``None`` for both.
    """

    name = "dates"
    requires = ("article.events",)
    assigns = ("event.event_date",)

    def __call__(self, article: Article) -> Article:
        by_sentence: dict[tuple[int, str], ResolvedDate | None] = {}
        for event in article.events:
            key = (event.sentence_index, event.sentence)
            if key not in by_sentence:
                by_sentence[key] = resolve_date(event.sentence, article.published, article.lang or event.lang or "")
            resolved = by_sentence[key]
            event.event_date = resolved.date if resolved else None
            event.date_precision = resolved.precision if resolved else None
        return article
