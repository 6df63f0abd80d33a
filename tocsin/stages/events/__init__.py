"""The events stage: code each sentence's events in CAMEO and PLOVER.

For every trigger the language's pattern dictionary recognises (a verb, or an
event noun), the stage finds the source and target in the dependency parse,
frames the act (negated, hypothetical, intended, threatened, reported) and
emits one :class:`~tocsin.models.Event` per (source, target) pair, tied to the
exact words of its sentence, trigger and actors, with a confidence and the
id of the rule that fired.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ... import codebook
from ...about import CODER_VERSION
from ...languages import LanguageResources, Pattern, load_language, resource_words
from ...models import ActorMention, Article, Event
from ..actors import TokenActor, preposition_of
from .arguments import AGENT, AGENT_OF, FIRST_PERSON, PASSIVE_SUBJECT, QUOTE_MARKS, SUBJECT, ArgumentFinder, quoted_tokens
from .confidence import calibrated, features
from .modality import demand_code, intent_code, is_condition, is_hypothetical, is_irrealis, is_negated, refusal_code, threat_code
from .triggers import Trigger, find_triggers, governs, is_verbal

# Roots whose missing target is taken from the nearest other-country actor of the sentence (attacks have victims).
# Why a noun trigger names no act at all: a statement that reports only such a noun still states (010) ("said the
# success of the treaty will be the real test": no act is reported, the treaty is a circumstance).
_NOT_ACTS = frozenset(
    {
        "event noun in an adjunct or another noun's complement: circumstance",
        "counted or measured: a summary, not an act",
        "part of a name",
        "statement noun",
    }
)
_NEARBY_ROOTS = frozenset({"17", "18", "19", "20"})
# Speakers whose plain statements (010) report news rather than make policy: police and hospital spokespeople,
# media, companies, scholars, civilians. Their other acts (protest, accusation, demand) are coded as usual.
_NEWS_SOURCE_ROLES = frozenset({"COP", "MED", "HLH", "BUS", "EDU", "CVL"})
# Roots coded even when the perpetrator is not named.
_UNKNOWN_SOURCE_ROOTS = frozenset({"17", "18", "19", "20"})
_NOUN_CLIMB = ("obj", "obl", "obl:arg", "obl:mod", "nmod", "iobj", "xcomp", "dobj", "pobj", "prep", "conj", "appos")


@dataclass
class _Draft:
    trigger: Trigger
    pattern: Pattern
    code: str
    sources: list[TokenActor]
    targets: list[TokenActor]
    source_how: str
    target_how: str
    span: tuple[int, int]  # token span of the trigger words
    rule: str
    hypothetical: bool = False
    negated: bool = False
    reported: bool = False
    absorbed: bool = False
    wrappers: list[str] = field(default_factory=list)


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
        for trigger in triggers:
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
                outcome.absorbed = True  # "the bombing killed five": one act, named by the noun, with the verb's victims
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
            events.extend(self._emit(article, draft, sent, sentence, offset, acts=len(live)))
        return events

    def _mood(self, draft: _Draft, cues: Any) -> bool:
        """Negation, refusal, future and hypothesis of a draft; False when it is a negated act to drop."""
        tok = draft.trigger.token
        draft.negated = _negated_act(tok, cues)
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
        mood = tok
        if draft.trigger.kind == "noun" and tok.dep_ in ("obj", "dobj", "obl:arg"):
            mood = _governing_verb(tok) or tok  # "would tighten the blockade": the verb carries the mood
        future = mood.dep_ == "xcomp" and mood.head.lemma_.lower() in cues.future
        if future or is_hypothetical(mood, cues) or (mood.dep_ == "xcomp" and is_hypothetical(mood.head, cues)):
            draft.hypothetical = True
            if (future or is_irrealis(mood, cues)) and not draft.wrappers:
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
                act = clause
                if clause.lemma_.lower() in cues.obligation:
                    act = next((c for c in clause.children if c.dep_ == "xcomp"), None)
                elif not any(c.dep_ == "aux" and c.lemma_.lower() in cues.obligation_aux for c in clause.children):
                    act = None
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
        roles = {r for a in sources for r in a.mention.roles}
        pattern = next((p for p in trigger.candidates if not p.roles or p.roles & roles), None)
        if pattern is None and source_how == "speaker" and sources and roles <= {"GOV"}:
            # « ... nous frapperons », a déclaré le Premier ministre: a government's "we" commands its forces
            pattern = next((p for p in trigger.candidates if "MIL" in p.roles), None)
        if pattern is None:
            return self._reject(trigger, "source lacks the role the pattern requires" if sources else "no source actor")
        if trigger.kind == "verb":
            targets, target_how = _verb_targets(tok, pattern, sources, finder, cues)
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
            if targets and pattern.cameo[:2] in _UNKNOWN_SOURCE_ROOTS and not pattern.roles:
                source_how = "unknown"
            elif (
                trigger.kind == "verb"
                and pattern.cameo[:2] != "01"
                and (tok.dep_ in ("ROOT", "conj") or (tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in cues.speech))
            ):
                source_how = "none"  # a main-clause act whose actor no dictionary names: kept only if the sentence has nothing better
            else:
                return self._reject(trigger, "no source actor", pattern.cameo)
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
        rule = f"{lang.code}.{trigger.kind}.{pattern.id}"
        code = pattern.cameo
        weapon = _weapon_subject(tok, cues) if trigger.kind == "verb" else None
        if code == "190" and weapon is not None and weapon.lemma_.lower() in cues.aerial_weapons:
            code = "195"  # "des drones ont frappé", "missiles hit": an attack from the air
        return _Draft(trigger, pattern, code, sources, targets, source_how, target_how, (start, end), rule)

    def _emit(self, article: Article, draft: _Draft, sent: Any, sentence: Any, offset: int, *, acts: int = 1) -> list[Event]:
        """The events of a draft: one per (source, target) pair, with its codes, spans, confidence and rule."""
        doc = sent.doc
        pairs, target_how = _dyads(draft, sent)
        trigger_span = doc[draft.span[0] : draft.span[1]]
        out: list[Event] = []
        for source, target in pairs:
            if target is not None and source is not None and target.mention.code == source.mention.code and target.mention.code is not None:
                target = None
            elif target is not None and source is not None and draft.code[:2] == "15" and _same_side(source, target):
                target = None  # "Azerbaijan mobilized troops": the forces it moves are its instrument, not its target
            elif target is not None and draft.code[:2] == "01" and _talked_about(source, target):
                target = None  # "told the AP", "an initiative for the Persian Gulf": what or where, not whom
            smention = source.mention if source is not None else None
            tmention = target.mention if target is not None else None
            if _only_anonymous(smention, tmention) and draft.code[:2] != "14":
                # "two people were killed", "a man was arrested": anonymous people alone are no political actor
                self._record(draft.trigger.token.text, draft.code, "only anonymous people")
                continue
            if _commercial(smention, tmention) and draft.code[:2] in _COMMERCIAL_ROOTS:
                # "Tesco and Salling Group announced their agreement": companies dealing with companies, no politics
                self._record(draft.trigger.token.text, draft.code, "companies only: a commercial story")
                continue
            code, rule = draft.code, draft.rule + "".join(f"+{w}" for w in draft.wrappers)
            if code == "190" and _assault(smention, tmention):
                code, rule = "180", rule + "+assault"  # settlers, gangs, a mob against civilians: not military force
            info = codebook.lookup(code)
            plover, mode = info.plover, info.mode
            if draft.pattern.plover is not None and code == draft.pattern.cameo:
                plover, mode = draft.pattern.plover  # the words name the PLOVER act more precisely than the code's mapping
            values = features(
                draft, target_how if target is not None else "none", source=smention.code if smention else None,
                target=tmention.code if tmention else None, quad=info.quad, lang=article.lang, acts=acts, words=len(sent),
            )  # fmt: skip
            confidence = calibrated(values)
            if target is not None and target_how in ("nearby", "reciprocal"):
                rule += f"+target:{target_how}"
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


_ARMED_OR_STATE = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "IMG", "COP", "SPY", "GOV", "PKO", "JUD", "LEG", "ELI"})


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


def _only_anonymous(source: ActorMention | None, target: ActorMention | None) -> bool:
    """No side is a political actor, and one is anonymous people ("31 personnes", "a man")."""
    sides = [m for m in (source, target) if m is not None]
    return any(m.kind == "anonymous" for m in sides) and not any(m.code and m.kind != "anonymous" for m in sides)


def _talked_about(source: TokenActor | None, target: TokenActor) -> bool:
    """A statement's target that is no addressee: a region it is about, the outlet it was told to, or the speaker's
    own country ("Erdogan claimed the Turkish drilling is lawful")."""
    mention = target.mention
    if mention.kind == "region" or "MED" in mention.roles:
        return True
    return source is not None and source.mention.country is not None and source.mention.country == mention.country


_GENERIC_FORCE = frozenset({"180", "190"})  # force whose kind a more precise event noun may name
_PARTNERED_ROOTS = frozenset({"05"})  # acts given to someone: with no one named, no event (measured: 05 only)
_COMMERCIAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"})


def _commercial(source: ActorMention | None, target: ActorMention | None) -> bool:
    """Every coded side is a company ("UK-based retailer Tesco", "Boeing"): its talks, deals and disputes are business."""
    sides = [m for m in (source, target) if m is not None and m.code]
    return bool(sides) and all("BUS" in m.roles for m in sides)


def _assault(source: ActorMention | None, target: ActorMention | None) -> bool:
    """CAMEO 18 (assault, unconventional violence) rather than 19 (conventional military force): the doer is a
    non-state group that is no armed force (settlers, criminals, civilians) and the victims are no armed force."""
    if source is None or not source.roles or set(source.roles) & _ARMED_OR_STATE:
        return False
    return target is None or not (set(target.roles) & _ARMED_OR_STATE)


def _most_specific(actors: list[TokenActor]) -> list[TokenActor]:
    """One actor per side named twice: "British police chief Stephen Mold" is GBRCOP, not GBR and GBRCOP."""
    codes = [a.mention.code or "" for a in actors]
    return [a for a, code in zip(actors, codes, strict=True) if not (code and any(o != code and o.startswith(code) for o in codes))]


def _dyads(draft: _Draft, sent: Any) -> tuple[list[tuple[TokenActor | None, TokenActor | None]], str]:
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
    if not targets and len(sources) > 1 and _mutual(draft.code):
        # Reciprocal: "la Jordanie et le Royaume-Uni sont convenus" -> each toward the other.
        for a in sources:
            for b in sources:
                if a is not None and b is not None and a is not b and a.mention.code != b.mention.code:
                    pairs.append((a, b))
        target_how = "reciprocal"
    if not pairs:
        if not targets:
            near = (
                _nearest_other(doc, sent, draft.sources, draft.trigger.token) if draft.code[:2] in _NEARBY_ROOTS and draft.sources else None
            )
            if near is not None:
                targets = [near]
                target_how = "nearby"
            else:
                targets = [None]
        pairs = [(s, t) for s in sources for t in targets]
    return pairs, target_how


_CLOSING = frozenset('.!?…:;»"”’)')


def _mutual(code: str) -> bool:
    """Acts that several actors doing together do to each other: agreeing, consulting, cooperating, fighting; not
    pledging aid (033x: "China, Iran and Russia pledged funds" is to a third party) nor praise or support (051-056)."""
    if code[:3] == "033":
        return False
    return code[:2] in ("03", "04", "06", "19") or code in ("050", "057")


def _is_fragment(sent: Any) -> bool:
    """A line with no verb that does not end as a sentence ends: a legend, caption, byline or credit.

    "Syrian opposition & Turkish occupation" (a map legend) or "Photo: Reuters" is not reported speech about an
    event; a headline has its verb ("Russia shells Kharkiv") and is coded.
    """
    text = sent.text.rstrip()
    if not text or text[-1] in _CLOSING:
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in sent)


ALLEGATION = "112"  # CAMEO: accuse, not specified below
CRITICISM = "111"  # CAMEO: criticize or denounce
THREAT = "130"  # CAMEO: threaten, not specified below
INTENT = "030"  # CAMEO: express intent to cooperate, not specified below


_Arguments = tuple[list[TokenActor], list[TokenActor], str, str]


def _verb_sources(trigger: Trigger, finder: ArgumentFinder, cues: Any) -> _Arguments | str:
    """Who does what a verb says (its targets are found once the pattern is known), or why it reports no act."""
    tok = trigger.token
    background = _background_clause(tok, cues, finder.at)
    if background is None and tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX") and tok.head.dep_ in ("relcl", "acl:relcl"):
        # "the Taliban, which seeks to retake control", "fighters whom Europe has refused to repatriate": the verb
        # that frames the act describes its noun
        background = _background_clause(tok.head, cues, finder.at)
    if background is not None:
        return background
    sources, source_how = finder.verb_source(tok)
    if source_how == "subject":
        sources = _armed(tok, sources, cues)
    if not sources and (tok.lemma_.lower() in cues.speech or _in_incise(tok)):
        # "..., a déclaré le ministre"; "« C'est l'œuvre des Russes », a accusé le président ukrainien"
        sources, source_how = finder.inverted_subject(tok), "inverted"
    return sources, [], source_how, "none"


def _verb_targets(tok: Any, pattern: Pattern, sources: list[TokenActor], finder: ArgumentFinder, cues: Any) -> tuple[list[TokenActor], str]:
    """Whom a verb's act is aimed at, once its pattern is known: its object or oblique (or, for threats, statements and
    demands, the subject of the clause it reports); a vow or threat with none aims at the object of the act it commits
    to ("a juré de châtier Israël", "vowed to punish Israel")."""
    exclude = {id(a) for a in sources}
    lemma = tok.lemma_.lower()
    clause_subject = lemma in cues.threat or lemma in cues.speech or pattern.cameo[:2] in ("10", "11", "12", "13", "02")
    targets, target_how = finder.verb_targets(tok, exclude=exclude, clause_subject=clause_subject)
    if targets:
        return targets, target_how
    for child in tok.children:
        if child.dep_ == "xcomp" and (child.lemma_.lower() in pattern.objects or lemma in cues.threat):
            aimed, how = finder.verb_targets(child, exclude=exclude)
            if aimed and how in ("object", "oblique"):
                return aimed, how
    return targets, target_how


def _noun_arguments(trigger: Trigger, finder: ArgumentFinder, cues: Any) -> _Arguments | str:
    """Who does what an event noun names and to whom, or why it reports no act."""
    tok = trigger.token
    sources, targets, source_how = finder.noun_arguments(tok, trigger.end, trigger.start)
    target_how = "modifier" if targets else "none"
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
    if not targets and _outcome_subject(tok, trigger):
        # "twin bombings struck the cathedral", "l'attaque a tué douze soldats": an act of force that is the
        # subject of its outcome hits what that verb hits
        targets, target_how = finder.verb_targets(tok.head, exclude={id(a) for a in sources})
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
    sent = tok.sent
    places = [
        a for a in finder.actors
        if sent.start <= a.start < sent.end and a.mention.kind in ("country", "place", "capital") and a.mention.country
        and not a.mention.roles and not (a.start <= tok.i < a.end)
    ]  # fmt: skip
    place = min(places, key=lambda a: abs(a.start - tok.i), default=None)
    if place is None:
        return [], []
    offset = place.mention.start - tok.doc[place.start].idx  # where the Doc starts in the article
    country = place.mention.country or ""

    def implied(span: Any, role: str) -> TokenActor:
        mention = ActorMention(
            text=span.text, start=offset + span.start_char, end=offset + span.end_char,
            sentence_index=place.mention.sentence_index, code=country + role, country=country, roles=[role],
            name="inferred from context", kind="role",
        )  # fmt: skip
        return TokenActor(mention, span.start, span.end, span.root.i, dep=span.root.dep_)

    doc = tok.doc
    modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound")]
    before = [m for m in modifiers if m.i < tok.i]
    phrases = [doc[before[0].i : tok.i]] if before else []  # "anti - government" in three tokens
    phrases += [doc[m.i : m.i + 1] for m in modifiers if m.i > tok.i]  # « antigouvernementale »
    against = next((span for span in phrases if span.text.lower().replace(" ", "") in cues.against_government), None)
    return [implied(doc[tok.i : tok.i + 1], "CVL")], ([implied(against, "GOV")] if against is not None else [])


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
        if speakers and speaker is not None:
            draft.targets, draft.target_how = list(draft.sources), "clause-subject"
            draft.sources, draft.source_how = speakers, "subject"
            draft.code = demand_code(draft.code)
            draft.wrappers.append("obligation")
            _absorb(by_token, speaker.i)


def _absorb_embedded(drafts: list[_Draft], by_token: dict[int, _Draft], cues: Any) -> None:
    """One act, one event: what a verbal act is about, and the light or ordering verb of an event noun, are not
    events of their own."""
    # Verbal acts absorb what they are about: the content of a threat, demand, appeal, refusal
    # or accusation ("a refusé de déployer", "exige que le gouvernement fournisse") is not a second event.
    for draft in drafts:
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
        inner = [o for o in drafts if o is not draft and not o.absorbed and o.code[:2] != "01" and _reports(speech, o.trigger.token)]
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
        unanswered = _not_left_unanswered(speech, draft, finder, cues) if draft.code == "010" else None
        if unanswered is not None:
            # « l'attaque israélienne ne restera pas sans réponse », "will not go unanswered": a threat (130) at
            # whoever did what will be answered
            _recast(draft, inner, unanswered, THREAT, "threatened", "answer")
            continue
        blamed = _blamed(speech, draft, finder, cues) if draft.code == "010" else None
        if blamed is not None:
            # "said Hezbollah was behind the attack", « a affirmé que le Hezbollah était responsable de l'attaque »:
            # the statement accuses (112)
            _recast(draft, inner, blamed, ALLEGATION, "alleged", "pinned")
            continue
        # what it reports did not happen ("said Egypt had not attacked the post"): the statement is what happened
        inner = [o for o in inner if not _did_not_happen(o.trigger.token, o.code, cues)]
        reported_trigger = any(
            t.token.i != speech.i
            and t.candidates[0].cameo[:2] != "01"
            and _reports(speech, t.token)
            and not _did_not_happen(t.token, t.candidates[0].cameo, cues)
            for t in triggers
        )
        accused: list[TokenActor] = []
        if speech.lemma_.lower() in cues.allegation:
            accused = _alleged(draft, inner) if inner else _claimed_of(draft, finder)
        if accused:
            # "X claimed Y attacked Z": X accuses Y; what is alleged is not coded as an act
            draft.code, draft.targets, draft.target_how = ALLEGATION, accused, "alleged"
            for other in inner:
                other.absorbed = True
        elif inner or reported_trigger:
            draft.absorbed = True
            for other in inner:
                other.reported = True
        elif draft.code == "010" and _criticises(speech, draft, cues):
            # "called it a big mistake", « c'est un mensonge », a-t-il dit: a statement that condemns criticises (111)
            draft.code = CRITICISM
            draft.wrappers.append("criticism")
            if not draft.targets:
                draft.targets, draft.target_how = _criticised(speech, draft, finder), "criticised"
        elif draft.code == "010" and _announces_own_plan(speech, draft, finder, cues):
            # "we will change the museum's name", « nous rouvrirons l'ambassade », "announced it planned to join the
            # bloc": what the speaker's side will do is an intent (030), not a bare statement
            draft.code = INTENT
            draft.wrappers.append("intent")


def _named_as(sent: Any, drafts: list[_Draft], finder: ArgumentFinder, cues: Any) -> list[_Draft]:
    """Naming that condemns: "called the deal a big mistake", "designated the IRGC as a terrorist organization",
    « a qualifié l'attaque d'acte terroriste » criticise (111) what they name, by the namer. Only when what it is named
    as is itself a word of condemnation (or has one as its adjective): "a plan to fight terrorism" names nothing."""
    out: list[_Draft] = []
    drafted = {d.trigger.token.i: d for d in drafts}
    for verb in sent:
        if verb.lemma_.lower() not in cues.naming or not is_verbal(verb):
            continue
        named = next((c for c in verb.children if c.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass")), None)
        if named is None:
            continue
        predicates = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp") and c.i != named.i]
        predicates += [
            next((g for g in c.children if g.dep_ == "pobj"), c)
            for holder in (verb, named)
            for c in holder.children
            if c.dep_ in ("prep", "obl", "obl:arg", "obl:mod", "nmod") and preposition_of(c) in cues.naming_as
        ]
        words = cues.stigma | cues.criticism
        if not any(
            p.lemma_.lower() in words or any(a.dep_ in ("amod", "conj") and a.lemma_.lower() in words for a in p.children)
            for p in predicates
        ):
            continue
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


_QUOTE_DEPS = frozenset({"dep", "parataxis", "ccomp", "advcl"})


def _quoted_judgement(sent: Any, drafts: list[_Draft], finder: ArgumentFinder, cues: Any) -> list[_Draft]:
    """A sentence of quoted words with no speech verb of its own that judges something a condemning word ("Leaving
    them to die is a big mistake.", « C'est une honte. ») criticises (111): by the speaker the sentence before names,
    at the first actor of the other side it names. Only reported words: the writer's own judgement is no event."""
    if any(d.code[:2] == "01" or d.trigger.token.lemma_.lower() in cues.speech for d in drafts) or not _all_quoted(sent):
        return []
    if any(t.lemma_.lower() in cues.speech and t.pos_ in ("VERB", "AUX") for t in sent):
        return []
    predicate = next((t for t in sent if _judges(t, cues)), None)
    if predicate is None:
        return []
    speakers = finder.previous_speaker(sent)
    if not speakers:
        return []
    draft = _Draft(
        Trigger(predicate, predicate.i + 1, [_JUDGEMENT_PATTERN], "noun"), _JUDGEMENT_PATTERN, CRITICISM, speakers, [],
        "previous", "none", (predicate.i, predicate.i + 1), "construction.quoted_judgement",
    )  # fmt: skip
    draft.targets = _other_side((a for a in finder.actors if sent.start <= a.start < sent.end), draft)[:1]
    draft.target_how = "criticised" if draft.targets else "none"
    return [draft]


def _all_quoted(sent: Any) -> bool:
    """The sentence is reported words: it opens with a quotation mark, or closes a quotation it did not open."""
    marks = [t for t in sent if t.text in QUOTE_MARKS]
    if not marks:
        return False
    first = next(t for t in sent if not t.is_space)
    return first.text in QUOTE_MARKS or marks[0].text in _CLOSING_MARKS or (marks[0].text == '"' and len(marks) % 2 == 1)


def _judges(token: Any, cues: Any) -> bool:
    """A condemning word predicated of a subject, neither negated nor hypothetical ("is a big mistake")."""
    if token.pos_ not in ("NOUN", "ADJ") or token.lemma_.lower() not in cues.criticism:
        return False
    copular = token.dep_ in ("attr", "acomp") or any(c.dep_ == "cop" for c in token.children)
    holder = _copula_holder(token)
    return (
        copular
        and _copula_subject(token) is not None
        and not is_negated(holder, cues, predicate=True)
        and not is_hypothetical(holder, cues)
    )


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
        if token.lemma_.lower() not in cues.criticism and token.lemma_.lower() not in cues.stigma:
            continue
        copular = token.dep_ in ("attr", "acomp") or any(c.dep_ == "cop" for c in token.children)
        if not copular or _copula_subject(token) is None or is_negated(_copula_holder(token), cues, predicate=True):
            continue
        if is_hypothetical(_copula_holder(token), cues):
            continue  # "can be dangerous for the region": a risk, not a judgement of an act
        return token
    return None


def _negated_act(tok: Any, cues: Any) -> bool:
    """The act a trigger names is negated: "had not attacked", "refused to sign" (a negating governor)."""
    return is_negated(tok, cues) or (tok.dep_ == "xcomp" and (is_negated(tok.head, cues) or tok.head.lemma_.lower() in cues.negating))


def _did_not_happen(tok: Any, code: str, cues: Any) -> bool:
    """A negated act that is dropped, not refused: "had not attacked" did not happen; "did not agree" is a rejection."""
    return _negated_act(tok, cues) and refusal_code(code) is None


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


def _blamed(speech: Any, draft: _Draft, finder: ArgumentFinder, cues: Any) -> tuple[list[TokenActor], set[int]] | None:
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


def _copula_holder(predicate: Any) -> Any:
    """The token a copular clause hangs its subject and auxiliaries on: English "be", the French predicate itself."""
    return predicate.head if predicate.dep_ in ("attr", "acomp") else predicate


def _copula_subject(predicate: Any) -> Any | None:
    """The subject of a copular clause, from its predicate; a clause as subject too ("leaving them is a mistake")."""
    return next((c for c in _copula_holder(predicate).children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "csubj")), None)


