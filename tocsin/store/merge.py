"""Same event, many reports: when two reports are one event.

Two reports are one event when they have the same actor pair up to roles
(source and target countries, in that order), the same three-digit CAMEO code
(a root's generic code, such as 190, joins any specific code of that root),
compatible dates (within a day for day-precise dates, the same week or month
for coarser ones) and compatible places (the same city when both name one,
else the same country). Two distinct events between the same pair on the same
day stay two when their codes or their cities differ.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from ..codebook import actor_principal, actor_principal_sql

_WINDOW_DAYS = {"day": 1, "week": 7, "month": 31}
_SAME_CITY_KM = 50.0


@dataclass
class Report:
    """What merging needs to know of one report (an events row) or one merged event."""

    base_code: str
    source_country: str | None
    target_country: str | None
    event_date: date | None
    date_precision: str | None
    country: str | None
    geonames_id: int | None
    lat: float | None
    lon: float | None
    geo_precision: str | None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def dates_compatible(a: Report, b: Report) -> bool:
    if a.event_date is None or b.event_date is None:
        return a.event_date is None and b.event_date is None
    window = max(_WINDOW_DAYS.get(a.date_precision or "day", 1), _WINDOW_DAYS.get(b.date_precision or "day", 1))
    return abs((a.event_date - b.event_date).days) <= window


def places_compatible(a: Report, b: Report) -> bool:
    if a.geo_precision == "city" and b.geo_precision == "city":
        if a.geonames_id is not None and a.geonames_id == b.geonames_id:
            return True
        if None not in (a.lat, a.lon, b.lat, b.lon):
            return _km(a.lat, a.lon, b.lat, b.lon) <= _SAME_CITY_KM  # type: ignore[arg-type]
        return False
    return a.country is None or b.country is None or a.country == b.country


def codes_compatible(a: str, b: str) -> bool:
    """The same three-digit code, or a root's generic code (190) and one of its specific codes (194)."""
    return a == b or (a[:2] == b[:2] and (a.endswith("0") or b.endswith("0")))


def same_event(a: Report, b: Report) -> bool:
    """True when two reports tell the same event."""
    return (
        codes_compatible(a.base_code, b.base_code)
        and a.source_country == b.source_country
        and a.target_country == b.target_country
        and dates_compatible(a, b)
        and places_compatible(a, b)
    )


# What the store keeps on each merged event for the watch layer (tocsin/watch/pairs.py and reports.py explain them).
# A pair's side at country level: the country of the actor code, or the organisation for IGO and NGO codes
# (IGOWSTNATMIL -> IGOWSTNAT). The store computes it on save with the codebook's definition, in Python and SQL.
principal = actor_principal
principal_sql = actor_principal_sql


# Nuclear signalling: a nuclear-flagged threat, show of force, coercion or attack, or a threat of WMD attack.
SIGNAL_ROOTS = ("13", "15", "17", "18", "19")
SIGNAL_CODES = ("1385",)


def signal_sql(alias: str) -> str:
    """SQL: the report ``alias`` is nuclear signalling by itself (before the same-article rule)."""
    roots = ", ".join(f"'{r}'" for r in SIGNAL_ROOTS)
    codes = ", ".join(f"'{c}'" for c in SIGNAL_CODES)
    return f"(coalesce({alias}.nuclear, false) AND ({alias}.root IN ({roots}) OR {alias}.cameo IN ({codes})))"


def combined_confidence(per_source: list[float]) -> float:
    """Confidence grows with independent sources: 1 - prod(1 - c), capped below 1."""
    remaining = 1.0
    for confidence in per_source:
        remaining *= 1.0 - max(0.0, min(1.0, confidence))
    return round(min(0.99, 1.0 - remaining), 3)


__all__ = [
    "SIGNAL_CODES", "SIGNAL_ROOTS", "Report", "codes_compatible", "combined_confidence", "dates_compatible", "places_compatible",
    "principal", "principal_sql", "same_event", "signal_sql",
]  # fmt: skip
