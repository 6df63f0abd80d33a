"""How the acts of one sentence frame each other: statements that report, accuse, threaten, condemn or announce
an intent; acts embedded under another; obligations, naming and quoted judgements."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ..actors import TokenActor, phrase_noun, preposition_of
from .arguments import CLOSING_MARKS, FIRST_PERSON, PASSIVE_SUBJECT, QUOTE_MARKS, SUBJECT, ArgumentFinder, is_passive, quote_open, speaks
from .clauses import (
    _copula_holder,
    _copula_subject,
    _did_not_happen,
    _governing_verb,
    _in_complement,
    _negated_act,
    _past_infinitive,
    _reporting_verb,
    _reports,
    _side,
)
from .draft import (
    _CONTENT_ROOTS,
    _GENERIC_FORCE,
    _JUDGEMENT_PATTERN,
    _NAMING_PATTERN,
    _OWN_STATEMENTS,
    ALLEGATION,
    CRITICISM,
    INTENT,
    THREAT,
    _Draft,
)
from .modality import demand_code, intent_code, is_condition, is_hypothetical, is_irrealis, is_negated, threat_code
from .triggers import Trigger, governs, is_verbal


def _frame_by_governor(drafts: list[_Draft], by_token: dict[int, _Draft], cues: Any) -> None:
    """Framing by a governing verb: intent ("envisage d'envoyer"), threat ("threatened to strike")."""
    for draft in drafts:
        tok = draft.trigger.token
        governor = tok.head if tok.dep_ in ("xcomp", "obj", "ccomp") else None
        if draft.trigger.kind == "noun":
            governor = _governing_verb(tok)
        if governor is None or governor.i == tok.i:
            continue
        if draft.trigger.kind == "noun" and governor.i in by_token and by_token[governor.i].pattern.objects:
            continue  # "threatened Poland with retaliation": the verb expression codes it
        glemma = governor.lemma_.lower()
        if glemma in cues.threat and draft.code[:2] not in ("13",):
            draft.code = threat_code(draft.code)
            draft.wrappers.append("threat")
            draft.span = (min(draft.span[0], governor.i), max(draft.span[1], governor.i + 1))
            _absorb(by_token, governor.i)
        elif glemma in cues.intent and tok.dep_ in ("xcomp", "obj", "obl:arg") and not _past_infinitive(tok, cues):
            draft.code = intent_code(draft.code)
            draft.hypothetical = draft.code[:2] not in ("03",)
            draft.wrappers.append("intent")
            draft.span = (min(draft.span[0], governor.i), max(draft.span[1], governor.i + 1))
            _absorb(by_token, governor.i)


def _frame_obligations(drafts: list[_Draft], by_token: dict[int, _Draft], finder: ArgumentFinder, cues: Any) -> None:
    """Obligation reported by someone else: "X a déclaré que Y devait coopérer" is X's demand on Y."""
    for draft in drafts:
        tok = draft.trigger.token
        modal = tok.head if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in cues.obligation else None
        if modal is None and any(c.dep_ == "aux" and c.lemma_.lower() in cues.obligation_aux for c in tok.children):
            modal = tok  # English "X must stop": the modal is an auxiliary of the act
        if modal is None:
            continue
        obliged = {id(a) for a in draft.sources}
        speakers: list[TokenActor] = []
        speaker = _reporting_verb(modal, cues)
        candidates = [speaker] if speaker is not None else []
        candidates += [a for a in list(modal.ancestors)[:4] if is_verbal(a) and a is not speaker]
        for candidate in candidates:
            # the speaker is whoever governs the obligation: "said that", "issued a reminder that", "concluded that"
            found, _how = finder.verb_source(candidate)
            found = [a for a in (found or finder.inverted_subject(candidate)) if id(a) not in obliged]
            if found:
                speaker, speakers = candidate, found
                break
        if not speakers and not candidates:
            # '"... If they want calm, they must withdraw their fleets."' after X spoke: the quotation's speaker demands
            speaker, speakers = modal, [a for a in _quotation_speakers(tok.sent, finder, cues) if id(a) not in obliged]
        if speakers and speaker is not None:
            draft.targets, draft.target_how = list(draft.sources), "clause-subject"
            draft.sources, draft.source_how = speakers, "subject"
            if _perfect_after_modal(tok):
                # "said Britain should have warned its allies", "must have known": what was owed and not done, or what
                # the speaker infers, reproaches; nothing is demanded
                draft.code = CRITICISM
                draft.wrappers.append("reproach")
            else:
                draft.code = demand_code(draft.code)
                draft.wrappers.append("obligation")
            if speaker.i != tok.i:
                _absorb(by_token, speaker.i)


def _perfect_after_modal(act: Any) -> bool:
    """The act after a modal of obligation is a perfect ("should have warned", "must have known"): an active past
    participle with its auxiliaries, no passive."""
    return "Part" in act.morph.get("VerbForm") and "Past" in act.morph.get("Tense") and not is_passive(act)


def owed_act(clause: Any, cues: Any) -> Any | None:
    """The act a reported clause says is owed: the infinitive of a verb of obligation (« doit partir », "has to
    leave") or the clause's own verb under a modal of obligation ("must leave"); None when the clause states no
    obligation, or a perfect ("must have known": what the speaker infers, not what they ask)."""
    if clause.lemma_.lower() in cues.obligation:
        act = next((c for c in clause.children if c.dep_ == "xcomp"), None)  # "has a duty", « doit de l'argent »: none
    elif any(c.dep_ == "aux" and c.lemma_.lower() in cues.obligation_aux for c in clause.children):
        act = clause
    else:
        return None
    return None if act is None or _perfect_after_modal(act) else act


def _quotation_speakers(sent: Any, finder: ArgumentFinder, cues: Any) -> list[TokenActor]:
    """Who speaks a sentence of quoted words with no speech verb of its own: the speaker of the sentence before."""
    if not _all_quoted(sent) or any(speaks(t, cues.speech) for t in sent):
        return []
    return [a for a in finder.quote_speaker(sent) or finder.speaker_before_quotes(sent, _all_quoted) if a.mention.code]


def _absorb_embedded(drafts: list[_Draft], by_token: dict[int, _Draft], cues: Any) -> None:
    """One act, one event: what a verbal act is about, and the light or ordering verb of an event noun, are not
    events of their own."""
    # Verbal acts absorb what they are about: the content of a threat, demand, appeal, refusal
    # or accusation ("a refusé de déployer", "exige que le gouvernement fournisse") is not a second event.
    for draft in drafts:
        if draft.code[:2] in _CONTENT_ROOTS and not draft.absorbed and _alleges_agentless(draft, drafts, cues):
            continue
        if draft.code[:2] in _CONTENT_ROOTS:
            for other in drafts:
                if (
                    other is not draft
                    and _in_complement(draft.trigger.token, other.trigger.token, noun=draft.trigger.kind == "noun")
                    and not {"threat", "intent", "obligation"} & set(other.wrappers)
                ):
                    other.absorbed = True
        elif draft.code in _OWN_STATEMENTS:
            for other in drafts:  # "denied the accusation": the noun is what is denied, not an accusation of its own
                if other is not draft and other.trigger.kind == "noun" and governs(draft.trigger.token, other.trigger.token):
                    other.absorbed = True
    # Light and ordering verbs: the event noun carries the act, the verb's own pattern yields.
    for draft in drafts:
        if draft.trigger.kind != "noun" or draft.absorbed:
            continue
        head = by_token.get(draft.trigger.token.head.i)
        if draft.trigger.token.dep_ in PASSIVE_SUBJECT and head is not None and head.pattern.objects and head.code[:2] != "01":
            draft.absorbed = True  # « le blocus de Gaza a été levé »: the noun is what the verb's act is about
            continue
        governor = _governing_verb(draft.trigger.token)
        if governor is not None and governor.i in by_token:
            outer = by_token[governor.i]
            glemma = governor.lemma_.lower()
            if outer.code in _OWN_STATEMENTS:
                draft.absorbed = True
            elif outer.pattern.objects and outer.code[:2] != "01":
                if (
                    outer.code[:2] in ("18", "19", "20")
                    and draft.code[:2] in ("18", "19", "20")
                    and ((outer.code in _GENERIC_FORCE and draft.code not in _GENERIC_FORCE) or len(draft.code) > len(outer.code))
                ):
                    outer.code = draft.code  # "carried out a suicide attack": the noun names the act more precisely
                draft.absorbed = True  # "exprimer son mécontentement", "signer un accord de coopération": the expression says it
            elif (
                draft.trigger.token.dep_ in ("obj", "dobj") and outer.code[:2] != "01"
                and not ({glemma} & (cues.light | cues.order | cues.undergo))
            ):  # fmt: skip
                draft.absorbed = True  # "violated a ban": the verb's act is reported, the noun is what it is about
            elif outer.code == "010" and glemma in cues.naming and draft.trigger.token.dep_ in ("obj", "dobj"):
                draft.absorbed = True  # « a qualifié la trêve de victoire »: what is named is talked about, not done
            elif (draft.trigger.token.head.i == governor.i or draft.trigger.token.dep_ == "compound") and (
                governor.lemma_.lower() in cues.order or governor.lemma_.lower() in cues.light or outer.code[:2] == "01"
            ):
                outer.absorbed = True  # "mener des frappes": the noun carries the act
    # "manœuvres ordonnées par Poutine": the ordering participle yields to the event noun it modifies.
    for draft in drafts:
        tok = draft.trigger.token
        if (
            draft.trigger.kind == "verb"
            and tok.dep_ in ("acl", "amod")
            and tok.head.i in by_token
            and by_token[tok.head.i].trigger.kind == "noun"
        ) and (tok.lemma_.lower() in cues.order or tok.lemma_.lower() in cues.light):
            draft.absorbed = True


