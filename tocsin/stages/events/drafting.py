"""Argument attachment: who does the act a verb or an event noun names, and to whom, or why the trigger names no act."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...languages import Pattern
from ...models import ActorMention
from ..actors import TokenActor, phrase_noun, preposition_of
from .arguments import AGAINST, AGENT, AGENT_OF, CLOSING_MARKS, PASSIVE_SUBJECT, QUOTE_MARKS, SUBJECT, ArgumentFinder, is_passive
from .clauses import _adjunct, _background_clause, _counted, _governing_verb, _has_demonstrative, _in_background, _in_incise, _inside_name
from .draft import _FORCE_ROOTS, _FORCEFUL_ROOTS, _UNKNOWN_SOURCE_ROOTS, _Arguments
from .modality import is_negated
from .triggers import Trigger, is_verbal


def _no_statement(verb: Any, cues: Any) -> bool:
    """A speech verb that makes no statement: a past participle that describes ("ennemis déclarés", "Annoncée au
    lendemain..., cette décision"), or a source that gives no name ("a déclaré une source sous couvert d'anonymat",
    "a source within the ministry said"): who speaks is not known, so no actor made the statement."""
    participle = "Part" in verb.morph.get("VerbForm") or verb.tag_ == "VBN"
    if participle and verb.dep_ in ("amod", "acl", "advcl") and not any(c.dep_.startswith("aux") for c in verb.children):
        return True
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis", "xcomp", "punct", "mark"):
            continue
        if any(t.lemma_.lower() in cues.anonymity for t in child.subtree):
            return True
    return False


def _present_state(verb: Any, cues: Any) -> bool:
    """ "The PKK is banned in Turkey", "troops are deployed in Iraq": a present passive with no doer named describes a
    state (languages list the auxiliaries for which it does; headlines without an auxiliary stay acts); so does the
    participle of a verb of lasting ("remain deployed", « restent déployés »)."""
    participle = "Part" in verb.morph.get("VerbForm") or verb.tag_ == "VBN"
    if participle and verb.dep_ in ("xcomp", "acomp") and verb.head.lemma_.lower() in cues.state_verbs:
        return True  # "troops remain deployed in Niger", « restent déployés »
    aux = [c for c in verb.children if c.dep_ in ("auxpass", "aux:pass")]
    if len(aux) != 1 or aux[0].lemma_.lower() not in cues.state_passive or "Pres" not in aux[0].morph.get("Tense"):
        return False
    if any(c.dep_ in ("aux", "aux:tense") for c in verb.children):
        return False  # "has been banned", "will be deployed": perfect or future, not a present state
    if any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ in ("prep", "obl") and c.lower_ == "to") for c in verb.children):
        return False  # "is opposed to mediation", "is committed to opening up": a stance stated, coded as such
    return not any(c.dep_ in AGENT for c in verb.children)


def _reports_a_count(verb: Any, finder: ArgumentFinder, cues: Any) -> bool:
    """A speech verb whose reported clause gives a count about no coded actor: "claimed 190 were dead", "said 5.7
    million barrels had been disrupted", « affirme avoir perdu trois civils » are figures, not political statements."""
    if not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    said = [t for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "obj") for t in c.subtree]
    span = {t.i for t in said}
    if any(
        a.head in span and a.mention.code and a.mention.kind not in ("anonymous", "place") and a.mention.roles != ["CVL"]
        for a in finder.actors
    ):
        return False  # "claimed the army killed 12": an allegation about an actor
    return any(
        t.like_num and t.ent_type_ not in ("DATE", "TIME") and t.head.lemma_.lower() not in cues.calendar
        and (t.is_digit or t.dep_ == "nummod" or t.lower_ not in cues.pronoun_numbers)  # "no-one takes it seriously"
        and (t.dep_ in ("nummod", "nsubj", "nsubjpass", "nsubj:pass", "dobj") or t.head.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"))
        for t in said
    )  # fmt: skip


def _verb_sources(trigger: Trigger, finder: ArgumentFinder, cues: Any) -> _Arguments | str:
    """Who does what a verb says (its targets are found once the pattern is known), or why it reports no act."""
    tok = trigger.token
    background = _background_clause(tok, cues, finder.at)
    head = tok.head
    if background is None and tok.dep_ == "xcomp" and head.dep_ in ("relcl", "acl:relcl") and _relative_subject(head):
        # "the rebels, who plan to attack the capital": the verb that frames the act describes its noun ("the zone
        # where the forces continue to advance" is no description of the zone: the advance is news)
        background = _background_clause(head, cues, finder.at)
    if background is not None:
        return background
    sources, source_how = finder.verb_source(tok)
    if source_how == "subject":
        sources = _armed(tok, sources, cues)
    if not sources and (tok.lemma_.lower() in cues.speech or _in_incise(tok)):
        # "..., a déclaré le ministre"; "« C'est l'œuvre des Russes », a accusé le président ukrainien"
        sources, source_how = finder.inverted_subject(tok), "inverted"
    elif sources and _spoken_incise(trigger, sources):
        # « le M23 a « tendance à dicter » ..., a dénoncé sa cheffe Bintou Keita »: the parser takes the quoted
        # clause's subject for the incise's and hangs its inverted subject as an object
        inverted = finder.inverted_subject(tok)
        sources, source_how = (inverted, "inverted") if inverted else (sources, source_how)
    return sources, [], source_how, "none"


def _spoken_incise(trigger: Trigger, sources: list[TokenActor]) -> bool:
    """A verb of saying or judging in an incise after quoted words (", a dénoncé X"), whose found subject stands before
    the quote's closing mark."""
    tok = trigger.token
    verbal = all(p.cameo[:2] in ("01", "11", "12") for p in trigger.candidates)
    closing = [t.i for t in tok.doc[tok.sent.start : tok.i] if t.text in CLOSING_MARKS or t.text == '"']
    before = bool(closing) and all(a.end <= closing[-1] for a in sources)
    return verbal and before and _in_incise(tok)


def _condition_subject(verb: Any, sources: list[TokenActor], finder: ArgumentFinder, cues: Any) -> list[TokenActor]:
    """Whom a forceful act is aimed at when only its condition names them: the subject of the "if" clause (« si le
    Hezbollah rompt l'accord, nous frapperons », "if Iran attacks, we will respond")."""
    if not sources:
        return []
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in cues.condition for c in clause.children):
            subjects = [c for c in clause.children if c.dep_ in SUBJECT]
            codes = {a.mention.code for a in sources}
            return [a for c in subjects for a in finder.actors_in(c) if a.mention.code and a.mention.code not in codes]
    return []


