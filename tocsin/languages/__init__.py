"""Languages as resources.

Everything language-specific lives in ``tocsin/languages/<code>/``: the spaCy
model to load (``language.toml``), the cue words for negation, intent, reported
speech and light verbs (``language.toml``), the event pattern dictionary
(``events.tsv``), the date words and expressions (``dates.toml``), the place
cue words (``geo.toml``) and the argument prepositions (``arguments.toml``).
The stages are the same code for every language.

A language outside the package is a folder of the same files in a directory
named by the ``TOCSIN_LANGUAGES_PATH`` environment variable (directories
separated by ``os.pathsep``, read at import): ``$TOCSIN_LANGUAGES_PATH/<code>/language.toml``.
Such a language joins :data:`SUPPORTED` after the bundled ones; a bundled
language of the same code wins.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import codebook
from ..config import validate_language_file
from ..errors import ConfigError, Errors

LANGUAGES_PATH_ENV = "TOCSIN_LANGUAGES_PATH"
"""Environment variable naming extra directories of languages (``<dir>/<code>/language.toml``)."""

_FIRST = ("fr", "en")  # the bundled languages in the order tried when an article's language is unknown


def _bundled_dir() -> Path:
    return Path(str(resources.files("tocsin") / "languages"))


def _extra_dirs() -> tuple[Path, ...]:
    return tuple(Path(p) for p in os.environ.get(LANGUAGES_PATH_ENV, "").split(os.pathsep) if p.strip())


def _codes_in(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(d.name for d in folder.iterdir() if (d / "language.toml").is_file())


def _discover() -> tuple[str, ...]:
    """The bundled languages (French and English first), then those of ``TOCSIN_LANGUAGES_PATH``."""
    bundled = _codes_in(_bundled_dir())
    codes = [c for c in _FIRST if c in bundled] + [c for c in bundled if c not in _FIRST]
    for folder in _extra_dirs():
        codes += [c for c in _codes_in(folder) if c not in codes]
    return tuple(codes)


SUPPORTED = _discover()


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
    arrival: frozenset[str] = frozenset()  # verbs by which an event noun comes from its doer ("criticism came from X")
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
    weapons: frozenset[str] = frozenset()  # arms and craft that act for their side's military ("Russian missiles hit")
    aerial_weapons: frozenset[str] = frozenset()  # those of them that strike from the air: their attack is CAMEO 195
    injury: frozenset[str] = frozenset()  # verbs of being hurt: with no one who hurt, a casualty count, not an act
    pronoun_numbers: frozenset[str] = frozenset()  # number words that also stand for someone ("no-one", « l'un »)
    unanswered_verbs: frozenset[str] = frozenset()  # "go", « rester »: negated with an `unanswered` word, a threat
    unanswered: frozenset[str] = frozenset()  # "unanswered", « sans réponse », « impuni »
    comitative: frozenset[str] = frozenset()  # prepositions of company ("with", « avec »): talks with X go both ways
    occurrence: frozenset[str] = frozenset()  # verbs of happening: "this comes after X attacked" reports the attack
    aiming: frozenset[str] = frozenset()  # verbs of aiming: "sanctions targeting Russia" are aimed at Russia
    opposing: frozenset[str] = frozenset()  # verbs that set two sides against each other (« des tirs opposent X et Y »)
    victims: frozenset[str] = frozenset()  # nouns of whom an act aims at ("was the target of an attack")
    decisions: frozenset[str] = frozenset()  # nouns of a decision told before ("the move"): a reaction's target made it
    hearsay_aux: frozenset[str] = frozenset()  # conditional auxiliaries of hearsay (« aurait bombardé »): a reported past act
    habitual: frozenset[str] = frozenset()  # adverbs of a rare habit ("rarely", « rarement »): the clause reports no single act
    against_government: frozenset[str] = frozenset()  # words before a protest that name its target ("anti-government")
    causes: frozenset[str] = frozenset()  # non-human causes of harm ("virus", « séisme »): what they do is no event
    casualty: frozenset[str] = frozenset()  # verbs of being killed or hurt: "killed in an air strike" names the strike
    anonymity: frozenset[str] = frozenset()  # words of a speaker who gives no name ("une source", "anonymity")
    criticism: frozenset[str] = frozenset()  # words of condemnation: a statement that uses them criticises (111)
    blame: frozenset[str] = frozenset()  # predicates that pin an act on someone ("was behind", « responsable »): 112
    attribution: frozenset[str] = frozenset()  # participles that say who did an act ("an attack blamed on X", « imputée à X »)
    period: frozenset[str] = frozenset()  # words opening a period ("since the war began"): counts over it sum up
    ellipsis: frozenset[str] = frozenset()  # "verb word" of an act said again ("do so", « faire autant »)
    speaking: frozenset[str] = frozenset()  # verbs of speaking at all: a statement only with the words they report
    naming: frozenset[str] = frozenset()  # verbs that name something as something ("called it a mistake", « qualifié de »)
    naming_as: frozenset[str] = frozenset()  # prepositions of what a naming verb names it as ("as", « de », « comme »)
    stigma: frozenset[str] = frozenset()  # words that condemn what a naming verb names ("a terrorist organization")
    calendar: frozenset[str] = frozenset()  # month and weekday names (from dates.toml): « lancé samedi des frappes »
    condition: frozenset[str] = frozenset()  # conjunctions of a condition: the act they introduce is hypothetical
    impersonal: frozenset[str] = frozenset()  # verbs whose pronoun subject stands for no one ("il s'agit")
    purpose: frozenset[str] = frozenset()  # words opening an infinitive of purpose (« afin de contraindre »)
    state_verbs: frozenset[str] = frozenset()  # verbs of lasting whose participle is a state ("remain deployed")
    state_passive: frozenset[str] = frozenset()  # passive auxiliaries whose present tense describes a state ("is banned")
    likening: frozenset[str] = frozenset()  # words of a likening that judges ("behaves like a bully", « comme un voyou »)
    between: frozenset[str] = frozenset()  # prepositions of two sides ("clashes between X and Y"): each toward the other
    reciprocal: frozenset[str] = frozenset()  # words that make an act mutual ("accused each other", « mutuellement »)
    course: frozenset[str] = frozenset()  # verbs of an act's course that carry their object ("renewed talks", « achevé le retrait »)
    topic: frozenset[str] = frozenset()  # prepositions of what is talked about ("asked about the strikes", « interrogé sur »)
    contravention: frozenset[str] = frozenset()  # phrases that say a thing breaks a rule ("goes against"): 112
    harming: frozenset[str] = frozenset()  # phrases that say a thing harms the peace ("threatens peace"): 111
    displeasure: frozenset[str] = frozenset()  # words of displeasure at another's act ("was disappointed by"): 110
    suspicion: frozenset[str] = frozenset()  # nouns of suspicion: reported suspicion of an actor accuses it (112)
    chanting: frozenset[str] = frozenset()  # verbs of chanting a slogan ("chanted 'X dictator'"): 111 at the actor named
    preventing: frozenset[str] = frozenset()  # verbs that stop an act ("prevented X from reaching"): it did not happen
    desire: frozenset[str] = frozenset()  # verbs of a wish ("wants troops to leave"): the clause it governs is no act
    current: frozenset[str] = frozenset()  # adverbs of the present: "are currently deployed" is a state, not an act
    scheduled: frozenset[str] = frozenset()  # verbs that schedule an event noun ("the summit is set to open"): not yet an act
    deceit: frozenset[str] = frozenset()  # verbs of deceit ("they are lying", « ils mentent »): reported words that say it accuse
    stative_participles: frozenset[str] = frozenset()  # passives of a tie ("had been allied with"): a state, not an act
    concurring: frozenset[str] = frozenset()  # verbs of agreeing in opinion ("agreed, saying ..."): no agreement between sides
    occasions: frozenset[str] = frozenset()  # nouns of occasions counted ("there were many times that"): a habit, not an act
    earlier: frozenset[str] = frozenset()  # adverbs of an earlier time ("was previously given assurances"): background
    told_course: frozenset[str] = frozenset()  # verbs of an event's course ("the protest began ... and moved"): a told event's story
    open_questions: frozenset[str] = frozenset()  # words of an open question ("questions remain how much aid"): what is asked is no act
    forbidding_obligations: frozenset[str] = (
        frozenset()
    )  # verbs of obligation whose negation forbids (« ne doit pas »), not "doesn't have to"
    standing_text: frozenset[str] = frozenset()  # standing legal texts ("the constitution prohibits"): what they provide, no act
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
    """The folder of a language: the bundled one, else the first of ``TOCSIN_LANGUAGES_PATH`` that has it."""
    bundled = _bundled_dir() / code
    if (bundled / "language.toml").is_file():
        return bundled
    for folder in _extra_dirs():
        if (folder / code / "language.toml").is_file():
            return folder / code
    return bundled


# The keys each resource file may have (anything else is a mistake worth an error naming file and key).
RESOURCE_KEYS: dict[str, frozenset[str]] = {
    "dates": frozenset(
        {
            "names_case_sensitive",
            "day_first",
            "months",
            "weekdays",
            "numbers",
            "day_words",
            "weekday_modifiers",
            "ago",
            "fragments",
            "rules",
        }
    ),
    "geo": frozenset(
        {
            "locative",
            "place_nouns",
            "of",
            "generic_tail",
            "region_nouns",
            "dateline_joiners",
            "calendar",
            "region_words",
            "into_verbs",
            "admin_prefixes",
            "admin_suffixes",
        }
    ),
    "arguments": frozenset(
        {
            "actor_of",
            "member_of",
            "owner_of",
            "role_of",
            "relative",
            "single",
            "anonymous",
            "object_pronouns",
            "first_person",
            "agent_of",
            "between",
            "helped_by",
            "against",
            "addressee",
            "undergone",
        }
    ),
}


@lru_cache(maxsize=64)
def read_resource(code: str, name: str) -> dict[str, Any]:
    """The table of a language's ``<name>.toml`` (``dates``, ``geo``, ``arguments``); empty when the file is absent.

    An unknown top-level key raises ConfigError naming the file and the key."""
    path = _lang_dir(code) / f"{name}.toml"
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Errors.E501.format(name=str(path), value=str(exc), hint="Fix the TOML syntax.")) from exc
    allowed = RESOURCE_KEYS.get(name)
    unknown = sorted(set(data) - allowed) if allowed is not None else []
    if unknown:
        hint = f"Known keys: {', '.join(sorted(allowed or ()))}."
        raise ConfigError(Errors.E501.format(name=f"{path} key {unknown[0]!r}", value=data[unknown[0]], hint=hint))
    return data


def resource_words(name: str, key: str, codes: tuple[str, ...] | None = None) -> frozenset[str]:
    """The lower-cased words listed under ``key`` in ``<name>.toml`` of ``codes`` (default: every supported language).

    Stages that read text of any language (the geo stage, the argument prepositions) use the union."""
    words: set[str] = set()
    for code in SUPPORTED if codes is None else codes:
        values = read_resource(code, name).get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            path = _lang_dir(code) / f"{name}.toml"
            raise ConfigError(Errors.E501.format(name=f"{path} key {key!r}", value=values, hint="Give a list of strings."))
        words.update(v.lower() for v in values)
    return frozenset(words)


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


# Cues read from dates.toml, not from language.toml.
DATES_CUES = frozenset({"calendar"})
# Cues not read from [cues] word lists: morphology endings, and the calendar words of dates.toml.
_DERIVED_CUES = DATES_CUES | frozenset(
    {"irrealis_endings", "gerund_endings", "gerund_infinitives", "present_infinitives", "perfect_infinitive_aux", "irrealis_stems",
     "irrealis_exceptions"}
)  # fmt: skip


def _read_cues(cues: dict[str, Any], morphology: dict[str, Any], dates: dict[str, Any]) -> Cues:
    """The language's cues: every word list of ``[cues]`` by its field name, the morphology's endings, and the
    calendar words of ``dates.toml``."""

    def pairs(key: str) -> tuple[tuple[str, str], ...]:
        return tuple((str(a).lower(), str(b).lower()) for a, b in morphology.get(key, []))

    word_lists = {f.name: frozenset(w.lower() for w in cues.get(f.name, [])) for f in fields(Cues) if f.name not in _DERIVED_CUES}
    return Cues(
        **word_lists,
        irrealis_endings=tuple(sorted((w.lower() for w in cues.get("irrealis_endings", [])), key=len, reverse=True)),
        gerund_endings=tuple(w.lower() for w in morphology.get("gerund_endings", [])),
        gerund_infinitives=pairs("gerund_infinitives"),
        present_infinitives=pairs("present_infinitives"),
        perfect_infinitive_aux=frozenset(w.lower() for w in morphology.get("perfect_infinitive_aux", [])),
        irrealis_stems=pairs("irrealis_stems"),
        irrealis_exceptions=frozenset(w.lower() for w in morphology.get("irrealis_exceptions", [])),
        calendar=frozenset(str(w).lower() for table in ("months", "weekdays") for w in dates.get(table, {})),
    )


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

    return LanguageResources(
        code=code,
        model=data["model"],
        model_version=data["model_version"],
        model_meta_name=data.get("model_meta_name", data["model"]),
        disable=tuple(data.get("disable", [])),
        cues=_read_cues(cues, morphology, read_resource(code, "dates")),
        lemma_fixes=tuple(sorted((k.lower(), v.lower()) for k, v in data.get("lemma_fixes", {}).items())),
        patterns=read_patterns(folder / "events.tsv"),
        nuclear=tuple(data.get("nuclear", {}).get("patterns", [])),
    )


__all__ = [
    "DATES_CUES",
    "LANGUAGES_PATH_ENV",
    "RESOURCE_KEYS",
    "SUPPORTED",
    "Cues",
    "LanguageResources",
    "Pattern",
    "load_language",
    "read_patterns",
    "read_resource",
    "resource_words",
]
