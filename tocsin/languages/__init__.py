"""Languages as resources.

Everything language-specific lives in ``tocsin/languages/<code>/``: the spaCy
model to load (``language.toml``), the cue words for negation, intent, reported
speech and light verbs (``language.toml``), and the event pattern dictionary
(``events.tsv``). The stages are the same code for every language.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from .. import codebook
from ..config import validate_language_file
from ..errors import ConfigError, Errors

SUPPORTED = ("fr", "en")


@dataclass(frozen=True)
class Pattern:
    """One entry of a language's event dictionary."""

    id: str
    kind: str  # verb | noun
    lemmas: tuple[str, ...]
    objects: frozenset[str]
    cameo: str
    roles: frozenset[str]
    reflexive: bool = False  # pronominal use only ("se rendre")
    plover: tuple[str, str | None] | None = None  # PLOVER type and mode when the words say more than the CAMEO code

    @property
    def specificity(self) -> int:
        return len(self.lemmas) * 2 + (2 if self.objects else 0) + (1 if self.roles else 0) + (1 if self.reflexive else 0)


@dataclass(frozen=True)
class Cues:
    negation: frozenset[str]
    negation_particle: frozenset[str]
    intent: frozenset[str]
    threat: frozenset[str]
    speech: frozenset[str]
    order: frozenset[str]
    light: frozenset[str]
    modal: frozenset[str]
    hedge: frozenset[str]
    demonstratives: frozenset[str]
    according_to: frozenset[str]
    location_preps: frozenset[str]
    background: frozenset[str]
    unaccusative: frozenset[str]
    pronouns: frozenset[str]
    obligation: frozenset[str]
    future: frozenset[str]
    irrealis_endings: tuple[str, ...] = ()
    irrealis_aux: frozenset[str] = frozenset()
    obligation_aux: frozenset[str] = frozenset()
    negating: frozenset[str] = frozenset()
    reporting: frozenset[str] = frozenset()
    undergo: frozenset[str] = frozenset()  # verbs whose subject undergoes the event noun they take ("drew criticism")
    undergo_from: frozenset[str] = frozenset()  # the preposition of who acts on such a verb ("from")
    allegation: frozenset[str] = frozenset()  # speech verbs that allege: "claimed X attacked Y" accuses X (112)
    perfect_aux: frozenset[str] = frozenset()
    listing: frozenset[str] = frozenset()
    locative: frozenset[str] = frozenset()
    not_acts: frozenset[str] = frozenset()
    quantity: frozenset[str] = frozenset()
    participation: frozenset[str] = frozenset()  # verbs whose prepositional object is the act ("took part in the talks")
    act_heads: frozenset[str] = frozenset()  # nouns whose complement is the act itself ("a package of sanctions", "the start of")
    locative_places: frozenset[str] = frozenset()
    noun_negators: frozenset[str] = frozenset()
    without: frozenset[str] = frozenset()
    reflexive: frozenset[str] = frozenset()
    # morphology the parser misses ([morphology] in language.toml)
    gerund_endings: tuple[str, ...] = ()  # "-ant": "en avertissant", "exigeant"
    gerund_infinitives: tuple[tuple[str, str], ...] = ()  # gerund ending -> infinitive ending, tried in order
    present_infinitives: tuple[tuple[str, str], ...] = ()  # present ending -> infinitive ending (first match only)
    perfect_infinitive_aux: frozenset[str] = frozenset()  # "annoncé avoir expulsé": a past act, not an intention
    irrealis_stems: tuple[tuple[str, str], ...] = ()  # (lemma ending, stem ending): "libérera" yes, "déclara" no
    irrealis_exceptions: frozenset[str] = frozenset()  # lemmas the stem rule does not apply to ("aller")


@dataclass(frozen=True)
class LanguageResources:
    code: str
    model: str
    model_version: str
    model_meta_name: str
    disable: tuple[str, ...]
    cues: Cues
    patterns: tuple[Pattern, ...] = field(repr=False)
    lemma_fixes: tuple[tuple[str, str], ...] = ()
    nuclear: tuple[str, ...] = ()  # regular expressions of nuclear signalling ([nuclear] patterns)

    # Built once per instance (cached_property writes the instance dict, which a frozen dataclass allows):
    # hashing the resources to look up a cache would walk every pattern on each sentence.
    @cached_property
    def fixes(self) -> dict[str, str]:
        return dict(self.lemma_fixes)

    @cached_property
    def _verb_index(self) -> dict[str, list[Pattern]]:
        return _index(self, "verb")

    @cached_property
    def _noun_index(self) -> dict[str, list[Pattern]]:
        return _index(self, "noun")

    def verb_patterns(self) -> dict[str, list[Pattern]]:
        return self._verb_index

    def noun_patterns(self) -> dict[str, list[Pattern]]:
        return self._noun_index


def _index(lang: LanguageResources, kind: str) -> dict[str, list[Pattern]]:
    out: dict[str, list[Pattern]] = {}
    for pattern in lang.patterns:
        if pattern.kind == kind:
            out.setdefault(pattern.lemmas[0], []).append(pattern)
    for plist in out.values():
        plist.sort(key=lambda p: -p.specificity)
    return out


def _lang_dir(code: str) -> Path:
    return Path(str(resources.files("tocsin") / "languages" / code))