def _verb_aim(
    verb: Any, pattern: Pattern, found: tuple[list[TokenActor], str], finder: ArgumentFinder, cues: Any
) -> tuple[list[TokenActor], str, list[TokenActor], str, list[TokenActor]]:
    """A verb's sources (as found), targets and the actors named with the weapon it fires, once its pattern is known.
    « un drone kamikaze russe a été lancé contre le bâtiment », "fired Iranian-made missiles": the weapon's side is who
    fires it (when no one else is named), never whom it is fired at."""
    sources, source_how = found
    fired = _fired_weapons(verb, pattern, finder, cues)
    targets, target_how = _verb_targets(verb, pattern, sources + fired, finder, cues)
    if fired and not sources:
        sources, source_how = fired, "instrument"
    if (not targets or target_how == "locative") and pattern.cameo[:2] in _FORCE_ROOTS:
        # the victims beat the place the act was near: "stormed the depot near Belgorod, killing six soldiers"
        victims = _toll_victims(verb, finder, cues, {id(a) for a in sources + fired})
        if victims and not _own_people(victims, sources + fired):
            targets, target_how = victims, "casualty"
    if not targets and pattern.cameo[:2] in _FORCEFUL_ROOTS:
        targets = _condition_subject(verb, sources, finder, cues)  # « si le Hezbollah rompt l'accord, nous frapperons »
        target_how = "condition" if targets else target_how
    if not targets and pattern.cameo[:2] in _FORCE_ROOTS | {"14"} and sources:
        targets, target_how = _shared_opponent(verb, sources, finder, (targets, target_how))
    return sources, source_how, targets, target_how, [a for a in fired if a not in sources]


def _shared_opponent(
    verb: Any, sources: list[TokenActor], finder: ArgumentFinder, found: tuple[list[TokenActor], str]
) -> tuple[list[TokenActor], str]:
    """Whom a protest or a use of force that names no one is aimed at, when it is coordinated after a verb of the same
    subject that names its opponent: "protesters clashed with the police and threw stones" throw them at the police
    (a seizure or a theft after a kidnapping, « ont enlevé les passagers et dérobé le riz », is not done to them)."""
    if verb.dep_ != "conj" or verb.head.i == verb.i or any(c.dep_ in SUBJECT + PASSIVE_SUBJECT for c in verb.children):
        return found
    first = verb.head
    if first.pos_ != "VERB" or is_passive(first) or verb.i < first.i:
        return found
    opponents, how = finder.verb_targets(first, exclude={id(a) for a in sources})
    if how not in ("object", "oblique") or any(a.mention.kind in ("place", "capital", "region") for a in opponents):
        return found
    return opponents, "shared"


def _toll_victims(verb: Any, finder: ArgumentFinder, cues: Any, exclude: set[int]) -> list[TokenActor]:
    """Whom an act of force that names no target struck, from the participle of its toll: "stormed the base, killing
    ten soldiers", « lancé contre le bâtiment, tuant deux personnes »."""
    for toll in (c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in cues.casualty):
        if "Part" not in toll.morph.get("VerbForm") and "Ger" not in toll.morph.get("VerbForm"):
            continue
        for obj in (c for c in toll.children if c.dep_ in ("obj", "dobj")):
            victims = [a for a in finder.actors_in(obj) if id(a) not in exclude]
            if victims:
                return victims
    return []


def _own_people(victims: list[TokenActor], sources: list[TokenActor]) -> bool:
    """Bare victims ("deux personnes") that only took the country of the act's own side from the context: their side
    is unknown, not the attacker's."""
    countries = {a.mention.country for a in sources}
    return all(v.mention.name == "inferred from context" and v.mention.roles == ["CVL"] and v.mention.country in countries for v in victims)


def _fired_weapons(verb: Any, pattern: Pattern, finder: ArgumentFinder, cues: Any) -> list[TokenActor]:
    """The actors that qualify the weapon a firing pattern fires (its object, or its passive subject): « un drone
    kamikaze russe a été lancé » names Russia as who launched it, "fired Iranian-made missiles" Iran as their maker.
    Only patterns of firing (194 artillery, 195 from the air) whose object words are the weapon; "destroyed Ukrainian
    drones" hits them, and "fire against Kampuchean camps" names a target."""
    if pattern.cameo not in ("194", "195") or not pattern.objects:
        return []
    weapons = [
        c for c in verb.children
        if c.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass") and c.lemma_.lower() in cues.weapons
        and (c.lemma_.lower() in pattern.objects or c.lower_ in pattern.objects)
    ]  # fmt: skip
    return [
        a
        for w in weapons
        for a in finder.actors_in(w)
        if a.head != w.i and a.mention.kind not in ("place", "capital") and _qualifies(finder.doc[a.head], w)
    ]


# Dependencies that qualify a noun without a preposition: adjectives, compounds, possessors, apposed nouns and names
# ("Iranian-made missiles", « un drone kamikaze russe »).
_QUALIFYING = frozenset({"amod", "compound", "poss", "nmod:poss", "npadvmod", "advmod", "nummod", "appos", "flat:name", "flat"})


