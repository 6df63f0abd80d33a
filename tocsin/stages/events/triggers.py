"""Find event triggers: verbs and event nouns of the language's pattern dictionary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...languages import Cues, LanguageResources, Pattern

_OBJECT_DEPS = frozenset(
    {
        "obj",
        "obl",
        "obl:arg",
        "obl:mod",
        "iobj",
        "xcomp",
        "nsubj:pass",
        "nsubjpass",
        "dobj",
        "prep",
        "pobj",
        "attr",
        "dative",
        "compound:prt",
        "prt",
        "oprd",
        "acomp",
    }
)


@dataclass
class Trigger:
    token: Any  # head token of the trigger (the verb or the event noun)
    end: int  # token index past the trigger's words
    candidates: list[Pattern]  # matching patterns, most specific first
    kind: str  # verb | noun
    start: int = -1  # first token of the trigger's words when it is not ``token``


def is_verbal(token: Any) -> bool:
    if token.pos_ == "VERB":
        return True
    return token.pos_ in ("ADJ", "NOUN", "AUX") and "Part" in token.morph.get("VerbForm")


#: The object a pattern may ask for that is no word: a country named as such ("recognized Israel", « a reconnu la
#: Palestine »). Written ``@country`` in a pattern's object column.
COUNTRY_OBJECT = "@country"

#: CAMEO roots of the uses of force (assault, fight, mass violence)
FORCE_ROOTS = frozenset({"18", "19", "20"})


def _object_lemmas(token: Any, countries: frozenset[int] = frozenset()) -> set[str]:
    out: set[str] = set()
    direct = any(c.dep_ in ("dobj", "obj") for c in token.children)
    for child in token.children:
        if child.tag_ == "VBG" and child.dep_ == "prep":
            continue  # "according to", "including", "following": a participle preposition is no object ("accord")
        if (
            direct
            and child.dep_ in ("dative", "iobj")
            and child.pos_ != "PRON"
            and child.i < min(c.i for c in token.children if c.dep_ in ("dobj", "obj"))
        ):
            # "had sent the police a plan": the police receive, the plan is what is sent ("released him pending
            # investigation", with "him" parsed as a recipient, keeps its pronoun)
            continue
        if child.dep_ in _OBJECT_DEPS or (child.dep_ == "ccomp" and child.pos_ == "ADJ"):  # "found him guilty"
            out.add(child.lemma_.lower())
            out.add(child.lower_)
            if child.dep_ in ("dobj", "obj") and child.i in countries:
                out.add(COUNTRY_OBJECT)
            for grand in child.children:
                if grand.dep_ in ("nmod", "obj", "amod", "compound", "pobj", "prep", "fixed"):
                    out.add(grand.lemma_.lower())
                    out.add(grand.lower_)
                    for g2 in grand.children:
                        if g2.dep_ == "pobj":
                            out.add(g2.lemma_.lower())
        out |= _for_to_clause(child)
    if token.dep_ in ("acl", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        out.add(token.head.lemma_.lower())  # "craintes exprimées"
    return out


def _for_to_clause(child: Any) -> set[str]:
    """An infinitive clause with a subject, introduced by a complementizer ("called *for* the bill *to be dropped*"),
    is the verb's prepositional object: the parser hangs the complementizer on the clause, so the verb gets the
    complementizer and the clause's verb as objects (call + for, call + release). A clause with no infinitive
    marker ("left after the talks ended") is an adverbial, not an object."""
    if child.dep_ not in ("advcl", "ccomp"):
        return set()
    marks = [c for c in child.children if c.dep_ == "mark" and c.i < child.i]
    if not marks or not any(c.tag_ == "TO" for c in child.children if c.dep_ == "aux"):
        return set()
    if not any(c.dep_ in ("nsubj", "nsubjpass") and marks[0].i < c.i < child.i for c in child.children):
        return set()
    return {marks[0].lemma_.lower(), marks[0].lower_, child.lemma_.lower()}


def is_reflexive(token: Any, pronouns: frozenset[str]) -> bool:
    """A pronominal verb: one of the language's reflexive pronouns hangs on it ("se rendre", "s'étaient concertés")."""
    return any(c.lower_ in pronouns and (c.dep_.startswith("expl") or c.dep_ in ("obj", "iobj")) for c in token.children)