def _criticises(speech: Any, draft: _Draft, cues: Any) -> bool:
    """The words a speech verb reports, outside who speaks, include a word of condemnation (a noun or adjective)."""
    speaker = {i for a in draft.sources for i in range(a.start, a.end)}
    for token in speech.sent:
        if token.i == speech.i or token.i in speaker or token.pos_ not in ("NOUN", "ADJ"):
            continue
        negated = is_negated(token, cues) or (token.dep_ in ("attr", "acomp") and is_negated(token.head, cues))
        if token.lemma_.lower() in cues.criticism and not negated:
            return True
    return False


def _criticised(speech: Any, draft: _Draft, finder: ArgumentFinder) -> list[TokenActor]:
    """Whom a condemning statement targets: the first actor of the words it reports not on the speaker's side."""
    return _other_side((a for a in finder.actors if speech.sent.start <= a.start < speech.sent.end), draft)[:1]


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
        return any(
            t.lemma_.lower() in cues.causes or t.lower_ in cues.causes for t in (phrase, *phrase.children) if t.pos_ in ("NOUN", "PROPN")
        )

    cur = tok
    for _ in range(3):
        for child in cur.children:
            if child.dep_ in SUBJECT or child.dep_ in AGENT:  # not a passive subject: "was killed" names the victim
                phrase = next((g for g in child.children if g.dep_ == "pobj"), child) if child.dep_ in AGENT else child
                return causes(phrase)
            noun_complement = cur is tok and tok.pos_ == "NOUN" and child.dep_ in ("prep", "nmod")
            if noun_complement and causes(next((g for g in child.children if g.dep_ == "pobj"), child)):
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
    passive = any(c.dep_ in ("aux:pass", "auxpass") for c in head.children)
    return head if passive and noun.dep_ in ("obl", "obl:mod") and preposition_of(noun) in AGENT_OF else None