def _qualifies(token: Any, noun: Any) -> bool:
    """The token hangs on the noun through adjectives and compounds only ("Iranian-made missiles", « drone russe »)."""
    while token.i != noun.i:
        if token.dep_ not in _QUALIFYING or token.head.i == token.i:
            return False
        token = token.head
    return True


def _relative_subject(verb: Any) -> bool:
    """The subject of a relative clause is its relative pronoun ("who plan", « qui envisagent »)."""
    return any(
        c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and ("Rel" in c.morph.get("PronType") or c.tag_ in ("WP", "WDT"))
        for c in verb.children
    )


def _verb_targets(tok: Any, pattern: Pattern, sources: list[TokenActor], finder: ArgumentFinder, cues: Any) -> tuple[list[TokenActor], str]:
    """Whom a verb's act is aimed at, once its pattern is known: its object or oblique (or, for threats, statements and
    demands, the subject of the clause it reports); a vow or threat with none aims at the object of the act it commits
    to ("a juré de châtier Israël", "vowed to punish Israel")."""
    exclude = {id(a) for a in sources}
    lemma = tok.lemma_.lower()
    clause_subject = lemma in cues.threat or lemma in cues.speech or pattern.cameo[:2] in ("10", "11", "12", "13", "02")
    if pattern.cameo[:2] in ("11", "12", "02", "10"):
        # "attacked the proclamation of the Golan as Israeli by Donald Trump": Trump's; an appeal or demand is made to
        # who would do what it asks (« a appelé à l'adoption de sanctions par le Conseil de sécurité »)
        asked = pattern.cameo[:2] in ("02", "10")
        # "attacked the proclamation of the Golan as Israeli territory by Trump": the parser may hang "by" under a
        # preposition of the verb; never a passive's own agent ("was criticised by Trump")
        judged = ("obj", "dobj") if is_passive(tok) else ("obj", "dobj", "prep")
        deps = _ASKED_DEPS if asked else judged
        # an active verb has no agent of its own: a "par" / "by" phrase the parser hangs on it belongs to what is asked
        # or judged (« a appelé vendredi à « l'adoption de sanctions » par le Conseil », quoted words between)
        doers = _object_agents(tok, finder, exclude, deps if is_passive(tok) else deps + AGENT)
        if doers:
            return doers, "object"
        judged_doers = _incise_subjects(tok, sources, finder) if pattern.cameo[:2] in ("11", "12") else []
        if judged_doers:
            return judged_doers, "clause-subject"
    targets, target_how = finder.verb_targets(tok, exclude=exclude, clause_subject=clause_subject)
    own = {a.mention.code for a in sources if a.mention.code}
    if targets and all(
        (t.mention.code in own and _possessed(t, tok.doc)) or _own_country(t, sources) or _given(t, tok, pattern) for t in targets
    ):
        # "submitted the truce with Hezbollah to his cabinet": the source's own body is no target; nor is its own
        # country ("withdrew the US from a treaty with Iran"), nor its own troops it sends to another; look further
        others, how = finder.verb_targets(tok, exclude=exclude | {id(t) for t in targets}, clause_subject=clause_subject)
        targets, target_how = (others, how) if others else (targets, target_how)
    if targets:
        return targets, target_how
    if pattern.cameo[:2] in _COOPERATIVE_ROOTS:
        partners = _object_partners(tok, finder, cues, exclude)  # « soumettre un accord de trêve avec le Hezbollah »
        if partners:
            return partners, "object"
    for obj in (c for c in tok.children if c.dep_ in ("obj", "dobj")):
        aimed, how = _aimed_by(obj, finder, cues, exclude)  # "approved new sanctions targeting Russia"
        if aimed:
            return aimed, how
    if pattern.cameo[:2] in ("01", "03"):
        aimed = _own_act_aim(tok, finder, cues, exclude)  # "announced it planned to join the African Union"
        if aimed:
            return aimed, "object"
    for child in tok.children:
        if child.dep_ == "xcomp" and (child.lemma_.lower() in pattern.objects or lemma in cues.threat):
            aimed, how = finder.verb_targets(child, exclude=exclude)
            if aimed and how in ("object", "oblique"):
                return aimed, how
    return targets, target_how


def _incise_subjects(verb: Any, sources: list[TokenActor], finder: ArgumentFinder) -> list[TokenActor]:
    """Who a criticism or rejection in an incise after reported words is about: the subject of those words, standing
    before the verb (« le Hamas a « l'habitude de mentir », a dénoncé le porte-parole »), when the verb names no one
    else. The parser hangs that subject on the incise's verb, or on the words' own verb that the incise is joined to.
    Only a true incise, whose own subject follows it ("a dénoncé le porte-parole")."""
    if not _in_incise(verb) or not sources or any(a.start < verb.i for a in sources):
        return []
    exclude = {id(a) for a in sources}
    subjects = [c for c in verb.children if c.dep_ in SUBJECT and c.i < verb.i]
    if verb.dep_ in ("conj", "parataxis") and verb.head.i < verb.i:
        subjects += [c for c in verb.head.children if c.dep_ in SUBJECT and c.i < verb.i]
    return [a for c in subjects for a in finder.actors_in(c) if id(a) not in exclude and a.mention.code]


