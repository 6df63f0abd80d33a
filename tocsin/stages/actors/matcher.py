"""Find dictionary names and role words in parsed text.

Two spaCy PhraseMatchers per language: one on lower-cased text for ordinary
names, one case-sensitive for short all-capital acronyms ("AU", "UE", "US"),
which would otherwise match common words ("au").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...languages import resource_words
from .dictionary import ActorDictionary, Surface, member_words, normalise, set_phrases

_APOS = ("'", "’")
#: A person's name the dictionary does not know is tied to a coded actor of its phrase ("Houthi military spokesperson
#: Yahya Sarea", "Bruno Parrilla, the foreign affairs minister of Cuba") only within this many tokens of it, so the
#: cheap pass before parsing can list every name that may be tied (tocsin/stages/candidates.py).
NAME_WINDOW = 8


def _variants(form: str) -> set[str]:
    out = {form}
    for a, b in (_APOS, _APOS[::-1]):
        if a in form:
            out.add(form.replace(a, b))
    return out


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters)


def surname(name: str) -> str:
    """The word a person is named by alone: the last of the name, after its last hyphen ("Eryani" for "Moammar
    al-Eryani", as the tokenizer splits it), without a possessive; "" for a word too short or not capitalised."""
    words = name.replace("’", "'").removesuffix("'s").split()
    word = words[-1].rsplit("-", 1)[-1] if words else ""
    return word if len(word) > 2 and word[:1].isupper() else ""


@dataclass(frozen=True)
class Match:
    start: int  # token index in the doc
    end: int
    kind: str  # "entity", "role", "anonymous" (a role word naming anonymous people: "a man", "31 personnes") or "member"
    surfaces: tuple[Surface, ...]
    role: str | None


class ActorMatcher:
    """Token-level matcher of a dictionary's names and roles for one language."""

    def __init__(self, nlp: Any, dictionary: ActorDictionary, lang: str) -> None:
        from spacy.matcher import PhraseMatcher

        self.dictionary = dictionary
        self.lang = lang
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._entity: dict[str, list[Surface]] = {}
        self._roles: dict[str, str] = {}
        forms = dictionary.forms(lang)
        lower_docs: list[tuple[str, str]] = []
        exact_docs: list[tuple[str, str]] = []
        for key, surfaces in forms.items():
            for surface in surfaces:
                for variant in _variants(surface.form):
                    label = "E|" + normalise(variant)
                    self._entity.setdefault(normalise(variant), [])
                    if surface not in self._entity[normalise(variant)]:
                        self._entity[normalise(variant)].append(surface)
                    (exact_docs if _is_acronym(variant) else lower_docs).append((label, variant))
            if key not in self._entity:
                self._entity[key] = list(surfaces)
        for key, role in dictionary.roles(lang).items():
            for variant in _variants(key):
                self._roles[normalise(variant)] = role
                lower_docs.append(("R|" + normalise(variant), variant))
                if "." in variant:
                    # abbreviated titles ("Sen.", "Lt. Gen."): the tokenizer keeps "Sen." whole only when capitalised
                    lower_docs.append(("R|" + normalise(variant), " ".join(w[:1].upper() + w[1:] for w in variant.split(" "))))
        # words naming anonymous people (tocsin/languages/<lang>/arguments.toml): civilians of the context country,
        # matched only where no dictionary role word is
        for word in resource_words("arguments", "anonymous", (lang,)):
            key = normalise(word)
            if key not in self._roles:
                self._roles[key] = "CVL"
                lower_docs.append(("P|" + key, word))
        # people who work for a body but hold no role ("UN experts"): that body, matched where no role word is
        for word in sorted(member_words(lang)):
            key = normalise(word)
            if key not in self._roles:
                self._roles[key] = ""
                lower_docs.append(("M|" + key, word))
        # set phrases that hide a role word (« fait état de », « coup d'État »): matched, then dropped
        for phrase in sorted(set_phrases(lang)):
            for variant in _variants(phrase):
                lower_docs.append(("N|" + normalise(variant), variant))
        self._add(nlp, self._lower, lower_docs)
        self._add(nlp, self._exact, exact_docs)
        # the surnames of the dictionary's people: the actors stage takes one for the person the article named before
        # ("Yahya Sarea ... Saree said"), so the cheap pass before parsing must see it
        self._surnames = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = {s.form for surfaces in forms.values() for s in surfaces if s.entry.kind == "person" and s.form_kind == "name"}
        self._add(nlp, self._surnames, [("S|", word) for word in sorted({surname(n) for n in names} - {""})])

    @staticmethod
    def _add(nlp: Any, matcher: Any, items: list[tuple[str, str]]) -> None:
        by_label: dict[str, list[Any]] = {}
        seen: set[tuple[str, str]] = set()
        for label, text in items:
            if (label, text) in seen:
                continue
            seen.add((label, text))
            by_label.setdefault(label, []).append(nlp.make_doc(text))
        for label, docs in by_label.items():
            matcher.add(label, docs)

    def candidate_spans(self, doc: Any) -> list[tuple[int, int]]:
        """Token spans of the raw matches (names and roles), before the checks that need tags: what the NLP stage's
        cheap pass uses on a doc that is only tokenized. Anonymous people alone make no event and set phrases name no
        one: both are left out."""
        strings = doc.vocab.strings
        return [
            (start, end)
            for matcher in (self._lower, self._exact, self._surnames)
            for match_id, start, end in matcher(doc)
            if not strings[match_id].startswith(("P|", "N|"))
        ]

    def __call__(self, doc: Any) -> list[Match]:
        raw = []
        vocab = doc.vocab
        for matcher in (self._lower, self._exact):
            for match_id, start, end in matcher(doc):
                raw.append((vocab.strings[match_id], start, end))
        # longest first, then a name that opens on a capital before one that opens on a lower-case article ("the West
        # Bank" is the place, not "the West" and a bank), then leftmost, then a named entity before a role word of the
        # same words ("State Department" is the US institution, not a department of the article's country); drop overlaps
        raw.sort(key=lambda m: (-(m[2] - m[1]), m[0].startswith("E|") and doc[m[1]].is_lower, m[1], not m[0].startswith("E|")))
        taken: set[int] = set()
        out: list[Match] = []
        for label, start, end in raw:
            if any(i in taken for i in range(start, end)):
                continue
            kind, key = label.split("|", 1)
            if kind == "N":
                taken.update(range(start, end))  # a set phrase names no one
                continue
            if kind == "E":
                surfaces = tuple(self._entity.get(key, ()))
                if not any(c.isupper() for c in doc[start:end].text):
                    # a proper name written in lower case is a common word ("tigre", "pays"); demonyms are adjectives.
                    # A capital after a lower-case article is still a name ("el-Facher", "al-Qaïda").
                    surfaces = tuple(s for s in surfaces if s.form_kind == "demonym" or not s.form[:1].isupper())
                if not surfaces:
                    continue
                out.append(Match(start, end, "entity", surfaces, None))
            else:
                if not any(t.pos_ in ("NOUN", "PROPN", "X") for t in doc[start:end]):
                    continue  # "envoyé" the participle is not "un envoyé"
                out.append(Match(start, end, {"P": "anonymous", "M": "member"}.get(kind, "role"), (), self._roles[key]))
            taken.update(range(start, end))
        out.sort(key=lambda m: m.start)
        return out


@lru_cache(maxsize=8)
def get_matcher(lang: str, extra: tuple[str, ...] = ()) -> ActorMatcher:
    from ..nlp import load_model

    return ActorMatcher(load_model(lang), ActorDictionary.load(extra), lang)
