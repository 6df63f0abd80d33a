from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tocsin
from tocsin.cli import app

CONTRACT_4 = {
    "place",
    "country",
    "lat",
    "lon",
    "geo_precision",
    "event_date",
    "date_precision",
    "event_id",
    "num_mentions",
    "num_sources",
    "num_articles",
}


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_cli_import_then_export_gdelt_keeps_every_field(runner: CliRunner, shared: Path, tmp_path: Path) -> None:
    sample = shared / "samples" / "gdelt" / "gdelt2_events_20191024143000.export.CSV"
    db, out = str(tmp_path / "g.duckdb"), tmp_path / "out.csv"
    first = runner.invoke(app, ["import-gdelt", str(sample), "--db", db])
    assert first.exit_code == 0, first.output
    assert "2111 row(s) added" in first.stderr
    assert "0 row(s) added" in runner.invoke(app, ["import-gdelt", str(sample), "--db", db]).stderr
    result = runner.invoke(app, ["export", "--format", "gdelt", "--source", "gdelt", "--db", db, "--out", str(out)])
    assert result.exit_code == 0, result.output

    def rows(path: Path) -> dict[str, list[str]]:
        with path.open(encoding="utf-8", newline="") as fh:
            return {r[0]: r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}

    original, exported = rows(sample), rows(out)
    assert len(original) == 2111 and exported == original
    assert all(len(r) == 61 for r in exported.values())


@pytest.mark.slow
def test_cli_code_then_export_every_format_and_python_api(runner: CliRunner, samples: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    coded = runner.invoke(app, ["code", str(samples), "--db", db, "--format", "jsonl"])
    assert coded.exit_code == 0, coded.output
    rows = [json.loads(line) for line in coded.stdout.splitlines() if line.startswith("{")]
    assert rows and all(CONTRACT_4 <= set(r) for r in rows)
    assert all(r["event_date"] for r in rows if r["article_id"].startswith("veilleur"))
    for fmt, name in (("gdelt", "e.csv"), ("gdelt-mentions", "m.csv"), ("plover", "p.jsonl"), ("csv", "t.csv"), ("parquet", "t.parquet")):
        out = tmp_path / name
        result = runner.invoke(app, ["export", "--format", fmt, "--db", db, "--out", str(out)])
        assert result.exit_code == 0, (fmt, result.output)
        assert out.stat().st_size > 0
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as fh:
        gdelt_rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert gdelt_rows and all(len(r) == 61 for r in gdelt_rows)
    assert len({r[0] for r in gdelt_rows}) == len({r["event_id"] for r in rows})
    with tocsin.open(db) as dataset:
        frame = dataset.events(actor="RUS")
        assert len(frame) > 0 and set(frame["source_code"].dropna()) | set(frame["target_code"].dropna())
        assert str(frame["event_date"].dtype).startswith("datetime64")
        assert len(dataset.events(dyad=("RUS", "IGOWSTNAT"))) >= 1


def test_cli_export_bad_format(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "xml", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "--format" in result.stderr


def test_cli_import_gdelt1_one_message(runner: CliRunner, shared: Path, tmp_path: Path) -> None:
    """Issue 11: a GDELT 1.0 file gets one message saying so (not one error line per row) and its rows are imported."""
    sample = shared / "samples" / "gdelt" / "gdelt1_events_20170912.export_sample.tsv"
    db = str(tmp_path / "g.duckdb")
    result = runner.invoke(app, ["import-gdelt", str(sample), "--db", db])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert sum("GDELT 1.0" in line for line in lines) == 1 and not any("skipped" in line for line in lines)
    assert "10 row(s) added" in result.stderr


def test_cli_events_source_gdelt_lists_imported_rows(runner: CliRunner, shared: Path, tmp_path: Path) -> None:
    sample = shared / "samples" / "gdelt" / "gdelt2_events_20191024143000.export.CSV"
    db = str(tmp_path / "g.duckdb")
    assert runner.invoke(app, ["import-gdelt", str(sample), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["events", "--source", "gdelt", "--code", "19", "--format", "jsonl", "--db", db])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["EventCode"].startswith("19") and len(r) == 61 for r in rows)
    table = runner.invoke(app, ["events", "--source", "gdelt", "--limit", "3", "--db", db])
    assert table.exit_code == 0 and "3 imported GDELT event(s)" in table.stdout and "GLOBALEVENTID" in table.stdout
    assert runner.invoke(app, ["events", "--source", "nope", "--db", db]).exit_code == 2
