"""The NLP stage: split paragraphs, parse them with spaCy, assign sentences.

The model named by the language's resources is loaded once per process and
only the components coding needs run (the rest are disabled). Paragraphs are
split on blank lines before parsing, and all paragraphs of a batch go through
one ``nlp.pipe`` call.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .. import registry
from ..errors import ConfigError, Errors, StageError
from ..languages import load_language
from ..models import Article, Sentence
from .candidates import CandidateFinder, Unit, plain_sentences

_PARA_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n")
# spaCy's parser cost grows with paragraph length; very long paragraphs are cut on single newlines, then on sentence-ish punctuation.
MAX_PARAGRAPH_CHARS = 5_000

_models: dict[str, Any] = {}
_lock = threading.Lock()


_TERMINAL = frozenset({".", "!", "?", "…", "...", "!?", "?!", ";"})
_CLOSERS = frozenset({"»", '"', "”", "’", "'", ")", "]"})


def _sentence_hints(doc: Any) -> Any:
    """Allow sentence starts only after terminal punctuation or a line break.

    The parser of the French models splits sentences at capitalised words
    ("district militaire Sud") and guillemets; news sentences end with a
    full stop, so every other position is marked as no boundary before the
    parser runs (the parser respects preset boundaries).
    """
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        j = i - 1
        while j > 0 and doc[j].text in _CLOSERS:
            j -= 1
        if doc[j].text in _TERMINAL or "\n" in prev.text or prev.is_space:
            continue
        doc[i].is_sent_start = False
    return doc


def _register_hints() -> str:
    from spacy.language import Language

    name = "tocsin_sentence_hints"
    if not Language.has_factory(name):
        Language.component(name, func=_sentence_hints)
    return name


class _MemoLemmas:
    """The model's own lemmatizer, memoised per (word, part of speech, morphology) and written as one array.

    spaCy's rule lemmatizer computes each token's lemma from exactly these three (its own cache has the same key)
    but pays a Python call per token; news repeats its words, so this asks it once per distinct key. The lemmas
    are the model's, unchanged (tests/stages/test_nlp.py compares them on real text)."""

    def __init__(self, lemmatizer: Any, limit: int = 200_000) -> None:
        self.lemmatizer = lemmatizer
        self.overwrite = bool(getattr(lemmatizer, "overwrite", False))
        self.limit = limit
        self.cache: dict[tuple[int, int, int], int] = {}
        _index_as_sets(lemmatizer)

    def __call__(self, doc: Any) -> Any:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        strings = doc.vocab.strings
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not self.overwrite:
                lemmas.append(lemma)  # set before (the attribute ruler's exceptions)
                continue
            key = (orth, pos, morph)
            found = self.cache.get(key)
            if found is None:
                found = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if len(self.cache) < self.limit:
                    self.cache[key] = found
            lemmas.append(found)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


