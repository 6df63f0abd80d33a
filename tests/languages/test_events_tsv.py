"""Checks every language's event pattern dictionary must pass (``tocsin/languages/<lang>/events.tsv``)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from tocsin.languages import SUPPORTED, read_patterns

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "tocsin" / "data" / "reference"
HEADER = ["id", "kind", "lemma", "object", "cameo", "roles", "note", "plover"]


def _column(name: str, column: str) -> set[str]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as fh:
        return {row[column] for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}


@pytest.fixture(params=SUPPORTED)
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _path(lang: str) -> Path:
    return ROOT / "tocsin" / "languages" / lang / "events.tsv"


def test_events_tsv_header_is_first_line(lang: str) -> None:
    assert _path(lang).read_text(encoding="utf-8").split("\n", 1)[0].split("\t") == HEADER


def test_events_tsv_every_row_has_seven_or_eight_fields(lang: str) -> None:
    with _path(lang).open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    bad = [r[0] if r else "<empty>" for r in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) not in (7, 8)]
    assert not bad, f"rows without 7 or 8 fields: {bad[:10]}"


def test_events_tsv_ids_unique_and_namespaced(lang: str, event_rows) -> None:
    rows = event_rows(lang)
    dup = [i for i, n in Counter(r["id"] for r in rows).items() if n > 1]
    assert not dup, f"duplicate ids: {dup}"
    bad = [r["id"] for r in rows if not r["id"].startswith(lang + ".") or " " in r["id"]]
    assert not bad, bad[:10]


def test_events_tsv_kinds_codes_roles(lang: str, event_rows) -> None:
    rows = event_rows(lang)
    codes = _column("cameo_event_codes.tsv", "cameo_code")
    types = _column("cameo_actor_types.tsv", "code")
    assert not [r["id"] for r in rows if r["kind"] not in ("verb", "noun")]
    assert not [(r["id"], r["cameo"]) for r in rows if r["cameo"] not in codes]
    assert not [(r["id"], role) for r in rows for role in r["roles"].split("|") if role and role not in types]
    assert not [r["id"] for r in rows if r["kind"] == "noun" and r["object"]]


def test_events_tsv_no_exact_duplicate_patterns(lang: str, event_rows) -> None:
    keys = Counter((r["kind"], r["lemma"], r["object"], r["roles"], r["note"].startswith("se ")) for r in event_rows(lang))
    assert not [k for k, n in keys.items() if n > 1][:10]


def test_events_tsv_every_cameo_root_is_covered(lang: str, event_rows) -> None:
    roots = {r["cameo"][:2] for r in event_rows(lang)}
    assert {f"{i:02d}" for i in range(1, 21)} <= roots


def test_events_tsv_reader_accepts_the_file(lang: str, event_rows) -> None:
    patterns = read_patterns(_path(lang))
    assert len(patterns) == len(event_rows(lang))


def test_events_tsv_plover_overrides_are_plover_types(lang: str, event_rows) -> None:
    from tocsin import codebook

    overrides = [r["plover"] for r in event_rows(lang) if r.get("plover")]
    assert all(o.split(":")[0] in codebook.plover_types() for o in overrides)
