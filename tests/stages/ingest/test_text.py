"""Markdown stripping on pathological inputs (issue 12): every regex over user text is linear.

Each input below took minutes (or hours) with the backtracking patterns it replaced: its size is the test. No
timing is asserted; a regression shows as a test that does not finish.
"""

from __future__ import annotations

import pytest

from tocsin.errors import ExtractError
from tocsin.stages.ingest.text import parse_markdown, strip_markdown


def test_text_100k_spaces_is_an_empty_file() -> None:
    # _SETEXT_H1 was cubic in leading spaces: 100 KB of them ran for more than 300 s.
    with pytest.raises(ExtractError, match=r"^\[E001\]"):
        parse_markdown(" " * 100_000, origin="spaces.md")


def test_text_setext_title_after_4000_spaces() -> None:
    # 4,000 leading spaces took 42 s.
    article = parse_markdown(" " * 4000 + "Talks in Geneva\n===============\n\nThe ministers met.", origin="x.md")
    assert (article.title, article.text) == ("Talks in Geneva", "The ministers met.")


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("# Talks in Geneva #\n\nThe ministers met.", "Talks in Geneva", "The ministers met."),
        ("\n\n  # C#\nBody.", "C", "Body."),
        ("Talks\n===  \nBody.", "Talks", "Body."),
        ("Talks\n=x=\nBody.", None, "Talks\n=x=\nBody."),
        ("#hashtag\nBody.", None, "#hashtag\nBody."),
    ],
)
def test_text_first_heading_becomes_the_title(text: str, title: str | None, body: str) -> None:
    article = parse_markdown(text, origin="x.md")
    assert (article.title, article.text) == (title, body)


def test_text_trailing_spaces_stripped_in_a_long_run() -> None:
    # _TRAILING_SPACE was quadratic in a run of spaces that does not end its line.
    assert strip_markdown("a" + " " * 100_000 + "b  \nc\t \n") == "a" + " " * 100_000 + "b\nc"


def test_text_headings_lose_their_markers() -> None:
    assert strip_markdown("## Sanctions ##\n\n### \n\ntext") == "Sanctions\n\ntext"
    heading = "# x" + " " * 100_000 + "y"  # the heading pattern was quadratic too
    assert strip_markdown(heading) == "x" + " " * 100_000 + "y"


@pytest.mark.parametrize(
    "text",
    ["*a " * 50_000, "**a " * 50_000, "_a " * 50_000, "[" * 100_000, "![" * 50_000, "[a](" * 50_000, "<!--" * 50_000],
)
def test_text_unclosed_inline_markup_is_kept(text: str) -> None:
    # Every opener without a closer used to rescan the rest of its line.
    assert strip_markdown(text) == text.strip()


def test_text_inline_markup_still_stripped() -> None:
    text = "Le **ministre** a vu [Kiev](https://x.invalid) <!-- note --> et ![c](c.png)`code` _hier_."
    assert strip_markdown(text) == "Le ministre a vu Kiev  et code hier."
    assert strip_markdown("`` a `b` c `` <!-- open") == "a `b` c <!-- open"
