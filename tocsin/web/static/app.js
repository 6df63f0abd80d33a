// The tocsin dashboard: filters, escalation chart and ladder, map, events, alerts.
// Plain ES modules, no build step; every request goes to this server's /api/.

import { getJSON, query } from "./api.js";
import { QUADS, ROOTS } from "./cameo.js";
import { pickLadderRow, renderChart, renderLadder } from "./chart.js";
import { emptyState, fmt, h, replace } from "./dom.js";
import { renderDetail, renderRows } from "./events.js";
import { loadWorld, renderMap } from "./map.js";

const PAGE = 25;
const FILTERS = ["pair", "since", "until", "root", "quad", "q", "country"];
const $ = (id) => document.getElementById(id);

const state = { pair: "", since: "", until: "", root: "", quad: "", q: "", country: "", offset: 0, wholeWorld: false, selected: null };
let pairs = [];
const generation = {}; // drop answers that arrive after a newer request for the same panel
let pending = 0; // refreshes in flight; body[data-ready] is "true" when none is

function fresh(panel) {
  generation[panel] = (generation[panel] || 0) + 1;
  const mine = generation[panel];
  return () => generation[panel] === mine;
}

function showError(error) {
  const box = $("error");
  if (!error) {
    box.hidden = true;
    return;
  }
  box.textContent = `The API answered with an error: ${error.message}`;
  box.hidden = false;
}

function eventFilters() {
  const params = {};
  for (const key of FILTERS) if (state[key]) params[key] = state[key];
  return params;
}

// -- state <-> URL hash and form ----------------------------------------------

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const key of FILTERS) state[key] = params.get(key) || "";
  state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
}

function setExports() {
  const filters = query(eventFilters());
  $("export-csv").href = `/api/events.csv${filters}`;
  $("export-geojson").href = `/api/events.geojson${filters}`;
}

function writeHash() {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (state[key]) params.set(key, state[key]);
  if (state.offset) params.set("offset", String(state.offset));
  const hash = params.toString();
  history.replaceState(null, "", hash ? `#${hash}` : location.pathname + location.search);
}

function fillForm() {
  for (const key of FILTERS) {
    const input = $(`f-${key}`);
    if (key === "pair" && state.pair && ![...input.options].some((o) => o.value === state.pair)) {
      input.append(h("option", { value: state.pair, text: state.pair }));
    }
    input.value = state[key];
  }
  $("country-chip").hidden = !state.country;
  $("country-chip-value").textContent = state.country;
  $("chart-since").value = state.since;
  $("chart-until").value = state.until;
  setExports();
}

function readForm() {
  for (const key of FILTERS) state[key] = $(`f-${key}`).value.trim();
}

// -- panels -----------------------------------------------------------------

async function loadHealth() {
  try {
    const health = await getJSON("health");
    replace($("health"), [
      h("span", { text: `${fmt(health.events, 0)} events · ${fmt(health.articles, 0)} articles · ${fmt(health.alerts, 0)} alerts` }),
      h("span", { class: "muted", title: health.db || "", text: ` · ${String(health.db || "").split(/[\\/]/).pop()} · v${health.version || "?"}` }),
    ]);
  } catch (error) {
    $("health").textContent = `API unreachable: ${error.message}`;
  }
}

async function loadPairs() {
  const answer = await getJSON("pairs", { limit: 200 });
  pairs = answer.items || [];
  const select = $("f-pair");
  replace(select, [
    h("option", { value: "", text: pairs.length ? "All events" : "All events (no pairs yet)" }),
    ...pairs.map((p) =>
      h("option", {
        value: p.pair,
        text: `${p.pair} · ${p.events} ev · rung ${p.rung}${p.nuclear ? " ☢" : ""}`,
      }),
    ),
  ]);
}

/** The pair to show first: the one with most events (the API lists them so). */
function defaultPair() {
  return pairs.length ? pairs[0].pair : "";
}

function pairSides(pair) {
  const sides = (pair || "").split(/[>-]/);
  return sides.length === 2 ? sides : [];
}

