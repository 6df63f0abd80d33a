"""From draft to events: one event per (source, target) pair, mutual acts each way, a missing target taken from
nearby, acts said again by ellipsis; the filters on who can be a side."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...models import ActorMention, Event
from ..actors import TokenActor, attached_to, preposition_of
from .arguments import AGENT, ArgumentFinder
from .draft import _ARMED_OR_STATE, _FORCE_ROOTS, _NEARBY_ROOTS, _Draft
from .modality import is_negated


def _said_again(sent: Any, sentence: Any, offset: int, finder: ArgumentFinder, cues: Any, last: Event) -> list[Event]:
    """Ellipsis: "Britain and Canada did so on Sunday", « le Canada en a fait autant » after a sentence reporting an
    act is that act again, by each actor the ellipsis names (its target and code are the act's)."""
    verbs = {pair.split(" ", 1)[0] for pair in cues.ellipsis}  # "do", "follow", « faire »...
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma not in verbs or verb.pos_ not in ("VERB", "AUX"):
            continue
        if not any(f"{lemma} {t.lower_}" in cues.ellipsis and t.dep_ != "det" for t in verb.subtree):
            continue
        doers, how = finder.verb_source(verb)
        if how not in ("subject", "agent") or is_negated(verb, cues):
            continue
        span = verb.doc[verb.i : verb.i + 1]
        rule = last.rule if last.rule.endswith("+ellipsis") else f"{last.rule}+ellipsis"
        out = []
        for actor in doers:
            mention = actor.mention
            if not mention.code or mention.code in (last.source_code, last.target_code):
                continue
            out.append(
                replace(
                    last,
                    sentence_index=sentence.index,
                    sentence=sentence.text,
                    sentence_start=sentence.start,
                    sentence_end=sentence.end,
                    source_code=mention.code,
                    source_text=mention.text,
                    source_start=mention.start,
                    source_end=mention.end,
                    trigger=span.text,
                    trigger_start=offset + span.start_char,
                    trigger_end=offset + span.end_char,
                    rule=rule,
                )
            )
        return out
    return []


def _only_anonymous(source: ActorMention | None, target: ActorMention | None) -> bool:
    """No side is a political actor, and one is anonymous people ("31 personnes", "a man")."""
    sides = [m for m in (source, target) if m is not None]
    return any(m.kind == "anonymous" for m in sides) and not any(m.code and m.kind != "anonymous" for m in sides)


def _two_people(source: ActorMention, target: ActorMention) -> bool:
    """Two different people named on each side ("Zelensky declined Honcharuk's offer"): an act between them even when
    their offices code alike (UKRGOV to UKRGOV)."""
    return source.kind == target.kind == "person" and bool(source.name) and source.name != target.name


def _talked_about(source: TokenActor | None, target: TokenActor, *, own: bool = True) -> bool:
    """A statement's target that is no addressee: a region it is about, the outlet it was told to, or (``own``) the
    speaker's own country ("Erdogan claimed the Turkish drilling is lawful")."""
    mention = target.mention
    if mention.kind == "region" or "MED" in mention.roles:
        return True
    return own and source is not None and source.mention.country is not None and source.mention.country == mention.country


def _commercial(source: ActorMention | None, target: ActorMention | None) -> str | None:
    """Why every coded side is no political actor, if so: companies ("UK-based retailer Tesco", "Boeing"), whose
    talks, deals and disputes are business; or health and rescue services ("firefighters searched the flats", "the
    hospital asked for patience"), whose requests and searches are care work. None when one side is political."""
    sides = [m for m in (source, target) if m is not None and m.code]
    for role, why in (("BUS", "companies only: a commercial story"), ("HLH", "health and rescue services only: care work")):
        if sides and all(role in m.roles for m in sides):
            return why
    return None


#: armed groups that are no state's forces, and the roles of people who bear no arms
_NON_STATE_ARMED = frozenset({"REB", "INS", "SEP", "UAF", "IMG"})
_UNARMED = frozenset({"CVL", "MED", "EDU", "REL", "HLH", "REF", "LAB", "NGO"})


def _assault(source: ActorMention | None, target: ActorMention | None) -> bool:
    """CAMEO 18 (assault, unconventional violence) rather than 19 (conventional military force): the doer is a
    non-state group that is no armed force (settlers, criminals, civilians) and the victims are no armed force; or
    unarmed people are attacked by an armed group or by no one named ("a bombing killed a journalist", "rebels
    attacked villagers"), where a state's forces fighting would be named."""
    unarmed = target is not None and bool(set(target.roles) & _UNARMED) and not set(target.roles) & _ARMED_OR_STATE
    if unarmed and (source is None or not source.code or set(source.roles) & _NON_STATE_ARMED):
        return True
    if source is None or not source.roles or set(source.roles) & _ARMED_OR_STATE:
        return False
    return target is None or not (set(target.roles) & _ARMED_OR_STATE)


def _most_specific(actors: list[TokenActor]) -> list[TokenActor]:
    """One actor per side named twice: "British police chief Stephen Mold" is GBRCOP, not GBR and GBRCOP."""
    codes = [a.mention.code or "" for a in actors]
    return [a for a, code in zip(actors, codes, strict=True) if not (code and any(o != code and o.startswith(code) for o in codes))]


def _dyads(draft: _Draft, sent: Any, cues: Any) -> tuple[list[tuple[TokenActor | None, TokenActor | None]], str]:
    """The (source, target) pairs a draft codes, and how its targets were found. A locative target is kept only for
    force; a joint act of several countries is each toward the other; a verbal act with no target takes the nearest
    other actor."""
    doc = sent.doc
    targets: list[TokenActor | None] = list(draft.targets)
    target_how = draft.target_how
    if target_how == "locative" and draft.code[:2] not in _NEARBY_ROOTS:
        targets, target_how = [], "none"  # "envoys met in Istanbul": Istanbul is where; "shelled positions in Kharkiv" keeps UKR
    sources: list[TokenActor | None] = list(_most_specific(draft.sources)) or [None]
    targets = list(_most_specific([t for t in targets if t is not None]))
    pairs: list[tuple[TokenActor | None, TokenActor | None]] = []
    countries = {a.mention.country for a in draft.sources if a.mention.country}
    if not targets and len(countries) > 1 and draft.code[:2] == "15":
        # "French and Egyptian warships launched manoeuvres": a joint exercise is military cooperation (PLOVER
        # COOPERATE), each country toward the other; one country's drill stays a show of force (15x).
        draft.code = "062"
        draft.wrappers.append("joint")
    if draft.code in _TALKS and len(sources) > 1 and not any(_comitative(doc[t.head], cues) for t in targets if t):
        # "Egypt and Greece met to discuss Libya": what several parties discuss is the topic; they talk to each other
        targets = []
    if not targets and len(sources) > 1 and (_mutual(draft.code) or _reciprocal(draft.trigger.token, cues)):
        # Reciprocal: "la Jordanie et le Royaume-Uni sont convenus" -> each toward the other.
        for a in sources:
            for b in sources:
                if a is not None and b is not None and a is not b and a.mention.code != b.mention.code:
                    pairs.append((a, b))
        target_how = "reciprocal"
    if not pairs:
        if not targets:
            near = (
                _nearest_other(doc, sent, draft.sources + draft.instruments, draft.trigger.token)
                if draft.code[:2] in _NEARBY_ROOTS and draft.sources
                else None
            )
            if near is not None:
                targets = [near]
                target_how = "nearby"
            else:
                targets = [None]
        pairs = [(s, t) for s in sources for t in targets]
        if draft.code in _TALKS:
            # "the Taliban met with the US envoy", « un entretien avec le ministre nigérien »: talks with someone are
            # held by both sides, each toward the other
            pairs += [(t, s) for s, t in pairs if s is not None and t is not None and _comitative(doc[t.head], cues)]
    if draft.code[:3] in _VISITS:
        # "Cengiz travelled to New York", "was welcomed on his return by the minister" (of his own government): a visit
        # or a welcome by no coded actor, or within one side, is a journey, no act between two sides ("the president
        # arrived in Amman" is his visit, wherever the parse puts the host)
        pairs = [(s, t) for s, t in pairs if s is not None and _two_sides(s.mention, t.mention if t is not None else None)]
    return pairs, target_how


#: a visit (042) and hosting a visit (043): acts between a visitor and a host, both named
_VISITS = frozenset({"042", "043"})


def _two_sides(source: ActorMention, target: ActorMention | None) -> bool:
    """A coded source, and a target (if any) that does not code alike unless they are two people (:func:`_two_people`);
    a target the sentence does not name ("received a delegation", its country inferred from the article) is no side."""
    if not source.code:
        return False
    if target is None or target.name == "inferred from context":
        return True
    return source.code != target.code or _two_people(source, target)


# Talks (CAMEO 040 consult, 041 discuss by telephone, 044 meet at a third location, 046 negotiate) are held by both
# sides; a visit (042) and hosting (043) go one way, each coded by itself.
_TALKS = frozenset({"040", "041", "044", "046"})


def _comitative(token: Any, cues: Any) -> bool:
    """The actor's words follow a preposition of company ("with", « avec »), on the actor or on the phrase it is in."""
    for tok in (token, token.head):
        if preposition_of(tok) in cues.comitative:
            return True
    return False


def _mutual(code: str) -> bool:
    """Acts that several actors doing together do to each other: agreeing, consulting, cooperating, fighting; not
    pledging aid (033x: "China, Iran and Russia pledged funds" is to a third party) nor praise or support (051-056)."""
    if code[:3] == "033":
        return False
    return code[:2] in ("03", "04", "06", "19") or code in ("050", "057")


def _nearest_other(doc: Any, sent: Any, sources: list[TokenActor], trigger: Any) -> TokenActor | None:
    """The closest actor in the sentence from another country than the sources (a conflict's likely target)."""
    countries = {s.mention.country for s in sources}
    best: tuple[int, TokenActor] | None = None
    finder_actors = doc._.actors or []
    governors = list(trigger.ancestors)
    for actor in finder_actors:
        if not (sent.start <= actor.start < sent.end) or actor in sources:
            continue
        if actor.mention.country in countries or actor.mention.code is None or actor.mention.name == "inferred from context":
            continue
        if doc[actor.head].dep_ in AGENT or doc[actor.head].head.dep_ == "agent":
            continue  # "les Houthis, appuyés par l'Iran": who backs or does something else is not the target
        if doc[actor.head].dep_ in ("nsubj", "expl:subj") and doc[actor.head].head in governors:
            continue  # "the US army said the Houthis fired a missile": who reports the act is not its target
        distance = abs(actor.head - trigger.i)
        if best is None or distance < best[0]:
            best = (distance, actor)
    return best[1] if best else None


#: reactions whose target may be the doer of an act told before: criticism, rejection, threats (and praise, 051)
_REACTION_ROOTS = frozenset({"11", "12", "13"})
#: what "the decision", "the move" may be: an intent, a deal, aid, a concession, a show of force, a cut, a sanction, force
_DECISION_ROOTS = frozenset({"03", "06", "07", "08", "15", "16", "17"}) | _FORCE_ROOTS
#: roots an event noun may refer back across: any use of force for "the attack", an appeal or demand for "the request"
_ROOT_FAMILIES = (_FORCE_ROOTS, frozenset({"02", "10"}))
#: how far back (in sentences) a reaction's "the attack" or "the decision" may point
_ANTECEDENT_REACH = 5
#: how far back "the decision", "the move" may point: an article's main decision is often told in its opening lines
_DECISION_REACH = 20


def _anaphoric_object(tok: Any) -> Any | None:
    """The object of a reaction when it names an act told before: a noun with a definite or demonstrative determiner
    and no possessor ("criticized the move", "spoke out against this attack", « a dénoncé la décision »)."""
    objects = [c for c in tok.children if c.dep_ in ("obj", "dobj", "obl:arg")]
    objects += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        if obj.pos_ != "NOUN":
            continue
        dets = [c for c in obj.children if c.dep_ in ("det", "poss", "nmod:poss")]
        if any("Yes" in c.morph.get("Poss") or c.dep_ != "det" for c in dets):
            continue  # "his decision": the possessor made it, and the finder already has him
        if any("Def" in c.morph.get("Definite") or "Dem" in c.morph.get("PronType") for c in dets):
            return obj
    return None


def _referred_roots(obj: Any, noun_roots: dict[int, str], cues: Any) -> frozenset[str] | None:
    """The CAMEO roots of the acts an anaphoric object may stand for: a force noun ("the attack") any use of force, a
    demand noun ("the request") an appeal or demand, a decision noun ("the move", "the withdrawal") an intent, deal,
    aid, concession, coercion or force. None for any other noun."""
    root = noun_roots.get(obj.i)
    family = next((family for family in _ROOT_FAMILIES if root in family), None)
    if obj.lemma_.lower() in cues.decisions:
        return _DECISION_ROOTS | (family or frozenset())
    return family


def _antecedent(
    draft: _Draft, source: str | None, earlier: list[Event], here: int, noun_roots: dict[int, str], cues: Any
) -> ActorMention | None:
    """Who a reaction with no target is aimed at, when its object is an act the article told before: "the attack" was
    done by the source of the latest use of force; "the request" made by the latest one to ask; "the decision", "this
    move" taken by the latest actor to act, other than the one reacting (a few sentences back at most).
    None when the object names no such act or nothing fits."""
    tok = draft.trigger.token
    if source is None or (draft.code[:2] not in _REACTION_ROOTS and draft.code != "051") or draft.trigger.kind != "verb":
        return None
    obj = _anaphoric_object(tok)
    roots = _referred_roots(obj, noun_roots, cues) if obj is not None else None
    if roots is None:
        return None
    reach = _DECISION_REACH if obj is not None and obj.lemma_.lower() in cues.decisions else _ANTECEDENT_REACH
    for event in reversed(earlier):
        if here - event.sentence_index > reach:
            break
        if not event.source_code or event.source_code == source or event.source_start is None:
            continue
        if event.root in roots or ("03" in roots and event.cameo == "057"):
            return ActorMention(
                text=event.source_text or "",
                start=event.source_start,
                end=event.source_end if event.source_end is not None else event.source_start,
                sentence_index=event.sentence_index,
                code=event.source_code,
                country=event.source_code[:3],
            )
    return None


def _between_sides(tok: Any, actors: list[TokenActor], cues: Any) -> list[TokenActor]:
    """The sides an act's own "between" phrase names: "clashes between the army and the rebels", « des affrontements
    entre les FSR et l'armée » are each side toward the other, whoever the sentence says fled or reported them. Empty
    unless two actors of different codes hang on the trigger through that preposition."""
    doc = tok.doc
    sides = []
    for actor in actors:
        word = doc[actor.head]
        while word.dep_ == "conj" and word.head.i != word.i:
            word = word.head
        if attached_to(word).i == tok.i and preposition_of(word) in cues.between:
            sides.append(actor)
    return sides if len({a.mention.code for a in sides if a.mention.code}) > 1 else []


def _between_first(
    tok: Any, found: tuple[list[TokenActor], list[TokenActor], str, str], cues: Any
) -> tuple[list[TokenActor], list[TokenActor], str, str]:
    """(sources, targets, source_how, target_how) of an act, with the sides its own "between" phrase names as its
    sources, each toward the other (:func:`_between_sides`); unchanged when it names none."""
    targets = found[1]
    sides = _between_sides(tok, targets, cues)
    if not sides:
        return found
    return sides, [t for t in targets if t not in sides], "subject", "none"


def _between_code(code: str) -> bool:
    """Acts whose "between" phrase names the two sides: talks, cooperation, fighting. Not mediation (045), which is
    the mediator's act toward each, nor agreements (03, 057), often named as documents ("the agreement between Turkey
    and Libya is void")."""
    return code[:2] in ("04", "06", "19") and code[:3] != "045"


def _reciprocal(verb: Any, cues: Any) -> bool:
    """The act is marked as done by each of its sources to the other: "accused each other", « s'accusent
    mutuellement », « se reprochent l'un l'autre » (words hanging on the verb, within a few words of it)."""
    words = [t for t in verb.doc[max(verb.i - 3, 0) : verb.i + 6] if t.head.i == verb.i or t.head.head.i == verb.i]
    near = "".join(t.lower_ for t in words).replace("’", "'")
    return any(phrase.replace(" ", "").replace("’", "'") in near for phrase in cues.reciprocal)
