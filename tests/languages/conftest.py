"""Checks every language's pattern dictionary shares: its lemmas are the lemmas its spaCy model produces."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


class LemmaChecks:
    """The model-against-dictionary checks, run with one language's model, rows and template sentences.

    lower: compare lower-cased lemmas (English); French compares the model's lemmas as they are.
    """

    def __init__(self, nlp: Any, rows: list[dict[str, str]], *, lower: bool = False) -> None:
        self.nlp = nlp
        self.rows = rows
        self.norm: Callable[[str], str] = str.lower if lower else str

    def verb_lemmas(self) -> set[str]:
        return {r["lemma"] for r in self.rows if r["kind"] == "verb"}

    def lemma_of(self, sentence: str, form: str) -> str:
        """The model's lemma of the last word of ``form`` in ``sentence`` ("" when the word is not a token)."""
        last = form.split()[-1]
        for tok in self.nlp(sentence):
            if tok.text == last:
                return self.norm(tok.lemma_)
        return ""

    def assert_common_verbs(self, common: dict[str, list[str]], template: str) -> None:
        """Each common verb is in the dictionary, and the model gives its lemma for one of its forms in ``template``."""
        missing = sorted(set(common) - self.verb_lemmas())
        assert not missing, f"common verbs absent from the dictionary: {missing}"
        bad = {}
        for lemma, forms in common.items():
            got = [self.lemma_of(template.format(form=form), form) for form in forms]
            if lemma not in got:
                bad[lemma] = got
        assert not bad, f"model lemmas differ from the dictionary: {bad}"

    def assert_infinitives_round_trip(self, template: str, index: int) -> None:
        """Every verb lemma, written as the infinitive at token ``index`` of ``template``, is its own lemma."""
        lemmas = sorted(self.verb_lemmas())
        docs = self.nlp.pipe(template.format(lemma=lemma) for lemma in lemmas)
        bad = [(lemma, doc[index].lemma_) for lemma, doc in zip(lemmas, docs) if self.norm(doc[index].lemma_) != lemma]
        assert not bad, bad[:20]

    def assert_nouns_tokenise(self, template: str, start: int) -> None:
        """Every noun pattern, written out from token ``start`` of ``template`` (two tokens after it), splits into as
        many tokens as it has lemmas, each the model's lemma for its token or the token itself."""
        nouns = [r for r in self.rows if r["kind"] == "noun"]
        texts = [template.format(noun=r["lemma"].replace(" - ", "-")) for r in nouns]
        bad = []
        for r, doc in zip(nouns, self.nlp.pipe(texts)):
            toks = doc[start:-2]
            want = r["lemma"].split(" ")
            if len(toks) != len(want) or any(w not in (self.norm(t.lemma_), t.lower_) for w, t in zip(want, toks)):
                bad.append((r["id"], [t.lemma_ for t in toks]))
        assert not bad, bad[:20]


@pytest.fixture(scope="session")
def lemma_checks() -> type[LemmaChecks]:
    """The class of the shared checks: ``lemma_checks(nlp, rows, lower=True)``."""
    return LemmaChecks
