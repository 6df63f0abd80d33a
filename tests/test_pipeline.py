from __future__ import annotations

import pytest

from tocsin.errors import StageError
from tocsin.models import Article
from tocsin.pipeline import Pipeline


class _Stage:
    def __init__(self, name: str, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (), fail_on: str | None = None) -> None:
        self.name = name
        self.requires = requires
        self.assigns = assigns
        self.fail_on = fail_on

    def __call__(self, article: Article) -> Article:
        if self.fail_on and self.fail_on in article.text:
            raise ValueError("boom")
        article.title = (article.title or "") + self.name
        return article


def test_pipeline_rejects_unmet_requirement() -> None:
    with pytest.raises(StageError, match=r"\[E202\].*'article.lang'"):
        Pipeline([_Stage("parse", requires=("article.lang",))])


def test_pipeline_accepts_requirement_assigned_earlier() -> None:
    pipeline = Pipeline([_Stage("lang", assigns=("article.lang",)), _Stage("parse", requires=("article.lang",))])
    assert pipeline.names == ["lang", "parse"]
    out = pipeline(Article(text="x"))
    assert out is not None and out.title == "langparse"


def test_pipeline_error_handler_skips_bad_article_and_goes_on() -> None:
    pipeline = Pipeline([_Stage("a"), _Stage("b", fail_on="bad")])
    articles = [Article(text="good one"), Article(text="bad one", origin="f.txt"), Article(text="good two")]
    out = list(pipeline.pipe(articles))
    assert [a.text for a in out] == ["good one", "good two"]
    assert len(pipeline.failures) == 1
    failure = pipeline.failures[0]
    assert failure.stage == "b" and failure.origin == "f.txt"
    assert "[E203]" in failure.message and "f.txt" in failure.message


def test_pipeline_get_stage_unknown() -> None:
    pipeline = Pipeline([_Stage("a")])
    assert pipeline.get_stage("a").name == "a"
    with pytest.raises(StageError, match=r"\[E204\]"):
        pipeline.get_stage("zzz")
