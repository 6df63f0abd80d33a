"""The pipeline: named stages, each ``Article -> Article``, run in order.

A stage is any callable taking and returning an :class:`~tocsin.models.Article`
with three attributes: ``name``, ``requires`` and ``assigns`` (dotted names
such as ``"article.lang"``). A stage may also define ``pipe(articles)`` to
process a batch at once (the NLP stage does, to batch spaCy). The pipeline
checks when it is built that every requirement is assigned by an earlier
stage, and during a run hands any article whose stage raises to an error
handler, so one bad article never aborts a batch.
"""

from __future__ import annotations

import inspect
import logging
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from pydantic import ConfigDict, ValidationError, create_model

from . import registry
from .config import Config
from .errors import ConfigError, Errors, StageError
from .models import Article

log = logging.getLogger(__name__)

# What ingest assigns before any stage runs.
INGESTED = frozenset({"article.id", "article.text", "article.title", "article.published", "article.url", "article.outlet"})


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


@dataclass
class StageFailure:
    """An article that a stage could not process."""

    article_id: str
    origin: str | None
    stage: str
    message: str


ErrorHandler = Callable[[Article, str, Exception], None]


@dataclass
class Pipeline:
    """An ordered list of stages."""

    stages: list[Any] = field(default_factory=list)
    failures: list[StageFailure] = field(default_factory=list)
    #: The configuration the pipeline was built from (None when built from stage objects).
    config: Config | None = None

    @classmethod
    def from_config(cls, config: Config) -> Pipeline:
        """The stages ``[pipeline] stages`` names, in order, each made by its registered factory with its settings."""
        return cls([make_stage(config, name) for name in config.pipeline.stages], config=config)

    def __post_init__(self) -> None:
        self.check()

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def add_stage(self, stage: Any) -> None:
        self.stages.append(stage)
        self.check()

    def get_stage(self, name: str) -> Any:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise StageError(Errors.E204.format(name=name, names=", ".join(self.names)))

    def check(self) -> None:
        """Raise StageError if a stage requires what no earlier stage assigns."""
        for stage, missing in self.analyze().items():
            if missing:
                raise StageError(Errors.E202.format(stage=stage, attr=missing[0]))

    def analyze(self) -> dict[str, list[str]]:
        """Stage name -> what it requires that no earlier stage assigns (empty lists when the pipeline is sound),
        as spaCy's ``nlp.analyze_pipes()`` reports problems."""
        available = set(INGESTED)
        problems: dict[str, list[str]] = {}
        for stage in self.stages:
            problems[stage.name] = [attr for attr in stage.requires if attr not in available]
            available.update(stage.assigns)
        return problems

    def _handle(self, article: Article, stage: str, exc: Exception) -> None:
        message = (
            str(exc)
            if str(exc).startswith("[E")
            else Errors.E203.format(article=article.origin or article.id, stage=stage, detail=f"{type(exc).__name__}: {exc}")
        )
        log.warning(message)
        self.failures.append(StageFailure(article.id, article.origin, stage, message))

    def __call__(self, article: Article) -> Article | None:
        out = list(self.pipe([article]))
        return out[0] if out else None

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run every stage over a stream of articles; failed articles are dropped and recorded in ``failures``."""
        stream: Iterable[Article] = articles
        for stage in self.stages:
            stream = self._run_stage(stage, stream)
        yield from stream

    def _run_stage(self, stage: Any, articles: Iterable[Article]) -> Iterator[Article]:
        pipe = getattr(stage, "pipe", None)
        if pipe is not None:
            yield from pipe(articles, on_error=self._handle)
            return
        for article in articles:
            try:
                yield stage(article)
            except Exception as exc:  # noqa: BLE001 - the handler records it, the batch goes on
                self._handle(article, stage.name, exc)


def make_stage(config: Config, name: str) -> Any:
    """The stage ``[stages.NAME]`` describes: its factory (``registry.stages``) called with its settings, plus the
    ``[pipeline]`` settings the factory takes a parameter for. Settings are checked against the factory's signature
    (E515); an unknown factory is E511."""
    section = config.stage(name)
    factory_name = section.factory or name
    factory = registry.stages.get(factory_name)
    shared = {k: v for k, v in config.pipeline.model_dump().items() if k != "stages"}
    params = _parameters(factory)
    values = {k: v for k, v in shared.items() if k in params} | section.settings
    model = create_model(  # type: ignore[call-overload]
        f"{factory_name}_settings",
        __config__=ConfigDict(extra="forbid", arbitrary_types_allowed=True),
        **params,
    )
    try:
        checked = model.model_validate(values)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(p) for p in error["loc"])
        detail = "unknown setting" if error["type"] == "extra_forbidden" else error["msg"]
        source = config.source_of("stages", name, str(error["loc"][0]))
        known = ", ".join(params) or "no settings"
        raise ConfigError(Errors.E515.format(path=source, stage=name, key=key, detail=detail, factory=factory_name, known=known)) from None
    return factory(**{k: getattr(checked, k) for k in values})


def _parameters(factory: Callable[..., Any]) -> dict[str, tuple[Any, Any]]:
    """Keyword parameters of a factory (a class: its ``__init__``) -> (type, default or ``...``), for pydantic."""
    target = factory.__init__ if isinstance(factory, type) else factory  # type: ignore[misc]
    try:
        hints = typing.get_type_hints(target)
    except Exception:  # noqa: BLE001 - unresolvable annotations: accept any value
        hints = {}
    out: dict[str, tuple[Any, Any]] = {}
    for param in inspect.signature(factory).parameters.values():
        if param.kind in (param.KEYWORD_ONLY, param.POSITIONAL_OR_KEYWORD):
            default = ... if param.default is param.empty else param.default
            out[param.name] = (hints.get(param.name, Any), default)
    return out


__all__ = ["INGESTED", "Pipeline", "Stage", "StageFailure", "make_stage"]
