"""tocsin: a crisis early-warning system that codes political events in French and English news."""

from __future__ import annotations

import logging

from .about import __version__
from .coder import code_articles, code_text, make_pipeline
from .dataset import Dataset, open_dataset

open = open_dataset
from .errors import TocsinError
from .models import ActorMention, Article, Event, Sentence

# A library logs; the application decides where it goes (the CLI prints its own error lines).
logging.getLogger("tocsin").addHandler(logging.NullHandler())

__all__ = [
    "ActorMention",
    "Article",
    "Dataset",
    "Event",
    "Sentence",
    "TocsinError",
    "__version__",
    "code_articles",
    "code_text",
    "make_pipeline",
    "open",
    "open_dataset",
]
