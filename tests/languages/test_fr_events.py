"""The French event pattern dictionary ``tocsin/languages/fr/events.tsv``.

Fast checks read the file with :mod:`csv` only; the ``slow`` check loads
spaCy's ``fr_core_news_md`` to make sure the verb lemmas are lemmas the model
actually produces (a misspelt lemma silently never fires).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rows(event_rows) -> list[dict[str, str]]:
    return event_rows("fr")


def test_fields_are_clean(rows: list[dict[str, str]]) -> None:
    bad = []
    for r in rows:
        if not r["lemma"] or r["lemma"] != r["lemma"].strip() or "  " in r["lemma"]:
            bad.append(r["id"])
        if r["kind"] == "verb" and " " in r["lemma"]:
            bad.append(r["id"])
        if any(not o or o != o.strip() or " " in o for o in r["object"].split("|")) and r["object"]:
            bad.append(r["id"])
        if not r["note"]:
            bad.append(r["id"])
    assert not bad, bad[:10]


# ---------------------------------------------------------------------------
# spaCy round trip

# ~40 common verbs of the dictionary with inflected forms met in news; the
# model must lemmatise at least one of them to the dictionary's lemma.
COMMON_VERBS: dict[str, list[str]] = {
    "déclarer": ["a déclaré", "ont déclaré", "déclarait"],
    "affirmer": ["a affirmé", "affirmait"],
    "annoncer": ["a annoncé", "annonçait"],
    "appeler": ["a appelé", "ont appelé", "appelait"],
    "exhorter": ["a exhorté", "exhortait"],
    "demander": ["a demandé", "demandait"],
    "promettre": ["a promis", "promet"],
    "proposer": ["a proposé", "proposait"],
    "rencontrer": ["a rencontré", "rencontrait"],
    "négocier": ["ont négocié", "négociait"],
    "accueillir": ["a accueilli", "accueille"],
    "visiter": ["a visité", "visitait"],
    "saluer": ["a salué", "saluait"],
    "soutenir": ["a soutenu", "soutient"],
    "signer": ["ont signé", "signait"],
    "coopérer": ["ont coopéré", "coopérait"],
    "fournir": ["a fourni", "fournit"],
    "livrer": ["a livré", "livrait"],
    "libérer": ["a libéré", "libérait"],
    "lever": ["a levé", "levait"],
    "retirer": ["a retiré", "retirait"],
    "enquêter": ["a enquêté", "enquêtait"],
    "exiger": ["a exigé", "exigeait"],
    "réclamer": ["a réclamé", "réclamait"],
    "critiquer": ["a critiqué", "critiquait"],
    "condamner": ["a condamné", "condamne"],
    "dénoncer": ["a dénoncé", "dénonce"],
    "accuser": ["a accusé", "accuse"],
    "rejeter": ["a rejeté", "rejetait"],
    "refuser": ["a refusé", "refusait"],
    "menacer": ["a menacé", "menaçait"],
    "avertir": ["a averti", "avertit"],
    "manifester": ["ont manifesté", "manifestaient"],
    "mobiliser": ["a mobilisé", "mobilisait"],
    "déployer": ["a déployé", "déployait"],
    "expulser": ["a expulsé", "expulsait"],
    "arrêter": ["a arrêté", "arrêtait"],
    "enlever": ["ont enlevé", "enlevaient"],
    "assassiner": ["a assassiné", "assassinait"],
    "attaquer": ["a attaqué", "attaquait"],
    "bombarder": ["a bombardé", "bombardaient"],
    "tuer": ["a tué", "tuaient"],
    "envahir": ["a envahi", "envahissait"],
    "occuper": ["a occupé", "occupait"],
}


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("fr_core_news_md", disable=["ner"])
    except OSError:
        pytest.skip("fr_core_news_md is not installed")


@pytest.fixture(scope="module")
def checks(nlp, rows: list[dict[str, str]], lemma_checks):
    return lemma_checks(nlp, rows)


@pytest.mark.slow
def test_common_verb_lemmas_match_the_model(checks) -> None:
    checks.assert_common_verbs(COMMON_VERBS, "Le gouvernement {form} la proposition hier.")


@pytest.mark.slow
def test_every_verb_lemma_round_trips_as_infinitive(checks) -> None:
    """A misspelt lemma ("bombardé", "pilloner") is not reproduced for the infinitive."""
    checks.assert_infinitives_round_trip("Le gouvernement va {lemma} la proposition.", 3)


@pytest.mark.slow
def test_noun_lemma_sequences_tokenise_as_written(checks) -> None:
    """Each noun pattern, written out, splits into as many tokens as it has lemmas, and each
    lemma is the model's lemma for its token or the token itself (tagging of participles such
    as "piégé" varies with context, so both variants are listed in the dictionary)."""
    checks.assert_nouns_tokenise("Ils ont évoqué les {noun} hier.", 4)


@pytest.mark.slow
def test_morphology_repairs_come_from_the_language_resources(nlp) -> None:
    """The gerund and present-tense repairs are French data ([morphology] in language.toml), not shared code."""
    from tocsin.languages import load_language
    from tocsin.stages.events.triggers import verb_lemma

    fr, en = load_language("fr"), load_language("en")
    assert fr.cues.gerund_endings == ("ant",) and ("issant", "ir") in fr.cues.gerund_infinitives
    assert en.cues.gerund_endings == () and en.cues.present_infinitives == ()
    doc = nlp("Moscou a répondu en avertissant les Occidentaux.")
    token = next(t for t in doc if t.lower_ == "avertissant")
    verbs = fr.verb_patterns()
    assert verb_lemma(token, verbs, fr.fixes, fr.cues) == "avertir"
    if token.lemma_.lower() != "avertir":  # the repair, not the model, found it: without French morphology, nothing
        assert verb_lemma(token, verbs, fr.fixes, en.cues) is None