def _counted_object(verb: Any, cues: Any) -> bool:
    """A verb whose object is counted in hundreds or thousands over a period ("has fired thousands of drones since the
    war began", « a tiré des milliers de drones depuis le début de la guerre ») sums up many acts: a statistic."""
    counted = any(c.dep_ in ("obj", "dobj") and c.lemma_.lower() in cues.quantity for c in verb.children)
    return counted and any(t.lower_ in cues.period for t in verb.subtree)


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


_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI", "PTY"})


def _side(code: str) -> str:
    """An actor's side in a dispute: its country (or IGO) and whether it is the state or one of the non-state parties
    (opposition, rebels, civilians...), so an opposition can accuse its own government; the code itself when it has
    no country ("---GOV")."""
    principal = codebook.actor_principal(code)
    if principal is None:
        return code
    roles = [r for r in codebook.actor_roles(code) if r not in _STATE_ROLES]
    return principal + (roles[0] if roles else "")


def _reports(speech: Any, act: Any) -> bool:
    """The speech verb reports the act: the act is in its complement, or the speech verb is an incise of the act's clause."""
    if governs(speech, act):
        return True
    return speech.dep_ in ("parataxis", "conj") and speech.head.i == _clause_head(act).i


def _clause_head(token: Any) -> Any:
    while token.dep_ not in ("ROOT", "root") and token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token


