"""The events stage: code each sentence's events in CAMEO and PLOVER.

For every trigger the language's pattern dictionary recognises (a verb, or an
event noun), the stage finds the source and target in the dependency parse,
frames the act (negated, hypothetical, intended, threatened, reported) and
emits one :class:`~tocsin.models.Event` per (source, target) pair, tied to the
exact words of its sentence, trigger and actors, with a confidence and the
id of the rule that fired.

The stage runs its sub-modules in pipeline order: ``triggers`` (what may be an
act), ``drafting`` (a :class:`~.draft._Draft` per trigger: who to whom, or why
none; ``clauses`` says where the act sits), ``framing`` (how the acts of a
sentence frame each other), ``emission`` (one event per dyad) and
``confidence``.
"""

from __future__ import annotations

from typing import Any

from ... import codebook
from ...about import CODER_VERSION
from ...languages import LanguageResources, Pattern, load_language, resource_words
from ...models import Article, Event
from ..actors import TokenActor, attached_to, preposition_of
from .arguments import ArgumentFinder
from .clauses import _according_to, _embedding, _governing_verb, _habitual, _is_fragment, _is_question, _negated_act, _same_side
from .confidence import calibrated, features
from .draft import _COMMERCIAL_ROOTS, _DEMAND_PATTERN, _NEWS_SOURCE_ROLES, _NOT_ACTS, _PARTNERED_ROOTS, _UNKNOWN_SOURCE_ROOTS, _Draft
from .drafting import (
    _act_verb,
    _claimed_by_doer,
    _counted_object,
    _implied_sides,
    _natural_cause,
    _no_statement,
    _noun_arguments,
    _orders_a_thing,
    _present_state,
    _reports_a_count,
    _reports_words,
    _uncoded_agent,
    _verb_aim,
    _verb_sources,
    _weapon_subject,
)
from .emission import (
    _antecedent,
    _assault,
    _between_code,
    _between_first,
    _commercial,
    _dyads,
    _only_anonymous,
    _said_again,
    _talked_about,
    _two_people,
)
from .framing import (
    _absorb_embedded,
    _frame_by_governor,
    _frame_obligations,
    _frame_quoted_disapproval,
    _frame_speech,
    _named_as,
    _quoted_judgement,
    owed_act,
)
from .modality import intent_code, is_condition, is_hearsay, is_hypothetical, is_irrealis, refusal_code, threat_code
from .triggers import Trigger, find_triggers

_OWNER_OF = resource_words("arguments", "owner_of")  # the genitive: « des combats », "of the clash"


