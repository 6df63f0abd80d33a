"""Assemble the default pipeline and code articles with it.

``ingest -> language -> nlp -> actors -> events``; the store and the CLI sit
outside. This is the importable core that ``tocsin code`` and ``tocsin eval``
wrap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from .models import Article
from .pipeline import Pipeline
from .stages.actors import ExtractActors
from .stages.dates import DateEvents
from .stages.events import CodeEvents
from .stages.geo import PlaceEvents
from .stages.language import DetectLanguage
from .stages.nlp import ParseText
from .stages.nuclear import FlagNuclear


def make_pipeline(
    *,
    lang: str | None = None,
    actors: Sequence[str | Path] = (),
    keep_negated: bool = False,
    keep_actorless: bool = False,
    batch_size: int = 64,
    trace: bool = False,
    place: bool = True,
    date: bool = True,
    prefilter: bool = True,
) -> Pipeline:
    """Build the coding pipeline.

    Args:
        lang: force this language for every article (skips detection).
        actors: extra actor dictionary files (TOML) that extend or override the built-in one.
        keep_negated: keep negated events (flagged ``negated``) instead of dropping them.
        keep_actorless: keep events with no coded actor on either side (their rule ends in ``+actorless``),
            for inspection; by default an event needs at least one actor the dictionary codes.
        batch_size: articles parsed per spaCy batch.
        trace: record every trigger that gave no event, and why (``pipeline.get_stage("events").trace``).
        place, date: run the geo and dates stages (on by default).
        prefilter: parse only the sentences that can hold an event (a candidate actor or trigger, and the sentence
            before each for context; see :mod:`tocsin.stages.candidates`); ``False`` parses every sentence.
    Returns:
        A :class:`~tocsin.pipeline.Pipeline` whose ``pipe`` yields coded articles.
    """
    stages: list[object] = [
        DetectLanguage(force=lang),
        ParseText(batch_size=batch_size, prefilter=prefilter, actors=tuple(str(p) for p in actors), keep_actorless=keep_actorless),
        ExtractActors(extra_dictionaries=tuple(str(p) for p in actors)),
        CodeEvents(keep_negated=keep_negated, trace=trace, keep_actorless=keep_actorless),
        FlagNuclear(),
    ]
    if place:
        stages.append(PlaceEvents())
    if date:
        stages.append(DateEvents())
    return Pipeline(stages)


def code_articles(articles: Iterable[Article], *, pipeline: Pipeline | None = None, **options: object) -> Iterator[Article]:
    """Code a stream of articles; failures are recorded in ``pipeline.failures``."""
    pipeline = pipeline or make_pipeline(**options)  # type: ignore[arg-type]
    for article in pipeline.pipe(articles):
        article.docs = []  # free the parses once coded
        yield article


def code_text(text: str, *, lang: str | None = None, published: str | None = None, id: str = "") -> Article:
    """Code one text and return the article with its sentences, mentions and events."""
    article = Article(text=text, id=id, published=published)
    out = list(code_articles([article], lang=lang))
    if not out:
        from .errors import Errors, StageError

        raise StageError(Errors.E203.format(article=article.id, stage="pipeline", detail="the article could not be coded"))
    return out[0]


__all__ = ["code_articles", "code_text", "make_pipeline"]
