"""Issue 9: confidence is a calibrated probability (tocsin/stages/events/confidence.py, bench/calibrate.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tocsin.stages.events.confidence import FEATURES, MODEL, calibrated


def test_the_shipped_model_weighs_every_feature_and_says_what_it_was_fitted_on() -> None:
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    assert set(model["weights"]) == set(FEATURES)
    assert {"realnews/en_wikinews.jsonl", "realnews/fr_news.jsonl"} <= set(model["held_out"])
    assert all(entry["events"] > 0 for entry in model["fitted_on"].values())


def test_without_a_model_the_rules_prior_is_the_confidence(tmp_path: Path) -> None:
    values = dict.fromkeys(FEATURES, 0.0) | {"prior": 0.65}
    assert calibrated(values, tmp_path / "none.json") == 0.65
    assert 0.0 < calibrated(values) < 1.0


def test_a_model_is_a_logistic_over_the_features(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"intercept": 0.0, "weights": {"statement": -2.0}}), encoding="utf-8")
    neutral = dict.fromkeys(FEATURES, 0.0)
    assert calibrated(neutral, path) == 0.5
    assert calibrated(neutral | {"statement": 1.0}, path) == pytest.approx(0.119, abs=0.001)


@pytest.mark.slow
def test_an_act_with_both_actors_is_more_probable_than_a_bare_statement() -> None:
    from tocsin import code_text

    (strike,) = [
        e for e in code_text("Russian troops shelled Ukrainian positions near Kharkiv on Monday.", lang="en").events if e.root == "19"
    ]
    statement = [
        e for e in code_text("The Russian foreign minister said on Monday that the weather was fine.", lang="en").events if e.root == "01"
    ]
    assert statement and strike.confidence > max(e.confidence for e in statement)
