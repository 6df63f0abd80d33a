// The event table (paged) and the detail panel with the sentence highlighted.

import { getJSON } from "./api.js";
import { QUADS, cameoLabel } from "./cameo.js";
import { emptyState, fmt, h, plural, replace } from "./dom.js";
import { safeHref } from "./links.js";

const ROLES = [
  ["source", "hl-source", "source"],
  ["target", "hl-target", "target"],
  ["trigger", "hl-trigger", "trigger"],
];

/**
 * The sentence as nodes, with the source, target and trigger marked.
 * Offsets are in the article (Python code points): subtract `sentence_start`.
 * Overlapping spans are cut at every boundary; a piece covered by two spans carries both classes.
 */
export function highlightSentence(event) {
  const chars = Array.from(event.sentence || "");
  const base = event.sentence_start || 0;
  const spans = [];
  for (const [role, cls, label] of ROLES) {
    const start = event[`${role}_start`];
    const end = event[`${role}_end`];
    if (start === null || start === undefined || end === null || end === undefined) continue;
    const a = Math.max(0, start - base);
    const b = Math.min(chars.length, end - base);
    if (b > a) spans.push({ a, b, cls, label, code: role === "trigger" ? event.cameo : event[`${role}_code`] });
  }
  const cuts = new Set([0, chars.length]);
  for (const span of spans) cuts.add(span.a).add(span.b);
  const points = [...cuts].sort((x, y) => x - y);
  const nodes = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const text = chars.slice(a, b).join("");
    const covering = spans.filter((span) => span.a <= a && b <= span.b);
    if (!covering.length) {
      nodes.push(text);
      continue;
    }
    nodes.push(
      h("mark", {
        class: ["hl", ...covering.map((span) => span.cls)].join(" "),
        title: covering.map((span) => `${span.label}${span.code ? ` ${span.code}` : ""}`).join(", "),
        text,
      }),
    );
  }
  return nodes;
}

function actor(code, text) {
  if (!code && !text) return h("span", { class: "muted", text: "–" });
  return h("span", { class: "actor" }, [h("code", { text: code || "?" }), text ? h("span", { class: "actor-text", text: ` ${text}` }) : null]);
}

function flags(event) {
  const out = [];
  for (const key of ["negated", "hypothetical", "reported", "nuclear"]) if (event[key]) out.push(key);
  return out;
}

/** Fill the table body with one focusable row per event. */
export function renderRows(body, items, { selectedId, onOpen }) {
  if (!items.length) {
    replace(body, h("tr", { class: "empty-row" }, [h("td", { colspan: 7 }, [emptyState("No events match these filters.", "events-empty")])]));
    return;
  }
  replace(
    body,
    items.map((event) => {
      const row = h(
        "tr",
        {
          tabindex: 0,
          class: `event-row q${event.quad}${event.mention_id === selectedId ? " selected" : ""}`,
          "data-testid": "event-row",
          "data-event-id": event.event_id,
          "data-mention-id": event.mention_id,
          "aria-label": `${event.event_date || "undated"}: ${event.source_code || "?"} ${cameoLabel(event)} ${event.target_code || ""}. Press Enter for detail.`,
        },
        [
          h("td", { class: "date", text: event.event_date || "–" }),
          h("td", {}, [actor(event.source_code)]),
          h("td", { class: "cameo" }, [
            h("span", { class: `quad-dot q${event.quad}`, title: QUADS[event.quad] || "" }),
            h("code", { text: event.cameo }),
            ` ${cameoLabel(event)}`,
            event.nuclear ? h("span", { class: "badge nuclear tiny", title: "nuclear signalling", text: "☢" }) : null,
          ]),
          h("td", {}, [actor(event.target_code)]),
          h("td", { text: event.place || "–" }),
          h("td", { text: event.outlet || "–" }),
          h("td", { class: "num", text: fmt(event.event_confidence ?? event.confidence) }),
        ],
      );
      const open = () => onOpen(event, row);
      row.addEventListener("click", open);
      row.addEventListener("keydown", (key) => {
        if (key.key === "Enter" || key.key === " ") {
          key.preventDefault();
          open();
        } else if (key.key === "ArrowDown" && row.nextElementSibling) {
          key.preventDefault();
          row.nextElementSibling.focus();
        } else if (key.key === "ArrowUp" && row.previousElementSibling) {
          key.preventDefault();
          row.previousElementSibling.focus();
        }
      });
      return row;
    }),
  );
}

