"""Parquet inputs: one article per row, validated like JSON Lines records, bad rows reported by number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tocsin.stages.ingest import IngestReport, read_articles


def _read(sources: list[Path]) -> tuple[list, IngestReport]:
    report = IngestReport()
    return list(read_articles(sources, report=report)), report


def test_ingest_parquet_rows_are_articles(tmp_path: Path) -> None:
    path = tmp_path / "archive.parquet"
    table = pa.table(
        {
            "id": pa.array([7, 8], pa.int64()),
            "text": ["Les forces russes ont bombardé Kharkiv.", "Kyiv condemned the attack."],
            "published": pa.array([dt.datetime(2024, 5, 7, 9, 30), None], pa.timestamp("s")),
            "lang": ["fr", None],
            "outlet": ["Gazette", None],
            "extra": [1, 2],
        }
    )
    pq.write_table(table, path, row_group_size=1)
    articles, report = _read([path])
    assert report.failures == []
    assert [(a.id, a.published, a.lang, a.outlet, a.origin) for a in articles] == [
        ("7", "2024-05-07T09:30:00", "fr", "Gazette", f"{path}:1"),
        ("8", None, None, None, f"{path}:2"),
    ]


def test_ingest_parquet_bad_rows_named_by_number_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "archive.parquet"
    pq.write_table(
        pa.table({"id": ["a", "b", "c", "d"], "text": ["Un.", None, "Trois.", "Quatre."], "lang": ["fr", "fr", "français!", "fr"]}), path
    )
    articles, report = _read([path])
    assert [a.id for a in articles] == ["a", "d"]
    assert [(f.path, f.line, f.message[:6]) for f in report.failures] == [(str(path), 2, "[E008]"), (str(path), 3, "[E011]")]
    assert f"{path}:3: malformed Parquet row" in report.failures[1].message


def test_ingest_parquet_bad_files(tmp_path: Path) -> None:
    no_text = tmp_path / "no_text.parquet"
    pq.write_table(pa.table({"id": ["a"], "body": ["x"]}), no_text)
    corrupt = tmp_path / "corrupt.parquet"
    corrupt.write_bytes(b"PAR1 this is not parquet")
    folder = tmp_path / "dir"
    folder.mkdir()
    pq.write_table(pa.table({"text": ["Le président a signé l'accord."]}), folder / "ok.parquet")
    articles, report = _read([no_text, corrupt, folder])
    assert len(articles) == 1 and articles[0].origin == f"{folder / 'ok.parquet'}:1"
    assert [f.message[:6] for f in report.failures] == ["[E012]", "[E012]"]
    assert 'no "text" column; found columns: id, body' in report.failures[0].message