async function loadEscalation() {
  const ok = fresh("escalation");
  const title = state.pair || "all events";
  $("escalation-title").textContent = state.pair ? `Escalation: ${state.pair}` : "Escalation: all events";
  const range = { since: state.since, until: state.until };
  const [series, ladder] = await Promise.all([
    getJSON("series", { pair: state.pair, freq: "week", ...range }),
    getJSON("ladder", { pair: state.pair, ...range }),
  ]);
  if (!ok()) return;
  renderChart($("chart"), series, title);
  const row = state.pair ? pickLadderRow(ladder.items) : null;
  renderLadder($("ladder"), $("ladder-note"), ladder.rungs, row);
  const badge = $("nuclear-badge");
  const inRange = (series.points || []).some((p) => p.nuclear);
  badge.hidden = !(row && row.nuclear) && !inRange;
  // "now" is the pair's own latest day with data, shown as a date; a pair silent for longer than the window is dormant
  badge.textContent =
    row && row.nuclear ? `☢ Nuclear signalling ${row.dormant ? "last seen" : "as of"} ${row.last_date}${row.dormant ? " (dormant)" : ""}` : "☢ Nuclear signalling in this period";
  $("chart-legend").hidden = !(series.points || []).length;
  showUndated(series.undated || 0);
}

/** Events with no event date and no publication date are on no chart: say how many the selection holds. */
function showUndated(count) {
  const note = $("undated");
  note.dataset.count = String(count);
  note.hidden = !count;
  note.textContent = count
    ? `${fmt(count, 0)} undated event${count === 1 ? "" : "s"} not on the chart: neither the text nor the article gives a date.`
    : "";
}

async function loadMap() {
  const ok = fresh("map");
  const [answer] = await Promise.all([getJSON("map", eventFilters()), loadWorld()]);
  if (!ok()) return;
  const points = (answer.points || []).filter((p) => p.lat !== null && p.lon !== null && p.lat !== undefined && p.lon !== undefined);
  renderMap($("map"), points, {
    whole: state.wholeWorld,
    highlight: new Set(pairSides(state.pair)),
    onPick: (point) => {
      if (!point.country) return;
      state.country = point.country;
      state.offset = 0;
      apply();
    },
  });
}

async function loadEvents() {
  const ok = fresh("events");
  const answer = await getJSON("events", { ...eventFilters(), limit: PAGE, offset: state.offset });
  if (!ok()) return;
  const items = answer.items || [];
  if (state.selected && !items.some((item) => item.mention_id === state.selected)) clearDetail(); // its event left the table
  renderRows($("events-body"), items, { selectedId: state.selected, onOpen: openEvent });
  const total = answer.total || 0;
  $("page-info").textContent = total ? `${state.offset + 1}–${state.offset + items.length} of ${total}` : "0 events";
  $("page-prev").disabled = state.offset <= 0;
  $("page-next").disabled = state.offset + items.length >= total;
  $("events-table").dataset.state = items.length ? "ready" : "empty";
}

function clearDetail() {
  state.selected = null;
  const detail = $("detail");
  replace(detail, [
    h("h3", { id: "detail-title", text: "Event detail" }),
    h("p", { class: "note", "data-testid": "detail-empty", text: "Select an event row to read its sentence." }),
  ]);
  detail.dataset.state = "empty";
}

function openEvent(event, row) {
  state.selected = event.mention_id;
  for (const other of document.querySelectorAll("#events-body tr.selected")) other.classList.remove("selected");
  row.classList.add("selected");
  renderDetail($("detail"), event);
  if (window.matchMedia("(max-width: 900px)").matches) $("detail").scrollIntoView({ block: "start" }); // one column: the detail is below the table
}

function samePair(a, b) {
  const [x, y] = pairSides(a);
  const [u, v] = pairSides(b);
  if (!x || !u) return false;
  return (x === u && y === v) || ((a.includes("-") || b.includes("-")) && x === v && y === u);
}

