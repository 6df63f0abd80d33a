"""A real HTTP server on 127.0.0.1 for the ``tocsin watch`` tests (http.server in a thread).

:class:`Site` serves routes (body, content type, status, ETag or Last-Modified, redirect, delay) and records
every request; :func:`news_sites` builds the two hosts the tests poll from tests/data/feeds (a main host and a
slow one) and :func:`bulk_site` a host whose feed has many generated items (for the kill -9 test).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None
    delay: float = 0.0


@dataclass
class Site:
    """Routes by path (the query string is ignored); a missing path is a 404."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (path with query, headers)
    _server: Any = None
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def paths(self) -> list[str]:
        """The paths requested so far, without the query string."""
        with self._lock:
            return [path.split("?", 1)[0] for path, _ in self.requests]

    def clear(self) -> None:
        with self._lock:
            self.requests.clear()

    def start(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with site._lock:
                    site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = site.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    self._send(404, b"<html><body><p>Not found</p></body></html>", "text/html; charset=utf-8", {})
                    return
                if route.delay:
                    time.sleep(route.delay)
                headers: dict[str, str] = {}
                if route.location:
                    self._send(
                        route.status if route.status in (301, 302, 303, 307, 308) else 301, b"", "text/html", {"Location": route.location}
                    )
                    return
                if route.etag:
                    headers["ETag"] = route.etag
                    if self.headers.get("If-None-Match") == route.etag:
                        self._send(304, b"", None, headers)
                        return
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
                    if self.headers.get("If-Modified-Since") == route.last_modified:
                        self._send(304, b"", None, headers)
                        return
                self._send(route.status, route.body, route.content_type, headers)

            def _send(self, status: int, body: bytes, content_type: str | None, headers: dict[str, str]) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)) if status != 304 else "0")
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that gave up on the slow host: nothing to report

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


def _file(name: str, **subs: str) -> bytes:
    data = (DATA / name).read_bytes()
    for key, value in subs.items():
        data = data.replace(("{" + key + "}").encode(), value.encode())
    return data


RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
HTML = "text/html; charset=utf-8"
CHANGED_1 = "Mon, 02 Mar 2026 16:00:00 GMT"
CHANGED_2 = "Fri, 06 Mar 2026 10:00:00 GMT"


def news_sites() -> tuple[Site, Site]:
    """The main host (feeds and pages of tests/data/feeds) and a slow host (its one page answers after 3 s)."""
    site, slow = Site().start(), Site().start()
    subs = {"base": site.base, "slow": slow.base}
    site.routes.update(
        {
            "/robots.txt": Route(_file("robots.txt"), "text/plain"),
            "/fr/rss.xml": Route(_file("fr/rss.xml", **subs), RSS),
            "/en/atom.xml": Route(_file("en/atom.xml", **subs), ATOM, etag='"atom-v1"'),
            "/news/changing.xml": Route(_file("news/changing-1.xml", **subs), RSS, last_modified=CHANGED_1),
            "/broken.xml": Route(_file("broken.xml"), RSS),
            # the latin-1 page says so only in its <meta charset>; the header names no charset
            "/fr/mali-algerie.html": Route(_file("fr/mali-algerie.html"), "text/html"),
            "/fr/ancien-lien.html": Route(location="/fr/sommet-paris.html"),
            "/wire/russia-expels.html": Route(_file("en/russia-expels.html"), HTML),  # the same page under another URL
        }
    )
    for name in ("fr/greve-cheminots", "fr/expulsion-diplomate", "fr/sommet-paris", "en/russia-expels", "en/sanctions", "private/leaked-memo",
                 "news/serbia-recalls", "news/kosovo-arrests"):  # fmt: skip
        site.routes[f"/{name}.html"] = Route(_file(f"{name}.html"), HTML)
    slow.routes["/fr/lent.html"] = Route(_file("fr/lent.html"), HTML, delay=3.0)
    return site, slow


def change_feed(site: Site) -> None:
    """The changing feed gets its second version (one more item, a later Last-Modified)."""
    site.routes["/news/changing.xml"] = Route(_file("news/changing-2.xml", base=site.base), RSS, last_modified=CHANGED_2)


#: (source, target, verb phrase) for the generated pages of :func:`bulk_site`: short original wire items.
_PAIRS = [
    ("Russia", "Estonian", "expelled two {adj} diplomats"),
    ("France", "Russian", "expelled a {adj} diplomat"),
    ("Serbia", "Croatian", "expelled a {adj} diplomat"),
    ("Algeria", "Malian", "expelled a {adj} diplomat"),
    ("Turkey", "Greek", "expelled a {adj} diplomat"),
    ("Poland", "Belarusian", "expelled two {adj} diplomats"),
    ("Azerbaijan", "Armenian", "expelled a {adj} diplomat"),
    ("China", "Japanese", "expelled a {adj} diplomat"),
]
_DAYS = [("Monday", "2026-03-02"), ("Tuesday", "2026-03-03"), ("Wednesday", "2026-03-04"), ("Thursday", "2026-03-05")]


def bulk_site(count: int = 24) -> Site:
    """A host whose feed lists ``count`` generated items (each its own text), for the kill -9 test."""
    site = Site().start()
    items = []
    for n in range(count):
        source, adj, verb = _PAIRS[n % len(_PAIRS)]
        day, iso = _DAYS[(n // len(_PAIRS)) % len(_DAYS)]
        title = f"{source} {verb.format(adj=adj)} (report {n + 1})"
        body = (
            f"<p>{source} {verb.format(adj=adj)} on {day}, the foreign ministry said in a statement numbered {n + 1}.</p>"
            f"<p>The ministry accused the diplomats of activities incompatible with their status. Officials said the decision followed "
            f"weeks of tension, and that the embassy had been informed in writing (item {n + 1}).</p>"
        )
        page = (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="{iso}"></head><body><article><h1>{title}</h1>{body}</article></body></html>'
        )
        site.routes[f"/bulk/{n + 1}.html"] = Route(page.encode(), HTML)
        items.append(f"<item><title>{title}</title><link>{site.base}/bulk/{n + 1}.html</link></item>")
    feed = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bulk wire</title>{"".join(items)}</channel></rss>'
    site.routes["/bulk/rss.xml"] = Route(feed.encode(), RSS)
    return site