def _same_side(source: TokenActor, target: TokenActor) -> bool:
    """Source and target belong to one country (AZE and AZEMIL)."""
    a, b = source.mention.country, target.mention.country
    return a is not None and a == b


_CONTENT_ROOTS = frozenset({"02", "10", "11", "12", "13"})
# Statements that are acts of their own whatever they report: claiming or acknowledging responsibility, denying.
_OWN_STATEMENTS = frozenset({"015", "016"})
_NAMING_PATTERN = Pattern(id="naming", kind="verb", lemmas=("*",), objects=frozenset(), cameo="111", roles=frozenset())
_CLOSING_MARKS = frozenset({"»", "”"})
_JUDGEMENT_PATTERN = Pattern(id="quoted_judgement", kind="noun", lemmas=("*",), objects=frozenset(), cameo=CRITICISM, roles=frozenset())
_DEMAND_PATTERN = Pattern(id="reported_obligation", kind="verb", lemmas=("*",), objects=frozenset(), cameo="100", roles=frozenset())
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "obj", "obl:arg", "iobj", "csubj", "advcl"})


def _finite_after_infinitive(token: Any) -> bool:
    """A finite verb coordinated with an infinitive: the parser's attachment of "urged X to reconsider and spoke
    with Y", where the finite verb goes with the governing verb, not inside its complement."""
    return bool(token.dep_ == "conj" and "Fin" in token.morph.get("VerbForm") and "Inf" in token.head.morph.get("VerbForm"))


