"""Actor pairs: which side of an event is which, at country level or by full actor code.

At ``level="country"`` each side is the actor's *principal*: the first three
letters of its CAMEO code (``RUSMIL`` -> ``RUS``, ``UKRGOV`` -> ``UKR``), or for
an organisation its CAMEO organisation code (``IGOWSTNATMIL`` -> ``IGOWSTNAT``). At ``level="actor"`` a side is the full
code. A pair is written ``SRC>TGT`` (directed) or ``SRC-TGT`` (either direction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ConfigError, Errors
from ..store.merge import principal  # the store keeps each merged event's principals (merged_events.src, .tgt)

LEVELS = ("country", "actor")
_CODE_RE = re.compile(r"^[A-Z0-9]{3,15}$")


@dataclass(frozen=True)
class Pair:
    source: str
    target: str
    directed: bool = True

    def __str__(self) -> str:
        return f"{self.source}{'>' if self.directed else '-'}{self.target}"


def parse_pair(text: str | Pair | tuple[str, str]) -> Pair:
    """``"RUS>IGOWSTNAT"`` (directed), ``"RUS-UKR"`` (either direction) or a (source, target) tuple (directed)."""
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
        raise ConfigError(
            Errors.E501.format(name="pair", value=text, hint="Write SRC>TGT (directed) or SRC-TGT (either way), e.g. RUS>IGOWSTNAT.")
        )
    source, target = source.strip().upper(), target.strip().upper()
    if not (_CODE_RE.match(source) and _CODE_RE.match(target)):
        raise ConfigError(
            Errors.E501.format(name="pair", value=text, hint="Each side is an actor code of 3 to 15 letters, e.g. RUS>IGOWSTNAT.")
        )
    return Pair(source, target, directed)


def check_level(level: str) -> str:
    if level not in LEVELS:
        raise ConfigError(Errors.E501.format(name="level", value=level, hint=f"Expected one of: {', '.join(LEVELS)}."))
    return level


__all__ = ["LEVELS", "Pair", "check_level", "parse_pair", "principal"]