function field(term, value) {
  return [h("dt", { text: term }), h("dd", {}, [].concat(value))];
}

function link(url, text) {
  const href = safeHref(url);
  if (!href) return text || url || "–"; // only http(s) URLs are links: a stored javascript: URL stays text
  return h("a", { href, rel: "noopener noreferrer", target: "_blank", text: text || url });
}

/** Show one event row in the detail panel, then add its reports from GET /api/events/{id}. */
export async function renderDetail(panel, event) {
  const reports = h("div", { class: "reports", "data-testid": "detail-reports", "aria-live": "polite" }, [h("p", { class: "note", text: "Loading reports…" })]);
  const sources = h("span", { "data-testid": "detail-sources", text: `${event.num_sources ?? "?"}` });
  const legend = h("p", { class: "hl-legend" }, [
    h("mark", { class: "hl hl-source", text: "source" }),
    " ",
    h("mark", { class: "hl hl-trigger", text: "trigger" }),
    " ",
    h("mark", { class: "hl hl-target", text: "target" }),
  ]);
  const flagged = flags(event);
  replace(panel, [
    h("h3", { id: "detail-title", text: `${event.cameo} ${cameoLabel(event)}` }),
    h("blockquote", { class: "sentence", lang: event.lang || null, "data-testid": "detail-sentence" }, highlightSentence(event)),
    legend,
    h("dl", { class: "facts" }, [
      ...field("Source", actor(event.source_code, event.source_text)),
      ...field("Target", actor(event.target_code, event.target_text)),
      ...field("Trigger", h("q", { text: event.trigger || "–" })),
      ...field("Date", `${event.event_date || "undated"}${event.date_precision ? ` (${event.date_precision})` : ""}`),
      ...field("Outlet", [event.outlet || "–", event.title ? " — " : "", event.title ? link(event.url, event.title) : ""]),
      ...field("Place", `${event.place || "–"}${event.country ? `, ${event.country}` : ""}${event.geo_precision ? ` (${event.geo_precision})` : ""}`),
      ...field("CAMEO", [h("code", { text: event.cameo }), ` ${cameoLabel(event)} · ${QUADS[event.quad] || "?"} · Goldstein ${fmt(event.goldstein, 1)}`]),
      ...field("PLOVER", `${event.plover || "–"}${event.mode ? ` / ${event.mode}` : ""}`),
      ...field("Confidence", `${fmt(event.confidence)} this report · ${fmt(event.event_confidence)} merged event`),
      ...field("Rule", h("code", { text: event.rule || "–" })),
      ...field("Sources", [sources, ` independent · ${plural(event.num_mentions, "mention")} · ${plural(event.num_articles, "article")}`]),
      ...(flagged.length ? field("Flags", flagged.join(", ")) : []),
      ...field("Event id", h("code", { text: event.event_id })),
    ]),
    h("h4", { text: "Reports" }),
    reports,
  ]);
  panel.dataset.state = "ready";
  panel.dataset.eventId = event.event_id;
  try {
    const detail = await getJSON(`events/${encodeURIComponent(event.event_id)}`);
    if (panel.dataset.eventId !== event.event_id) return; // another row was opened meanwhile
    const mentions = detail.mentions || [];
    const merged = detail.event || {};
    if (merged.num_sources !== undefined && merged.num_sources !== null) sources.textContent = String(merged.num_sources);
    replace(
      reports,
      mentions.length
        ? h(
            "ol",
            { class: "mentions" },
            mentions.map((m) =>
              h("li", { "data-testid": "mention" }, [
                h("p", { class: "mention-head" }, [
                  h("strong", { text: m.outlet || "unknown outlet" }),
                  ` · ${m.event_date || "undated"} · `,
                  link(m.url, m.title || "untitled"),
                  m.mention_id === event.mention_id ? h("span", { class: "muted", text: " (the report above)" }) : null,
                ]),
                m.mention_id === event.mention_id ? null : h("p", { class: "mention-sentence", lang: m.lang || null }, highlightSentence(m)),
              ]),
            ),
          )
        : emptyState("No reports stored for this event."),
    );
    reports.dataset.state = "ready";
  } catch (error) {
    replace(reports, h("p", { class: "error-inline", text: `Reports could not be loaded: ${error.message}` }));
    reports.dataset.state = "error";
  }
}
