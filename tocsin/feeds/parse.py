"""Feeds and pages: RSS/Atom items (feedparser) and an item's page as an :class:`~tocsin.models.Article`.

The feed is parsed from the bytes fetched (never from its URL: feedparser does no HTTP here). A page is
decoded with the charset its Content-Type declares, else the one its markup declares (``<meta charset>``),
else UTF-8, else Windows-1252 (which decodes any byte); its main text is extracted with trafilatura, offline,
by the same function ``tocsin code`` uses for HTML files.
"""

from __future__ import annotations

import codecs
import re
import time
from dataclasses import dataclass
from typing import Any

import feedparser

from ..errors import Errors, ExtractError
from ..models import Article
from ..stages.ingest.html import parse_html

#: Content types read as HTML, and as plain text.
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
FALLBACK_CHARSET = "cp1252"


@dataclass
class FeedItem:
    """One entry of a feed: its link (as written), title, publication date (ISO) and summary."""

    link: str | None
    title: str | None = None
    published: str | None = None
    summary: str | None = None


@dataclass
class ParsedFeed:
    """The items of a feed, its title, and the XML problem the lenient parser worked around (``None``: none)."""

    items: list[FeedItem]
    title: str | None = None
    problem: str | None = None


class FeedParseError(ValueError):
    """The bytes are not an RSS or Atom feed at all (no item could be read)."""


def parse_feed(content: bytes, *, url: str, content_type: str | None = None) -> ParsedFeed:
    """The items of an RSS or Atom document.

    content: the feed's bytes as fetched. url: where it came from (relative links resolve against it).
    content_type: the response's Content-Type (its charset helps decoding).
    RAISES: FeedParseError when nothing that looks like a feed could be read (malformed XML with no
        recoverable item that has a link, or an HTML page). Malformed XML from which items were recovered is returned with
        ``problem`` set.
    """
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed: Any = feedparser.parse(content, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    bozo = parsed.get("bozo_exception") if parsed.get("bozo") else None
    problem = None if bozo is None or isinstance(bozo, feedparser.CharacterEncodingOverride) else _describe(bozo)
    entries = list(parsed.get("entries") or [])
    if not entries and (problem or not parsed.get("version")):
        raise FeedParseError(problem or "no <rss>, <feed> or <rdf:RDF> root element")
    items = [_item(entry) for entry in entries]
    if problem and not any(item.link for item in items):  # broken beyond recovery: nothing to fetch
        raise FeedParseError(problem)
    title = parsed.get("feed", {}).get("title") or None
    return ParsedFeed(items=items, title=title, problem=problem)


def decode_page(content: bytes, content_type: str | None) -> tuple[str, str, bool]:
    """Decode a page: ``(text, charset, guessed)``.

    The charset is the Content-Type's, else a byte-order mark's, else the markup's ``<meta charset>``, else
    UTF-8 if the bytes are valid UTF-8; ``guessed`` is True when none of these fit and the page was decoded
    as Windows-1252 (undecodable bytes replaced).
    """
    candidates: list[str] = []
    declared = _header_charset(content_type)
    if declared:
        candidates.append(declared)
    for bom, name in _BOMS:
        if content.startswith(bom):
            candidates.append(name)
    meta = _META_CHARSET.search(content[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", errors="ignore"))
    candidates.append("utf-8")
    for name in candidates:
        try:
            codec = codecs.lookup(name).name
            return content.decode(codec), codec, False
        except (LookupError, UnicodeDecodeError):
            continue
    return content.decode(FALLBACK_CHARSET, errors="replace"), FALLBACK_CHARSET, True


def page_kind(content_type: str | None) -> str | None:
    """``"html"``, ``"text"``, or None for a type tocsin does not read (a missing type counts as HTML)."""
    mime = (content_type or "text/html").split(";", 1)[0].strip().lower()
    if mime in HTML_TYPES:
        return "html"
    if mime in TEXT_TYPES:
        return "text"
    return None


def page_article(text: str, *, kind: str, url: str, item: FeedItem, outlet: str | None = None, lang: str | None = None) -> Article:
    """The article of an item's page: its main text (trafilatura for HTML), title and date, else the feed's.

    url: the item's canonical URL, which is the article's id and URL.
    RAISES: ExtractError (E006) when the page has no extractable text.
    """
    if kind == "html":
        article = parse_html(text, origin=url)
    else:
        article = Article(text="\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()) or text, origin=url)
        if not article.text.strip():
            raise ExtractError(Errors.E006.format(path=url), path=url)
    article.id = url
    article.url = url
    article.title = article.title or item.title
    article.published = article.published or item.published
    article.outlet = article.outlet or outlet
    article.lang = lang
    return article


def _item(entry: Any) -> FeedItem:
    link = entry.get("link") or next((l.get("href") for l in entry.get("links", []) if l.get("href")), None)
    if not link and str(entry.get("id", "")).startswith(("http://", "https://")):
        link = entry["id"]
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = time.strftime("%Y-%m-%d", stamp) if stamp else None
    return FeedItem(link=link or None, title=(entry.get("title") or "").strip() or None, published=published, summary=entry.get("summary"))


def _header_charset(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _describe(exc: Any) -> str:
    if exc is None:
        return "malformed"
    text = str(exc).strip() or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if type(exc).__name__ not in text else text


__all__ = ["FALLBACK_CHARSET", "FeedItem", "FeedParseError", "ParsedFeed", "decode_page", "page_article", "page_kind", "parse_feed"]