def _own_act_aim(verb: Any, finder: ArgumentFinder, cues: Any, exclude: set[int]) -> list[TokenActor]:
    """Whom a statement of intent is aimed at when it reports the speaker's own plan: the object of the act that a
    verb of intent frames in the reported clause, whose subject is a pronoun of the third person ("Kenya announced it
    planned to join the African Union", « le Mali a annoncé qu'il comptait rejoindre la CEDEAO »). Not a place."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        subjects = [c for c in clause.children if c.dep_ in SUBJECT]
        personal = len(subjects) == 1 and subjects[0].pos_ == "PRON" and "3" in subjects[0].morph.get("Person")
        if not personal or finder.actors_in(subjects[0]):
            continue
        if clause.lemma_.lower() not in cues.intent:
            continue  # "said he expects no turmoil between Austria and Hungary": no act of its own
        for act in (c for c in clause.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            aimed, how = finder.verb_targets(act, exclude=exclude)
            if how in ("object", "oblique") and not any(a.mention.kind in ("place", "capital", "region") for a in aimed):
                return aimed
    return []


def _own_country(actor: TokenActor, sources: list[TokenActor]) -> bool:
    """The actor names, as a bare country, the country of an actor of that country that acts: the United States that
    "President Trump withdrew from a treaty"."""
    mention = actor.mention
    return (
        bool(mention.country)
        and mention.code == mention.country
        and any(a.mention.country == mention.country and a.mention.code != mention.code for a in sources)
    )


def _given(actor: TokenActor, verb: Any, pattern: Pattern) -> bool:
    """Aid given (07) whose object is what the pattern says is given: what is sent, not who receives it ("sent troops
    to Mali": the troops go to Mali)."""
    head = verb.doc[actor.head]
    return pattern.cameo[:2] == "07" and head.dep_ in ("obj", "dobj") and head.head.i == verb.i and head.lemma_.lower() in pattern.objects


def _possessed(actor: TokenActor, doc: Any) -> bool:
    """The actor's phrase has a possessive determiner: "his cabinet", « son gouvernement » (its owner's own body)."""
    return any(c.dep_ in ("poss", "nmod:poss") or "Yes" in c.morph.get("Poss") for c in doc[actor.head].children)


# intending, consulting, cooperating, yielding: acts whose object may name a partner "with" whom they are done
_COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "08"})


def _object_partners(verb: Any, finder: ArgumentFinder, cues: Any, exclude: set[int]) -> list[TokenActor]:
    """The partner an object noun names with a preposition of company: "signed a trade deal with Kenya", « soumettre
    un accord avec le Hezbollah »: the deal is with Kenya, so the act is toward Kenya."""
    for obj in (c for c in verb.children if c.dep_ in ("obj", "dobj")):
        nouns = [obj] + [c for c in obj.children if c.dep_ == "nmod" and preposition_of(c) in finder.actor_of]
        for child in (c for noun in nouns for c in noun.children):
            if child.dep_ in ("prep", "nmod") and preposition_of(child) in cues.comitative:
                actors = [a for a in finder.actors_in(child) if id(a) not in exclude]
                if actors:
                    return actors
    return []


def _aimed_by(noun: Any, finder: ArgumentFinder, cues: Any, exclude: set[int]) -> tuple[list[TokenActor], str]:
    """Whom a noun is aimed at by a participle of aiming that qualifies it ("sanctions targeting Russia", « des sanctions
    visant la Russie »): that participle's targets, and how they were found."""
    for aim in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in cues.aiming):
        aimed, how = finder.verb_targets(aim, exclude=exclude)
        if aimed:
            return aimed, how
    return [], "none"


# where an appeal or demand names what it asks for: its object, « appeler à … », "call for …"
_ASKED_DEPS = ("obj", "dobj", "obl:arg", "obl", "prep")


def _object_agents(verb: Any, finder: ArgumentFinder, exclude: set[int], deps: tuple[str, ...]) -> list[TokenActor]:
    """Who did (or is asked to do) what a criticism, rejection or appeal is about, when the phrase of the act names them
    with "by" / « par » ("condemned the killing of civilians by the army", « a dénoncé l'annexion de la Crimée par la
    Russie »)."""
    for obj in (c for c in verb.children if c.dep_ in deps):
        for child in obj.subtree:
            if child.dep_ in ("prep", "obl:agent", "nmod") and preposition_of(child) in AGENT_OF and not _in_clause(child, obj):
                actors = [a for a in finder.actors_in(child) if id(a) not in exclude]
                if actors:
                    return actors
    return []


def _in_clause(token: Any, top: Any) -> bool:
    """``token`` sits in a clause of its own below ``top`` (a verb between them)."""
    cur = token.head
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.pos_ in ("VERB", "AUX"):
            return True
        cur = cur.head
    return False


def _struck_city(actor: TokenActor) -> bool:
    """A capital named as a compound before an event noun ("a Kabul car bombing"), not as its possessor ("Moscow's
    strikes")."""
    return actor.mention.kind == "capital" and actor.dep == "compound"


