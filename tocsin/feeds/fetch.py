"""HTTP for feeds: one polite client (User-Agent, timeouts, retries, per-host pace, robots.txt, size cap).

:class:`Fetcher` wraps an ``httpx.Client``. Every request waits its turn on its host (``host_delay`` seconds
between two requests to one ``scheme://host:port``), is retried with exponential backoff on a connection
error, a timeout, a 5xx or a 429, and follows redirects itself so that each hop is checked against its
host's robots.txt (fetched once per host through the same client, read with :mod:`urllib.robotparser`).
Bodies are read as a stream and refused past ``max_bytes``.

Failures raise subclasses of :class:`~tocsin.errors.FetchError`; the watch loop turns them into coded
messages naming the feed and the URL.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Self
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import httpx

from ..about import __version__
from ..errors import FetchError
from .urls import host_key

#: Bytes read at most from one page or feed.
MAX_BYTES = 5_000_000
#: Redirects followed at most for one URL.
MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def user_agent(contact: str | None = None) -> str:
    """The User-Agent tocsin sends: ``tocsin/<version> (crisis early-warning news reader; +<contact>)``.

    contact: a URL or e-mail address where a site owner can reach whoever runs this tocsin (``--contact``).
    """
    about = "crisis early-warning news reader"
    return f"tocsin/{__version__} ({about}; +{contact})" if contact else f"tocsin/{__version__} ({about})"


@dataclass
class Fetched:
    """A response read in full: the final URL (after redirects), status, headers and body."""

    url: str
    status: int
    reason: str
    headers: httpx.Headers
    content: bytes


class Unreachable(FetchError):
    """No usable response after every attempt (connection error, timeout, 5xx or 429): worth trying again later."""

    def __init__(self, url: str, detail: str, attempts: int) -> None:
        super().__init__(f"{url}: {detail} after {attempts} attempt(s)", path=url)
        self.url, self.detail, self.attempts = url, detail, attempts


class Disallowed(FetchError):
    """robots.txt of the URL's host forbids it to our User-Agent."""

    def __init__(self, url: str, robots: str) -> None:
        super().__init__(f"{url}: disallowed by {robots}", path=url)
        self.url, self.robots = url, robots


class TooLarge(FetchError):
    """The body is over the size cap."""

    def __init__(self, url: str, limit: int) -> None:
        super().__init__(f"{url}: over {limit} bytes", path=url)
        self.url, self.limit = url, limit


class TooManyRedirects(FetchError):
    """More redirects than :data:`MAX_REDIRECTS`."""

    def __init__(self, url: str, limit: int) -> None:
        super().__init__(f"{url}: more than {limit} redirects", path=url)
        self.url, self.limit = url, limit