def _alleges_agentless(draft: _Draft, drafts: list[_Draft], cues: Any) -> bool:
    """An allegation whose clause tells a passive act accuses its agent, never its patient. With no agent ("his aides
    alleged he was poisoned") it accuses no one: the act alleged (no one -> the patient) is what is reported. True
    (and the allegation absorbed) in that case."""
    verb = draft.trigger.token
    if draft.trigger.kind != "verb" or verb.lemma_.lower() not in cues.allegation:
        return False
    told = [o for o in drafts if o is not draft and not o.absorbed and _in_complement(verb, o.trigger.token)]
    if not told or any(o.trigger.kind != "verb" or not is_passive(o.trigger.token) for o in told):
        return False
    doers = [a for o in told for a in o.sources if o.source_how == "agent" and a.mention.code and a not in draft.sources]
    if doers:
        # "alleged the reporter was abducted by the police": the agent is the accused, not the patient
        draft.targets, draft.target_how = doers, "alleged"
        return False
    if any(o.sources for o in told):
        return False
    draft.absorbed = True
    for other in told:
        other.reported = True
    return True


def _frame_speech(drafts: list[_Draft], triggers: list[Trigger], finder: ArgumentFinder, cues: Any) -> None:
    """Speech verbs report: their own 01x event is coded only when they report nothing else. What they report is
    an act in their complement, or the clause they are an incise of ("..., ont annoncé les autorités"); an act
    whose actors the dictionary does not know still makes the statement a report, not a 010. A claim accuses."""
    for draft in drafts:
        if draft.code[:2] != "01" or draft.trigger.token.lemma_.lower() not in cues.speech:
            continue
        if draft.code in _OWN_STATEMENTS:
            continue  # "acknowledged it had shot down", "claimed responsibility for the attacks": an act of its own
        speech = draft.trigger.token
        inner = [o for o in drafts if o is not draft and not o.absorbed and o.code[:2] != "01" and _tells(speech, o, cues)]
        predicate = _condemning_predicate(speech, cues) if draft.code == "010" else None
        if predicate is not None:
            # "said the withdrawal was a betrayal", « a déclaré que le retrait était une trahison »: the statement
            # condemns what its clause's subject names; that act is what is criticised, not a new event
            subject = _copula_subject(predicate)
            named = {t.i for t in subject.subtree} if subject is not None else set()
            judged = [o for o in inner if o.trigger.token.i in named or o.trigger.token.i == predicate.i]
            criticised = [a for a in finder.actors if a.head in named and a.mention.code and a not in draft.sources]
            criticised = criticised or [a for o in judged for a in o.sources if a not in draft.sources]
            for other in judged:
                other.absorbed = True
            draft.code = CRITICISM
            draft.wrappers.append("criticism")
            if not draft.targets:
                draft.targets, draft.target_how = criticised[:1], "criticised"
            continue
        if draft.code == "010" and _recast_as_own_act(speech, draft, inner, drafts, triggers, finder, cues):
            continue
        # what it reports did not happen ("said Egypt had not attacked the post"): the statement is what happened
        inner = [o for o in inner if not _did_not_happen(o.trigger.token, o.code, cues)]
        # nor did what another actor is said not to have done ("noted that parliament did not ratify the deal"): only
        # the doer's own words refuse
        undone = {o.trigger.token.i for o in inner if _undone_by_other(o, draft, cues)}
        inner = [o for o in inner if o.trigger.token.i not in undone]
        told_undone = {t.i for o in drafts if o.trigger.token.i in undone for t in o.trigger.token.subtree}
        reported_trigger = any(
            t.token.i != speech.i
            and t.token.i not in told_undone
            and t.candidates[0].cameo[:2] != "01"
            and _reports(speech, t.token)
            and not _did_not_happen(t.token, t.candidates[0].cameo, cues)
            for t in triggers
        )
        accused: list[TokenActor] = []
        if speech.lemma_.lower() in cues.allegation:
            accused = _alleged(draft, inner) if inner else _claimed_of(draft, finder)
        # the words condemn while the act they tell codes nothing ("when the mosque was attacked ..., Trump is acting
        # like a bully"): the condemnation is what is reported
        condemns = draft.code == "010" and not inner and _criticises(speech, draft, cues, real=reported_trigger)
        for other in drafts:
            if other.trigger.token.i in undone:
                other.absorbed = True
        if accused:
            # "X claimed Y attacked Z": X accuses Y; what is alleged is not coded as an act
            draft.code, draft.targets, draft.target_how = ALLEGATION, accused, "alleged"
            for other in inner:
                other.absorbed = True
        elif inner or (reported_trigger and not condemns):
            draft.absorbed = True
            for other in inner:
                other.reported = True
        elif condemns:
            # "called it a big mistake", « c'est un mensonge », a-t-il dit: a statement that condemns criticises (111)
            draft.code = CRITICISM
            draft.wrappers.append("criticism")
            if not draft.targets:
                draft.targets, draft.target_how = _criticised(speech, draft, finder, cues), "criticised"
        elif draft.code == "010" and _announces_own_plan(speech, draft, finder, cues):
            # "we will change the museum's name", « nous rouvrirons l'ambassade », "announced it planned to join the
            # bloc": what the speaker's side will do is an intent (030), not a bare statement
            draft.code = INTENT
            draft.wrappers.append("intent")
    _frame_reported_demands(drafts, finder, cues)


def _frame_reported_demands(drafts: list[_Draft], finder: ArgumentFinder, cues: Any) -> None:
    """A statement that reports no act, whose words say what someone other than the speaker must or should do, demands
    it (10x): "said foreign navies should leave the Gulf", "a statement which said the treaty must be respected",
    « a estimé que les occupants doivent partir ». The obliged are its target when the clause names them; the
    speaker's own duty ("we must help our allies") demands nothing of anyone."""
    for draft in drafts:
        if draft.code != "010" or draft.absorbed or draft.wrappers:
            continue
        for clause in _reported_clauses(draft, cues):
            obliged = _obliged(clause, draft, finder, cues)
            if obliged is not None:
                draft.code = demand_code(draft.code)
                draft.wrappers.append("demand")
                if not draft.targets:
                    draft.targets, draft.target_how = obliged, "clause-subject"
                break


