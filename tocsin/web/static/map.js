// The event map: the bundled world outline (pre-projected, equirectangular) and one circle per place.

import { QUADS } from "./cameo.js";
import { h, replace, s } from "./dom.js";

const WORLD_URL = "world-110m.json";
let world = null; // {width, height, countries: [{id, iso3, name, d}]}

/** Load the outline once (same origin, shipped with the page). */
export async function loadWorld() {
  if (!world) {
    const response = await fetch(WORLD_URL);
    if (!response.ok) throw new Error(`world outline: HTTP ${response.status}`);
    world = await response.json();
  }
  return world;
}

/** Project a point like the outline: x = (lon + 180) * k, y = (90 - lat) * k. */
export function project(lon, lat) {
  const k = world.width / 360;
  return [(lon + 180) * k, (90 - lat) * k];
}

/** The viewBox that frames the points (2:1, at least 60 degrees wide), or the world. */
function frame(points, whole) {
  const full = [0, 0, world.width, world.height];
  if (whole || !points.length) return full;
  const k = world.width / 360;
  const xy = points.map((p) => project(p.lon, p.lat));
  let [x0, x1] = [Math.min(...xy.map((p) => p[0])), Math.max(...xy.map((p) => p[0]))];
  let [y0, y1] = [Math.min(...xy.map((p) => p[1])), Math.max(...xy.map((p) => p[1]))];
  const pad = 8 * k;
  let w = Math.max(x1 - x0 + 2 * pad, 60 * k);
  let hgt = Math.max(y1 - y0 + 2 * pad, w / 2);
  w = Math.max(w, hgt * 2);
  hgt = w / 2;
  if (w >= world.width) return full;
  const x = Math.min(Math.max((x0 + x1) / 2 - w / 2, 0), world.width - w);
  const y = Math.min(Math.max((y0 + y1) / 2 - hgt / 2, 0), world.height - hgt);
  return [x, y, w, hgt];
}

// How precisely a point is placed: a country-level point sits at the country's centre, not at a town.
const PRECISIONS = { city: "located at the town", region: "located in the region only", country: "located in the country only" };

function precisionLegend(points) {
  const present = Object.keys(PRECISIONS).filter((p) => points.some((point) => (point.geo_precision || "city") === p));
  return h("p", { class: "map-legend", "data-testid": "map-legend" }, present.map((p) =>
    h("span", { class: `legend-prec prec-${p}`, text: { city: "● town", region: "◍ region", country: "○ country only" }[p] })));
}

/**
 * Draw the outline and the points into `container`.
 * `highlight` is a set of ISO3 codes to tint (the selected pair's sides);
 * `onPick(point)` is called when a circle is clicked or activated by keyboard.
 */
export function renderMap(container, points, { whole = false, highlight = new Set(), onPick = null } = {}) {
  const box = frame(points, whole);
  const scale = box[2] / world.width; // circle sizes follow the zoom
  const svg = s("svg", {
    viewBox: box.map((v) => v.toFixed(1)).join(" "),
    class: "map-svg",
    role: "group", // not "img": its circles are buttons
    "aria-labelledby": "map-svg-title",
    "data-testid": "map-svg",
    preserveAspectRatio: "xMidYMid meet",
  });
  svg.append(s("title", { id: "map-svg-title", text: `Map of ${points.length} places with events` }));
  svg.append(s("rect", { class: "sea", x: 0, y: 0, width: world.width, height: world.height }));
  const land = s("g", { class: "countries" });
  for (const country of world.countries) {
    land.append(
      s("path", {
        d: country.d,
        class: `country${highlight.has(country.iso3) ? " pair-side" : ""}`,
        "data-iso3": country.iso3 || null,
      }, [s("title", { text: country.name })]),
    );
  }
  svg.append(land);

  const dots = s("g", { class: "points" });
  const sorted = points.slice().sort((a, b) => b.events - a.events); // small circles on top
  for (const point of sorted) {
    const [x, y] = project(point.lon, point.lat);
    const r = Math.min(16, 2.5 + 2.2 * Math.sqrt(point.events)) * Math.max(scale, 0.12);
    const precision = PRECISIONS[point.geo_precision] ? point.geo_precision : "city";
    const name = `${point.place || "unnamed place"}${point.country ? ` (${point.country})` : ""}, ${PRECISIONS[precision]}: ${point.events} event${point.events === 1 ? "" : "s"}, most conflictual ${QUADS[point.quad] || "?"}`;
    const circle = s("circle", {
      cx: x.toFixed(2),
      cy: y.toFixed(2),
      r: r.toFixed(2),
      class: `event-dot q${point.quad} prec-${precision}`,
      "data-testid": "map-point",
      "data-precision": precision,
      "data-country": point.country || null,
      tabindex: onPick ? 0 : null,
      role: onPick ? "button" : null,
      "aria-label": name,
    }, [s("title", { text: name })]);
    if (onPick) {
      circle.addEventListener("click", () => onPick(point));
      circle.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          onPick(point);
        }
      });
    }
    dots.append(circle);
  }
  svg.append(dots);
  const children = [svg, precisionLegend(points)];
  if (!points.length) children.push(h("p", { class: "map-empty empty", "data-testid": "map-empty", text: "No located events for these filters." }));
  replace(container, children);
  container.dataset.state = points.length ? "ready" : "empty";
}