class HostPacer:
    """Spaces requests to one host by ``interval`` seconds (the per-host rate limit)."""

    def __init__(
        self, interval: float, *, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.interval = interval
        self._clock, self._sleep = clock, sleep
        self._next: dict[str, float] = {}

    def wait(self, host: str) -> None:
        """Return when a request to ``host`` may go (sleeping if the last one was under ``interval`` ago)."""
        now = self._clock()
        due = self._next.get(host, now)
        if due > now:
            self._sleep(due - now)
            now = due
        self._next[host] = now + self.interval


class Fetcher:
    """A polite HTTP client for feeds and their pages.

    timeout: seconds for connecting and for each read. retries: attempts after the first one on a connection
    error, a timeout, a 5xx or a 429, waiting ``backoff``, then twice as long, and so on. host_delay: seconds
    between two requests to one host. max_bytes: the largest body read. contact: appended to the User-Agent
    (:func:`user_agent`). transport: an httpx transport (tests). sleep, clock: for tests of the pacing.
    """

    def __init__(
        self,
        *,
        timeout: float = 10.0,
        retries: int = 2,
        backoff: float = 1.0,
        host_delay: float = 1.0,
        max_bytes: int = MAX_BYTES,
        contact: str | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.user_agent = user_agent(contact)
        self.retries = max(0, retries)
        self.backoff = backoff
        self.max_bytes = max_bytes
        self._sleep = sleep
        self._pacer = HostPacer(host_delay, clock=clock, sleep=sleep)
        self._robots: dict[str, RobotFileParser] = {}
        self.requests = 0  # HTTP requests sent, robots.txt included
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout), headers={"User-Agent": self.user_agent}, follow_redirects=False, transport=transport
        )

    # -- public --------------------------------------------------------------

    def get(self, url: str, *, headers: Mapping[str, str] | None = None) -> Fetched:
        """GET ``url``, following redirects; every hop must be allowed by its host's robots.txt.

        headers: extra request headers (``If-None-Match`` for a conditional GET). A 304 is returned as is.
        RETURNS: the final response, whatever its status (4xx, and 5xx once the retries are spent, included).
        RAISES: Disallowed, Unreachable (no response: connection error or timeout after the retries; or the
            host's robots.txt could not be read), TooLarge, TooManyRedirects.
        """
        for _ in range(MAX_REDIRECTS + 1):
            robots = self.robots_url(url)
            if not self.allowed(url):
                raise Disallowed(url, robots)
            response = self._request(url, headers)
            location = response.headers.get("location")
            if response.status not in _REDIRECTS or not location:
                return response
            url = urljoin(url, location)
        raise TooManyRedirects(url, MAX_REDIRECTS)

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets our User-Agent fetch ``url`` (robots.txt read once per host).

        RAISES: Unreachable if robots.txt could not be read (no response, or 5xx: RFC 9309 says assume
            everything is disallowed; the item is tried again on the next pass).
        """
        host = host_key(url)
        parser = self._robots.get(host)
        if parser is None:
            parser = self._read_robots(url)
            self._robots[host] = parser
        return parser.can_fetch(self.user_agent, url)

    def forget_robots(self) -> None:
        """Read every host's robots.txt again on the next request (once per pass)."""
        self._robots.clear()

    @staticmethod
    def robots_url(url: str) -> str:
        return urljoin(url, "/robots.txt")

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # -- internals -----------------------------------------------------------

    def _read_robots(self, url: str) -> RobotFileParser:
        robots = self.robots_url(url)
        parser = RobotFileParser(robots)
        response = self._request(robots, None)
        for _ in range(MAX_REDIRECTS):
            location = response.headers.get("location")
            if response.status not in _REDIRECTS or not location:
                break
            response = self._request(urljoin(response.url, location), None)
        if response.status == 200:
            parser.parse(response.content.decode("utf-8", errors="replace").splitlines())
        elif 400 <= response.status < 500:  # no robots.txt (or not for us to read): everything allowed (RFC 9309)
            parser.allow_all = True  # type: ignore[attr-defined]  # set by RobotFileParser.read() on a 4xx too; typeshed's stub omits it
        else:
            raise Unreachable(robots, f"robots.txt gave HTTP {response.status}", self.retries + 1)
        return parser

    def _request(self, url: str, headers: Mapping[str, str] | None) -> Fetched:
        detail = ""
        attempts = self.retries + 1
        for attempt in range(1, attempts + 1):
            if attempt > 1:
                self._sleep(self.backoff * 2 ** (attempt - 2))
            self._pacer.wait(host_key(url))
            self.requests += 1
            try:
                response = self._read(url, headers)
            except httpx.TransportError as exc:  # connect, timeouts, protocol errors
                detail = _describe(exc)
                continue
            if response.status in _RETRY_STATUSES and attempt < attempts:
                continue
            return response
        raise Unreachable(url, detail, attempts)

    def _read(self, url: str, headers: Mapping[str, str] | None) -> Fetched:
        with self.client.stream("GET", url, headers=dict(headers or {})) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise TooLarge(url, self.max_bytes)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise TooLarge(url, self.max_bytes)
                chunks.append(chunk)
            return Fetched(str(response.url), response.status_code, response.reason_phrase, response.headers, b"".join(chunks))


def _describe(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out ({type(exc).__name__})"
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"


__all__ = [
    "MAX_BYTES",
    "MAX_REDIRECTS",
    "Disallowed",
    "Fetched",
    "Fetcher",
    "HostPacer",
    "TooLarge",
    "TooManyRedirects",
    "Unreachable",
    "user_agent",
]
