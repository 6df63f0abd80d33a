"""The article record: one pydantic schema for JSON Lines inputs and ``POST /api/articles``."""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from tocsin.api import create_app
from tocsin.api.articles import ArticleIn
from tocsin.errors import ExtractError, IngestError
from tocsin.stages.ingest.jsonl import parse_jsonl, parse_record
from tocsin.stages.ingest.record import ArticleRecord

with warnings.catch_warnings():  # starlette asks for httpx2 instead of httpx; its test client works with either
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient


def _errors(text: str) -> list[str]:
    found: list[str] = []

    def keep(exc: IngestError) -> None:
        found.append(str(exc))

    list(parse_jsonl(text, path="feed.jsonl", on_failure=keep))
    return found


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ([1], "[E005] feed.jsonl:1: malformed JSON Lines record (expected a JSON object, found an array)"),
        ({"text": 42}, '"text" must be a string, found a number'),
        ({"text": "x", "title": ["a"]}, '"title" must be a string, found an array'),
        ({"text": "x", "url": 3, "id": True}, '"url" must be a string, found a number'),  # the first field in order
        ({"text": "x", "id": True}, '"id" must be a string or an integer, found a boolean'),
        ({"text": "x", "id": 7.5}, '"id" must be a string or an integer, found a number'),
        ({"text": "x", "published": "yesterday"}, "\"published\" must be an ISO date or datetime such as \"2024-05-17\" or \"2024-05-17T09:30:00Z\", found 'yesterday'"),
        ({"text": "x", "lang": "français!"}, "\"lang\" must be a language code such as \"fr\" or \"en\", found 'français!'"),
        ({"title": "no text"}, "[E008]"),
        ({"text": "   "}, "[E008]"),
        ({"id": "a", "text": "a \ud800 b"}, "[E014] feed.jsonl:1: the text holds a lone surrogate"),
    ],
)  # fmt: skip
def test_record_jsonl_complaints_name_file_line_and_field(record: Any, message: str) -> None:
    errors = _errors(json.dumps(record))
    assert len(errors) == 1 and message in errors[0], errors
    assert "feed.jsonl:1" in errors[0]


def test_record_jsonl_cleans_like_the_api() -> None:
    record = {
        "text": " Kharkiv.\r\nKyiv. ",
        "id": 7,
        "title": "  ",
        "url": " https://x.org/a ",
        "published": " 2024-05-17 ",
        "lang": "FR-fr",
    }
    article = parse_record(record, path="feed.jsonl", line=3)
    assert (article.text, article.id, article.title, article.url, article.published, article.lang, article.origin) == (
        "Kharkiv.\nKyiv.",
        "7",
        None,
        "https://x.org/a",
        "2024-05-17",
        "fr",
        "feed.jsonl:3",
    )
    posted = ArticleIn.model_validate(record).to_article("api:1")
    assert (posted.text, posted.id, posted.title, posted.url, posted.published, posted.lang) == (
        article.text,
        article.id,
        article.title,
        article.url,
        article.published,
        article.lang,
    )


def test_record_the_api_posts_the_same_schema(tmp_path: Any) -> None:
    """The API's model is the ingest record; a bad field gets the same complaint through both doors."""
    assert issubclass(ArticleIn, ArticleRecord)
    assert set(ArticleIn.model_fields) == set(ArticleRecord.model_fields)
    with TestClient(create_app(str(tmp_path / "t.duckdb"), token="t")) as client:
        answer = client.post(
            "/api/articles", json={"articles": [{"text": "x", "lang": "français!"}]}, headers={"Authorization": "Bearer t"}
        )
    assert answer.status_code == 400
    message = answer.json()["error"]["message"]
    assert "[E501] Invalid value for articles[0].lang" in message
    assert '"lang" must be a language code such as "fr" or "en"' in message
    with pytest.raises(ExtractError, match='"lang" must be a language code such as "fr" or "en"'):
        parse_record({"text": "x", "lang": "français!"}, path="feed.jsonl", line=1)
