"""Event: one coded political event, with its provenance."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from ..codebook import actor_principal


@dataclass
class Event:
    """A CAMEO/PLOVER-coded event tied to the words that report it.

    Offsets are character offsets into the article text. ``rule`` is the id of
    the pattern that fired (e.g. ``fr.verb.menacer``) and ``coder`` the
    versioned name of the coder (``tocsin.coder.v1``).
    """

    article_id: str
    sentence_index: int
    sentence: str
    cameo: str
    root: str
    quad: int
    goldstein: float
    source_code: str | None = None
    source_text: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    target_code: str | None = None
    target_text: str | None = None
    target_start: int | None = None
    target_end: int | None = None
    penta: int | None = None
    plover: str | None = None
    mode: str | None = None
    trigger: str = ""
    trigger_start: int = 0
    trigger_end: int = 0
    sentence_start: int = 0
    sentence_end: int = 0
    confidence: float = 0.5
    rule: str = ""
    coder: str = ""
    lang: str | None = None
    negated: bool = False
    hypothetical: bool = False
    reported: bool = False
    # nuclear signalling: the sentence speaks of nuclear weapons or nuclear-capable systems (nuclear stage)
    nuclear: bool = False
    # when (dates stage): ISO date and its precision (day, week, month)
    event_date: str | None = None
    date_precision: str | None = None
    # where (geo stage): the action location; geo_precision is city, region or country (never a silent centroid)
    place: str | None = None
    country: str | None = None
    country_fips: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    geo_precision: str | None = None
    # merged across reports (store): the event's stable id and GDELT-style counts
    event_id: str | None = None
    num_mentions: int = 1
    num_sources: int = 1
    num_articles: int = 1

    @property
    def source_country(self) -> str | None:
        return actor_principal(self.source_code)

    @property
    def target_country(self) -> str | None:
        return actor_principal(self.target_code)

    def key(self) -> tuple[Any, ...]:
        """Identity of the event within its article (used to drop duplicates)."""
        return (self.article_id, self.sentence_index, self.cameo, self.source_code, self.target_code, self.trigger_start)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["source_country"] = self.source_country
        data["target_country"] = self.target_country
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})