def _aimed_at(noun: Any, finder: ArgumentFinder, cues: Any) -> list[TokenActor]:
    """Who an event noun aims at when the clause says so: "Abqaiq was the target of an attack", « Kiev est la cible de
    frappes russes » (the subject of the copula whose predicate is the noun's "target" or "victim")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head  # English hangs the noun on its preposition
    elif noun.dep_ != "nmod":
        return []
    if head.lemma_.lower() not in cues.victims or head.i == noun.i:
        return []
    clause = head.head if head.dep_ == "attr" else head  # "X was the target" (English) / « X est la cible » (French)
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
    return [a for c in subjects for a in finder.actors_in(c)]


def _noun_modifiers(trigger: Trigger, finder: ArgumentFinder, cues: Any) -> tuple[list[TokenActor], list[TokenActor], str, str]:
    """An event noun's source and target from its own modifiers, and its target from the clause that says whom it
    aims at."""
    tok = trigger.token
    sources, targets, source_how = finder.noun_arguments(tok, trigger.end, trigger.start)
    target_how = "modifier" if targets else "none"
    if sources and not targets and trigger.candidates[0].cameo[:2] in _FORCE_ROOTS and all(_struck_city(a) for a in sources):
        # "a Kabul car bombing", "the Kyiv strike": a capital before a use of force is where it struck, not who struck
        sources, targets, source_how, target_how = [], sources, "none", "modifier"
    if not targets:
        targets = _aimed_at(tok, finder, cues)
        target_how = "clause-subject" if targets else target_how
    if not targets:
        targets, _how = _aimed_by(tok, finder, cues, {id(a) for a in sources})  # « des sanctions visant la Russie »
        target_how = "modifier" if targets else target_how
    if not sources and not targets:
        sides = _opposed_sides(tok, finder, cues)
        if len({a.mention.code for a in sides}) > 1:
            sources, source_how = sides, "subject"  # each side toward the other (a mutual act)
    return sources, targets, source_how, target_how


def _fought_by_doer(noun: Any, sources: list[TokenActor], finder: ArgumentFinder) -> list[TokenActor]:
    """Whom an act of force is aimed at when a relative clause on its doer (or on the act) says whom the doer fights:
    "airstrikes by the army, which has waged a war against the rebels", « les bombardements de l'armée, qui poursuit
    son offensive contre les rebelles »: the phrase of « contre » / "against" in that clause, or in its object."""
    doc = noun.doc
    heads = [noun] + [doc[a.head] for a in sources]
    clauses = [c for h in heads for c in h.children if c.dep_ in ("acl:relcl", "relcl") and _relative_subject(c)]
    exclude = {id(a) for a in sources}
    for clause in clauses:
        phrases = [c for c in clause.children if c.dep_ not in SUBJECT]
        phrases += [g for c in clause.children if c.dep_ in ("obj", "dobj") for g in c.children]
        for phrase in phrases:
            if preposition_of(phrase) in AGAINST:
                actors = [a for a in finder.actors_in(phrase) if id(a) not in exclude and a.mention.code]
                if actors:
                    return actors
    return []


def _opposed_sides(noun: Any, finder: ArgumentFinder, cues: Any) -> list[TokenActor]:
    """The sides a verb of opposing sets against each other in an event noun's clause: « des tirs opposent l'Inde
    et le Pakistan », « les combats opposant l'armée aux jihadistes »."""
    verb = noun.head if noun.dep_ in ("nsubj", "nsubj:pass") and noun.head.lemma_.lower() in cues.opposing else None
    verb = verb or next((c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in cues.opposing), None)
    if verb is None:
        return []
    sides: list[TokenActor] = []
    for obj in (c for c in verb.children if c.dep_ in ("obj", "dobj")):
        for tok in obj.subtree:
            actor = finder.at.get(tok.i)
            if actor is not None and actor not in sides:
                sides.append(actor)
    return sides


def _noun_arguments(trigger: Trigger, finder: ArgumentFinder, cues: Any) -> _Arguments | str:
    """Who does what an event noun names and to whom, or why it reports no act."""
    tok = trigger.token
    sources, targets, source_how, target_how = _noun_modifiers(trigger, finder, cues)
    casualty = _act_verb(tok, trigger, cues)
    # words arrive from who says them ("condemnation came from Washington"); "the attacks came from Yemen" says where
    spoken = trigger.candidates[0].cameo[:2] <= "13" and trigger.candidates[0].cameo != "010"  # "statements of X": X is
    arrived = _arrived_from(tok, finder, cues) if spoken and not sources else []
    if arrived:
        return arrived, targets, "modifier", target_how  # "condemnation came from Washington": by whom it came from
    if not sources:
        # "une attaque imputée à des jihadistes", "an attack blamed on Houthi rebels": whom it is attributed to
        attributed = [c for c in tok.children if c.dep_ in ("acl", "amod") and c.lemma_.lower() in cues.attribution]
        sources = [a for c in attributed for g in c.children if g.dep_ not in AGENT for a in finder.actors_in(g)]
        source_how = "attributed" if sources else source_how
    if casualty is not None:
        # "five civilians were killed in a Russian air strike": the strike is the act, its victims those killed
        if not sources:  # "dozens died in the attack, reportedly conducted by the Taliban": the parser hangs it on the verb
            agents = [g for c in casualty.children if c.dep_ in ("advcl", "acl") for g in c.children if g.dep_ in AGENT]
            sources = [a for g in agents for a in finder.actors_in(g)]
            source_how = "agent" if sources else source_how
        victims, _how = finder.verb_targets(casualty, exclude={id(a) for a in sources})
        if not victims:
            victims, _how = finder.verb_source(casualty)  # "two soldiers died in the attack"
        victims = [v for v in victims if not (v.start <= tok.i < v.end)]
        countries = {a.mention.country for a in sources if a.mention.country}
        defaulted = all(v.mention.kind in ("anonymous", "role") and v.mention.country in countries for v in victims)
        if victims and not (targets and defaulted):  # "civilians" took the striker's country by default: "on Kharkiv" says
            targets, target_how = victims, "casualty"
    elif sources and trigger.candidates[0].cameo[:2] in ("11", "12"):
        # "despite criticism by the Greek foreign minister": whoever criticised or rejected is reported, even aside;
        # in an adjunct it aims at whoever does what the clause says ("Erdogan announced it despite criticism by X")
        governor = _governing_verb(tok) if not targets and _in_background(tok, cues) else None
        if governor is not None:
            doers, how = finder.verb_source(governor)
            targets = [a for a in doers if a not in sources] if how in ("subject", "pronoun", "previous") else []
            target_how = "clause-subject" if targets else target_how
    elif _in_background(tok, cues):
        return "background event noun"  # "après les combats"
    elif _adjunct(tok, cues):
        return "event noun in an adjunct or another noun's complement: circumstance"  # "in last night's attack"
    if _counted(tok, cues):
        return "counted or measured: a summary, not an act"  # "quatorze mois d'affrontements"
    if _inside_name(tok, finder):
        return "part of a name"  # "Organisation de libération de la Palestine"
    if _has_demonstrative(tok, cues) and source_how != "agent":
        return "demonstrative: already reported"  # "ces exercices"
    governor = _governing_verb(tok)
    if all(p.cameo[:2] == "01" for p in trigger.candidates) and (governor is None or governor.lemma_.lower() not in cues.light):
        return "statement noun"  # "les déclarations occidentales"
    undergone = governor is not None and tok.dep_ in ("obj", "dobj") and governor.lemma_.lower() in cues.undergo
    if undergone:
        # "the strikes drew criticism from France", "Israël a essuyé les critiques de Paris": the verb's subject
        # undergoes the act; the noun's complement, or the verb's "from", names who acts
        if not sources:
            sources = [a for c in governor.children if preposition_of(c) in cues.undergo_from for a in finder.actors_in(c)]  # type: ignore[union-attr]
            source_how = "modifier" if sources else "none"
        undergoer, _ = finder.verb_source(governor)
        if undergoer and not targets:
            targets, target_how = undergoer, "undergoer"
    if not sources and not undergone and casualty is None and tok.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass") and governor is not None:
        sources, _how = finder.verb_source(governor)
        source_how = "governor" if sources else "none"
        if not targets:
            exclude = {id(a) for a in sources}
            targets, target_how = finder.verb_targets(governor, exclude=exclude)
            targets = [t for t in targets if not (t.start <= tok.i < t.end)]
    placed = all(t.mention.kind in ("place", "capital") for t in targets) and tok.head.lemma_.lower() in cues.casualty
    if (placed or not targets) and _outcome_subject(tok, trigger):
        # "twin bombings struck the cathedral", "l'attaque a tué douze soldats": an act of force that is the subject
        # of its outcome hits what that verb hits ("a bombing near Samarra killed a soldier": not the place)
        hit, how = finder.verb_targets(tok.head, exclude={id(a) for a in sources})
        if any(a.mention.kind != "anonymous" for a in hit) or not targets:  # "killed twelve people": still Baghdad
            targets, target_how = hit, how
    return _implied_sides_of_noun(trigger, finder, cues, (sources, targets, source_how, target_how))


