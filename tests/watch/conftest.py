"""A store coded from the bundled samples: the escalation corpus (Azerbaijan -> Armenia over eight weeks, with a
calm France-Germany pair beside it) and the seed article (Russian nuclear drills, warning to NATO), dated by
``tocsin code --published`` as a user would: a plain-text article has no date of its own (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.run import code_sources
from tocsin.store import DuckDBStore

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "en_fr_escalation_caucasus.jsonl"
SEED = ROOT / "samples" / "seed_fr_kharkiv.txt"
SEED_PUBLISHED = "2025-04-10"


@pytest.fixture(scope="package")
def store(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("watch") / "watch.duckdb"
    st = DuckDBStore(path)
    report = code_sources([str(CORPUS)], st)
    assert not report.failed, report.failures
    report = code_sources([str(SEED)], st, published=SEED_PUBLISHED)
    assert not report.failed, report.failures
    yield st
    st.close()
