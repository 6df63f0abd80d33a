"""Find input files, read their bytes safely, and dispatch them by extension.

Reading never trusts the input: the size is checked with ``stat`` before a
byte is read, binary files and invalid UTF-8 are refused with coded errors,
and nothing beyond ``MAX_BYTES`` is ever read (even from a pipe or stdin).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, AnyStr, BinaryIO, TextIO

from ...errors import Errors, ExtractError, FetchError, IngestError
from ...models import Article
from .clean import check_unicode, finish_article
from .html import parse_html
from .jsonl import OnFailure, parse_json, parse_jsonl
from .parquet import parse_parquet
from .text import parse_markdown, parse_text

MAX_BYTES = 20_000_000
"""Largest input accepted, in bytes (one article, or one JSON Lines file)."""

BINARY_SNIFF_BYTES = 8192
"""A NUL byte in this many leading bytes marks a file as binary."""

STDIN_NAME = "<stdin>"

# Leading bytes of binary formats people pass by mistake -> (kind, how to get text). A text-only PDF has
# no NUL byte in its first kilobytes, so the NUL test alone would code "%PDF-1.4 ... obj" as prose.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "PDF", "e.g. `pdftotext FILE out.txt`"),
    (b"PK\x03\x04", "ZIP (or DOCX, ODT, EPUB)", "unzip it, or save the document as plain text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office (OLE)", "save the document as plain text"),
    (b"{\\rtf", "RTF", "save the document as plain text"),
    (b"%!PS", "PostScript", "e.g. `ps2ascii FILE`"),
    (b"\x89PNG", "PNG image", "run OCR on it first"),
    (b"\xff\xd8\xff", "JPEG image", "run OCR on it first"),
    (b"GIF8", "GIF image", "run OCR on it first"),
    (b"\x1f\x8b", "gzip", "decompress it first (`gunzip`)"),
    (b"BZh", "bzip2", "decompress it first (`bunzip2`)"),
    (b"\xfd7zXZ\x00", "xz", "decompress it first (`unxz`)"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip", "extract it first"),
    (b"PAR1", "Parquet", "give it the .parquet extension"),
    (b"SQLite format 3\x00", "SQLite", "export the articles as JSON Lines"),
    (b"\x7fELF", "executable (ELF)", "pass an article instead"),
)

_READ_CHUNK = 1 << 16

# Extension -> format. Directory walks pick up only these; a file named
# explicitly with another extension is read as plain text.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".json": "json",
    ".parquet": "parquet",
}


def walk_source(source: Path, *, on_failure: OnFailure) -> Iterator[Path]:
    """Yield the input files of one source: the file itself, or a directory's inputs.

    A directory is walked recursively in sorted order; hidden files and
    directories are skipped, and symlinked directories are not followed.
    A missing path (E007) or a directory without inputs (E009) is reported
    to ``on_failure`` and yields nothing.
    """
    if source.is_dir():
        found = False
        for path in _walk_dir(source, on_failure=on_failure):
            found = True
            yield path
        if not found:
            on_failure(FetchError(Errors.E009.format(path=source), path=str(source)))
    elif source.exists():
        yield source
    else:
        on_failure(FetchError(Errors.E007.format(path=source), path=str(source)))


def _walk_dir(root: Path, *, on_failure: OnFailure) -> Iterator[Path]:
    def _on_walk_error(exc: OSError) -> None:
        where = exc.filename or root
        on_failure(FetchError(Errors.E010.format(path=where, detail=exc.strerror or exc), path=str(where)))

    paths: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=_on_walk_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in FORMATS:
                paths.append(Path(dirpath) / name)
    yield from sorted(paths, key=lambda p: p.relative_to(root).parts)


def read_file_text(path: Path) -> str:
    """Read a file as UTF-8 text, refusing what is not an article-sized text file.

    Raises:
        FetchError: missing (E007), over ``MAX_BYTES`` (E004), unreadable (E010).
        ExtractError: empty (E001), binary (E002), invalid UTF-8 (E003).
    """
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise FetchError(Errors.E007.format(path=name), path=name) from exc
    except OSError as exc:
        raise FetchError(Errors.E010.format(path=name, detail=exc.strerror or exc), path=name) from exc
    if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end: stdin is "-"
        raise FetchError(Errors.E016.format(path=name, kind=_file_kind(info.st_mode)), path=name)
    if info.st_size > MAX_BYTES:
        raise FetchError(Errors.E004.format(path=name, size=info.st_size, limit=MAX_BYTES), path=name)
    try:
        with path.open("rb") as fh:
            data = _read_limited(fh, name)
    except OSError as exc:
        raise FetchError(Errors.E010.format(path=name, detail=exc.strerror or exc), path=name) from exc
    return decode_bytes(data, name)


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISFIFO, "named pipe (FIFO)"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
    )
    return next((kind for test, kind in kinds if test(mode)), "special file")


def read_stream_text(stream: TextIO, name: str = STDIN_NAME) -> str:
    """Read a text stream (stdin) with the same checks as a file.

    The underlying byte buffer is used when there is one, so invalid UTF-8
    is reported with its offset; a pure text stream is read as text.
    """
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            return decode_bytes(_read_limited(buffer, name), name)
        text = _read_limited(stream, name)
    except UnicodeDecodeError as exc:
        raise ExtractError(Errors.E003.format(path=name, offset=exc.start), path=name) from exc
    except OSError as exc:
        raise FetchError(Errors.E010.format(path=name, detail=exc.strerror or exc), path=name) from exc
    if "\x00" in text[:BINARY_SNIFF_BYTES]:
        raise ExtractError(Errors.E002.format(path=name), path=name)
    sniffed = sniff_binary(text[:16].encode("utf-8", "surrogateescape"))
    if sniffed is not None:
        kind, magic, hint = sniffed
        raise ExtractError(Errors.E013.format(path=name, kind=kind, magic=magic.decode("latin-1"), hint=hint), path=name)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ExtractError(Errors.E001.format(path=name), path=name)
    return text


def _read_limited(fh: IO[AnyStr], name: str) -> AnyStr:
    # Read in chunks, at most one unit past the limit: a file that grew after
    # stat(), or a pipe, is refused without holding more than MAX_BYTES + 1
    # bytes. (A single fh.read(MAX_BYTES + 1) would allocate that much for
    # every input, however small.)
    parts: list[AnyStr] = []
    total = 0
    while total <= MAX_BYTES:
        chunk = fh.read(min(_READ_CHUNK, MAX_BYTES + 1 - total))
        if not chunk:
            return chunk[:0].join(parts)
        parts.append(chunk)
        total += len(chunk)
    raise FetchError(Errors.E004.format(path=name, size=f"more than {MAX_BYTES}", limit=MAX_BYTES), path=name)


def sniff_binary(data: bytes) -> tuple[str, bytes, str] | None:
    """``(kind, magic, hint)`` if ``data`` starts with the magic number of a binary format (PDF, ZIP, images...), else None."""
    head = data[:16].lstrip(b"\xef\xbb\xbf")
    for magic, kind, hint in _MAGIC:
        if head.startswith(magic):
            return kind, magic, hint
    return None


def decode_bytes(data: bytes, name: str) -> str:
    """Decode an input's bytes as UTF-8 (BOM stripped), refusing empty data, binary formats (E013) and binary data."""
    if not data.strip():
        raise ExtractError(Errors.E001.format(path=name), path=name)
    sniffed = sniff_binary(data)
    if sniffed is not None:
        kind, magic, hint = sniffed
        raise ExtractError(Errors.E013.format(path=name, kind=kind, magic=magic.decode("latin-1"), hint=hint), path=name)
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise ExtractError(Errors.E002.format(path=name), path=name)
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExtractError(Errors.E003.format(path=name, offset=bom + exc.start), path=name) from exc
    if not text.strip():
        raise ExtractError(Errors.E001.format(path=name), path=name)
    return text


