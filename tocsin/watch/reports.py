"""The rows every escalation measure starts from: one row per merged event, with its pair sides and rung.

A merged event (:mod:`tocsin.store.merge`) counts once, however many articles
told it; its weight is its number of independent sources. Each row carries:

* ``src``, ``tgt``: the pair's sides (:mod:`tocsin.watch.pairs`);
* ``rung``: its position on the escalation ladder (:data:`RUNGS`);
* ``signal``: nuclear signalling. An event signals when its sentence speaks of
  nuclear weapons (``nuclear``) and it is a threat, a show of force, coercion or
  an attack (roots 13, 15, 17, 18, 19; CAMEO 1385). An exercise with tactical
  nuclear weapons seldom names its audience, so a signal also marks every
  conflictual event (quad class 3 or 4) of the same source in the same article:
  Moscow's warning to NATO in an article on its nuclear drills is nuclear
  signalling towards NATO. A signalling event stands at least on rung 5.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import ConfigError, Errors
from .pairs import Pair, check_level, side_sql

RUNGS: tuple[str, ...] = (
    "statements",
    "accusations",
    "demands",
    "threats",
    "force posture and mobilisation",
    "nuclear signalling",
    "conventional attack",
    "mass violence or weapons of mass destruction",
)
NUCLEAR_RUNG = 5
# The day of an event for series: the text's date, else the article's (both in event_date), else the day it was stored.
DAY_SQL = "coalesce(e.event_date, e.seen_date)"
SIGNAL_ROOTS = ("13", "15", "17", "18", "19")

# CAMEO root -> rung (anything not listed, the cooperative and neutral roots 01-09, is "statements").
RUNG_OF_ROOT: dict[str, int] = {
    "11": 1, "12": 1, "14": 1,  # disapprove, reject, protest
    "10": 2, "16": 2,  # demand, reduce relations (sanctions, expulsions)
    "13": 3,  # threaten
    "15": 4, "17": 4,  # exhibit force posture, coerce
    "18": 6, "19": 6,  # assault, fight
    "20": 7,  # unconventional mass violence, WMD
}  # fmt: skip

_RUNG_SQL = "(CASE e.root " + " ".join(f"WHEN '{root}' THEN {rung}" for root, rung in RUNG_OF_ROOT.items()) + " ELSE 0 END)"
_SIGNAL_SQL = "(coalesce({t}.nuclear, false) AND ({t}.root IN ('13', '15', '17', '18', '19') OR {t}.cameo = '1385'))"


def rung_of(root: str, *, signal: bool = False) -> int:
    """The ladder rung of a CAMEO root (and of a nuclear signal)."""
    rung = RUNG_OF_ROOT.get(root, 0)
    return max(rung, NUCLEAR_RUNG) if signal else rung


def check_date(name: str, value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(Errors.E501.format(name=name, value=value, hint="Expected an ISO date such as 2024-05-06.")) from exc


def reports_sql(
    *,
    pair: Pair | None = None,
    country: str | None = None,
    level: str = "country",
    since: date | None = None,
    until: date | None = None,
    targeted: bool = False,
) -> tuple[str, list[Any]]:
    """A ``WITH`` query whose last table, ``rows``, holds one row per merged event with the columns above.

    pair: keep only this pair's events (either direction unless ``pair.directed``);
    country: keep events with this principal on either side; targeted: keep only events with a target.
    """
    check_level(level)
    src, tgt = side_sql("e.source_code", level), side_sql("e.target_code", level)
    day = DAY_SQL
    where = ["(e.merged_id IS NULL OR e.merged_id = e.event_id)", f"{day} IS NOT NULL"]
    params: list[Any] = []
    if pair is not None:
        if pair.directed:
            where.append(f"{src} = ? AND {tgt} = ?")
            params += [pair.source, pair.target]
        else:
            where.append(f"(({src} = ? AND {tgt} = ?) OR ({src} = ? AND {tgt} = ?))")
            params += [pair.source, pair.target, pair.target, pair.source]
    if country is not None:
        where.append(f"({src} = ? OR {tgt} = ?)")
        params += [country, country]
    if targeted:
        where.append("e.target_code IS NOT NULL AND e.source_code IS NOT NULL")
    if since is not None:
        where.append(f"{day} >= ?")
        params.append(since)
    if until is not None:
        where.append(f"{day} <= ?")
        params.append(until)
    signal = _SIGNAL_SQL.format(t="e")
    signal_s = _SIGNAL_SQL.format(t="s")
    s_src = side_sql("s.source_code", level)
    sql = f"""
WITH base AS (
    SELECT e.event_id, e.article_id, {day} AS event_date, e.cameo, e.root, e.quad, e.goldstein, coalesce(e.nuclear, false) AS nuclear,
           e.source_code, e.target_code, {src} AS src, {tgt} AS tgt, coalesce(m.num_sources, 1) AS sources,
           {_RUNG_SQL} AS base_rung, {signal} AS own_signal
    FROM events e LEFT JOIN merged_events m ON m.event_id = e.merged_id
    WHERE {" AND ".join(where)}
),
signals AS (
    SELECT DISTINCT s.article_id, {s_src} AS src FROM events s
    WHERE {signal_s} AND s.article_id IN (SELECT article_id FROM base WHERE quad >= 3)
),
rows AS (
    SELECT b.*, (b.own_signal OR (b.quad >= 3 AND g.src IS NOT NULL)) AS signal,
           CASE WHEN b.own_signal OR (b.quad >= 3 AND g.src IS NOT NULL) THEN greatest(b.base_rung, {NUCLEAR_RUNG}) ELSE b.base_rung END AS rung,
           CASE WHEN b.quad >= 3 THEN abs(b.goldstein) ELSE -0.5 * b.goldstein END * (1 + ln(b.sources)) AS weight
    FROM base b LEFT JOIN signals g ON g.article_id = b.article_id AND g.src = b.src
)
"""
    return sql, params


__all__ = ["DAY_SQL", "RUNGS", "NUCLEAR_RUNG", "RUNG_OF_ROOT", "rung_of", "reports_sql", "check_date"]