def read_patterns(path: Path) -> tuple[Pattern, ...]:
    """Read an ``events.tsv`` pattern file; malformed rows raise ConfigError naming file and line."""
    patterns: list[Pattern] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#") or lineno == 1 and line.startswith("id\t"):
                continue
            cols = line.split("\t")
            if not 5 <= len(cols) <= 8:
                raise ConfigError(
                    Errors.E205.format(path=path, line=lineno, detail=f"expected 7 or 8 tab-separated columns, found {len(cols)}")
                )
            cols += [""] * (8 - len(cols))
            pid, kind, lemma, obj, cameo, roles, note, plover = (c.strip() for c in cols[:8])
            override: tuple[str, str | None] | None = None
            if plover:
                ptype, _, pmode = plover.partition(":")
                if ptype not in codebook.plover_types():
                    raise ConfigError(Errors.E205.format(path=path, line=lineno, detail=f"unknown PLOVER type {ptype!r}"))
                override = (ptype, pmode or None)
            if kind not in ("verb", "noun"):
                raise ConfigError(Errors.E205.format(path=path, line=lineno, detail=f"kind must be verb or noun, found {kind!r}"))
            if not codebook.is_code(cameo):
                raise ConfigError(Errors.E205.format(path=path, line=lineno, detail=f"unknown CAMEO code {cameo!r}"))
            if pid in seen:
                raise ConfigError(Errors.E205.format(path=path, line=lineno, detail=f"duplicate id {pid!r}"))
            seen.add(pid)
            patterns.append(
                Pattern(
                    id=pid,
                    kind=kind,
                    lemmas=tuple(lemma.lower().split()),
                    objects=frozenset(o.strip().lower() for o in obj.split("|") if o.strip()),
                    cameo=cameo,
                    roles=frozenset(r.strip() for r in roles.split("|") if r.strip()),
                    reflexive=kind == "verb" and note.lower().startswith(("se ", "s'", "s’")),
                    plover=override,
                )
            )
    return tuple(patterns)


@lru_cache(maxsize=8)
def load_language(code: str) -> LanguageResources:
    """Load the resources of a language (``"fr"``)."""
    folder = _lang_dir(code)
    spec = folder / "language.toml"
    if not spec.is_file():
        raise ConfigError(Errors.E501.format(name="language", value=code, hint=f"Supported languages: {', '.join(SUPPORTED)}."))
    with spec.open("rb") as fh:
        data = tomllib.load(fh)
    validate_language_file(spec, data)  # E513 naming the file and the key (tocsin.config.LanguageFile)
    cues = data.get("cues", {})
    morphology = data.get("morphology", {})

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in cues.get(key, []))

    def pairs(key: str) -> tuple[tuple[str, str], ...]:
        return tuple((str(a).lower(), str(b).lower()) for a, b in morphology.get(key, []))

    return LanguageResources(
        code=code,
        model=data["model"],
        model_version=data["model_version"],
        model_meta_name=data.get("model_meta_name", data["model"]),
        disable=tuple(data.get("disable", [])),
        cues=Cues(
            negation=words("negation"),
            negation_particle=words("negation_particle"),
            intent=words("intent"),
            threat=words("threat"),
            speech=words("speech"),
            order=words("order"),
            light=words("light"),
            modal=words("modal"),
            hedge=words("hedge"),
            demonstratives=words("demonstratives"),
            according_to=words("according_to"),
            location_preps=words("location_preps"),
            background=words("background"),
            unaccusative=words("unaccusative"),
            pronouns=words("pronouns"),
            obligation=words("obligation"),
            future=words("future"),
            irrealis_aux=words("irrealis_aux"),
            obligation_aux=words("obligation_aux"),
            negating=words("negating"),
            reporting=words("reporting"),
            allegation=words("allegation"),
            undergo=words("undergo"),
            undergo_from=words("undergo_from"),
            perfect_aux=words("perfect_aux"),
            listing=words("listing"),
            locative=words("locative"),
            not_acts=words("not_acts"),
            quantity=words("quantity"),
            act_heads=words("act_heads"),
            participation=words("participation"),
            locative_places=words("locative_places"),
            noun_negators=words("noun_negators"),
            without=words("without"),
            reflexive=words("reflexive"),
            irrealis_endings=tuple(sorted((w.lower() for w in cues.get("irrealis_endings", [])), key=len, reverse=True)),
            gerund_endings=tuple(w.lower() for w in morphology.get("gerund_endings", [])),
            gerund_infinitives=pairs("gerund_infinitives"),
            present_infinitives=pairs("present_infinitives"),
            perfect_infinitive_aux=frozenset(w.lower() for w in morphology.get("perfect_infinitive_aux", [])),
            irrealis_stems=pairs("irrealis_stems"),
            irrealis_exceptions=frozenset(w.lower() for w in morphology.get("irrealis_exceptions", [])),
        ),
        lemma_fixes=tuple(sorted((k.lower(), v.lower()) for k, v in data.get("lemma_fixes", {}).items())),
        patterns=read_patterns(folder / "events.tsv"),
        nuclear=tuple(data.get("nuclear", {}).get("patterns", [])),
    )


__all__ = ["SUPPORTED", "Cues", "LanguageResources", "Pattern", "load_language", "read_patterns"]
