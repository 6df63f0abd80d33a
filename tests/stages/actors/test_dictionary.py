"""Tests for tocsin.stages.actors.dictionary: the built-in actor data and user extension files."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pycountry
import pytest

from tocsin.errors import ConfigError, NotFound
from tocsin.stages.actors.dictionary import DATA_DIR, ENTRY_FILES, ROLES_FILE, ActorDictionary, normalise, strip_accents


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def codes(actors: ActorDictionary, lang: str, text: str) -> set[str]:
    """Codes of every entry the form ``text`` names in ``lang``."""
    return {s.entry.code for s in actors.forms(lang).get(normalise(text), [])}


def kinds(actors: ActorDictionary, lang: str, text: str) -> set[str]:
    return {s.entry.kind for s in actors.forms(lang).get(normalise(text), [])}


# ------------------------------------------------------------------ built-in data


def test_actors_every_built_in_file_parses() -> None:
    for name in (*ENTRY_FILES, ROLES_FILE):
        with (DATA_DIR / name).open("rb") as fh:
            assert tomllib.load(fh), name


def test_actors_every_iso_country_is_a_country_entry(actors: ActorDictionary) -> None:
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in actors]
    assert not missing
    entries = {c.alpha_3: actors.entry(c.alpha_3) for c in pycountry.countries}
    wrong = [code for code, e in entries.items() if (e.kind, e.code) != ("country", code)]
    assert not wrong


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("fr", "Russie", "RUS"),
        ("en", "Russia", "RUS"),
        ("fr", "russes", "RUS"),
        ("fr", "Moscou", "RUS"),
        ("fr", "Grande-Bretagne", "GBR"),
        ("fr", "Royaume-Uni", "GBR"),
        ("fr", "Royaume Uni", "GBR"),
        ("fr", "États-Unis", "USA"),
        ("fr", "Etats-Unis", "USA"),
        ("fr", "OTAN", "IGOWSTNAT"),
        ("en", "NATO", "IGOWSTNAT"),
        ("fr", "NATO", "IGOWSTNAT"),
        ("fr", "Union européenne", "IGOEUREEC"),
        ("fr", "Union europeenne", "IGOEUREEC"),
        # India's houses of parliament, not Sabha the Libyan city
        ("en", "Rajya Sabha", "INDLEG"),
        ("fr", "Lok Sabha", "INDLEG"),
    ],
)
def test_actors_names_resolve(actors: ActorDictionary, lang: str, text: str, code: str) -> None:
    assert codes(actors, lang, text) == {code}


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fr", "Kharkiv"), ("fr", "Kharkov"), ("en", "Kharkiv"), ("en", "Kharkov"), ("fr", "Харків"), ("en", "Харків")],
)
def test_actors_place_resolves_to_its_country(actors: ActorDictionary, lang: str, text: str) -> None:
    assert codes(actors, lang, text) == {"UKR"}
    assert kinds(actors, lang, text) == {"place"}


def test_actors_person_code_follows_terms(actors: ActorDictionary) -> None:
    putin = actors.entry("putin")
    assert putin.kind == "person"
    assert codes(actors, "fr", "Poutine") == {"RUSGOV"}
    assert putin.code_on("2024-05-01") == "RUSGOV"
    assert putin.code_on("2024-05-01T09:30:00Z") == "RUSGOV"
    assert putin.code_on("1995-03-01") == "RUSELI"  # before his first term: a Russian elite
    assert putin.code_on(None) == "RUSGOV"
    shoigu = actors.entry("shoigu")
    assert shoigu.code_on("2022-03-01") == "RUSMIL"
    assert shoigu.code_on("2025-01-01") == "RUSGOV"
    assert actors.entry("yeltsin").code_on("2005-01-01") == "RUSELI"  # after his last term


@pytest.mark.parametrize(
    ("lang", "text", "entry"),
    [
        ("fr", "Zelenski", "zelensky"),
        ("en", "Zelenskyy", "zelensky"),
        ("fr", "Zelenskyy", "zelensky"),
        ("fr", "Netanyahou", "netanyahu"),
        ("fr", "Erdogan", "erdogan"),
        ("fr", "Erdoğan", "erdogan"),
    ],
)
def test_actors_person_spellings(actors: ActorDictionary, lang: str, text: str, entry: str) -> None:
    assert {s.entry.id for s in actors.forms(lang)[normalise(text)]} == {entry}


def test_actors_people_terms_are_ordered_and_coded(actors: ActorDictionary) -> None:
    people = [e for e in actors if e.kind == "person"]
    assert len(people) > 300
    for person in people:
        assert person.terms, person.id
        latest = max(person.terms, key=lambda t: (t.start or "", t.end is None, t.end or ""))
        assert person.code == latest.code, person.id


def test_actors_no_form_names_two_people_in_one_language(actors: ActorDictionary) -> None:
    for lang in ("fr", "en"):
        for key, surfaces in actors.forms(lang).items():
            people = {s.entry.id for s in surfaces if s.entry.kind == "person"}
            assert len(people) <= 1, (lang, key, people)


def test_actors_accent_free_forms_are_registered(actors: ActorDictionary) -> None:
    for lang in ("fr", "en"):
        forms = actors.forms(lang)
        for key in list(forms)[:2000]:
            assert normalise(strip_accents(key)) in forms


def test_actors_roles(actors: ActorDictionary) -> None:
    roles = actors.roles("fr")
    assert roles[normalise("ministère de la défense")] == "MIL"
    assert roles[normalise("ministere de la defense")] == "MIL"
    assert roles[normalise("gouvernement")] == "GOV"


def test_actors_unknown_id_is_not_found(actors: ActorDictionary) -> None:
    with pytest.raises(NotFound):
        actors.entry("no_such_actor")


# ---------------------------------------------------------------- user files


def test_actors_user_file_adds_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        """
[wagner_commander]
code = "RUSUAF"
kind = "person"
name = "Someone Newman"
names.fr = ["Someone Newman", "Newman"]
terms = [ { code = "RUSUAF", start = "2023-01-01" } ]

