"""The dates stage: resolve when each event happened, from its sentence and the article's date.

:func:`resolve_date` finds the first time expression of a French or English
sentence ("mardi dernier", "il y a deux jours", "le 9 mai", "mid-May",
"last week", "2024-05-09" ...) and resolves it against the publication date
(the *anchor*). With no expression it falls back to the publication date.
Everything is regular expressions over the small word lists below: no
network, no model, no dateparser.

Conventions:

* a bare weekday ("mardi", "Tuesday") is the most recent such day on or
  before the anchor (the anchor itself when it is that weekday); "mardi
  dernier" / "last Tuesday" is strictly before it, "mardi prochain" /
  "next Tuesday" strictly after;
* a day and month without a year ("le 9 mai", "May 9") takes the latest year
  that puts it no more than :data:`FUTURE_DAYS` after the anchor (announced
  events); month expressions ("en mai", "fin avril") choose the year by the
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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parsedate_to_datetime

from ..models import Article

# ---------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------

MONTHS: dict[str, dict[str, int]] = {
    "fr": {
        "janvier": 1,
        "janv.": 1,
        "février": 2,
        "fevrier": 2,
        "févr.": 2,
        "fevr.": 2,
        "fév.": 2,
        "fev.": 2,
        "mars": 3,
        "avril": 4,
        "avr.": 4,
        "mai": 5,
        "juin": 6,
        "juillet": 7,
        "juil.": 7,
        "août": 8,
        "aout": 8,
        "septembre": 9,
        "sept.": 9,  # not bare "sept" (seven)
        "octobre": 10,
        "oct.": 10,
        "novembre": 11,
        "nov.": 11,
        "décembre": 12,
        "decembre": 12,
        "déc.": 12,
        "dec.": 12,
    },
    # English month names are matched case-sensitively (capitalised), so that
    # "may", "march" the verbs never count.
    "en": {
        "January": 1,
        "Jan.": 1,
        "Jan": 1,
        "February": 2,
        "Feb.": 2,
        "Feb": 2,
        "March": 3,
        "Mar.": 3,
        "April": 4,
        "Apr.": 4,
        "Apr": 4,
        "May": 5,
        "June": 6,
        "Jun.": 6,
        "July": 7,
        "Jul.": 7,
        "August": 8,
        "Aug.": 8,
        "Aug": 8,
        "September": 9,
        "Sept.": 9,
        "Sep.": 9,
        "Sept": 9,
        "October": 10,
        "Oct.": 10,
        "Oct": 10,
        "November": 11,
        "Nov.": 11,
        "Nov": 11,
        "December": 12,
        "Dec.": 12,
        "Dec": 12,
    },
}

WEEKDAYS: dict[str, dict[str, int]] = {  # Monday = 0, as date.weekday()
    "fr": {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6},
    "en": {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6},
}

NUMBERS: dict[str, dict[str, int]] = {
    "fr": {
        "un": 1,
        "une": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
    },
    "en": {
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
    },
}

# Relative days: words -> offset from the anchor in days.
DAY_WORDS: dict[str, dict[str, int]] = {
    "fr": {
        "avant-hier": -2,
        "hier": -1,
        "aujourd'hui": 0,
        "ce matin": 0,
        "cet après-midi": 0,
        "ce soir": 0,
        "demain": 1,
        "après-demain": 2,
        "la nuit dernière": -1,
    },
    "en": {
        "the day before yesterday": -2,
        "yesterday": -1,
        "today": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "tonight": 0,
        "last night": -1,
        "tomorrow": 1,
        "the day after tomorrow": 2,
    },
}

FUTURE_DAYS = 62
"""A date without a year may lie this many days after the anchor (announced events)."""

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


def _alt(words: object, *, ignore_case: bool) -> str:
    """A regex alternation of ``words``, longest first; case-sensitive when asked."""
    parts = []
    for word in sorted(words, key=len, reverse=True):  # type: ignore[arg-type]
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
    """The date (month, day) in the latest year that is at most FUTURE_DAYS after the anchor.

    ``by_day`` chooses the year with that day of the month instead of ``day``
    (month expressions choose it by the 1st).
    """
    if anchor is None:
        return None
    probe_day = by_day if by_day is not None else day
    limit = anchor + timedelta(days=FUTURE_DAYS)
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
# Patterns: each resolves a match (and the anchor) to (date, precision) or None.
# ---------------------------------------------------------------------------

Resolver = Callable[["re.Match[str]", "date | None"], "tuple[date, str] | None"]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver


def _rules(lang: str) -> list[_Rule]:
    fr = lang == "fr"
    ic = fr  # French words match in any case; English names are capitalised
    months = MONTHS[lang]
    weekdays = WEEKDAYS[lang]
    numbers = NUMBERS[lang]
    month_re = _alt(months, ignore_case=ic)
    weekday_re = _alt(weekdays, ignore_case=ic)
    number_re = "(?:" + _alt(numbers, ignore_case=True) + r"|\d{1,2})"
    year_re = r"(?:1[89]|20)\d{2}"
    named_month = f"(?P<month>{month_re})"
    rules: list[_Rule] = []

    def add(name: str, pattern: str, resolve: Resolver, *, word_end: bool = True) -> None:
        end = r"(?!\w)" if word_end else ""
        rules.append(_Rule(name, re.compile(r"(?<![\w-])(?:" + pattern + ")" + end, re.IGNORECASE), resolve))

    def month_of(m: re.Match[str]) -> int:
        return _lookup(months, m["month"])

    def count_of(m: re.Match[str]) -> int:
        word = m["n"]
        return int(word) if word.isdigit() else _lookup(numbers, word)

    # --- absolute dates -----------------------------------------------------
    def day_month(m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
        day, month = int(m["day"]), month_of(m)
        year = _year(m["year"])
        d = _safe_date(year, month, day) if year else _pick_year(month, day, anchor)
        return (d, "day") if d else None

    if fr:
        weekday_prefix = rf"(?:(?:le\s+)?{weekday_re}\s*,?\s+)?"
        add(
            "fr.day_month",
            rf"(?:le\s+|du\s+|les\s+)?{weekday_prefix}(?P<day>{_DAY_NUM})(?:er)?"
            rf"(?:\s*(?:-|–|au|et|à)\s*{_DAY_NUM})?\s+{named_month}"
            rf"(?:\s+(?P<year>{year_re}))?",
            day_month,
        )
    else:
        weekday_prefix = rf"(?:{weekday_re}\s*,?\s+)?"
        ordinal = r"(?:st|nd|rd|th)?"
        add(
            "en.month_day",
            rf"{weekday_prefix}{named_month}\s+(?P<day>{_DAY_NUM}){ordinal}"
            rf"(?:\s*(?:-|–|to|and)\s*{_DAY_NUM}{ordinal})?(?:\s*,?\s+(?P<year>{year_re}))?",
            day_month,
        )
        add(
            "en.day_month",
            rf"(?:the\s+)?{weekday_prefix}(?:the\s+)?(?P<day>{_DAY_NUM}){ordinal}"
            rf"(?:\s*(?:-|–|to|and)\s*{_DAY_NUM}{ordinal})?\s+(?:of\s+)?{named_month}"
            rf"(?:\s*,?\s+(?P<year>{year_re}))?",
            day_month,
        )

    def iso(m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return (d, "day") if d else None

    add("iso", r"(?P<y>(?:1[89]|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])", iso, word_end=False)  # "2024-05-09T10:00" too

    def numeric(m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
        a, b, year = int(m["a"]), int(m["b"] or m["b2"]), _year(m["y"] or m["y2"])
        if year is None:
            return None
        if fr or a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a  # US order, unambiguous
        else:
            return None  # 05/09/2024 in English: ambiguous, skipped
        d = _safe_date(year, month, day)
        return (d, "day") if d else None

    # "09/05/2024", "09/05/24", "09.05.2024" (dotted only with a four-digit year: not "3.10.12")
    add(
        "numeric",
        r"(?<![\d/.])(?P<a>\d{1,2})(?:/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})|\.(?P<b2>\d{1,2})\.(?P<y2>\d{4}))(?![\d/]|\.\d)",
        numeric,
    )

    # --- month expressions --------------------------------------------------
    def month_part(day: int, precision: str) -> Resolver:
        def resolve(m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
            month = month_of(m)
            year = _year(m["year"])
            d = _safe_date(year, month, day) if year else _pick_year(month, day, anchor, by_day=1)
            return (d, precision) if d else None

        return resolve

    opt_year = rf"(?:\s+(?P<year>{year_re}))?"
    if fr:
        of_month = rf"(?:(?:du\s+mois\s+)?d(?:e\s+|{_APOS}\s*))?"
        add("fr.early", rf"(?:au\s+|dès\s+le\s+)?d[ée]but\s+{of_month}{named_month}{opt_year}", month_part(1, "month"))
        add("fr.mid", rf"(?:(?:à|a)\s+la\s+|vers\s+la\s+)?mi-\s*{named_month}{opt_year}", month_part(15, "week"))
        add("fr.late", rf"(?:(?:à|a)\s+la\s+|vers\s+la\s+)?fin\s+{of_month}{named_month}{opt_year}", month_part(24, "week"))
        add(
            "fr.in",
            rf"(?:en|courant|au\s+mois\s+d(?:e\s+|{_APOS}\s*))\s*{named_month}{opt_year}",
            month_part(1, "month"),
        )
    else:
        add(
            "en.early",
            rf"(?:in\s+)?(?:early|(?:at\s+)?the\s+(?:beginning|start)\s+of)\s+{named_month}{opt_year}",
            month_part(1, "month"),
        )
        add("en.mid", rf"(?:in\s+)?mid-?\s*{named_month}{opt_year}", month_part(15, "week"))
        add(
            "en.late",
            rf"(?:in\s+)?(?:late|(?:at\s+)?the\s+end\s+of|end\s+of)\s+{named_month}{opt_year}",
            month_part(24, "week"),
        )
        add("en.in", rf"(?:in|during)\s+{named_month}{opt_year}", month_part(1, "month"))
    add("month_year", rf"{named_month}\s+(?P<year>{year_re})", month_part(1, "month"))

    # --- relative days --------------------------------------------------------
    day_words = DAY_WORDS[lang]

    def relative_day(m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
        if anchor is None:
            return None
        return anchor + timedelta(days=_lookup(day_words, m["word"])), "day"

    tail = (
        r"(?:\s+(?:matin|midi|après-midi|apres-midi|soir|soirée|en\s+fin\s+de\s+journée))?"
        if fr
        else r"(?:\s+(?:morning|afternoon|evening|night))?"
    )
    add("relative_day", rf"(?P<word>{_alt(day_words, ignore_case=True)}){tail}", relative_day)

    # --- weekdays -------------------------------------------------------------
    def weekday(m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
        if anchor is None:
            return None
        wd = _lookup(weekdays, m["wd"])
        groups = m.groupdict()
        mod = (groups.get("mod") or groups.get("mod2") or "").lower()
        d = _weekday_on_or_before(anchor, wd)
        if mod in ("dernier", "last"):
            if d == anchor:
                d -= timedelta(days=7)
        elif mod in ("prochain", "next"):
            d = anchor + timedelta(days=(wd - anchor.weekday() - 1) % 7 + 1)
        return d, "day"

    wd_group = f"(?P<wd>{weekday_re})"
    wd_group2 = weekday_re
    if fr:
        add(
            "fr.night",
            rf"(?:dans\s+)?la\s+nuit\s+d(?:e|u)\s+{wd_group}\s+(?:à|a|au)\s+{wd_group2}",
            weekday,
        )
        add("fr.weekday", rf"{wd_group}(?:\s+(?P<mod>dernier|prochain))?{tail}(?:\s+(?P<mod2>dernier))?", weekday)
    else:
        add("en.night", rf"(?:on\s+)?the\s+night\s+of\s+{wd_group}\s+(?:to|into)\s+{wd_group2}", weekday)
        newspaper = r"(?!\s+(?-i:Times|Telegraph|Mirror|Express|Post|Herald|Mail|People|World)\b)"  # "The Sunday Times"
        add("en.weekday", rf"(?:(?P<mod>last|next|this|overnight)\s+)?{wd_group}{newspaper}{tail}", weekday)

    # --- weeks, weekends, months ---------------------------------------------
    def fixed(fn: Callable[[date], date], precision: str) -> Resolver:
        def resolve(m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
            return (fn(anchor), precision) if anchor else None

        return resolve

    last_week = fixed(lambda a: _monday(a) - timedelta(days=7), "week")
    this_week = fixed(_monday, "week")
    next_week = fixed(lambda a: _monday(a) + timedelta(days=7), "week")
    last_month = fixed(lambda a: _add_months(a, -1), "month")
    this_month = fixed(lambda a: _add_months(a, 0), "month")
    next_month = fixed(lambda a: _add_months(a, 1), "month")
    this_weekend = fixed(_this_weekend, "week")
    last_weekend = fixed(_last_weekend, "week")
    if fr:
        we = r"week-?\s*end"
        add("fr.last_week", r"la\s+semaine\s+(?:dernière|derniere|passée|passee)", last_week)
        add("fr.this_week", r"cette\s+semaine", this_week)
        add("fr.next_week", r"la\s+semaine\s+(?:prochaine|suivante)", next_week)
        add("fr.last_month", r"le\s+mois\s+(?:dernier|passé|passe)", last_month)
        add("fr.this_month", r"ce\s+mois(?:-ci)?", this_month)
        add("fr.next_month", r"le\s+mois\s+prochain", next_month)
        add("fr.this_weekend", rf"ce\s+{we}", this_weekend)
        add("fr.last_weekend", rf"le\s+{we}\s+(?:dernier|passé|passe)", last_weekend)
    else:
        we = r"week-?\s*end"
        add("en.last_week", r"last\s+week", last_week)
        add("en.this_week", r"this\s+week", this_week)
        add("en.next_week", r"next\s+week", next_week)
        add("en.last_month", r"last\s+month", last_month)
        add("en.this_month", r"this\s+month", this_month)
        add("en.next_month", r"next\s+month", next_month)
        add("en.this_weekend", rf"(?:this|over\s+the|at\s+the)\s+{we}", this_weekend)
        add("en.last_weekend", rf"last\s+{we}", last_weekend)

    # --- "il y a N jours" / "N days ago" --------------------------------------
    def ago(m: re.Match[str], anchor: date | None) -> tuple[date, str] | None:
        if anchor is None:
            return None
        unit = m["unit"].lower()
        if unit.startswith(("huit", "quinze")):  # "il y a huit/quinze jours": one / two weeks
            n, unit = (1 if unit.startswith("huit") else 2), "week"
        else:
            n = count_of(m)
        if unit.startswith(("jour", "day")):
            return anchor - timedelta(days=n), "day"
        if unit.startswith(("semaine", "week")):
            return _monday(anchor - timedelta(days=7 * n)), "week"
        return _add_months(anchor, -n), "month"

    if fr:
        add("fr.fortnight", r"il\s+y\s+a\s+(?P<unit>(?:huit|quinze)\s+jours)", ago)
        add("fr.ago", rf"il\s+y\s+a\s+(?P<n>{number_re})\s+(?P<unit>jours?|semaines?|mois)", ago)
    else:
        add("en.ago", rf"(?P<n>{number_re})\s+(?P<unit>days?|weeks?|months?)\s+ago", ago)
    return rules


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


_RULES: dict[str, list[_Rule]] = {}


def _rules_for(lang: str | None) -> list[_Rule]:
    code = (lang or "").lower()[:2]
    langs = [code] if code in MONTHS else list(MONTHS)
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
        lang: ``"fr"`` or ``"en"``; any other value tries both languages.

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
