"""Validated configuration: the pipeline, its stages' settings and the tuning constants, in the manner of spaCy's config.

``tocsin/default_config.toml`` holds every default, each with a comment. A run overrides it with a file
(``tocsin code --config FILE``, ``make_pipeline(config=FILE)``, or the ``TOCSIN_CONFIG`` environment variable,
which worker processes inherit) and with dotted overrides (``{"stages.events.keep_negated": True}``); tables merge
key by key, a list replaces a list. The result is a :class:`Config` (pydantic, unknown keys forbidden); an error
names the file and the key (E513, E514, E515).

The other files tocsin reads are validated here too: :class:`LanguageFile` (``languages/<lang>/language.toml``),
:class:`ActorFile` (``data/actors/*.toml`` and ``--actors`` files) and :class:`AlertRulesFile`
(``data/watch/*.toml``).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    StrictStr,
    Tag,
    ValidationError,
    model_validator,
)

from .errors import ConfigError, Errors

#: The packaged defaults.
DEFAULT_CONFIG = Path(__file__).resolve().parent / "default_config.toml"
#: Environment variable naming a configuration file merged over the defaults (inherited by worker processes).
ENV_VAR = "TOCSIN_CONFIG"
CONFIG_DOC = "docs/configuration.md"

ConfigSource = str | Path | Mapping[str, Any] | None
M = TypeVar("M", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ------------------------------------------------------------------ the configuration


class PipelineSection(_Strict):
    """``[pipeline]``: the stages in run order, and the settings every stage that takes them shares."""

    stages: list[str] = Field(min_length=1)
    actors: list[str] = []
    keep_actorless: bool = False


class StageSection(BaseModel):
    """``[stages.NAME]``: ``factory`` (default: NAME) and the factory's keyword arguments, checked against its signature."""

    model_config = ConfigDict(extra="allow", frozen=True)

    factory: str | None = None

    @property
    def settings(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class StoreTuning(_Strict):
    same_city_km: float = Field(gt=0)
    same_entry_km: float = Field(gt=0)
    merge_window_days: dict[Literal["day", "week", "month"], int]


class WatchTuning(_Strict):
    ladder_window_days: int = Field(gt=0)
    ladder_max_evidence: int = Field(ge=0)
    alert_max_evidence: int = Field(ge=0)
    min_confidence: float = Field(ge=0, le=1)
    nuclear_rung: int = Field(ge=0)
    max_periods: int = Field(gt=0)


class DatesTuning(_Strict):
    future_days: int = Field(ge=0)


class GeoTuning(_Strict):
    max_climb: int = Field(ge=0)
    unique_town_min_length: int = Field(ge=0)
    big_city: int = Field(ge=0)
    trusted_population: int = Field(ge=0)


class Tuning(_Strict):
    """``[tuning.*]``: the constants of the store, the watch, the dates and geo stages (defaults in default_config.toml)."""

    store: StoreTuning
    watch: WatchTuning
    dates: DatesTuning
    geo: GeoTuning


class Config(_Strict):
    """A whole configuration: defaults with the run's overrides merged in, validated."""

    pipeline: PipelineSection
    stages: dict[str, StageSection] = {}
    tuning: Tuning

    # where each layer came from (file path, "<config>", "<overrides>"), and its content: errors name the source of a key
    _sources: list[tuple[str, dict[str, Any]]] = PrivateAttr(default_factory=list)

    def stage(self, name: str) -> StageSection:
        """The ``[stages.NAME]`` table (an empty one when the configuration has none)."""
        return self.stages.get(name) or StageSection()

    def source_of(self, *loc: str) -> str:
        """The last source (file path, ``<config>`` or ``<overrides>``) that sets the key at ``loc``."""
        found = str(DEFAULT_CONFIG)
        for name, data in self._sources:
            if _has(data, list(loc)):
                found = name
        return found


# ------------------------------------------------------------------ loading


@lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    return read_toml(DEFAULT_CONFIG)


def read_toml(path: str | Path) -> dict[str, Any]:
    """A TOML file as a dict; ConfigError E514 when it cannot be read or parsed."""
    try:
        with Path(path).open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(Errors.E514.format(path=path, detail="no such file")) from None
    except OSError as exc:
        raise ConfigError(Errors.E514.format(path=path, detail=exc.strerror or exc)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(Errors.E514.format(path=path, detail=f"not valid UTF-8 at byte {exc.start}")) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Errors.E514.format(path=path, detail=f"invalid TOML: {exc}")) from None


def dotted(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """``{"stages.events.keep_negated": True}`` -> ``{"stages": {"events": {"keep_negated": True}}}`` (nested keys kept)."""
    out: dict[str, Any] = {}
    for key, value in overrides.items():
        *parents, last = key.split(".")
        table = out
        for part in parents:
            table = table.setdefault(part, {})
        table[last] = dotted(value) if isinstance(value, Mapping) else value
    return out


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``override`` over ``base``: tables merged key by key, anything else (lists too) replaced."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def load_config(config: ConfigSource | Config = None, overrides: Mapping[str, Any] | None = None) -> Config:
    """The defaults, then ``config`` (a file, a mapping, or when None the file named by TOCSIN_CONFIG), then
    ``overrides`` (dotted keys allowed), merged and validated.

    Raises:
        ConfigError: E514 for an unreadable file, E513 naming the file and the key of a bad or unknown setting.
    """
    layers: list[tuple[str, dict[str, Any]]] = [(str(DEFAULT_CONFIG), _defaults())]
    if isinstance(config, Config):
        if not overrides:
            return config
        layers = list(config._sources) or [("<config>", config.model_dump())]
        config = {}
    if config is None and os.environ.get(ENV_VAR):
        config = os.environ[ENV_VAR]
    if isinstance(config, (str, Path)):
        layers.append((str(config), read_toml(config)))
    elif config is not None:
        layers.append(("<config>", dotted(config)))
    if overrides:
        layers.append(("<overrides>", dotted(overrides)))
    merged: dict[str, Any] = {}
    for _, data in layers:
        merged = merge(merged, data)
    try:
        result = Config.model_validate(merged)
    except ValidationError as exc:
        raise validation_error(exc, [name for name, _ in layers], [data for _, data in layers]) from None
    result._sources = layers
    return result


def validation_error(exc: ValidationError, sources: list[str], layers: list[dict[str, Any]], doc: str = CONFIG_DOC) -> ConfigError:
    """ConfigError E513 for the first error of ``exc``, naming the key and the last source that sets it."""
    error = exc.errors()[0]
    loc = [str(part) for part in error["loc"]]
    key = ".".join(loc) or "top level"
    source = sources[-1]
    for name, data in zip(sources, layers, strict=True):
        if _has(data, loc):
            source = name
    detail = error["msg"]
    if error["type"] == "extra_forbidden":
        detail = "unknown key"
    elif error["type"] == "missing":
        detail = "missing key"
    elif "input" in error and not isinstance(error["input"], (dict, list)):
        detail += f" (found {error['input']!r})"
    return ConfigError(Errors.E513.format(path=source, key=key, detail=detail, doc=doc))


def _has(data: Any, loc: list[str]) -> bool:
    for part in loc:
        if isinstance(data, Mapping) and part in data:
            data = data[part]
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return False
    return True


# ------------------------------------------------------------------ the active configuration


@lru_cache(maxsize=8)
def _settings_for(path: str) -> Tuning:
    return load_config(path or {}).tuning


def settings() -> Tuning:
    """The tuning constants of the active configuration: the defaults, with the TOCSIN_CONFIG file merged in if set."""
    return _settings_for(os.environ.get(ENV_VAR, ""))


@contextmanager
def active_config(path: str | Path | None) -> Iterator[None]:
    """Make ``path`` the configuration of this process and of the workers it starts, for the ``with`` block
    (None: leave it as it is). The file is validated first."""
    if path is None:
        yield
        return
    load_config(path)
    before = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = str(Path(path).resolve())
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = before


# ------------------------------------------------------------------ the other files tocsin reads


class LanguageCues(_Strict):
    """``[cues]`` of language.toml: word lists (lemmas, lower-cased when loaded)."""

    negation: list[str] = []
    negation_particle: list[str] = []
    intent: list[str] = []
    threat: list[str] = []
    speech: list[str] = []
    order: list[str] = []
    light: list[str] = []
    modal: list[str] = []
    hedge: list[str] = []
    demonstratives: list[str] = []
    according_to: list[str] = []
    location_preps: list[str] = []
    background: list[str] = []
    unaccusative: list[str] = []
    pronouns: list[str] = []
    obligation: list[str] = []
    future: list[str] = []
    irrealis_aux: list[str] = []
    obligation_aux: list[str] = []
    negating: list[str] = []
    reporting: list[str] = []
    allegation: list[str] = []
    undergo: list[str] = []
    undergo_from: list[str] = []
    arrival: list[str] = []
    perfect_aux: list[str] = []
    listing: list[str] = []
    locative: list[str] = []
    not_acts: list[str] = []
    quantity: list[str] = []
    act_heads: list[str] = []
    participation: list[str] = []
    locative_places: list[str] = []
    noun_negators: list[str] = []
    without: list[str] = []
    reflexive: list[str] = []
    weapons: list[str] = []
    aerial_weapons: list[str] = []
    injury: list[str] = []
    casualty: list[str] = []
    causes: list[str] = []
    unanswered_verbs: list[str] = []
    unanswered: list[str] = []
    against_government: list[str] = []
    habitual: list[str] = []
    hearsay_aux: list[str] = []
    comitative: list[str] = []
    decisions: list[str] = []
    occurrence: list[str] = []
    victims: list[str] = []
    opposing: list[str] = []
    aiming: list[str] = []
    pronoun_numbers: list[str] = []
    anonymity: list[str] = []
    criticism: list[str] = []
    blame: list[str] = []
    naming: list[str] = []
    speaking: list[str] = []
    ellipsis: list[str] = []
    period: list[str] = []
    attribution: list[str] = []
    naming_as: list[str] = []
    stigma: list[str] = []
    condition: list[str] = []
    impersonal: list[str] = []
    state_passive: list[str] = []
    state_verbs: list[str] = []
    purpose: list[str] = []
    irrealis_endings: list[str] = []
    likening: list[str] = []
    between: list[str] = []
    reciprocal: list[str] = []
    course: list[str] = []
    topic: list[str] = []
    contravention: list[str] = []
    harming: list[str] = []
    displeasure: list[str] = []
    suspicion: list[str] = []
    chanting: list[str] = []
    preventing: list[str] = []
    desire: list[str] = []
    current: list[str] = []
    scheduled: list[str] = []
    deceit: list[str] = []
    stative_participles: list[str] = []
    concurring: list[str] = []
    occasions: list[str] = []
    earlier: list[str] = []
    told_course: list[str] = []
    open_questions: list[str] = []
    forbidding_obligations: list[str] = []
    standing_text: list[str] = []


class LanguageMorphology(_Strict):
    """``[morphology]`` of language.toml: what the parser misses."""

    gerund_endings: list[str] = []
    gerund_infinitives: list[tuple[str, str]] = []
    present_infinitives: list[tuple[str, str]] = []
    perfect_infinitive_aux: list[str] = []
    irrealis_stems: list[tuple[str, str]] = []
    irrealis_exceptions: list[str] = []


class LanguageNuclear(_Strict):
    patterns: list[str] = []


class LanguageFile(_Strict):
    """A ``tocsin/languages/<lang>/language.toml`` file (docs/adding-a-language.md)."""

    model: str
    model_version: str
    model_meta_name: str | None = None
    disable: list[str] = []
    cues: LanguageCues = LanguageCues()
    morphology: LanguageMorphology = LanguageMorphology()
    lemma_fixes: dict[str, str] = {}
    nuclear: LanguageNuclear = LanguageNuclear()


# ------------------------------------------------------------------ actor dictionary files (docs/actors.md)

ACTOR_KINDS = ("country", "region", "igo", "group", "institution", "person", "place", "outlet")
_CAMEO_CODE = r"^[A-Z]{3,15}$"
_LANG_KEY = re.compile(r"[a-z]{2,3}|any")


def _strings(value: Any) -> Any:
    """A string or a list of strings -> the list, each stripped; an empty string is an error."""
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        out = [v.strip() for v in value]
        if not all(out):
            raise ValueError("holds an empty string")
        return out
    return value  # let the type check say what is wrong


def _iso_date(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"is not a valid ISO date (YYYY-MM-DD): {value!r}") from None
    if value is not None and not isinstance(value, date):
        raise ValueError(f"must be an ISO date string (YYYY-MM-DD), got {value!r}")
    return value


StringList = Annotated[list[StrictStr], BeforeValidator(_strings)]
IsoDate = Annotated[date | None, BeforeValidator(_iso_date)]
CameoCode = Annotated[StrictStr, Field(pattern=_CAMEO_CODE)]


def _forms_by_language(value: dict[str, list[str]]) -> dict[str, list[str]]:
    for lang in value:
        if not _LANG_KEY.fullmatch(lang):
            raise ValueError(f"{lang}: language must be a lower-case ISO 639 code or 'any'")
    return value


FormsByLanguage = Annotated[dict[str, StringList], AfterValidator(_forms_by_language)]


class ActorTerm(_Strict):
    """One office a person holds: ``{code = "RUSGOV", start = "1999-08-16", end = ...}``."""

    code: CameoCode
    start: IsoDate = None
    end: IsoDate = None
    note: str | None = None


class ActorEntryTable(_Strict):
    """One ``[ID]`` table of an actor file (the CAMEO role codes and the dates' order are checked by the loader)."""

    code: CameoCode | None = None
    kind: Literal["country", "region", "igo", "group", "institution", "person", "place", "outlet"]
    name: StrictStr | None = None
    roles: StringList = []
    terms: list[ActorTerm] = []
    note: str | None = None
    names: FormsByLanguage = {}
    aliases: FormsByLanguage = {}
    capitals: FormsByLanguage = {}
    demonyms: FormsByLanguage = {}


class RoleWords(BaseModel):
    """``[GOV]`` of roles.toml (or ``[roles.GOV]`` of a user file): role words per language."""

    model_config = ConfigDict(extra="allow", frozen=True)

    @model_validator(mode="after")
    def _languages(self) -> RoleWords:
        for lang, words in (self.model_extra or {}).items():
            if not _LANG_KEY.fullmatch(lang):
                raise ValueError(f"{lang}: language must be a lower-case ISO 639 code or 'any'")
            checked = _strings(words)
            if not isinstance(checked, list) or not all(isinstance(w, str) for w in checked):
                raise ValueError(f"{lang}: must be a list of strings")
            (self.model_extra or {})[lang] = checked
        return self

    @property
    def by_language(self) -> dict[str, list[str]]:
        return dict(self.model_extra or {})


def validate_actor_entry(path: str | Path, id_: str, table: Any) -> ActorEntryTable:
    """One entry table of an actor file, validated; ConfigError E502 naming the file, the entry and the key otherwise."""
    return _validate_actor_part(ActorEntryTable, path, f"entry '{id_}'", table)


def validate_role_words(path: str | Path, where: str, table: Any) -> RoleWords:
    """One role table (``[GOV]``) of an actor file, validated (E502 naming the file and the key)."""
    return _validate_actor_part(RoleWords, path, where, table)


def _validate_actor_part(model: type[M], path: str | Path, where: str, table: Any) -> M:
    if not isinstance(table, dict):
        raise ConfigError(Errors.E502.format(path=path, detail=f"{where} must be a table"))
    try:
        return model.model_validate(table)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(part) for part in error["loc"])
        if error["type"] == "extra_forbidden":
            detail = f"unknown key {key!r} (expected {', '.join(sorted(model.model_fields))})"
        else:
            message = str(error["msg"]).removeprefix("Value error, ")
            detail = f"{key}: {message}" if key else message
        raise ConfigError(Errors.E502.format(path=path, detail=f"{where}: {detail}")) from None


# ------------------------------------------------------------------ alert-rule files (tocsin/data/watch/alerts.toml)


class _AlertRule(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    name: StrictStr = Field(min_length=1)
    freq: Literal["week", "day"] = "week"


class _StatisticalRule(_AlertRule):
    measure: str
    min_history: int = Field(4, ge=1)
    min_baseline: float = Field(1.0, gt=0)

    @model_validator(mode="after")
    def _measure(self) -> _StatisticalRule:
        from .watch.alerts import MEASURES

        if self.measure not in MEASURES:
            raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {self.measure!r}")
        return self


class ChangeRule(_StatisticalRule):
    kind: Literal["change"]
    measure: str = "conflict"
    baseline: int = Field(4, ge=1)
    ratio: float = 2.0
    min_count: float = 3.0


class SpikeRule(_StatisticalRule):
    kind: Literal["spike"]
    measure: str = "escalation"
    method: Literal["zscore", "ewma"] = "zscore"
    window: int = Field(8, ge=1)
    threshold: float = 3.0
    min_value: float = 1.0
    alpha: float = Field(0.3, gt=0, le=1)
    min_std: float = 1.0


class RungRule(_AlertRule):
    kind: Literal["rung"]
    min_rung: int = Field(3, ge=0, le=7)


class FirstRule(_AlertRule):
    kind: Literal["first"]
    quads: list[Literal[1, 2, 3, 4]] = Field([1, 2, 3, 4], min_length=1)


class RegisteredRule(_AlertRule):
    """A rule of a kind registered in ``tocsin.registry.alert_kinds`` beyond the four built in (docs/watch.md): its
    settings are those of the kind's ``defaults``, checked by the kind's ``check``."""

    model_config = ConfigDict(extra="allow", frozen=True, strict=True)

    kind: StrictStr

    @model_validator(mode="after")
    def _registered(self) -> RegisteredRule:
        from . import registry
        from .watch.alerts import MEASURES
        from .watch.kinds import AlertKind

        found = registry.alert_kinds.get(self.kind) if self.kind in registry.alert_kinds else None
        if not isinstance(found, AlertKind):
            known = ", ".join(sorted(registry.alert_kinds.names()))
            raise ValueError(f"unknown alert kind {self.kind!r} (registered: {known})")  # noqa: TRY004  (pydantic reports ValueError)
        settings = dict(self.model_extra or {})
        unknown = sorted(set(settings) - set(found.defaults))
        if unknown:
            raise ValueError(f"unknown key {unknown[0]!r} (a {self.kind} rule takes {', '.join(sorted(found.defaults))})")
        params = {**found.defaults, **settings, "freq": self.freq}
        if "measure" in params and params["measure"] not in MEASURES:
            raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {params['measure']!r}")
        hint = found.check(params)
        if hint:
            raise ValueError(f"a {self.kind} rule: {hint}")
        return self


_BUILT_IN_KINDS = ("change", "spike", "rung", "first")


def _rule_kind(value: Any) -> str | None:
    """The tag of a ``[[rule]]``: its kind when built in, ``"kind"`` for any other name (checked against the registry)."""
    kind = value.get("kind") if isinstance(value, Mapping) else getattr(value, "kind", None)
    if not isinstance(kind, str):
        return None
    return kind if kind in _BUILT_IN_KINDS else "kind"


AlertRule = Annotated[
    Annotated[ChangeRule, Tag("change")]
    | Annotated[SpikeRule, Tag("spike")]
    | Annotated[RungRule, Tag("rung")]
    | Annotated[FirstRule, Tag("first")]
    | Annotated[RegisteredRule, Tag("kind")],
    Discriminator(
        _rule_kind,
        custom_error_type="missing_kind",
        custom_error_message="each [[rule]] needs a kind: change, spike, rung, first or a kind registered in tocsin.registry.alert_kinds",
    ),
]


class AlertRulesFile(_Strict):
    """An alert-rule file: ``[[rule]]`` tables, each with a unique ``name`` and a ``kind`` (docs/watch.md). A rule of a
    kind registered beyond the four built in is a :class:`RegisteredRule`; an error names the rule's index and, for a
    built-in kind, the kind (``rule.2.spike.window``), else ``kind`` (``rule.0.kind: ... unknown alert kind``)."""

    rule: list[AlertRule] = []

    @model_validator(mode="after")
    def _unique_names(self) -> AlertRulesFile:
        names = [r.name for r in self.rule]
        doubled = sorted({n for n in names if names.count(n) > 1})
        if doubled:
            raise ValueError(f"rule names must be unique ({', '.join(doubled)} is used twice)")
        return self


def load_alert_rules_model(path: str | Path) -> AlertRulesFile:
    """An alert-rule file read and validated: E514 when unreadable, E513 naming the file and the key (``rule.2.window``)."""
    return validate_file(AlertRulesFile, path, read_toml(path), "docs/watch.md")


def validate_file(model: type[M], path: str | Path, data: Mapping[str, Any], doc: str) -> M:
    """``data`` (read from ``path``) validated as ``model``; ConfigError E513 naming the file and the key otherwise."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, [str(path)], [dict(data)], doc=doc) from None


def validate_language_file(path: str | Path, data: Mapping[str, Any]) -> LanguageFile:
    """Check a language.toml file's content (E513 naming the file and the key)."""
    return validate_file(LanguageFile, path, data, "docs/adding-a-language.md")


__all__ = [
    "ACTOR_KINDS",
    "CONFIG_DOC",
    "DEFAULT_CONFIG",
    "ENV_VAR",
    "ActorEntryTable",
    "ActorTerm",
    "AlertRulesFile",
    "ChangeRule",
    "Config",
    "DatesTuning",
    "FirstRule",
    "GeoTuning",
    "LanguageFile",
    "PipelineSection",
    "RegisteredRule",
    "RoleWords",
    "RungRule",
    "SpikeRule",
    "StageSection",
    "StoreTuning",
    "Tuning",
    "WatchTuning",
    "active_config",
    "dotted",
    "load_alert_rules_model",
    "load_config",
    "merge",
    "read_toml",
    "settings",
    "validate_actor_entry",
    "validate_file",
    "validate_language_file",
    "validate_role_words",
    "validation_error",
]
