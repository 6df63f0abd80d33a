// The escalation chart (weekly bars and lines, plain SVG) and the ladder.

import { emptyState, fmt, h, plural, replace, s } from "./dom.js";

const W = 860;
const H = 300;
const M = { left: 44, right: 44, top: 18, bottom: 24 };
const BARS_H = 150; // height of the count panel
const GAP = 22; // between the count panel and the line panel
const DAY = 86400000;

function utc(iso) {
  return new Date(`${iso}T00:00:00Z`);
}

function iso(date) {
  return date.toISOString().slice(0, 10);
}

/** A period label: "7 Apr" (with the year on the first tick and at each new year). */
function label(period, withYear) {
  const options = { day: "numeric", month: "short", timeZone: "UTC" };
  if (withYear) options.year = "numeric";
  return utc(period).toLocaleDateString("en-GB", options);
}

const MIN_PERIODS = 8; // a short series is shown against empty periods before it, so one week is not one wide bar

/** The points with empty periods filled in (and before, up to MIN_PERIODS), so the x axis is real time. */
export function fillPeriods(points, freq = "week") {
  if (!points.length) return [];
  const step = (freq === "day" ? 1 : 7) * DAY;
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const last = utc(points[points.length - 1].period).getTime();
  const first = Math.min(utc(points[0].period).getTime(), last - (MIN_PERIODS - 1) * step);
  if ((last - first) / step > 520) return points.slice(); // too long to fill: keep the periods given
  const out = [];
  for (let t = first; t <= last; t += step) {
    const period = iso(new Date(t));
    out.push(byPeriod.get(period) || { period, events: 0, conflict: 0, cooperation: 0, escalation: null, goldstein_mean: null, nuclear: false });
  }
  return out;
}

/** A "nice" upper bound for an axis: 1, 2, 5 or 10 times a power of ten. */
function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (value <= m * power) return m * power;
  return 10 * power;
}

