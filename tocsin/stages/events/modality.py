"""Negation, hypothetical mood, intent and threat: how an act is framed.

"n'a pas attaqué" is negated; "attaquerait" is hypothetical; "envisage
d'envoyer des armes" is an intent (CAMEO 03x, not the act); "menace de
frapper" is a threat (13x) refined by what is threatened.
"""

from __future__ import annotations

from typing import Any

from ... import codebook
from ...languages import Cues

# Act -> "express intent to" (CAMEO 03x). Keys are matched longest first.
_INTENT = {
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "06": "031",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "07": "033",
    "081": "0351",
    "082": "0352",
    "083": "034",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
    "08": "035",
    "045": "039",
    "04": "036",
    "05": "032",
}
# Conflict act -> threat of it (CAMEO 13x).
_THREAT = {
    "14": "133",
    "15": "138",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "16": "131",
    "17": "137",
    "18": "1383",
    "191": "1381",
    "192": "1382",
    "19": "1384",
    "20": "1385",
}


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    for size in (4, 3, 2):
        hit = table.get(code[:size])
        if hit and codebook.is_code(hit):
            return hit
    return None


def intent_code(code: str) -> str:
    """The code of intending ``code``: 03x for cooperation, 13x (threat) for force, else ``code`` itself."""
    root = code[:2]
    if root in ("04", "05", "06", "07", "08"):
        return _by_prefix(_INTENT, code) or "030"
    if root in ("14", "15", "16", "17", "18", "19", "20"):
        return _by_prefix(_THREAT, code) or "130"
    return code


# Cooperation refused -> reject (CAMEO 12x): "ne sont pas parvenus à un accord", "n'accueillera plus de réfugiés".
_REFUSAL = {
    "03": "120",
    "036": "125",
    "04": "125",
    "046": "125",
    "045": "126",
    "05": "120",
    "057": "127",
    "06": "121",
    "07": "122",
    "073": "1223",
    "071": "1221",
    "072": "1222",
    "08": "124",
    "081": "1241",
    "082": "1242",
    "084": "1244",
    "085": "1245",
    "086": "1246",
    "087": "1246",
}
# Act demanded of someone -> demand (CAMEO 10x): "X a déclaré que Y devait coopérer".
_DEMAND = {"03": "100", "04": "106", "05": "102", "06": "100", "07": "103", "08": "105", "084": "1053", "085": "1054", "087": "1056"}


def refusal_code(code: str) -> str | None:
    """The code of refusing a cooperative act; None for acts whose negation is simply no event."""
    return _by_prefix(_REFUSAL, code) if code[:2] in ("03", "04", "05", "06", "07", "08") else None


def demand_code(code: str) -> str:
    """The code of demanding an act of someone."""
    return _by_prefix(_DEMAND, code) or "100"


def threat_code(code: str) -> str:
    """The code of threatening ``code`` (13x); cooperative or verbal acts give plain 130."""
    return _by_prefix(_THREAT, code) or "130"


