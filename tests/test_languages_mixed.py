"""French and English in one batch: each article through its own language; models load lazily."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tocsin.run import code_sources

pytestmark = pytest.mark.slow

ARTICLES = [
    {"id": "fr-1", "text": "Le gouvernement russe a menacé la Pologne de représailles."},
    {"id": "en-1", "text": "The Russian government threatened Poland with retaliation."},
    {"id": "fr-2", "text": "Les États-Unis ont imposé de nouvelles sanctions à l'Iran, a annoncé la Maison Blanche."},
    {"id": "en-2", "text": "The United States imposed new sanctions on Iran, the White House said."},
]


def test_mixed_jsonl_codes_each_article_in_its_language(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    report = code_sources([path], None)
    assert report.failures == []
    by_article: dict[str, list[dict]] = {}
    for event in report.events:
        by_article.setdefault(event["article_id"], []).append(event)
    assert {e["lang"] for e in by_article["fr-1"]} == {"fr"} and {e["lang"] for e in by_article["en-1"]} == {"en"}
    # both languages agree on codes: same dictionary entries, same CAMEO roots
    for fr, en in (("fr-1", "en-1"), ("fr-2", "en-2")):
        fr_codes = {(e["source_code"], e["root"], e["target_code"]) for e in by_article[fr]}
        en_codes = {(e["source_code"], e["root"], e["target_code"]) for e in by_article[en]}
        assert fr_codes & en_codes, (fr_codes, en_codes)


def test_french_only_run_never_loads_the_english_model(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(ARTICLES[0]["text"], encoding="utf-8")
    script = (
        "import sys, json\n"
        "from tocsin.run import code_sources\n"
        "from tocsin.stages import nlp\n"
        f"report = code_sources([{str(path)!r}], None)\n"
        "print(json.dumps({'models': sorted(nlp._models), 'events': len(report.events), 'en_loaded': any('en_core_web' in m for m in sys.modules)}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["models"] == ["fr"]
    assert result["events"] > 0
    assert result["en_loaded"] is False
