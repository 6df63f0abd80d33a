"""Assemble the default pipeline and code articles with it.

``ingest -> language -> nlp -> actors -> events -> nuclear -> geo -> dates``, as ``tocsin/default_config.toml``
lists them (see docs/configuration.md); the store and the CLI sit outside. This is the importable core that ``tocsin code`` and ``tocsin eval``
wrap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from . import registry
from .config import Config, ConfigSource, load_config
from .models import Article
from .pipeline import Pipeline
from .stages.actors import ExtractActors
from .stages.dates import DateEvents
from .stages.events import CodeEvents
from .stages.geo import PlaceEvents
from .stages.language import DetectLanguage
from .stages.nlp import ParseText
from .stages.nuclear import FlagNuclear

# The stages whose modules do not register themselves (their classes take their settings as keyword arguments).
registry.stages.register("events")(CodeEvents)
registry.stages.register("geo")(PlaceEvents)
registry.stages.register("dates")(DateEvents)
BUILT_IN_STAGES = (DetectLanguage, ParseText, ExtractActors, CodeEvents, FlagNuclear, PlaceEvents, DateEvents)


def make_pipeline(
    config: ConfigSource | Config = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    lang: str | None = None,
    actors: Sequence[str | Path] | None = None,
    keep_negated: bool | None = None,
    keep_actorless: bool | None = None,
    batch_size: int | None = None,
    trace: bool | None = None,
    place: bool | None = None,
    date: bool | None = None,
    prefilter: bool | None = None,
) -> Pipeline:
    """Build the coding pipeline from the configuration: ``tocsin/default_config.toml``, then ``config`` (a TOML
    file or a mapping; by default the file named by TOCSIN_CONFIG, if set), then ``overrides`` (dotted keys such as
    ``"stages.events.keep_negated"``), then the keyword flags below; a flag left at None keeps the configuration's value.

    Args:
        lang: force this language for every article (skips detection): ``stages.language.force``.
        actors: extra actor dictionary files (TOML) that extend or override the built-in one: ``pipeline.actors``
            (an empty sequence keeps the configuration's).
        keep_negated: keep negated events (flagged ``negated``) instead of dropping them: ``stages.events.keep_negated``.
        keep_actorless: keep events with no coded actor on either side (their rule ends in ``+actorless``),
            for inspection; by default an event needs at least one actor the dictionary codes: ``pipeline.keep_actorless``.
        batch_size: articles parsed per spaCy batch: ``stages.nlp.batch_size``.
        trace: record every trigger that gave no event, and why (``pipeline.get_stage("events").trace``).
        place, date: False leaves the geo or the dates stage out of ``pipeline.stages``.
        prefilter: parse only the sentences that can hold an event (a candidate actor or trigger, and the sentence
            before each for context; see :mod:`tocsin.stages.candidates`); ``False`` parses every sentence.
    Returns:
        A :class:`~tocsin.pipeline.Pipeline` whose ``pipe`` yields coded articles (``pipeline.config`` is its configuration).
    Raises:
        ConfigError: a bad configuration (E511 unknown stage, E513/E514 bad file or key, E515 bad stage setting).
    """
    flags = {
        "stages.language.force": lang,
        "pipeline.actors": [str(p) for p in actors] if actors else None,  # none given adds none to the configuration's
        "stages.events.keep_negated": keep_negated,
        "pipeline.keep_actorless": keep_actorless,
        "stages.nlp.batch_size": batch_size,
        "stages.events.trace": trace,
        "stages.nlp.prefilter": prefilter,
    }
    merged = {**(overrides or {}), **{k: v for k, v in flags.items() if v is not None}}
    loaded = load_config(config, merged)
    left_out = {name for name, keep in (("geo", place), ("dates", date)) if keep is False}
    if left_out:
        loaded = load_config(loaded, {"pipeline.stages": [s for s in loaded.pipeline.stages if s not in left_out]})
    return Pipeline.from_config(loaded)


def code_articles(articles: Iterable[Article], *, pipeline: Pipeline | None = None, **options: object) -> Iterator[Article]:
    """Code a stream of articles; failures are recorded in ``pipeline.failures``."""
    pipeline = pipeline or make_pipeline(**options)  # type: ignore[arg-type]
    for article in pipeline.pipe(articles):
        article.docs = []  # free the parses once coded
        yield article


def code_text(
    text: str, *, lang: str | None = None, published: str | None = None, id: str = "", config: ConfigSource | Config = None
) -> Article:
    """Code one text and return the article with its sentences, mentions and events (``config``: see :func:`make_pipeline`)."""
    article = Article(text=text, id=id, published=published)
    out = list(code_articles([article], lang=lang, config=config))
    if not out:
        from .errors import Errors, StageError

        raise StageError(Errors.E203.format(article=article.id, stage="pipeline", detail="the article could not be coded"))
    return out[0]


__all__ = ["code_articles", "code_text", "make_pipeline"]