[kharkiv]
code = "UKR"
kind = "place"
name = "Kharkiv"
names.fr = ["Kharkiv", "Kharkov", "Charkiw"]
note = "overridden"

[roles.SPY]
fr = ["barbouzes"]
""",
        encoding="utf-8",
    )
    base = ActorDictionary.load()
    mine = ActorDictionary.load([path])
    assert len(mine) == len(base) + 1
    assert mine.entry("wagner_commander").code_on("2024-01-01") == "RUSUAF"
    assert {s.entry.id for s in mine.forms("fr")["newman"]} == {"wagner_commander"}
    assert mine.source_of("kharkiv") == str(path)
    assert "charkiw" in mine.forms("fr")
    assert "kharkiv" not in mine.forms("en")  # the override has no English names
    assert mine.roles("fr")["barbouzes"] == "SPY"
    # The built-in dictionary is untouched.
    assert "wagner_commander" not in ActorDictionary.load()
    assert "charkiw" not in base.forms("fr")
    assert "kharkiv" in base.forms("en")
    assert ActorDictionary.load(str(path)) is mine  # cached by path, size and mtime


BAD_FILES = {
    "invalid_toml": "[putin\ncode = 1",
    "unknown_kind": '[x]\ncode = "RUS"\nkind = "planet"\nnames.fr = ["x"]',
    "unknown_key": '[x]\ncode = "RUS"\nkind = "country"\nnames.fr = ["x"]\ncolour = "red"',
    "person_without_terms": '[x]\ncode = "RUSGOV"\nkind = "person"\nnames.fr = ["x"]',
    "bad_date": '[x]\nkind = "person"\nnames.fr = ["x"]\nterms = [ { code = "RUSGOV", start = "2024-13-01" } ]',
    "end_before_start": '[x]\nkind = "person"\nnames.fr = ["x"]\nterms = [ { code = "RUSGOV", start = "2024-01-01", end = "2020-01-01" } ]',
    "lower_case_code": '[x]\ncode = "rus"\nkind = "country"\nnames.fr = ["x"]',
    "bad_role": '[x]\ncode = "RUS"\nkind = "institution"\nroles = ["XYZ"]\nnames.fr = ["x"]',
    "no_forms": '[x]\ncode = "RUS"\nkind = "country"\nname = "X"',
    "names_not_strings": '[x]\ncode = "RUS"\nkind = "country"\nnames.fr = [1, 2]',
    "bad_language": '[x]\ncode = "RUS"\nkind = "country"\nnames.FR = ["x"]',
    "role_word_twice": '[roles.GOV]\nfr = ["bidule"]\n[roles.MIL]\nfr = ["bidule"]',
    "entry_not_a_table": 'x = "RUS"',
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_actors_malformed_user_file_raises_config_error(tmp_path: Path, case: str) -> None:
    path = tmp_path / f"{case}.toml"
    path.write_text(BAD_FILES[case], encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        ActorDictionary.load([path])
    assert path.name in str(info.value)


def test_actors_non_utf8_user_file_raises_config_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[x]\ncode = "RUS"\nkind = "country"\nnames.fr = ["Ã©tat"]\n'.encode().replace(b"\xc3\x83", b"\xe9"))
    with pytest.raises(ConfigError) as info:
        ActorDictionary.load([path])
    assert path.name in str(info.value)


def test_actors_missing_user_file_raises_config_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(ConfigError) as info:
        ActorDictionary.load([path])
    assert path.name in str(info.value)


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        # organisations: state airlines under sanctions, the United Kingdom's large police forces, the Iraqi Kataib
        # Hezbollah under its French name (not the Lebanese Hezbollah)
        ("en", "Mahan Air", "IRNBUS"),
        ("fr", "Iran Air", "IRNBUS"),
        ("en", "Aeroflot", "RUSBUS"),
        ("en", "Scotland Yard", "GBRCOP"),
        ("en", "Greater Manchester Police", "GBRCOP"),
        ("fr", "Brigades du Hezbollah", "IRQREB"),
        ("en", "Hezbollah Brigades", "IRQREB"),
        ("fr", "Hezbollah", "LBNREBHEZ"),
        # people in office in 2019-2020
        ("en", "Lindsey Graham", "USALEG"),
        ("en", "Richard Grenell", "USAGOV"),
        ("en", "Bruno Rodríguez Parrilla", "CUBGOV"),
        ("fr", "Bruno Rodriguez Parrilla", "CUBGOV"),
        ("en", "Delfin Lorenzana", "PHLMIL"),
        ("en", "Yahya Saree", "YEMREB"),
        ("fr", "Yahya Saree", "YEMREB"),
    ],
)
def test_actors_organisations_and_office_holders_resolve(actors: ActorDictionary, lang: str, text: str, code: str) -> None:
    assert codes(actors, lang, text) == {code}


def test_actors_office_holders_outside_their_terms_are_elites(actors: ActorDictionary) -> None:
    assert actors.entry("grenell").code_on("2020-03-01") == "USAGOV"
    assert actors.entry("grenell").code_on("2024-03-01") == "USAELI"  # his posting in Berlin ended in June 2020
    assert actors.entry("lorenzana").code_on("2023-01-01") == "PHLELI"


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("en", "Nikos Dendias", "GRCGOV"),
        ("fr", "Nikos Christodoulides", "CYPGOV"),
        ("en", "Abu Mahdi al-Muhandis", "IRQMIL"),
        ("en", "Elaine Chao", "USAGOV"),
        ("fr", "Hassoumi Massaoudou", "NERGOV"),
        ("en", "Yousef Al-Othaimeen", "IGOMOSOIC"),
    ],
)
def test_actors_office_holders_of_recent_news(actors: ActorDictionary, lang: str, text: str, code: str) -> None:
    assert codes(actors, lang, text) == {code}


@pytest.mark.parametrize(
    ("lang", "phrase", "role"),
    [
        ("en", "national security adviser", "GOV"),
        ("fr", "conseiller à la sécurité nationale", "GOV"),
        ("en", "presidential palace", "GOV"),
        ("fr", "palais présidentiel", "GOV"),
        ("en", "locals", "CVL"),
        ("en", "security agencies", "COP"),
    ],
)
def test_actors_role_words_of_officials_and_people(actors: ActorDictionary, lang: str, phrase: str, role: str) -> None:
    assert actors.roles(lang).get(normalise(phrase)) == role


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("fr", "Union nationale karen", "MMRREB"),
        ("fr", "KNU", "MMRREB"),
        ("fr", "FAMa", "MLIMIL"),
        ("en", "National Directorate of Security", "AFGSPY"),
        ("fr", "Patrick Muyaya", "CODGOV"),
        ("en", "Zaw Min Tun", "MMRGOV"),
        ("en", "Agnès Callamard", "NGOHRIAMN"),
    ],
)
def test_actors_armed_groups_services_and_spokesmen(actors: ActorDictionary, lang: str, text: str, code: str) -> None:
    assert codes(actors, lang, text) == {code}


@pytest.mark.parametrize(
    ("lang", "phrase", "role"),
    [
        ("en", "admiral", "MIL"),
        ("fr", "contre-amiral", "MIL"),
        ("en", "special representative", "GOV"),
        ("fr", "représentant spécial", "GOV"),
        ("en", "prosecutor general", "JUD"),
        ("fr", "procureur général", "JUD"),
        ("en", "member of parliament", "LEG"),
        ("fr", "tabloïd", "MED"),
        ("en", "princess", "ELI"),
        ("fr", "palais royal", "GOV"),
        ("en", "provincial council", "GOV"),
        ("fr", "conseil municipal", "GOV"),
        ("fr", "groupes ethniques armés", "REB"),
    ],
)
def test_actors_role_words_of_titles(actors: ActorDictionary, lang: str, phrase: str, role: str) -> None:
    assert actors.roles(lang).get(normalise(phrase)) == role


@pytest.mark.parametrize(
    ("text", "code"),
    [("Mahamadou Issoufou", "NERGOV"), ("Nikki Haley", "USAGOV"), ("Moro Islamic Liberation Front", "PHLREB")],
)
def test_actors_heads_of_state_envoys_and_armed_movements(actors: ActorDictionary, text: str, code: str) -> None:
    assert codes(actors, "en", text) == {code}


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("en", "Volker Türk", "IGOUNOHRIHCH"),
        ("fr", "Tedros Adhanom Ghebreyesus", "IGOUNOHLHWHO"),
        ("en", "Karim Khan", "IGOJUDICC"),
        ("fr", "Amir Khan Muttaqi", "AFGGOVTAL"),
        ("en", "Hakainde Hichilema", "ZMBGOV"),
        ("fr", "Mikheïl Kavelachvili", "GEOGOV"),
    ],
)
def test_actors_un_officials_and_leaders_of_2024_2025(actors: ActorDictionary, lang: str, text: str, code: str) -> None:
    assert codes(actors, lang, text) == {code}
