"""tocsin's data model: plain, JSON-serialisable objects with no NLP imports."""

from .article import Article, Sentence, content_id
from .event import Event
from .mention import ActorMention

__all__ = ["Article", "Sentence", "ActorMention", "Event", "content_id"]
