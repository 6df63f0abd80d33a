from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tocsin.cli import app

pytestmark = pytest.mark.slow

CONTRACT = {
    "article_id",
    "sentence_index",
    "sentence",
    "source_code",
    "target_code",
    "cameo",
    "root",
    "quad",
    "goldstein",
    "plover",
    "mode",
    "confidence",
    "rule",
}


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_cli_code_jsonl_contract_and_idempotence(runner: CliRunner, samples: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    first = runner.invoke(app, ["code", str(samples), "--db", db, "--format", "jsonl"])
    assert first.exit_code == 0, first.output
    events = _jsonl(first.stdout)
    assert events, "the samples report events"
    for event in events:
        assert CONTRACT <= set(event)
        assert 0.0 <= event["confidence"] <= 1.0
        assert event["sentence"]
    again = runner.invoke(app, ["code", str(samples), "--db", db, "--format", "jsonl"])
    assert again.exit_code == 0
    assert "0 event(s) added" in again.stderr
    assert len(_jsonl(again.stdout)) == len(events)
    stored = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
    assert stored.exit_code == 0
    assert len(_jsonl(stored.stdout)) == len(events)


def test_cli_code_bad_inputs_batch_goes_on(runner: CliRunner, samples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK")
    (folder / "latin1.txt").write_bytes(
        "Les forces russes ont bombardé la ville de Kharkiv, a déclaré l'armée ukrainienne.".encode("latin-1")
    )
    (folder / "bad.jsonl").write_text(
        '{"id": "ok1", "text": "Le gouvernement français a condamné l\'attaque russe contre l\'Ukraine."}\nnot json\n', encoding="utf-8"
    )
    (folder / "seed.txt").write_text((samples / "seed_fr_kharkiv.txt").read_text(encoding="utf-8"), encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    result = runner.invoke(app, ["code", str(folder), "--db", db, "--format", "jsonl"])
    assert result.exit_code == 1
    for name in ("empty.txt", "binary.txt", "latin1.txt", "bad.jsonl:2"):
        assert name in result.stderr
    events = _jsonl(result.stdout)
    assert {e["article_id"] for e in events} >= {"ok1"}
    assert any(e["source_code"] == "RUSMIL" for e in events)
    # nothing already stored is lost when a later batch has failures
    again = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
    assert len(_jsonl(again.stdout)) == len(events)


def test_cli_code_unsupported_language_is_skipped(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Die russische Armee hat am Dienstag die Stadt Charkiw angegriffen, teilte die ukrainische Regierung mit.", encoding="utf-8"
    )
    result = runner.invoke(app, ["code", str(path), "--no-store", "--format", "jsonl"])
    assert result.exit_code == 1
    assert "E101" in result.stderr and _jsonl(result.stdout) == []


def test_cli_events_filters(runner: CliRunner, samples: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    assert runner.invoke(app, ["code", str(samples / "seed_fr_kharkiv.txt"), "--db", db]).exit_code == 0
    out = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", "--actor", "RUS", "--code", "13"])
    rows = _jsonl(out.stdout)
    assert rows and all(r["cameo"].startswith("13") for r in rows)
    assert all(
        "RUS" in ((r["source_code"] or "") + (r["target_code"] or ""))[:3] or (r["target_code"] or "").startswith("RUS") for r in rows
    )
    csv_out = runner.invoke(app, ["events", "--db", db, "--format", "csv"])
    assert csv_out.stdout.splitlines()[0].startswith("event_id") or "cameo" in csv_out.stdout.splitlines()[0]


def test_cli_bad_format_exits_2(runner: CliRunner, samples: Path) -> None:
    result = runner.invoke(app, ["code", str(samples), "--format", "xml", "--no-store"])
    assert result.exit_code == 2
    assert "--format" in result.stderr


def test_cli_missing_db_for_events(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "nope" / "x.duckdb")])
    assert result.exit_code == 1
    assert "E30" in result.stderr


# ---------------------------------------------------------------- watch commands (issue 5)


@pytest.fixture(scope="module")
def watch_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from pathlib import Path

    from typer.testing import CliRunner

    from tocsin.cli import app

    db = str(tmp_path_factory.mktemp("watchcli") / "w.duckdb")
    corpus = Path(__file__).resolve().parents[2] / "samples" / "en_fr_escalation_caucasus.jsonl"
    result = CliRunner().invoke(app, ["code", str(corpus), "--db", db])
    assert result.exit_code == 0, result.output
    assert "new alert(s)" in result.output  # `tocsin code` runs the rules after storing
    return db


@pytest.mark.slow
def test_rerun_raises_the_alerts_a_killed_run_never_reached(tmp_path: Path) -> None:
    """Issue 12: a run that stored its events but stopped before its alert step (here: --no-alerts) leaves no alert;
    the rerun adds no event but still runs the rules, and a third run raises nothing twice."""
    from tocsin.store import open_store

    db = str(tmp_path / "r.duckdb")
    corpus = Path(__file__).resolve().parents[2] / "samples" / "en_fr_escalation_caucasus.jsonl"
    first = CliRunner().invoke(app, ["code", str(corpus), "--db", db, "--no-alerts"])
    assert first.exit_code == 0, first.output
    with open_store(db, read_only=True) as store:
        assert store.count("events") > 0 and store.count("alerts") == 0
    rerun = CliRunner().invoke(app, ["code", str(corpus), "--db", db])
    assert rerun.exit_code == 0, rerun.output
    assert "0 event(s) added" in rerun.output and "new alert(s)" in rerun.output
    with open_store(db, read_only=True) as store:
        raised = store.count("alerts")
    assert raised > 0
    third = CliRunner().invoke(app, ["code", str(corpus), "--db", db])
    assert third.exit_code == 0 and "new alert(s)" not in third.output
    with open_store(db, read_only=True) as store:
        assert store.count("alerts") == raised


@pytest.mark.slow
def test_alerts_jsonl_contract(watch_db: str) -> None:
    import json

    from typer.testing import CliRunner

    from tocsin.cli import app

    result = CliRunner().invoke(app, ["alerts", "--db", watch_db, "--format", "jsonl", "--no-detect"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines
    for alert in lines:
        assert {"pair", "rule", "score", "evidence"} <= alert.keys() and ("week" in alert or "date" in alert)
        assert alert["evidence"] and ">" in alert["pair"]
    assert any(a["pair"] == "AZE>ARM" and a["rule"] == "new-rung" and a["week"] == "2025-02-17" for a in lines)


@pytest.mark.slow
def test_series_and_ladder_commands(watch_db: str) -> None:
    import json

    from typer.testing import CliRunner

    from tocsin.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["series", "--db", watch_db, "--pair", "AZE>ARM", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    points = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert points[0]["period"] == "2025-01-06" and max(p["rung"] for p in points) == 6
    result = runner.invoke(app, ["ladder", "--db", watch_db, "--pair", "AZE>ARM", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout[result.stdout.index("[") :])
    assert rows[0]["rung_name"] == "conventional attack" and rows[0]["evidence"]
    bad = runner.invoke(app, ["series", "--db", watch_db, "--pair", "AZE"])
    assert bad.exit_code == 1 and "E501" in bad.output
    # --min-confidence: 1.0 keeps no event of the pair, 0 keeps at least as many as the default threshold
    strict = runner.invoke(app, ["series", "--db", watch_db, "--pair", "AZE>ARM", "--format", "jsonl", "--min-confidence", "1"])
    assert strict.exit_code == 0, strict.output
    assert sum(json.loads(line)["events"] for line in strict.stdout.splitlines() if line.startswith("{")) == 0
    every = runner.invoke(app, ["series", "--db", watch_db, "--pair", "AZE>ARM", "--format", "jsonl", "--min-confidence", "0"])
    counted = sum(json.loads(line)["events"] for line in every.stdout.splitlines() if line.startswith("{"))
    assert counted >= sum(p["events"] for p in points) > 0
    out_of_range = runner.invoke(app, ["ladder", "--db", watch_db, "--min-confidence", "2"])
    assert out_of_range.exit_code == 1 and "E501" in out_of_range.output


@pytest.mark.slow
def test_event_rows_carry_nuclear(watch_db: str) -> None:
    import json

    from typer.testing import CliRunner

    from tocsin.cli import app

    result = CliRunner().invoke(app, ["events", "--db", watch_db, "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert rows and all(isinstance(r["nuclear"], bool) for r in rows)


def test_code_published_dates_undated_inputs(tmp_path: Path) -> None:
    text = tmp_path / "undated.txt"
    text.write_text("Les forces russes ont bombardé Kharkiv mardi.", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(text), "--lang", "fr", "--no-store", "--format", "jsonl", "--published", "2024-05-09"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert rows and {r["event_date"] for r in rows} == {"2024-05-07"}  # "mardi" before Thursday 9 May
    bad = CliRunner().invoke(app, ["code", str(text), "--no-store", "--published", "May 9"])
    assert bad.exit_code == 1 and "E501" in bad.output and "published" in bad.output


@pytest.mark.slow
def test_alerts_one_per_pair_and_period_with_reasons(watch_db: str) -> None:
    """Issue 11: the strikes week of AZE>ARM is one alert, its other rules listed (jsonl: reasons; table: also)."""
    import json

    from typer.testing import CliRunner

    from tocsin.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["alerts", "--db", watch_db, "--format", "jsonl", "--no-detect"])
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    keys = [(a["pair"], a["freq"], a["period"]) for a in lines]
    assert lines and len(keys) == len(set(keys))
    strikes = [a for a in lines if a["pair"] == "AZE>ARM" and a["week"] == "2025-02-17"]
    assert len(strikes) == 1 and len(strikes[0]["reasons"]) == 3
    table = runner.invoke(app, ["alerts", "--db", watch_db, "--no-detect"], terminal_width=300)
    assert table.exit_code == 0 and "also" in table.stdout
    strikes_line = next(line for line in table.stdout.splitlines() if "conventional attack" in line)
    assert "│ 3 " in strikes_line  # three other rules fired that week


@pytest.mark.slow
def test_series_and_ladder_say_how_many_are_undated(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Issue 11: a plain-text article coded without --published is undated: left out and counted, on stderr."""
    from pathlib import Path

    from typer.testing import CliRunner

    from tocsin.cli import app

    db = str(tmp_path_factory.mktemp("undatedcli") / "u.duckdb")
    seed = Path(__file__).resolve().parents[2] / "samples" / "seed_fr_kharkiv.txt"
    runner = CliRunner()
    assert runner.invoke(app, ["code", str(seed), "--db", db]).exit_code == 0
    for command in ("series", "ladder"):
        result = runner.invoke(app, [command, "--db", db, "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        assert "undated event(s) left out" in result.stderr and "undated" not in result.stdout


@pytest.mark.slow
def test_alerts_since_until_overlap_the_period(watch_db: str) -> None:
    """Issue 11: --since/--until keep the alerts whose week overlaps the dates (the week of 2025-02-17 runs to the 23rd)."""
    import json

    from typer.testing import CliRunner

    from tocsin.cli import app

    def weeks(*args: str) -> list[str]:
        result = CliRunner().invoke(app, ["alerts", "--db", watch_db, "--format", "jsonl", "--no-detect", "--pair", "AZE>ARM", *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line)["week"] for line in result.stdout.splitlines() if line.startswith("{")]

    assert weeks("--since", "2025-02-20") == ["2025-02-17"]
    assert weeks("--until", "2025-02-02") == ["2025-01-27"]
    assert weeks("--since", "2025-02-04", "--until", "2025-02-16") == ["2025-02-10", "2025-02-03"]
