"""Feeds (RSS, Atom, malformed) and pages (charsets, content types) into items and articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.errors import ExtractError
from tocsin.feeds.parse import FeedItem, FeedParseError, decode_page, page_article, page_kind, parse_feed

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"


def test_parse_rss() -> None:
    content = (DATA / "fr" / "rss.xml").read_bytes().replace(b"{base}", b"http://s.test").replace(b"{slow}", b"http://slow.test")
    feed = parse_feed(content, url="http://s.test/fr/rss.xml", content_type="application/rss+xml")
    assert feed.title == "Le Veilleur – International" and feed.problem is None
    assert feed.items[0] == FeedItem(
        "http://s.test/fr/greve-cheminots.html", "Le ministre des Transports condamne la grève des cheminots", "2026-03-02"
    )
    assert feed.items[1].link == "http://s.test/fr/expulsion-diplomate.html?utm_source=rss&utm_medium=flux#haut"


def test_parse_atom_resolves_relative_links() -> None:
    content = (DATA / "en" / "atom.xml").read_bytes().replace(b"{base}", b"http://s.test")
    feed = parse_feed(content, url="http://s.test/en/atom.xml")
    assert [item.link for item in feed.items][1] == "http://s.test/en/sanctions.html?utm_campaign=world"
    assert feed.items[0].published == "2026-03-03"


def test_parse_malformed_feed() -> None:
    with pytest.raises(FeedParseError, match="SAXParseException"):
        parse_feed((DATA / "broken.xml").read_bytes(), url="http://s.test/broken.xml")
    with pytest.raises(FeedParseError, match="text/html is not an XML media type"):
        parse_feed(b"<html><body><p>a page</p></body></html>", url="http://s.test/", content_type="text/html")


def test_parse_malformed_feed_with_recoverable_items() -> None:
    content = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A & B</title><link>http://s.test/a</link></item></channel></rss>'
    feed = parse_feed(content, url="http://s.test/rss")
    assert feed.problem and [item.link for item in feed.items] == ["http://s.test/a"]


@pytest.mark.parametrize(
    ("content", "content_type", "charset", "guessed"),
    [
        ("é".encode("latin-1"), "text/html; charset=ISO-8859-1", "iso8859-1", False),  # the header says so
        ('<meta charset="iso-8859-1"><p>é</p>'.encode("latin-1"), "text/html", "iso8859-1", False),  # the markup says so
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>’</p>'.encode("cp1252"), None, "cp1252", False),
        ("<p>é</p>".encode(), "text/html", "utf-8", False),  # nothing declared, valid UTF-8
        ("<p>é’</p>".encode("cp1252"), "text/html", "cp1252", True),  # nothing declared, not UTF-8
        ("<p>é</p>".encode("latin-1"), "text/html; charset=utf-8", "cp1252", True),  # a wrong declaration
    ],
)
def test_parse_decode_page(content: bytes, content_type: str | None, charset: str, guessed: bool) -> None:
    text, found, was_guessed = decode_page(content, content_type)
    assert (found, was_guessed) == (charset, guessed)
    assert "é" in text or "’" in text


def test_parse_latin1_page_decoded_by_its_meta() -> None:
    text, charset, guessed = decode_page((DATA / "fr" / "mali-algerie.html").read_bytes(), "text/html")
    assert charset == "iso8859-1" and not guessed and "ingérence" in text


@pytest.mark.parametrize(
    ("content_type", "kind"),
    [
        ("text/html; charset=utf-8", "html"),
        ("application/xhtml+xml", "html"),
        (None, "html"),
        ("text/plain", "text"),
        ("application/pdf", None),
    ],
)
def test_parse_page_kind(content_type: str | None, kind: str | None) -> None:
    assert page_kind(content_type) == kind


def test_parse_page_article_takes_the_feed_item_as_fallback() -> None:
    item = FeedItem("http://s.test/a", title="Feed title", published="2026-03-01")
    article = page_article(
        "Russia expelled two Estonian diplomats.\n\nEstonia protested.", kind="text", url="http://s.test/a", item=item, lang="en"
    )
    assert (article.id, article.url, article.title, article.published, article.lang) == (
        "http://s.test/a",
        "http://s.test/a",
        "Feed title",
        "2026-03-01",
        "en",
    )
    assert article.text == "Russia expelled two Estonian diplomats.\n\nEstonia protested."
    with pytest.raises(ExtractError, match="E006"):
        page_article("<html><head><title>t</title></head><body></body></html>", kind="html", url="http://s.test/b", item=item)