async function loadAlerts() {
  const ok = fresh("alerts");
  // the alerts of the selected pair (either direction) and dates, like the chart and the ladder
  const pair = state.pair ? state.pair.replace(">", "-") : "";
  const answer = await getJSON("alerts", { pair, since: state.since, until: state.until, limit: 50 });
  if (!ok()) return;
  const items = answer.items || [];
  const list = $("alerts");
  list.dataset.pair = state.pair;
  $("alerts-title").textContent = state.pair ? `Alerts: ${state.pair.split(/[>-]/).join("–")}` : "Alerts";
  if (!items.length) {
    const text = state.pair || state.since || state.until ? "No alerts for this pair and these dates." : "No alerts. Alerts appear when a pair climbs the ladder.";
    replace(list, h("li", { class: "empty-item" }, [emptyState(text, "alerts-empty")]));
    list.dataset.state = "empty";
    return;
  }
  replace(
    list,
    items.map((alert) =>
      h("li", { class: `alert${samePair(alert.pair, state.pair) ? " current" : ""}`, "data-pair": alert.pair }, [
        h(
          "button",
          {
            type: "button",
            class: "alert-button",
            "data-testid": "alert",
            "aria-label": `Select pair ${alert.pair}: ${alert.message}`,
            onclick: () => {
              state.pair = alert.pair;
              state.offset = 0;
              fillForm();
              apply();
            },
          },
          [
            h("span", { class: "alert-head" }, [h("strong", { text: alert.pair }), h("span", { class: "rule", text: alert.rule }), h("time", { datetime: alert.date, text: alert.date || alert.week })]),
            h("span", { class: "alert-msg", text: alert.message }),
            (alert.reasons || []).length ? h("span", { class: "alert-reasons", text: `also: ${alert.reasons.map((r) => r.split(":")[0]).join(", ")}` }) : null,
          ],
        ),
      ]),
    ),
  );
  list.dataset.state = "ready";
}

function markAlerts() {
  for (const item of document.querySelectorAll("#alerts li.alert")) item.classList.toggle("current", samePair(item.dataset.pair, state.pair));
}

// -- wiring -----------------------------------------------------------------

async function refresh({ events = true, escalation = true, map = true } = {}) {
  pending += 1;
  document.body.dataset.ready = "false";
  const jobs = [];
  if (escalation) jobs.push(loadEscalation(), loadAlerts());
  if (map) jobs.push(loadMap());
  if (events) jobs.push(loadEvents());
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r) => r.status === "rejected");
  showError(failed ? failed.reason : null);
  pending -= 1;
  if (pending === 0) document.body.dataset.ready = "true";
}

function apply() {
  fillForm();
  writeHash();
  markAlerts();
  return refresh();
}

function setUp() {
  const form = $("filters");
  const root = $("f-root");
  for (const [code, name] of Object.entries(ROOTS)) root.append(h("option", { value: code, text: `${code} ${name}` }));
  const quad = $("f-quad");
  for (const [code, name] of Object.entries(QUADS)) quad.append(h("option", { value: code, text: `${code} ${name}` }));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    readForm();
    state.offset = 0;
    apply();
  });
  form.addEventListener("change", (event) => {
    if (event.target.id === "f-q") return; // text search applies on Enter / Apply
    readForm();
    state.offset = 0;
    apply();
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    for (const key of FILTERS) state[key] = "";
    state.offset = 0;
    clearDetail();
    apply();
  });
  // the chart's own date range: the same since/until as the filters (the table, the map and the alerts follow)
  for (const key of ["since", "until"]) {
    $(`chart-${key}`).addEventListener("change", (event) => {
      state[key] = event.target.value;
      state.offset = 0;
      apply();
    });
  }
  $("country-clear").addEventListener("click", () => {
    state.country = "";
    state.offset = 0;
    apply();
  });
  $("page-prev").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE);
    writeHash();
    refresh({ escalation: false, map: false });
  });
  $("page-next").addEventListener("click", () => {
    state.offset += PAGE;
    writeHash();
    refresh({ escalation: false, map: false });
  });
  $("map-extent").addEventListener("click", (event) => {
    state.wholeWorld = !state.wholeWorld;
    event.currentTarget.setAttribute("aria-pressed", String(state.wholeWorld));
    event.currentTarget.textContent = state.wholeWorld ? "Fit to events" : "Whole world";
    refresh({ events: false, escalation: false });
  });
}

async function main() {
  setUp();
  readHash();
  loadHealth();
  try {
    await loadPairs();
  } catch (error) {
    showError(error);
  }
  if (!location.hash) state.pair = defaultPair();
  fillForm();
  writeHash();
  await refresh();
  document.documentElement.dataset.loaded = "true";
}

main();
