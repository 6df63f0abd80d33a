"""The dashboard's static files: shipped, offline, and the world outline built right."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tocsin.web import STATIC_DIR
from tocsin.web.build_world import build_world

SVG_NS = "http://www.w3.org/2000/svg"
URL = re.compile(r"""(?:https?:)?//[^\s"'`)]+""")


def test_web_exports() -> None:
    import tocsin.web

    assert tocsin.web.__all__ == ["STATIC_DIR"]
    for name in ("index.html", "app.js", "style.css", "world-110m.json", "README.md", "LICENSE-world-atlas.txt"):
        assert (STATIC_DIR / name).is_file(), name


@pytest.mark.parametrize("path", sorted(p.name for p in STATIC_DIR.iterdir() if p.suffix in {".html", ".js", ".css", ".svg"}))
def test_web_static_names_no_other_host(path: str) -> None:
    text = (STATIC_DIR / path).read_text(encoding="utf-8")
    foreign = [url for url in URL.findall(text) if not url.startswith(SVG_NS)]
    assert foreign == [], f"{path} names another host; the dashboard must work offline"


def test_web_modules_are_all_shipped() -> None:
    """Every ``import ... from "./x.js"`` and every asset the page links is in the folder."""
    html = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r"""(?:src|href)="([\w./-]+\.(?:js|css|svg))\"""", html))
    for script in STATIC_DIR.glob("*.js"):
        linked |= {name.removeprefix("./") for name in re.findall(r"""from "(\./[\w.-]+\.js)";""", script.read_text(encoding="utf-8"))}
    assert "app.js" in linked
    missing = sorted(name for name in linked if not (STATIC_DIR / name).is_file())
    assert missing == []


def test_web_world_outline_is_compact_and_complete() -> None:
    path = STATIC_DIR / "world-110m.json"
    assert path.stat().st_size < 300_000
    world = json.loads(path.read_text(encoding="utf-8"))
    assert (world["width"], world["height"]) == (720, 360)
    assert "public domain" in world["licence"]
    by_iso3 = {country["iso3"]: country for country in world["countries"]}
    assert len(world["countries"]) > 170
    for iso3 in ("RUS", "UKR", "FRA", "USA", "ARM", "AZE", "FJI"):
        assert by_iso3[iso3]["d"].startswith("M")


def _topology(arcs: list[list[list[int]]], geometries: list[dict]) -> dict:
    return {
        "type": "Topology",
        "transform": {"scale": [1.0, 1.0], "translate": [-180.0, -90.0]},
        "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": arcs,
    }


def test_web_build_world_projects_a_square(tmp_path: Path) -> None:
    # a 10 x 10 degree square at lon 0..10, lat 0..10 (quantised, delta-encoded)
    arcs = [[[180, 90], [10, 0], [0, 10], [-10, 0], [0, -10]]]
    source = tmp_path / "t.json"
    source.write_text(json.dumps(_topology(arcs, [{"type": "Polygon", "id": "250", "properties": {"name": "Square"}, "arcs": [[0]]}])))
    world = build_world(source, tmp_path / "out.json")
    (country,) = world["countries"]
    assert country == {"id": "250", "iso3": "FRA", "name": "Square", "d": "M360 180l20 0 0-20 -20 0z"}
    assert json.loads((tmp_path / "out.json").read_text())["countries"] == [country]


def test_web_build_world_draws_antimeridian_rings_twice(tmp_path: Path) -> None:
    # a ring from lon 175 east to 185 (written -175), as Natural Earth splits it: drawn at both edges
    arcs = [[[355, 90], [5, 0], [-360, 0], [5, 0], [0, 5], [-5, 0], [360, 0], [-5, 0], [0, -5]]]
    source = tmp_path / "t.json"
    source.write_text(json.dumps(_topology(arcs, [{"type": "Polygon", "id": "242", "properties": {"name": "Fiji"}, "arcs": [[0]]}])))
    (country,) = build_world(source, tmp_path / "out.json")["countries"]
    rings = country["d"].split("z")[:-1]
    assert len(rings) == 2
    starts = sorted(float(ring[1:].split(" ")[0]) for ring in rings)
    assert starts == [-10.0, 710.0]  # the copy shifted by -360 degrees starts left of the map, the other near its right edge
