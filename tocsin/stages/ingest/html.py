"""HTML pages: the main text and metadata, extracted with trafilatura.

Extraction favours precision (navigation, footers, related links and comments
are dropped) and never touches the network: the page is parsed as given.
Trafilatura returns one paragraph per line; paragraphs are joined with blank
lines, as in every other input format.
"""

from __future__ import annotations

import datetime as dt
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
    except Exception as exc:  # noqa: BLE001 - lxml/trafilatura errors on hostile markup
        raise ExtractError(Errors.E006.format(path=origin), path=origin) from exc
    text = getattr(document, "text", None) if document is not None else None
    title = _clean(getattr(document, "title", None))
    paragraphs = [line.strip() for line in (text or "").split("\n") if line.strip()]
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