_VERB_CHILDREN = frozenset({"ccomp", "obj", "xcomp", "obl:arg", "iobj", "mark"})


def verb_lemma(token: Any, verbs: dict[str, list[Pattern]], fixes: dict[str, str] | None = None, cues: Cues | None = None) -> str | None:
    """The verb lemma of a token, repairing the lemmatizer's misses on present tenses and participles.

    The language's ``[morphology]`` (``cues``) says which endings to try: French
    gives gerunds ("avertissant" -> avertir) and presents of -er verbs
    ("demande" -> demander), which fr_core_news_md leaves unlemmatised.
    """
    lemma = token.lemma_.lower()
    lower = token.lower_
    if fixes and lower in fixes and fixes[lower] in verbs:
        return str(fixes[lower])
    if is_verbal(token) and lemma in verbs and lemma != lower:
        return str(lemma)
    guesses: list[str] = []
    gerund = bool(cues is not None and cues.gerund_endings and lower.endswith(cues.gerund_endings))
    if gerund and (token.pos_ == "VERB" or any(c.dep_ in _VERB_CHILDREN for c in token.children)):
        for ending, infinitive in cues.gerund_infinitives:  # type: ignore[union-attr]
            if lower.endswith(ending):
                guesses.append(lower[: -len(ending)] + infinitive)
    elif cues is not None and (token.pos_ == "VERB" or (token.pos_ == "NOUN" and token.dep_ == "ROOT" and _bare_subject_noun(token))):
        for ending, infinitive in cues.present_infinitives:
            if lower.endswith(ending):
                guesses.append(lower[: -len(ending)] + infinitive)
                break
    for guess in guesses:
        if guess in verbs:
            return guess
    if is_verbal(token) and lemma in verbs:
        return str(lemma)
    return None


def _repair_force_subject(sent: Any, nouns: dict[str, list[Pattern]], cues: Cues) -> None:
    """ "Russian shelling killed two civilians", "Artillery shelling wounded six": the small English model reads the
    gerund of force as an adverb (or a verb) of the verb of killing, and a word before it as the subject. An event
    noun of force right before a verb of killing or hurting, with no subject of its own between, is that verb's
    subject: the parse is mended so the noun names the act, its adjectives its author, the verb its victims."""
    for token in sent:
        verb = token.head
        if token.dep_ != "advmod" or verb.i != token.i + 1 or verb.lemma_.lower() not in cues.casualty:
            continue
        patterns = nouns.get(token.lower_, [])
        if not any(p.cameo[:2] in FORCE_ROOTS and len(p.lemmas) == 1 for p in patterns):
            continue
        for other in list(verb.children):
            if other.dep_ in ("nsubj", "nsubjpass") and other.i < token.i:
                other.head, other.dep_ = token, "compound"  # "Artillery shelling": a modifier of the noun
        token.dep_, token.pos_, token.tag_, token.lemma_ = "nsubj", "NOUN", "NN", token.lower_


def _standing_rule(verb: Any, cues: Cues) -> bool:
    """A verb in the simple present whose subject is a standing legal text ("the constitution prohibits political
    activity", "the charter bans the use of force"): what the text provides, no act of anyone."""
    if "Pres" not in verb.morph.get("Tense") or any(c.dep_.startswith("aux") for c in verb.children):
        return False
    return any(c.dep_ in ("nsubj", "nsubj:pass") and c.lemma_.lower() in cues.standing_text for c in verb.children)


def _bare_subject_noun(token: Any) -> bool:
    """A root noun with a subject that may be a verb the tagger missed ("la Russie attaque"); not one with a
    determiner or a copula: « c'est la cinquième attaque » names an attack."""
    children = [c.dep_ for c in token.children]
    return "nsubj" in children and "cop" not in children and "det" not in children


