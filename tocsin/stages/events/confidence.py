"""How likely a coded event is right: a logistic model over what the coder knew when it coded it.

The coder's rules give each event a prior (:func:`prior`: how its source and target were found, negation,
framing). That prior alone is not a probability: on real news nearly every band from 0.5 to 0.8 was right less
than half the time. :func:`features` adds what else tells a right event from a wrong one (no target, the CAMEO
quad class, a coercion, a role without a country, a target taken from nearby words, how deep the trigger sits in
the parse, an infinitive, an event noun that is another word's object, several sides named together, a source
named after the trigger, a sentence that quotes someone, French event nouns and statements, a copular sentence,
a definite event noun; :data:`DROPPED` names those left out because what they told on PLOVER GSR did not hold on
news) and :func:`calibrated` weighs them with the coefficients in
``tocsin/data/events/confidence.json``, fitted by ``bench/calibrate.py`` on PLOVER GSR (French and English) and
the real-news sets; each real-news set is judged by a model fitted without it (docs/accuracy.md shows confidence
band against precision there).
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

MODEL = Path(__file__).resolve().parents[2] / "data" / "events" / "confidence.json"

#: The features, in the order of the model's weights.
FEATURES = (
    "prior", "no_target", "source_role_only", "target_nearby", "target_reciprocal", "hypothetical", "reported",
    "quad1", "quad2", "quad3", "quad4", "fr", "depth", "infinitive", "noun_object", "coerce", "pairs", "source_after",
    "quote_in_sentence", "fr_noun", "fr_statement", "copular", "definite",
)  # fmt: skip
#: Features a model once weighed and left out since: each told right from wrong on PLOVER GSR but not on the
#: real-news sets, where a model fitted without them is better on both, held out (log loss 0.56 -> 0.52 English,
#: 0.58 -> 0.56 French) and as good on each GSR set held out. An event noun, no source, a framing verb, a bare
#: statement, a crowded or long sentence and a quoted trigger: right or wrong as often as the rest in news.
DROPPED = ("noun", "no_source", "framed", "statement", "crowded", "long", "quoted")

#: Any quotation mark: a sentence that quotes someone reports speech, whose acts are less often events.
_QUOTES = frozenset('“«”»"')
#: The dependency labels of a noun that is the object of another word ("launched an attack", « a lancé un appel »).
_OBJECT_DEPS = frozenset({"obj", "dobj", "pobj", "obl:arg"})


def prior(draft: Any, target_how: str) -> float:
    """The rules' own score of an event, from how its actors were found and how it is framed."""
    score = 0.8
    score += {
        "subject": 0.0,
        "agent": 0.0,
        "antecedent": -0.05,
        "inherited": -0.05,
        "modifier": -0.05,
        "governor": -0.1,
        "pronoun": -0.1,
        "speaker": -0.1,
        "unknown": -0.2,
        "none": -0.45,
    }.get(draft.source_how, -0.15)
    score += {
        "object": 0.05,
        "oblique": 0.0,
        "modifier": 0.0,
        "clause-subject": -0.05,
        "reciprocal": -0.05,
        "nearby": -0.2,
        "none": -0.05,
    }.get(target_how, -0.1)
    if draft.pattern.objects:
        score += 0.05
    if draft.pattern.roles:
        score += 0.03
    if draft.hypothetical:
        score -= 0.1
    if draft.negated:
        score -= 0.3
    if any(a.mention.name == "inferred from context" for a in draft.sources):
        score -= 0.15
    return round(max(0.05, min(0.99, score)), 3)


