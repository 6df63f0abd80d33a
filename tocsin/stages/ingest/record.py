"""The article record: the one schema of an article as a client gives it, in a JSON Lines (or JSON, Parquet) input and
in the body of ``POST /api/articles``.

``{id?, title?, text, url?, outlet?, published?, lang?}``; other keys are ignored. :class:`ArticleRecord` checks and
cleans it (text with words, ``published`` an ISO date or datetime, ``lang`` a language code, strings stripped, ``id`` a
string or an integer) and :meth:`ArticleRecord.to_article` makes it an :class:`~tocsin.models.Article`. Each reader
turns the model's complaint into its own answer: the JSON Lines reader an ExtractError naming file, line and field
(E005, E008), the API a 400 naming the field (E501).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ...models import Article, is_iso_published

_LANG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$")
#: The string fields of a record that may be left out, in the order they are checked (after ``text``).
OPTIONAL_STRINGS = ("title", "url", "outlet")


class ArticleRecord(BaseModel):
    """One article record. Strict: a string field takes a string, ``id`` a string or an integer (not a boolean).

    The fields are checked in the order they are declared, and a reader reports the first complaint.
    """

    model_config = ConfigDict(extra="ignore", strict=True)

    text: str = Field(description="The article text (paragraphs separated by blank lines).")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    id: str | int | None = Field(None, description="Your id for the article; default: a hash of the text, so re-posting is harmless.")
    published: str | None = Field(None, description="ISO date or datetime, e.g. 2024-05-17 or 2024-05-17T09:30:00Z.")
    lang: str | None = Field(None, description="Language code (fr, en); default: detected.")

    @field_validator("text")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank; send the article's text")
        return value.replace("\r\n", "\n").strip()

    @field_validator("title", "url", "outlet")
    @classmethod
    def _stripped(cls, value: str | None) -> str | None:
        return (value or "").strip() or None

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        value = (value or "").strip() or None
        if value is not None and not is_iso_published(value):
            raise ValueError(f'"published" must be an ISO date or datetime such as "2024-05-17" or "2024-05-17T09:30:00Z", found {value!r}')
        return value

    @field_validator("lang")
    @classmethod
    def _lang_code(cls, value: str | None) -> str | None:
        value = (value or "").strip() or None
        if value is None:
            return None
        match = _LANG.match(value.lower())
        if match is None:
            raise ValueError(f'"lang" must be a language code such as "fr" or "en", found {value!r}')
        return match.group(1)

    def to_article(self, origin: str) -> Article:
        """The :class:`Article` to code; ``origin`` says where it came from (``feed.jsonl:3``, ``api:3``)."""
        return Article(
            text=self.text,
            id="" if self.id is None else str(self.id).strip(),  # 7, "7" and " 7 " are one id; none: a hash of the text
            title=self.title,
            url=self.url,
            outlet=self.outlet,
            published=self.published,
            lang=self.lang,
            origin=origin,
        )


def first_problem(record: dict[str, Any], errors: list[Any]) -> str:
    """What is wrong with ``record``, from the first of pydantic's ``errors``: the message a reader reports."""
    first = errors[0]
    key = str(first["loc"][0]) if first.get("loc") else "record"
    if first.get("type") == "value_error":
        return str(first["ctx"]["error"])
    expected = "a string or an integer" if key == "id" else "a string"
    return f'"{key}" must be {expected}, found {json_type(record.get(key))}'


def json_type(value: Any) -> str:
    """The JSON type of a decoded value, for messages (``a number``, ``an array``...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


__all__ = ["OPTIONAL_STRINGS", "ArticleRecord", "first_problem", "json_type"]
