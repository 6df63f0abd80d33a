"""``GET /api/events``, ``GET /api/events/{id}`` and ``GET /api/map``: stored events, filtered."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from ..queries import EXPORT_COLUMNS, EventFilter, export_events, get_event, list_events, map_points
from ..state import request_cursor, state_of

router = APIRouter(tags=["events"])

Cursor = Annotated[Any, Depends(request_cursor)]


def event_filter(
    since: Annotated[str | None, Query(description="First event date, inclusive (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Last event date, inclusive (YYYY-MM-DD).")] = None,
    actor: Annotated[str | None, Query(description="Actor code prefix, either side (RUS matches RUSMIL).")] = None,
    source: Annotated[str | None, Query(description="Source actor code prefix.")] = None,
    target: Annotated[str | None, Query(description="Target actor code prefix.")] = None,
    pair: Annotated[str | None, Query(description="SRC>TGT (directed) or SRC-TGT (either direction), by principal.")] = None,
    code: Annotated[str | None, Query(description="CAMEO code prefix (19 = all of root 19).")] = None,
    root: Annotated[str | None, Query(description="CAMEO root, two digits (01-20).")] = None,
    quad: Annotated[int | None, Query(description="Quad class 1-4.")] = None,
    country: Annotated[str | None, Query(description="ISO3 country of the place.")] = None,
    lang: Annotated[str | None, Query(description="Article language (fr, en).")] = None,
    q: Annotated[str | None, Query(description="Words that must all appear in the sentence, case-insensitive.")] = None,
    nuclear: Annotated[bool | None, Query(description="Only nuclear (true) or non-nuclear (false) events.")] = None,
) -> EventFilter:
    """Dependency: the filters shared by ``/api/events`` and ``/api/map``, checked (400 if bad)."""

    def upper(value: str | None) -> str | None:
        return value.strip().upper() if value is not None else None

    return EventFilter(
        since=since,
        until=until,
        actor=upper(actor),
        source=upper(source),
        target=upper(target),
        pair=pair.strip() if pair is not None else None,
        code=code,
        root=root,
        quad=quad,
        country=upper(country),
        lang=lang.strip().lower() if lang is not None else None,
        q=q,
        nuclear=nuclear,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]


@router.get("/events", summary="Events, filtered and paged, newest first")
def events(
    where: Filter,
    cursor: Cursor,
    limit: Annotated[int, Query(description="Rows per page, at most 1000.")] = 50,
    offset: Annotated[int, Query(description="Rows to skip.")] = 0,
) -> JSONResponse:
    """``{"total", "limit", "offset", "items": [event row]}``."""
    return JSONResponse(list_events(cursor, where, limit=limit, offset=offset))


@router.get("/events.csv", summary="Every event the filters keep, as CSV")
def events_csv(where: Filter, cursor: Cursor) -> Response:
    """The rows of ``/api/events`` with the same filters, all pages, one CSV line each (the columns of EXPORT_COLUMNS)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(EXPORT_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(export_events(cursor, where))
    headers = {"Content-Disposition": 'attachment; filename="tocsin-events.csv"'}
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/events.geojson", summary="Every event the filters keep, as GeoJSON")
def events_geojson(where: Filter, cursor: Cursor) -> Response:
    """A FeatureCollection: one Point feature per event row with coordinates (properties: the CSV columns), and
    ``unlocated``, how many rows the filters keep that have no coordinates (they are in the CSV, not on a map)."""
    features: list[dict[str, Any]] = []
    unlocated = 0
    for row in export_events(cursor, where):
        if row["lat"] is None or row["lon"] is None:
            unlocated += 1
            continue
        properties = {key: value for key, value in row.items() if key not in ("lat", "lon")}
        features.append(
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]}, "properties": properties}
        )
    body = {"type": "FeatureCollection", "features": features, "unlocated": unlocated}
    headers = {"Content-Disposition": 'attachment; filename="tocsin-events.geojson"'}
    return Response(json.dumps(body, ensure_ascii=False), media_type="application/geo+json", headers=headers)


@router.get("/events/{event_id}", summary="One event and its reports")
def event(event_id: str, cursor: Cursor) -> JSONResponse:
    """``{"event": merged summary, "mentions": [event row]}`` for a merged event id or a report's mention id; 404 otherwise."""
    return JSONResponse(get_event(cursor, event_id))


@router.get("/map", summary="Events per place")
def map_(request: Request, where: Filter, cursor: Cursor) -> Response:
    """``{"points": [{"lat", "lon", "place", "country", "geo_precision", "events", "quad", "event_ids"}]}``."""
    state = state_of(request)  # kept like the escalation answers: one pass over the filtered events per filter and data
    condition, params = where.where("e")
    body = state.cache.get(state.store, ("map", condition, repr(params)), lambda: JSONResponse({"points": map_points(cursor, where)}).body)
    return Response(body, media_type="application/json")
