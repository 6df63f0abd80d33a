"""The rows every escalation measure starts from: one row per merged event, with its pair sides and rung.

A merged event (:mod:`tocsin.store.merge`) counts once, however many articles
told it; its weight is its number of independent sources. Each row carries:

* ``src``, ``tgt``: the pair's sides (:mod:`tocsin.watch.pairs`);
* ``rung``: its position on the escalation ladder (:data:`RUNGS`);
* ``signal``: nuclear signalling. An event signals when its sentence speaks of
  nuclear weapons (``nuclear``) and it is a threat, a show of force, coercion or
  an attack (roots 13, 15, 17, 18, 19; CAMEO 1385: ``tocsin.store.merge.SIGNAL_ROOTS``; the
  store works the flag out on save and keeps it on ``merged_events.signal``). An exercise with tactical
  nuclear weapons seldom names its audience, so a signal also marks every
  conflictual event (quad class 3 or 4) of the same source in the same article:
  Moscow's warning to NATO in an article on its nuclear drills is nuclear
  signalling towards NATO. A signalling event stands at least on rung 5 (``tuning.watch.nuclear_rung``).

The rows hold events at or above ``tuning.watch.min_confidence`` (0.6) unless asked otherwise
(:func:`tocsin.config.settings`: the active configuration's tuning, read at each call).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..codebook import country_codes
from ..config import settings
from ..errors import ConfigError, Errors
from ..store import Store
from ..store.filters import check_date
from ..store.merge import principal_sql
from .memo import keeps_answers, remember
from .pairs import Pair, check_level

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
# A nuclear signal puts an event on at least rung tuning.watch.nuclear_rung (5) of the active configuration.

# CAMEO root -> rung (anything not listed, the cooperative and neutral roots 01-09, is "statements").
RUNG_OF_ROOT: dict[str, int] = {
    "11": 1, "12": 1, "14": 1,  # disapprove, reject, protest
    "10": 2, "16": 2,  # demand, reduce relations (sanctions, expulsions)
    "13": 3,  # threaten
    "15": 4, "17": 4,  # exhibit force posture, coerce
    "18": 6, "19": 6,  # assault, fight
    "20": 7,  # unconventional mass violence, WMD
}  # fmt: skip

_RUNG_SQL = "(CASE m.root " + " ".join(f"WHEN '{root}' THEN {rung}" for root, rung in RUNG_OF_ROOT.items()) + " ELSE 0 END)"


def rung_of(root: str, *, signal: bool = False) -> int:
    """The ladder rung of a CAMEO root (and of a nuclear signal)."""
    rung = RUNG_OF_ROOT.get(root, 0)
    return max(rung, settings().watch.nuclear_rung) if signal else rung


FREQS = ("week", "day")


# The watch reads events at or above tuning.watch.min_confidence (0.6) unless asked otherwise (docs/watch.md,
# docs/accuracy.md).


def period_sql(freq: str, column: str = "event_date") -> str:
    """SQL of the period a day falls in: the Monday of its week (``freq="week"``), or the day itself."""
    return f"date_trunc('week', {column})::DATE" if freq == "week" else column


def reports_sql(
    *,
    pair: Pair | None = None,
    country: str | None = None,
    level: str = "country",
    since: date | None = None,
    until: date | None = None,
    targeted: bool = False,
    source: str = "tocsin",
    min_confidence: float | None = None,
    undated: bool = False,
) -> tuple[str, list[Any]]:
    """A ``WITH`` query whose last table, ``rows``, holds one row per merged event with the columns above.

    source: ``"tocsin"`` (events tocsin coded) or ``"gdelt"`` (GDELT 2.0 rows loaded by ``tocsin import-gdelt``,
    one row per GDELT event, weighted by its NumSources; GDELT has no nuclear flag, so no nuclear rung).

    It reads ``merged_events`` alone: the store keeps there, per event, its first report's codes and day, its
    principals and its nuclear and signal flags (migration 0005), so a series touches one row per event.
    pair: keep only this pair's events (either direction unless ``pair.directed``);
    country: keep events with this principal (or code, at actor level) on either side;
    targeted: keep only events between two sides: a source and a target with a principal each (a role of unknown
        country has none) that differ (no self-pairs such as SRB>SRB: a government acting on its own country).
    undated: keep only the events with no date (neither their text nor their article dates them) instead of the
        dated ones; ``since`` and ``until`` are then ignored. Dated events are dated by the event date, else the
        publication date (``merged_events.day``), never by the day tocsin stored them (migration 0008).
    min_confidence: keep events whose (merged) confidence is at least this; None is ``tuning.watch.min_confidence``, 0 keeps all.
    Events that did not happen (every report negated or hypothetical) never count.
    """
    check_level(level)
    check_source(source)
    tuning = settings().watch
    src, tgt = ("m.src", "m.tgt") if level == "country" else ("m.source_code", "m.target_code")
    where = ["m.day IS NULL" if undated else "m.day IS NOT NULL"]
    if undated:
        since = until = None
    params: list[Any] = []
    if source == "tocsin":
        where.append("coalesce(m.factual, true)")
        threshold = tuning.min_confidence if min_confidence is None else float(min_confidence)
        if not 0.0 <= threshold <= 1.0:
            raise ConfigError(Errors.E501.format(name="min_confidence", value=min_confidence, hint="Expected a number from 0 to 1."))
        if threshold > 0:
            where.append("m.confidence >= ?")
            params.append(threshold)
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
        where.append(
            f"m.target_code IS NOT NULL AND m.source_code IS NOT NULL AND {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt}"
        )
    if since is not None:
        where.append("m.day >= ?")
        params.append(since)
    if until is not None:
        where.append("m.day <= ?")
        params.append(until)
    sql = f"""
