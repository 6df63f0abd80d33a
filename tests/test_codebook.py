from __future__ import annotations

import pytest

from tocsin import codebook
from tocsin.errors import TocsinError


@pytest.mark.parametrize(
    ("code", "root", "quad", "penta", "plover"),
    [
        ("190", "19", 4, 4, "ASSAULT"),
        ("0332", "03", 1, 1, "AGREE"),
        ("130", "13", 3, 3, "THREATEN"),
        ("111", "11", 3, 3, "ACCUSE"),
        ("010", "01", 1, 0, None),
        ("150", "15", 4, 4, "MOBILIZE"),
    ],
)
def test_codebook_lookup(code: str, root: str, quad: int, penta: int, plover: str | None) -> None:
    info = codebook.lookup(code)
    assert (info.root, info.quad, info.penta, info.plover) == (root, quad, penta, plover)


def test_codebook_appeals_map_to_request() -> None:
    assert codebook.lookup("020").plover == "REQUEST"
    assert codebook.lookup("0256").plover == "REQUEST"


def test_codebook_goldstein_range() -> None:
    values = [codebook.lookup(c).goldstein for c in codebook.all_codes()]
    assert min(values) == -10.0 and max(values) == 10.0


def test_codebook_unknown_code() -> None:
    with pytest.raises(TocsinError, match=r"\[E501\]"):
        codebook.lookup("999")


@pytest.mark.parametrize(
    ("code", "principal", "roles"),
    [
        ("RUSMIL", "RUS", ["MIL"]),
        ("IGOWSTNAT", "IGOWSTNAT", []),
        ("IGOWSTNATMIL", "IGOWSTNAT", ["MIL"]),
        ("IGOEUREECGOV", "IGOEUREEC", ["GOV"]),
        ("IGOUNOGOV", "IGOUNO", ["GOV"]),
        ("IGOUNOIAE", "IGOUNOIAE", []),
        ("IGOUNODEVWBK", "IGOUNODEVWBK", []),
        ("NGOHRIAMN", "NGOHRIAMN", []),
        ("IGO", "IGO", []),
        ("---GOV", None, ["GOV"]),
    ],
)
def test_codebook_actor_principal_and_roles(code: str, principal: str, roles: list[str]) -> None:
    assert codebook.actor_principal(code) == principal
    assert codebook.actor_roles(code) == roles


def test_codebook_actor_principal_sql_agrees_with_python() -> None:
    import duckdb

    codes = ["RUSMIL", "IGOWSTNATMIL", "IGOUNOGOV", "IGOUNOIAE", "IGOEUREEC", "NGOHLHIRC", "IGOXYZ", "UKR", "---COP"]
    values = ", ".join(f"('{c}')" for c in codes)
    rows = duckdb.sql(f"SELECT c, {codebook.actor_principal_sql('c')} FROM (VALUES {values}) t(c)").fetchall()
    assert {c: p for c, p in rows} == {c: codebook.actor_principal(c) for c in codes}


def test_codebook_every_dictionary_organisation_has_a_cameo_code() -> None:
    """Issue 9: IGOs and NGOs of the dictionary are coded as CAMEO and GDELT write them (IGO + region + group)."""
    from tocsin.stages.actors.dictionary import ActorDictionary

    known = set(codebook.organisation_codes())
    for entry in ActorDictionary.load():
        for code in [entry.code, *(t.code for t in entry.terms)]:
            if code and code.startswith(("IGO", "NGO")):
                assert codebook.actor_principal(code) in known, (entry.id, code)
            assert not code or not code.startswith(("NATO", "EUR")) or entry.kind == "region", (entry.id, code)
