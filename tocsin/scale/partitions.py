"""The partition format: coded articles as Parquet, one folder per chunk of input.

A partition is a folder ``part-<key>`` holding four Parquet files, one per
store table: ``articles.parquet``, ``sentences.parquet``, ``mentions.parquet``
and ``events.parquet``, with the store's columns and types (the column lists
of :mod:`tocsin.store.duckdb`), so ``read_parquet('DIR/part-*/events.parquet')``
reads like the events table. ``events.parquet`` adds ``coded_event_date``, the
date the coder found (``event_date`` falls back to the publication date, as in
the store); with it the coded :class:`~tocsin.models.Article` objects are
rebuilt exactly. ``articles.parquet`` carries the partition's metadata: the
format name, its key, the chunk's position in the input and the failures met
while coding it.

``key`` is a hash of the chunk's article ids and the coding options, so the
same input cut into the same chunks names the same partitions. A partition is
written to a hidden temporary folder and renamed into place: a crash leaves
no half partition, and a folder named ``part-*`` is always complete.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import Errors, StoreError
from ..models import ActorMention, Article, Event, Sentence
from ..store.duckdb import _ARTICLE_COLUMNS, _EVENT_COLUMNS, _MENTION_COLUMNS, _SENTENCE_COLUMNS, _date_part, make_event_id

FORMAT = "tocsin.partition.v1"
"""Versioned name of this layout, stored in every partition."""

TABLES = ("articles", "sentences", "mentions", "events")
PREFIX = "part-"
_TMP_PREFIX = ".tmp-"

# Extra events column: the event's own date (None when the coder found none).
_CODED_EVENT_DATE = ("coded_event_date", "VARCHAR", lambda r: r[1].event_date)

_META_FORMAT = b"tocsin.format"
_META_KEY = b"tocsin.key"
_META_CHUNK = b"tocsin.chunk"
_META_FAILURES = b"tocsin.failures"


@dataclass
class Partition:
    """What one partition holds: its key, the chunk's position in the input, coded articles and failures."""

    key: str
    chunk: int
    articles: list[Article] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (where, message), as in RunReport


def partition_key(article_ids: Sequence[str], options: str = "") -> str:
    """Deterministic name of the partition of a chunk: a hash of its article ids (in order) and the coding options."""
    digest = hashlib.sha1(options.encode("utf-8"))
    for article_id in article_ids:
        digest.update(b"\x00" + article_id.encode("utf-8"))
    return digest.hexdigest()[:24]


def partition_path(out: str | Path, key: str) -> Path:
    return Path(out) / f"{PREFIX}{key}"


def list_partitions(out: str | Path) -> list[Path]:
    """The complete partitions under ``out`` (temporary folders are skipped), sorted by name."""
    root = Path(out)
    return sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith(PREFIX))


def encode_partition(
    articles: Sequence[Article], *, key: str, chunk: int, failures: Sequence[tuple[str, str]] = (), coded_at: datetime | None = None
) -> dict[str, bytes]:
    """Encode coded articles as the partition's four Parquet files (name -> bytes), ready for :func:`write_partition`.

    Every event is kept, in order; ``event_id`` is the store's mention id (:func:`~tocsin.store.duckdb.make_event_id`).
    """
    import pyarrow as pa

    coded_at = coded_at or datetime.now(UTC).replace(tzinfo=None)
    rows: dict[str, list[Any]] = {
        "articles": [(a, coded_at) for a in articles],
        "sentences": [(a.id, s) for a in articles for s in a.sentences],
        "mentions": [(a.id, m) for a in articles for m in a.mentions],
        "events": [],
    }
    for article in articles:
        published = _date_part(article.published)
        for event in article.events:
            rows["events"].append((make_event_id(event), event, _date_part(event.event_date) or published, coded_at.date()))
    metadata = {
        _META_FORMAT: FORMAT.encode(),
        _META_KEY: key.encode(),
        _META_CHUNK: str(chunk).encode(),
        _META_FAILURES: json.dumps([list(f) for f in failures], ensure_ascii=False).encode("utf-8"),
    }
    out: dict[str, bytes] = {}
    for table in TABLES:
        columns = _columns(table)
        arrays = [pa.array([get(row) for row in rows[table]], type=_arrow_type(sql_type)) for _, sql_type, get in columns]
        schema = pa.schema(
            [pa.field(name, _arrow_type(sql_type)) for name, sql_type, _ in columns], metadata=metadata if table == "articles" else None
        )
        out[table] = _parquet_bytes(pa.Table.from_arrays(arrays, schema=schema))
    return out


def write_partition(out: str | Path, key: str, files: dict[str, bytes]) -> bool:
    """Write a partition atomically (temporary folder, fsync, rename); False if it was already there.

    RAISES: StoreError (E703) if the folder cannot be written.
    """
    root = Path(out)
    final = partition_path(root, key)
    if final.is_dir():
        return False
    tmp = root / f"{_TMP_PREFIX}{key}-{uuid.uuid4().hex[:8]}"
    try:
        tmp.mkdir()
        for table in TABLES:
            with open(tmp / f"{table}.parquet", "wb") as fh:
                fh.write(files[table])
                fh.flush()
                os.fsync(fh.fileno())
        try:
            os.rename(tmp, final)
        except OSError:
            if final.is_dir():  # written meanwhile by another run: keep that one
                shutil.rmtree(tmp, ignore_errors=True)
                return False
            raise
        _fsync_dir(root)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise StoreError(Errors.E703.format(path=root, detail=exc.strerror or exc)) from exc
    return True


