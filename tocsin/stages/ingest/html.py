"""HTML pages: the main text and metadata, extracted with trafilatura.

Extraction favours precision (navigation, footers, related links and comments
are dropped) and never touches the network: the page is parsed as given.
Trafilatura returns one paragraph per line; paragraphs are joined with blank
lines, as in every other input format. A page nested deeper than lxml parses
(:data:`MAX_DEPTH`) is read instead as a stream of tags, keeping the paragraphs
of prose outside navigation, headers and footers.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from typing import Any

from trafilatura import bare_extraction

from ...errors import Errors, ExtractError
from ...models import Article

_DATE_PARAMS: dict[str, Any] = {
    "original_date": True,  # publication date, not the last update
    "extensive_search": False,  # trust markup (meta, time tags, JSON-LD), not stray dates in the text
    "outputformat": "%Y-%m-%d",
}


def parse_html(html: str, *, origin: str) -> Article:
    """Make an article of an HTML page: main text, title, date, URL and site name.

    Args:
        html: the page source.
        origin: where it came from (path), stored on the article and used in messages.

    Raises:
        ExtractError: E006 if the page has no extractable main text.
    """
    try:
        document = bare_extraction(
            html,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:
        raise ExtractError(Errors.E006.format(path=origin), path=origin) from exc
    text = getattr(document, "text", None) if document is not None else None
    title = _clean(getattr(document, "title", None))
    paragraphs = [line.strip() for line in (text or "").split("\n") if line.strip()]
    collected = collect_text(html)
    if collected.max_depth > MAX_DEPTH:  # lxml stopped at its depth limit: trafilatura saw part of the page
        paragraphs = collected.paragraphs
    # Trafilatura keeps the page's <h1>; drop it when it repeats the title.
    if title and paragraphs and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise ExtractError(Errors.E006.format(path=origin), path=origin)
    return Article(
        text="\n\n".join(paragraphs),
        title=title,
        url=_clean(getattr(document, "url", None)),
        outlet=_clean(getattr(document, "sitename", None)),
        published=_iso_date(getattr(document, "date", None)),
        origin=origin,
    )


_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form", "select", "button"})
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "article",
        "section",
        "main",
        "tr",
        "td",
        "table",
        "body",
    }
)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
FALLBACK_MIN_WORDS = 8
"""A paragraph the fallback extraction keeps has at least this many words (prose, not menus or buttons)."""
MAX_DEPTH = 200
"""Pages nested deeper are read by the fallback: lxml (under trafilatura) stops at 256 levels and loses the rest."""


class _TextCollector(HTMLParser):
    """Paragraphs of a page's text, read as a stream of tags: no tree, so no depth limit and no recursion."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._words: list[str] = []
        self._skipping: list[str] = []  # the open skipped elements, innermost last
        self.depth = self.max_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        if tag in _SKIPPED:
            self._skipping.append(tag)
        elif tag in _BLOCKS:
            self._end_paragraph()

    def handle_endtag(self, tag: str) -> None:
        self.depth = max(0, self.depth - 1)
        if self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
        elif tag in _BLOCKS:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._words.extend(data.split())

    def _end_paragraph(self) -> None:
        if len(self._words) >= FALLBACK_MIN_WORDS:
            self.paragraphs.append(" ".join(self._words))
        self._words = []


def collect_text(html: str) -> _TextCollector:
    """The page read as a stream of tags: its prose ``paragraphs`` (outside navigation, headers and footers) and ``max_depth``."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    collector.handle_endtag("body")  # the last paragraph, if the page never closes it
    return collector


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _iso_date(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
