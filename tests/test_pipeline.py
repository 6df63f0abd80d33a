from __future__ import annotations

from pathlib import Path

import pytest

from tocsin import registry
from tocsin.coder import make_pipeline
from tocsin.config import load_config
from tocsin.errors import ConfigError, StageError
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


# ---------------------------------------------------------------- built from the configuration and the stage registry


@registry.stages.register("test_shout")
class _Shout:
    """A toy stage: upper-cases the title, ``times`` exclamation marks after it."""

    name = "shout"
    requires = ("article.text",)
    assigns = ("article.title",)

    def __init__(self, *, times: int = 1, keep_actorless: bool = False) -> None:
        self.times = times
        self.keep_actorless = keep_actorless

    def __call__(self, article: Article) -> Article:
        article.title = article.text.upper() + "!" * self.times
        return article


@registry.stages.register("test_fake_events")
class _FakeEvents:
    """Assigns what the events stage does, without the actors stage before it."""

    name = "fake_events"
    requires = ("article.text",)
    assigns = ("article.events", "article.mentions", "article.docs")

    def __call__(self, article: Article) -> Article:
        return article


def test_default_config_builds_the_seven_stages_in_order() -> None:
    config = load_config({})
    assert config.pipeline.stages == ["language", "nlp", "actors", "events", "nuclear", "geo", "dates"]
    assert all(config.stage(name).factory in registry.stages for name in config.pipeline.stages)
    pipeline = make_pipeline({})
    assert pipeline.names == config.pipeline.stages
    assert pipeline.config is not None and pipeline.config.pipeline.stages == config.pipeline.stages
    assert all(not missing for missing in pipeline.analyze().values())


def test_toy_stage_runs_from_a_config_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "toy.toml"
    path.write_text('[pipeline]\nstages = ["loud"]\nkeep_actorless = true\n\n[stages.loud]\nfactory = "test_shout"\ntimes = 3\n')
    pipeline = make_pipeline(path)
    assert pipeline.names == ["shout"]
    stage = pipeline.get_stage("shout")
    assert stage.times == 3 and stage.keep_actorless is True  # a [pipeline] setting reaches a factory that takes it
    out = pipeline(Article(text="calm"))
    assert out is not None and out.title == "CALM!!!"


def test_stage_without_a_table_is_its_factory_name_and_dotted_overrides_win() -> None:
    pipeline = make_pipeline({"pipeline": {"stages": ["test_shout"]}}, overrides={"stages.test_shout.times": 2})
    out = pipeline(Article(text="a"))
    assert out is not None and out.title == "A!!"


def test_unknown_stage_name_is_E511() -> None:
    with pytest.raises(ConfigError, match=r"\[E511\] Unknown stage 'no_such_stage' \(registered: .*language.*\)"):
        make_pipeline({"pipeline": {"stages": ["language", "no_such_stage"]}})


def test_unknown_stage_setting_is_E515_naming_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[stages.events]\nkeep_negatd = true\n")
    with pytest.raises(ConfigError, match=r"\[E515\] .*bad\.toml: \[stages\.events\] keep_negatd: unknown setting .*keep_negated"):
        make_pipeline(path)


def test_stage_setting_of_the_wrong_type_is_E515() -> None:
    with pytest.raises(ConfigError, match=r"\[E515\] <config>: \[stages\.nlp\] batch_size: .*integer"):
        make_pipeline({"stages": {"nlp": {"batch_size": "many"}}})


def test_keyword_flags_override_the_configuration(tmp_path: Path) -> None:
    path = tmp_path / "run.toml"
    path.write_text("[stages.events]\nkeep_negated = false\ntrace = true\n\n[stages.nlp]\nbatch_size = 8\n")
    pipeline = make_pipeline(path, keep_negated=True, lang="en", place=False, prefilter=False, keep_actorless=True)
    events = pipeline.get_stage("events")
    assert events.keep_negated is True and events.trace == [] and events.keep_actorless is True
    nlp = pipeline.get_stage("nlp")
    assert nlp.batch_size == 8 and nlp.prefilter is False and nlp.keep_actorless is True
    assert pipeline.get_stage("language").force == "en"
    assert pipeline.names == ["language", "nlp", "actors", "events", "nuclear", "dates"]
    assert make_pipeline(date=False, batch_size=3).get_stage("nlp").batch_size == 3
    assert "dates" not in make_pipeline(date=False).names


def test_geo_without_the_actors_stage_has_an_unmet_requirement() -> None:
    stages = ["language", "nlp", "test_fake_events", "geo"]
    with pytest.raises(StageError, match=r"\[E202\] Stage 'geo' requires 'doc\._\.actors'"):
        make_pipeline({"pipeline": {"stages": stages}})
    geo = make_pipeline().get_stage("geo")
    built = Pipeline([_FakeEvents()])
    built.stages.append(geo)  # appended without the check, to ask what is missing
    assert built.analyze() == {"fake_events": [], "geo": ["doc._.actors"]}


def test_actors_are_a_declared_doc_attribute() -> None:
    pipeline = make_pipeline()
    assert "doc._.actors" in pipeline.get_stage("actors").assigns
    assert "doc._.actors" in pipeline.get_stage("events").requires
    assert "doc._.actors" in pipeline.get_stage("geo").requires
