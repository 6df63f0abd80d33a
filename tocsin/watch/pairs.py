"""Actor pairs: which side of an event is which, at country level or by full actor code.

At ``level="country"`` each side is the actor's *principal*: the first three
letters of its CAMEO code (``RUSMIL`` -> ``RUS``, ``UKRGOV`` -> ``UKR``), except
NATO codes, whose principal is ``NATO``. At ``level="actor"`` a side is the full
code. A pair is written ``SRC>TGT`` (directed) or ``SRC-TGT`` (either direction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ConfigError, Errors

LEVELS = ("country", "actor")
_CODE_RE = re.compile(r"^[A-Z0-9]{3,15}$")


def principal(code: str | None) -> str | None:
    """The country-level side of an actor code: ``RUSMIL`` -> ``RUS``, ``NATOMIL`` -> ``NATO``."""
    if not code:
        return None
    return "NATO" if code.startswith("NATO") else code[:3]


def side_sql(column: str, level: str = "country") -> str:
    """SQL expression of one side of a pair, from an actor-code column (``e.source_code``)."""
    check_level(level)
    if level == "actor":
        return column
    return f"(CASE WHEN starts_with({column}, 'NATO') THEN 'NATO' ELSE left({column}, 3) END)"


@dataclass(frozen=True)
class Pair:
    source: str
    target: str
    directed: bool = True

    def __str__(self) -> str:
        return f"{self.source}{'>' if self.directed else '-'}{self.target}"


def parse_pair(text: str | Pair | tuple[str, str]) -> Pair:
    """``"RUS>NATO"`` (directed), ``"RUS-UKR"`` (either direction) or a (source, target) tuple (directed)."""
    if isinstance(text, Pair):
        return text
    if isinstance(text, (tuple, list)) and len(text) == 2:
        source, target, directed = str(text[0]), str(text[1]), True
    elif isinstance(text, str) and text.count(">") == 1:
        source, target = text.split(">")
        directed = True
    elif isinstance(text, str) and text.count("-") == 1:
        source, target = text.split("-")
        directed = False
    else:
        raise ConfigError(Errors.E501.format(name="pair", value=text, hint="Write SRC>TGT (directed) or SRC-TGT (either way), e.g. RUS>NATO."))
    source, target = source.strip().upper(), target.strip().upper()
    if not (_CODE_RE.match(source) and _CODE_RE.match(target)):
        raise ConfigError(Errors.E501.format(name="pair", value=text, hint="Each side is an actor code of 3 to 15 letters, e.g. RUS>NATO."))
    return Pair(source, target, directed)


def check_level(level: str) -> str:
    if level not in LEVELS:
        raise ConfigError(Errors.E501.format(name="level", value=level, hint=f"Expected one of: {', '.join(LEVELS)}."))
    return level


__all__ = ["LEVELS", "Pair", "check_level", "parse_pair", "principal", "side_sql"]
