// Which stored URLs may become links: only http and https (a stored "javascript:" or "data:" URL stays text).

/** The absolute http(s) URL of `url`, or null when it is anything else (or not a URL at all). */
export function safeHref(url) {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
