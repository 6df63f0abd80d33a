from __future__ import annotations

import pytest

from tocsin import codebook
from tocsin.errors import TocsinError


@pytest.mark.parametrize(
    ("code", "root", "quad", "penta", "plover"),
    [("190", "19", 4, 4, "ASSAULT"), ("0332", "03", 1, 1, "AGREE"), ("130", "13", 3, 3, "THREATEN"), ("111", "11", 3, 3, "ACCUSE"), ("010", "01", 1, 0, None), ("150", "15", 4, 4, "MOBILIZE")],
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