def _reported_clauses(draft: _Draft, cues: Any) -> list[Any]:
    """The clauses a statement reports: its speech verb's complement or the quote it is the incise of, or what the
    statement noun it issues says ("released a statement which said ...", "a statement saying ..."); with the clauses
    coordinated to them."""
    tok = draft.trigger.token
    speech = [tok] if tok.lemma_.lower() in cues.speech else []
    nouns = [tok] if draft.trigger.kind == "noun" else [c for c in tok.children if c.dep_ in ("obj", "dobj")]
    speech += [c for noun in nouns for c in noun.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in cues.speech]
    clauses = [c for verb in speech for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if speech and tok.dep_ in ("parataxis", "dep") and tok.head.i < tok.i:
        clauses.append(tok.head)  # « ... », a déclaré le ministre: the incise hangs on the quote
    return clauses + [c for clause in clauses for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]


def _obliged(clause: Any, draft: _Draft, finder: ArgumentFinder, cues: Any) -> list[TokenActor] | None:
    """Who a reported clause says must or should act ("X must withdraw", « Y doit partir »): the coded actors its
    subject names (none when it names no known actor, or the clause is passive); None when the clause states no
    obligation, states the speaker's own (first person), is a condition, or is an inference ("must have known")."""
    if clause.pos_ not in ("VERB", "AUX") or is_condition(clause, cues) or owed_act(clause, cues) is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in SUBJECT + PASSIVE_SUBJECT), None)
    if subject is None or subject.lower_ in FIRST_PERSON or "1" in subject.morph.get("Person"):
        return None
    if subject.dep_ in PASSIVE_SUBJECT:
        return []
    return [a for a in finder.actors_in(subject) if a.mention.code and a not in draft.sources]


def _undone_by_other(act: _Draft, speech: _Draft, cues: Any) -> bool:
    """A cooperative act the statement says another actor did not do (a refusal only in its doer's own words)."""
    if not _negated_act(act.trigger.token, cues) or not act.sources or not speech.sources:
        return False
    speakers = {_side(a.mention.code) for a in speech.sources if a.mention.code}
    return bool(speakers) and all(a.mention.code and _side(a.mention.code) not in speakers for a in act.sources)


def _tells(speech: Any, draft: _Draft, cues: Any) -> bool:
    """The speech verb reports the act, or is the incise of a clause the act (with its doer) lies deeper in: « "les
    autorités ont résolu de lui ordonner de partir", a déclaré le ministère » reports the order, not a statement."""
    act = draft.trigger.token
    if _reports(speech, act):
        return True
    if not draft.sources:
        return False
    inverted = any(c.dep_ in SUBJECT and c.i > speech.i for c in speech.children)
    if not (speech.dep_ == "parataxis" or (speech.dep_ == "conj" and inverted)) or act.i > speech.i:
        return False
    path = [act]
    for above in act.ancestors:
        if above.i == speech.head.i:
            # « est disposée à aider si elle venait à être attaquée »: what may happen is not what it reports
            return not any(is_condition(t, cues) or is_hypothetical(t, cues) for t in path)
        path.append(above)
    return False


def _recast_as_own_act(
    speech: Any, draft: _Draft, inner: list[_Draft], drafts: list[_Draft], triggers: list[Trigger], finder: ArgumentFinder, cues: Any
) -> bool:
    """A statement (010) whose words make an act of their own becomes that act: a threat that an act will be answered,
    blame pinned on an actor, suspicion voiced of one, a rule said to be broken. True if it was recast."""
    unanswered = _not_left_unanswered(speech, draft, finder, cues)
    if unanswered is not None:
        # « l'attaque israélienne ne restera pas sans réponse », "will not go unanswered": a threat (130) at
        # whoever did what will be answered
        _recast(draft, inner, unanswered, THREAT, "threatened", "answer")
        return True
    acts = frozenset(t.token.i for t in triggers)
    hostile = frozenset(t.token.i for t in triggers if t.candidates[0].cameo[:2] >= _CONFLICT)
    blamed = _blamed(speech, draft, finder, cues, acts, hostile)
    if blamed is not None:
        # "said Hezbollah was behind the attack", « a affirmé que le Hezbollah était responsable de l'attaque »:
        # the statement accuses (112)
        _recast(draft, inner, blamed, ALLEGATION, "alleged", "pinned")
        return True
    suspected = _suspected(speech, draft, finder, cues, inner)
    if suspected:
        # « D'où nos soupçons sur le Rwanda », a insisté le ministre: voiced suspicion of an actor accuses it (112)
        draft.code, draft.targets, draft.target_how = ALLEGATION, suspected, "alleged"
        draft.wrappers.append("pinned")
        for other in drafts:  # the suspicion noun is the accusation's own word, not a second one
            if other is not draft and other.trigger.token.lemma_.lower() in cues.suspicion and other.trigger.token.sent == speech.sent:
                other.absorbed = True
        for other in inner:  # what is suspected ("suspicions fall on the support X got from Y") is its content
            other.absorbed = True
        return True
    contravened = _contravened(speech, draft.sources, finder, cues)
    if contravened is not None and all(o.trigger.token.i in contravened[1] for o in inner):
        # "said the deal goes against international law", « a estimé que le tir menaçait la paix »: the statement
        # accuses (112) or criticises (111) whoever the judged thing's words name
        targets, content, code = contravened
        _recast(draft, inner, (targets, content), code, "criticised", "contravention")
        return True
    return False


