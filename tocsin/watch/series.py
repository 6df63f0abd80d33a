"""Event series per actor pair, per country and overall, daily or weekly.

Each period (the Monday of the week, or the day) gives: the number of events
(merged: a story told by ten outlets counts once), counts by quad class and by
CAMEO root, the Goldstein sum and mean, the number of events in the whole store
that period (``total``) and the pair's ``share`` of it (news volume drifts, so
GDELT recommends normalising by it), the conflict/cooperation ``balance``
(-1 all conflict .. +1 all cooperation), the independent ``sources`` behind the
events, the ``escalation`` score, the highest ladder ``rung`` reached and
whether any event was nuclear signalling.

Escalation score of an event: its Goldstein magnitude if it is conflictual
(quad class 3 or 4), minus half its Goldstein value if cooperative, times
``1 + ln(independent sources)``; a period's score is the sum over its events.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..config import settings
from ..errors import ConfigError, Errors
from ..store import Store
from .memo import keeps_answers, remember
from .pairs import Pair, parse_pair
from .reports import FREQS, check_date, count_undated, period_sql, reports_sql, source_missing

if TYPE_CHECKING:
    import pandas as pd

# Most periods one series has: tuning.watch.max_periods of the active configuration (default 10,000: 27 years of
# days, 190 of weeks); a longer range is refused (E507), not built.

COLUMNS = (
    "period", "events", "quad1", "quad2", "quad3", "quad4", "roots", "goldstein_sum", "goldstein_mean", "total", "share",
    "conflict", "cooperation", "balance", "sources", "escalation", "rung", "nuclear",
)  # fmt: skip

# The measures of each period (but its roots) over the ``rows`` of tocsin.watch.reports.reports_sql.
_AGGREGATES = """
SELECT {period} AS period, count(*) AS events,
       count(*) FILTER (WHERE quad = 1) AS quad1, count(*) FILTER (WHERE quad = 2) AS quad2,
       count(*) FILTER (WHERE quad = 3) AS quad3, count(*) FILTER (WHERE quad = 4) AS quad4,
       sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
       sum(sources) AS sources, sum(weight) AS escalation, max(rung) AS rung, bool_or(signal) AS nuclear
