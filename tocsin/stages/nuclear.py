"""The nuclear stage: does an event signal with nuclear weapons?

Nuclear signalling is a first-class flag of tocsin (issue 5): exercises with
nuclear weapons ("armes nucléaires tactiques", "munitions spéciales",
"arsenal nucléaire non stratégique"), nuclear threats, deployments of
nuclear-capable systems (Iskander, Kinzhal...). Each language lists its cues as
regular expressions in ``languages/<lang>/language.toml`` (``[nuclear]``); an
event carries ``nuclear = True`` when its sentence matches one, on whole words.

The flag says what the sentence is about; whether it is *signalling* between
two actors is decided per pair by the escalation ladder
(:mod:`tocsin.watch.ladder`), which also lends an untargeted nuclear exercise to
the adversaries its source threatens in the same article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import registry
from ..languages import SUPPORTED, load_language
from ..models import Article


@lru_cache(maxsize=8)
def nuclear_regex(lang: str) -> re.Pattern[str] | None:
    """One compiled alternation of the language's nuclear cues (None if it lists none)."""
    patterns = load_language(lang).nuclear
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def is_nuclear(text: str, lang: str) -> bool:
    """The text speaks of nuclear weapons or nuclear-capable systems (``lang``'s cues)."""
    regex = nuclear_regex(lang) if lang in SUPPORTED else None
    return bool(regex is not None and regex.search(text))


@registry.stages.register("nuclear")
class FlagNuclear:
    """Pipeline stage setting ``event.nuclear`` from the event's sentence."""

    name = "nuclear"
    requires = ("article.events",)
    assigns = ("event.nuclear",)

    def __call__(self, article: Article) -> Article:
        seen: dict[int, bool] = {}
        for event in article.events:
            lang = event.lang or article.lang or ""
            if event.sentence_index not in seen:
                seen[event.sentence_index] = is_nuclear(event.sentence, lang)
            event.nuclear = seen[event.sentence_index]
        return article


__all__ = ["FlagNuclear", "is_nuclear", "nuclear_regex"]