def _named_as(sent: Any, drafts: list[_Draft], finder: ArgumentFinder, cues: Any) -> list[_Draft]:
    """Naming that condemns: "called the deal a big mistake", "designated the IRGC as a terrorist organization",
    « a qualifié l'attaque d'acte terroriste » criticise (111) what they name, by the namer. Only when what it is named
    as is itself a word of condemnation (or has one as its adjective): "a plan to fight terrorism" names nothing.
    Also the judgements a sentence makes with no act of its own: displeasure at another's act, condemning slogans."""
    out: list[_Draft] = _displeased(sent, drafts, finder, cues) + _chanted(sent, finder, cues) + _attributed(sent, drafts, finder, cues)
    drafted = {d.trigger.token.i: d for d in drafts}
    for verb in sent:
        if verb.lemma_.lower() not in cues.naming or not is_verbal(verb):
            continue
        named = next((c for c in verb.children if c.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass")), None)
        predicates = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp") and (named is None or c.i != named.i)]
        # a second object after what is named is the name given (« ce qu'ils appellent une dérive », « a appelé cette
        # décision une erreur »: the parser makes both objects)
        predicates += [c for c in verb.children if c.dep_ in ("obj", "dobj") and named is not None and c.i > named.i]
        predicates += _apposed_name(named)
        predicates += [
            _named_object(c)
            for holder in (verb, named)
            if holder is not None
            for c in holder.children
            if c.dep_ in ("prep", "obl", "obl:arg", "obl:mod", "nmod") and preposition_of(c) in cues.naming_as
        ]
        condemning = [p for p in predicates if _condemns(p, cues.stigma | cues.criticism, cues.naming_as)]
        chained = _chained_name(named, cues) if named is not None and named.dep_ in ("obj", "dobj") else None
        if not condemning and chained is not None and _condemns(chained, cues.stigma | cues.criticism):
            condemning = [chained]  # « a qualifié la visite du président américain de provocation »
        if not condemning and verb.i not in drafted:
            out.extend(_judging_clause(verb, drafts, finder, cues))  # "deemed that the deal goes against the resolution"
        if not condemning:
            if predicates and named is not None and named.dep_ in ("obj", "dobj") and not drafted and not out:
                # "called the crisis the worst in the world": a naming that does not condemn is a statement (010),
                # when the sentence reports nothing else
                out.extend(_naming_statement(verb, finder))
            continue
        predicates = condemning
        if named is None:
            # « a parlé d'une provocation de l'Ukraine »: what is named is in the condemning words themselves
            named = predicates[0]
        draft = drafted.get(verb.i)
        sources, how = finder.verb_source(verb)
        targets = [a for a in finder.actors_in(named) if a not in sources]
        if draft is not None:
            # "described the strikes as ...": the statement criticises; "called the agreement illegal" names, it
            # does not call for an agreement (02x)
            if draft.code == "010" or draft.code[:2] == "02":
                draft.code, draft.wrappers = CRITICISM, [*draft.wrappers, "criticism"]
                draft.targets, draft.target_how = (targets, "named") if targets else (draft.targets, draft.target_how)
            continue
        if not sources:
            continue
        trigger = Trigger(verb, verb.i + 1, [_NAMING_PATTERN], "verb")
        out.append(
            _Draft(
                trigger,
                _NAMING_PATTERN,
                CRITICISM,
                sources,
                targets,
                how,
                "named" if targets else "none",
                (verb.i, verb.i + 1),
                "construction.naming",
            )
        )
        out[-1].wrappers.append("criticism")
    return out


_DISAPPROVAL = "110"  # CAMEO: disapprove, not specified below
_DISPLEASED_AT = frozenset({"agent", "prep", "obl", "obl:agent", "obl:arg", "obl:mod"})


def _displeased(sent: Any, drafts: list[_Draft], finder: ArgumentFinder, cues: Any) -> list[_Draft]:
    """An actor said to be displeased by what another did (cue ``displeasure``: "was disappointed by the parliament's
    decision", « s'est dit déçu par la décision du Parlement ») disapproves of it (110): the displeased subject is the
    source, the actor the complement names the target; a statement that reports it is no event of its own."""
    out: list[_Draft] = []
    drafted = {d.trigger.token.i for d in drafts}
    for token in sent:
        if token.lemma_.lower() not in cues.displeasure or token.pos_ not in ("VERB", "ADJ") or token.i in drafted:
            continue
        holder = token
        if not any(c.dep_ in (*SUBJECT, *PASSIVE_SUBJECT) for c in token.children) and token.dep_ in ("acomp", "xcomp", "attr"):
            holder = token.head  # "is deeply disappointed", « s'est dit déçu »: the subject is the copula's or the verb's
        subject = next((c for c in holder.children if c.dep_ in (*SUBJECT, *PASSIVE_SUBJECT)), None)
        if subject is None or is_negated(holder, cues) or is_negated(token, cues) or is_hypothetical(holder, cues):
            continue
        sources = [a for a in finder.actors_in(subject) if a.mention.code and a.mention.kind not in ("place", "anonymous")]
        codes = {a.mention.code for a in sources}
        about = [phrase_noun(c) for c in token.children if c.dep_ in _DISPLEASED_AT]
        # the doer of what displeases: the complement itself, its possessor or adjective, or the complement of its
        # noun ("the decision of the parliament"); not whom it was done to ("news of an attack on a police station")
        doers = {i for phrase in about for i in _owners(phrase)}
        doers |= {
            g.i
            for phrase in about
            for c in phrase.children
            if c.dep_ in ("prep", "nmod")
            for g in (c, *c.children)
            if g.dep_ in ("pobj", "nmod")
        }
        targets = [
            a for a in finder.actors
            if a.head in doers and a.mention.code and a.mention.kind not in ("place", "anonymous") and a.mention.code not in codes
        ]  # fmt: skip
        if not sources or not targets:
            continue
        for other in drafts:
            if other.code == "010" and _reports(other.trigger.token, token):
                other.absorbed = True  # "indicated the US was disappointed by ...": the disapproval is what is said
        trigger = Trigger(token, token.i + 1, [_JUDGEMENT_PATTERN], "verb")
        draft = _Draft(
            trigger,
            _JUDGEMENT_PATTERN,
            _DISAPPROVAL,
            sources,
            targets[:1],
            "subject",
            "criticised",
            (token.i, token.i + 1),
            "construction.displeasure",
        )
        draft.wrappers.append("criticism")
        out.append(draft)
    return out


def _attributed(sent: Any, drafts: list[_Draft], finder: ArgumentFinder, cues: Any) -> list[_Draft]:
    """A verb of attribution (cue ``attribution``) in a relative clause on a condemned act, the relative pronoun its
    object (« une tentative de putsch qu'il attribue à l'opposition », "the violence, which he blamed on the rebels"):
    its subject accuses (112) the actor its complement names. The act is a hostile event noun, a word of condemnation,
    or the name a naming verb gives (« a présenté ces troubles comme une tentative de coup d'État qu'il attribue à »)."""
    hostile = {d.trigger.token.i for d in drafts if d.code[:2] >= _CONFLICT}
    out: list[_Draft] = []
    for verb in sent:
        if verb.lemma_.lower() not in cues.attribution or verb.pos_ != "VERB" or verb.dep_ not in ("relcl", "acl:relcl"):
            continue
        own = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]  # not a hearsay clause hung on it
        if is_passive(verb) or is_negated(verb, cues) or any("Cnd" in t.morph.get("Mood") or "Fut" in t.morph.get("Tense") for t in own):
            continue
        relative = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.pos_ == "PRON"), None)
        act = verb.head
        # the name given by a naming verb, hung on the verb or on what it names
        namer = act.head.head if act.head.dep_ in ("obj", "dobj") and act.dep_ in ("nmod", "prep", "pobj") else act.head
        named = preposition_of(act) in cues.naming_as and namer.lemma_.lower() in cues.naming
        if relative is None or not (act.i in hostile or named or _condemns(act, cues.stigma | cues.criticism, cues.naming_as)):
            continue
        sources, how = finder.verb_source(verb)
        complements = [c for c in verb.children if c.dep_ in ("obl", "obl:arg", "iobj", "prep", "dative")]
        targets = [a for c in complements for a in finder.actors_in(c) if a.mention.code and a.mention.kind not in ("place", "anonymous")]
        if not sources or not targets:
            continue
        trigger = Trigger(verb, verb.i + 1, [_JUDGEMENT_PATTERN], "verb")
        draft = _Draft(
            trigger, _JUDGEMENT_PATTERN, ALLEGATION, sources, targets[:1], how, "alleged", (verb.i, verb.i + 1), "construction.attribution"
        )
        draft.wrappers.append("pinned")
        out.append(draft)
    return out


def _suspected(speech: Any, draft: _Draft, finder: ArgumentFinder, cues: Any, inner: Iterable[_Draft] = ()) -> list[TokenActor]:
    """Whom the words a speech verb reports voice suspicion of (cue ``suspicion``: « nos soupçons sur le Rwanda », "our
    suspicions about Iran"): the actor of the other side the suspicion noun's phrase names, else the statement's own
    target; none when the suspicion is negated, hypothetical, a ground of an act ("on suspicion of") or names no one."""
    speaker = {i for a in draft.sources for i in range(a.start, a.end)} | _speaker_phrase(speech)
    for token in speech.sent:
        if token.lemma_.lower() not in cues.suspicion or token.pos_ != "NOUN" or token.i in speaker:
            continue
        if is_negated(token, cues) or is_negated(token.head, cues) or is_hypothetical(token.head, cues):
            continue
        grounds = token.head.pos_ == "VERB" and token.head.i != speech.i and any(c.dep_ == "case" for c in token.children)
        if token.dep_ == "pobj" or grounds:
            continue  # "held on suspicion of violating the law", « arrêté pour des soupçons d'espionnage »: a ground
        named = {t.i for t in token.subtree} - {token.i}
        clause = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is not None and clause.i != speech.i and not any(a.head in named for a in finder.actors):
            # « des soupçons se cristallisent sur un appui venu du Rwanda », "suspicion falls on Iran": the clause the
            # suspicion is in says whom it is about
            named |= {t.i for t in clause.subtree} - {t.i for t in token.subtree} - speaker
        # the doer of a suspected act before any other actor its words name (the support M23 got from Rwanda: Rwanda)
        doers = _other_side((a for o in inner if o.trigger.token.i in named for a in o.sources), draft)
        # what the suspicion bears on is named by a complement, not as the subject or object of a verb in it
        # (« un appui qu'aurait obtenu le M23 de la part du Rwanda »: Rwanda)
        about = sorted((a for a in finder.actors if a.head in named), key=lambda a: a.dep in (*SUBJECT, "obj", "dobj"))
        aimed = doers or _other_side(about, draft)
        return aimed[:1] or _other_side(draft.targets, draft)[:1]  # the parser may hang "sur X" higher up
    return []