def _implied_sides_of_noun(trigger: Trigger, finder: ArgumentFinder, cues: Any, found: _Arguments) -> _Arguments:
    """What an event noun's clause implies once its own words are read: whom its doer fights, by a relative clause
    (« les frappes de l'armée, qui mène une guerre contre X »); who holds a protest no one is named for."""
    sources, targets, source_how, target_how = found
    if sources and not targets and trigger.candidates[0].cameo[:2] in _FORCE_ROOTS:
        targets = _fought_by_doer(trigger.token, sources, finder)
        target_how = "relative" if targets else target_how
    if not sources:
        sources, government = _implied_protesters(trigger, finder, cues)
        source_how = "implied" if sources else source_how
        if government and not targets:
            targets, target_how = government, "modifier"
    return sources, targets, source_how, target_how


def _implied_protesters(trigger: Trigger, finder: ArgumentFinder, cues: Any) -> tuple[list[TokenActor], list[TokenActor]]:
    """Who holds a protest no one is named for: the people of the place it is held in ("protests continued in
    Belgrade", « une manifestation s'est tenue à Niamey »), and, when its words say so ("anti-government"), against
    that place's government. Only a protest that is its clause's subject, in a clause that is not negated, with a
    place named in the sentence: "protests are not reported in Mosul" names none."""
    tok = trigger.token
    if any(p.cameo[:2] != "14" for p in trigger.candidates) or tok.dep_ not in SUBJECT + PASSIVE_SUBJECT or is_negated(tok.head, cues):
        return [], []
    if tok.pos_ == "PROPN" or (tok.i > tok.sent.start and not tok.is_lower):
        return [], []  # a name: "the ruling Democratic Rally hailed the deal" is a party
    sent = tok.sent
    places = [
        a for a in finder.actors
        if sent.start <= a.start < sent.end and a.mention.kind in ("country", "place", "capital") and a.mention.country
        and not a.mention.roles and not (a.start <= tok.i < a.end)
    ]  # fmt: skip
    place = min(places, key=lambda a: abs(a.start - tok.i), default=None)
    if place is None:
        return [], []
    country, index = place.mention.country or "", place.mention.sentence_index
    doc = tok.doc
    modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound")]
    before = [m for m in modifiers if m.i < tok.i]
    phrases = [doc[before[0].i : tok.i]] if before else []  # "anti - government" in three tokens
    phrases += [doc[m.i : m.i + 1] for m in modifiers if m.i > tok.i]  # « antigouvernementale »
    against = next((span for span in phrases if span.text.lower().replace(" ", "") in cues.against_government), None)
    protesters = _implied_actor(doc[tok.i : tok.i + 1], finder, country, "CVL", index)
    return [protesters], ([_implied_actor(against, finder, country, "GOV", index)] if against is not None else [])


def _implied_actor(span: Any, finder: ArgumentFinder, country: str, role: str, sentence_index: int) -> TokenActor:
    """An actor the sentence implies without naming it, spoken for by ``span`` (the words of the act that implies it:
    "protests", "arrested"): the ``role`` of ``country``, marked as inferred from context."""
    mention = ActorMention(
        text=span.text, start=finder.offset + span.start_char, end=finder.offset + span.end_char,
        sentence_index=sentence_index, code=country + role, country=country, roles=[role],
        name="inferred from context", kind="role",
    )  # fmt: skip
    return TokenActor(mention, span.start, span.end, span.root.i, dep=span.root.dep_)