def _in_complement(outer: Any, inner: Any, *, noun: bool = False) -> bool:
    """True when ``inner`` lies in a complement clause of ``outer`` ("exige que X fournisse", "refuse de déployer",
    for an event noun: "its demand that Israel ease restrictions")."""
    deps = _COMPLEMENT_DEPS | {"acl", "relcl", "acl:relcl", "prep", "nmod"} if noun else _COMPLEMENT_DEPS
    cur = inner
    for _ in range(10):
        if cur.head.i == cur.i:
            return False
        if _finite_after_infinitive(cur):
            return False  # "urged the embassy to reconsider and spoke with Pompeo": a finite verb is the speaker's own act
        if cur.head.i == outer.i:
            return cur.dep_ in deps
        cur = cur.head
    return False


def _reporting_verb(verb: Any, cues: Any) -> Any | None:
    """The speech verb whose reported clause contains ``verb``: its governor, or an incise ("..., a déclaré X")."""
    reporting = cues.speech | cues.threat | cues.reporting
    cur = verb
    for _ in range(4):
        for child in cur.children:
            if child.i > verb.i and child.dep_ in ("advcl", "parataxis", "conj") and child.lemma_.lower() in cues.speech:
                return child  # incise after the reported clause
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in ("ccomp", "parataxis", "xcomp") and cur.head.lemma_.lower() in reporting:
            return cur.head
        cur = cur.head
    return None