def _chanted(sent: Any, finder: ArgumentFinder, cues: Any) -> list[_Draft]:
    """A slogan chanted or shouted (cue ``chanting``) whose quoted words give an actor a name of condemnation
    (protesters chanting "Maduro dictator", « scandent « Sonko dictateur » ») criticises (111) that actor, by the
    chanters."""
    out: list[_Draft] = []
    condemning = cues.stigma | cues.criticism
    for verb in sent:
        if verb.lemma_.lower() not in cues.chanting or not is_verbal(verb) or is_negated(verb, cues):
            continue
        marks = [t.i for t in sent if t.i > verb.i and t.text in QUOTE_MARKS]
        if len(marks) < 2:
            continue
        slogan = range(marks[0] + 1, marks[1])
        word = next((verb.doc[i] for i in slogan if verb.doc[i].lemma_.lower() in condemning or verb.doc[i].lower_ in condemning), None)
        if word is None:
            continue
        sources, how = finder.verb_source(verb)
        sides = {_side(a.mention.code) for a in sources if a.mention.code}
        # the actor the word of condemnation names: the word itself ("down with the regime"), or what it is apposed
        # to ("Maduro dictator", « Sonko dictateur »); not the complement of the word ("occupiers of Kosovo")
        named = {word.i, word.head.i} | {c.i for c in word.children if c.dep_ in ("compound", "amod", "appos", "flat", "flat:name")}
        targets = [
            a for a in finder.actors if a.head in slogan and a.head in named and a.mention.code
            and a.mention.kind not in ("place", "anonymous") and _side(a.mention.code) not in sides
        ]  # fmt: skip
        if not sources or not targets:
            continue
        # the slogan is the trigger, by its head word: what else the chanters do (« et exigent son départ », which the
        # parser may hang on the slogan) is no content of it
        head = next((verb.doc[i] for i in slogan if verb.doc[i].head.i not in slogan), word)
        trigger = Trigger(head, head.i + 1, [_JUDGEMENT_PATTERN], "noun")
        out.append(
            _Draft(trigger, _JUDGEMENT_PATTERN, CRITICISM, sources, targets[:1], how, "named", (head.i, head.i + 1), "construction.slogan")
        )
        out[-1].wrappers.append("criticism")
    return out


def _owners(phrase: Any) -> set[int]:
    """The head of a noun phrase and the words that say whose it is: possessor, adjective, compound ("Israel's
    treatment", "the Turkish plan", « l'accord turc »)."""
    return {phrase.i} | {c.i for c in phrase.children if c.dep_ in ("poss", "nmod:poss", "amod", "compound")}


def _apposed_name(named: Any) -> list[Any]:
    """The name a naming verb gives that the parser apposed to what it names, with no comma between ('called the
    admission a "political maneuver"': appos of "admission"); a name set off by commas is a description."""
    if named is None or named.dep_ not in ("obj", "dobj"):
        return []
    out = []
    for child in named.children:
        if child.dep_ != "appos" or child.i < named.i:
            continue
        between = named.doc[max(t.i for t in named.subtree if t.i < child.left_edge.i or t.i == named.i) + 1 : child.left_edge.i]
        if not any(t.text in (",", ";", "(", "—", "-") for t in between):
            out.append(child)
    return out


def _judging_clause(verb: Any, drafts: list[_Draft], finder: ArgumentFinder, cues: Any) -> list[_Draft]:
    """A naming or opining verb that is no act of its own ("deemed that the deal goes against the resolution") and
    whose clause says something breaks a rule or harms the peace: its subject's accusation (112) or criticism (111)."""
    sources, how = finder.verb_source(verb)
    if not sources:
        return []
    found = _contravened(verb, sources, finder, cues)
    if found is None:
        return []
    targets, content, code = found
    for other in drafts:
        if other.trigger.token.i in content:
            other.absorbed = True  # what is judged is the accusation's content, not an act of its own
    trigger = Trigger(verb, verb.i + 1, [_NAMING_PATTERN], "verb")
    draft = _Draft(trigger, _NAMING_PATTERN, code, sources, targets, how, "criticised", (verb.i, verb.i + 1), "construction.contravention")
    draft.wrappers.append("contravention")
    return [draft]


def _contravened(
    speech: Any, speakers: list[TokenActor], finder: ArgumentFinder, cues: Any
) -> tuple[list[TokenActor], set[int], str] | None:
    """What a statement's clause says breaks a rule (cue ``contravention``: "goes against", « va à l'encontre de »:
    112) or harms the peace (cue ``harming``: "threatens peace", « menace la paix »: 111), when its subject names the
    actors (not the speaker's side) of what is judged ("the agreement on sending Turkish troops"): those actors, the
    clause's tokens and the code; None if the clause judges nothing or is negated or hypothetical."""
    clauses = [c for c in speech.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
    if speech.dep_ in ("parataxis", "dep", "conj") and speech.head.i < speech.i and speech.head.dep_ == "ROOT":
        clauses.append(speech.head)  # « ... », a estimé le ministre: the incise hangs on the quote
    for clause in clauses:
        if (
            clause.pos_ not in ("VERB", "AUX")
            or is_negated(clause, cues)
            or (is_hypothetical(clause, cues) and not _imperfect(clause, cues))
        ):
            continue
        code = ALLEGATION if _says(clause, cues.contravention) else CRITICISM if _says(clause, cues.harming) else None
        subject = next((c for c in clause.children if c.dep_ in (*SUBJECT, *PASSIVE_SUBJECT)), None)
        if code is None or subject is None:
            continue
        sides = {_side(a.mention.code) for a in speakers if a.mention.code}
        named = [
            a for a in finder.actors if subject.left_edge.i <= a.head <= subject.right_edge.i and a.mention.code
            and a.mention.kind != "anonymous" and a not in speakers and _side(a.mention.code) not in sides
        ]  # fmt: skip
        # "Israel's treatment of the Palestinians": the possessor or adjective of what is judged did it, not whom it is of
        named = [a for a in named if a.head in _owners(subject)] or named
        if named:
            return named[:2], {t.i for t in clause.subtree}, code
    return None


def _imperfect(verb: Any, cues: Any) -> bool:
    """A finite verb the tagger calls conditional whose form has no ending of the conditional or future (« menaçait »
    tagged Mood=Cnd is an imperfect: « a estimé que le tir menaçait la paix » judges what was done), with no modal
    governor or auxiliary."""
    if not cues.irrealis_endings or "Cnd" not in verb.morph.get("Mood") or "Fin" not in verb.morph.get("VerbForm"):
        return False
    if any(verb.lower_.endswith(ending) for ending in cues.irrealis_endings):
        return False
    return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues.modal) and not any(
        c.dep_.startswith("aux") for c in verb.children
    )


def _says(verb: Any, phrases: frozenset[str]) -> bool:
    """The verb and the words after it (adverbs and adjectives aside) begin one of ``phrases``: "go against" in "goes
    against the law", "threaten peace" in "threatens regional peace"; a one-word phrase is the verb's lemma."""
    after = [t.lower_ for t in verb.doc[verb.i + 1 : verb.sent.end] if t.pos_ not in ("ADV", "ADJ")][:6]
    said = " ".join([verb.lemma_.lower(), *after]).replace("’", "'").replace("' ", "'") + " "
    return any(said.startswith(phrase.replace("’", "'") + " ") for phrase in phrases)


def _named_object(prep: Any) -> Any:
    """What a naming preposition introduces: its object, else the adjective the parser hangs on it ('described it as
    "unthinkable and unacceptable"': amod of "as"), else the preposition itself (UD hangs it on the noun)."""
    if prep.dep_ != "prep":
        return prep
    found = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return found or next((g for g in prep.children if g.dep_ in ("amod", "acomp") and g.i > prep.i), prep)


