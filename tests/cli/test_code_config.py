"""``tocsin code --config FILE``: the run's pipeline is built from the file merged over the defaults."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tocsin.cli import app
from tocsin.config import ENV_VAR

TEXT = "Russian forces shelled Kharkiv on Tuesday."


def _code(tmp_path: Path, *extra: str) -> list[dict[str, object]]:
    source = tmp_path / "story.txt"
    source.write_text(TEXT, encoding="utf-8")
    args = ["code", str(source), "--no-store", "--format", "jsonl", "--workers", "1", "--lang", "en", "--published", "2024-05-09"]
    result = CliRunner().invoke(app, [*args, *extra])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


@pytest.mark.slow
def test_config_file_changes_the_run_and_nothing_after_it(tmp_path: Path) -> None:
    default = _code(tmp_path)
    assert default and default[0]["event_date"] == "2024-05-07" and default[0]["place"] == "Kharkiv"
    config = tmp_path / "no-dates.toml"
    config.write_text('[pipeline]\nstages = ["language", "nlp", "actors", "events", "nuclear", "geo"]\n', encoding="utf-8")
    without = _code(tmp_path, "--config", str(config))
    assert [e["cameo"] for e in without] == [e["cameo"] for e in default]
    assert without[0]["event_date"] is None and without[0]["place"] == "Kharkiv"
    assert ENV_VAR not in os.environ  # the configuration was the run's only


def test_bad_config_file_fails_naming_file_and_key(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[stages.events]\nkeep_negated = true\n\n[tuning.dates]\nfuture = 3\n", encoding="utf-8")
    source = tmp_path / "story.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(source), "--no-store", "--config", str(config)])
    assert result.exit_code == 1
    assert "[E513]" in result.stderr and "bad.toml" in result.stderr and "tuning.dates.future" in result.stderr
