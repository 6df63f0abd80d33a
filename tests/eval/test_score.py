"""Tests for tocsin.eval.score and tocsin.eval.report, on hand-built records and events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tocsin.eval import EvalReport, GoldEvent, GoldRecord, evaluate, load_gold, render_text, score
from tocsin.models import Event

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD_FILES = ["fr/plover_gsr_fr.jsonl", "fr/seed_kharkiv_fr.jsonl", "en/plover_gsr_en.jsonl", "en/conflibert_cameo_train_en.jsonl"]

PLOVER_ACTORS = ("plover", "source", "target")
ALL_LEVELS = ("cameo", "root", "quad", "penta", "plover", "source", "target")


def _event(**fields: Any) -> Event:
    data: dict[str, Any] = {"article_id": "a", "sentence_index": 0, "sentence": "", "cameo": "", "root": "", "quad": 0, "goldstein": 0.0}
    data.update(fields)
    return Event(**data)


def _record(record_id: str, events: list[GoldEvent], annotated: tuple[str, ...] = PLOVER_ACTORS) -> GoldRecord:
    return GoldRecord(id=record_id, lang="en", text=f"text of {record_id}", date=None, events=events, annotated=annotated)


def _gold_as_events(record: GoldRecord) -> list[Event]:
    return [
        _event(
            article_id=record.id,
            cameo=gold.cameo or "",
            root=gold.root or "",
            quad=gold.quad or 0,
            penta=gold.penta,
            plover=gold.plover,
            source_code=gold.source_code,
            source_text=gold.source_text,
            target_code=gold.target_code,
            target_text=gold.target_text,
        )
        for gold in record.events
    ]


def test_score_plover_precision_recall_f1() -> None:
    records = [
        _record("a", [GoldEvent(plover="AGREE"), GoldEvent(plover="ASSAULT")]),
        _record("b", [GoldEvent(plover="PROTEST")]),
        _record("d", [GoldEvent(plover="AID")]),
    ]
    predictions = {
        # COERCE twice: one (record, type) pair, one false positive
        "a": [_event(plover="AGREE"), _event(plover="COERCE"), _event(plover="COERCE")],
        "d": [_event(plover="AID"), _event(plover=None)],
    }
    report = score(records, predictions)
    plover = report.to_dict()["plover"]
    assert (plover["tp"], plover["fp"], plover["fn"], plover["support"]) == (2, 1, 2, 4)
    assert plover["precision"] == pytest.approx(2 / 3)
    assert plover["recall"] == pytest.approx(1 / 2)
    assert plover["f1"] == pytest.approx(4 / 7)
    assert plover["per_type"]["AGREE"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1, "tp": 1, "fp": 0, "fn": 0}
    assert plover["per_type"]["COERCE"]["fp"] == 1 and plover["per_type"]["COERCE"]["support"] == 0
    assert plover["per_type"]["ASSAULT"]["recall"] == 0.0
    assert report.records == 3
    assert report.events_gold == 4
    assert report.events_predicted == 5


def test_score_confusion_matrix() -> None:
    records = [
        _record("a", [GoldEvent(plover="AGREE"), GoldEvent(plover="ASSAULT"), GoldEvent(plover="REJECT")]),
        _record("b", [GoldEvent(plover="PROTEST")]),
        _record("c", []),
    ]
    predictions = {
        "a": [_event(plover="COERCE"), _event(plover="AGREE"), _event(plover="THREATEN"), _event(plover="ACCUSE")],
        "c": [_event(plover="THREATEN")],
    }
    confusion = score(records, predictions).to_dict()["plover"]["confusion"]
    assert confusion == {
        "AGREE": {"AGREE": 1},
        # unmatched gold of a record paired in order with its unmatched predictions
        "ASSAULT": {"COERCE": 1},
        "REJECT": {"THREATEN": 1},
        # leftovers on either side pair with NONE
        "NONE": {"ACCUSE": 1, "THREATEN": 1},
        "PROTEST": {"NONE": 1},
    }


def test_score_only_annotated_levels() -> None:
    plover_only = _record("a", [GoldEvent(plover="ASSAULT", root="19", quad=4, penta=4)])
    root_only = _record("b", [GoldEvent(root="19", quad=4, penta=4)], annotated=("root",))
    predictions = {
        "a": [_event(plover="ASSAULT", root="18", quad=4, penta=4)],
        "b": [_event(plover="COERCE", root="19", quad=4, penta=4)],
    }
    data = score([plover_only, root_only], predictions).to_dict()
    assert "quad" not in data and "penta" not in data
    assert (data["plover"]["tp"], data["plover"]["fp"], data["plover"]["fn"]) == (1, 0, 0)
    # record "a" is not annotated for root, so its wrong root "18" is not a false positive
    assert (data["root"]["tp"], data["root"]["fp"], data["root"]["fn"], data["root"]["records"]) == (1, 0, 0, 1)
    # no actor codes annotated on "b", and no actors in "a"'s gold
    assert data["source_code_accuracy"] is None
    assert data["target_country_accuracy"] is None
    assert data["triple_accuracy"] is None


def test_score_penta_only_uses_most_confident_event() -> None:
    penta = ("penta",)
    records = [
        _record("wrong", [GoldEvent(penta=4)], penta),
        _record("tie", [GoldEvent(penta=1), GoldEvent(penta=1)], penta),
        _record("silent", [GoldEvent(penta=2)], penta),
        _record("untyped", [GoldEvent(penta=2)], penta),
    ]
    predictions = {
        "wrong": [_event(penta=4, confidence=0.5), _event(penta=3, confidence=0.9)],
        "tie": [_event(penta=1, confidence=0.7), _event(penta=2, confidence=0.7)],
        "silent": [],
        # an event without a penta class is not a penta prediction
        "untyped": [_event(penta=None, confidence=0.99), _event(penta=2, confidence=0.1)],
    }
    data = score(records, predictions).to_dict()["penta"]
    assert (data["tp"], data["fp"], data["fn"], data["support"]) == (2, 1, 2, 4)
    assert data["accuracy"] == pytest.approx(2 / 4)
    # classes: 1 (F1 1), 2 (tp 1, fn 1: F1 2/3), 3 (fp: 0), 4 (fn: 0)
    assert data["macro_f1"] == pytest.approx((1 + 2 / 3 + 0 + 0) / 4)
    assert data["single_label_records"] == 4
    assert data["confusion"] == {"4": {"3": 1}, "1": {"1": 1}, "2": {"NONE": 1, "2": 1}}


def test_score_penta_with_other_levels_is_not_single_label() -> None:
    record = _record("a", [GoldEvent(cameo="190", root="19", quad=4, penta=4)], ("cameo", "root", "quad", "penta"))
    predictions = {"a": [_event(penta=3, confidence=0.9), _event(penta=4, confidence=0.1)]}
    data = score([record], predictions).to_dict()["penta"]
    assert (data["tp"], data["fp"], data["fn"]) == (1, 1, 0)
    assert "accuracy" not in data and "macro_f1" not in data


def test_score_actor_exact_versus_country() -> None:
    records = [
        _record(
            "a",
            [
                GoldEvent(source_code="USAGOV", target_code="RUSGOV", plover="CONSULT"),
                GoldEvent(source_code="FRAGOV", target_code=None, plover="ACCUSE"),
                GoldEvent(source_code="CHN", target_code="TWN", plover="THREATEN"),  # no prediction of that type
            ],
        )
    ]
    predictions = {
        "a": [
            _event(plover="ASSAULT", source_code="USAGOV", target_code="RUSGOV"),  # other type: never a match
            _event(plover="CONSULT", source_code="USAMIL", target_code="UKR"),
            _event(plover="CONSULT", source_code="USAMIL", target_code="RUSGOV"),  # best match of the first gold
            _event(plover="ACCUSE", source_code="FRAGOV", target_code="DEU"),
        ]
    }
    data = score(records, predictions).to_dict()
    assert data["source_code_accuracy"] == pytest.approx(1 / 2)
    assert data["source_country_accuracy"] == pytest.approx(2 / 2)
    # the gold target of ACCUSE is null: skipped
    assert data["target_code_accuracy"] == pytest.approx(1 / 1)
    assert data["target_country_accuracy"] == pytest.approx(1 / 1)
    actors = data["actors"]
    assert actors["source_code"] == {"value": 0.5, "correct": 1.0, "n": 2}
    assert actors["target_code"]["n"] == 1
    assert (actors["events_matched"], actors["events_unmatched"]) == (2, 1)


def test_score_actor_text_only_gold() -> None:
    records = [
        _record(
            "a",
            [GoldEvent(source_code=None, source_text="the Ukrainian army", target_code="RUS", target_text="Russia", penta=4)],
            ("penta", "source", "target"),
        )
    ]
    predictions = {"a": [_event(penta=4, source_code="UKRMIL", source_text="Ukrainian army", target_code="RUSGOV")]}
    data = score(records, predictions).to_dict()
    assert data["source_code_accuracy"] is None
    assert data["source_text_overlap"] == pytest.approx(0.8)  # token F1: 2 * 2 / (3 + 2)
    assert data["target_code_accuracy"] == 0.0
    assert data["target_country_accuracy"] == 1.0


def test_score_triple_accuracy() -> None:
    records = [
        _record(
            "a",
            [
                GoldEvent(source_code="RUSMIL", target_code="UKR", cameo="190", root="19", plover="ASSAULT"),
                GoldEvent(source_code="IGOWSTNAT", target_code=None, cameo="012", root="01"),
            ],
            ALL_LEVELS,
        )
    ]
    predictions = {
        "a": [
            _event(source_code="RUSMIL", target_code="UKR", cameo="190", root="19", plover="ASSAULT"),
            _event(source_code="IGOWSTNAT", target_code="RUS", cameo="012", root="01"),
        ]
    }
    data = score(records, predictions).to_dict()
    assert data["triple_accuracy"] == pytest.approx(1 / 2)
    assert data["actors"]["triple"]["n"] == 2


def test_score_to_dict_contract() -> None:
    record = _record(
        "a", [GoldEvent(source_code="USA", target_code="RUS", cameo="190", root="19", quad=4, penta=4, plover="ASSAULT")], ALL_LEVELS
    )
    report = score([record], {"a": _gold_as_events(record)})
    assert isinstance(report, EvalReport)
    data = report.to_dict()
    for level in ("plover", "root", "quad", "penta"):
        assert {"precision", "recall", "f1", "support", "per_type", "confusion"} <= set(data[level])
        assert data[level]["f1"] == 1.0
    for name in ("source_country_accuracy", "target_country_accuracy", "source_code_accuracy", "target_code_accuracy"):
        assert data[name] == 1.0
    assert (data["records"], data["events_gold"], data["events_predicted"]) == (1, 1, 1)


def test_score_no_predictions() -> None:
    record = _record("a", [GoldEvent(plover="AGREE", source_code="USA", target_code="RUS")])
    data = score([record], {}).to_dict()
    assert (data["plover"]["precision"], data["plover"]["recall"], data["plover"]["f1"]) == (0.0, 0.0, 0.0)
    assert data["source_code_accuracy"] is None
    assert data["events_predicted"] == 0


def test_report_render_text() -> None:
    records = [
        _record("a", [GoldEvent(plover="AGREE", source_code="USAGOV", target_code="RUSGOV")]),
        _record("b", [GoldEvent(penta=3)], ("penta",)),
    ]
    predictions = {"a": [_event(plover="REJECT", source_code="USAGOV")], "b": [_event(penta=3)]}
    text = render_text(score(records, predictions))
    assert text.endswith("\n")
    assert "plover" in text and "penta" in text
    assert "accuracy 1.000" in text
    assert "NONE" in text and "AGREE" in text and "REJECT" in text
    assert "source code (exact)" in text and "target country" in text


def test_evaluate_runs_coder_on_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        '{"id": "x", "lang": "en", "text": "t", "date": null, "annotated": ["plover"], "events": [{"plover": "AID"}]}\n',
        encoding="utf-8",
    )
    seen: list[str] = []

    def code_texts(records: list[GoldRecord]) -> dict[str, list[Event]]:
        seen.extend(r.id for r in records)
        return {"x": [_event(plover="AID")]}

    report = evaluate(path, code_texts)
    assert seen == ["x"]
    assert report.to_dict()["plover"]["f1"] == 1.0


@pytest.mark.parametrize("name", GOLD_FILES)
def test_score_real_gold_against_itself(name: str) -> None:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared/gold not present")
    records = load_gold(SHARED / "gold" / name)
    report = score(records, {record.id: _gold_as_events(record) for record in records})
    data = report.to_dict()
    levels = [level for level in ("plover", "root", "quad", "penta") if level in data]
    assert levels
    for level in levels:
        assert data[level]["f1"] == 1.0, level
        if "accuracy" in data[level]:
            assert data[level]["accuracy"] == 1.0
            assert data[level]["macro_f1"] == 1.0
    for key in ("source_code_accuracy", "target_code_accuracy", "source_country_accuracy", "target_country_accuracy", "triple_accuracy"):
        assert data[key] in (None, 1.0), key
    assert data["events_gold"] == data["events_predicted"]
    assert render_text(report)


def test_score_triple_precision_place_and_reliability() -> None:
    """Issue 9: full-triple precision over predicted events, place accuracy on matched events, confidence bands."""
    annotated = ("cameo", "root", "source", "target", "place")
    gold = [
        GoldEvent(source_code="RUSMIL", target_code="UKR", cameo="190", root="19", place_text="Kharkiv", place_country="UKR"),
        GoldEvent(source_code="IGOWSTNAT", target_code=None, cameo="012", root="01"),
    ]
    record = _record("r1", gold, annotated)
    events = [
        _event(source_code="RUSMIL", target_code="UKRMIL", cameo="190", root="19", place="Kharkiv", country="UKR", confidence=0.95),
        _event(source_code="IGOWSTNAT", target_code="RUS", cameo="012", root="01", confidence=0.55),
        _event(source_code="UKR", target_code="RUS", cameo="111", root="11", confidence=0.65),
    ]
    report = score([record], {"r1": events})
    data = report.to_dict()
    assert data["triple_precision"] == pytest.approx(1 / 3)  # UKRMIL is UKR at country level; NATO's target is wrong
    assert data["triple_recall"] == pytest.approx(1 / 2)
    assert data["place_accuracy"] == 1.0
    bands = {row["low"]: row for row in data["reliability"]}
    assert bands[0.9]["events"] == 1 and bands[0.9]["precision"] == 1.0
    assert bands[0.6]["precision"] == 0.0 and bands[0.5]["precision"] == 1.0
    assert report.precision_at(0.6) == pytest.approx(1 / 2)


def test_score_place_in_another_city_is_wrong() -> None:
    gold = [GoldEvent(source_code="RUSMIL", target_code="UKR", cameo="190", root="19", place_text="Odesa", place_country="UKR")]
    events = [_event(source_code="RUSMIL", target_code="UKR", cameo="190", root="19", place="Kharkiv", country="UKR")]
    assert score([_record("r1", gold, ("root", "source", "target", "place"))], {"r1": events}).to_dict()["place_accuracy"] == 0.0


def test_whole_article_records_are_coded_together(tmp_path: Path) -> None:
    """Records with `doc` are one article; each event goes back to the record that holds its trigger."""
    import json

    from tocsin.cli.eval import code_gold, join_article

    rows = [
        {"id": "d-s0", "doc": "d", "paragraph": 0, "index": 0, "lang": "en", "date": "2024-05-07", "events": [], "annotated": ["root"],
         "text": "Russia massed troops near the border."},
        {"id": "d-s1", "doc": "d", "paragraph": 1, "index": 1, "lang": "en", "date": "2024-05-07", "events": [], "annotated": ["root"],
         "text": "On Tuesday it shelled Kharkiv."},
    ]  # fmt: skip
    path = tmp_path / "doc.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    records = load_gold(path)
    text, layout = join_article(records)
    assert text == "Russia massed troops near the border.\n\nOn Tuesday it shelled Kharkiv."
    assert layout == [(0, "d-s0"), (39, "d-s1")]
    predictions = code_gold(records)
    assert set(predictions) == {"d-s0", "d-s1"}
    assert any(e.root == "15" for e in predictions["d-s0"]) and not any(e.root == "19" for e in predictions["d-s0"])
    shelling = [e for e in predictions["d-s1"] if e.root == "19"]
    assert shelling and shelling[0].sentence_index == 1 and shelling[0].trigger in rows[1]["text"]


def test_score_place_names_in_another_language_resolve_through_the_gazetteer() -> None:
    """A French gold place ("Tbilissi") is the coder's Tbilisi; another Georgian city is not."""
    gold = [GoldEvent(source_code="GEOCOP", target_code="GEOCVL", cameo="173", root="17", place_text="Tbilissi", place_country="GEO")]
    right = _event(source_code="GEOCOP", target_code="GEOCVL", cameo="173", root="17", place="Tbilisi", country="GEO", geonames_id=611717)
    wrong = _event(source_code="GEOCOP", target_code="GEOCVL", cameo="173", root="17", place="Batumi", country="GEO", geonames_id=615532)
    annotated = ("root", "source", "target", "place")
    assert score([_record("r1", gold, annotated)], {"r1": [right]}).to_dict()["place_accuracy"] == 1.0
    assert score([_record("r1", gold, annotated)], {"r1": [wrong]}).to_dict()["place_accuracy"] == 0.0