def remove_temporary(out: str | Path) -> int:
    """Delete the temporary folders a crashed run left under ``out``; return how many."""
    removed = 0
    for path in Path(out).iterdir():
        if path.is_dir() and path.name.startswith(_TMP_PREFIX):
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed


def read_partition_info(path: str | Path) -> tuple[int, list[tuple[str, str]]]:
    """A partition's chunk position and recorded failures, from its metadata only.

    RAISES: StoreError (E702) if the partition is unreadable.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        metadata = pq.read_schema(Path(path) / "articles.parquet").metadata or {}
    except (OSError, pa.ArrowException) as exc:
        raise StoreError(Errors.E702.format(path=path, detail=_first_line(exc))) from exc
    return _chunk_and_failures(path, metadata)


def read_partition(path: str | Path) -> Partition:
    """Read a partition and rebuild its coded articles exactly, in input order.

    RAISES: StoreError (E702) if a file is missing, unreadable or of another format.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(path)
    tables: dict[str, list[dict[str, Any]]] = {}
    metadata: dict[bytes, bytes] = {}
    try:
        for table in TABLES:
            parquet = pq.read_table(folder / f"{table}.parquet")
            if table == "articles":
                metadata = parquet.schema.metadata or {}
            tables[table] = parquet.to_pylist()
    except (OSError, pa.ArrowException) as exc:
        raise StoreError(Errors.E702.format(path=folder, detail=_first_line(exc))) from exc
    chunk, failures = _chunk_and_failures(folder, metadata)
    try:
        articles = _rebuild(tables)
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(Errors.E702.format(path=folder, detail=f"{type(exc).__name__}: {exc}")) from exc
    return Partition(key=metadata.get(_META_KEY, b"").decode(), chunk=chunk, articles=articles, failures=failures)


def _rebuild(tables: dict[str, list[dict[str, Any]]]) -> list[Article]:
    by_id: dict[str, Article] = {}
    for row in tables["articles"]:
        article = Article(
            text=row["text"],
            id=row["id"],
            title=row["title"],
            url=row["url"],
            outlet=row["outlet"],
            published=row["published"],
            lang=row["lang"],
            lang_score=row["lang_score"],
            origin=row["origin"],
        )
        by_id[article.id] = article
    for row in tables["sentences"]:
        by_id[row["article_id"]].sentences.append(Sentence(index=row["idx"], start=row["start"], end=row["end"], text=row["text"]))
    for row in tables["mentions"]:
        by_id[row["article_id"]].mentions.append(
            ActorMention(
                text=row["text"],
                start=row["start"],
                end=row["end"],
                sentence_index=row["sentence_index"],
                code=row["code"],
                country=row["country"],
                roles=row["roles"],
                name=row["name"],
                kind=row["kind"],
            )
        )
    for row in tables["events"]:
        data = dict(row)
        data["event_date"] = data.pop("coded_event_date")
        del data["event_id"]  # the store's mention id, recomputed on save; Event.event_id is the merged event's
        by_id[row["article_id"]].events.append(Event.from_dict(data))
    return list(by_id.values())


def _chunk_and_failures(path: str | Path, metadata: dict[bytes, bytes]) -> tuple[int, list[tuple[str, str]]]:
    found = metadata.get(_META_FORMAT, b"").decode()
    if found != FORMAT:
        raise StoreError(Errors.E702.format(path=path, detail=f"format {found or 'unknown'!r}, expected {FORMAT!r}"))
    try:
        chunk = int(metadata[_META_CHUNK])
        failures = [(str(where), str(message)) for where, message in json.loads(metadata[_META_FAILURES])]
    except (KeyError, ValueError, TypeError) as exc:
        raise StoreError(Errors.E702.format(path=path, detail=f"bad metadata ({type(exc).__name__}: {exc})")) from exc
    return chunk, failures


def _columns(table: str) -> list[tuple[str, str, Any]]:
    if table == "articles":
        return _ARTICLE_COLUMNS
    if table == "sentences":
        return _SENTENCE_COLUMNS
    if table == "mentions":
        return _MENTION_COLUMNS
    return [*_EVENT_COLUMNS, _CODED_EVENT_DATE]


def _arrow_type(sql_type: str) -> Any:
    import pyarrow as pa

    types = {
        "VARCHAR": pa.string(),
        "INTEGER": pa.int32(),
        "BIGINT": pa.int64(),
        "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("us"),
        "VARCHAR[]": pa.list_(pa.string()),
    }
    return types[sql_type]


def _parquet_bytes(table: Any) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some filesystems refuse fsync on a directory
        pass
    finally:
        os.close(fd)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


__all__ = [
    "FORMAT",
    "TABLES",
    "Partition",
    "encode_partition",
    "list_partitions",
    "partition_key",
    "partition_path",
    "read_partition",
    "read_partition_info",
    "remove_temporary",
    "write_partition",
]