WITH rows AS (
    SELECT m.event_id, m.article_id, m.day AS event_date, m.cameo, m.root, m.quad, m.goldstein, coalesce(m.nuclear, false) AS nuclear,
           m.source_code, m.target_code, {src} AS src, {tgt} AS tgt, m.num_sources AS sources,
           coalesce(m.signal, false) AS signal,
           greatest({_RUNG_SQL}, CASE WHEN coalesce(m.signal, false) THEN {int(tuning.nuclear_rung)} ELSE 0 END) AS rung,
           CASE WHEN m.quad >= 3 THEN abs(m.goldstein) ELSE -0.5 * m.goldstein END * (1 + ln(m.num_sources)) AS weight
    FROM {"merged_events" if source == "tocsin" else f"({_GDELT_FACTS})"} m
    WHERE {" AND ".join(where)}
)
"""
    return sql, params


SOURCES = ("tocsin", "gdelt")
GDELT_TABLE = "gdelt_events"


def _gdelt_side(n: int) -> str:
    """The principal of a GDELT actor: an organisation by its code (IGOWSTNAT), else its country (Actor1CountryCode,
    else the country its code starts with); NULL when it has neither (a role code such as ``HLH`` or ``GOV`` alone is
    no side: the pair would be a role, not a country)."""
    code = f"g.Actor{n}Code"
    countries = ", ".join(f"'{c}'" for c in sorted(country_codes()))
    return (
        f"CASE WHEN starts_with({code}, 'IGO') OR starts_with({code}, 'NGO') THEN {principal_sql(code)}"
        f" WHEN nullif(g.Actor{n}CountryCode, '') IS NOT NULL THEN g.Actor{n}CountryCode"
        f" WHEN left({code}, 3) IN ({countries}) THEN left({code}, 3) END"
    )


# GDELT 2.0 rows (stored verbatim as text by tocsin.interop.gdelt) in the shape of merged_events.
_GDELT_FACTS = f"""
    SELECT 'gdelt:' || g.GLOBALEVENTID AS event_id, NULL::VARCHAR AS article_id, g.EventCode AS cameo, g.EventRootCode AS root,
           TRY_CAST(g.QuadClass AS INTEGER) AS quad, TRY_CAST(g.GoldsteinScale AS DOUBLE) AS goldstein,
           nullif(g.Actor1Code, '') AS source_code, nullif(g.Actor2Code, '') AS target_code,
           {_gdelt_side(1)} AS src, {_gdelt_side(2)} AS tgt, TRY_STRPTIME(g.SQLDATE, '%Y%m%d')::DATE AS day,
           false AS nuclear, false AS signal, greatest(1, coalesce(TRY_CAST(g.NumSources AS INTEGER), 1)) AS num_sources
    FROM {GDELT_TABLE} g
"""


def count_undated(
    store: Store,
    *,
    pair: Pair | None = None,
    country: str | None = None,
    level: str = "country",
    targeted: bool = False,
    source: str = "tocsin",
    min_confidence: float | None = None,
) -> int:
    """How many events the same selection would count if they had a date: neither their text nor their article
    dates them, so series, ladder and alerts leave them out (never "this week") and say how many (``undated``)."""
    if source_missing(store, source):
        return 0
    if source == "tocsin" and keeps_answers(store):  # one count per pair of sides, kept, serves every selection
        sql, params = reports_sql(level=level, targeted=targeted, source=source, min_confidence=min_confidence, undated=True)
        groups = kept_rows(store, sql + "SELECT src, tgt, count(*) FROM rows GROUP BY src, tgt", params, source)
        return sum(int(n) for src, tgt, n in groups if _selected(src, tgt, pair, country))
    sql, params = reports_sql(
        pair=pair, country=country, level=level, targeted=targeted, source=source, min_confidence=min_confidence, undated=True
    )
    rows = kept_rows(store, sql + "SELECT count(*) FROM rows", params, source)
    return int(rows[0][0]) if rows else 0


def _selected(src: str | None, tgt: str | None, pair: Pair | None, country: str | None) -> bool:
    """Whether events with these sides are in the selection of :func:`reports_sql` (its pair and country filters)."""
    sides = (src, tgt)
    if pair is not None:
        ways = [(pair.source, pair.target)] if pair.directed else [(pair.source, pair.target), (pair.target, pair.source)]
        if sides not in ways:
            return False
    return country is None or country in sides


def kept_rows(store: Store, sql: str, params: list[Any], source: str = "tocsin") -> list[tuple[Any, ...]]:
    """``store.read_rows(sql, params)``, kept while the store's events stay the same (:mod:`tocsin.watch.memo`), for
    reads of tocsin's own events (GDELT rows are not counted in the store's data version: they are read every time)."""
    if source != "tocsin":
        return store.read_rows(sql, params)
    return remember(store, ("rows", sql, tuple(params)), lambda: store.read_rows(sql, params))


def check_source(source: str) -> str:
    if source not in SOURCES:
        raise ConfigError(
            Errors.E501.format(name="source", value=source, hint="Expected tocsin (coded events) or gdelt (imported GDELT rows).")
        )
    return source


def source_missing(store: Store, source: str) -> bool:
    """True when ``source`` is gdelt and nothing was imported yet (no ``gdelt_events`` table)."""
    if check_source(source) == "tocsin":
        return False
    return not store.has_table(GDELT_TABLE)


__all__ = [
    "FREQS",
    "RUNGS",
    "RUNG_OF_ROOT",
    "SOURCES",
    "check_date",
    "check_source",
    "count_undated",
    "kept_rows",
    "period_sql",
    "reports_sql",
    "rung_of",
    "source_missing",
]
