"""Tests for tocsin.eval.gold: reading and validating gold JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tocsin.errors import GoldError
from tocsin.eval import GoldEvent, GoldRecord, load_gold

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

GOLD_COUNTS = {
    "fr/plover_gsr_fr.jsonl": 322,
    "fr/seed_kharkiv_fr.jsonl": 11,
    "en/plover_gsr_en.jsonl": 322,
    "en/conflibert_cameo_train_en.jsonl": 1349,
}


def _line(**overrides: Any) -> str:
    record: dict[str, Any] = {
        "id": "r1",
        "lang": "fr",
        "text": "Les forces russes ont bombardé Kharkiv.",
        "date": None,
        "events": [
            {
                "source": {"code": "RUSMIL", "text": "Les forces russes"},
                "target": {"code": "UKR", "text": "Kharkiv"},
                "cameo": "195",
                "root": None,
                "quad": None,
                "penta": None,
                "plover": "ASSAULT",
                "mode": None,
                "trigger": "ont bombardé",
            }
        ],
        "annotated": ["cameo", "plover", "source", "target"],
    }
    record.update(overrides)
    return json.dumps(record, ensure_ascii=False)


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_gold_load_parses_record(tmp_path: Path) -> None:
    records = load_gold(_write(tmp_path, _line(), "", _line(id="r2", events=[], annotated=["penta"])))
    assert [r.id for r in records] == ["r1", "r2"]
    first = records[0]
    assert isinstance(first, GoldRecord)
    assert first.annotated == ("cameo", "plover", "source", "target")
    assert first.events[0] == GoldEvent(
        source_code="RUSMIL",
        source_text="Les forces russes",
        target_code="UKR",
        target_text="Kharkiv",
        cameo="195",
        root="19",  # derived from cameo
        quad=4,  # derived from root
        penta=4,  # derived from root
        plover="ASSAULT",
        mode=None,
        trigger="ont bombardé",
    )
    assert records[1].events == []
    assert records[1].single_label
    assert not first.single_label


def test_gold_load_keeps_given_levels_and_null_actors(tmp_path: Path) -> None:
    event = {"source": None, "target": {"code": None, "text": "the army"}, "root": "14", "quad": 3, "penta": None}
    (record,) = load_gold(_write(tmp_path, _line(events=[event], annotated=["root"])))
    gold = record.events[0]
    assert (gold.source_code, gold.source_text) == (None, None)
    assert (gold.target_code, gold.target_text) == (None, "the army")
    assert (gold.cameo, gold.root, gold.quad, gold.penta, gold.plover) == (None, "14", 3, 4, None)


@pytest.mark.parametrize(
    ("bad", "detail"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (_line(id=None), "'id' is missing"),
        (_line(text=""), "'text' is empty"),
        (_line(events={"a": 1}), "'events' must be a list"),
        (_line(annotated="plover"), "'annotated' must be a list"),
        (_line(events=["x"]), "events[0] must be a JSON object"),
        (_line(events=[{"quad": "4"}]), "'events[0].quad' must be int"),
        (_line(events=[{"penta": True}]), "'events[0].penta' must be int"),
        (_line(events=[{"source": "USA"}]), "events[0].source must be an object"),
        (_line(events=[{"cameo": "999"}]), "is not a CAMEO event code"),
        (_line(events=[{"root": "190"}]), "is not a two-digit CAMEO root"),
    ],
)
def test_gold_malformed_line_names_file_and_line(tmp_path: Path, bad: str, detail: str) -> None:
    path = _write(tmp_path, _line(), "", bad)
    with pytest.raises(GoldError) as info:
        load_gold(path)
    message = str(info.value)
    assert message.startswith(f"[E401] {path}:3: ")
    assert detail in message


@pytest.mark.parametrize("content", ["", "\n  \n\n"])
def test_gold_empty_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=r"\[E402\]"):
        load_gold(path)


def test_gold_duplicate_id(tmp_path: Path) -> None:
    path = _write(tmp_path, _line(), _line())
    with pytest.raises(GoldError, match=r"\[E403\] .*:2: duplicate gold record id 'r1' \(first seen at line 1\)"):
        load_gold(path)


def test_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match=r"\[E404\]"):
        load_gold(tmp_path / "nope.jsonl")


@pytest.mark.parametrize(("name", "count"), sorted(GOLD_COUNTS.items()))
def test_gold_load_real_files(name: str, count: int) -> None:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared/gold not present")
    records = load_gold(SHARED / "gold" / name)
    assert len(records) == count
    assert len({r.id for r in records}) == count