FROM rows GROUP BY period ORDER BY period
"""
# Each period's events per CAMEO root: a few rows per period, where a list of every event's root would be one
# value per event to fetch and count (the overall series of a million events spent most of its time there).
_ROOTS = "SELECT {period} AS period, root, count(*) FROM rows WHERE root IS NOT NULL GROUP BY period, root"


def series(
    store: Store,
    *,
    pair: str | Pair | tuple[str, str] | None = None,
    country: str | None = None,
    level: str = "country",
    freq: str = "week",
    since: str | date | None = None,
    until: str | date | None = None,
    source: str = "tocsin",
    min_confidence: float | None = None,
) -> pd.DataFrame:
    """The series of a pair (``"RUS>IGOWSTNAT"``; ``"RUS-UKR"`` either way), of one country (either side), or overall.

    Periods with no event between the first and last (or ``since``/``until``) are rows of zeros.
    source: ``"tocsin"`` (coded events) or ``"gdelt"`` (rows loaded by ``tocsin import-gdelt``).
    min_confidence: count events at or above this confidence (default ``tuning.watch.min_confidence``, 0.6; 0 counts all).
        Events that did not happen (negated or hypothetical in every report) never count.
    RETURNS: a DataFrame with :data:`COLUMNS`, one row per period, oldest first. Events are dated by their event
        date, else their article's publication date; those with neither are in no period, and
        ``frame.attrs["undated"]`` says how many the selection holds.
    """
    import pandas as pd

    if freq not in FREQS:
        raise ConfigError(Errors.E501.format(name="freq", value=freq, hint="Expected week or day."))
    the_pair = parse_pair(pair) if pair is not None else None
    first, last = check_date("since", since), check_date("until", until)
    if first and last:
        check_periods(first, last, freq)
    if source_missing(store, source):
        return _with_undated(pd.DataFrame(columns=list(COLUMNS)), 0)
    undated = count_undated(
        store, pair=the_pair, country=country.upper() if country else None, level=level, source=source, min_confidence=min_confidence
    )
    selection = {"pair": the_pair, "country": country.upper() if country else None, "level": level, "source": source}
    frame, roots = _periods(store, freq, first, last, {**selection, "min_confidence": min_confidence})
    if frame.empty:
        return _with_undated(pd.DataFrame(columns=list(COLUMNS)), undated)
    start = _period_start(first, freq) if first else frame["period"].min()
    end = _period_start(last, freq) if last else frame["period"].max()
    check_periods(start, end, freq)
    totals = _totals(store, freq, source, min_confidence)
    index = pd.date_range(start, end, freq="W-MON" if freq == "week" else "D").date
    frame = frame.set_index("period").reindex(index)
    frame.index.name = "period"
    for col in ("events", "quad1", "quad2", "quad3", "quad4", "sources", "rung"):
        frame[col] = frame[col].fillna(0).astype("int64")
    for col in ("goldstein_sum", "escalation"):
        frame[col] = frame[col].fillna(0.0).astype(float)
    frame["goldstein_mean"] = frame["goldstein_mean"].astype(float)
    frame["nuclear"] = frame["nuclear"].fillna(False).astype(bool)
    frame["roots"] = [dict(sorted(roots.get(p, {}).items())) for p in frame.index]
    frame["total"] = [int(totals.get(p, 0)) for p in frame.index]
    frame["share"] = [e / t if t else 0.0 for e, t in zip(frame["events"], frame["total"])]
    frame["conflict"] = frame["quad3"] + frame["quad4"]
    frame["cooperation"] = frame["quad1"] + frame["quad2"]
    frame["balance"] = [(c - k) / n if n else 0.0 for c, k, n in zip(frame["cooperation"], frame["conflict"], frame["events"])]
    return _with_undated(frame.reset_index()[list(COLUMNS)], undated)


def _aggregate(
    store: Store, freq: str, since: date | None, until: date | None, selection: dict[str, Any]
) -> tuple[pd.DataFrame, dict[date, dict[str, int]]]:
    """The measures (:data:`_AGGREGATES`, periods as dates) and the roots of each period of the selection's events
    (keyword arguments of :func:`~tocsin.watch.reports.reports_sql`) from ``since`` to ``until``."""
    import pandas as pd

    sql, params = reports_sql(since=since, until=until, **selection)
    frame = store.read_frame(sql + _AGGREGATES.format(period=period_sql(freq)), params)
    if frame.empty:
        return frame, {}
    frame["period"] = pd.to_datetime(frame["period"]).dt.date
    return frame, _roots(store, sql + _ROOTS.format(period=period_sql(freq)), params)


def _periods(
    store: Store, freq: str, first: date | None, last: date | None, selection: dict[str, Any]
) -> tuple[pd.DataFrame, dict[date, dict[str, int]]]:
    """:func:`_aggregate` from ``first`` to ``last``. For a store that keeps answers (:mod:`tocsin.watch.memo`), the
    periods wholly inside come from the selection's whole series, kept, and only the periods that ``first`` or
    ``last`` cut (a week starting before ``since``) are counted again: a few days' rows."""
    import pandas as pd

    if selection["source"] != "tocsin" or not keeps_answers(store):
        return _aggregate(store, freq, first, last, selection)
    key = ("series", freq, tuple(sorted(selection.items(), key=lambda item: item[0])))
    whole, whole_roots = remember(store, key, lambda: _aggregate(store, freq, None, None, selection))
    first_cut = first is not None and freq == "week" and first.weekday() != 0
    last_cut = last is not None and freq == "week" and last.weekday() != 6

    def inside(period: date) -> bool:
        after = first is None or (period > _period_start(first, freq) if first_cut else period >= first)
        return after and (last is None or (period < _period_start(last, freq) if last_cut else period <= _period_start(last, freq)))

    kept = whole[[inside(p) for p in whole["period"]]] if not whole.empty else whole
    roots = {p: found for p, found in whole_roots.items() if inside(p)}
    ranges: list[tuple[date, date]] = []
    if first is not None and first_cut:
        week_end = date.max if (date.max - first).days < 6 - first.weekday() else first + timedelta(days=6 - first.weekday())
        ranges.append((first, min(last, week_end) if last is not None else week_end))
    if last is not None and last_cut:
        cut = (max(first, _period_start(last, freq)) if first is not None else _period_start(last, freq), last)
        ranges += [cut] if cut not in ranges else []
    parts = [kept] if not kept.empty else []
    for since, until in ranges:
        part, part_roots = _aggregate(store, freq, since, until, selection)
        parts += [part] if not part.empty else []
        roots.update(part_roots)
    if not parts:
        return whole.iloc[0:0], {}
    frame = pd.concat(parts) if len(parts) > 1 else parts[0].copy()
    return frame.sort_values("period").reset_index(drop=True), roots


def _roots(store: Store, sql: str, params: list[Any]) -> dict[date, dict[str, int]]:
    """Period -> {CAMEO root: events} from the rows of :data:`_ROOTS`."""
    found: dict[date, dict[str, int]] = {}
    for period, root, n in store.read_rows(sql, params):
        found.setdefault(_day(period), {})[root] = int(n)
    return found


def _day(value: Any) -> date:
    """A period as a date (drivers give a date, or a timestamp for a truncated one)."""
    day: date = value.date() if hasattr(value, "date") and not isinstance(value, date) else value
    return day


def _with_undated(frame: pd.DataFrame, undated: int) -> pd.DataFrame:
    frame.attrs["undated"] = undated
    return frame


def check_periods(start: date, end: date, freq: str) -> None:
    """RAISES: ConfigError (E507) if ``start`` to ``end`` holds more than ``tuning.watch.max_periods`` periods of ``freq``."""
    periods = (end - start).days // (7 if freq == "week" else 1) + 1
    limit = settings().watch.max_periods
    if periods > limit:
        raise ConfigError(Errors.E507.format(since=start, until=end, periods=periods, freq=freq, limit=limit))


def _period_start(day: date, freq: str) -> date:
    return day - timedelta(days=day.weekday()) if freq == "week" else day


def _totals(store: Store, freq: str, source: str = "tocsin", min_confidence: float | None = None) -> dict[date, int]:
    """Events (merged) in the whole store (or the GDELT rows) per period: the denominator of ``share``.

    Every period of the store, so that one answer (kept by :func:`~tocsin.watch.memo.remember`) serves every series.
    """
    sql, params = reports_sql(source=source, min_confidence=min_confidence)
    sql += f"SELECT {period_sql(freq)} AS period, count(*) FROM rows GROUP BY period"

    def count() -> dict[date, int]:
        return {_day(p): int(n) for p, n in store.read_rows(sql, params)}

    return count() if source != "tocsin" else remember(store, ("totals", sql, tuple(params)), count)


__all__ = ["COLUMNS", "FREQS", "check_periods", "series"]
