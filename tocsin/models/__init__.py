"""tocsin's data model: plain, JSON-serialisable objects with no NLP imports."""

from .article import Article, Sentence, content_id, is_iso_published
from .event import Event
from .mention import ActorMention

__all__ = ["ActorMention", "Article", "Event", "Sentence", "content_id", "is_iso_published"]
