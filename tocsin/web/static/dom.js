// Tiny DOM helpers: build HTML and SVG elements without innerHTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of [].concat(children || [])) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: h("td", {class: "num"}, ["0.7"]). */
export function h(tag, attrs, children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element: s("circle", {cx: 1, cy: 2, r: 3}). */
export function s(tag, attrs, children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Remove every child of `node` and append `children`. */
export function replace(node, children) {
  node.replaceChildren(...[].concat(children || []).filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** A paragraph for an empty or failed panel. */
export function emptyState(text, testid = "empty") {
  return h("p", { class: "empty", "data-testid": testid, text });
}

/** A number with at most `digits` decimals, or an en dash for nothing. */
export function fmt(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return Number(value).toLocaleString("en-GB", { maximumFractionDigits: digits });
}

/** "1 event", "3 events". */
export function plural(count, noun) {
  const n = count ?? 0;
  return `${fmt(n, 0)} ${noun}${n === 1 ? "" : "s"}`;
}
