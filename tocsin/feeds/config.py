"""The feeds file (``feeds.toml``) and the ``--every`` interval.

One ``[[feeds]]`` table per feed::

    [[feeds]]
    url = "https://www.example.org/rss.xml"   # required, http or https
    name = "Example world news"              # optional, shown in messages (default: the URL)
    lang = "fr"                               # optional: the language of every item (default: detected per item)
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import ConfigError, Errors
from ..languages import SUPPORTED

#: The keys a ``[[feeds]]`` table takes.
FEED_KEYS = ("url", "name", "lang")

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$")
_UNIT_SECONDS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0}


@dataclass(frozen=True)
class Feed:
    """One feed to watch: its URL, a name for messages, and optionally the language of its items."""

    url: str
    name: str
    lang: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "name": self.name, "lang": self.lang}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Feed:
        return cls(url=data["url"], name=data.get("name") or data["url"], lang=data.get("lang"))


def load_feeds(path: str | Path) -> list[Feed]:
    """Read and check a feeds file.

    path: a TOML file with one ``[[feeds]]`` table per feed (``url`` required; ``name``, ``lang`` optional).
    RETURNS: the feeds, in file order.
    RAISES: ConfigError naming the file, and the feed (its index, from 1) and key at fault:
        E601 unreadable, E602 not TOML, E603 a bad table, E604 no feeds.
    """
    where = Path(path)
    try:
        data = tomllib.loads(where.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            Errors.E601.format(path=where, detail=exc.strerror if isinstance(exc, OSError) and exc.strerror else exc)
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Errors.E602.format(path=where, detail=exc)) from exc
    unknown = sorted(set(data) - {"feeds"})
    if unknown:
        raise ConfigError(
            Errors.E603.format(path=where, where="top level", detail=f"unknown key(s) {unknown}; only [[feeds]] tables go here")
        )
    tables = data.get("feeds", [])
    if not isinstance(tables, list) or not tables:
        raise ConfigError(Errors.E604.format(path=where))
    feeds = [check_feed(where, index, table) for index, table in enumerate(tables, start=1)]
    seen: dict[str, int] = {}
    for index, feed in enumerate(feeds, start=1):
        if feed.url in seen:
            raise ConfigError(
                Errors.E603.format(
                    path=where, where=f"feeds[{index}].url", detail=f"{feed.url!r} is also feeds[{seen[feed.url]}]; list each feed once"
                )
            )
        seen[feed.url] = index
    return feeds


def check_feed(where: str | Path, index: int, table: Any) -> Feed:
    """One ``[[feeds]]`` table (the ``index``-th, from 1) as a :class:`Feed`.

    RAISES: ConfigError (E603) naming the file, ``feeds[index]`` and the key at fault.
    """

    def bad(key: str, detail: str) -> ConfigError:
        return ConfigError(Errors.E603.format(path=where, where=f"feeds[{index}]" + (f".{key}" if key else ""), detail=detail))

    if not isinstance(table, dict):
        raise bad("", "expected a table ([[feeds]]), found a value")
    unknown = sorted(set(table) - set(FEED_KEYS))
    if unknown:
        raise bad(unknown[0], f"unknown key(s) {unknown}")
    url = table.get("url")
    if url is None:
        raise bad("url", "missing")
    if not isinstance(url, str) or not _is_http(url):
        raise bad("url", f'expected an http(s) URL such as "https://example.org/rss.xml", found {url!r}')
    name = table.get("name", url)
    if not isinstance(name, str) or not name.strip():
        raise bad("name", f"expected a non-empty string, found {name!r}")
    lang = table.get("lang")
    if lang is not None and (not isinstance(lang, str) or lang not in SUPPORTED):
        raise bad(
            "lang", f"expected one of {', '.join(sorted(SUPPORTED))} (or leave it out to detect each item's language), found {lang!r}"
        )
    return Feed(url=url.strip(), name=name.strip(), lang=lang)


def parse_every(text: str) -> float:
    """Seconds in an interval such as ``30s``, ``15m``, ``1h`` (a bare number is seconds).

    RAISES: ConfigError (E613) for anything else, or for zero.
    """
    match = _EVERY.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(Errors.E613.format(value=text))
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def _is_http(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


__all__ = ["FEED_KEYS", "Feed", "check_feed", "load_feeds", "parse_every"]
