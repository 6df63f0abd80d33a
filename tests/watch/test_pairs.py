"""Pair sides and pair syntax."""

from __future__ import annotations

import pytest

from tocsin.errors import ConfigError
from tocsin.watch.pairs import Pair, parse_pair, principal


@pytest.mark.parametrize(
    ("code", "side"),
    [
        ("RUSMIL", "RUS"),
        ("UKRGOV", "UKR"),
        ("IGOWSTNAT", "IGOWSTNAT"),
        ("IGOWSTNATMIL", "IGOWSTNAT"),
        ("IGOUNOGOV", "IGOUNO"),
        ("IGOUNOIAE", "IGOUNOIAE"),
        ("WST", "WST"),
        (None, None),
        ("", None),
    ],
)
def test_principal(code: str | None, side: str | None) -> None:
    assert principal(code) == side


def test_parse_pair() -> None:
    assert parse_pair("RUS>IGOWSTNAT") == Pair("RUS", "IGOWSTNAT", True)
    assert parse_pair("rus-ukr") == Pair("RUS", "UKR", False)
    assert parse_pair(("AZE", "ARM")) == Pair("AZE", "ARM", True)
    assert str(parse_pair("RUS-UKR")) == "RUS-UKR"


@pytest.mark.parametrize("bad", ["RUS", "RUS>", "RUS>NATO>UKR", "R>U", "RUS>NA TO", ""])
def test_bad_pairs_are_refused_with_the_syntax(bad: str) -> None:
    with pytest.raises(ConfigError, match=r"E501.*SRC>TGT|E501.*3 to 15"):
        parse_pair(bad)