def _claimed_by_doer(trigger: Trigger, code: str, sources: list[TokenActor], finder: ArgumentFinder, cues: Any) -> bool:
    """An armed group saying it did an act of force that is done: a claim of responsibility (CAMEO 015), "the Houthis
    said they had carried out the attack", « les talibans ont affirmé avoir mené l'attaque ». A state's forces reporting
    their own strikes keep the strike."""
    if code[:2] not in _FORCE_ROOTS or not sources or not all("REB" in a.mention.roles for a in sources):
        return False
    verb = trigger.token if trigger.kind == "verb" else _governing_verb(trigger.token)
    if verb is None or verb.dep_ not in ("ccomp", "xcomp") or verb.head.lemma_.lower() not in cues.speech:
        return False
    if "Past" not in verb.morph.get("Tense"):
        return False  # "had carried out", « avoir mené »: done; "would attack": not
    own = verb.dep_ == "xcomp" or any(c.dep_ in SUBJECT and c.pos_ == "PRON" for c in verb.children)
    speakers, _how = finder.verb_source(verb.head)  # "it", "they", « avoir mené »: the speakers themselves
    return own and bool(speakers) and {a.mention.code for a in speakers} == {a.mention.code for a in sources}


# Arresting (173) and controlling a crowd (175): acts of a state's police on its people, whichever side is not named
_POLICING = frozenset({"173", "175"})
_STATE_ROLES = frozenset({"COP", "GOV", "MIL", "JUD", "SPY"})


def _implied_sides(
    trigger: Trigger, code: str, found: tuple[list[TokenActor], list[TokenActor]], finder: ArgumentFinder
) -> tuple[list[TokenActor], list[TokenActor], str]:
    """The side an arrest or a crowd's dispersal leaves unnamed, when the sentence names one country only: the people
    of the state whose police acts ("police fired tear gas", « huit nouvelles interpellations » by a ministry), or the
    police of the people arrested ("several protesters were arrested"); and the role implied ("" for none)."""
    sources, targets = found
    if code[:3] not in _POLICING or bool(sources) == bool(targets):
        return sources, targets, ""
    tok, sent = trigger.token, trigger.token.sent
    named = sources or targets
    countries = {a.mention.country for a in finder.actors if sent.start <= a.start < sent.end and a.mention.country}
    countries |= {a.mention.country for a in named if a.mention.country}  # "we" resolved to a speaker named before
    if len(countries) != 1 or not all(a.mention.code for a in named):
        return sources, targets, ""
    if sources and not all(set(a.mention.roles) & _STATE_ROLES for a in sources):
        return sources, targets, ""
    if targets and (trigger.kind != "verb" or not is_passive(tok)):
        return sources, targets, ""  # "were arrested": the passive of the act leaves its doer out
    role = "CVL" if sources else "COP"
    implied = [_implied_actor(tok.doc[tok.i : tok.i + 1], finder, next(iter(countries)), role, named[0].mention.sentence_index)]
    return (sources, implied, role) if sources else (implied, targets, role)


def _arrived_from(noun: Any, finder: ArgumentFinder, cues: Any) -> list[TokenActor]:
    """Who an event noun that comes from someone is by: "condemnation came from Washington", "statements of
    condemnation have come from the UN", "messages of condolence poured in from Germany", « les condamnations sont
    venues de Paris ». The noun (or the noun it completes) is the subject of a verb of arrival (cue ``arrival``)."""
    holder = noun
    if noun.dep_ in ("pobj", "nmod") and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        holder = noun.head.head  # "statements of condemnation"
    elif noun.dep_ == "nmod" and noun.head.pos_ == "NOUN":
        holder = noun.head  # « des messages de condoléances »
    if holder.dep_ not in SUBJECT + PASSIVE_SUBJECT or holder.head.lemma_.lower() not in cues.arrival:
        return []
    verb = holder.head
    return [
        a for c in verb.children
        if c.dep_ in ("prep", "obl", "obl:arg", "obl:mod") and preposition_of(c) in cues.undergo_from
        for a in finder.actors_in(c)
    ]  # fmt: skip


def _armed(verb: Any, sources: list[TokenActor], cues: Any) -> list[TokenActor]:
    """A weapon or craft that acts is its side's military: the country of "des missiles russes ont frappé Kiev",
    "Russian warplanes bombed" is the source as RUSMIL. Only the subject: weapons sent or bought are objects, not actors."""
    weapon = _weapon_subject(verb, cues)
    if weapon is None:
        return sources
    span = {t.i for t in weapon.subtree}
    out = []
    for actor in sources:
        mention = actor.mention
        if actor.head in span and mention.kind in ("country", "demonym") and not mention.roles and mention.code == mention.country:
            mention = replace(mention, code=f"{mention.code}MIL", roles=["MIL"])
            actor = replace(actor, mention=mention)
        out.append(actor)
    return out


