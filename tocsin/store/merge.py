"""Same event, many reports: when two reports are one event.

Two reports are one event when they have the same actor pair up to roles
(source and target countries, in that order), the same three-digit CAMEO code
(a root's generic code, such as 190, joins any specific code of that root),
compatible dates (within a day for day-precise dates, the same week or month
for coarser ones) and compatible places (the same city when both name one,
else the same country). Two distinct events between the same pair on the same
day stay two when their codes or their cities differ.

Two cities are the same when they are one GeoNames place, or when they lie
within a few kilometres of each other (one city under two entries); two towns
40 km apart (Jermuk, Vardenis) are two places. A report whose town the
gazetteer does not know is placed at country level with the town's name
(``place`` "Jermuk, Armenia", no ``geonames_id``): it is compatible with a
report placed at the country alone, but not with one naming another town.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from ..codebook import actor_principal, actor_principal_sql
from ..config import settings
from ..models import Event

# The tuning (tocsin.config.settings().store, read at each use): merge_window_days (days two dates may differ, by the
# coarser precision), same_city_km (two cities without GeoNames ids: the same within this distance) and
# same_entry_km (two different GeoNames ids: one city under two entries only this close).


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
    place: str | None = None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def dates_compatible(a: Report, b: Report) -> bool:
    if a.event_date is None or b.event_date is None:
        return a.event_date is None and b.event_date is None
    days = cast("dict[str, int]", settings().store.merge_window_days)
    window = max(days.get(a.date_precision or "day", 1), days.get(b.date_precision or "day", 1))
    return abs((a.event_date - b.event_date).days) <= window


def places_compatible(a: Report, b: Report) -> bool:
    """The same city when both are placed at one; else the same country, and the same town when both name one."""
    if a.geo_precision == "city" and b.geo_precision == "city":
        if a.geonames_id is not None and a.geonames_id == b.geonames_id:
            return True
        if None not in (a.lat, a.lon, b.lat, b.lon):
            both_ids = a.geonames_id is not None and b.geonames_id is not None
            tuning = settings().store
            return _km(a.lat, a.lon, b.lat, b.lon) <= (tuning.same_entry_km if both_ids else tuning.same_city_km)  # type: ignore[arg-type]
        return False
    if a.country is not None and b.country is not None and a.country != b.country:
        return False
    town_a, town_b = named_town(a), named_town(b)
    return town_a is None or town_b is None or town_a == town_b


def named_town(report: Report) -> str | None:
    """The town a report names, folded: its city's name, or the town named at country level ("Jermuk, Armenia");
    None for a report placed at a region or at the country alone."""
    if not report.place:
        return None
    if report.geo_precision == "city":
        name = report.place
    elif report.geo_precision == "country" and report.geonames_id is None and ", " in report.place:
        name = report.place.rsplit(", ", 1)[0]
    else:
        return None
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c)).replace("-", " ").strip()


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


# -- a batch's merge, whatever the backend: the backends run the SQL, these decide ------------------------------------

#: The merged_events columns a merge reads and writes: the merged event's id, then a Report's fields but ``place``
#: (a merged event's place name is its first report's, read from the events row).
MERGED_COLUMNS = ("event_id", "base_code", "source_country", "target_country", "event_date", "date_precision", "country",
                  "geonames_id", "lat", "lon", "geo_precision")  # fmt: skip


def reports_of(rows: Sequence[tuple[str, Event, date | None, date]]) -> list[tuple[str, Report]]:
    """Each new report (its events-row id, the event, its date, the day it was seen) as what merging compares."""
    reports = []
    for mention_id, event, event_date, _seen in rows:
        report = Report(
            base_code=event.cameo[:3],
            source_country=event.source_country,
            target_country=event.target_country,
            event_date=event_date,
            date_precision=event.date_precision or ("day" if event_date else None),
            country=event.country,
            geonames_id=event.geonames_id,
            lat=event.lat,
            lon=event.lon,
            geo_precision=event.geo_precision,
            place=event.place,
        )
        reports.append((mention_id, report))
    return reports


def merge_keys(reports: Sequence[tuple[str, Report]]) -> list[tuple[str, str, str]]:
    """(root, source country, target country) of the reports: the stored merged events they could join share one."""
    return sorted({(r.base_code[:2], r.source_country or "", r.target_country or "") for _, r in reports})


def plan_merge(
    reports: Sequence[tuple[str, Report]], found: Sequence[Sequence[Any]]
) -> tuple[list[list[Any]], dict[str, str], dict[str, str]]:
    """Match each report, in order, to a stored merged event (``found``: rows of :data:`MERGED_COLUMNS` and the place)
    or to one started earlier in the batch, else start one.

    RETURNS: the merged events to insert (rows like ``found``), the stored ones a report makes more specific (id ->
    code) and each report's merged event (report id -> merged id).
    """
    candidates: dict[tuple[str, str, str], list[list[Any]]] = {}
    for row in found:
        candidates.setdefault((row[1][:2], row[2] or "", row[3] or ""), []).append(list(row))
    new_merged: list[list[Any]] = []
    upgraded: dict[str, str] = {}
    links: dict[str, str] = {}
    for mention_id, report in reports:
        pool = candidates.setdefault((report.base_code[:2], report.source_country or "", report.target_country or ""), [])
        match = next((c for c in pool if same_event(report, Report(*c[1:]))), None)
        if match is None:
            match = [mention_id, report.base_code, report.source_country, report.target_country, report.event_date, report.date_precision,
                     report.country, report.geonames_id, report.lat, report.lon, report.geo_precision, report.place]  # fmt: skip
            pool.append(match)
            new_merged.append(match)
        elif match[1].endswith("0") and not report.base_code.endswith("0"):
            match[1] = report.base_code  # keep the most specific code (a row new in this batch is inserted with it)
            upgraded[match[0]] = report.base_code
        links[mention_id] = match[0]
    return new_merged, upgraded, links


def merged_counts(stats: Sequence[Sequence[Any]]) -> tuple[list[str], list[int], list[int], list[int], list[float]]:
    """Per merged event (rows: id, reports, articles, sources, each report's confidence, each report's outlet): the
    columns of its counts and its confidence, combined over sources (an outlet's best report counts once)."""
    ids, mentions, articles, sources, confidences = [], [], [], [], []
    for merged_id, n_mentions, n_articles, n_sources, confs, outlets in stats:
        best: dict[str, float] = {}
        for conf, outlet in zip(confs, outlets):
            best[outlet] = max(best.get(outlet, 0.0), conf)
        ids.append(merged_id)
        mentions.append(n_mentions)
        articles.append(n_articles)
        sources.append(n_sources)
        confidences.append(combined_confidence(list(best.values())))
    return ids, mentions, articles, sources, confidences


__all__ = [
    "MERGED_COLUMNS", "SIGNAL_CODES", "SIGNAL_ROOTS", "Report", "codes_compatible", "combined_confidence", "dates_compatible",
    "merge_keys", "merged_counts", "named_town", "places_compatible", "plan_merge", "principal", "principal_sql", "reports_of",
    "same_event", "signal_sql",
]  # fmt: skip
