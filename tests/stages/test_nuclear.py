"""The nuclear stage: nuclear weapons and nuclear-capable systems, in French and English; civil nuclear is not."""

from __future__ import annotations

import pytest

from tocsin.stages.nuclear import FlagNuclear, is_nuclear


@pytest.mark.parametrize(
    "text",
    ["des exercices militaires centrés sur l'utilisation d'armes nucléaires tactiques",
     "tester la préparation à l'emploi de l'arsenal nucléaire non stratégique",
     "le chargement de « munitions spéciales » sur les systèmes de missiles Iskander",
     "Moscou a brandi la menace nucléaire contre l'Occident",
     "des bombardiers à capacité nucléaire ont survolé la Baltique",
     "la Russie a déployé des ogives au Bélarus",
     "Pyongyang a tiré un missile Hwasong"],
)  # fmt: skip
def test_french_signals(text: str) -> None:
    assert is_nuclear(text, "fr")


@pytest.mark.parametrize(
    "text",
    ["Russia began drills with tactical nuclear weapons near the Ukrainian border",
     "Moscow deployed nuclear-capable Iskander missiles to Belarus",
     "The Kremlin warned of a nuclear war if NATO sent troops",
     "Russia moved non-strategic nuclear warheads closer to the front",
     "North Korea tested a nuclear-armed cruise missile"],
)  # fmt: skip
def test_english_signals(text: str) -> None:
    assert is_nuclear(text, "en")


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Des obus sont tombés près de la centrale nucléaire de Zaporijia", "fr"),
     ("L'Iran a repris les négociations sur son programme nucléaire civil", "fr"),
     ("Shells landed near the Zaporizhzhia nuclear power plant", "en"),
     ("The agency inspected the nuclear reactor", "en"),
     ("Les ogivales voûtes de la cathédrale", "fr"),
     ("Russian forces shelled Kharkiv", "en")],
)  # fmt: skip
def test_not_signalling(text: str, lang: str) -> None:
    assert not is_nuclear(text, lang)


def test_unknown_language_is_never_nuclear() -> None:
    assert not is_nuclear("nuclear weapons", "xx")


@pytest.mark.slow
def test_seed_drills_are_flagged_and_the_rest_is_not() -> None:
    from pathlib import Path

    from tocsin.coder import code_text

    text = (Path(__file__).resolve().parents[2] / "samples" / "seed_fr_kharkiv.txt").read_text(encoding="utf-8")
    events = code_text(text, lang="fr").events
    flagged = {e.sentence_index for e in events if e.nuclear}
    drills = {e.sentence_index for e in events if e.cameo.startswith("15")}
    assert drills and flagged == drills  # the three sentences on the nuclear drills, nothing else
    assert FlagNuclear.name == "nuclear" and "event.nuclear" in FlagNuclear.assigns


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [("trois jours après qu'une bombe a dévasté un quartier", "fr", False),  # "bombe a", not "bombe A"
     ("la Corée du Nord a testé une bombe H", "fr", True),
     ("Hwasong is located less than 200 kilometers north of Seoul", "en", False),  # the town, not the missile
     ("Pyongyang launched a Hwasong-18 missile", "en", True)],
)  # fmt: skip
def test_cues_that_are_also_ordinary_words(text: str, lang: str, expected: bool) -> None:
    assert is_nuclear(text, lang) is expected