def parse_file(path: Path, *, on_failure: OnFailure) -> Iterator[Article]:
    """Read one file and yield its articles, reporting failures to ``on_failure``."""
    fmt = FORMATS.get(path.suffix.lower(), "text")
    if fmt == "parquet":  # binary and streamed by record batch: no text read, no size limit
        yield from parse_parquet(path, on_failure=on_failure)
        return
    name = str(path)
    try:
        check_unicode("file name", name, path=name)
        text = read_file_text(path)
    except IngestError as exc:
        on_failure(exc)
        return
    yield from parse_content(text, fmt=fmt, name=name, on_failure=on_failure)


def parse_stream(stream: TextIO, *, on_failure: OnFailure) -> Iterator[Article]:
    """Read stdin: JSON Lines if it looks like it (:func:`looks_like_jsonl`; a bad line is then reported), else plain text."""
    try:
        text = read_stream_text(stream)
    except IngestError as exc:
        on_failure(exc)
        return
    fmt = "jsonl" if looks_like_jsonl(text) else "text"
    yield from parse_content(text, fmt=fmt, name=STDIN_NAME, on_failure=on_failure)


def parse_content(text: str, *, fmt: str, name: str, on_failure: OnFailure) -> Iterator[Article]:
    """Turn decoded text in format ``fmt`` into articles; failures go to ``on_failure``."""
    if fmt in ("jsonl", "json"):
        parse_lines = parse_json if fmt == "json" else parse_jsonl
        yield from parse_lines(text, path=name, on_failure=on_failure)
        return
    parse = {"html": parse_html, "markdown": parse_markdown}.get(fmt, parse_text)
    try:
        yield finish_article(parse(text, origin=name), path=name)
    except IngestError as exc:
        on_failure(exc)


def looks_like_jsonl(text: str) -> bool:
    """True if the first non-empty line of ``text`` is a JSON object and more than half of its non-empty lines start with ``{``.

    Its other lines are then records, each coded or reported by line (one broken record does not make the whole
    input a plain-text article of raw JSON); a JSON line followed by prose stays text.
    """
    lines = [line.lstrip() for line in text.split("\n") if line.strip()]
    if not lines or 2 * sum(line.startswith("{") for line in lines) <= len(lines):
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except (ValueError, RecursionError):
        return False


def count_articles(sources: Sequence[str | Path]) -> int | None:
    """How many articles ``sources`` hold, counted cheaply before reading them (for a progress bar's total).

    A JSON Lines file counts its non-blank lines, a Parquet file its rows (from its footer), any other input
    file one; directories are walked like :func:`walk_source`. RETURNS None when it cannot be known
    (stdin, a ``.json`` file, an unreadable Parquet footer). Bad lines and unreadable files are counted too:
    the total is what will be read, not what will be coded.
    """
    total = 0
    for source in sources:
        if str(source) == "-":
            return None
        for path in walk_source(Path(source), on_failure=lambda exc: None):
            fmt = FORMATS.get(path.suffix.lower(), "text")
            try:
                if not path.is_file():  # a FIFO would block here; the reader refuses it (E016)
                    total += 1
                elif fmt == "jsonl":
                    with path.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                elif fmt == "json":
                    return None
                elif fmt == "parquet":
                    import pyarrow.parquet as pq

                    total += pq.ParquetFile(path).metadata.num_rows
                else:
                    total += 1
            except Exception:  # noqa: BLE001 - the reader reports it properly; the count just gives up
                return None
    return total
