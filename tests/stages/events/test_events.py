"""Behaviour of the events stage on French sentences written for these tests (real spaCy model)."""

from __future__ import annotations

import pytest

from tocsin import code_text
from tocsin.models import Event

pytestmark = pytest.mark.slow


def _events(text: str) -> list[Event]:
    return code_text(text, lang="fr", published="2024-05-07").events


def _triples(text: str) -> set[tuple[str | None, str, str | None]]:
    return {(e.source_code, e.cameo, e.target_code) for e in _events(text)}


def test_events_subject_object_and_provenance() -> None:
    text = "L'armée russe a bombardé la ville ukrainienne de Kharkiv mardi."
    events = _events(text)
    assert events, "a bombing is an event"
    event = events[0]
    assert event.source_code == "RUSMIL" and event.root == "19" and event.target_code == "UKR"
    assert text[event.trigger_start : event.trigger_end] == event.trigger and "bombardé" in event.trigger
    assert text[event.source_start : event.source_end] == event.source_text
    assert event.rule.startswith("fr.verb.") and event.coder == "tocsin.coder.v1"
    assert 0.0 < event.confidence <= 1.0 and event.sentence_index == 0


def test_events_passive_with_agent() -> None:
    triples = _triples("Kiev a été bombardée par l'armée russe.")
    assert any(s == "RUSMIL" and c.startswith("19") and t == "UKRGOV" or t == "UKR" for s, c, t in triples)


def test_events_coordinated_targets_each_get_an_event() -> None:
    events = _events("Le gouvernement russe a menacé la Pologne et la Lituanie.")
    targets = {e.target_code for e in events if e.root == "13"}
    assert {"POL", "LTU"} <= targets


def test_events_negation_drops_the_act() -> None:
    assert not [e for e in _events("L'armée russe n'a pas attaqué la ville de Kharkiv.") if e.root == "19"]


def test_events_refused_cooperation_is_rejection() -> None:
    events = _events("Les Serbes et les Croates ne sont pas parvenus à un accord.")
    assert events and all(e.root == "12" for e in events)


def test_events_intent_codes_03_not_the_act() -> None:
    events = _events("La France envisage d'envoyer des armes à l'Ukraine.")
    assert any(e.cameo.startswith("033") and e.source_code == "FRA" and e.target_code == "UKR" for e in events)
    assert not any(e.root == "07" for e in events)
    assert all(e.plover == "AGREE" for e in events if e.cameo.startswith("03"))


def test_events_threat_absorbs_threatened_act() -> None:
    events = _events("Le Kremlin a menacé de frapper les capitales européennes.")
    assert any(e.root == "13" and e.source_code == "RUSGOV" for e in events)
    assert not any(e.root == "19" for e in events)


def test_events_speech_verb_reports_inner_event() -> None:
    events = _events("Le ministère ukrainien de la Défense a déclaré que les forces russes avaient bombardé Odessa.")
    assert any(e.root == "19" and e.source_code == "RUSMIL" and e.reported for e in events)
    assert not any(e.cameo == "010" for e in events)


def test_events_speech_verb_alone_is_a_statement() -> None:
    events = _events("Le président ukrainien a déclaré que la situation restait difficile.")
    assert [e.cameo for e in events] == ["010"]


def test_events_conditional_is_hypothetical() -> None:
    events = _events("L'Iran a averti qu'il attaquerait Israël.")
    assert any(e.root == "13" for e in events)


def test_events_event_noun_with_light_verb() -> None:
    events = _events("Les États-Unis ont imposé de nouvelles sanctions à la Russie.")
    assert any(e.source_code == "USA" and e.root == "16" and e.target_code == "RUS" for e in events)


def test_events_reciprocal_actors() -> None:
    triples = _triples("La Jordanie et l'Égypte ont signé un accord de coopération.")
    assert ("JOR", "057", "EGY") in triples and ("EGY", "057", "JOR") in triples


def test_events_role_without_country_takes_context() -> None:
    text = "Le ministère russe de la Défense a annoncé des exercices.\n\nLe ministère de la Défense a ensuite menacé l'Ukraine."
    events = _events(text)
    threat = [e for e in events if e.root == "13"]
    assert threat and threat[0].source_code == "RUSMIL" and threat[0].sentence_index == 1


def test_events_unknown_named_actor_keeps_words() -> None:
    events = _events("Le Bureau international du travail a condamné l'Iran.")
    assert any(e.root == "11" and e.source_code is None and "Bureau international du travail" in (e.source_text or "") for e in events)


