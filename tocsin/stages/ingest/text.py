"""Plain text and Markdown inputs.

Plain text is kept as it is (line endings normalised to LF). Markdown is
stripped lightly so the NLP stage sees prose: a leading ``# Heading`` (or a
YAML front-matter ``title:``) becomes the title, and heading markers,
emphasis, links, images, inline code and fenced code blocks are removed.
Blank lines, which separate paragraphs, are kept.
"""

from __future__ import annotations

import re

from ...errors import Errors, ExtractError
from ...models import Article


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR line endings into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text(text: str, *, origin: str) -> Article:
    """Make an article of plain text; the text is kept as is, without a title.

    Raises:
        ExtractError: E001 if there is no text.
    """
    body = normalise_newlines(text).strip()
    if not body:
        raise ExtractError(Errors.E001.format(path=origin), path=origin)
    return Article(text=body, origin=origin)


def parse_markdown(text: str, *, origin: str) -> Article:
    """Make an article of Markdown: leading ``# Heading`` as title, syntax stripped.

    Raises:
        ExtractError: E001 if nothing but markup is left.
    """
    body = normalise_newlines(text)
    title, body = _pop_front_matter_title(body)
    heading, body = _pop_heading(body)
    title = heading or title
    body = strip_markdown(body)
    if not body:
        raise ExtractError(Errors.E001.format(path=origin), path=origin)
    return Article(text=body, title=title, origin=origin)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_ATX_H1 = re.compile(r"\A\s*#[ \t]+(.+?)[ \t]*#*[ \t]*(?:\n|\Z)")
_SETEXT_H1 = re.compile(r"\A\s*([^\n]+?)[ \t]*\n=+[ \t]*(?:\n|\Z)")


def _pop_front_matter_title(text: str) -> tuple[str | None, str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None, text
    found = _FRONT_TITLE.search(match.group(1))
    title = found.group(1).strip("\"'") if found else None
    return title or None, text[match.end() :]


def _pop_heading(text: str) -> tuple[str | None, str]:
    match = _ATX_H1.match(text) or _SETEXT_H1.match(text)
    if match is None:
        return None, text
    title = _strip_inline(match.group(1)).strip()
    return title or None, text[match.end() :]


_FENCE = re.compile(r"^[ \t]*(```+|~~~+)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_SETEXT_RULE = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_HRULE = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_LINK = re.compile(r"\[([^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_CODE = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(?<![\w*_])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_EMPHASIS = re.compile(r"(?<![\w*_])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{3,}")


def strip_markdown(text: str) -> str:
    """Remove common Markdown syntax, keeping the prose and paragraph breaks."""
    text = _FENCE.sub("", text)
    text = _HTML_COMMENT.sub("", text)
    text = _LINK_DEF.sub("", text)
    text = _HEADING.sub(r"\1", text)
    text = _SETEXT_RULE.sub("", text)
    text = _HRULE.sub("", text)
    text = _QUOTE.sub("", text)
    text = _strip_inline(text)
    text = _TRAILING_SPACE.sub("", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def _strip_inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(lambda m: m.group(2).strip(), text)
    text = _STRONG.sub(r"\2", text)
    return _EMPHASIS.sub(r"\2", text)