class CodeEvents:
    """Assign ``article.events``."""

    name = "events"
    requires = ("article.docs", "article.sentences", "article.mentions", "doc._.actors")
    assigns = ("article.events",)

    def __init__(
        self, *, keep_negated: bool = False, min_confidence: float = 0.0, trace: bool = False, keep_actorless: bool = False
    ) -> None:
        self.keep_negated = keep_negated
        # An event needs an actor the dictionary codes on at least one side; keep_actorless keeps the others
        # (for inspection: their rule ends in "+actorless", and the watch never counts an event with no pair).
        self.keep_actorless = keep_actorless
        self.min_confidence = min_confidence
        # With trace=True, every trigger that gave no event is recorded with the reason (for `tocsin eval` error analysis).
        self.trace: list[dict[str, object]] | None = [] if trace else None
        # bench/calibrate.py sets a list here to collect each emitted event's confidence features.
        self.feature_log: list[tuple[Event, dict[str, float]]] | None = None
        self._where: tuple[str, int] = ("", 0)
        self._earlier: list[Event] = []  # the article's events so far: what "the attack", "the decision" may refer to
        self._noun_roots: dict[int, str] = {}  # the sentence's event nouns (token index -> CAMEO root)

    def _drop(self, trigger: Trigger, reason: str, code: str | None = None) -> None:
        self._record(trigger.token.text, code or trigger.candidates[0].cameo, reason)

    def _reject(self, trigger: Trigger, reason: str, code: str | None = None) -> str:
        """Drop a trigger while drafting: no draft, and why."""
        self._drop(trigger, reason, code)
        return reason

    def _record(self, trigger: str, code: str, reason: str) -> None:
        """Trace a trigger (or a coded event) that gave no event, with the reason."""
        if self.trace is not None:
            article_id, sentence_index = self._where
            self.trace.append(
                {"article_id": article_id, "sentence_index": sentence_index, "trigger": trigger, "code": code, "reason": reason}
            )

    def __call__(self, article: Article) -> Article:
        lang = load_language(article.lang or "fr")
        sentences = {s.start: s for s in article.sentences}
        sentence_index = {start: s.index for start, s in sentences.items()}
        events: list[Event] = []
        self._earlier = events
        seen: set[tuple[Any, ...]] = set()
        before: ArgumentFinder | None = None
        for offset, doc in article.docs:
            if before is not None and article.text[before.offset + len(before.doc.text) : offset].strip():
                before = None  # the paragraph before was not parsed up to its end: its last sentence is not known
            finder = ArgumentFinder(
                doc,
                offset=offset,
                sentence_index=sentence_index,
                pronouns=lang.cues.pronouns,
                unaccusative=lang.cues.unaccusative,
                listing=lang.cues.listing,
                locative=lang.cues.locative,
                locative_places=lang.cues.locative_places,
                perfect_aux=lang.cues.perfect_aux,
                gerund_endings=lang.cues.gerund_endings,
                according_to=lang.cues.according_to,
                speech=lang.cues.speech,
                before=before,
                impersonal=lang.cues.impersonal,
                reflexive=lang.cues.reflexive,
            )
            for sent in doc.sents:
                sentence = sentences.get(offset + sent.start_char)
                if sentence is None:
                    continue
                self._where = (article.id, sentence.index)
                coded = self._code_sentence(article, sent, sentence, offset, finder, lang)
                if not coded and events and sentence.index - events[-1].sentence_index <= 2:
                    coded = _said_again(sent, sentence, offset, finder, lang.cues, events[-1])
                for event in coded:
                    if event.key() in seen:
                        continue
                    seen.add(event.key())
                    events.append(event)
            finder.before = None  # one paragraph back, no further: what the cheap pass before parsing parses
            before = finder
        article.events = events
        return article

    # ------------------------------------------------------------------
    def _code_sentence(
        self, article: Article, sent: Any, sentence: Any, offset: int, finder: ArgumentFinder, lang: LanguageResources
    ) -> list[Event]:
        """One sentence: find its triggers, attach their arguments, frame them against each other, emit what stays."""
        cues = lang.cues
        if _is_fragment(sent):
            return []  # a map legend, caption, byline or photo credit: no clause, no event
        if _is_question(sent, cues):
            return []  # "Did the players reach out to support you?": asked, not reported
        triggers = find_triggers(sent, lang)
        self._noun_roots = {t.token.i: t.candidates[0].cameo[:2] for t in triggers if t.kind == "noun"}
        drafts, not_acts = self._attach(triggers, sent, finder, lang)
        by_token = {d.trigger.token.i: d for d in drafts}
        _frame_by_governor(drafts, by_token, cues)
        _frame_obligations(drafts, by_token, finder, cues)
        _absorb_embedded(drafts, by_token, cues)
        _frame_speech(drafts, [t for t in triggers if t.token.i not in not_acts], finder, cues)
        _frame_quoted_disapproval(drafts, finder)
        return self._keep(self._emit_prominent(article, drafts, sent, sentence, offset, cues))

    def _attach(self, triggers: list[Trigger], sent: Any, finder: ArgumentFinder, lang: LanguageResources) -> tuple[list[_Draft], set[int]]:
        """Argument attachment: a draft event (code, sources, targets) for each trigger that keeps one; and the tokens
        of the triggers that name no act at all (circumstances, names, counts: :data:`_NOT_ACTS`)."""
        drafts: list[_Draft] = []
        not_acts: set[int] = set()
        acts = {t.token.i for t in triggers}
        for trigger in triggers:
            mention = _mention(trigger.token, acts, lang.cues) if trigger.kind == "noun" else ""
            if mention:
                self._reject(trigger, mention)
                continue
            draft = self._draft(trigger, finder, lang)
            if isinstance(draft, _Draft):
                drafts.append(draft)
            elif draft in _NOT_ACTS:
                not_acts.add(trigger.token.i)
        drafts.extend(self._reported_obligations(sent, drafts, finder, lang.cues))
        drafts.extend(_named_as(sent, drafts, finder, lang.cues))
        drafts.extend(_quoted_judgement(sent, drafts, finder, lang.cues))
        by_token = {d.trigger.token.i: d for d in drafts}
        for draft in drafts:
            tok = draft.trigger.token
            outcome = by_token.get(tok.head.i) if draft.trigger.kind == "noun" and tok.dep_ in ("nsubj", "nsubj:pass") else None
            if outcome is not None and outcome is not draft and {draft.code[:2], outcome.code[:2]} <= _UNKNOWN_SOURCE_ROOTS:
                # "the bombing killed five (and wounded 110)": one act, named by the noun, with the verbs' victims
                for other in drafts:
                    verb = other.trigger.token
                    if other is outcome or (
                        verb.dep_ == "conj" and verb.head.i == outcome.trigger.token.i and other.code[:2] in _UNKNOWN_SOURCE_ROOTS
                    ):
                        other.absorbed = True
            casualty = _act_verb(tok, draft.trigger, lang.cues) if draft.trigger.kind == "noun" else None
            if casualty is not None and casualty.i in by_token and draft.code[:2] in _UNKNOWN_SOURCE_ROOTS:
                by_token[casualty.i].absorbed = True  # "killed in an air strike": one act, the strike
        return drafts, not_acts

    def _emit_prominent(self, article: Article, drafts: list[_Draft], sent: Any, sentence: Any, offset: int, cues: Any) -> list[Event]:
        """Emission. The sentence reports its main-clause acts; acts embedded in adjuncts, relative clauses or another
        act's complement are background, kept only when nothing more prominent is. An act whose source no actor names
        is kept only when the sentence reports nothing else."""
        if any(not d.absorbed and d.source_how != "none" for d in drafts):
            for draft in drafts:
                if not draft.absorbed and draft.source_how == "none":
                    draft.absorbed = True
                    self._drop(draft.trigger, "no source actor", draft.code)
        live = [d for d in drafts if not d.absorbed]
        trigger_tokens = {d.trigger.token.i for d in live}
        levels = {id(d): _embedding(d.trigger.token, d.trigger.kind, trigger_tokens, cues) for d in live}
        top = min(levels.values(), default=0)
        according_to = _according_to(sent, cues)
        events: list[Event] = []
        for draft in drafts:
            if draft.absorbed:
                self._drop(draft.trigger, "absorbed by another event of the clause", draft.code)
                continue
            if levels[id(draft)] > top:
                self._drop(draft.trigger, "embedded under a more prominent event", draft.code)
                continue
            if not self._mood(draft, cues):
                continue
            if according_to:
                draft.reported = True
            events.extend(self._emit(article, draft, sent, sentence, offset, cues, acts=len(live)))
        return events

    def _mood(self, draft: _Draft, cues: Any) -> bool:
        """Negation, refusal, future and hypothesis of a draft; False when it is a negated act to drop."""
        tok = draft.trigger.token
        # "said the US must not send troops": a demand that something not be done is a demand made, not an act denied;
        # "doesn't have to justify" lifts the obligation (its verb negated), unless its negation forbids (« ne doit pas »)
        lifted = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in cues.obligation - cues.forbidding_obligations
        demanded = "obligation" in draft.wrappers and not (lifted and _negated_act(tok.head, cues))
        draft.negated = _negated_act(tok, cues) and not demanded
        if draft.negated:
            refusal = refusal_code(draft.code)
            if refusal is not None:
                # CAMEO codes cooperation refused as rejection (12x), not as a missing event.
                draft.code, draft.negated = refusal, False
                draft.wrappers.append("refused")
            elif not self.keep_negated:
                self._drop(draft.trigger, "negated", draft.code)
                return False
        if is_condition(tok, cues):
            self._drop(draft.trigger, "the condition of a conditional, not an act", draft.code)
            return False
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in cues.speech and _negated_act(tok.head, cues):
            # "did not announce whom they would support", « n'a pas dit qu'elle attaquerait »: nothing was said
            self._drop(draft.trigger, "reported by a negated statement", draft.code)
            return False
        mood = tok
        if draft.trigger.kind == "noun" and tok.dep_ in ("obj", "dobj", "obl:arg"):
            mood = _governing_verb(tok) or tok  # "would tighten the blockade": the verb carries the mood
        if is_hearsay(mood, cues):
            draft.reported = True  # « l'armée aurait bombardé »: reported, not vouched for
        future = mood.dep_ == "xcomp" and mood.head.lemma_.lower() in cues.future
        if future or is_hypothetical(mood, cues) or (mood.dep_ == "xcomp" and is_hypothetical(mood.head, cues)):
            irrealis = future or is_irrealis(mood, cues)
            announced = mood.dep_ in ("ccomp", "parataxis") and mood.head.lemma_.lower() in cues.speech
            if irrealis and not announced and not any(a.mention.code for a in draft.sources):
                # "new sanctions will be adopted", "will now align with Assad" of no one coded: a forecast ("X said it
                # would boycott" is X's announcement, kept whoever X is)
                self._drop(draft.trigger, "a future act no coded actor is said to do", draft.code)
                return False
            draft.hypothetical = True
            if irrealis and not draft.wrappers:
                # PLOVER: announced future cooperation is AGREE; announced future force is a threat.
                if draft.code[:2] in ("04", "05", "06", "07", "08"):
                    draft.code = intent_code(draft.code)
                    draft.wrappers.append("future")
                elif draft.code[:2] in ("14", "15", "16", "17", "18", "19", "20"):
                    draft.code = threat_code(draft.code)
                    draft.wrappers.append("future")
        return True

    def _keep(self, events: list[Event]) -> list[Event]:
        """The events worth storing: confident enough, not a news source's statement, with a coded actor."""
        kept: list[Event] = []
        for event in events:
            if event.confidence < self.min_confidence:
                continue
            if event.cameo == "010" and (not event.source_code or set(codebook.actor_roles(event.source_code)) & _NEWS_SOURCE_ROLES):
                # "police said the victim is 25", "state media reported...": a source of news, not a political statement
                self._record(event.trigger, event.cameo, "statement by a news source")
                continue
            if event.cameo[:2] in _PARTNERED_ROOTS and event.cameo != "055" and not event.target_code:
                # "Turkey justified the claim", "the resolution awaited approval": praise, approval and verbal
                # defence (05) with no one named they are given to is no event between actors; an apology (055)
                # is one, to whoever was wronged
                self._record(event.trigger, event.cameo, "diplomatic cooperation with no partner")
                continue
            if not (event.source_code or event.target_code):
                if not self.keep_actorless:
                    self._record(event.trigger, event.cameo, "no coded actor")
                    continue
                event.rule += "+actorless"
            kept.append(event)
        return kept

    def _reported_obligations(self, sent: Any, drafts: list[_Draft], finder: ArgumentFinder, cues: Any) -> list[_Draft]:
        """ "X said that Y must withdraw": X demands of Y (CAMEO 100), whatever Y must do.

        Acts the dictionary knows are refined later (the obligation framing turns them into 10x);
        this covers the others.
        """
        out: list[_Draft] = []
        known = {d.trigger.token.i for d in drafts}
        for token in sent:
            if token.lemma_.lower() not in cues.speech | cues.reporting:
                continue
            for clause in token.children:
                if clause.dep_ not in ("ccomp", "parataxis"):
                    continue
                act = owed_act(clause, cues)
                if act is None or act.i in known:
                    continue
                speakers, how = finder.verb_source(token)
                if not speakers:
                    speakers = finder.inverted_subject(token)
                obliged = [a for a in finder.verb_source(clause)[0] if a not in speakers]
                if not speakers or not obliged:
                    continue
                trigger = Trigger(act, act.i + 1, [_DEMAND_PATTERN], "verb")
                start = min(token.i, act.i)
                out.append(
                    _Draft(
                        trigger,
                        _DEMAND_PATTERN,
                        "100",
                        speakers,
                        obliged,
                        how,
                        "clause-subject",
                        (start, max(token.i, act.i) + 1),
                        "construction.reported_obligation",
                    )
                )
                out[-1].wrappers.append("obligation")
        return out

    def _draft(self, trigger: Trigger, finder: ArgumentFinder, lang: LanguageResources) -> _Draft | str:
        """A trigger's draft event: its pattern (by the source's roles), sources, targets and span; or why it makes none."""
        tok = trigger.token
        cues = lang.cues
        if _habitual(tok if trigger.kind == "verb" else _governing_verb(tok), cues):
            return self._reject(trigger, "a habit, not an act")  # "Israel rarely comments on its strikes"
        found = _verb_sources(trigger, finder, cues) if trigger.kind == "verb" else _noun_arguments(trigger, finder, cues)
        if isinstance(found, str):
            return self._reject(trigger, found)
        sources, targets, source_how, target_how = found
        mutual = any(_between_code(p.cameo) for p in trigger.candidates)
        if mutual:
            sources, targets, source_how, target_how = _between_first(tok, (sources, targets, source_how, target_how), cues)
        roles = {r for a in sources for r in a.mention.roles}
        pattern = next((p for p in trigger.candidates if not p.roles or p.roles & roles), None)
        if pattern is None and source_how == "speaker" and sources and roles <= {"GOV"}:
            # « ... nous frapperons », a déclaré le Premier ministre: a government's "we" commands its forces
            pattern = next((p for p in trigger.candidates if "MIL" in p.roles), None)
        if pattern is None:
            return self._reject(trigger, "source lacks the role the pattern requires" if sources else "no source actor")
        instruments: list[TokenActor] = []
        if trigger.kind == "verb":
            sources, source_how, targets, target_how, instruments = _verb_aim(tok, pattern, (sources, source_how), finder, cues)
            if mutual:  # "fighting between X and Y", once the verb's own arguments are known
                sources, targets, source_how, target_how = _between_first(tok, (sources, targets, source_how, target_how), cues)
        if trigger.kind == "verb" and _counted_object(tok, cues):
            return self._reject(trigger, "counted over a period: a summary, not an act", pattern.cameo)
        if (
            trigger.kind == "verb"
            and pattern.cameo[:2] == "10"
            and _orders_a_thing(tok, cues)
            and all(t.mention.kind == "place" for t in targets)  # "ordered checks across Poland": where, not whom
        ):
            return self._reject(trigger, "an order of a thing: no demand on anyone", pattern.cameo)  # "ordered a day of mourning"
        coded = any(a.mention.code for a in sources)
        if not coded and pattern.cameo[:2] in _UNKNOWN_SOURCE_ROOTS | {"17"} and _natural_cause(tok, cues):
            return self._reject(trigger, "done by a natural cause, no actor", pattern.cameo)  # "the virus killed 800"
        if not sources and trigger.kind == "verb" and _uncoded_agent(tok, finder, cues):
            return self._reject(trigger, "done by an agent that is no political actor", pattern.cameo)  # "killed by his lions"
        if not sources and trigger.kind == "verb" and tok.lemma_.lower() in cues.injury:
            return self._reject(trigger, "a casualty count: no one named who hurt", pattern.cameo)  # "were injured"
        if pattern.cameo == "010" and trigger.kind == "verb" and tok.lemma_.lower() in cues.speaking and not _reports_words(tok):
            return self._reject(trigger, "speaking, no words reported", pattern.cameo)  # "was speaking at a forum"
        if trigger.kind == "verb" and _present_state(tok, cues):
            return self._reject(trigger, "a state described in the present passive, not an act", pattern.cameo)
        if pattern.cameo == "010" and trigger.kind == "verb" and _reports_a_count(tok, finder, cues):
            return self._reject(trigger, "a count reported, not a statement", pattern.cameo)  # "said 190 were dead"
        if pattern.cameo == "010" and trigger.kind == "verb" and _no_statement(tok, cues):
            return self._reject(trigger, "no statement: a participle describing a noun, or an anonymous source", pattern.cameo)
        if not sources:
            # "trois soldats ont été tués", "un attentat a tué un soldat": force against a known
            # victim by an unnamed perpetrator is coded with an unknown source.
            # a ban or restriction (172) named with no one imposing it ("the ban on Mahan Air") refers to one told before
            if (
                targets
                and pattern.cameo[:2] in _UNKNOWN_SOURCE_ROOTS
                and not pattern.roles
                and not (trigger.kind == "noun" and pattern.cameo[:3] == "172")
            ):
                source_how = "unknown"
            elif (
                trigger.kind == "verb"
                and pattern.cameo[:2] != "01"
                and (tok.dep_ in ("ROOT", "conj") or (tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in cues.speech))
            ):
                source_how = "none"  # a main-clause act whose actor no dictionary names: kept only if the sentence has nothing better
            else:
                return self._reject(trigger, "no source actor", pattern.cameo)
        sources, targets, implied = _implied_sides(trigger, pattern.cameo, (sources, targets), finder)
        if implied:
            source_how, target_how = ("implied", target_how) if implied == "COP" else (source_how, "implied")
        start, end = _span(trigger, pattern)
        rule = f"{lang.code}.{trigger.kind}.{pattern.id}"
        code = pattern.cameo
        if _claimed_by_doer(trigger, code, sources, finder, cues):
            code, rule = "015", rule + "+claim"  # "the Houthis said they had carried out the attack"
        weapon = _weapon_subject(tok, cues) if trigger.kind == "verb" else None
        if code == "190" and weapon is not None and weapon.lemma_.lower() in cues.aerial_weapons:
            code = "195"  # "des drones ont frappé", "missiles hit": an attack from the air
        return _Draft(trigger, pattern, code, sources, targets, source_how, target_how, (start, end), rule, instruments=instruments)

    def _emit(self, article: Article, draft: _Draft, sent: Any, sentence: Any, offset: int, cues: Any, *, acts: int = 1) -> list[Event]:
        """The events of a draft: one per (source, target) pair, with its codes, spans, confidence and rule."""
        doc = sent.doc
        pairs, target_how = _dyads(draft, sent, cues)
        trigger_span = doc[draft.span[0] : draft.span[1]]
        out: list[Event] = []
        for source, target in pairs:
            if target is not None and source is not None and target.mention.code == source.mention.code and target.mention.code is not None:
                if not _two_people(source.mention, target.mention):
                    target = None  # "Russia said Russian forces...": one side; Zelensky declining Honcharuk's offer is two
            elif target is not None and source is not None and draft.code[:2] == "15" and _same_side(source, target):
                target = None  # "Azerbaijan mobilized troops": the forces it moves are its instrument, not its target
            elif target is not None and draft.code[:2] in ("01", "03") and _talked_about(source, target, own=draft.code[:2] == "01"):
                target = None  # "told the AP", "an initiative for the Persian Gulf": what or where, not whom
            smention = source.mention if source is not None else None
            tmention = target.mention if target is not None else None
            how = target_how if target is not None else "none"
            if (target is None or target_how == "nearby") and not draft.targets:
                referent = _antecedent(draft, smention.code if smention else None, self._earlier, sentence.index, self._noun_roots, cues)
                if referent is not None:
                    tmention, how = referent, "antecedent"  # "criticized the move": the one who made it
            if _only_anonymous(smention, tmention) and draft.code[:2] != "14":
                # "two people were killed", "a man was arrested": anonymous people alone are no political actor
                self._record(draft.trigger.token.text, draft.code, "only anonymous people")
                continue
            if (business := _commercial(smention, tmention)) is not None and draft.code[:2] in _COMMERCIAL_ROOTS:
                # "Tesco and Salling Group announced their agreement": companies dealing with companies, no politics
                self._record(draft.trigger.token.text, draft.code, business)
                continue
            code, rule = draft.code, draft.rule + "".join(f"+{w}" for w in draft.wrappers)
            if code == "190" and _assault(smention, tmention):
                code, rule = "180", rule + "+assault"  # settlers, gangs, a mob against civilians: not military force
            info = codebook.lookup(code)
            plover, mode = info.plover, info.mode
            if draft.pattern.plover is not None and code == draft.pattern.cameo:
                plover, mode = draft.pattern.plover  # the words name the PLOVER act more precisely than the code's mapping
            values = features(
                draft, how, source=smention.code if smention else None,
                target=tmention.code if tmention else None, quad=info.quad, lang=article.lang, acts=acts, words=len(sent),
            )  # fmt: skip
            confidence = calibrated(values)
            if tmention is not None and how in ("nearby", "reciprocal", "antecedent", "implied", "addressee"):
                rule += f"+target:{how}"
            out.append(
                Event(
                    article_id=article.id,
                    sentence_index=sentence.index,
                    sentence=sentence.text,
                    cameo=info.code,
                    root=info.root,
                    quad=info.quad,
                    goldstein=info.goldstein,
                    penta=info.penta,
                    plover=plover,
                    mode=mode,
                    source_code=smention.code if smention else None,
                    source_text=smention.text if smention else None,
                    source_start=smention.start if smention else None,
                    source_end=smention.end if smention else None,
                    target_code=tmention.code if tmention else None,
                    target_text=tmention.text if tmention else None,
                    target_start=tmention.start if tmention else None,
                    target_end=tmention.end if tmention else None,
                    trigger=trigger_span.text,
                    trigger_start=offset + trigger_span.start_char,
                    trigger_end=offset + trigger_span.end_char,
                    sentence_start=sentence.start,
                    sentence_end=sentence.end,
                    confidence=confidence,
                    rule=rule,
                    coder=CODER_VERSION,
                    lang=article.lang,
                    negated=draft.negated,
                    hypothetical=draft.hypothetical,
                    reported=draft.reported,
                )
            )
            if self.feature_log is not None:
                self.feature_log.append((out[-1], values))
        return out


