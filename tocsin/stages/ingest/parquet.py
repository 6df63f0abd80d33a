"""Parquet inputs: one article per row.

Columns ``id`` and ``text``, optionally ``title``, ``published``, ``url``,
``outlet`` and ``lang`` (others are ignored), validated like a JSON Lines
record. A bad row is reported with its number (``file.parquet:7``, rows
counted from 1) and skipped; the other rows still yield articles. The file is
read one record batch at a time, so an archive larger than memory streams.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ...errors import Errors, ExtractError, FetchError
from ...models import Article
from .jsonl import OnFailure, parse_record

COLUMNS = ("id", "text", "title", "published", "url", "outlet", "lang")
"""The columns read; ``text`` is required."""

_BATCH_ROWS = 1024


def parse_parquet(path: Path, *, on_failure: OnFailure) -> Iterator[Article]:
    """Yield one article per row of a Parquet file; bad rows (E011, E008) and bad files (E012, E010) go to ``on_failure``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = str(path)
    try:
        parquet = pq.ParquetFile(path)
    except OSError as exc:
        if not path.exists():
            on_failure(FetchError(Errors.E007.format(path=name), path=name))
        else:
            on_failure(ExtractError(Errors.E012.format(path=name, detail=_first_line(exc)), path=name))
        return
    except pa.ArrowException as exc:
        on_failure(ExtractError(Errors.E012.format(path=name, detail=_first_line(exc)), path=name))
        return
    present = [column for column in COLUMNS if column in parquet.schema_arrow.names]
    if "text" not in present:
        found = ", ".join(parquet.schema_arrow.names) or "none"
        on_failure(ExtractError(Errors.E012.format(path=name, detail=f'no "text" column; found columns: {found}'), path=name))
        return
    row = 0
    try:
        for batch in parquet.iter_batches(batch_size=_BATCH_ROWS, columns=present):
            for record in batch.to_pylist():
                row += 1
                try:
                    yield parse_record({k: _plain(v) for k, v in record.items()}, path=name, line=row, malformed=_malformed)
                except ExtractError as exc:
                    on_failure(exc)
    except (OSError, pa.ArrowException) as exc:  # a truncated or corrupt row group: the rows before it were read
        on_failure(ExtractError(Errors.E012.format(path=name, detail=f"after row {row}: {_first_line(exc)}"), path=name))


def _plain(value: Any) -> Any:
    """Parquet dates and timestamps as the ISO strings a JSON Lines record would carry."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _malformed(path: str, line: int, detail: str) -> ExtractError:
    return ExtractError(Errors.E011.format(path=path, line=line, detail=detail), path=path, line=line)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


__all__ = ["COLUMNS", "parse_parquet"]