def find_triggers(sent: Any, lang: LanguageResources) -> list[Trigger]:
    verbs = lang.verb_patterns()
    nouns = lang.noun_patterns()
    out: list[Trigger] = []
    doc = sent.doc
    fixes = lang.fixes
    actors = doc._.actors if doc.has_extension("actors") else None
    countries = frozenset(a.head for a in actors or () if a.mention.kind == "country" and not a.mention.roles)
    _repair_force_subject(sent, nouns, lang.cues)
    for token in sent:
        lemma = token.lemma_.lower()
        vlemma = verb_lemma(token, verbs, fixes, lang.cues)
        if vlemma is not None:
            lemma = vlemma
            objects = _object_lemmas(token, countries)
            reflexive = is_reflexive(token, lang.cues.reflexive)
            cands = [p for p in verbs[lemma] if (not p.objects or p.objects & objects) and (reflexive or not p.reflexive)]
            if cands and not _standing_rule(token, lang.cues):
                out.append(Trigger(token, token.i + 1, cands, "verb"))
                continue
            lemma = token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN", "ADJ", "X") and lemma in nouns:
            best: list[Pattern] = []
            end = token.i + 1
            for pattern in nouns[lemma]:
                n = len(pattern.lemmas)
                if token.i + n > sent.end:
                    continue
                window = [t.lemma_.lower() for t in doc[token.i : token.i + n]]
                last = doc[token.i + n - 1]
                if n > 1 and last.pos_ in ("VERB", "AUX") and token.head.i == last.i:
                    continue  # "Russian missiles struck Kyiv" is no "missile strike": the verb governing the noun is the act
                if window == list(pattern.lemmas):
                    best.append(pattern)
                    end = max(end, token.i + n)
            if best and (token.pos_ != "ADJ"):
                best.sort(key=lambda p: -len(p.lemmas))
                out.append(Trigger(token, end, best, "noun"))
    return _raised_force(_resolve_multiword(out), lang.cues)


def _raised_force(triggers: list[Trigger], cues: Cues) -> list[Trigger]:
    """A use of force named by the passive subject of a verb of report, whose perfect infinitive says what it did ("a
    bombing was reported to have killed a journalist", "the airstrike is believed to have wounded five"), is one act:
    the noun's, told by the infinitive, which has the victims and the place; the noun is no second event."""
    nouns = {t.token.i: t for t in triggers if t.kind == "noun" and t.candidates[0].cameo[:2] in FORCE_ROOTS}
    raised: set[int] = set()
    out: list[Trigger] = []
    for trigger in triggers:
        verb = trigger.token
        done = "Perf" in verb.morph.get("Aspect") and "Part" in verb.morph.get("VerbForm")  # "to have killed"
        if trigger.kind != "verb" or verb.dep_ != "xcomp" or not done or verb.lemma_.lower() not in cues.casualty:
            out.append(trigger)
            continue
        noun = next((c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj:pass") and c.i in nouns), None)
        if noun is None or trigger.candidates[0].cameo[:2] not in FORCE_ROOTS:
            out.append(trigger)
            continue
        raised.add(noun.i)
        out.append(Trigger(verb, trigger.end, nouns[noun.i].candidates, "verb", trigger.start))
    return [t for t in out if not (t.kind == "noun" and t.token.i in raised)]


def _resolve_multiword(triggers: list[Trigger]) -> list[Trigger]:
    """A noun trigger inside a longer one yields to it ("hunger strike" is not also a "strike"), and a multiword
    trigger is anchored on its syntactic head (English puts it last: "air *strikes*")."""
    spans = [(t.token.i, t.end) for t in triggers if t.kind == "noun" and t.end - t.token.i > 1]
    out: list[Trigger] = []
    for trigger in triggers:
        i = trigger.token.i
        if any(start <= i < end and (start, end) != (i, trigger.end) for start, end in spans):
            continue
        if trigger.kind == "noun" and trigger.end - i > 1:
            doc = trigger.token.doc
            head = next((t for t in doc[i : trigger.end] if not (i <= t.head.i < trigger.end) or t.head.i == t.i), trigger.token)
            if head.i != i:
                trigger = Trigger(head, trigger.end, trigger.candidates, trigger.kind)
                trigger.start = i
        out.append(trigger)
    return out


def governs(outer: Any, inner: Any) -> bool:
    """True when ``inner`` lies in the clause-level subtree of ``outer`` (``outer`` is an ancestor)."""
    return outer.i != inner.i and outer in inner.ancestors


__all__ = ["Trigger", "find_triggers", "governs", "is_reflexive", "is_verbal", "verb_lemma"]
