"""The French event pattern dictionary ``tocsin/languages/fr/events.tsv``.

Fast checks read the file with :mod:`csv` only; the ``slow`` check loads
spaCy's ``fr_core_news_md`` to make sure the verb lemmas are lemmas the model
actually produces (a misspelt lemma silently never fires).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "tocsin" / "languages" / "fr" / "events.tsv"
REFERENCE = ROOT / "tocsin" / "data" / "reference"
HEADER = ["id", "kind", "lemma", "object", "cameo", "roles", "note"]


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def table() -> list[list[str]]:
    return _read_tsv(EVENTS)


@pytest.fixture(scope="module")
def rows(table: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(HEADER, r)) for r in table[1:]]


def _column(path: Path, name: str) -> set[str]:
    table = _read_tsv(path)
    i = table[0].index(name)
    return {r[i] for r in table[1:] if len(r) > i}


def test_header_is_first_line() -> None:
    first = EVENTS.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.split("\t") == HEADER


def test_every_row_has_seven_fields(table: list[list[str]]) -> None:
    bad = [r[0] if r else "<empty>" for r in table if len(r) != 7]
    assert not bad, f"rows without 7 fields: {bad[:10]}"


def test_ids_are_unique(rows: list[dict[str, str]]) -> None:
    dup = [i for i, n in Counter(r["id"] for r in rows).items() if n > 1]
    assert not dup, f"duplicate ids: {dup}"


def test_ids_are_namespaced(rows: list[dict[str, str]]) -> None:
    bad = [r["id"] for r in rows if not r["id"].startswith("fr.") or " " in r["id"]]
    assert not bad, bad[:10]


def test_kinds(rows: list[dict[str, str]]) -> None:
    bad = [r["id"] for r in rows if r["kind"] not in ("verb", "noun")]
    assert not bad, bad[:10]


def test_cameo_codes_exist(rows: list[dict[str, str]]) -> None:
    codes = _column(REFERENCE / "cameo_event_codes.tsv", "cameo_code")
    bad = [(r["id"], r["cameo"]) for r in rows if r["cameo"] not in codes]
    assert not bad, bad[:10]


def test_roles_are_actor_type_codes(rows: list[dict[str, str]]) -> None:
    types = _column(REFERENCE / "cameo_actor_types.tsv", "code")
    bad = [(r["id"], role) for r in rows for role in r["roles"].split("|") if role and role not in types]
    assert not bad, bad[:10]


def test_objects_only_on_verbs(rows: list[dict[str, str]]) -> None:
    bad = [r["id"] for r in rows if r["kind"] == "noun" and r["object"]]
    assert not bad, bad[:10]


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


def test_no_exact_duplicate_patterns(rows: list[dict[str, str]]) -> None:
    key = Counter((r["kind"], r["lemma"], r["object"], r["roles"], r["note"].lower().startswith("se ")) for r in rows)
    dup = [k for k, n in key.items() if n > 1]
    assert not dup, dup[:10]


def test_every_cameo_root_is_covered(rows: list[dict[str, str]]) -> None:
    roots = {r["cameo"][:2] for r in rows}
    missing = [f"{i:02d}" for i in range(1, 21) if f"{i:02d}" not in roots]
    assert not missing, f"CAMEO roots without any pattern: {missing}"


def test_reader_accepts_the_file() -> None:
    from tocsin.languages import read_patterns

    patterns = read_patterns(EVENTS)
    assert len(patterns) > 400


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


def _lemma_of(nlp, sentence: str, form: str) -> str:
    last = form.split()[-1]
    doc = nlp(sentence)
    for tok in doc:
        if tok.text == last:
            return tok.lemma_
    return ""


@pytest.mark.slow
def test_common_verb_lemmas_match_the_model(nlp, rows: list[dict[str, str]]) -> None:
    verb_lemmas = {r["lemma"] for r in rows if r["kind"] == "verb"}
    missing = sorted(set(COMMON_VERBS) - verb_lemmas)
    assert not missing, f"common verbs absent from the dictionary: {missing}"
    bad = {}
    for lemma, forms in COMMON_VERBS.items():
        got = [_lemma_of(nlp, f"Le gouvernement {form} la proposition hier.", form) for form in forms]
        if lemma not in got:
            bad[lemma] = got
    assert not bad, f"model lemmas differ from the dictionary: {bad}"


@pytest.mark.slow
def test_every_verb_lemma_round_trips_as_infinitive(nlp, rows: list[dict[str, str]]) -> None:
    """A misspelt lemma ("bombardé", "pilloner") is not reproduced for the infinitive."""
    lemmas = sorted({r["lemma"] for r in rows if r["kind"] == "verb"})
    docs = nlp.pipe(f"Le gouvernement va {lemma} la proposition." for lemma in lemmas)
    bad = [(lemma, doc[3].lemma_) for lemma, doc in zip(lemmas, docs) if doc[3].lemma_ != lemma]
    assert not bad, bad[:20]


@pytest.mark.slow
def test_noun_lemma_sequences_tokenise_as_written(nlp, rows: list[dict[str, str]]) -> None:
    """Each noun pattern, written out, splits into as many tokens as it has lemmas, and each
    lemma is the model's lemma for its token or the token itself (tagging of participles such
    as "piégé" varies with context, so both variants are listed in the dictionary)."""
    nouns = [r for r in rows if r["kind"] == "noun"]
    texts = [f"Ils ont évoqué les {r['lemma'].replace(' - ', '-')} hier." for r in nouns]
    bad = []
    for r, doc in zip(nouns, nlp.pipe(texts)):
        toks = doc[4:-2]
        want = r["lemma"].split(" ")
        if len(toks) != len(want) or any(w not in (t.lemma_, t.lower_) for w, t in zip(want, toks)):
            bad.append((r["id"], [t.lemma_ for t in toks]))
    assert not bad, bad[:20]
