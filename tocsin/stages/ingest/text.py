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


def _pop_front_matter_title(text: str) -> tuple[str | None, str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None, text
    found = _FRONT_TITLE.search(match.group(1))
    title = found.group(1).strip("\"'") if found else None
    return title or None, text[match.end() :]


def _pop_heading(text: str) -> tuple[str | None, str]:
    # Line by line, not a regex: the patterns this replaced backtracked over leading spaces (cubic in their number).
    rest = text.lstrip()
    first, _, after = rest.partition("\n")
    heading = _atx_text(first)
    if heading is None:
        underline, _, after = after.partition("\n")
        if not (first.strip() and _is_setext_h1(underline)):
            return None, text
        heading = first
    title = _strip_inline(heading.strip(" \t")).strip()
    return title or None, after


def _atx_text(line: str) -> str | None:
    """The text of a ``# Heading`` line (closing ``#`` run dropped), or None if it is not one."""
    if not line.startswith("#") or line[1:2] not in (" ", "\t"):
        return None
    content = line[1:].strip(" \t")
    return content.rstrip("#").rstrip(" \t") or content


def _is_setext_h1(line: str) -> bool:
    underline = line.rstrip(" \t")
    return bool(underline) and not underline.strip("=")


_FENCE = re.compile(r"^[ \t]*(```+|~~~+)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
_LINK_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_SETEXT_RULE = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_HRULE = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.MULTILINE)
# Inline spans are bounded (a link's text, a URL, an emphasis, a code span): unbounded, every opener without a closer
# rescanned the rest of its line, quadratic in the line's length. Longer spans keep their markup.
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,300}\])")
_LINK = re.compile(r"\[([^\]\n]{1,300})\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,300}\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_CODE = re.compile(r"(?<!`)(`{1,16})(?!`)(.{1,300}?)(?<!`)\1(?!`)")
_STRONG = re.compile(r"(?<![\w*_])(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1(?![\w*_])")
_EMPHASIS = re.compile(r"(?<![\w*_])([*_])(?=\S)(.{1,300}?)(?<=\S)\1(?![\w*_])")
_BLANK_LINES = re.compile(r"\n{3,}")


def strip_markdown(text: str) -> str:
    """Remove common Markdown syntax, keeping the prose and paragraph breaks."""
    text = _FENCE.sub("", text)
    text = _drop_comments(text)
    text = _LINK_DEF.sub("", text)
    text = _strip_headings(text)
    text = _SETEXT_RULE.sub("", text)
    text = _HRULE.sub("", text)
    text = _QUOTE.sub("", text)
    text = _strip_inline(text)
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))  # a regex here was quadratic in a run of spaces
    return _BLANK_LINES.sub("\n\n", text).strip()


def _drop_comments(text: str) -> str:
    """Remove ``<!-- ... -->`` comments; an unclosed one is kept (a lazy regex rescanned the rest for every opener)."""
    parts: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0 and (end := text.find("-->", start + 4)) >= 0:
        parts.append(text[pos:start])
        pos = end + 3
    return "".join(parts) + text[pos:]


def _strip_headings(text: str) -> str:
    """Drop ATX heading markers (``## Title ##`` -> ``Title``), one line at a time."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        marker = _HEADING.match(line)
        if marker is not None:
            content = line[marker.end() :].rstrip(" \t")
            lines[i] = content.rstrip("#").rstrip(" \t") if content.rstrip("#") else ""
    return "\n".join(lines)


def _strip_inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(lambda m: m.group(2).strip(), text)
    text = _STRONG.sub(r"\2", text)
    return _EMPHASIS.sub(r"\2", text)