def _chained_name(named: Any, cues: Any) -> Any | None:
    """The name a naming verb gives that the parser hung on the named phrase's last noun (« a qualifié la visite du
    président de provocation »: « de provocation » on « président »): the bare complement (no determiner) with a
    naming preposition that ends the named phrase, below its head; None if there is none."""
    words = [t for t in named.subtree if not t.is_punct]
    tail = [t for t in words if t.dep_ == "nmod" and t.head.i != named.i and t.i > named.i]
    if not tail:
        return None
    last = max(tail, key=lambda t: t.i)
    if max(t.i for t in last.subtree if not t.is_punct) != words[-1].i or any(c.dep_ == "det" for c in last.children):
        return None
    return last if preposition_of(last) in cues.naming_as else None


def _naming_statement(verb: Any, finder: ArgumentFinder) -> list[_Draft]:
    """The statement (010) a naming verb makes of its subject, when that subject is an actor."""
    sources, how = finder.verb_source(verb)
    if not sources or how not in ("subject", "agent"):
        return []
    trigger = Trigger(verb, verb.i + 1, [_NAMING_PATTERN], "verb")
    return [_Draft(trigger, _NAMING_PATTERN, "010", sources, [], how, "none", (verb.i, verb.i + 1), "construction.naming")]


_QUOTE_DEPS = frozenset({"dep", "parataxis", "ccomp", "advcl"})
# What qualifies a noun: its adjectives, and what the parser makes of a quoted adjective ('a "cowardly act"': advmod)
# or of a noun used as one ("a propaganda stunt": compound).
_MODIFIER_DEPS = frozenset({"amod", "advmod", "compound", "conj"})


def _condemns(token: Any, words: frozenset[str] | set[str], kinds: frozenset[str] | set[str] = frozenset()) -> bool:
    """The word is one of ``words`` or is qualified by one: "a betrayal", "a cynical ploy", 'a "cowardly" act'; with
    ``kinds`` (the naming prepositions), also a bare complement that says what kind of thing it is: « une tentative de
    putsch », « un acte de terrorisme »."""
    if token.lemma_.lower() in words or any(c.dep_ in _MODIFIER_DEPS and c.lemma_.lower() in words for c in token.children):
        return True
    return any(
        c.dep_ == "nmod" and c.lemma_.lower() in words and preposition_of(c) in kinds and not any(d.dep_ == "det" for d in c.children)
        for c in token.children
    )


def _quoted_judgement(sent: Any, drafts: list[_Draft], finder: ArgumentFinder, cues: Any) -> list[_Draft]:
    """A sentence of quoted words with no speech verb of its own that judges something a condemning word ("Leaving
    them to die is a big mistake.", « C'est une honte. ») criticises (111): by the speaker the sentence before names,
    at the first actor of the other side it names. Only reported words: the writer's own judgement is no event."""
    if any(d.code[:2] == "01" or d.trigger.token.lemma_.lower() in cues.speech for d in drafts) or not _all_quoted(sent):
        return []
    if any(speaks(t, cues.speech) for t in sent):
        return []  # the sentence says who speaks; not a relative clause's verb ("their lies that have been revealed")
    predicate = next((t for t in sent if _judges(t, cues) or _likened(t, cues) or _judged_subject(t, cues) or _lies(t, cues)), None)
    if predicate is None:
        return []
    opener = _introduced(sent, cues)
    if not any(t.text in QUOTE_MARKS for t in sent) and opener is None:
        return []  # '"... He was a dictator. ...", said X': the speaker of a quotation still open comes after it
    incise = _incise_verb(sent)
    if incise is not None and incise.i in {d.trigger.token.i for d in drafts}:
        return []  # « ... », a dénoncé X: the verb's own act frames the quote (_frame_quoted_disapproval)
    speakers = finder.speaker_of_verb(incise) if incise is not None else []
    if not speakers and opener is not None and quote_open(sent.doc[: sent.start]):
        # 'X wrote, "We must ... . The allies fought with us. Leaving them is a big mistake."': the quotation is still
        # X's, however many sentences it ran on, not the subject of the sentence before
        speakers = finder.speaker_of_verb(opener)
    speakers = speakers or finder.previous_speaker(sent)
    if not speakers:
        return []
    code = ALLEGATION if _lies(predicate, cues) else CRITICISM  # "those who blame us are lying": an accusation
    draft = _Draft(
        Trigger(predicate, predicate.i + 1, [_JUDGEMENT_PATTERN], "noun"), _JUDGEMENT_PATTERN, code, speakers, [],
        "previous", "none", (predicate.i, predicate.i + 1), "construction.quoted_judgement",
    )  # fmt: skip
    if _judged_subject(predicate, cues):
        # the act judged names its doer ("this reckless decision by the president"): a legislator criticises his own
        # country's president; with no doer named, the judgement may be of anything, no event
        speaker_codes = {a.mention.code for a in speakers}
        draft.targets = [
            _own_role(a, speakers) for a in finder.actors_in(predicate)
            if a.mention.code and a.mention.kind not in ("place", "anonymous") and a.mention.code not in speaker_codes
        ][:1]  # fmt: skip
        if not draft.targets:
            return []
    else:
        draft.targets = _other_side((a for a in finder.actors if sent.start <= a.start < sent.end), draft)[:1]
    draft.target_how = "criticised" if draft.targets else "none"
    return [draft]


def _introduced(sent: Any, cues: Any) -> Any | None:
    """The speech verb the quotation still open when ``sent`` starts was opened after, in its sentence ('Erdogan
    said, "...'): its speaker is the speaker; None if the quotation was not opened so."""
    opening = [t for t in sent.doc[: sent.start] if t.text in QUOTE_MARKS and t.text not in CLOSING_MARKS]
    if not opening:
        return None
    mark = opening[-1]
    return next((t for t in mark.sent if t.i < mark.i and t.lemma_.lower() in cues.speech and t.pos_ in ("VERB", "AUX")), None)


def _incise_verb(sent: Any) -> Any | None:
    """The verb of an incise after the quotation a sentence opens with (« C'est une erreur », a réagi le porte-parole),
    or None."""
    closing = [t.i for t in sent if t.text in CLOSING_MARKS or t.text == '"']
    if not closing or closing[-1] == sent.start:
        return None
    return next((t for t in sent if t.i > closing[-1] and t.pos_ == "VERB"), None)


def _all_quoted(sent: Any) -> bool:
    """The sentence is reported words: it opens with a quotation mark, closes a quotation it did not open, or goes on
    with a quotation the paragraph opened before it and has not closed."""
    marks = [t for t in sent if t.text in QUOTE_MARKS]
    if not marks:
        return quote_open(sent.doc[: sent.start])  # a quotation the paragraph opened before is still open
    first = next(t for t in sent if not t.is_space)
    return first.text in QUOTE_MARKS or marks[0].text in CLOSING_MARKS or (marks[0].text == '"' and len(marks) % 2 == 1)


def _judges(token: Any, cues: Any) -> bool:
    """A condemning word predicated of a subject, neither negated nor hypothetical ("is a big mistake")."""
    if token.pos_ not in ("NOUN", "ADJ") or not _condemns(token, cues.criticism):
        return False
    copular = token.dep_ in ("attr", "acomp") or any(c.dep_ == "cop" for c in token.children)
    holder = _copula_holder(token)
    return (
        copular
        and _copula_subject(token) is not None
        and not is_negated(holder, cues, predicate=True)
        and not is_hypothetical(holder, cues)
    )


