"""The multilingual actor dictionary: names, demonyms, capitals, people and role words.

Built-in data lives in ``tocsin/data/actors/*.toml`` (format: ``docs/actors.md``).
Every top-level table of an entry file is one actor::

    [RUS]
    code = "RUS"
    kind = "country"
    name = "Russia"
    names.en = ["Russia", "Russian Federation"]
    names.fr = ["Russie", "Fédération de Russie"]
    demonyms.fr = ["russe", "russes"]
    capitals.fr = ["Moscou"]

People carry ``terms`` (``{code = "RUSGOV", start = "1999-08-16"}``) and
:meth:`ActorEntry.code_on` picks the term covering an article's date.
``roles.toml`` maps role words ("ministère de la défense") to CAMEO role codes.

:meth:`ActorDictionary.load` reads the built-in files (cached) plus any user
files given with ``--actors FILE``; a user entry whose id already exists
replaces it. :meth:`ActorDictionary.forms` gives, per language, every
normalised form with the :class:`Surface` objects it names. Each form is also
registered without accents ("Etats-Unis" for "États-Unis") and, for names,
with hyphens as spaces ("Royaume Uni"); every Surface's ``form`` is the text of
its variant, so ``normalise(surface.form)`` is always its key.
"""

from __future__ import annotations

import csv
import re
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ...codebook import actor_principal
from ...config import ACTOR_KINDS, ActorTerm, validate_actor_entry, validate_role_words
from ...errors import ConfigError, Errors, NotFound

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "actors"
ROLE_TYPES_FILE = Path(__file__).resolve().parents[2] / "data" / "reference" / "cameo_actor_types.tsv"
ENTRY_FILES = (
    "countries.toml",
    "organisations.toml",
    "groups.toml",
    "institutions.toml",
    "people.toml",
    "places.toml",
)
ROLES_FILE = "roles.toml"
ROLE_LINKS_FILE = "role_links.toml"

KINDS = ACTOR_KINDS
FORM_GROUPS = {"names": "name", "aliases": "alias", "capitals": "capital", "demonyms": "demonym"}
ANY_LANG = "any"
# Kinds whose English names are also looked for in other languages ("NATO",
# "Putin", "Hezbollah" appear in French text too).
CROSS_LANGUAGE_KINDS = frozenset({"igo", "group", "person", "institution", "outlet"})
RESERVED_ROLES_KEY = "roles"  # top-level table of role words in a user file

_DATE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "′": "'"})
_SPACE_RE = re.compile(r"\s+")
# Letters that NFD does not decompose but that writers often replace.
_FOLD = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss"}
)


# ----------------------------------------------------------------- normalising


def normalise(text: str) -> str:
    """Dictionary key of a form: NFC, casefolded, one apostrophe, single spaces. Accents are kept."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).casefold()
    return _SPACE_RE.sub(" ", text).strip()


def strip_accents(text: str) -> str:
    """``text`` without diacritics on Latin letters ("États-Unis" -> "Etats-Unis"); other scripts unchanged."""
    if not any(ord(c) > 0x7F for c in text):
        return text
    if any(c.isalpha() and ord(c) > 0x24F for c in text):  # Cyrillic, Arabic...: leave alone
        return text
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _variants(form: str, form_kind: str) -> list[str]:
    """The form, its accent-free spelling and (names only) its hyphen-free spelling, in that order."""
    form = _SPACE_RE.sub(" ", unicodedata.normalize("NFC", form)).strip()
    out = [form]
    bare = strip_accents(form)
    if bare != form:
        out.append(bare)
    if form_kind != "demonym" and "-" in form:
        for v in list(out):
            spaced = _SPACE_RE.sub(" ", v.replace("-", " ")).strip()
            if spaced not in out:
                out.append(spaced)
    return out


def _is_short_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return 0 < len(letters) <= 3 and all(c.isupper() for c in letters)


def _pad_date(value: str) -> str:
    if len(value) == 4:
        return value + "-07-01"
    if len(value) == 7:
        return value + "-15"
    return value


# ---------------------------------------------------------------- data classes


@dataclass(frozen=True)
class Term:
    """One office held by a person: ``code`` from ``start`` to ``end`` (ISO dates; None = open)."""

    code: str
    start: str | None = None
    end: str | None = None

    def covers(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the dictionary.

    ``code`` is the CAMEO-style code (``RUS``, ``PSEREBHMS``, ``IGOWSTNAT``); for a
    person it is the code of the latest term. ``country`` is ``code[:3]``.
    ``roles`` are extra role codes the entry carries (the European Commission
    is ``EUR`` with ``("GOV",)``).
    """

    id: str
    kind: str
    code: str
    name: str
    roles: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    country: str | None = None

    def __post_init__(self) -> None:
        if self.country is None and self.code:
            object.__setattr__(self, "country", actor_principal(self.code))

    def code_on(self, date: str | None) -> str:
        """The code on ``date`` (ISO, extra characters such as a time are ignored).

        Entries without terms: ``self.code``. With terms: the term covering the
        date (the latest-starting one if several do); ``date`` None or not a date
        -> the latest term. A person outside all terms -> country + ``ELI``
        (a former leader is still an elite); other kinds fall back to ``code``.
        A year alone counts as 1 July, a year-month as the 15th.
        """
        if not self.terms:
            return self.code
        day = None
        if date is not None:
            text = str(date).strip()[:10]
            if _DATE_RE.fullmatch(text):
                day = _pad_date(text)
        if day is None:
            return self._latest().code
        covering = [t for t in self.terms if t.covers(day)]
        if covering:
            return max(covering, key=lambda t: t.start or "").code
        if self.kind == "person":
            return (self.country or self.code[:3]) + "ELI"
        return self.code

    def _latest(self) -> Term:
        return max(self.terms, key=lambda t: (t.start or "", t.end is None, t.end or ""))


