"""Fixtures of the interop tests."""

from __future__ import annotations

import pytest

from tocsin.models import Article, Event, Sentence


@pytest.fixture
def threat_article() -> Article:
    """One article with one coded event (RUS threatens UKR, CAMEO 130, PLOVER THREATEN), ready to store."""
    article = Article(
        text="Russia threatened Ukraine.", id="art1", url="https://example.org/art1", outlet="example.org", published="2024-03-05",
        sentences=[Sentence(0, 0, 26, "Russia threatened Ukraine.")],
    )  # fmt: skip
    article.events = [
        Event(article_id="art1", sentence_index=0, sentence="Russia threatened Ukraine.", cameo="130", root="13", quad=3, goldstein=-4.4,
              source_code="RUS", target_code="UKR", plover="THREATEN", trigger="threatened", trigger_start=7)
    ]  # fmt: skip
    return article