def _past_infinitive(token: Any, cues: Any) -> bool:
    """ "annoncé avoir expulsé": a completed act reported, not an intention (the language's perfect infinitive auxiliaries)."""
    return any(c.dep_.startswith("aux") and c.lemma_.lower() in cues.perfect_infinitive_aux for c in token.children)


def _absorb(by_token: dict[int, _Draft], index: int) -> None:
    draft = by_token.get(index)
    if draft is not None:
        draft.absorbed = True


def _is_gerund(token: Any, cues: Any) -> bool:
    """A gerund or present participle by the language's endings ("en avertissant", "exigeant")."""
    return bool(cues.gerund_endings) and token.lower_.endswith(cues.gerund_endings)


def _governing_verb(token: Any) -> Any | None:
    cur = token
    for _ in range(4):
        if cur.dep_ not in _NOUN_CLIMB or cur.head.i == cur.i:
            return None
        cur = cur.head
        if is_verbal(cur):
            return cur
    return None


_EMBEDDING_NOUN = frozenset(
    {"nmod", "obl", "obl:mod", "obl:arg", "appos", "iobj", "acl", "amod", "compound", "pobj", "poss", "nmod:poss", "npadvmod"}
)
_EMBEDDING_VERB = frozenset(
    {"acl", "acl:relcl", "relcl", "csubj", "advcl", "ccomp", "xcomp", "parataxis", "obl", "obl:mod", "nmod", "pcomp"}
)


