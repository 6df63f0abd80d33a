"""Build the dashboard's world outline from Natural Earth 1:110m countries.

The dashboard ships its map instead of loading tiles. This script turns the
TopoJSON of the ``world-atlas`` npm package (ISC licence; the geometry is
Natural Earth 1:110m admin-0 countries, public domain) into
``static/world-110m.json``: one pre-projected SVG path per country in an
equirectangular projection, ``x = (lon + 180) * 2``, ``y = (90 - lat) * 2``
(a 720 x 360 viewBox). Run it once; the output is committed::

    npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python -m tocsin.web.build_world package/countries-110m.json

Rings that cross the antimeridian (Fiji, Chukotka) are unwrapped and drawn
twice, 360 degrees apart, so the viewBox clips each copy at the map's edge; a
ring around a pole (Antarctica) is closed along the pole line.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import pycountry

from . import STATIC_DIR

SCALE = 2.0  # viewBox units per degree
WIDTH, HEIGHT = int(360 * SCALE), int(180 * SCALE)
OUTPUT = STATIC_DIR / "world-110m.json"

Point = tuple[float, float]


def _decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Absolute (lon, lat) points of every arc (delta-decoded and de-quantised)."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    """Join a ring's arcs; a negative index ``~i`` is arc ``i`` reversed."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _unwrap(ring: list[Point]) -> list[list[Point]]:
    """The ring as drawable copies: continuous longitudes, shifted by 360 where it spills over an edge."""
    if not ring:
        return []
    unwrapped = [ring[0]]
    offset = 0.0
    for (lon0, _), (lon1, lat1) in pairwise(ring):
        if lon1 - lon0 > 180:
            offset -= 360
        elif lon1 - lon0 < -180:
            offset += 360
        unwrapped.append((lon1 + offset, lat1))
    if offset:  # the ring goes round a pole: close it along the pole line
        pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
        unwrapped += [(unwrapped[-1][0], pole), (unwrapped[0][0], pole)]
    lons = [lon for lon, _ in unwrapped]
    copies = [unwrapped]
    for shift in (-360.0, 360.0):
        if min(lons) + shift < 180 and max(lons) + shift > -180:
            copies.append([(lon + shift, lat) for lon, lat in unwrapped])
    return copies


def _project(point: Point) -> tuple[int, int]:
    """Equirectangular projection into integer tenths of viewBox units."""
    lon, lat = point
    return round((lon + 180.0) * SCALE * 10), round((90.0 - lat) * SCALE * 10)


def _fmt(tenths: int) -> str:
    text = f"{tenths / 10:.1f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def _path(rings: list[list[Point]]) -> str:
    """A compact SVG path: absolute move, relative lines, closed rings."""
    parts: list[str] = []
    for ring in rings:
        projected: list[tuple[int, int]] = []
        for point in ring:
            xy = _project(point)
            if not projected or xy != projected[-1]:
                projected.append(xy)
        if len(projected) > 1 and projected[0] == projected[-1]:
            projected.pop()
        if len(projected) < 3:
            continue
        (x0, y0), rest = projected[0], projected[1:]
        steps = []
        px, py = x0, y0
        for x, y in rest:
            dy = _fmt(y - py)
            steps.append(_fmt(x - px) + ("" if dy.startswith("-") else " ") + dy)
            px, py = x, y
        parts.append(f"M{_fmt(x0)} {_fmt(y0)}l" + " ".join(steps) + "z")
    return "".join(parts)


def _iso3(numeric: str) -> str:
    """ISO 3166 alpha-3 of a numeric code (``"643"`` -> ``"RUS"``); ``""`` when unknown (Kosovo, N. Cyprus)."""
    country = pycountry.countries.get(numeric=numeric) if numeric.isdigit() else None
    return country.alpha_3 if country is not None else ""


def build_world(topojson_path: Path, output: Path = OUTPUT) -> dict[str, Any]:
    """Convert ``countries-110m.json`` (world-atlas) into the dashboard's outline file.

    Args:
        topojson_path: the TopoJSON file from the ``world-atlas`` package.
        output: where to write the JSON (defaults to ``static/world-110m.json``).

    Returns:
        The written document: ``{"source", "licence", "projection", "width", "height", "countries": [{"id", "iso3", "name", "d"}]}``.
    """
    topology = json.loads(topojson_path.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [copy for polygon in polygons for ring in polygon for copy in _unwrap(_ring(ring, arcs))]
        countries.append(
            {
                "id": str(geometry.get("id", "")),
                "iso3": _iso3(str(geometry.get("id", ""))),
                "name": geometry.get("properties", {}).get("name", ""),
                "d": _path(rings),
            }
        )
    document = {
        "source": "Natural Earth 1:110m admin-0 countries, via world-atlas@2 countries-110m.json",
        "licence": "Natural Earth: public domain; world-atlas: ISC",
        "projection": f"equirectangular: x = (lon + 180) * {SCALE:g}, y = (90 - lat) * {SCALE:g}",
        "width": WIDTH,
        "height": HEIGHT,
        "countries": countries,
    }
    output.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return document


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json from the world-atlas npm package")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the outline JSON")
    args = parser.parse_args()
    document = build_world(args.topojson, args.output)
    size = args.output.stat().st_size
    sys.stdout.write(f"{len(document['countries'])} countries, {size:,} bytes -> {args.output}\n")


if __name__ == "__main__":
    _main()
