"""Backfill on a real Dask LocalCluster (worker processes), then load: the store ends as `tocsin code` leaves it."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tocsin.cli import app
from tocsin.errors import ClusterError, ConfigError
from tocsin.run import code_sources
from tocsin.scale import backfill, load
from tocsin.scale.partitions import list_partitions
from tocsin.store import open_store

# Store rows compared in full; only the times of coding differ between two runs.
_TABLES = {
    "articles": "SELECT * EXCLUDE (coded_at) FROM articles ORDER BY id",
    "sentences": "SELECT * FROM sentences ORDER BY ALL",
    "mentions": "SELECT * FROM mentions ORDER BY ALL",
    "events": "SELECT * EXCLUDE (seen_date) FROM events ORDER BY event_id",
    "merged_events": "SELECT * FROM merged_events ORDER BY event_id",
}


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One LocalCluster for the module: 2 worker processes, 1 thread each, as `tocsin backfill` starts it."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR
    ) as cluster:
        yield cluster.scheduler_address


def _rows(db: Path) -> dict[str, list[tuple]]:
    with open_store(db, read_only=True) as store:
        return {table: store.connection().execute(sql).fetchall() for table, sql in _TABLES.items()}


@pytest.mark.slow
def test_backfill_loads_what_code_stores(scheduler: str, samples: Path, tmp_path: Path) -> None:
    report = backfill([samples], tmp_path / "parts", scheduler=scheduler, chunk_size=8)
    assert report.failures == [] and report.workers == 2
    assert report.partitions_written == len(list_partitions(tmp_path / "parts")) >= 3
    assert report.articles_coded == report.articles_read
    with open_store(tmp_path / "loaded.duckdb") as store:
        loaded = load(tmp_path / "parts", store)
    assert loaded.failures == [] and loaded.articles_added == report.articles_coded and loaded.events_added == report.events
    with open_store(tmp_path / "coded.duckdb") as store:
        coded = code_sources([samples], store, collect_events=False)
    assert coded.failures == [] and coded.events_added == loaded.events_added > 0
    got, want = _rows(tmp_path / "loaded.duckdb"), _rows(tmp_path / "coded.duckdb")
    for table in _TABLES:
        assert got[table] == want[table], table
    assert {row[0] for row in got["articles"]} >= {"caucasus-01", "veilleur-2025-0412-001"}


@pytest.mark.slow
def test_backfill_rerun_skips_written_partitions_and_load_twice_adds_nothing(scheduler: str, samples: Path, tmp_path: Path) -> None:
    source = samples / "en_fr_escalation_caucasus.jsonl"
    out = tmp_path / "parts"
    first = backfill([source], out, scheduler=scheduler, chunk_size=5)
    assert (first.partitions_written, first.partitions_skipped, first.failed) == (5, 0, 0)
    shutil.rmtree(list_partitions(out)[0])  # as if the run had died before writing it
    (out / ".tmp-0123-abcd").mkdir()  # and left a temporary folder behind
    again = backfill([source], out, scheduler=scheduler, chunk_size=5)
    assert (again.partitions_written, again.partitions_skipped, again.failed) == (1, 4, 0)
    assert again.articles_in_skipped + again.articles_coded == again.articles_read == first.articles_read
    assert not (out / ".tmp-0123-abcd").exists()
    db = tmp_path / "t.duckdb"
    with open_store(db) as store:
        once = load(out, store)
        twice = load(out, store, alerts=False)
        assert once.articles_added == first.articles_coded and once.events_added == first.events > 0
        assert (twice.articles_added, twice.events_added, twice.articles_known) == (0, 0, once.articles_added)
        assert store.count("events") == once.events_added


@pytest.mark.slow
def test_backfill_cli_bad_inputs_reported_by_file_and_line_the_rest_coded(samples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    records = [
        {"id": "ok1", "text": "Le gouvernement français a condamné l'attaque russe contre l'Ukraine."},
        {"id": "ok2", "text": "Les forces russes ont bombardé Kharkiv mardi, a déclaré l'armée ukrainienne."},
        {"id": "de1", "text": "Die russische Armee hat am Dienstag Charkiw angegriffen, teilte die Regierung mit."},
    ]
    lines = [json.dumps(records[0]), "not json", json.dumps(records[1]), json.dumps(records[2])]
    (folder / "bad.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": ["Iran a menacé Israël de représailles.", None]}), folder / "archive.parquet")
    out, db = tmp_path / "parts", tmp_path / "t.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["backfill", str(folder), "--out", str(out), "--workers", "1"])  # the default: a local cluster of its own
    assert result.exit_code == 1, result.output
    assert f"{folder / 'bad.jsonl'}:2: malformed JSON Lines record" in result.stderr
    assert f"{folder / 'archive.parquet'}:2: record has no text" in result.stderr
    assert f"[E101] {folder / 'bad.jsonl'}:4: language 'de' is not supported" in result.stderr  # a stage failure, on the worker
    assert "4 article(s) read, 3 coded on 1 worker(s)" in result.stderr and "1 partition(s) written" in result.stderr
    loaded = runner.invoke(app, ["load", str(out), "--db", str(db), "--no-alerts"])
    assert loaded.exit_code == 0, loaded.output
    with open_store(db, read_only=True) as store:
        assert {row["id"] for row in store.articles()} == {"ok1", "ok2", "p1"}


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:1", "not-an-address", "http://localhost:8786", "tcp://127.0.0.1:99999", " "])
def test_backfill_bad_scheduler_address_is_e701(address: str, samples: Path, tmp_path: Path) -> None:
    with pytest.raises(ClusterError, match=r"^\[E701\] Cannot use the Dask scheduler"):
        backfill([samples], tmp_path / "parts", scheduler=address, connect_timeout=0.5)


def test_backfill_cli_bad_scheduler_is_one_line_not_a_traceback(samples: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["backfill", str(samples), "--out", str(tmp_path / "p"), "--scheduler", "tcp://127.0.0.1:1", "--timeout", "0.5"]
    )
    assert result.exit_code == 1
    assert "[E701]" in result.stderr and "tcp://127.0.0.1:1" in result.stderr and "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    ("options", "name"),
    [({"workers": 0}, "--workers"), ({"workers": 2, "scheduler": "tcp://127.0.0.1:1"}, "--workers"), ({"chunk_size": 0}, "--chunk-size")],
)
def test_backfill_bad_options_are_e501(options: dict, name: str, samples: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=rf"^\[E501\] Invalid value for {name}"):
        backfill([samples], tmp_path / "parts", **options)


def test_load_missing_directory_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["load", str(tmp_path / "nowhere"), "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 1 and "[E702]" in result.stderr
