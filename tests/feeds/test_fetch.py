"""The polite client: retries with backoff, per-host pace, robots.txt, redirects, size cap, User-Agent."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from tocsin.about import __version__
from tocsin.feeds import Fetcher, user_agent
from tocsin.feeds.fetch import Disallowed, HostPacer, TooLarge, TooManyRedirects, Unreachable

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def _fetcher(handler: Callable[[httpx.Request], httpx.Response], sleeps: list[float] | None = None, **options: float) -> Fetcher:
    record = sleeps if sleeps is not None else []
    return Fetcher(transport=httpx.MockTransport(handler), sleep=record.append, host_delay=options.pop("host_delay", 0.0), **options)  # type: ignore[arg-type]


def _site(pages: dict[str, httpx.Response]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, content=ROBOTS)
        return pages.get(request.url.path, httpx.Response(404))

    return handler


def test_fetch_user_agent() -> None:
    assert user_agent() == f"tocsin/{__version__} (crisis early-warning news reader)"
    assert user_agent("mailto:desk@example.org").endswith("; +mailto:desk@example.org)")
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(404 if request.url.path == "/robots.txt" else 200, content=b"ok")

    with _fetcher(handler, contact="https://desk.example.org") as fetcher:
        fetcher.get("https://a.test/x")
    assert seen and all(agent == user_agent("https://desk.example.org") for agent in seen)


def test_fetch_retries_5xx_with_exponential_backoff() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        calls.append(request.url.path)
        return httpx.Response(503) if len(calls) < 3 else httpx.Response(200, content=b"at last")

    sleeps: list[float] = []
    with _fetcher(handler, sleeps, retries=2, backoff=0.5) as fetcher:
        response = fetcher.get("https://a.test/page")
    assert response.status == 200 and response.content == b"at last"
    assert sleeps == [0.5, 1.0]


def test_fetch_gives_up_after_retries() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        raise httpx.ConnectError("connection refused", request=request)

    sleeps: list[float] = []
    with _fetcher(handler, sleeps, retries=3, backoff=1.0) as fetcher, pytest.raises(Unreachable) as caught:
        fetcher.get("https://a.test/page")
    assert caught.value.attempts == 4 and "ConnectError" in caught.value.detail
    assert sleeps == [1.0, 2.0, 4.0]


def test_fetch_5xx_after_retries_is_returned() -> None:
    with _fetcher(_site({"/down": httpx.Response(500)}), retries=1, backoff=0.0) as fetcher:
        assert fetcher.get("https://a.test/down").status == 500


def test_fetch_4xx_is_not_retried() -> None:
    sleeps: list[float] = []
    with _fetcher(_site({}), sleeps, retries=3) as fetcher:
        assert fetcher.get("https://a.test/missing").status == 404
    assert sleeps == []


def test_fetch_respects_robots_txt() -> None:
    handler = _site({"/ok": httpx.Response(200, content=b"fine")})
    with _fetcher(handler) as fetcher:
        assert fetcher.get("https://a.test/ok").content == b"fine"
        with pytest.raises(Disallowed) as caught:
            fetcher.get("https://a.test/private/x.html")
        assert caught.value.robots == "https://a.test/robots.txt"


def test_fetch_robots_group_for_tocsin_wins() -> None:
    robots = b"User-agent: *\nDisallow: /\n\nUser-agent: tocsin\nDisallow: /no-tocsin/\n"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=robots if request.url.path == "/robots.txt" else b"page")

    with _fetcher(handler) as fetcher:
        assert fetcher.get("https://a.test/news/1").content == b"page"
        with pytest.raises(Disallowed):
            fetcher.get("https://a.test/no-tocsin/1")


def test_fetch_reads_robots_once_per_host_until_forgotten() -> None:
    robots: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            robots.append(request.url.host)
            return httpx.Response(404)
        return httpx.Response(200)

    with _fetcher(handler) as fetcher:
        for url in ("https://a.test/1", "https://a.test/2", "https://b.test/1"):
            fetcher.get(url)
        assert robots == ["a.test", "b.test"]
        fetcher.forget_robots()
        fetcher.get("https://a.test/3")
    assert robots == ["a.test", "b.test", "a.test"]


def test_fetch_robots_unreachable_is_retried_later() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503 if request.url.path == "/robots.txt" else 200)

    with _fetcher(handler, retries=0) as fetcher, pytest.raises(Unreachable, match="robots.txt gave HTTP 503"):
        fetcher.get("https://a.test/x")


def test_fetch_follows_redirects_checking_robots_on_each_hop() -> None:
    pages = {
        "/old": httpx.Response(301, headers={"Location": "/new"}),
        "/new": httpx.Response(200, content=b"moved"),
        "/trap": httpx.Response(302, headers={"Location": "/private/secret"}),
        "/loop": httpx.Response(302, headers={"Location": "/loop"}),
    }
    with _fetcher(_site(pages)) as fetcher:
        response = fetcher.get("https://a.test/old")
        assert response.url == "https://a.test/new" and response.content == b"moved"
        with pytest.raises(Disallowed):
            fetcher.get("https://a.test/trap")
        with pytest.raises(TooManyRedirects):
            fetcher.get("https://a.test/loop")


def test_fetch_refuses_large_bodies() -> None:
    with _fetcher(_site({"/big": httpx.Response(200, content=b"x" * 2000)}), max_bytes=1000) as fetcher, pytest.raises(TooLarge):
        fetcher.get("https://a.test/big")


def test_fetch_sends_conditional_headers() -> None:
    seen: dict[str, str] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        seen.update(request.headers)
        return httpx.Response(304)

    with _fetcher(handler) as fetcher:
        assert fetcher.get("https://a.test/feed", headers={"If-None-Match": '"v1"'}).status == 304
    assert seen["if-none-match"] == '"v1"'


def test_fetch_pacer_spaces_requests_per_host() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = HostPacer(2.0, clock=lambda: now[0], sleep=sleep)
    pacer.wait("https://a.test:443")
    pacer.wait("https://b.test:443")  # another host: no wait
    pacer.wait("https://a.test:443")  # 2 s after the first
    now[0] += 5.0
    pacer.wait("https://a.test:443")  # long enough ago
    assert slept == [2.0]