function linePath(points, x, y, key) {
  let d = "";
  let pen = false;
  points.forEach((p, i) => {
    const v = p[key];
    if (v === null || v === undefined) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

/**
 * Draw the series of one pair (or of everything) into `container`.
 * Returns the number of periods drawn.
 */
export function renderChart(container, series, title) {
  const points = fillPeriods(series.points || [], series.freq);
  if (!points.length) {
    replace(container, emptyState(`No dated events for ${title}.`, "chart-empty"));
    container.dataset.state = "empty";
    return 0;
  }
  const plotW = W - M.left - M.right;
  const band = plotW / points.length;
  const barW = Math.max(1.5, Math.min(22, band * 0.38));
  const cx = (i) => M.left + band * (i + 0.5);
  const maxCount = niceMax(Math.max(...points.map((p) => Math.max(p.conflict || 0, p.cooperation || 0))));
  const yCount = (v) => M.top + BARS_H - (v / maxCount) * BARS_H;
  const lineTop = M.top + BARS_H + GAP;
  const lineH = H - M.bottom - lineTop;
  const yGold = (v) => lineTop + lineH / 2 - (v / 10) * (lineH / 2);
  const escValues = points.map((p) => p.escalation).filter((v) => v !== null && v !== undefined);
  const escMax = niceMax(Math.max(1, ...escValues));
  const escLow = Math.min(0, ...escValues);
  const escMin = escLow < 0 ? -niceMax(-escLow) : 0;
  const yEsc = (v) => lineTop + lineH - ((v - escMin) / (escMax - escMin)) * lineH;

  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    class: "chart-svg",
    role: "img",
    "aria-labelledby": "chart-svg-title",
    "data-testid": "chart-svg",
  });
  const first = points[0].period;
  const last = points[points.length - 1].period;
  svg.append(
    s("title", { id: "chart-svg-title", text: `${title}: conflict and cooperation per ${series.freq || "week"}, ${label(first, true)} to ${label(last, true)}` }),
  );

  // count grid and axis
  const grid = s("g", { class: "grid" });
  const ticks = maxCount <= 5 ? maxCount : 5;
  for (let k = 0; k <= ticks; k++) {
    const v = (maxCount * k) / ticks;
    grid.append(
      s("line", { x1: M.left, x2: W - M.right, y1: yCount(v), y2: yCount(v) }),
      s("text", { x: M.left - 6, y: yCount(v) + 3.5, class: "tick", "text-anchor": "end", text: fmt(v, 1) }),
    );
  }
  const mid = M.top + BARS_H / 2;
  grid.append(s("text", { x: 10, y: mid, class: "axis-title", "text-anchor": "middle", transform: `rotate(-90 10 ${mid})`, text: "events" }));
  svg.append(grid);

  // bars
  const bars = s("g", { class: "bars" });
  points.forEach((p, i) => {
    const what = `${label(p.period, true)}: ${p.cooperation || 0} cooperation, ${p.conflict || 0} conflict`;
    if (p.cooperation) {
      bars.append(
        s("rect", { class: "bar coop", x: cx(i) - barW - 0.5, y: yCount(p.cooperation), width: barW, height: BARS_H + M.top - yCount(p.cooperation), "data-period": p.period }, [
          s("title", { text: what }),
        ]),
      );
    }
    if (p.conflict) {
      bars.append(
        s("rect", { class: "bar conf", x: cx(i) + 0.5, y: yCount(p.conflict), width: barW, height: BARS_H + M.top - yCount(p.conflict), "data-period": p.period }, [
          s("title", { text: what }),
        ]),
      );
    }
    if (p.nuclear) {
      bars.append(s("text", { class: "nuke-mark", x: cx(i), y: M.top - 5, "text-anchor": "middle", text: "☢" }, [s("title", { text: `${label(p.period, true)}: nuclear signalling` })]));
    }
  });
  svg.append(bars);

  // line panel: Goldstein mean (-10..10, left) and escalation score (right)
  const lines = s("g", { class: "lines" });
  lines.append(
    s("rect", { class: "line-bg", x: M.left, y: lineTop, width: plotW, height: lineH }),
    s("line", { class: "zero", x1: M.left, x2: W - M.right, y1: yGold(0), y2: yGold(0) }),
    s("text", { x: 10, y: lineTop + lineH / 2, class: "axis-title", "text-anchor": "middle", transform: `rotate(-90 10 ${lineTop + lineH / 2})`, text: "Goldstein" }),
    s("text", { x: W - 8, y: lineTop + lineH / 2, class: "axis-title esc", "text-anchor": "middle", transform: `rotate(90 ${W - 8} ${lineTop + lineH / 2})`, text: "escalation" }),
    s("text", { x: M.left - 6, y: yGold(10) + 8, class: "tick gold", "text-anchor": "end", text: "+10" }),
    s("text", { x: M.left - 6, y: yGold(0) + 3.5, class: "tick gold", "text-anchor": "end", text: "0" }),
    s("text", { x: M.left - 6, y: yGold(-10), class: "tick gold", "text-anchor": "end", text: "−10" }),
    s("text", { x: W - M.right + 6, y: yEsc(escMax) + 8, class: "tick esc", text: fmt(escMax, 1) }),
    s("text", { x: W - M.right + 6, y: yEsc(escMin), class: "tick esc", text: fmt(escMin, 1) }),
  );
  for (const [key, cls, y] of [
    ["goldstein_mean", "line-gold", yGold],
    ["escalation", "line-esc", yEsc],
  ]) {
    const d = linePath(points, cx, y, key);
    if (d) lines.append(s("path", { class: `line ${cls}`, d, "data-series": key }));
    const present = (i) => i >= 0 && i < points.length && points[i][key] !== null && points[i][key] !== undefined;
    points.forEach((p, i) => {
      const v = p[key];
      if (!present(i)) return;
      if (points.length > 40 && present(i - 1) && present(i + 1)) return; // a long line needs no dot per period
      lines.append(
        s("circle", { class: `pt ${cls}`, cx: cx(i), cy: y(v), r: 2.6 }, [
          s("title", { text: `${label(p.period, true)}: ${key === "escalation" ? "escalation score" : "Goldstein mean"} ${fmt(v)}` }),
        ]),
      );
    });
  }
  svg.append(lines);

  // x axis labels: at most ~8
  const axis = s("g", { class: "x-axis" });
  const every = Math.max(1, Math.ceil(points.length / 8));
  let lastYear = null;
  points.forEach((p, i) => {
    if (i % every !== 0) return;
    const year = p.period.slice(0, 4);
    axis.append(s("text", { x: cx(i), y: H - 6, class: "tick", "text-anchor": "middle", text: label(p.period, year !== lastYear) }));
    lastYear = year;
  });
  svg.append(axis);

  replace(container, svg);
  container.dataset.state = "ready";
  return points.length;
}

/** The pair's ladder row: the highest rung among the rows given (a pair either way may have two). */
export function pickLadderRow(items) {
  let best = null;
  for (const item of items || []) {
    if (!best || item.rung > best.rung || (item.rung === best.rung && item.events > best.events)) best = item;
  }
  return best;
}

/** Draw the rungs, top rung first, with the row's rung highlighted. */
export function renderLadder(list, note, rungs, row) {
  const sorted = (rungs || []).slice().sort((a, b) => b.rung - a.rung);
  replace(
    list,
    sorted.map((rung) => {
      const current = row && rung.rung === row.rung;
      const below = row && rung.rung < row.rung;
      const peak = row && row.peak_rung !== undefined && row.peak_rung !== null && rung.rung === row.peak_rung && !current;
      return h(
        "li",
        {
          class: `rung${current ? " current" : ""}${below ? " below" : ""}${peak ? " peak" : ""}`,
          "data-rung": rung.rung,
          "data-testid": current ? "rung-current" : "rung",
          "aria-current": current ? "step" : null,
        },
        [
          h("span", { class: "rung-n", text: rung.rung }),
          h("span", { class: "rung-name", text: rung.name }),
          // the pair's "now" is its latest day with data, as a date; older than the window, the pair is dormant
          current
            ? h("span", {
                class: `rung-tag${row.dormant ? " dormant" : ""}`,
                "data-testid": "rung-asof",
                text: row.last_date ? `${row.dormant ? "dormant since" : "as of"} ${row.last_date}` : "latest",
              })
            : null,
          peak ? h("span", { class: "rung-tag", text: "peak" }) : null,
        ],
      );
    }),
  );
  if (!sorted.length) replace(list, h("li", { class: "empty", text: "No ladder." }));
  list.dataset.state = row ? "ready" : "empty";
  if (!row) {
    replace(note, "Choose a pair to place it on the ladder.");
    return;
  }
  const dates = row.first_date && row.last_date ? `${row.first_date} – ${row.last_date}` : row.last_date || "";
  const peak = row.peak_rung !== undefined && row.peak_rung !== null && row.peak_rung !== row.rung ? ` · peak rung ${row.peak_rung}` : "";
  replace(note, [
    h("strong", { text: `${row.pair}: rung ${row.rung}, ${row.rung_name}${row.dormant ? " (dormant)" : ""}` }),
    h("br"),
    `score ${fmt(row.score)}${peak} · ${plural(row.events, "event")}${dates ? ` · ${dates}` : ""}`,
  ]);
}
