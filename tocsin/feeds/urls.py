"""Canonical item URLs: the identity of a feed item, and the id of the article stored for it."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

#: Query parameters that only track where a reader came from: dropped, so one story has one URL.
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "xtor"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str, *, base: str | None = None) -> str:
    """The canonical form of ``url`` (resolved against ``base`` when relative).

    Lower-case scheme and host, no default port, no fragment, no ``utm_*`` (nor other tracking) query
    parameters, ``/`` for an empty path; the other query parameters keep their order.
    """
    absolute = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(absolute)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # IPv6
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username or parts.password:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(key)]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query, doseq=True), ""))


def host_key(url: str) -> str:
    """``scheme://host:port`` of ``url``: the unit of the rate limit and of robots.txt."""
    parts = urlsplit(url)
    port = parts.port or _DEFAULT_PORTS.get(parts.scheme, 0)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


def _is_tracking(key: str) -> bool:
    return key.lower().startswith("utm_") or key.lower() in TRACKING_PARAMS


__all__ = ["TRACKING_PARAMS", "canonical_url", "host_key"]