def test_events_demonstrative_event_noun_is_not_a_new_event() -> None:
    assert not _events("Ces frappes visent à affaiblir la défense aérienne.")


def test_events_sides_named_by_between_act_toward_each_other() -> None:
    # « entre X et Y » names both sides, not whoever the sentence says the fighting cost
    triples = _triples("Les combats entre l'armée soudanaise et les Forces de soutien rapide ont fait fuir des milliers d'habitants.")
    fights = {(s, t) for s, c, t in triples if c.startswith("19")}
    assert fights and all(s is not None and s[:3] == "SDN" and t is not None for s, t in fights), triples
    assert not any(s and s.endswith("CVL") for s, t in fights), triples
    assert {s for s, t in fights} == {t for s, t in fights}, "each side toward the other"


def test_events_mediation_between_sides_is_the_mediators_act() -> None:
    triples = _triples("Le Qatar a proposé une médiation entre le Soudan et le Tchad.")
    assert not any(s in ("SDN", "TCD") and t in ("SDN", "TCD") for s, c, t in triples), triples


def test_events_ending_cooperation_reduces_relations_whatever_the_determiner() -> None:
    # the example: a statement that reports an act is that act, and ending cooperation is CAMEO 16, not 06
    events = _events("« Nous mettons fin à notre coopération militaire avec le Tchad », a déclaré le président français.")
    assert any(e.root == "16" and e.source_code and e.source_code[:3] == "FRA" and e.target_code == "TCD" for e in events), events
    assert not any(e.root in ("01", "06") for e in events)
    assert any(e.root == "16" for e in _events("Le Burkina Faso a mis fin aux accords de défense avec la France."))


def test_events_copular_noun_is_not_a_verb_the_tagger_missed() -> None:
    # « c'est la troisième attaque » names an attack told before; a root noun with a subject but no determiner
    # ("la Russie attaque") is still read as the verb
    assert not _events("C'est la troisième attaque en une semaine contre les soldats français déployés au Tchad.")
    assert ("RUS", "190", "UKR") in _triples("La Russie attaque l'Ukraine.")


def test_events_reciprocal_words_make_an_accusation_go_both_ways() -> None:
    triples = _triples("L'Arménie et l'Azerbaïdjan s'accusent mutuellement d'avoir violé la trêve.")
    assert ("ARM", "112", "AZE") in triples and ("AZE", "112", "ARM") in triples, triples


def test_events_event_noun_only_mentioned_by_another_verb_is_no_new_event() -> None:
    assert not _events("Les observateurs de l'ONU surveillent le déploiement des soldats tchadiens au Soudan.")
    assert any(e.root == "14" for e in _events("Les manifestants serbes ont dressé des barricades devant le parlement."))


def test_events_event_noun_in_the_complement_of_a_mentioned_noun_is_no_new_event() -> None:
    # the fighting is what the flight or the victims are about: a description of an act told elsewhere
    assert not _events("Les habitants de Kidal fuyaient la reprise des combats entre l'armée malienne et les rebelles.")
    assert not _events("Ces exodes de villageois tchadiens sont la conséquence des affrontements entre les deux milices.")
    # being the target of an act reports it
    assert any(e.root == "19" for e in _events("Abéché est la cible de frappes soudanaises depuis lundi."))
    # a count of the acts is no mention, and an act's object still reports
    assert any(e.root == "19" for e in _events("L'armée malienne a mené deux séries de frappes contre les rebelles touareg."))


def test_events_rare_habit_hung_on_the_complement_is_still_a_habit() -> None:
    # the parser hangs « que rarement » on the noun that follows it: the clause still tells a habit, no act
    assert not _events("L'armée tchadienne ne s'exprime que rarement sur ses opérations.")


def test_events_future_act_of_no_coded_actor_is_a_forecast() -> None:
    # a future passive that names no one who will act forecasts; « X a annoncé qu'il boycotterait » stays X's
    assert not _events("Le 3 mars, les nouvelles sanctions contre la Biélorussie seront adoptées officiellement.")
    assert _events("Le gouvernement malien a annoncé qu'il boycotterait le sommet de la Cédéao.")


def test_events_event_noun_as_the_topic_of_a_question_is_no_new_event() -> None:
    text = "Interrogé sur les accusations de pertes civiles, le porte-parole de la junte tchadienne a répondu : « Certains civils ont sans doute été tués. »"
    events = _events(text)
    assert not any(e.root == "11" for e in events), events
