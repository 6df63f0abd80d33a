"""Which sentences can hold an event: the cheap pass before parsing.

Most sentences of real news name no political actor and report no act. The
tagger and parser are the costly part of coding, so before them the NLP stage
tokenizes each paragraph, cuts it into sentence units on terminal punctuation
(never finer than the parser's own sentences), and looks in each unit for

* a candidate **actor**: a phrase of the actor dictionary (the same
  tokenizer-level PhraseMatchers the actors stage uses), and
* a candidate **trigger**: a word that can have the lemma of an event pattern.
  The test is exact, not a guess: the surface forms are generated from the
  trigger lemmas by inverting the model's own lemmatizer tables (its rules,
  exceptions and lookup table, and the attribute ruler's lemma patterns) and
  the language's lemma fixes and gerund and present-tense endings, so every
  word the full pipeline could lemmatise to a trigger lemma is found.

A unit is parsed when it has a candidate actor (its mentions count for the
article: role countries are inferred from them, places are counted), or a
candidate trigger with an actor within reach before it: in the unit before, or
further back through a chain of units with pronouns ("Police arrested X. They
released him. On Saturday they arrested Y."); with ``keep_actorless`` every
unit with a trigger is parsed. The unit before each needed unit, and the chain
of pronouns back to its actor, are parsed with it, so pronouns and elided
subjects have their context. Nothing else can make an
event, so coding loses nothing (tests/stages/test_candidates.py checks the gold
sets give the same events with and without the filter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..languages import LanguageResources
from .actors.matcher import NAME_WINDOW

#: Sentence units end after these tokens (the parser may still split a unit further, never join two).
_TERMINAL = frozenset({".", "!", "?", "…", "...", "!?", "?!"})
_CLOSERS = frozenset({"»", '"', "”", "’", "'", ")", "]"})
_NEWLINE = re.compile(r"\n")


@dataclass(frozen=True)
class Unit:
    """Tokens ``start:end`` of a paragraph's tokenized doc, and whether coding needs them parsed."""

    start: int
    end: int
    parse: bool
    pronoun: bool = False  # holds a pronoun: opening a paragraph, it may stand for an actor of the paragraph before
    reach: bool = False  # an actor is in the unit, or a pronoun of it can take one from the units before


class TriggerForms:
    """Every lower-case word form the model's lemmatizer (or the language's lemma rules) can map to a trigger lemma."""

    def __init__(self, nlp: Any, lang: LanguageResources) -> None:
        self.lemmas = frozenset(lang.verb_patterns()) | frozenset(lang.noun_patterns())
        forms: set[str] = set(self.lemmas)
        forms.update(form for form, lemma in lang.fixes.items() if lemma in self.lemmas)
        cues = lang.cues
        for ending, infinitive in (*cues.gerund_infinitives, *cues.present_infinitives):
            forms.update(_invert(self.lemmas, ending, infinitive))
        self._lookup: Any = None
        if "lemmatizer" in nlp.component_names:  # the model's, even where a memo stands in for it
            lookups = nlp.get_pipe("lemmatizer").lookups
            for rules in _table(lookups, "lemma_rules").values():
                for old, new in rules:
                    forms.update(_invert(self.lemmas, old, new))
            for exceptions in _table(lookups, "lemma_exc").values():
                forms.update(form for form, lemmas in exceptions.items() if any(lemma in self.lemmas for lemma in lemmas))
            if lookups.has_table("lemma_lookup"):
                self._lookup = lookups.get_table("lemma_lookup")
        if "attribute_ruler" in nlp.component_names:
            for rule in nlp.get_pipe("attribute_ruler").patterns:
                if str(rule.get("attrs", {}).get("LEMMA", "")).lower() in self.lemmas:
                    for pattern in rule["patterns"]:
                        for token in pattern:
                            forms.update(_pattern_forms(token))
        self.forms = frozenset(f.lower() for f in forms)

    def __contains__(self, lower: str) -> bool:
        if lower in self.forms:
            return True
        if self._lookup is not None:
            found = self._lookup.get(lower)
            if found is not None:
                return any(lemma in self.lemmas for lemma in ([found] if isinstance(found, str) else found))
        return False


def _table(lookups: Any, name: str) -> dict[Any, Any]:
    return dict(lookups.get_table(name).items()) if lookups.has_table(name) else {}


def _invert(lemmas: Iterable[str], old: str, new: str) -> Iterable[str]:
    """The forms that the rewrite ``-old -> -new`` turns into one of ``lemmas``."""
    for lemma in lemmas:
        if lemma.endswith(new):
            yield lemma[: len(lemma) - len(new)] + old


def _pattern_forms(token: dict[str, Any]) -> Iterable[str]:
    for key in ("LOWER", "ORTH", "NORM"):
        value = token.get(key)
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            yield from (v for v in value.get("IN", ()) if isinstance(v, str))