def _index_as_sets(lemmatizer: Any) -> None:
    """Hold the rule lemmatizer's word index as sets.

    spaCy's rule lemmatizer (English and French) asks ``form in index`` of each candidate form, where the index of a
    part of speech is a list of up to 66,000 words: a scan per candidate, a quarter of a millisecond for each new
    word. Membership is all it asks of them (spacy/pipeline/lemmatizer.py, spacy/lang/fr/lemmatizer.py), so the same
    words as frozensets give the same lemmas at once."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


class _MemoAttributes:
    """The model's attribute ruler (tag to part of speech, morphology, lemma exceptions), memoised per token.

    Its one-token patterns test only a token's own tag, lower form, dependency, part of speech and whether it is
    space, so what they set is computed once per distinct combination (by the ruler's own patterns, run by a
    spaCy Matcher on that token) and written for the whole doc as arrays. A doc where a pattern of several
    tokens matches ("gon na", "ai n't") goes through the ruler itself. Same attributes as the ruler
    (tests/stages/test_nlp.py compares them on real text)."""

    def __init__(self, ruler: Any, limit: int = 200_000) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.limit = limit
        self.single = Matcher(ruler.vocab, validate=False)
        self.multi = Matcher(ruler.vocab, validate=False)
        for rule_id, rule in enumerate(_ruler_rules(ruler)):
            for pattern in rule:
                (self.single if len(pattern) == 1 else self.multi).add(str(rule_id), [pattern])
        self.cache: dict[tuple[int, ...], dict[int, int]] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG

        if not len(doc) or (len(self.multi) and self.multi(doc)):
            return self.ruler(doc)
        keys = doc.to_array([TAG, LOWER, DEP, POS, IS_SPACE]).tolist()
        columns = [TAG, POS, MORPH, LEMMA]
        values = doc.to_array(columns)
        deps: list[tuple[int, dict[int, int]]] = []
        for i, key in enumerate(keys):
            delta = self.cache.get(tuple(key))
            if delta is None:
                delta = self._delta(doc, i)
                if len(self.cache) < self.limit:
                    self.cache[tuple(key)] = delta
            for k, column in enumerate(columns):
                if column in delta:
                    values[i, k] = delta[column]
            if DEP in delta:
                deps.append((i, delta))
        doc.from_array(columns, values)
        if deps:
            from spacy.tokens._retokenize import set_token_attrs

            for i, delta in deps:
                set_token_attrs(doc[i], {DEP: delta[DEP]})
        return doc

    def _delta(self, doc: Any, i: int) -> dict[int, int]:
        """What the ruler's one-token patterns set on ``doc[i]``, later patterns over earlier ones."""
        delta: dict[int, int] = {}
        for rule_id in sorted(int(doc.vocab.strings[m]) for m, _, _ in self.single(doc[i : i + 1])):
            if self.ruler.indices[rule_id] not in (0, -1):
                continue  # a one-token pattern can only set its own token
            delta.update(self.ruler.attrs[rule_id])
        return delta


def _ruler_rules(ruler: Any) -> list[list[Any]]:
    """The ruler's patterns, one list per rule id (the order the ruler applies them in)."""
    by_id: dict[int, list[Any]] = {}
    for label in ruler.matcher._patterns:  # private, but the patterns exactly as the ruler compiled them
        rule_id = int(ruler.vocab.strings[label])
        by_id[rule_id] = ruler.matcher.get(label)[1]
    return [by_id.get(k, []) for k in range(len(ruler.attrs))]


def _stand_in(nlp: Any, original: str, name: str, component: Any) -> None:
    """Run ``component`` where the model's ``original`` component ran; the original stays, disabled, for it to ask.

    spaCy registers components by name, once per process: the registered function looks the component up in
    :data:`_STAND_INS`, so a model loaded again gets its own."""
    from spacy.language import Language

    if not Language.has_factory(name):
        Language.component(name, func=lambda doc: _STAND_INS[name](doc))
    _STAND_INS[name] = component
    nlp.add_pipe(name, after=original)
    nlp.disable_pipe(original)


_STAND_INS: dict[str, Any] = {}


def _memoise_attributes(nlp: Any, lang: str) -> None:
    """Put :class:`_MemoAttributes` in place of the model's attribute ruler."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if any(not isinstance(v, int) for attrs in ruler.attrs for v in attrs):
        return  # extension attributes ("_"): leave the ruler as it is
    _stand_in(nlp, "attribute_ruler", f"tocsin_attributes_{lang}", _MemoAttributes(ruler))


def _memoise_lemmas(nlp: Any, lang: str) -> None:
    """Put :class:`_MemoLemmas` in place of the model's lemmatizer."""
    if "lemmatizer" not in nlp.pipe_names or getattr(nlp.get_pipe("lemmatizer"), "mode", "") not in ("rule", "lookup"):
        return
    _stand_in(nlp, "lemmatizer", f"tocsin_lemmas_{lang}", _MemoLemmas(nlp.get_pipe("lemmatizer")))


def load_model(lang: str) -> Any:
    """Return the spaCy pipeline of a language, loaded once per process, with unused components disabled."""
    with _lock:
        if lang in _models:
            return _models[lang]
        resources = load_language(lang)
        import spacy  # imported here so that importing tocsin stays cheap

        try:
            nlp = spacy.load(resources.model, exclude=list(resources.disable))
        except OSError as exc:
            raise StageError(Errors.E201.format(model=resources.model)) from exc
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(_register_hints(), before="parser")
        _memoise_attributes(nlp, lang)
        _memoise_lemmas(nlp, lang)
        check_model_meta(nlp.meta, lang, resources.model_meta_name, resources.model_version)
        _models[lang] = nlp
        return nlp