__all__ = ["CodeEvents"]


def _span(trigger: Trigger, pattern: Pattern) -> tuple[int, int]:
    """The tokens of a trigger's words: its own, its auxiliaries before it and the objects its pattern names."""
    tok = trigger.token
    start = trigger.start if trigger.start >= 0 else tok.i
    end = trigger.end
    aux = [c.i for c in tok.children if c.dep_.startswith("aux") and c.i < tok.i]
    if aux:
        start = min(aux)
    if pattern.objects:
        for child in tok.children:
            if child.lemma_.lower() in pattern.objects or child.lower_ in pattern.objects:
                end = max(end, child.i + 1)
                start = min(start, child.i)
    return start, end


def _mentioned(noun: Any, acts: set[int], cues: Any) -> bool:
    """An event noun as the object of a verb that neither carries it (light and ordering verbs: "launched strikes"),
    nor reports it (speech), nor undergoes it, nor is an act itself: "cited the repression", "orchestrated attacks",
    "the move follows the killing", « surveillent le déploiement » talk about an act told elsewhere."""
    verb = attached_to(noun)
    if verb.pos_ != "VERB" or verb.i in acts:
        return False
    if noun.dep_ in ("pobj", "obl", "obl:arg", "obl:mod") and preposition_of(noun) in cues.topic:
        return True  # "was asked about the strikes", « interrogé sur les accusations »: the topic, told elsewhere
    if noun.dep_ not in ("obj", "dobj"):
        return False
    lemma = verb.lemma_.lower()
    return not any(lemma in words for words in (cues.light, cues.order, cues.speech, cues.undergo, cues.course))