def _embedding(token: Any, kind: str, triggers: set[int], cues: Any) -> int:
    """How many clause boundaries separate a trigger from the main clause of its sentence."""
    level = 0
    cur = token
    for _ in range(12):
        head = cur.head
        if head.i == cur.i:
            break
        dep = cur.dep_
        if _finite_after_infinitive(cur) and head.head.i != head.i:
            cur = head.head  # "urged X to reconsider and spoke with Y": coordinated with the governing verb itself
            continue
        hlemma = head.lemma_.lower()
        nominal = kind == "noun" if cur is token else cur.pos_ in ("NOUN", "PROPN") and not is_verbal(cur)
        if nominal:
            if dep in ("obj", "obl:arg", "xcomp", "dobj", "attr") and (
                hlemma in cues.light or hlemma in cues.order or head.i not in triggers
            ):
                pass  # "a lancé une offensive", "a annoncé des sanctions"
            elif dep in _EMBEDDING_NOUN or dep in ("obj", "dobj"):
                level += 1
        elif dep in _EMBEDDING_VERB:
            gerund = _is_gerund(cur, cues) and not any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for c in cur.children)
            if dep == "ccomp" and hlemma in cues.speech:
                pass  # reported content counts as the main act
            elif dep == "xcomp" and (head.i not in triggers or hlemma in cues.intent or hlemma in cues.threat):
                pass  # "continuent d'avancer", "envisage d'envoyer"
            elif gerund and dep in ("advcl", "obl:mod", "obl"):
                pass  # "..., avertissant que": a co-event of the same subject
            else:
                level += 1
        cur = head
    return level


# Relative pronouns and one-counting numerals of every language (tocsin/languages/<code>/arguments.toml).
_RELATIVE_WORDS = resource_words("arguments", "relative")
_SINGLE = resource_words("arguments", "single")
_INCISE_OPENERS = frozenset({",", "»", "”", '"', "“", "«"})


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
        if own and (intends or is_irrealis(clause, cues)):
            return True
    return False


def _habitual(verb: Any | None, cues: Any) -> bool:
    """The verb's clause tells what someone rarely does ("rarely comments on its strikes", « commente rarement »): a
    habit, no single act. Acts done repeatedly ("routinely shell") are acts."""
    return verb is not None and any(c.dep_ == "advmod" and c.lower_ in cues.habitual for c in verb.children)


def _is_question(sent: Any, cues: Any) -> bool:
    """The sentence asks rather than reports: it ends with a question mark, unless the question is quoted words a
    speech verb outside them reports ('"How can you do this?" he asked'; "Did they say anything?" asks)."""
    last = next((t for t in reversed(sent) if t.text not in QUOTE_MARKS and not t.is_space), None)
    if last is None or last.text != "?":
        return False
    quoted = quoted_tokens(sent)
    return not (quoted and sent.root.i not in quoted and sent.root.lemma_.lower() in cues.speech)


def _in_incise(verb: Any) -> bool:
    """The verb opens an incise after a quotation or clause ("», a accusé le président", '," the minister warned'):
    the word before it (or before its auxiliaries) is a comma or a closing quotation mark."""
    auxes = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    if "Fin" not in verb.morph.get("VerbForm") and not any("Fin" in a.morph.get("VerbForm") for a in auxes):
        return False  # ", killing five civilians": a participle clause, not an incise
    first = min([verb.i] + [a.i for a in auxes])
    return first > verb.sent.start and verb.doc[first - 1].text in _INCISE_OPENERS


