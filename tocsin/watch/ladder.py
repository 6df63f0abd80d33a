"""Where each pair of actors stands on the escalation ladder.

The ladder (:data:`~tocsin.watch.reports.RUNGS`): statements -> accusations ->
demands -> threats -> force posture and mobilisation -> nuclear signalling ->
conventional attack -> mass violence or weapons of mass destruction. A pair's
position is the highest rung its events reached in the ``window`` days that end
on its latest event up to ``until`` (default: the latest day in the store), so
a pair that fell silent keeps the rung it last stood on and ``last_date`` shows
how long ago that was (``quiet_days``); ``peak_rung`` is the highest over
everything selected. The score sums the events' escalation weights over the
window (:mod:`tocsin.watch.series`); ``evidence`` lists the events on the
position's rung, most sources first.

Time: an event is dated by its event date, else its article's publication date, never by the day it was coded.
A pair's "now" is its own ``last_date`` (the latest day with data for it), and a pair whose last event is
``window`` days or more before the end of the ladder (``until``, default the latest day stored) is ``dormant``:
the rung is where it stood then, not where it stands today. Events with no date are left out and counted in
``frame.attrs["undated"]``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..config import settings
from ..errors import ConfigError, Errors
from ..store import Store
from .memo import remember
from .pairs import Pair, parse_pair
from .reports import RUNGS, check_date, count_undated, kept_rows, reports_sql, source_missing

if TYPE_CHECKING:
    import pandas as pd

LADDER_COLUMNS = (
    "pair", "source", "target", "rung", "rung_name", "peak_rung", "score", "nuclear", "events", "conflict", "cooperation",
    "first_date", "last_date", "quiet_days", "dormant", "evidence",
)  # fmt: skip
# The window (``window=None``) and the evidence listed per rung are tuning.watch.ladder_window_days and
# ladder_max_evidence of the active configuration (tocsin.config.settings()).


def latest_day(store: Store, source: str = "tocsin", min_confidence: float | None = None) -> date | None:
    """The latest event day in the store, or in its GDELT rows (the default end of a window), among the events at or
    above ``min_confidence`` (None: ``tuning.watch.min_confidence``) that the window will count."""
    if source_missing(store, source):
        return None
    sql, params = reports_sql(source=source, min_confidence=min_confidence)
    rows = kept_rows(store, sql + "SELECT max(event_date) FROM rows", params, source)
    day: date | None = rows[0][0] if rows else None
    return day


def ladder(
    store: Store,
    *,
    pair: str | Pair | tuple[str, str] | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    level: str = "country",
    window: int | None = None,
    limit: int | None = None,
    source: str = "tocsin",
    min_confidence: float | None = None,
) -> pd.DataFrame:
    """One row per directed pair (or the one ``pair``; an undirected pair gives both directions) with its ladder position.

    window: days that set the current rung (None: ``tuning.watch.ladder_window_days`` of the configuration, 28).
    """
    import pandas as pd

    tuning = settings().watch
    window = tuning.ladder_window_days if window is None else window
    if not isinstance(window, int) or isinstance(window, bool) or window < 1:
        raise ConfigError(Errors.E501.format(name="window", value=window, hint="Expected a number of days >= 1."))
    the_pair = parse_pair(pair) if pair is not None else None
    first, last = check_date("since", since), check_date("until", until)
    end = last or latest_day(store, source, min_confidence)
    undated = count_undated(store, pair=the_pair, level=level, targeted=True, source=source, min_confidence=min_confidence)
    if end is None or source_missing(store, source):
        return _with_undated(pd.DataFrame(columns=list(LADDER_COLUMNS)), undated)
    sql, params = reports_sql(
        pair=the_pair, level=level, since=first, until=end, targeted=True, source=source, min_confidence=min_confidence
    )
    sql += f"""
, stats AS (
    SELECT src, tgt, max(rung) AS peak_rung, count(*) AS events, count(*) FILTER (WHERE quad >= 3) AS conflict,
           count(*) FILTER (WHERE quad <= 2) AS cooperation, min(event_date) AS first_date, max(event_date) AS last_date
    FROM rows GROUP BY src, tgt
),
recent AS (SELECT r.* FROM rows r JOIN stats s ON s.src = r.src AND s.tgt = r.tgt WHERE r.event_date > s.last_date - {int(window)}),
top AS (SELECT src, tgt, max(rung) AS rung, sum(weight) AS score, bool_or(signal) AS nuclear FROM recent GROUP BY src, tgt),
evidence AS (
    SELECT r.src, r.tgt, (array_agg(r.event_id ORDER BY r.sources DESC, r.event_date DESC, r.event_id))[1:{int(tuning.ladder_max_evidence)}] AS evidence
    FROM recent r JOIN top t ON t.src = r.src AND t.tgt = r.tgt AND t.rung = r.rung GROUP BY r.src, r.tgt
)
SELECT s.src AS source, s.tgt AS target, t.rung, s.peak_rung, t.score, t.nuclear, s.events, s.conflict, s.cooperation, s.first_date,
       s.last_date, (?::DATE - s.last_date) AS quiet_days, v.evidence
