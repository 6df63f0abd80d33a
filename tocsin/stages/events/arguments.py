"""Who did it and to whom: source and target from the dependency parse.

Subject or ``par``-agent -> source; object, oblique or nominal modifier ->
target; passives swap; infinitive and participle clauses inherit their
governor's subject; relative pronouns resolve to their antecedent;
coordinated and apposed actors each become an argument.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ...languages import resource_words
from ...models import ActorMention
from ..actors import TokenActor, phrase_noun, preposition_of
from .triggers import is_reflexive

# Dependants that open another clause: an argument never reaches into them.
# Dependency labels: Universal Dependencies (French models) and ClearNLP (English models) side by side.
CLAUSAL = frozenset(
    {
        "acl:relcl",
        "relcl",
        "acl",
        "ccomp",
        "advcl",
        "parataxis",
        "xcomp",
        "csubj",
        "csubjpass",
        "pcomp",
        "punct",
        "mark",
        "cop",
        "dislocated",
        "vocative",
        "reparandum",
        "orphan",
    }
)
SUBJECT = ("nsubj", "nsubj:outer", "expl:subj")
PASSIVE_SUBJECT = ("nsubj:pass", "nsubjpass")
AGENT = ("obl:agent", "agent")
TARGET_PRIMARY = ("obj", "iobj", "obl:arg", "nsubj:pass", "nsubjpass", "dobj", "dative", "pobj", "attr")
TARGET_SECONDARY = ("obl", "obl:mod", "nmod", "prep", "npadvmod")
INHERIT = ("xcomp", "advcl", "conj", "acl", "acomp")
# The prepositions of who acts, every language's together ("de", "par", "of", "by"...).
ACTOR_OF = resource_words("arguments", "actor_of")
MEMBER_OF = resource_words("arguments", "member_of")
# Personal pronouns that can stand for the object of an act ("released him", "les tiennent pour responsables").
OBJECT_PRONOUNS = resource_words("arguments", "object_pronouns")
# First-person plural subjects: in reported words, the speaker's side ("we warn the Saudis", « nous frapperons »).
FIRST_PERSON = resource_words("arguments", "first_person")
# Prepositions of a passive's agent ("attaquée par des terroristes", "attacked by gunmen").
AGENT_OF = resource_words("arguments", "agent_of")
# Prepositions of what a thing is between ("the conflict between Iran and the PKK", « la guerre entre Israël et le Hamas »).
BETWEEN = resource_words("arguments", "between")
# Prepositions of whose help an act has ("grâce à l'appui de la Russie", "thanks to support from China"): a helper, not whom.
HELPED_BY = resource_words("arguments", "helped_by")
# Prepositions of what one acts against ("a war against the rebels", « une guerre contre les rebelles »).
AGAINST = resource_words("arguments", "against")
# Prepositions of whom a verb addresses ("wrote to the embassy asking ...", « a écrit à l'ambassade en demandant »).
ADDRESSEE = resource_words("arguments", "addressee")
# Event nouns done to whom their possessor or "of" complement names ("Khashoggi's killing", « l'arrestation de l'opposant »).
UNDERGONE = resource_words("arguments", "undergone")
# Kinds of actor mention that say where rather than whom ("se trouve à Kigali").
_WHERE_KINDS = frozenset({"place", "region", "capital"})


class ArgumentFinder:
    """Token-to-actor lookups over one parsed paragraph."""

    def __init__(
        self,
        doc: Any,
        *,
        offset: int = 0,
        sentence_index: dict[int, int] | None = None,
        pronouns: frozenset[str] = frozenset(),
        unaccusative: frozenset[str] = frozenset(),
        listing: frozenset[str] = frozenset(),
        perfect_aux: frozenset[str] = frozenset(),
        gerund_endings: tuple[str, ...] = (),
        locative: frozenset[str] = frozenset(),
        locative_places: frozenset[str] = frozenset(),
        actor_of: frozenset[str] | None = None,
        according_to: frozenset[str] = frozenset(),
        speech: frozenset[str] = frozenset(),
        before: ArgumentFinder | None = None,
        impersonal: frozenset[str] = frozenset(),
        reflexive: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.offset = offset
        self.sentence_index = sentence_index or {}
        self.pronouns = pronouns
        self.unaccusative = unaccusative
        self.listing = listing
        self.perfect_aux = perfect_aux
        self.gerund_endings = gerund_endings
        self.locative = locative
        self.locative_places = locative_places
        self.according_to = according_to  # "according to", "selon": the phrase names who reports
        self.speech = speech  # lemmas of speech verbs: "we" in the words they report is their speaker
        # the finder of the paragraph just before, whose last sentence a pronoun opening this one may refer to
        self.before = before
        self.impersonal = impersonal  # verbs whose pronoun subject stands for no one ("il s'agit", "il faut")
        self.reflexive = reflexive  # reflexive pronouns: a pronominal verb ("s'étaient concertés") is no passive
        self._seeking_speaker = False  # inside speaker_of: a "we" met again names no one
        # prepositions by which a modifier of an event noun names who acts ("frappes de la Russie", "strikes by Russia");
        # by default every language's (tocsin/languages/<code>/arguments.toml)
        self.actor_of = ACTOR_OF if actor_of is None else actor_of
        self.actors: list[TokenActor] = doc._.actors or []
        self.at: dict[int, TokenActor] = {}
        for actor in self.actors:
            for i in range(actor.start, actor.end):
                self.at[i] = actor

    # --- subtree search -------------------------------------------------
    def actors_in(self, token: Any, *, skip: Iterable[int] = ()) -> list[TokenActor]:
        """Actors named by the phrase headed by ``token``: the shallowest ones, plus those coordinated or apposed to them."""
        skip_set = set(skip)
        found: list[tuple[int, TokenActor, Any]] = []
        seen: set[int] = set()
        queue: deque[tuple[Any, int]] = deque([(token, 0)])
        while queue:
            tok, depth = queue.popleft()
            actor = self.at.get(tok.i)
            if actor is not None and id(actor) not in seen and tok.i not in skip_set:
                seen.add(id(actor))
                found.append((depth, actor, tok))
            for child in tok.children:
                if child.dep_ in CLAUSAL and self.at.get(child.i) is None:
                    continue
                if child.dep_ == "conj" and (child.pos_ in ("VERB", "AUX") or _stranded_subject(child)):
                    continue
                queue.append((child, depth + 1))
        if not found:
            return []
        best = min(d for d, _, _ in found)
        chosen = [a for d, a, _ in found if d == best]
        chosen_tokens = {i for a in chosen for i in range(a.start, a.end)} | {token.i}
        for depth, actor, tok in sorted(found, key=lambda x: x[0]):
            if actor in chosen:
                continue
            head_tok = self.doc[actor.head]
            if head_tok.dep_ in ("conj", "appos", "flat", "flat:name", "nmod") and _reaches(
                head_tok, chosen_tokens, ("conj", "appos", "flat", "flat:name", "nmod")
            ):
                if head_tok.dep_ == "nmod" and not _is_listing(head_tok, self.listing):
                    continue
                chosen.append(actor)
                chosen_tokens.update(range(actor.start, actor.end))
        return chosen

    # --- verbs ----------------------------------------------------------
    def _held_by(self, actor: TokenActor, head: Any) -> bool:
        """The actor belongs to the noun ``head`` it hangs under: through no preposition but those of an owner ("the
        forces of Haftar", « la délégation de l'Iran ») or a member's ("operatives within the government"), not "between",
        "on", "against", « entre », « contre »."""
        tok = self.doc[actor.head]
        for _ in range(8):
            if tok.i == head.i:
                return True
            prep = "" if tok.dep_ in ("poss", "nmod:poss") else preposition_of(tok)  # "the teachers' union", "Israel's"
            if prep and prep not in self.actor_of and prep not in MEMBER_OF:
                return False
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _aside(self, actor: TokenActor, noun: Any) -> bool:
        """The actor hangs below ``noun`` through a preposition of what it is between ("the war between Israel and
        Hamas"), or is a place that hangs through a locative one ("unrest in US cities")."""
        tok = self.doc[actor.head]
        for _ in range(8):
            if tok.i == noun.i or tok.head.i == tok.i:
                return False
            prep = preposition_of(tok)
            if prep in BETWEEN or (prep in self.locative and actor.mention.kind in ("place", "region", "country", "capital")):
                return True
            tok = tok.head
        return False

    def _subject_slots(self, tok: Any) -> tuple[tuple[str, ...], list[Any]]:
        """The dependency labels a subject of ``tok`` may have, and the tokens where it may hang."""
        has_agent = any(c.dep_ in AGENT for c in tok.children)
        active_perfect = any(c.dep_ == "aux:tense" and c.lemma_ in self.perfect_aux for c in tok.children) and not is_passive(tok)
        # a "passive" subject of a verb with no passive auxiliary or pronoun is its subject (« a-t-il poursuivi »)
        misparsed = not is_passive(tok) and not any(c.dep_ == "expl:pass" for c in tok.children)
        unaccusative = tok.lemma_.lower() in self.unaccusative or active_perfect or misparsed
        subject_deps = SUBJECT + (PASSIVE_SUBJECT if unaccusative and not has_agent else ())
        # the parser sometimes hangs the subject on the auxiliary ("Le Bangladesh a ... rejeté") or on an adverb
        # before the verb (« Les Houthis ont de nouveau menacé », with "Houthis" under « de nouveau »)
        children = [
            *tok.children,
            *(g for c in tok.children if c.dep_.startswith("aux") or (c.dep_ == "advmod" and c.i < tok.i) for g in c.children),
        ]
        return subject_deps, children

    def verb_source(self, verb: Any) -> tuple[list[TokenActor], str]:
        """Source actors of a verb, and how they were found (subject, agent, inherited, antecedent)."""
        tok = verb
        how = "subject"
        stray = self.stray_agent(verb)
        if stray:
            return stray, "agent"
        for _ in range(4):
            # an agent hung on an active verb with its own subject belongs to the verb's object noun (« a appelé à
            # l'adoption de sanctions par le Conseil de sécurité »): the subject acts
            active = not is_passive(tok) and any(c.dep_ in SUBJECT for c in tok.children)
            for child in tok.children:
                if child.dep_ in AGENT and not active:
                    actors = self.actors_in(child)
                    if actors:
                        return actors, "agent" if tok is verb else "inherited"
            subject_deps, children = self._subject_slots(tok)
            for child in children:
                clitic = child.text.startswith("-") and child.lower_.lstrip("-") in self.pronouns  # « a-t-il », any label
                if (child.dep_ == "expl:subj" or child.text.startswith("-")) and not clitic:
                    continue  # the euphonic "-t" of « a-t-il déclaré »
                if child.dep_ in subject_deps or clitic:
                    if (
                        child.pos_ in ("PRON", "DET")
                        and ("Rel" in child.morph.get("PronType") or child.tag_ in ("WP", "WDT"))
                        and tok.dep_ in ("acl:relcl", "relcl")
                    ):
                        return self.actors_in(tok.head), "antecedent"
                    if child.lower_.lstrip("-") in self.pronouns and self.at.get(child.i) is None:
                        if tok.lemma_.lower() in self.impersonal:
                            return [], "none"  # "il s'agissait de la dixième manifestation": "il" stands for no one
                        return self.resolve_pronoun(child, tok)
                    if (child.lower_ in FIRST_PERSON or _first_singular(child)) and self.at.get(child.i) is None:
                        return self.speaker_of(child, tok)
                    actors = self.actors_in(child)
                    if actors and child.pos_ == "NOUN" and self.at.get(child.i) is None:
                        # "the agreement between Turkey and Libya infringes ...", "term limits on members of Congress
                        # offer ...": a thing is the subject, and whom it is between or about does not act
                        actors = [a for a in actors if self._held_by(a, child)]
                    if not actors:
                        others = [c for c in children if c.dep_ in subject_deps and c.i > child.i]
                        if any(self.actors_in(c) for c in others):
                            continue  # "(Reuters) - L'armée birmane a déclaré": a second subject names the actor
                        named = self.named_actor(child)
                        return ([named], "unknown") if named else ([], "none")
                    return actors + self._second_subjects(tok, child, actors), how if tok is verb else "inherited"
            if tok.dep_ == "acl" and _after_perfect_aux(tok, self.perfect_aux):
                actors = self.actors_in(tok.head)
                if actors:
                    return actors, "inherited"  # mis-parsed perfect: "les rebelles ont rejeté" as a participle of "rebelles"
            if tok.tag_ == "VBG" and tok.dep_ in ("acl", "pcomp") and tok.head.i != tok.i:
                # an -ing participle has the subject of the clause it hangs in: "posted a message on Twitter blaming
                # Iran", "was forceful in blaming Iran" (up through the nouns and prepositions to that clause's verb)
                cur = tok.head
                for _ in range(5):
                    if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
                        break
                    cur = cur.head
                if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
                    tok = cur
                    how = "inherited"
                    continue
            gerund = (
                bool(self.gerund_endings) and tok.lower_.endswith(self.gerund_endings) and tok.dep_ in ("obl:mod", "obl", "nmod", "advmod")
            )
            if tok is verb and tok.dep_ == "conj" and is_passive(tok):
                break  # "Turkey is under sanctions and was condemned": the shared subject undergoes the passive
            if (tok.dep_ in INHERIT or gerund) and tok.head.i != tok.i:
                if tok.dep_ == "acl" and tok.head.dep_ in ("obj", "obl", "obl:arg") and tok.head.head.i != tok.head.i:
                    tok = tok.head.head  # "ont publié une déclaration exigeant que ...": the publisher demands
                else:
                    tok = tok.head
                how = "inherited"
                continue
            break
        return [], "none"

    def _second_subjects(self, verb: Any, subject: Any, actors: list[TokenActor]) -> list[TokenActor]:
        """« La Serbie et le Kosovo ont trouvé »: a coordination the parser reads as two subjects of the verb."""
        out: list[TokenActor] = []
        for other in verb.children:
            between = verb.doc[subject.i : other.i]
            joined = any(t.dep_ == "cc" for t in between) and not any(t.pos_ in ("VERB", "AUX", "PUNCT") for t in between)
            if subject.i < other.i < verb.i and other.dep_ == subject.dep_ and joined:
                out += [a for a in self.actors_in(other) if a not in actors and a not in out]
        return out

    def stray_agent(self, verb: Any) -> list[TokenActor]:
        """The agent of a passive that the parser hung elsewhere in its clause ("attaquée vers 01H30 GMT « par des
        terroristes »" with "par" under "GMT"): a "par"/"by" phrase naming an actor, below the verb, not in a
        clause of its own, when no agent hangs on the verb itself."""
        children = list(verb.children)
        if not is_passive(verb) or any(c.dep_ in AGENT for c in children):
            return []
        if is_reflexive(verb, self.reflexive):
            return []  # a pronominal verb ("s'étaient concertés"), not a passive
        stack = [(c, 1) for c in children if c.dep_ not in CLAUSAL]
        while stack:
            tok, depth = stack.pop()
            if tok.pos_ in ("VERB", "AUX"):
                continue
            if preposition_of(tok) in AGENT_OF:
                actors = self.actors_in(tok)
                if actors:
                    return actors
            if depth < 2:  # two steps at most: a "par" deeper belongs to a noun of its own ("le tir d'un ICBM par Pyongyang")
                stack.extend((c, depth + 1) for c in tok.children if c.dep_ not in CLAUSAL)
        return []

    def named_actor(self, token: Any) -> TokenActor | None:
        """An actor the dictionary does not know, named by a proper noun ("le Bureau international du travail"): code unknown."""
        names = [t for t in _phrase(token) if t.pos_ == "PROPN" or (t.text[:1].isupper() and t.i != t.sent.start and t.pos_ == "NOUN")]
        if not names:
            return None
        words = [t for t in _phrase(token) if t.dep_ not in ("det", "punct") or t.i > token.i]
        while words and words[-1].dep_ == "punct":
            words.pop()
        if not words:
            return None
        span = self.doc[words[0].i : words[-1].i + 1]
        index = self.sentence_index.get(self.offset + token.sent.start_char, 0)
        mention = ActorMention(
            text=span.text,
            start=self.offset + span.start_char,
            end=self.offset + span.end_char,
            sentence_index=index,
            code=None,
            kind="unknown",
        )
        return TokenActor(mention, span.start, span.end, token.i)

    def inverted_subject(self, verb: Any) -> list[TokenActor]:
        """The subject of an incise placed after its verb ("..., a déclaré mardi l'administration Bush")."""
        for child in verb.children:
            if child.i > verb.i and child.dep_ in ("obj", "nsubj:pass", "obl:mod", "nmod", "dobj", "nsubj"):
                actors = self.actors_in(child)
                if actors:
                    return actors
        return []

    def resolve_pronoun(self, pronoun: Any, verb: Any) -> tuple[list[TokenActor], str]:
        """ "X a annoncé qu'il ...": the subject of the governing clause; else the nearest earlier actor of the sentence."""
        cur = verb
        for _ in range(4):
            # not through an incise: in « ... », a-t-il ajouté / "...," he added the quote's subject is not the speaker
            if cur.dep_ in ("ccomp", "advcl", "conj", "xcomp") and cur.head.i != cur.i:
                cur = cur.head
                actors, _how = self.verb_source(cur)
                if actors:
                    return actors, "pronoun"
            else:
                break
        sent = pronoun.sent
        # an inverted pronoun (« ... », a-t-il déclaré) follows the quote: the quote's actors are what was said
        inverted = pronoun.i > verb.i or pronoun.text.startswith("-")
        quoted = quoted_tokens(sent) if inverted else set()
        lead = min([verb.i, pronoun.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
        after_quote = any(t.text in CLOSING_MARKS for t in self.doc[sent.start : lead])  # « ... » au Liban, a-t-il poursuivi
        if (verb.lemma_.lower() in self.speech or after_quote) and lead > sent.start and self.doc[lead - 1].is_punct:
            # "..., he added", « ..., a-t-il ajouté »: what comes before (from the opening quote mark) is what was said
            opening = next((t.i for t in sent if t.i < lead and t.text in QUOTE_MARKS), sent.start)
            quoted = set(range(opening, lead))
        earlier = [
            a
            for a in self.actors
            if sent.start <= a.start < pronoun.i and a.mention.kind not in ("place", "capital") and a.head not in quoted
        ]
        if earlier:
            return [earlier[-1]], "pronoun"
        # « ... », a-t-il réagi / "...," he added: the subject of the previous sentence, else its last actor; the
        # previous sentence may close the paragraph before ("Il a ajouté ..." opening a paragraph)
        actors = self.previous_speaker(sent)
        if "Plur" in pronoun.morph.get("Number"):
            # "They concluded ..." after a sentence on one of them: the group named before that ("A and B met ...")
            actors = self._earlier_group(sent) or actors
        return (actors, "previous") if actors else ([], "none")

    def _sentences_before(self, sent: Any) -> Iterator[tuple[ArgumentFinder, Any]]:
        """The sentences before ``sent``, nearest first, with their finder, back into the paragraph before."""
        finder: ArgumentFinder | None = self
        start = sent.start
        while finder is not None:
            while start > 0:
                previous = finder.doc[start - 1].sent
                yield finder, previous
                start = previous.start
            finder = finder.before if finder is self else None
            start = len(finder.doc) if finder is not None else 0

    def previous_speaker(self, sent: Any) -> list[TokenActor]:
        """The speaker of the sentence before ``sent``, which may close the paragraph before."""
        for finder, previous in self._sentences_before(sent):
            return self._speaker_before(finder, previous)
        return []

    def speaker_before_quotes(self, sent: Any, quoted: Callable[[Any], bool]) -> list[TokenActor]:
        """The speaker of the nearest sentence before ``sent`` that is not ``quoted`` words with no speech verb of their
        own: who speaks a run of quoted sentences ('X spoke. "... . ... they must leave."')."""
        for finder, previous in self._sentences_before(sent):
            if quoted(previous) and not any(speaks(t, self.speech) for t in previous):
                continue
            return self._speaker_before(finder, previous)
        return []

    def _earlier_group(self, sent: Any) -> list[TokenActor]:
        """The subject of the sentence two before ``sent`` when it names several actors and the sentence just before
        names one actor in the singular; else nothing."""
        for step, (finder, previous) in enumerate(self._sentences_before(sent)):
            actors = [a for a in self._speaker_before(finder, previous) if a.mention.kind != "place"]
            if step == 0 and (not actors or _plural(actors, finder.doc)):
                return []
            if step == 1:
                return actors if len({a.mention.code for a in actors}) > 1 else []
        return []

    def speaker_of_verb(self, verb: Any) -> list[TokenActor]:
        """Who speaks with ``verb``: its subject, or the subject an incise puts after it (« ... », a assuré le
        Premier ministre), wherever the parser hung it; no place."""
        return [a for a in self.verb_source(verb)[0] or self.inverted_subject(verb) if a.mention.kind != "place"]

    @staticmethod
    def _speaker_before(finder: ArgumentFinder, previous: Any) -> list[TokenActor]:
        """The speaker of a sentence (found by ``finder``, the sentence's own): the subject of its speech verb, placed
        after it in an incise (« ... », a assuré le Premier ministre), else the subject of its root, else its last actor."""
        actors: list[TokenActor] = []
        # a verb after the quote's closing mark is the incise's (« ... » au Liban, a-t-il poursuivi), whatever verb it is
        closing = max((t.i for t in previous if t.text in CLOSING_MARKS), default=previous.end)
        verbs = [t for t in previous if t.pos_ in ("VERB", "AUX") and (t.lemma_.lower() in finder.speech or t.i > closing)]
        for verb in verbs:
            actors = finder.speaker_of_verb(verb)
            if actors:
                return actors
        actors, _ = finder.verb_source(previous.root) if previous.root.pos_ in ("VERB", "AUX") else ([], "none")
        actors = [a for a in actors if a.mention.kind != "place"]
        if not actors:
            kinds = ("place", "role", "anonymous")
            actors = [a for a in finder.actors if previous.start <= a.start < previous.end and a.mention.kind not in kinds][-1:]
        return actors

    def speaker_of(self, pronoun: Any, verb: Any) -> tuple[list[TokenActor], str]:
        """Who "we" is in reported words: the named speaker of a speech verb of the sentence ("« ... nous frapperons »,
        a déclaré le ministre", "we warn ..., Saree said"). "I" stands for the speaker only in an act on someone named
        ("I reject the US measure"), not in what the speaker feels or does alone ("I hope", "I offered to resign")."""
        if "Sing" in pronoun.morph.get("Number") and not self.verb_targets(verb, exclude=set())[0]:
            return [], "none"
        for tok in pronoun.sent:
            if tok.i == verb.i or tok.lemma_.lower() not in self.speech or tok.pos_ not in ("VERB", "AUX"):
                continue
            if self._seeking_speaker:
                return [], "none"  # the speech verb's own subject is "we" ("nous avons dit"): no one named
            self._seeking_speaker = True
            try:
                actors, _how = self.verb_source(tok)
            finally:
                self._seeking_speaker = False
            if actors:
                return actors, "speaker"
        sent = pronoun.sent
        if any(t.lemma_.lower() in self.speech for t in sent):
            return [], "none"
        actors = self._introducer(pronoun)
        actors = actors or self.quote_speaker(sent)
        if not actors and sent[0].text in _OPENING | {'"'}:
            # a whole sentence of quoted words (« Si le Hezbollah rompt l'accord, nous frapperons. »): "we" is who
            # the sentence before reports speaking
            actors = self.previous_speaker(sent)
        return (actors, "speaker") if actors else ([], "none")

    def _introducer(self, pronoun: Any) -> list[TokenActor]:
        """Who speaks the quoted words ``pronoun`` stands in, when a verb of the same sentence outside the quote
        introduces them ('the minister responded on Twitter: "I reject the measure"'): that verb's coded subject."""
        sent = pronoun.sent
        quoted = quoted_tokens(sent)
        if pronoun.i not in quoted or self._seeking_speaker:
            return []
        verbs = [t for t in sent if t.pos_ == "VERB" and t.i not in quoted and t.i < pronoun.i]
        self._seeking_speaker = True
        try:
            for verb in reversed(verbs):
                actors = _coded(self.speaker_of_verb(verb))
                if actors:
                    return actors
        finally:
            self._seeking_speaker = False
        return []

    def quote_speaker(self, sent: Any) -> list[TokenActor]:
        """Who speaks the quotation ``sent`` continues, when a quote opened in an earlier sentence of the paragraph is
        still open: the speaker of the sentence that opened it ('X said: "... ') if it has a speech verb, else of the
        sentence that closes it ('... ," the minister said')."""
        if self._seeking_speaker:
            return []  # the speaker found is "we" again: no one named
        self._seeking_speaker = True
        try:
            return self._quote_speaker(sent)
        finally:
            self._seeking_speaker = False

    def _quote_speaker(self, sent: Any) -> list[TokenActor]:
        if quote_open(self.doc[: sent.start]):
            for previous in reversed(list(self.doc[: sent.start].sents)):
                if any(t.text in QUOTE_MARKS for t in previous):
                    if previous[0].text not in QUOTE_MARKS:  # 'Johnson continued, "...': who introduced the quote
                        return _coded(self._speaker_before(self, previous))
                    break
        elif not quote_open(self.doc[: sent.end]):
            return []
        for following in self.doc[sent.end :].sents:
            marks = [t.i for t in following if t.text in QUOTE_MARKS]
            if marks:  # '... ," the minister said': a speech verb after the closing mark (the first mark: the quote is open)
                incise = [t for t in following if t.i > marks[0] and (t.lemma_.lower() in self.speech or t.dep_ == "ROOT")]
                return _coded(self._speaker_before(self, following)) if incise else []
        return []

    def object_antecedent(self, child: Any, exclude: set[int]) -> list[TokenActor]:
        """The actor an object pronoun stands for ("released him", "fired tear gas at them"): the nearest earlier actor
        of the sentence that is not the source, else the last one of the sentence before."""
        pronoun = _object_pronoun(child)
        if pronoun is None or self.at.get(pronoun.i) is not None:
            return []
        excluded_codes = {a.mention.code for a in self.actors if id(a) in exclude}

        def fits(actor: TokenActor) -> bool:
            mention = actor.mention
            return id(actor) not in exclude and mention.kind != "place" and mention.code not in excluded_codes

        sent = pronoun.sent
        earlier = [a for a in self.actors if sent.start <= a.start < pronoun.i and fits(a)]
        if not earlier and sent.start > 0:
            previous = self.doc[sent.start - 1].sent
            earlier = [a for a in self.actors if previous.start <= a.start < previous.end and fits(a)]
        # a named actor before a role word whose country is only inferred ("labeled Soleimani as a terrorist and
        # levied sanctions against him": him is Soleimani)
        named = [a for a in earlier if a.mention.name != "inferred from context"]
        return (named or earlier)[-1:]

    def is_where(self, child: Any, actors: list[TokenActor]) -> bool:
        """An oblique that says where, not whom: a locative preposition before places ("met in Istanbul",
        "manœuvres en Méditerranée"); a country named as such counts as a place there, a demonym or an organisation not."""
        for actor in actors:
            prep = preposition_of(self.doc[actor.head])
            if actor.mention.kind == "place" and prep in self.locative_places:
                continue  # "à Istanbul": a city after "à" is where; "à l'Ukraine", "à Moscou" may be whom
            if prep not in self.locative or actor.mention.kind not in ("place", "region", "country", "capital"):
                return False
        return bool(actors)

    def verb_targets(self, verb: Any, *, exclude: set[int], clause_subject: bool = False) -> tuple[list[TokenActor], str]:
        where: list[TokenActor] = []
        if (
            verb.dep_ in ("conj", "advcl", "pcomp")
            and is_passive(verb)
            and not any(c.dep_ in SUBJECT + PASSIVE_SUBJECT for c in verb.children)
        ):
            # "Turkey is under sanctions and was condemned by Egypt", "journalists were injured after being attacked by
            # protesters": the subject it shares with its clause is what the passive is done to
            main = verb.head.head if verb.dep_ == "pcomp" else verb.head
            shared = [a for c in main.children if c.dep_ in SUBJECT + PASSIVE_SUBJECT for a in self.actors_in(c)]
            shared = [a for a in shared if id(a) not in exclude]
            if shared:
                return shared, "object"
        for deps, how in ((TARGET_PRIMARY, "object"), (TARGET_SECONDARY, "oblique")):
            for child in verb.children:
                if child.dep_ in deps and not self._attribution(child):
                    actors = [a for a in self.actors_in(child) if id(a) not in exclude]
                    noun = phrase_noun(child)  # English: "with" -> its noun
                    introduced = noun is not child or any(c.dep_ == "case" for c in noun.children)  # not "mercredi"
                    if how == "oblique" and introduced and self.at.get(noun.i) is None:
                        # "in the context of the war between Israel and Hamas", "blamed them for unrest in US cities":
                        # whom the oblique's noun is between, or where it is, is no target ("after talks with the
                        # government", "on his pledge to the people" name one)
                        actors = [a for a in actors if not self._aside(a, noun)]
                    if not actors:
                        actors = self.object_antecedent(child, exclude)
                    if actors and how == "oblique" and self.is_where(child, actors):
                        where = where or actors
                        continue
                    if actors:
                        # a coordinated object the parser hung on the verb: "a menacé la Pologne et la Lituanie"
                        for other in verb.children:
                            if other.dep_ == "conj" and other.i > child.i and other.pos_ in ("PROPN", "NOUN"):
                                actors += [a for a in self.actors_in(other) if id(a) not in exclude and a not in actors]
                        return actors, how
        if clause_subject:
            for child in verb.children:
                if child.dep_ in ("ccomp", "xcomp"):
                    for grand in child.children:
                        if grand.dep_ in SUBJECT + PASSIVE_SUBJECT:
                            actors = [a for a in self.actors_in(grand) if id(a) not in exclude]
                            if actors:
                                return actors, "clause-subject"
        addressed = self._addressed(verb, exclude)
        if addressed:
            return addressed, "addressee"
        if where:
            return where, "locative"
        return [], "none"

    def _addressed(self, verb: Any, exclude: set[int]) -> list[TokenActor]:
        """Whom a participle of a clause asks when it names no one itself: the one its clause's verb addresses ("wrote
        to the US embassy asking to waive the immunity", « a écrit à l'ambassade en demandant »); none otherwise."""
        morph = verb.morph
        present = "Pres" in morph.get("Tense") or "Prog" in morph.get("Aspect")
        if verb.dep_ != "advcl" or "Part" not in morph.get("VerbForm") or not present or verb.head.i == verb.i:
            return []
        for child in verb.head.children:
            if child.dep_ in ("prep", "obl", "obl:arg") and preposition_of(child) in ADDRESSEE:
                actors = [
                    a
                    for a in self.actors_in(phrase_noun(child))
                    if id(a) not in exclude and a.mention.code and a.mention.kind not in _WHERE_KINDS
                ]
                if actors:
                    return actors
        return []

    def _attribution(self, child: Any) -> bool:
        """ "according to the Iraqi military", "selon les médias": who reports, not whom the act is done to; nor is who
        helps ("grâce à l'appui de la Russie", "thanks to support from China")."""
        if preposition_of(child) in HELPED_BY or (child.i > 0 and self.doc[child.i - 1].lower_ in HELPED_BY):
            return True
        return child.lower_ in self.according_to or any(
            c.dep_ in ("case", "fixed") and (c.lower_ in self.according_to or _with_fixed(c) in self.according_to) for c in child.children
        )

    # --- event nouns ----------------------------------------------------
    def noun_arguments(self, noun: Any, end: int, start: int = -1) -> tuple[list[TokenActor], list[TokenActor], str]:
        """Source and target of an event noun from its own modifiers ("frappes russes contre Kiev")."""
        sources: list[TokenActor] = []
        targets: list[TokenActor] = []
        how = "none"
        for child in noun.children:
            if (start if start >= 0 else noun.i) <= child.i < end and child.i != noun.i:
                continue  # part of the trigger itself ("exercices militaires")
            if child.dep_ == "acl":
                for grand in child.children:
                    if grand.dep_ in AGENT:
                        sources = sources or self.actors_in(grand)
                        how = "agent"
        for child in noun.children:
            if (start if start >= 0 else noun.i) <= child.i < end and child.i != noun.i:
                continue
            if child.dep_ in ("amod", "nmod", "appos", "compound", "poss", "nmod:poss", "prep"):
                actors = self.actors_in(child)
                if not actors:
                    continue
                prep = preposition_of(child)
                if child.dep_ != "amod" and self.is_where(child, actors):
                    continue  # "la réunion à Istanbul", "talks in Doha": where, not whom
                if _undergoes(noun, child):
                    targets = targets or actors
                    continue
                if child.dep_ == "amod" or prep in self.actor_of or child.dep_ in ("poss", "nmod:poss", "compound"):
                    aimed = [a for a in actors if child.dep_ != "amod" and not self._held_by(a, noun)]
                    if aimed:  # "attaques d'une ampleur record contre l'Ukraine": aimed at, through « contre »
                        targets = targets or aimed
                        actors = [a for a in actors if a not in aimed]
                    if not actors:
                        continue
                    if all(a.mention.kind == "place" for a in actors):
                        targets = targets or actors
                    elif not sources:
                        sources = actors
                        how = how if how != "none" else "modifier"
                else:
                    targets = targets or actors
        return sources, targets, how


_OPENING = frozenset({"«", "“"})
CLOSING_MARKS = frozenset({"»", "”"})  # what only closes reported words
QUOTE_MARKS = _OPENING | CLOSING_MARKS | {'"'}  # what opens or closes reported words


def _undergoes(noun: Any, child: Any) -> bool:
    """The modifier ``child`` of an event noun names who undergoes the act: the complement of a noun of what is done to
    someone ("the arrest of the editor", « l'assassinat du journaliste »), or its possessor when no such complement
    follows ("Navalny's arrest"; "Russia's arrest of Navalny" is Russia's)."""
    if noun.lemma_.lower() not in UNDERGONE and noun.lower_ not in UNDERGONE:
        return False
    if child.dep_ in ("poss", "nmod:poss"):
        return not any(_of_complement(c) for c in noun.children)
    return _of_complement(child)


def _of_complement(child: Any) -> bool:
    """A complement through a preposition of whom an act is of that is no passive agent's ("of", « de », not "by")."""
    prep = preposition_of(child)
    return bool(prep) and prep in ACTOR_OF and prep not in AGENT_OF and child.dep_ not in ("poss", "nmod:poss")


def speaks(token: Any, speech: frozenset[str]) -> bool:
    """The token is a speech verb that says who speaks its sentence: not one of a relative clause ("lies that have been
    revealed")."""
    return token.lemma_.lower() in speech and token.pos_ in ("VERB", "AUX") and token.dep_ not in ("relcl", "acl:relcl")


def _coded(actors: list[TokenActor]) -> list[TokenActor]:
    """The actors, if the dictionary codes one of them; else none ("Detective Inspector Jones" alone names no side)."""
    return actors if any(a.mention.code for a in actors) else []


def quote_open(span: Any) -> bool:
    """A quotation opened in ``span`` is still open at its end: more opening than closing marks, or an odd number of
    straight double quotes."""
    straight = sum(t.text == '"' for t in span)
    return bool(straight % 2) or sum(t.text in _OPENING for t in span) > sum(t.text in CLOSING_MARKS for t in span)


def _plural(actors: list[TokenActor], doc: Any) -> bool:
    """Several actors, or one named by a plural noun ("the ministers", "the Houthis")."""
    return len({a.mention.code for a in actors}) > 1 or any("Plur" in doc[a.head].morph.get("Number") for a in actors)


def _with_fixed(token: Any) -> str:
    """A multiword preposition as one word: « D' » with its fixed « après » is « d'après »."""
    return str(token.lower_) + "".join(c.lower_ for c in token.children if c.dep_ == "fixed")


def is_passive(verb: Any) -> bool:
    """The verb has a passive auxiliary ("was condemned", « a été visée »)."""
    return any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children)


def quoted_tokens(sent: Any) -> set[int]:
    """Indices of the tokens between quotation marks in a sentence (« ... », “ ... ”, "...")."""
    out: set[int] = set()
    inside = False
    for tok in sent:
        if tok.text in _OPENING or (tok.text == '"' and not inside):
            inside = True
        elif tok.text in CLOSING_MARKS or (tok.text == '"' and inside):
            inside = False
        elif inside:
            out.add(tok.i)
    return out


def _object_pronoun(child: Any) -> Any | None:
    """The object pronoun a verb's dependant is or holds: "him" ("released him"), "at them", "sanctions against him",
    "des frappes contre eux" (two steps down at most, never into a clause)."""
    frontier = [child]
    for _ in range(3):
        for tok in frontier:
            if tok.pos_ == "PRON" and tok.lower_ in OBJECT_PRONOUNS:
                return tok
        frontier = [c for tok in frontier for c in tok.children if c.dep_ not in CLAUSAL]
    return None


def _phrase(token: Any) -> list[Any]:
    """The noun phrase headed by ``token``, without its clauses."""
    out = [token]
    stack = [token]
    while stack:
        cur = stack.pop()
        for child in cur.children:
            if child.dep_ in CLAUSAL and child.dep_ != "punct":
                continue
            if child.dep_ == "punct" and not (out[0].i < child.i):
                continue
            out.append(child)
            stack.append(child)
    out.sort(key=lambda t: t.i)
    # keep a contiguous run around the head
    run = [t for t in out if abs(t.i - token.i) <= len(out)]
    return run


def _after_perfect_aux(token: Any, perfect_aux: frozenset[str]) -> bool:
    """A perfect auxiliary just before ``token`` ("ont ... rejeté"): the participle is a finite verb, not a modifier."""
    doc = token.doc
    for j in range(token.i - 1, max(token.sent.start, token.i - 4) - 1, -1):
        prev = doc[j]
        if prev.lemma_ in perfect_aux or prev.lower_ in perfect_aux:
            return True
        if prev.pos_ not in ("ADV", "ADP", "ADJ") and prev.dep_ not in ("advmod", "fixed"):
            return False
    return False


def _first_singular(token: Any) -> bool:
    """A first-person singular pronoun ("I", « je »): in reported words, the speaker."""
    return token.pos_ == "PRON" and "1" in token.morph.get("Person") and "Sing" in token.morph.get("Number")


def _stranded_subject(noun: Any) -> bool:
    """A noun the parser coordinates with an object that is the subject of the next coordinated clause: "defeated ISIS
    and Turkey would be moving" (a verb or auxiliary right after it, of a coordinated verb with no subject of its own)."""
    after = noun.right_edge.i + 1
    if after >= noun.sent.end:
        return False
    nxt = noun.doc[after]
    verb = nxt if nxt.dep_ == "conj" else nxt.head
    return (
        nxt.pos_ in ("VERB", "AUX")
        and verb.dep_ == "conj"
        and verb.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in SUBJECT + PASSIVE_SUBJECT for c in verb.children)
    )


def _reaches(tok: Any, targets: set[int], deps: tuple[str, ...]) -> bool:
    cur = tok
    for _ in range(6):
        if cur.dep_ not in deps or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i in targets:
            return True
    return False


def _is_listing(tok: Any, listing: frozenset[str]) -> bool:
    """An nmod that lists members ("notamment les États-Unis") rather than qualifies."""
    return any(c.lower_ in listing for c in tok.children) or any(c.dep_ in ("conj", "appos") for c in tok.children)


__all__ = ["CLAUSAL", "QUOTE_MARKS", "ArgumentFinder"]