def _lies(token: Any, cues: Any) -> bool:
    """A verb of deceit (cue ``deceit``) said of someone other than the speakers ("they are lying", « ils mentent »),
    neither negated nor hypothetical. Not a thing that lies somewhere ("the solution lies in talks"): the subject is
    no neuter pronoun, and the verb takes no complement but what it is about or likened to."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in cues.deceit:
        return False
    subject = next((c for c in token.children if c.dep_ in SUBJECT), None)
    if subject is None or subject.lower_ in FIRST_PERSON or "Neut" in subject.morph.get("Gender"):
        return False
    allowed = cues.topic | cues.likening
    if any(c.dep_ in ("prep", "obl", "obl:mod", "obl:arg") and preposition_of(c) not in allowed for c in token.children):
        return False
    return not is_negated(token, cues) and not is_hypothetical(token, cues)


def _likened(token: Any, cues: Any) -> bool:
    """A word of condemnation a clause likens its subject to ("Trump is behaving like a bully", « se comporte comme un
    voyou »), the clause neither negated nor hypothetical."""
    if token.pos_ != "NOUN" or not _condemns(token, cues.criticism):
        return False
    marker = next((c for c in token.children if c.dep_ == "case" and c.lemma_.lower() in cues.likening), None)
    verb = token.head
    if marker is None and token.dep_ == "pobj" and token.head.lemma_.lower() in cues.likening:
        marker, verb = token.head, token.head.head
    if marker is None or verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ in SUBJECT for c in verb.children):
        return False
    return not is_negated(verb, cues) and not is_hypothetical(verb, cues)


def _own_role(actor: TokenActor, speakers: list[TokenActor]) -> TokenActor:
    """A bare role in a speaker's own words ("the president", « le gouvernement ») is of the speaker's country: the
    country the article gave it elsewhere is not what the speaker means."""
    countries = {a.mention.country for a in speakers if a.mention.country}
    if actor.mention.kind != "role" or len(countries) != 1 or actor.mention.country in countries:
        return actor
    (country,) = countries
    code = country + "".join(actor.mention.roles)
    return replace(actor, mention=replace(actor.mention, code=code, country=country))


def _judged_subject(token: Any, cues: Any) -> bool:
    """The subject of a clause is an act its adjective condemns ("this reckless decision by the president has undone
    ...", « cette décision irresponsable a ruiné ... »), and the clause is not negated."""
    if token.pos_ != "NOUN" or token.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass"):
        return False
    if not any(c.dep_ == "amod" and c.lemma_.lower() in cues.criticism for c in token.children):
        return False
    return not is_negated(token.head, cues) and not is_hypothetical(token.head, cues)


def _frame_quoted_disapproval(drafts: list[_Draft], finder: ArgumentFinder) -> None:
    """« Les attaques continuent, c'est l'œuvre des Russes », a accusé le président: a verb of disapproval (11x) that
    introduces quoted words aims at the other side they name, and what the quote says is the accusation's content,
    not a second event."""
    for draft in drafts:
        verb = draft.trigger.token
        if draft.code[:2] != "11" or draft.trigger.kind != "verb" or draft.absorbed:
            continue
        inside = {t.i for c in verb.children if c.dep_ in _QUOTE_DEPS and c.i < verb.i for t in c.subtree}
        if verb.dep_ in ("parataxis", "dep") and verb.head.i < verb.i:
            # « ... », a dénoncé le ministre: the incise hangs on the quote
            inside |= {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
        if not inside or not any(t.text in QUOTE_MARKS for t in verb.doc[verb.sent.start : verb.i]):
            continue
        if not draft.targets:
            countries = {a.mention.country for a in draft.sources}
            named = [a for a in finder.actors if a.head in inside and a.mention.code and a.mention.kind not in ("place", "anonymous")]
            others = sorted((a for a in named if a.mention.country not in countries), key=lambda a: a.mention.kind == "role")
            aimed = others[:1] or [a for a in _criticised(verb, draft, finder) if a.head in inside]
            if aimed:
                draft.targets, draft.target_how = aimed, "criticised"
        for other in drafts:
            if other is not draft and other.code[:2] != "01" and other.trigger.token.i in inside:
                other.absorbed = True


def _condemning_predicate(speech: Any, cues: Any) -> Any | None:
    """The word of condemnation a speech verb's clause predicates of its subject ("said the deal was a betrayal",
    « a estimé que ce retrait était une erreur »), or None. Only the predicate of a copula counts: "said Russia
    launched an illegal attack" reports the attack."""
    for token in speech.subtree:
        if token.i == speech.i or token.pos_ not in ("NOUN", "ADJ"):
            continue
        if token.lemma_.lower() not in cues.stigma and not _condemns(token, cues.criticism):
            continue  # "was a betrayal", "was a cynical ploy"
        copular = token.dep_ in ("attr", "acomp") or any(c.dep_ == "cop" for c in token.children)
        if not copular or _copula_subject(token) is None or is_negated(_copula_holder(token), cues, predicate=True):
            continue
        if is_hypothetical(_copula_holder(token), cues):
            continue  # "can be dangerous for the region": a risk, not a judgement of an act
        return token
    return None


def _recast(draft: _Draft, inner: list[_Draft], found: tuple[list[TokenActor], set[int]], code: str, how: str, wrapper: str) -> None:
    """A statement whose words make an act of their own (a threat, an accusation) is that act, aimed at the actors
    ``found`` names; the act its words are about (the tokens ``found`` gives) is its content, not a second event."""
    targets, content = found
    for other in inner:
        if other.trigger.token.i in content:
            other.absorbed = True
    draft.code, draft.targets, draft.target_how = code, targets, how
    draft.wrappers.append(wrapper)


def _other_side(actors: Iterable[TokenActor], draft: _Draft) -> list[TokenActor]:
    """The coded actors among ``actors`` a statement can be aimed at: no place, no anonymous people, not the speaker
    nor the speaker's side."""
    speakers = {_side(a.mention.code) for a in draft.sources if a.mention.code}
    return [
        a for a in actors
        if a.mention.code and a.mention.kind not in ("place", "anonymous") and a not in draft.sources
        and _side(a.mention.code) not in speakers
    ]  # fmt: skip


def _not_left_unanswered(speech: Any, draft: _Draft, finder: ArgumentFinder, cues: Any) -> tuple[list[TokenActor], set[int]] | None:
    """Whom a statement threatens by saying an act will not stay unanswered (cue ``unanswered``: « ne restera pas
    sans réponse », « ne restera pas impuni », "will not go unanswered"), and the tokens of that act; None if it
    says no such thing. The act's doer is the first coded actor before the verb that is not the speaker's side."""
    for verb in speech.subtree:
        if verb.i == speech.i or verb.lemma_.lower() not in cues.unanswered_verbs or not is_negated(verb, cues):
            continue
        said = " ".join(t.lower_ for t in verb.subtree if t.i > verb.i)
        if not any(said.startswith(words) or f" {words}" in f" {said}" for words in cues.unanswered):
            continue
        before = {t.i for t in verb.subtree if t.i < verb.i} | set(range(speech.i + 1, verb.i))  # the parser may split it off
        aimed = _other_side((a for a in finder.actors if a.head in before), draft)
        if aimed:
            return aimed[:1], before
    return None


def _blamed(
    speech: Any, draft: _Draft, finder: ArgumentFinder, cues: Any, acts: frozenset[int] = frozenset(), hostile: frozenset[int] = frozenset()
) -> tuple[list[TokenActor], set[int]] | None:
    """Whom a statement pins an act on, and the tokens that name the act; None if its words blame no one. The
    clause is a copula whose predicate is a word of blame ("said Hezbollah was behind the attack", "said the crash was
    Iran's doing": the possessor) or whose subject is one ("said the perpetrators were members of the gang"). Negated
    or hypothetical blame, and blame of the speaker's own side, accuse no one."""
    for token in speech.subtree:
        if token.i == speech.i or token.lemma_.lower() not in cues.blame:
            continue
        if token.pos_ == "ADP":  # "was behind the attack", « était derrière l'attentat »
            holder = token.head if token.dep_ == "prep" and token.head.pos_ == "AUX" else None
            if holder is None and token.dep_ == "case" and any(c.dep_ == "cop" for c in token.head.children):
                holder = token.head
            predicate = token
        elif token.dep_ in ("attr", "acomp") or any(c.dep_ == "cop" for c in token.children):
            holder, predicate = _copula_holder(token), token
        elif token.pos_ == "NOUN" and token.dep_ in ("ccomp", "xcomp", "npadvmod", "dep") and token.head.dep_ in ("attr", "acomp"):
            holder, predicate = _copula_holder(token.head), token  # "was likely Iran's doing": the parser hangs it on "likely"
        elif token.dep_ == "xcomp" and token.head.pos_ == "AUX" and any(c.dep_ == "aux" and c.pos_ == "PART" for c in token.children):
            holder, predicate = token.head, token  # "said Iran was to blame for the blast"
        elif _implicated_in(token, hostile):
            holder, predicate = token, token  # "said foreign agents were involved in the riots": passive, of an act
        elif token.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and token.head.i != speech.i:
            holder, predicate = token.head, token.head  # the perpetrators were members of X: X is blamed
        else:
            continue
        if holder is None or holder.i == speech.i or is_negated(holder, cues, predicate=True) or is_hypothetical(holder, cues):
            continue
        if token.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            named = {t.i for t in predicate.subtree} - {t.i for t in token.subtree}
            pinned = {t.i for t in token.subtree}
        else:
            subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
            owner = next((c for c in predicate.children if c.dep_ in ("poss", "nmod:poss")), None)
            if owner is None and subject is not None and subject.i in acts and not finder.actors_in(subject):
                # « l'explosion était l'œuvre d'Israël »: the act's doer is the noun's complement
                owner = next((c for c in predicate.children if c.dep_ == "nmod" and finder.actors_in(c)), None)
            blamed_phrase = owner if owner is not None else subject
            if blamed_phrase is None:
                continue
            named = {t.i for t in blamed_phrase.subtree}
            pinned = {t.i for t in predicate.subtree} - named
            if subject is not None and owner is not None:
                pinned |= {t.i for t in subject.subtree}
        accused = _other_side((a for a in finder.actors if named.intersection(range(a.start, a.end))), draft)
        if accused:
            return accused[:1], pinned
    return None


_CONFLICT = "13"  # CAMEO roots 13 (threaten) to 20: the conflictual acts one can be implicated in


def _implicated_in(token: Any, acts: frozenset[int]) -> bool:
    """A passive verb of blame whose complement is an act: « étaient impliqués dans l'attentat »."""
    if token.pos_ != "VERB" or not any(c.dep_ in ("auxpass", "aux:pass") for c in token.children):
        return False
    for child in token.children:
        objects = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        if child.dep_ in ("prep", "obl", "obl:mod", "obl:arg") and any(o.i in acts for o in objects):
            return True
    return False


def _criticises(speech: Any, draft: _Draft, cues: Any, *, real: bool = False) -> bool:
    """The words a speech verb reports, outside who speaks, include a word of condemnation (a noun or adjective);
    with ``real``, one that is not hypothetical ("it would be an outrage if ...")."""
    words = _condemning_words(speech, draft, cues)
    if real:
        words = [w for w in words if not is_hypothetical(_copula_holder(speech.doc[w]), cues)]
    return bool(words)


def _condemning_words(speech: Any, draft: _Draft, cues: Any) -> list[int]:
    """Where the words of condemnation (nouns and adjectives, not negated) are in a speech verb's sentence, outside
    the words that name who speaks ("MP X of the divided party said")."""
    speaker = {i for a in draft.sources for i in range(a.start, a.end)}
    speaker |= _speaker_phrase(speech)
    found: list[int] = []
    for token in speech.sent:
        if token.i != speech.i and token.i not in speaker and _lies(token, cues):
            found.append(token.i)  # '"They are lying," the minister said'
            continue
        if token.i == speech.i or token.i in speaker or token.pos_ not in ("NOUN", "ADJ"):
            continue
        copular = token.dep_ in ("attr", "acomp") or any(c.dep_ == "cop" for c in token.children)
        negated = is_negated(token, cues) or (copular and is_negated(_copula_holder(token), cues, predicate=True))
        negated = negated or (token.dep_ in ("attr", "acomp") and is_negated(token.head, cues))
        if token.lemma_.lower() in cues.criticism and not negated:
            found.append(token.i)
    return found


def _speaker_phrase(speech: Any) -> set[int]:
    """The words that name who speaks: the speech verb's subject phrase ("MP X of the Green Party")."""
    return {t.i for c in speech.children if c.dep_ in SUBJECT for t in c.subtree}


def _criticised(speech: Any, draft: _Draft, finder: ArgumentFinder, cues: Any = None) -> list[TokenActor]:
    """Whom a condemning statement targets: the actor of the words it reports not on the speaker's side, the nearest
    to a word of condemnation ("said X is what separates us from nations like Belarus, and called Trump's refusal
    unacceptable": Trump), else the first."""
    in_sentence = [a for a in finder.actors if speech.sent.start <= a.start < speech.sent.end]
    words = _condemning_words(speech, draft, cues) if cues is not None else []
    if not words:
        return _other_side(in_sentence, draft)[:1]
    # a legislator condemns his own country's president: only the speaker's own code (and the words that name the
    # speaker, "Cooper of the Labour Party") are his side here
    own = {a.mention.code for a in draft.sources}
    speaker = _speaker_phrase(speech)
    aimed = [
        a for a in in_sentence
        if a.mention.code and a.mention.code not in own and a.mention.kind not in ("place", "anonymous")
        and a.head not in speaker
    ]  # fmt: skip
    return [min(aimed, key=lambda a: min(abs(a.head - w) for w in words))] if aimed else []


def _alleged(speech: _Draft, inner: list[_Draft]) -> list[TokenActor]:
    """Who a speech verb of allegation accuses: the coded sources of the acts it reports, the speaker's side excepted."""
    verb = speech.trigger.token
    if any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in verb.children):
        return []  # "the attack was claimed by X": X claims responsibility (015), it accuses no one
    speakers = {_side(a.mention.code) for a in speech.sources if a.mention.code}
    out: list[TokenActor] = []
    for draft in inner:
        if not governs(verb, draft.trigger.token) or draft.source_how not in ("subject", "agent"):
            continue  # only the doer named in the alleged clause itself
        for actor in draft.sources:
            code = actor.mention.code
            if code and _side(code) not in speakers and actor not in out:
                out.append(actor)
    return out


def _claimed_of(speech: _Draft, finder: ArgumentFinder) -> list[TokenActor]:
    """Who a speech verb of allegation accuses when its complement is no coded act: the doer its clause names, the
    speaker's side excepted ("claims Mahan flies fighters to Syria", "claimed protesters were sent by the government")."""
    verb = speech.trigger.token
    if any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in verb.children):
        return []
    speakers = {_side(a.mention.code) for a in speech.sources if a.mention.code}
    if not speakers:
        return []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not is_verbal(clause):
            continue
        doers, how = finder.verb_source(clause)
        if how in ("subject", "agent"):
            return [a for a in doers if a.mention.code and _side(a.mention.code) not in speakers]
    return []