def _background_clause(verb: Any, cues: Any, actor_tokens: Any = ()) -> str | None:
    """Why a verb's clause reports no new act, or None.

    - a relative clause describes its noun ("the rebels, who are backed by Iran", "qui avait été conclu en 2015");
    - an adverbial clause opened by a background word ("since it was recaptured", "après que l'armée a repris");
    - a past participle that describes an actor ("the rebels, backed by Iran");
    - an infinitive that completes a noun is a plan, plot or purpose, not an act ("plans to attack", "a resolution
      to expel", "le projet d'attaquer"); intent, threat and demand verbs frame their infinitives elsewhere;
    - an idiom whose object is no act ("protests took place", "la réunion a eu lieu").
    """
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    if verb.dep_ in ("relcl", "acl:relcl"):
        relative = any("Rel" in c.morph.get("PronType") or c.lower_ in _RELATIVE_WORDS for c in verb.children)
        own_subject = any(
            c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and "Rel" not in c.morph.get("PronType") and c.lower_ not in _RELATIVE_WORDS
            for c in verb.children
        )
        if relative or not (auxiliaries and own_subject):  # "la police de Jéricho a saisi" misparsed as a relative clause
            return "relative clause: background"
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in cues.background for c in verb.children):
        return "background clause"
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and "Inf" in verb.morph.get("VerbForm"):
        return "plan or purpose: not an act"
    if "Inf" in verb.morph.get("VerbForm") and (
        (verb.dep_ == "advcl" and any(c.lower_ in cues.purpose for c in verb.children))
        or (verb.dep_.startswith("obl") and verb.head.lower_ in cues.purpose)
        or (verb.dep_.startswith(("advcl", "obl")) and any(c.dep_ in ("mark", "case") and c.lower_ in cues.purpose for c in verb.children))
    ):
        return "purpose: not an act"  # "attacked ships to force Israel", « afin de contraindre Israël »
    if (
        verb.dep_ == "acl" and verb.head.i in actor_tokens and not auxiliaries
        and "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
    ):  # fmt: skip
        # "les forces appuyées par l'Iran", "rebels backed by Iran": a participle that describes an actor; one that
        # modifies an event or statement noun is the act ("des craintes exprimées par l'OTAN")
        return "participle describing an actor: background"
    passive = any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children)  # "the deadline was not met"
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("obj", "dobj") or (passive and c.dep_ in PASSIVE_SUBJECT)}
    if any(f"{verb.lemma_.lower()} {o}" in cues.not_acts for o in objects):
        return "idiom: not an act"
    return None


def _counted(token: Any, cues: Any) -> bool:
    """An event noun counted or measured by its head ("des centaines de frappes", "fourteen months of fighting",
    "cinq attaques depuis mercredi") sums up many acts: a statistic, not a report of one."""
    head = token.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head  # English: "dozens of strikes" hangs "strikes" on "of"
    if head.i != token.i and head.lemma_.lower() in cues.quantity:
        return True
    return any(c.dep_ == "nummod" and c.i < token.i and c.lower_ not in _SINGLE for c in token.children) and any(
        c.lower_ in cues.background for c in token.subtree
    )


def _adjunct(token: Any, cues: Any) -> bool:
    """An event noun that hangs on a preposition of the clause or completes another noun ("died in last night's
    attack", "at the invitation of Iraq", "au cours d'une manifestation", "la fin de sa coopération militaire") names
    a circumstance of what the sentence reports, not the act it reports; one that completes a noun of its measures or
    its phase is that act ("un seizième paquet de sanctions", "le début d'exercices militaires")."""
    head = token.head
    if head.i == token.i:
        return False
    if token.dep_ == "pobj":  # English hangs the noun on its preposition
        owner = head.head
        if owner.i == head.i:
            return False
        lemma = owner.lemma_.lower()
        # "a package of sanctions"; "$33 million in assistance" (the amount of the act); "took part in the talks"
        return not (lemma in cues.act_heads or owner.like_num or owner.tag_ == "$" or lemma in cues.participation)
    if head.lower_ in cues.calendar or (head.like_num and head.head.lower_ in cues.calendar):
        return False  # « ont lancé samedi 27 mars des frappes »: the parser hangs the object on the date
    return token.dep_ == "nmod" and head.pos_ == "NOUN" and head.lemma_.lower() not in cues.act_heads


def _in_background(token: Any, cues: Any) -> bool:
    """An event noun introduced as background: "après les combats", "à la suite de l'invasion"."""
    doc = token.doc
    start = max(token.sent.start, token.i - 4)
    for tok in doc[start : token.i]:
        if tok.lower_ in cues.background:
            return True
    return False


def _inside_name(token: Any, finder: ArgumentFinder) -> bool:
    """An event noun that is part of a name: inside an actor mention, or the complement of a capitalised noun."""
    if token.i in finder.at:
        return True
    head = token.head
    return token.dep_ in ("nmod", "compound", "appos") and head.i != token.i and head.i != token.sent.start and head.text[:1].isupper()


def _has_demonstrative(token: Any, cues: Any) -> bool:
    return any(c.dep_ == "det" and c.lemma_.lower() in cues.demonstratives for c in token.children)


def _according_to(sent: Any, cues: Any) -> bool:
    return any(t.lower_ in cues.according_to for t in sent)


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


__all__ = ["CodeEvents"]