FROM stats s JOIN top t ON t.src = s.src AND t.tgt = s.tgt LEFT JOIN evidence v ON v.src = s.src AND v.tgt = s.tgt
ORDER BY rung DESC, score DESC, events DESC, source, target
"""
    params.append(end)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    frame = store.read_frame(sql, params)
    if frame.empty:
        return _with_undated(pd.DataFrame(columns=list(LADDER_COLUMNS)), undated)
    frame.insert(0, "pair", [f"{s}>{t}" for s, t in zip(frame["source"], frame["target"])])
    frame.insert(4, "rung_name", [RUNGS[r] for r in frame["rung"]])
    for col in ("first_date", "last_date"):
        frame[col] = pd.to_datetime(frame[col]).dt.date
    frame["evidence"] = [[] if v is None or isinstance(v, float) else list(v) for v in frame["evidence"]]
    frame["nuclear"] = frame["nuclear"].astype(bool)
    frame["quiet_days"] = frame["quiet_days"].astype("int64")
    frame["dormant"] = [bool(q >= window) for q in frame["quiet_days"]]
    return _with_undated(frame[list(LADDER_COLUMNS)], undated)


def _with_undated(frame: pd.DataFrame, undated: int) -> pd.DataFrame:
    frame.attrs["undated"] = undated
    return frame


PAIR_COLUMNS = ("pair", "source", "target", "events", "conflict", "cooperation", "rung", "rung_name", "peak_rung", "score", "nuclear",
                "first_date", "last_date", "dormant")  # fmt: skip


def pairs(
    store: Store,
    *,
    since: str | date | None = None,
    until: str | date | None = None,
    limit: int = 100,
    window: int | None = None,
    source: str = "tocsin",
    min_confidence: float | None = None,
) -> pd.DataFrame:
    """The directed country-level pairs with most events, with their ladder position (no evidence lists: one pass).

    window: as for :func:`ladder` (None: ``tuning.watch.ladder_window_days``).
    """
    import pandas as pd

    window = settings().watch.ladder_window_days if window is None else window

    first, last = check_date("since", since), check_date("until", until)
    end = last or latest_day(store, source, min_confidence)
    undated = count_undated(store, targeted=True, source=source, min_confidence=min_confidence)
    if end is None or source_missing(store, source):
        return _with_undated(pd.DataFrame(columns=list(PAIR_COLUMNS)), undated)
    sql, params = reports_sql(since=first, until=end, targeted=True, source=source, min_confidence=min_confidence)
    sql += f"""
, last AS (SELECT src, tgt, max(event_date) AS last_date FROM rows GROUP BY src, tgt)
SELECT r.src AS source, r.tgt AS target, count(*) AS events, count(*) FILTER (WHERE r.quad >= 3) AS conflict,
       count(*) FILTER (WHERE r.quad <= 2) AS cooperation, max(r.rung) FILTER (WHERE r.event_date > l.last_date - {int(window)}) AS rung,
       max(r.rung) AS peak_rung, sum(r.weight) FILTER (WHERE r.event_date > l.last_date - {int(window)}) AS score,
       bool_or(r.signal) FILTER (WHERE r.event_date > l.last_date - {int(window)}) AS nuclear, min(r.event_date) AS first_date,
       max(r.event_date) AS last_date
FROM rows r JOIN last l ON l.src = r.src AND l.tgt = r.tgt
GROUP BY r.src, r.tgt ORDER BY events DESC, rung DESC, source, target
"""
    # The whole ranking, kept (tocsin.watch.memo) and cut at limit: a list asked again with another limit costs nothing.
    ranking = _ranking(store, sql, params, source)
    frame = ranking.head(max(int(limit), 0)).copy()
    if frame.empty:
        return _with_undated(pd.DataFrame(columns=list(PAIR_COLUMNS)), undated)
    frame.insert(0, "pair", [f"{s}>{t}" for s, t in zip(frame["source"], frame["target"])])
    frame["rung_name"] = [RUNGS[r] for r in frame["rung"]]
    for col in ("first_date", "last_date"):
        frame[col] = pd.to_datetime(frame[col]).dt.date
    frame["nuclear"] = frame["nuclear"].astype(bool)
    frame["dormant"] = [(end - d).days >= window for d in frame["last_date"]]
    return _with_undated(frame[list(PAIR_COLUMNS)], undated)


def _ranking(store: Store, sql: str, params: list[Any], source: str) -> pd.DataFrame:
    if source != "tocsin":
        return store.read_frame(sql, params)
    return remember(store, ("pairs", sql, tuple(params)), lambda: store.read_frame(sql, params))


__all__ = ["LADDER_COLUMNS", "PAIR_COLUMNS", "ladder", "latest_day", "pairs"]
