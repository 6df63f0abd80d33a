"""The CLI's shared behaviour: --version, warnings through logging, the pair quoting hint."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from tocsin.about import __version__
from tocsin.cli import app
from tocsin.store import DuckDBStore

WARNS = """
import sys, warnings
import tocsin.cli.events as events
from tocsin.cli import app
opened = events.open_store
def noisy(*args, **kwargs):
    warnings.warn("a library is unhappy", UserWarning)
    return opened(*args, **kwargs)
events.open_store = noisy
sys.argv = ["tocsin", *sys.argv[1:]]
app()
"""


def test_cli_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"tocsin {__version__}"


def _run_with_a_warning(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    db = tmp_path / "w.duckdb"
    DuckDBStore(db).close()
    return subprocess.run([sys.executable, "-W", "default", "-c", WARNS, *args, "events", "--db", str(db), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip


def test_cli_library_warnings_go_through_logging(tmp_path: Path) -> None:
    quiet = _run_with_a_warning(tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert "a library is unhappy" not in quiet.stderr  # not raw on the terminal
    assert "warnings.warn" not in quiet.stderr
    verbose = _run_with_a_warning(tmp_path, "--verbose")
    assert verbose.returncode == 0, verbose.stderr
    lines = [line for line in verbose.stderr.splitlines() if "a library is unhappy" in line]
    assert lines == ["warning: UserWarning: a library is unhappy (py.warnings)"]  # one formatted line, no source line
    assert "warnings.warn" not in verbose.stderr


def test_cli_bad_pair_message_shows_the_quoted_form(tmp_path: Path) -> None:
    db = tmp_path / "p.duckdb"
    DuckDBStore(db).close()
    # what a shell passes for an unquoted --pair RUS>NATO: "RUS" (and a file named NATO gets the output)
    result = CliRunner().invoke(app, ["series", "--pair", "RUS", "--db", str(db)])
    assert result.exit_code != 0
    assert "--pair 'RUS>IGOWSTNAT'" in " ".join(result.stderr.split())
