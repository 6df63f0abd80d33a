"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (gold sets, corpora, reference); skips when absent."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is not present (gold sets and corpora live there)")
    return SHARED


@pytest.fixture(scope="session")
def samples() -> Path:
    return ROOT / "samples"


EVENT_COLUMNS = ["id", "kind", "lemma", "object", "cameo", "roles", "note", "plover"]


def read_event_table(lang: str) -> list[list[str]]:
    """The rows of ``tocsin/languages/<lang>/events.tsv`` as read by csv (comments and blank lines skipped)."""
    import csv

    path = ROOT / "tocsin" / "languages" / lang / "events.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="session")
def event_rows():
    """``event_rows("fr")``: the pattern rows of a language as dicts keyed by column."""
    cache: dict[str, list[dict[str, str]]] = {}

    def get(lang: str) -> list[dict[str, str]]:
        if lang not in cache:
            cache[lang] = [dict(zip(EVENT_COLUMNS, r)) for r in read_event_table(lang)[1:]]
        return cache[lang]

    return get


@pytest.fixture(scope="session")
def english_stories(shared: Path, tmp_path_factory: pytest.TempPathFactory):
    """``english_stories(n)``: a JSON Lines file of the first ``n`` English synthetic stories (skips when absent)."""
    corpus = shared / "corpora" / "en" / "synthetic_stories_en.jsonl"
    if not corpus.is_file():
        pytest.skip(f"{corpus} is not present")

    def first(n: int) -> Path:
        path = tmp_path_factory.mktemp("stories") / "stories.jsonl"
        with corpus.open(encoding="utf-8") as fh:
            path.write_text("".join(line for _, line in zip(range(n), fh)), encoding="utf-8")
        return path

    return first


@pytest.fixture()
def lock_holder():
    """``with lock_holder(db) as holder:`` another process holds the DuckDB file ``db`` open for writing until the block ends."""
    import subprocess
    import sys
    from contextlib import contextmanager

    @contextmanager
    def hold(db: Path):
        code = f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('ready', flush=True); sys.stdin.read()"
        holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
            yield holder
        finally:
            holder.communicate("")

    return hold
