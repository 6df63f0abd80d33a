"""Docs that run: every command quoted in README.md and docs/*.md is checked against the CLI, and the runnable ones are run.

Like datasette's tests/test_docs.py: a fenced shell block or an inline `tocsin ...` span names a
subcommand and flags that must exist (from the Typer app itself, as ``--help`` shows them); ``make X``
names a Makefile target. docs/samples.md's commands and the README's Python block are run for real.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from tocsin.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_LANGS = ("", "sh", "bash", "shell", "console")
EXTERNAL = ("dask ",)  # other tools' commands quoted in the docs (their flags are theirs)

_FENCE = re.compile(r"^```(?P<lang>[\w-]*)\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)
_INLINE = re.compile(r"`(tocsin [^`]+)`")


def _blocks(path: Path) -> list[tuple[str, str]]:
    return [(match["lang"], match["body"]) for match in _FENCE.finditer(path.read_text(encoding="utf-8"))]


def _shell_commands() -> list[tuple[str, str]]:
    """(where, command line) for every command line of every fenced shell block, and every inline `tocsin ...`."""
    found: list[tuple[str, str]] = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for lang, body in _blocks(path):
            if lang not in SHELL_LANGS:
                continue
            for line in body.splitlines():
                command = re.sub(r"\s+#.*$", "", line).strip()
                if command.startswith(("tocsin", "make ", *EXTERNAL)):
                    found.append((path.name, command))
        prose = _FENCE.sub("", text)
        found += [(path.name, match.group(1)) for match in _INLINE.finditer(prose)]
    return found


COMMANDS = _shell_commands()
ROOT_COMMAND: Any = typer.main.get_command(app)


def _options(command: Any) -> set[str]:
    names = {"--help"}
    for param in command.params:
        names.update(getattr(param, "opts", ()))
        names.update(getattr(param, "secondary_opts", ()))
    return names


def _flags(words: list[str]) -> list[str]:
    flags = []
    for word in words:
        for part in word.split("|"):
            part = part.strip("[]()'\"")
            if re.match(r"^--?[a-zA-Z]", part):
                flags.append(part.split("=")[0])
    return flags


def test_docs_quote_commands() -> None:
    assert any(command.startswith("tocsin code") for _, command in COMMANDS)
    assert len(COMMANDS) > 20


@pytest.mark.parametrize(("where", "line"), COMMANDS, ids=[f"{where}:{line[:60]}" for where, line in COMMANDS])
def test_docs_command_exists(where: str, line: str) -> None:
    if line.startswith(EXTERNAL):
        assert shutil.which(line.split()[0], path=str(Path(sys.executable).parent)) or line.split()[0] == "dask"
        return
    if line.startswith("make "):
        target = line.split()[1]
        assert re.search(rf"^{re.escape(target)}:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE), (
            f"{where}: no make target {target}"
        )
        return
    words = shlex.split(line.replace("...", "").replace("…", ""))
    assert words[0] == "tocsin"
    rest = words[1:]
    group_flags = [w for w in rest[:1] if w.startswith("-")]
    if group_flags:  # `tocsin --version`
        assert set(_flags(group_flags)) <= _options(ROOT_COMMAND), f"{where}: {line}"
        return
    for name in (rest[0] if rest else "").split("|"):  # `tocsin series|ladder --min-confidence 0` names two
        command = ROOT_COMMAND.commands.get(name)
        assert command is not None, f"{where}: `tocsin {name}` is not a command (commands: {', '.join(sorted(ROOT_COMMAND.commands))})"
        unknown = [flag for flag in _flags(rest[1:]) if flag not in _options(command)]
        assert not unknown, f"{where}: `tocsin {name}` has no option {', '.join(unknown)} (quoted as: {line})"


def test_docs_samples_md_names_no_missing_command() -> None:
    text = (ROOT / "docs" / "samples.md").read_text(encoding="utf-8")
    assert "tocsin ingest" not in text
    assert any(where == "samples.md" for where, _ in COMMANDS)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a copy of samples/, where the docs' commands run (they use ./tocsin.duckdb)."""
    folder = tmp_path_factory.mktemp("docs")
    shutil.copytree(ROOT / "samples", folder / "samples")
    return folder


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}


@pytest.mark.slow
def test_docs_samples_md_commands_run(workdir: Path) -> None:
    lines = [
        line
        for lang, body in _blocks(ROOT / "docs" / "samples.md")
        if lang in SHELL_LANGS
        for line in body.splitlines()
        if line.startswith("tocsin ")
    ]
    assert lines
    for line in lines:
        result = subprocess.run(line, shell=True, cwd=workdir, capture_output=True, text=True, env=_env(), timeout=900, check=False)
        assert result.returncode == 0, f"{line}\n{result.stderr}"
        assert result.stdout.strip(), f"{line} printed nothing"
    assert (workdir / "tocsin.duckdb").is_file()


@pytest.mark.slow
def test_docs_readme_python_runs(workdir: Path) -> None:
    if not (workdir / "tocsin.duckdb").is_file():  # run alone: code the samples first
        subprocess.run(
            ["tocsin", "code", "samples/", "--db", "tocsin.duckdb"], cwd=workdir, env=_env(), capture_output=True, timeout=900, check=True
        )
    blocks = [body for lang, body in _blocks(ROOT / "README.md") if lang == "python"]
    assert blocks
    for body in blocks:
        result = subprocess.run(
            [sys.executable, "-c", body], cwd=workdir, capture_output=True, text=True, env=_env(), timeout=900, check=False
        )
        assert result.returncode == 0, f"{body}\n{result.stderr}"
        assert "cameo" in result.stdout  # the frame's columns are printed, even with no event in the window


def test_docs_version_flag_is_documented_and_works() -> None:
    assert ("README.md", "tocsin --version") in COMMANDS
    result = subprocess.run([sys.executable, "-m", "tocsin", "--version"], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0 and result.stdout.startswith("tocsin ")