def check_model_meta(meta: dict[str, Any], lang: str, name: str, version: str) -> None:
    """Refuse a model that is not the one the language resources name (language, name, major.minor version)."""
    found = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    ok = meta.get("lang") == lang and name in str(meta.get("name", "")) and str(meta.get("version", "")).startswith(version + ".")
    if not ok:
        raise StageError(Errors.E206.format(expected=f"{lang}_{name} {version}.x", found=found))


def _parse_back(units: list[Unit]) -> None:
    """Parse a paragraph's last unit, and the chain of pronouns back to an actor (a pronoun opening the next
    paragraph may stand for an actor there)."""
    k = len(units) - 1
    units[k] = dataclasses.replace(units[k], parse=True)
    while k > 0 and units[k].pronoun and units[k - 1].reach:
        k -= 1
        units[k] = dataclasses.replace(units[k], parse=True)


def split_paragraphs(text: str, max_chars: int = MAX_PARAGRAPH_CHARS) -> list[tuple[int, str]]:
    """Split text on blank lines; return (offset, paragraph) pairs with leading/trailing space trimmed. A paragraph
    longer than ``max_chars`` is cut, at a line or sentence end where possible."""
    out: list[tuple[int, str]] = []
    pos = 0
    for match in [*_PARA_SPLIT.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = pos + (len(chunk) - len(chunk.lstrip()))
            out.extend(_cut_long(start, stripped, max_chars))
        if match:
            pos = match.end()
    return out


def _cut_long(offset: int, para: str, max_chars: int) -> list[tuple[int, str]]:
    if len(para) <= max_chars:
        return [(offset, para)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(para):
        end = min(len(para), start + max_chars)
        if end < len(para):
            cut = max(para.rfind("\n", start, end), para.rfind(". ", start, end))
            if cut > start:
                end = cut + 1
        piece = para[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            pieces.append((offset + start + lead, piece.strip()))
        start = end
    return pieces


@registry.stages.register("nlp")
class ParseText:
    """Parse each article's paragraphs and record its sentences.

    Assigns ``article.sentences`` (character spans of ``article.text``) and
    ``article.docs``: ``(offset, Doc)`` pairs, one per paragraph (cut at ``max_paragraph_chars``).
    """

    name = "nlp"
    requires = ("article.text", "article.lang")
    assigns = ("article.sentences", "article.docs")

    def __init__(
        self,
        *,
        batch_size: int = 64,
        prefilter: bool = True,
        actors: tuple[str, ...] = (),
        keep_actorless: bool = False,
        max_paragraph_chars: int = MAX_PARAGRAPH_CHARS,
    ) -> None:
        if batch_size < 1 or max_paragraph_chars < 1:
            value = batch_size if batch_size < 1 else max_paragraph_chars
            raise ConfigError(Errors.E501.format(name="batch_size/max_paragraph_chars", value=value, hint="Use a positive number."))
        self.batch_size = batch_size
        self.max_paragraph_chars = max_paragraph_chars
        self.prefilter = prefilter
        self.actors = tuple(str(p) for p in actors)
        self.keep_actorless = keep_actorless
        self._finders: dict[str, CandidateFinder] = {}
        self.units_seen = 0  # sentence units the cheap pass saw, and how many it sent to the parser
        self.units_parsed = 0

    def _finder(self, lang: str, nlp: Any) -> CandidateFinder:
        finder = self._finders.get(lang)
        if finder is None:
            from .actors.matcher import get_matcher

            finder = CandidateFinder(nlp, load_language(lang), get_matcher(lang, self.actors), keep_actorless=self.keep_actorless)
            self._finders[lang] = finder
        return finder

    def _select(
        self,
        nlp: Any,
        finder: CandidateFinder,
        article: Article,
        i: int,
        items: list[tuple[Any, tuple[int, int]]],
        plain: list[tuple[int, int]],
    ) -> None:
        """Queue the units of an article's paragraphs that coding needs: a paragraph whose first parsed unit holds a
        pronoun ("Il a ajouté ...") has its last unit parsed too, where the pronoun's actor may be."""
        names: set[str] = set()  # persons introduced with a role, over the article's paragraphs
        pending: tuple[str, int, Any, list[Unit]] | None = None
        for offset, para in split_paragraphs(article.text, self.max_paragraph_chars):
            tokens = nlp.make_doc(para)
            units = finder.units(tokens, names, reach_before=bool(pending and pending[3] and pending[3][-1].reach))
            if pending is not None and pending[3] and units and units[0].parse and units[0].pronoun:
                _parse_back(pending[3])
            if pending is not None:
                self._queue(*pending, i, items, plain)
            pending = (para, offset, tokens, units)
        if pending is not None:
            self._queue(*pending, i, items, plain)

    def _queue(
        self,
        para: str,
        offset: int,
        tokens: Any,
        units: list[Unit],
        i: int,
        items: list[tuple[Any, tuple[int, int]]],
        plain: list[tuple[int, int]],
    ) -> None:
        """Queue the runs of a paragraph's units that coding needs for parsing (tokenized once, as docs); record
        the other units' sentences in ``plain``."""
        from spacy.attrs import NORM
        from spacy.tokens import Doc

        self.units_seen += len(units)
        run: list[int] = []
        norms = None  # the tokenizer's special norms ("'re": "are"), read once per paragraph when a run needs a copy
        for unit in [*units, None]:
            if unit is not None and unit.parse:
                self.units_parsed += 1
                run = [run[0] if run else unit.start, unit.end]
                continue
            if run:
                if run == [0, len(tokens)]:
                    items.append((tokens, (i, offset)))  # the whole paragraph: no copy
                else:
                    span = tokens[run[0] : run[1]]
                    # a new Doc from words and spaces (Span.as_doc is six times slower: it copies vectors)
                    doc = Doc(tokens.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
                    norms = tokens.to_array([NORM]) if norms is None else norms
                    doc.from_array([NORM], norms[run[0] : run[1]])
                    items.append((doc, (i, offset + span.start_char)))
                run = []
            if unit is not None:
                plain.extend((offset + s, offset + e) for s, e in plain_sentences(para, tokens, unit.start, unit.end))

    def __call__(self, article: Article) -> Article:
        out = list(self.pipe([article]))
        if not out:
            raise StageError(Errors.E203.format(article=article.origin or article.id, stage=self.name, detail="parse failed"))
        return out[0]

    def pipe(self, articles: Iterable[Article], on_error: Callable[[Article, str, Exception], None] | None = None) -> Iterator[Article]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._parse_batch(batch, on_error)
                batch = []
        if batch:
            yield from self._parse_batch(batch, on_error)

    def _parse_batch(self, batch: list[Article], on_error: Callable[[Article, str, Exception], None] | None) -> Iterator[Article]:
        by_lang: dict[str, list[Article]] = {}
        for article in batch:
            by_lang.setdefault(article.lang or "", []).append(article)
        done: set[str] = set()
        for lang, articles in by_lang.items():
            try:
                nlp = load_model(lang)
            except Exception as exc:
                for article in articles:
                    if on_error is None:
                        raise
                    on_error(article, self.name, exc)
                    done.add(article.id)
                continue
            finder = self._finder(lang, nlp) if self.prefilter else None
            items: list[tuple[Any, tuple[int, int]]] = []
            plain: list[list[tuple[int, int]]] = [[] for _ in articles]  # sentences not parsed: (start, end) in the text
            for i, article in enumerate(articles):
                if finder is not None:
                    self._select(nlp, finder, article, i, items, plain[i])
                    continue
                for offset, para in split_paragraphs(article.text, self.max_paragraph_chars):
                    items.append((para, (i, offset)))
            docs: list[list[tuple[int, Any]]] = [[] for _ in articles]
            for doc, (i, offset) in nlp.pipe(items, as_tuples=True, batch_size=self.batch_size):
                docs[i].append((offset, doc))
            for article, adocs, unparsed in zip(articles, docs, plain):
                article.docs = adocs
                spans = list(unparsed)
                for offset, doc in adocs:
                    for sent in doc.sents:
                        text = sent.text
                        if text.strip():
                            spans.append((offset + sent.start_char, offset + sent.start_char + len(text)))
                spans.sort()
                article.sentences = [Sentence(k, start, end, article.text[start:end]) for k, (start, end) in enumerate(spans)]
        for article in batch:
            if article.id not in done:
                yield article
