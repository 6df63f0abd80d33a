"""Article and Sentence: the object that flows through the pipeline."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any

from .event import Event
from .mention import ActorMention


@dataclass
class Sentence:
    """One sentence of an article, as a character span of ``article.text``."""

    index: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return cls(**{f.name: data[f.name] for f in fields(cls)})


def is_iso_published(value: str) -> bool:
    """True for the publication dates an Article takes: an ISO date ("2024-05-17") or datetime ("2024-05-17T09:30:00Z")."""
    import datetime as dt

    try:
        if len(value) == 10:
            dt.date.fromisoformat(value)
        else:
            dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def content_id(text: str) -> str:
    """Stable id of an article without one: a hash of its normalised text."""
    norm = " ".join(text.split())
    return "sha1:" + hashlib.sha1(norm.encode("utf-8")).hexdigest()[:20]


@dataclass
class Article:
    """A news article and everything the pipeline learns about it.

    ``id`` is the input's id when it has one, else a hash of the text, so the
    same article ingested twice has the same id.
    """

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date or datetime
    lang: str | None = None
    lang_score: float | None = None
    origin: str | None = None  # file path (and line) it came from
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # spaCy Docs, one per paragraph; never serialised (models hold no NLP objects)
    docs: list[Any] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "lang": self.lang,
            "lang_score": self.lang_score,
            "origin": self.origin,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "mentions": [m.to_dict() for m in self.mentions],
            "events": [e.to_dict() for e in self.events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            text=data["text"],
            id=data.get("id") or "",
            title=data.get("title"),
            url=data.get("url"),
            outlet=data.get("outlet"),
            published=data.get("published"),
            lang=data.get("lang"),
            lang_score=data.get("lang_score"),
            origin=data.get("origin"),
            sentences=[Sentence.from_dict(s) for s in data.get("sentences", [])],
            mentions=[ActorMention.from_dict(m) for m in data.get("mentions", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
        )
