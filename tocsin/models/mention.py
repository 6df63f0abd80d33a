"""ActorMention: words in an article that name a political actor."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class ActorMention:
    """An actor named in the text.

    ``code`` is the resolved CAMEO-style code (``RUSMIL``), ``country`` its first
    three letters when they are a country or IGO code, ``roles`` the role codes
    (``["MIL"]``), ``name`` the dictionary entry it matched, ``kind`` the entry
    type (country, igo, person, group, place, role), ``start``/``end`` character
    offsets in the article text.
    """

    text: str
    start: int
    end: int
    sentence_index: int
    code: str | None
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    name: str | None = None
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorMention:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})
