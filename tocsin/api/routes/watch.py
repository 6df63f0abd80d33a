"""``GET /api/pairs``, ``/api/series``, ``/api/ladder`` and ``/api/alerts``: the escalation measures of :mod:`tocsin.watch`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from ...errors import ConfigError, Errors
from ...watch.alerts import list_alerts
from ...watch.ladder import ladder, pairs
from ...watch.pairs import parse_pair
from ...watch.records import plain, records
from ...watch.reports import RUNGS
from ...watch.series import series
from ..queries import check_date, check_int
from ..state import ApiState, state_of

router = APIRouter(tags=["watch"])

#: The keys of a ``/api/pairs`` item.
PAIR_KEYS = (
    "pair",
    "source",
    "target",
    "events",
    "conflict",
    "cooperation",
    "rung",
    "rung_name",
    "peak_rung",
    "nuclear",
    "last_date",
    "dormant",
)
_PRINCIPAL = re.compile(r"^[A-Z0-9]{3,15}$")

Since = Annotated[str | None, Query(description="First day, inclusive (YYYY-MM-DD).")]
Until = Annotated[str | None, Query(description="Last day, inclusive (YYYY-MM-DD).")]
Dataset = Annotated[str, Query(description="tocsin (events tocsin coded) or gdelt (GDELT rows loaded by tocsin import-gdelt).")]


@router.get("/pairs", summary="The actor pairs with most events")
def pairs_(
    request: Request,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, Query(description="At most this many pairs.")] = 100,
    dataset: Dataset = "tocsin",
) -> Response:
    """``{"items": [{"pair", ..., "last_date", "dormant"}], "undated": n}``, most events first; ``undated`` counts the
    events between two sides that have no date (no event date, no publication date) and so are in no pair's count."""
    _check_dates(since, until)
    check_int("limit", limit, 0, 1000)
    state = state_of(request)

    def compute() -> dict[str, Any]:
        frame = pairs(state.store, since=since, until=until, limit=limit, source=dataset)
        return {"items": [{key: row[key] for key in PAIR_KEYS} for row in records(frame)], "undated": frame.attrs.get("undated", 0)}

    return _cached(state, ("pairs", since, until, limit, dataset), compute)


@router.get("/series", summary="Events per week or day of a pair, a country or everything")
def series_(
    request: Request,
    pair: Annotated[str | None, Query(description="SRC>TGT (directed) or SRC-TGT (either direction).")] = None,
    country: Annotated[str | None, Query(description="One principal (RUS, IGOWSTNAT): all its events, either side.")] = None,
    level: Annotated[str, Query(description="country (sides are principals) or actor (full codes).")] = "country",
    freq: Annotated[str, Query(description="week (periods start on Monday) or day.")] = "week",
    since: Since = None,
    until: Until = None,
    dataset: Dataset = "tocsin",
    min_confidence: Annotated[
        float | None, Query(ge=0.0, le=1.0, description="Count events at or above this confidence (default 0.5; 0 counts all).")
    ] = None,
) -> Response:
    """``{"pair", "country", "freq", "points": [series point], "undated": n}``; neither pair nor country gives the overall
    series. ``undated``: the selection's events with no date, which are in no period."""
    _check_dates(since, until)
    the_pair = str(parse_pair(pair)) if pair is not None else None
    if country is not None:
        country = country.strip().upper()
        if not _PRINCIPAL.match(country):
            raise ConfigError(Errors.E501.format(name="country", value=country, hint="Expected one principal code, e.g. RUS or IGOWSTNAT."))
    if the_pair is not None and country is not None:
        raise ConfigError(Errors.E501.format(name="country", value=country, hint="Give pair or country, not both."))
    state = state_of(request)

    def compute() -> dict[str, Any]:
        frame = series(
            state.store,
            pair=the_pair,
            country=country,
            level=level,
            freq=freq,
            since=since,
            until=until,
            source=dataset,
            min_confidence=min_confidence,
        )
        return {"pair": the_pair, "country": country, "freq": freq, "points": records(frame), "undated": frame.attrs.get("undated", 0)}

    key = ("series", the_pair, country, level, freq, since, until, dataset, min_confidence)
    return _cached(state, key, compute)


@router.get("/ladder", summary="Where pairs stand on the escalation ladder")
def ladder_(
    request: Request,
    pair: Annotated[str | None, Query(description="One pair (SRC>TGT, or SRC-TGT for both directions); default: every pair.")] = None,
    since: Since = None,
    until: Until = None,
    dataset: Dataset = "tocsin",
    min_confidence: Annotated[
        float | None, Query(ge=0.0, le=1.0, description="Read events at or above this confidence (default 0.5; 0 reads all).")
    ] = None,
) -> Response:
    """``{"rungs": [{"rung", "name"}], "items": [ladder row], "undated": n}``, highest rung first; a row's ``last_date`` is
    the pair's own "now" and ``dormant`` is true when it is older than the window."""
    _check_dates(since, until)
    the_pair = parse_pair(pair) if pair is not None else None
    state = state_of(request)

    def compute() -> dict[str, Any]:
        frame = ladder(state.store, pair=the_pair, since=since, until=until, source=dataset, min_confidence=min_confidence)
        return {
            "rungs": [{"rung": number, "name": name} for number, name in enumerate(RUNGS)],
            "items": records(frame),
            "undated": frame.attrs.get("undated", 0),
        }

    key = ("ladder", str(the_pair) if the_pair else None, since, until, dataset, min_confidence)
    return _cached(state, key, compute)


@router.get("/alerts", summary="Stored alerts, newest first")
def alerts(
    request: Request,
    pair: Annotated[str | None, Query(description="SRC>TGT, or SRC-TGT for both directions.")] = None,
    rule: Annotated[str | None, Query(description="Name of the rule that raised the alert.")] = None,
    since: Annotated[str | None, Query(description="First day, inclusive (YYYY-MM-DD): alerts whose period ends on or after it.")] = None,
    until: Annotated[str | None, Query(description="Last day, inclusive (YYYY-MM-DD): alerts whose period starts on or before it.")] = None,
    limit: Annotated[int, Query(description="At most this many alerts (1000 at most).")] = 100,
) -> JSONResponse:
    """``{"items": [alert]}``; an alert has ``week`` (weekly rules) or ``date`` (daily rules) set, the other null."""
    _check_dates(since, until)
    check_int("limit", limit, 0, 1000)
    if pair is not None:
        parse_pair(pair)
    items = list_alerts(state_of(request).store, pair=pair, rule=rule, since=since, until=until, limit=limit)
    for item in items:
        item.setdefault("week", None)
        item.setdefault("date", None)
    return JSONResponse({"items": [{key: plain(value) for key, value in item.items()} for item in items]})


def _cached(state: ApiState, key: tuple[Any, ...], compute: Callable[[], dict[str, Any]]) -> Response:
    """The answer to ``key``, rendered once and kept as JSON bytes: the cache weighs what it holds (a byte budget)."""
    body = state.cache.get(state.store, key, lambda: JSONResponse(compute()).body)
    return Response(body, media_type="application/json")


def _check_dates(since: str | None, until: str | None) -> None:
    check_date("since", since)
    check_date("until", until)
    if since and until and since > until:
        raise ConfigError(Errors.E501.format(name="until", value=until, hint=f"It is before since ({since}); give since <= until."))


__all__ = ["PAIR_KEYS", "router"]