class CandidateFinder:
    """Split a tokenized paragraph into sentence units and mark those coding needs parsed."""

    def __init__(self, nlp: Any, lang: LanguageResources, matcher: Any, *, keep_actorless: bool = False) -> None:
        self.triggers = TriggerForms(nlp, lang)
        self.matcher = matcher
        self.keep_actorless = keep_actorless
        self.pronouns = lang.cues.pronouns
        self._kinds: dict[str, int] = {}

    def _kind(self, lower: str) -> int:
        kind = self._kinds.get(lower)
        if kind is None:
            kind = (lower in self.triggers) | (lower.rsplit("-", 1)[-1] in self.pronouns) << 1
            if len(self._kinds) < 500_000:
                self._kinds[lower] = kind
        return kind

    def units(self, doc: Any, names: set[str] | None = None, reach_before: bool = False) -> list[Unit]:
        """The sentence units of a tokenized ``doc`` in order, each marked ``parse`` or not. ``names`` collects, over
        an article's paragraphs, the capitalised words near a candidate actor: a person the article introduces with a
        role ("spokesperson Yahya Sarea") is an actor where it names them again ("Sarea said"). ``reach_before``: the
        last unit of the paragraph before has an actor within reach, for a pronoun opening this one ("He added ...")."""
        texts = [t.text for t in doc]
        spaces = [bool(t.whitespace_) or t.is_space for t in doc]
        bounds = _unit_bounds(texts, spaces)
        n = len(bounds)
        spans = self.matcher.candidate_spans(doc)
        actor_tokens = {i for start, end in spans for i in range(start, end)}
        name_tokens: set[int] = set()  # a person named again: an actor, but one that counts for no other sentence
        if names is not None:
            names.update(_near_names(texts, bounds, spans))
            name_tokens = {i for i, text in enumerate(texts) if text in names}
        kinds = [self._kind(text.lower()) for text in texts]  # bit 1: trigger form, bit 2: pronoun
        has_actor = [any(i in actor_tokens for i in range(s, e)) for s, e in bounds]
        has_name = [any(i in name_tokens for i in range(s, e)) for s, e in bounds]
        has_trigger = [any(kinds[i] & 1 for i in range(s, e)) for s, e in bounds]
        has_pronoun = [any(kinds[i] & 2 for i in range(s, e)) for s, e in bounds]
        # reach: an actor is in the unit, or a pronoun can take one from the units before ("Police arrested X.
        # They released him. On Saturday they arrested Y.")
        reach = [a or b for a, b in zip(has_actor, has_name)]
        before: list[bool] = []  # an actor within reach before the unit
        for k in range(n):
            before.append(reach[k - 1] if k > 0 else reach_before and has_pronoun[0])
            reach[k] = reach[k] or (has_pronoun[k] and before[k])
        needed = [has_actor[k] or (has_trigger[k] and (self.keep_actorless or has_name[k] or before[k])) for k in range(n)]
        # parsed: what is needed, the unit before it, and the chain of pronouns back to their actor
        parse = list(needed)
        for k in range(n - 2, -1, -1):
            parse[k] = parse[k] or needed[k + 1] or (parse[k + 1] and reach[k] and has_pronoun[k + 1])
        return [Unit(s, e, p, h, r) for (s, e), p, h, r in zip(bounds, parse, has_pronoun, reach)]


def _near_names(texts: list[str], bounds: list[tuple[int, int]], spans: list[tuple[int, int]]) -> set[str]:
    """The last words of runs of two or more capitalised words within NAME_WINDOW tokens of a match, in the match's
    unit: every name the actors stage may tie to an actor (it ties only a full name, that near, in one sentence)."""
    out: set[str] = set()
    for start, end in spans:
        unit = next(((s, e) for s, e in bounds if s <= start < e), None)
        if unit is None:
            continue
        for i in range(max(unit[0] + 1, start - NAME_WINDOW + 1), min(unit[1], end + NAME_WINDOW)):
            if texts[i][:1].isupper() and texts[i - 1][:1].isupper() and not start <= i < end:
                out.add(texts[i])
    return out


def _unit_bounds(texts: list[str], spaces: list[bool]) -> list[tuple[int, int]]:
    """Cut after terminal punctuation (and closing quotes) followed by a capital, a digit or an opening quote.

    ``texts`` are a doc's token texts, ``spaces`` whether each is or is followed by white space. Coarser than the
    parser on purpose: a unit may hold several parser sentences ("Title\\nBody.", "A; b."), never part of one, so
    parsing a unit alone gives the sentences parsing the paragraph would.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(texts)
    for i in range(1, n):
        if not spaces[i - 1]:
            continue
        j = i - 1
        while j > start and texts[j] in _CLOSERS:
            j -= 1
        if texts[j] not in _TERMINAL:
            continue
        if texts[j] == "." and j > start and _abbreviation(texts[j - 1]):
            continue  # "Lt. Gen. Smith", "J. Smith", "the US. The": coarser is safe
        nxt = texts[i]
        if nxt.isspace():
            continue
        first = nxt[:1]
        if first.isupper() or first.isdigit() or first in "«\"“‘'(—–-[":
            bounds.append((start, i))
            start = i
    if start < n:
        bounds.append((start, n))
    return bounds


def _abbreviation(word: str) -> bool:
    return 0 < len(word) <= 3 and word.isalpha() and word[0].isupper()


def plain_sentences(text: str, doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (character offsets in ``text``, the text of ``doc``) of an unparsed unit: its lines (no tag
    or parse says more; the unit is already cut at terminal punctuation)."""
    out: list[tuple[int, int]] = []
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    pos = first
    for match in [*_NEWLINE.finditer(text, first, last), None]:
        stop = match.start() if match else last
        line = text[pos:stop]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + len(line.rstrip())))
        if match:
            pos = match.end()
    return out


__all__ = ["CandidateFinder", "TriggerForms", "Unit", "plain_sentences"]