def _mention(noun: Any, acts: set[int], cues: Any) -> str:
    """Why an event noun is only mentioned, not reported ("" when it is reported): it is what a verb is about, or
    the complement of a noun that is (« fuyaient l'intensification des affrontements ») or that describes
    (« ces morts sont la conséquence des affrontements »)."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ == "NOUN":
        first = first.head  # "cited the repression of the people and its support for Maduro": the list is the mention
    if _mentioned(first, acts, cues):
        return "event noun as what another verb is about: mentioned, not reported"
    holder = _holder_noun(first)
    if holder is None or holder.lemma_.lower() in cues.victims:
        return ""  # « Kiev est la cible de frappes russes »: being an act's target reports the act
    # a holder that names no act may describe (copula); one that is an act ("cited the repression of the people and
    # its support for Maduro") is only mentioned with all inside its phrase
    described = holder.i not in acts and any(c.dep_ == "cop" for c in holder.children)
    if described or _mentioned(holder, acts, cues):
        return "event noun in the complement of a noun that is only mentioned"
    return ""


def _holder_noun(noun: Any) -> Any:
    """The noun whose genitive complement an event noun is: « l'intensification des affrontements », "the victims of
    the clash"; None otherwise."""
    if not (noun.dep_ == "pobj" and noun.head.dep_ == "prep") and noun.dep_ != "nmod":
        return None
    holder = attached_to(noun)
    if holder.pos_ != "NOUN" or preposition_of(noun) not in _OWNER_OF:
        return None
    if any(c.dep_ == "nummod" for c in holder.children):
        return None  # "passed two articles of impeachment", "two weeks of protests": a count of the acts themselves
    return holder