def _natural_cause(tok: Any, cues: Any) -> bool:
    """What does the harm is a disease, a storm, a fire or an accident, not anyone (cue ``causes``): "the virus had
    killed 813", "Typhoon Phanfone made landfall, killing 20", "the tremor damaged 143 buildings", "died after a battle
    with cancer", « le séisme a fait 300 morts ». Its subject (or a clause's it hangs on), its agent, or a "with" of an
    event noun names it."""

    def causes(phrase: Any) -> bool:
        # the phrase's head is nominal whatever its tag ("staff layoffs forced closures": "layoffs" tagged as a verb)
        return any(
            t.lemma_.lower() in cues.causes or t.lower_ in cues.causes
            for t in (phrase, *phrase.children)
            if t.pos_ in ("NOUN", "PROPN") or (t is phrase and t.dep_ in SUBJECT)
        )

    cur = tok
    for _ in range(3):
        for child in cur.children:
            if child.dep_ in SUBJECT or child.dep_ in AGENT:  # not a passive subject: "was killed" names the victim
                phrase = next((g for g in child.children if g.dep_ == "pobj"), child) if child.dep_ in AGENT else child
                if "Rel" in phrase.morph.get("PronType") and cur.dep_ in ("relcl", "acl:relcl"):
                    phrase = cur.head  # "the measles outbreak that had killed 83": the noun the clause is about
                return causes(phrase)
            noun_complement = cur is tok and tok.pos_ == "NOUN" and child.dep_ in ("prep", "nmod")
            if noun_complement and causes(phrase_noun(child)):
                return True  # "a battle with cancer"
        if cur.dep_ not in ("advcl", "conj", "xcomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _uncoded_agent(verb: Any, finder: ArgumentFinder, cues: Any) -> bool:
    """The passive names its doer and the doer is no political actor ("was killed by his lions", "frappé par la
    violence"); a weapon doer still stands for an unnamed side ("attaquée par des drones")."""
    for agent in (c for c in verb.children if c.dep_ in AGENT):
        noun = next((g for g in agent.children if g.dep_ == "pobj"), agent)
        armed = any(t.lemma_.lower() in cues.weapons for t in noun.subtree)  # "an improvised explosive device"
        if noun.pos_ in ("NOUN", "PROPN") and not armed and not finder.actors_in(agent):
            return True
    return False


def _act_verb(noun: Any, trigger: Trigger, cues: Any) -> Any | None:
    """The verb that reports the act an event noun names, from the side of those it hit: "were killed in a Russian
    air strike" (:func:`_casualty_of`), "were hit by drone strikes" (:func:`_struck_by`); else None."""
    return _casualty_of(noun, cues) or _struck_by(noun, trigger)


def _struck_by(noun: Any, trigger: Trigger) -> Any | None:
    """The passive verb whose doer an act of force is ("were hit by drone strikes", « a été visée par une attaque »):
    the noun is the act, on the verb's subject; else None."""
    if trigger.candidates[0].cameo[:2] not in _UNKNOWN_SOURCE_ROOTS:
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "agent" and head.head.i != head.i:
        return head.head
    if head.i == noun.i or not is_verbal(head):
        return None
    if noun.dep_ == "obl:agent":
        return head
    return head if is_passive(head) and noun.dep_ in ("obl", "obl:mod") and preposition_of(noun) in AGENT_OF else None


def _counted_object(verb: Any, cues: Any) -> bool:
    """A verb whose object is counted in hundreds or thousands over a period ("has fired thousands of drones since the
    war began", « a tiré des milliers de drones depuis le début de la guerre ») sums up many acts: a statistic."""
    counted = any(
        c.dep_ in ("obj", "dobj", *PASSIVE_SUBJECT) and (c.lemma_.lower() in cues.quantity or _hundreds(c)) for c in verb.children
    )  # "more than 1000 people have been arrested since June"
    return counted and any(t.lower_ in cues.period for t in verb.subtree)


def _hundreds(noun: Any) -> bool:
    """The noun is counted in figures of a hundred or more ("1000 people", "1,200 protesters")."""
    for c in noun.children:
        figure = c.text.replace(",", "").replace(".", "")
        if c.dep_ == "nummod" and figure.isdigit() and int(figure) >= 100:
            return True
    return False


def _reports_words(verb: Any) -> bool:
    """A speech verb that reports words: a complement clause, an incise of them, or a quote in its sentence."""
    if verb.dep_ == "parataxis" or any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return True
    return any(t.text in QUOTE_MARKS for t in verb.sent)


def _orders_a_thing(verb: Any, cues: Any) -> bool:
    """An ordering verb with a thing ordered and no one told to act ("ordered three days of mourning", "had ordered
    safety checks"): a decision of the orderer's own, no demand (10) on anyone. "Ordered the army to withdraw" and
    « a ordonné à l'armée de se retirer » name whom they order."""
    if verb.lemma_.lower() not in cues.order:
        return False
    return not any(c.dep_ in ("xcomp", "ccomp", "iobj", "dative", "obl:arg") for c in verb.children)


def _casualty_of(noun: Any, cues: Any) -> Any | None:
    """The verb of being killed or hurt whose means an event noun names ("were killed in a Russian air strike",
    « ont été tués lors de la frappe conduite par l'armée », "died in the attack"), when that verb names no one
    who did it (no agent, no object); else None."""
    head = noun.head
    if noun.dep_ == "pobj":  # English hangs the noun on its preposition
        if head.dep_ != "prep" or head.head.i == head.i:
            return None
        head = head.head
    elif noun.dep_ not in ("obl", "obl:mod", "obl:arg"):
        return None
    if head.pos_ == "ADV" and head.dep_ == "advmod":
        head = head.head  # « tués lors de la frappe »: the parser hangs the noun on « lors »
    if head.i == noun.i or head.lemma_.lower() not in cues.casualty or not is_verbal(head):
        return None
    if any(c.dep_ in AGENT or c.dep_ in ("obj", "dobj") for c in head.children):
        return None  # "killed by a sniper", "killed five soldiers in an ambush": the verb names who did it
    return head


def _outcome_subject(noun: Any, trigger: Trigger) -> bool:
    """An act of force named by the subject of a verb with an object: "the attack killed twelve soldiers"."""
    if noun.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass") or noun.head.i == noun.i:
        return False
    force = trigger.candidates[0].cameo[:2] in _UNKNOWN_SOURCE_ROOTS
    return force and any(c.dep_ in ("obj", "dobj") for c in noun.head.children)


def _weapon_subject(verb: Any, cues: Any) -> Any:
    """The verb's subject when it is a weapon or craft ("Russian missiles hit Kyiv"), else None."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.lemma_.lower() in cues.weapons), None)
