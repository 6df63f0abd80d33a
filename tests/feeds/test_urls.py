"""Canonical item URLs: one story, one URL."""

from __future__ import annotations

import pytest

from tocsin.feeds import canonical_url
from tocsin.feeds.urls import host_key


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://News.Example.ORG/a/b.html#top", "https://news.example.org/a/b.html"),
        ("https://example.org/a?utm_source=rss&utm_medium=feed&id=3", "https://example.org/a?id=3"),
        ("https://example.org/a?id=3&UTM_Campaign=x&fbclid=abc&page=2", "https://example.org/a?id=3&page=2"),
        ("http://example.org:80/a", "http://example.org/a"),
        ("https://example.org:443", "https://example.org/"),
        ("http://127.0.0.1:8123/x.html?utm_term=a#c", "http://127.0.0.1:8123/x.html"),
        ("  https://example.org/a b  ", "https://example.org/a b"),
    ],
)
def test_urls_canonical(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_urls_canonical_resolves_relative_links() -> None:
    assert canonical_url("/en/x.html?utm_campaign=w", base="http://127.0.0.1:9/en/atom.xml") == "http://127.0.0.1:9/en/x.html"
    assert canonical_url("y.html", base="https://example.org/fr/rss.xml") == "https://example.org/fr/y.html"


def test_urls_canonical_is_idempotent() -> None:
    url = canonical_url("https://Example.org/a?b=1&utm_x=2#f")
    assert canonical_url(url) == url


def test_urls_host_key() -> None:
    assert host_key("https://Example.org/a") == host_key("https://example.org:443/b") == "https://example.org:443"
    assert host_key("http://127.0.0.1:8000/") != host_key("http://127.0.0.1:8001/")