def _clause_tokens(verb: Any) -> list[Any]:
    """The verb and its auxiliaries / copula."""
    return [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")]


def is_negated(token: Any, cues: Cues, *, predicate: bool = False) -> bool:
    """True when the verb (or event noun) is negated: "n'a pas attaqué", "aucune frappe", "sans attaquer". With
    ``predicate``, a noun or adjective is the predicate of a copula and is negated as a verb is: « n'était pas
    responsable »."""
    children = list(token.children)
    # "n'avaient pas encore revendiqué": the parser may hang "pas" on the adverb after it
    adverbs = [g for c in children if c.dep_ == "advmod" for g in c.children if g.dep_ == "advmod"]
    lemmas = {c.lemma_.lower() for c in children + adverbs}
    lowers = {c.lower_ for c in children + adverbs}
    if token.pos_ in ("NOUN", "PROPN") and not predicate:
        return bool(lemmas & cues.noun_negators)
    if any(c.dep_ == "mark" and c.lower_ in cues.without for c in children):
        return True
    if cues.negation_particle:  # French: "ne ... pas"
        return bool(lowers & cues.negation_particle and ((lemmas | lowers) & cues.negation or not children))
    if any(c.dep_ == "neg" or c.lower_ in cues.negation for c in children):
        return True
    # "had not, as of yesterday, announced": an aside between the auxiliary and its verb, the negation on the auxiliary
    if any(g.dep_ == "neg" for c in children if c.dep_.startswith("aux") and c.i < token.i for g in c.children):
        return True
    # "no civilians were killed", "neither US nor British authorities delivered": the subject's determiner negates
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")]
    return any(g.dep_ in ("det", "preconj") and g.lower_ in cues.negation for c in subjects for g in c.children)


def is_hypothetical(token: Any, cues: Cues) -> bool:
    """True for conditional or future mood, a modal governor ("pourrait attaquer"), or a hedged noun."""
    if is_irrealis(token, cues):
        return True
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in cues.modal:
        return True
    if any(c.dep_.startswith("aux") and c.lemma_.lower() in cues.modal for c in token.children):
        return True  # English modal auxiliaries: "could attack"
    if token.pos_ in ("NOUN", "PROPN"):
        return any(c.lemma_.lower() in cues.hedge for c in token.children if c.dep_ == "amod")
    return False


def is_condition(token: Any, cues: Cues) -> bool:
    """The condition of a conditional: "si le Hezbollah rompt l'accord, nous frapperons", "if Iran attacks"."""
    clause = token if token.pos_ in ("VERB", "AUX") else token.head
    return any(c.dep_ == "mark" and c.lower_ in cues.condition for c in clause.children)


def is_hearsay(token: Any, cues: Cues) -> bool:
    """A past act told in the conditional of hearsay, as French news reports what it does not vouch for (« l'armée
    aurait bombardé le village », « deux navires auraient été atteints »): it happened as far as the source says, so it
    is neither future nor hypothetical. Not where the sentence states a condition (« si ..., l'armée aurait riposté »)."""
    if not cues.hearsay_aux or "Part" not in token.morph.get("VerbForm"):
        return False
    if not any(c.dep_.startswith("aux") and c.lower_ in cues.hearsay_aux for c in token.children):
        return False
    return not any(is_condition(t, cues) for t in token.sent if t.pos_ in ("VERB", "AUX"))


def is_irrealis(token: Any, cues: Cues | None = None) -> bool:
    """Future or conditional: "fournira", "soutiendrait" (PLOVER codes such cooperation as AGREE).

    The morphologizer often tags these as present or imperfect, so the
    language's future/conditional endings are checked too, with its stem rules
    (French: for -er verbs the ending must follow the infinitive's "e":
    "libérera", not "déclara").
    """
    if cues is not None and is_hearsay(token, cues):
        return False
    for tok in _clause_tokens(token):
        if "Fut" in tok.morph.get("Tense") or "Cnd" in tok.morph.get("Mood"):
            return True
        if (
            cues is not None
            and tok is not token
            and tok.lemma_.lower() in cues.irrealis_aux | {tok.lower_ for _ in [0] if tok.lower_ in cues.irrealis_aux}
        ):
            return True  # English "will send", "would attack"
        if cues is None or tok.pos_ not in ("VERB", "AUX") or "Inf" in tok.morph.get("VerbForm") or "Part" in tok.morph.get("VerbForm"):
            continue
        form, lemma = tok.lower_, tok.lemma_.lower()
        for ending in cues.irrealis_endings:
            if form.endswith(ending) and len(form) > len(ending) + 1:
                stem = form[: -len(ending)]
                if lemma not in cues.irrealis_exceptions and any(
                    lemma.endswith(lemma_end) and not stem.endswith(stem_end) for lemma_end, stem_end in cues.irrealis_stems
                ):
                    break
                return True
    return False


__all__ = ["demand_code", "intent_code", "is_hearsay", "is_hypothetical", "is_irrealis", "is_negated", "refusal_code", "threat_code"]