@dataclass(frozen=True)
class Surface:
    """A written form of an entry: ``form_kind`` is name, demonym, capital or alias; ``lang`` is its language ("any" for all)."""

    entry: ActorEntry
    form: str
    form_kind: str
    lang: str


@dataclass
class _Source:
    """Parsed content of one or more files, before the dictionary is built."""

    entries: dict[str, ActorEntry] = field(default_factory=dict)
    # id -> form group -> lang -> forms
    forms: dict[str, dict[str, dict[str, list[str]]]] = field(default_factory=dict)
    # lang -> phrase -> role code (phrases as written)
    roles: dict[str, dict[str, str]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # id -> file

    def copy(self) -> _Source:
        return _Source(
            dict(self.entries),
            dict(self.forms),
            {lang: dict(phrases) for lang, phrases in self.roles.items()},
            dict(self.files),
        )


# --------------------------------------------------------------------- parsing


@lru_cache(maxsize=1)
def role_codes() -> frozenset[str]:
    """CAMEO actor type codes (GOV, MIL, REB...) from ``cameo_actor_types.tsv``."""
    with ROLE_TYPES_FILE.open(encoding="utf-8", newline="") as fh:
        return frozenset(row["code"] for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def abroad_role_words() -> frozenset[str]:
    """Lemmas of role words whose holders serve abroad ("ambassador", « ambassade »), every language together
    (``role_links.toml``): their country is no clue to whose a later bare role of another word is."""
    return _role_links("abroad")


@lru_cache(maxsize=1)
def leading_verbs() -> frozenset[str]:
    """Lemmas of verbs whose participle names who leads a role ("the forces led by France"), every language together
    (``role_links.toml``)."""
    return _role_links("leading")


@lru_cache(maxsize=1)
def domestic_role_words() -> frozenset[str]:
    """Lemmas of role words of those who hold power in one country only ("junta", « putschistes »), every language
    together (``role_links.toml``): their country is the place their sentence names."""
    return _role_links("domestic")


@lru_cache(maxsize=1)
def government_body_words() -> frozenset[str]:
    """Words (lemmas) of role phrases naming a ministry or minister ("ministry", « ministère »), every language
    together (``role_links.toml``): its country is that of the last government named."""
    return _role_links("government_bodies")


@lru_cache(maxsize=1)
def executive_words() -> frozenset[str]:
    """Lemmas of role words naming the executive a president heads ("administration"), every language together
    (``role_links.toml``): its country is that of the president the article named last."""
    return _role_links("executive")


@lru_cache(maxsize=1)
def executive_head_words() -> frozenset[str]:
    """Lemmas of the titles of who heads an executive ("president", « président »), every language together
    (``role_links.toml``)."""
    return _role_links("executive_heads")


@lru_cache(maxsize=1)
def hyphen_prefixes() -> frozenset[str]:
    """Prefixes ("pro", "anti") that, joined by a hyphen to a nationality word or name, make it whom a group supports
    or opposes, every language together (``role_links.toml``)."""
    return _role_links("hyphen_prefixes")


@lru_cache(maxsize=1)
def opposing_prepositions() -> frozenset[str]:
    """Prepositions that tie a name to a role word as whom the role acts against or is about ("protesters against
    Japan", « manifestants contre la Belgique »), every language together (``role_links.toml``): no owner of the role."""
    return _role_links("opposing")


@lru_cache(maxsize=1)
def ethnic_words() -> frozenset[str]:
    """Words that make a nationality word an ethnic group ("ethnic Albanians", « Albanais de souche »), every language
    together (``role_links.toml``): they are people of the country their sentence names."""
    return _role_links("ethnic")


@lru_cache(maxsize=1)
def owned_role_words() -> frozenset[str]:
    """Role words that name an actor only with a word that says whose they are ("army units", not "sold units"),
    every language together (``role_links.toml``)."""
    return _role_links("needs_owner")


@lru_cache(maxsize=1)
def apart_words() -> frozenset[str]:
    """Words that set a named government apart from the place the article is about ("the mainland Chinese
    government"), every language together (``role_links.toml``): a later bare role is not of that government."""
    return _role_links("apart")


@lru_cache(maxsize=8)
def member_words(lang: str) -> frozenset[str]:
    """Words of people who work for a body but hold no CAMEO role ("UN experts", « les inspecteurs de l'AIEA »), lower
    case (``role_links.toml``): that body, and no one without it."""
    return _role_links("members", lang)


@lru_cache(maxsize=1)
def speak_for_body_words() -> frozenset[str]:
    """Lemmas of role words of those who speak or act for a body ("officials", "spokeswoman", « porte-parole »), every
    language together (``role_links.toml``): the body's role word right before them gives them its role."""
    return _role_links("speak_for_body")


@lru_cache(maxsize=1)
def area_title_words() -> frozenset[str]:
    """Lemmas of titles of who heads a company or body in an area ("chief executive", "head", « directeur »), every
    language together (``role_links.toml``): a place or region they are "for" is the area they cover, not an actor."""
    return _role_links("area_titles")


@lru_cache(maxsize=1)
def binding_text_words() -> frozenset[str]:
    """Lemmas of nouns of texts that bind ("constitution", "treaty", « loi »), every language together
    (``role_links.toml``): their owner does not act in what the text forbids or requires."""
    return _role_links("binding_texts")


@lru_cache(maxsize=8)
def set_phrases(lang: str) -> frozenset[str]:
    """Set phrases of a language that hold a role word but name no one (« faire état de », « coup d'État »), lower case
    (``role_links.toml``)."""
    return _role_links("set_phrases", lang)


def _role_links(table: str, only: str | None = None) -> frozenset[str]:
    path = DATA_DIR / ROLE_LINKS_FILE
    by_lang = _read_toml(path).get(table)
    if not isinstance(by_lang, dict):
        raise _bad(path, f"missing table [{table}]")
    words: set[str] = set()
    for lang, phrases in by_lang.items():
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise _bad(path, f"[{table}] {lang} must be a list of words")
        if only is None or lang == only:
            words.update(p.strip().lower() for p in phrases)
    return frozenset(words)


def _bad(path: Path | str, detail: str) -> ConfigError:
    return ConfigError(Errors.E502.format(path=path, detail=detail))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(Errors.E503.format(path=path, detail="no such file")) from None
    except OSError as exc:
        raise ConfigError(Errors.E503.format(path=path, detail=exc.strerror or exc)) from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _bad(path, f"not valid UTF-8 at byte {exc.start}") from None
    except tomllib.TOMLDecodeError as exc:
        raise _bad(path, f"invalid TOML: {exc}") from None


def _parse_entry(id_: str, table: Any, path: Path) -> tuple[ActorEntry, dict[str, dict[str, list[str]]]]:
    """One entry table: its shape checked by :class:`tocsin.config.ActorEntryTable` (E502 naming the file, the entry
    and the key), then what the shape cannot say (CAMEO role codes, dates in order, a code, a name, some forms)."""
    where = f"entry '{id_}'"
    entry = validate_actor_entry(path, id_, table)
    valid_roles = role_codes()
    for role in entry.roles:
        if role not in valid_roles:
            raise _bad(path, f"{where}: role {role!r} is not a CAMEO actor type (see tocsin/data/reference/cameo_actor_types.tsv)")
    terms = [_term(t, f"{where}: terms[{i}]", path) for i, t in enumerate(entry.terms)]
    if entry.code is not None:
        code = entry.code
    elif terms:
        code = max(terms, key=lambda t: (t.start or "", t.end is None, t.end or "")).code
    else:
        raise _bad(path, f"{where}: missing code" + (" (a person needs a code or at least one term)" if entry.kind == "person" else ""))
    if entry.kind == "person" and not terms:
        raise _bad(path, f"{where}: a person needs at least one term ({{code = ..., start = ...}})")
    forms = {group: dict(getattr(entry, group)) for group in FORM_GROUPS if getattr(entry, group)}
    name = entry.name
    if name is None:
        names = forms.get("names", {})
        name = next((v[0] for lang in ("en", ANY_LANG, *names) for v in [names.get(lang)] if v), None)
    if not isinstance(name, str) or not name.strip():
        raise _bad(path, f'{where}: missing name (give name = "..." or at least one names.<lang> form)')
    if not forms:
        raise _bad(path, f"{where}: no forms (give names.<lang>, aliases, capitals or demonyms)")
    return ActorEntry(id=id_, kind=entry.kind, code=code, name=name.strip(), roles=tuple(entry.roles), terms=tuple(terms)), forms


def _term(term: ActorTerm, where: str, path: Path) -> Term:
    start = term.start.isoformat() if term.start else None
    end = term.end.isoformat() if term.end else None
    if start and end and end < start:
        raise _bad(path, f"{where}: end {end} is before start {start}")
    return Term(term.code, start, end)


def _parse_roles(data: Any, path: Path, where: str = "") -> dict[str, dict[str, str]]:
    """Role tables ``[GOV] fr = [...]`` -> lang -> phrase -> code. A phrase listed under two roles is an error."""
    if not isinstance(data, dict):
        raise _bad(path, f"{where}roles must be tables such as [GOV] with fr = [...]")
    valid = role_codes()
    out: dict[str, dict[str, str]] = {}
    for code, by_lang in data.items():
        if code not in valid:
            raise _bad(path, f"{where}[{code}]: {code!r} is not a CAMEO actor type (see tocsin/data/reference/cameo_actor_types.tsv)")
        for lang, phrases in validate_role_words(path, f"{where}[{code}]", by_lang).by_language.items():
            for phrase in phrases:
                key = normalise(phrase)
                seen = out.setdefault(lang, {})
                if key in seen and seen[key] != code:
                    raise _bad(path, f"{where}role word {phrase!r} ({lang}) is listed under both {seen[key]} and {code}")
                seen[key] = code
    return out


def _read_entry_file(path: Path, source: _Source, *, replace: bool) -> None:
    data = _read_toml(path)
    for id_, table in data.items():
        if id_ == RESERVED_ROLES_KEY:
            for lang, phrases in _parse_roles(table, path, "roles.").items():
                source.roles.setdefault(lang, {}).update(phrases)
            continue
        entry, forms = _parse_entry(id_, table, path)
        if id_ in source.entries and not replace:
            raise _bad(path, f"entry '{id_}' is already defined in {source.files[id_]}")
        source.entries.pop(id_, None)  # a replaced entry moves to the end
        source.entries[id_] = entry
        source.forms[id_] = forms
        source.files[id_] = str(path)


@lru_cache(maxsize=1)
def _builtin_source() -> _Source:
    source = _Source()
    for name in ENTRY_FILES:
        _read_entry_file(DATA_DIR / name, source, replace=False)
    path = DATA_DIR / ROLES_FILE
    source.roles = _parse_roles(_read_toml(path), path)
    return source


# ------------------------------------------------------------------ dictionary


class ActorDictionary:
    """All actors and role words, indexed by normalised form per language.

    The mappings returned by :meth:`forms` and :meth:`roles` are cached and
    shared: do not modify them.
    """

    def __init__(self, source: _Source) -> None:
        self._source = source
        self._forms: dict[str, dict[str, list[Surface]]] = {}
        self._roles: dict[str, dict[str, str]] = {}

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> ActorDictionary:
        """The built-in dictionary plus user files (same TOML shape; an entry with an existing id replaces it).

        Both the built-in data and each combination of user files (by path,
        size and modification time) are cached.
        """
        if isinstance(extra, (str, Path)):
            extra = (extra,)
        keys = []
        for p in extra:
            path = Path(p)
            try:
                st = path.stat()
            except FileNotFoundError:
                raise ConfigError(Errors.E503.format(path=path, detail="no such file")) from None
            except OSError as exc:
                raise ConfigError(Errors.E503.format(path=path, detail=exc.strerror or exc)) from None
            keys.append((str(path), st.st_mtime_ns, st.st_size))
        return _load_cached(tuple(keys))

    # -- lookups -------------------------------------------------------------

    def entry(self, id: str) -> ActorEntry:
        try:
            return self._source.entries[id]
        except KeyError:
            raise NotFound(Errors.E504.format(id=id)) from None

    @property
    def entries(self) -> Mapping[str, ActorEntry]:
        """Every entry by id (read-only)."""
        return MappingProxyType(self._source.entries)

    def __contains__(self, id: object) -> bool:
        return id in self._source.entries

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self._source.entries.values())

    def __len__(self) -> int:
        return len(self._source.entries)

    def source_of(self, id: str) -> str:
        """The file an entry was read from."""
        self.entry(id)
        return self._source.files[id]

    def entry_forms(self, id: str) -> dict[str, dict[str, list[str]]]:
        """An entry's forms as written: group (names, demonyms...) -> lang -> forms."""
        self.entry(id)
        return self._source.forms[id]

    def forms(self, lang: str) -> dict[str, list[Surface]]:
        """Normalised form -> surfaces naming it, for text in ``lang``.

        Holds the forms of ``lang``, the forms listed under ``any``, and the
        English names and aliases of organisations, groups, institutions and
        people (except all-capital acronyms of up to three letters such as "EU",
        "AU", "UN", which are common words elsewhere). Each form also appears
        without accents and, for names, aliases and capitals, with hyphens as
        spaces. In each list, forms of ``lang`` come first.
        """
        cached = self._forms.get(lang)
        if cached is None:
            cached = self._forms[lang] = self._build_forms(lang)
        return cached

    def roles(self, lang: str) -> dict[str, str]:
        """Normalised role phrase -> CAMEO role code ("ministère de la défense" -> "MIL"), with accent-free variants."""
        cached = self._roles.get(lang)
        if cached is None:
            out: dict[str, str] = {}
            for source_lang in (lang, ANY_LANG):
                for phrase, code in self._source.roles.get(source_lang, {}).items():
                    for variant in _variants(phrase, "role"):
                        out.setdefault(normalise(variant), code)
            cached = self._roles[lang] = out
        return cached

    # -- building ------------------------------------------------------------

    def _build_forms(self, lang: str) -> dict[str, list[Surface]]:
        out: dict[str, list[Surface]] = {}
        seen: set[tuple[str, str, str]] = set()

        def add(entry: ActorEntry, form: str, form_kind: str, form_lang: str) -> None:
            for variant in _variants(form, form_kind):
                key = normalise(variant)
                sig = (key, entry.id, form_kind)
                if not key or sig in seen:
                    continue
                seen.add(sig)
                out.setdefault(key, []).append(Surface(entry, variant, form_kind, form_lang))

        entries = self._source.entries
        all_forms = self._source.forms
        for wanted in (lang, ANY_LANG):
            for id_, entry in entries.items():
                for group, by_lang in all_forms[id_].items():
                    for form in by_lang.get(wanted, ()):
                        add(entry, form, FORM_GROUPS[group], wanted)
        if lang != "en":
            for id_, entry in entries.items():
                if entry.kind not in CROSS_LANGUAGE_KINDS:
                    continue
                for group in ("names", "aliases"):
                    for form in all_forms[id_].get(group, {}).get("en", ()):
                        if not _is_short_acronym(form):
                            add(entry, form, FORM_GROUPS[group], "en")
        return out


@lru_cache(maxsize=16)
def _load_cached(extra: tuple[tuple[str, int, int], ...]) -> ActorDictionary:
    base = _builtin_source()
    if not extra:
        return ActorDictionary(base)
    source = base.copy()
    for path, _mtime, _size in extra:
        _read_entry_file(Path(path), source, replace=True)
    return ActorDictionary(source)


__all__ = [
    "DATA_DIR",
    "KINDS",
    "ActorDictionary",
    "ActorEntry",
    "Surface",
    "Term",
    "abroad_role_words",
    "area_title_words",
    "binding_text_words",
    "domestic_role_words",
    "ethnic_words",
    "executive_head_words",
    "executive_words",
    "government_body_words",
    "hyphen_prefixes",
    "leading_verbs",
    "normalise",
    "opposing_prepositions",
    "owned_role_words",
    "role_codes",
    "set_phrases",
    "speak_for_body_words",
    "strip_accents",
]