def features(
    draft: Any, target_how: str, *, source: str | None, target: str | None, quad: int, lang: str | None, acts: int, words: int
) -> dict[str, float]:
    """What the model weighs for one event (its source and target codes, CAMEO quad class; the number of acts
    coded in its sentence and the sentence's length in tokens are no longer weighed, see :data:`DROPPED`)."""
    return {
        "prior": prior(draft, target_how),
        "no_target": float(target is None),
        "source_role_only": float(source is not None and source.startswith("---")),
        "target_nearby": float(target is not None and target_how == "nearby"),
        "target_reciprocal": float(target is not None and target_how == "reciprocal"),
        "hypothetical": float(draft.hypothetical),
        "reported": float(draft.reported),
        **{f"quad{q}": float(quad == q) for q in (1, 2, 3, 4)},
        "fr": float(lang == "fr"),
        "depth": depth(draft.trigger.token) / 4,
        "infinitive": float("Inf" in draft.trigger.token.morph.get("VerbForm")),
        "noun_object": float(draft.trigger.kind == "noun" and draft.trigger.token.dep_ in _OBJECT_DEPS),
        # CAMEO 17 gathers force, bans, seizures and arrests whose words are often figurative ("forced closures"):
        # the root least often right on every set, in either language
        "coerce": float(draft.code[:2] == "17"),
        # several sides named together ("Russia and Belarus", "the US, Britain and France") are told as one event
        # report, right more often on every set; the other pairs of the draft, at most 3, over 3
        "pairs": min(max(1, len(draft.sources)) * max(1, len(draft.targets)) - 1, 3) / 3,
        "source_after": float(source_after(draft)),
        "quote_in_sentence": float(any(c in _QUOTES for c in draft.trigger.token.sent.text)),
        # the French event nouns and statements fare otherwise than the English ones on both French sets
        "fr_noun": float(lang == "fr" and draft.trigger.kind == "noun"),
        "fr_statement": float(lang == "fr" and draft.code[:2] == "01"),
        "copular": float(copular(draft.trigger.token)),
        "definite": float(draft.trigger.kind == "noun" and definite(draft.trigger.token)),
    }


def source_after(draft: Any) -> bool:
    """Whether the act's first source is named after its trigger in the trigger's own sentence (a passive agent, an
    inverted speaker, a noun's complement: "attacks carried out by...", « a déclaré le ministre »): such sources are
    more often wrong, or the act a detail of what the sentence reports, on every set."""
    if not draft.sources:
        return False
    token, source = draft.trigger.token, draft.sources[0]
    own = any(a is source for a in (token.doc._.actors or []))  # not one taken from an earlier paragraph's Doc
    return own and token.i < source.head < token.sent.end


def copular(token: Any) -> bool:
    """Whether a word's sentence, or the word itself, hangs on a copula ("the senator is a critic of the war his
    party had backed", « la ville est le théâtre de combats »): such a sentence says what someone or something is,
    and an act named in it is more often background than the news of the day."""
    root = token.sent.root
    return root.pos_ == "AUX" or any(c.dep_ == "cop" for c in (*root.children, *token.head.children))


def definite(token: Any) -> bool:
    """Whether a noun has a definite determiner ("the attack", « l'offensive »): a definite event
    noun mostly names an act the reader already knows of, told again as background, where an indefinite one
    ("launched an attack", « une offensive ») tells a new one; right less often on every set, in either language."""
    return any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in token.children)


def depth(token: Any, cap: int = 4) -> int:
    """How many dependency arcs separate a word from the root of its sentence (at most ``cap``): an act told in
    the main clause is more often a reported event than one deep inside a complement, relative or adjunct."""
    steps = 0
    while token.head.i != token.i and steps < cap:
        token, steps = token.head, steps + 1
    return steps


@cache
def _model(path: Path = MODEL) -> tuple[float, tuple[float, ...]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = data["weights"]
    return float(data["intercept"]), tuple(float(weights.get(name, 0.0)) for name in FEATURES)


def calibrated(values: dict[str, float], path: Path | None = None) -> float:
    """The probability that the event is right, rounded to 3 places (the prior itself if no model is shipped)."""
    path = path or MODEL
    if not path.exists():
        return values["prior"]
    intercept, weights = _model(path)
    z = intercept + sum(w * values[name] for name, w in zip(FEATURES, weights, strict=True))
    return round(1.0 / (1.0 + math.exp(-z)), 3)


__all__ = ["DROPPED", "FEATURES", "MODEL", "calibrated", "copular", "definite", "depth", "features", "prior", "source_after"]
