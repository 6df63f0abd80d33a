"""The NLP stage: split paragraphs, parse them with spaCy, assign sentences.

The model named by the language's resources is loaded once per process and
only the components coding needs run (the rest are disabled). Paragraphs are
split on blank lines before parsing, and all paragraphs of a batch go through
one ``nlp.pipe`` call.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import Errors, StageError
from ..languages import load_language
from ..models import Article, Sentence

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
        check_model_meta(nlp.meta, lang, resources.model_meta_name, resources.model_version)
        _models[lang] = nlp
        return nlp


def check_model_meta(meta: dict[str, Any], lang: str, name: str, version: str) -> None:
    """Refuse a model that is not the one the language resources name (language, name, major.minor version)."""
    found = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    ok = meta.get("lang") == lang and name in str(meta.get("name", "")) and str(meta.get("version", "")).startswith(version + ".")
    if not ok:
        raise StageError(Errors.E206.format(expected=f"{lang}_{name} {version}.x", found=found))


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """Split text on blank lines; return (offset, paragraph) pairs with leading/trailing space trimmed."""
    out: list[tuple[int, str]] = []
    pos = 0
    for match in [*_PARA_SPLIT.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = pos + (len(chunk) - len(chunk.lstrip()))
            out.extend(_cut_long(start, stripped))
        if match:
            pos = match.end()
    return out


def _cut_long(offset: int, para: str) -> list[tuple[int, str]]:
    if len(para) <= MAX_PARAGRAPH_CHARS:
        return [(offset, para)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(para):
        end = min(len(para), start + MAX_PARAGRAPH_CHARS)
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


class ParseText:
    """Parse each article's paragraphs and record its sentences.

    Assigns ``article.sentences`` (character spans of ``article.text``) and
    ``article.docs``: ``(offset, Doc)`` pairs, one per paragraph.
    """

    name = "nlp"
    requires = ("article.text", "article.lang")
    assigns = ("article.sentences", "article.docs")

    def __init__(self, *, batch_size: int = 64) -> None:
        self.batch_size = batch_size

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
            except Exception as exc:  # noqa: BLE001 - recorded by the handler
                for article in articles:
                    if on_error is None:
                        raise
                    on_error(article, self.name, exc)
                    done.add(article.id)
                continue
            items = [(para, (i, offset)) for i, article in enumerate(articles) for offset, para in split_paragraphs(article.text)]
            docs: list[list[tuple[int, Any]]] = [[] for _ in articles]
            for doc, (i, offset) in nlp.pipe(items, as_tuples=True, batch_size=self.batch_size):
                docs[i].append((offset, doc))
            for article, adocs in zip(articles, docs):
                article.docs = adocs
                article.sentences = []
                for offset, doc in adocs:
                    for sent in doc.sents:
                        text = sent.text
                        if not text.strip():
                            continue
                        start = offset + sent.start_char
                        article.sentences.append(Sentence(len(article.sentences), start, start + len(text), text))
        for article in batch:
            if article.id not in done:
                yield article
