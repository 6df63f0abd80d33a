"""CAMEO and PLOVER reference tables shipped in ``tocsin/data/reference``.

Every CAMEO event code maps to its root, GDELT QuadClass, PentaClass,
Goldstein score and PLOVER event type and mode. Sources and licences are in
``tocsin/data/reference/SOURCES.md``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .errors import Errors, TocsinError

# PLOVER drops CAMEO roots 01 (statements) and 02 (appeals). Its REQUEST type
# is defined as "all requests, demands, and orders" (PLOVER 0.8 manual), so
# tocsin maps appeals (02x) to REQUEST; statements (01x) stay without a type.
_APPEAL_PLOVER = "REQUEST"


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    root: str
    quad: int
    penta: int
    goldstein: float
    plover: str | None
    mode: str | None


def _read_tsv(name: str) -> list[dict[str, str]]:
    ref = resources.files("tocsin") / "data" / "reference" / name
    # newline="" (as csv wants): Traversable.open takes no newline argument, so the text layer is ours
    with ref.open("rb") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def _table() -> dict[str, CameoCode]:
    penta = {r["root_code"]: int(r["penta_class"]) for r in _read_tsv("root_classes.tsv")}
    out: dict[str, CameoCode] = {}
    for row in _read_tsv("cameo_event_codes.tsv"):
        root = row["root_code"]
        plover = row["plover_event"] or (_APPEAL_PLOVER if root == "02" else None)
        out[row["cameo_code"]] = CameoCode(
            code=row["cameo_code"],
            name=row["name"],
            root=root,
            quad=int(row["quad_class"]),
            penta=penta[root],
            goldstein=float(row["goldstein"]),
            plover=plover,
            mode=row["plover_mode"] or None,
        )
    return out


def lookup(code: str) -> CameoCode:
    """Return the reference entry of a CAMEO event code such as ``"190"``."""
    try:
        return _table()[code]
    except KeyError:
        raise TocsinError(
            Errors.E501.format(name="CAMEO code", value=code, hint="Use a code from the CAMEO codebook (e.g. 190, 0332).")
        ) from None


def name_of(code: str | None) -> str | None:
    """The codebook's name of a CAMEO code ("190" -> "Use conventional military force, not specified below"), None if unknown."""
    entry = _table().get(code or "")
    return entry.name if entry is not None else None


def is_code(code: str) -> bool:
    return code in _table()


def penta_of_root(root: str) -> int:
    return _table()[root].penta


def all_codes() -> list[str]:
    return list(_table())


@lru_cache(maxsize=1)
def actor_type_codes() -> frozenset[str]:
    return frozenset(r["code"] for r in _read_tsv("cameo_actor_types.tsv"))


@lru_cache(maxsize=1)
def plover_types() -> frozenset[str]:
    return frozenset(r["event"] for r in _read_tsv("plover_event_types.tsv"))


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    return {r["code"]: r["label"] for r in _read_tsv("cameo_countries.tsv")}


@lru_cache(maxsize=1)
def organisation_codes() -> tuple[str, ...]:
    """CAMEO codes of international and non-governmental organisations, longest first.

    IGOs are IGO + region + group as GDELT writes them (``IGOWSTNAT`` NATO,
    ``IGOEUREEC`` the EU, ``IGOUNO`` the UN, ``IGOUNOIAE`` the IAEA); NGOs NGO +
    sector + group (``NGOHRIAMN`` Amnesty). Bare ``IGO`` and ``NGO`` close the list.
    """
    codes = {r["code"] for r in _read_tsv("cameo_igo_codes.tsv")}
    return tuple(sorted(codes, key=lambda c: (-len(c), c)))


def actor_principal(code: str | None) -> str | None:
    """The side an actor code stands for at country level.

    A country code's first three letters (``RUSMIL`` -> ``RUS``); for an
    organisation, the longest organisation code it starts with (``IGOWSTNATMIL``
    -> ``IGOWSTNAT``, ``IGOUNOIAE`` -> ``IGOUNOIAE``, ``IGOUNOGOV`` -> ``IGOUNO``);
    None for a role of unknown country (``---GOV``).
    """
    if not code or code.startswith("---"):
        return None  # a role of unknown country (---GOV) is on no side
    if code.startswith(("IGO", "NGO")):
        return next((org for org in organisation_codes() if code.startswith(org)), code[:3])
    return code[:3]


def actor_roles(code: str | None) -> list[str]:
    """The role codes after an actor code's principal: ``RUSGOV`` -> ``["GOV"]``, ``IGOEUREECGOV`` -> ``["GOV"]``."""
    if not code:
        return []
    head = actor_principal(code) or code[:3]
    rest = code[len(head) :]
    return [rest[i : i + 3] for i in range(0, len(rest) - len(rest) % 3, 3)]


def actor_principal_sql(column: str) -> str:
    """SQL of :func:`actor_principal` over an actor-code column (DuckDB and PostgreSQL regular expressions)."""
    alternatives = "|".join(organisation_codes())
    return (
        f"(CASE WHEN starts_with({column}, '---') THEN NULL WHEN starts_with({column}, 'IGO') OR starts_with({column}, 'NGO')"
        f" THEN regexp_extract({column}, '^({alternatives})') ELSE left({column}, 3) END)"
    )


__all__ = [
    "CameoCode",
    "actor_principal",
    "actor_principal_sql",
    "actor_roles",
    "actor_type_codes",
    "all_codes",
    "country_codes",
    "is_code",
    "lookup",
    "organisation_codes",
    "penta_of_root",
    "plover_types",
]  # fmt: skip