def _absorb(by_token: dict[int, _Draft], index: int) -> None:
    draft = by_token.get(index)
    if draft is not None:
        draft.absorbed = True


def _announces_own_plan(speech: Any, draft: _Draft, finder: ArgumentFinder, cues: Any) -> bool:
    """The words a statement reports say what the speaker's own side will do or plans to do: a clause in the future
    or conditional, or with an intent verb ("plans to"), whose subject is "we", a pronoun or an actor of the
    speaker's country; not negated and not a condition."""
    side = {a.mention.country for a in draft.sources if a.mention.country}
    if not side:
        return False
    clauses = [c for c in speech.children if c.dep_ in ("ccomp", "parataxis")]
    if speech.dep_ in ("parataxis", "dep", "conj") and speech.head.i < speech.i:
        clauses.append(speech.head)  # « ... », a déclaré le ministre: the incise hangs on the quote
    for clause in clauses:
        if clause.pos_ not in ("VERB", "AUX") or is_negated(clause, cues) or is_condition(clause, cues):
            continue
        subject = next((c for c in clause.children if c.dep_ in SUBJECT), None)
        if subject is None:
            continue
        actors = finder.actors_in(subject)
        own = subject.lower_ in FIRST_PERSON or (not actors and subject.lower_ in cues.pronouns)
        own = own or bool(actors) and all(a.mention.country in side for a in actors)
        intends = clause.lemma_.lower() in cues.intent and any(c.dep_ == "xcomp" for c in clause.children)
        if "Part" in clause.morph.get("VerbForm") and "Past" in clause.morph.get("Tense") and not intends:
            continue  # "he would have preferred": a regret, no plan (the French past conditional is hearsay, see modality)
        if own and (intends or is_irrealis(clause, cues)):
            return True
    return False
