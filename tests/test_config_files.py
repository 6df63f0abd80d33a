"""The files tocsin reads, validated by the pydantic models of tocsin.config: language, actor and alert-rule files."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from tocsin.config import (
    AlertRulesFile,
    LanguageCues,
    LanguageFile,
    LanguageMorphology,
    load_alert_rules_model,
    validate_actor_entry,
    validate_language_file,
)
from tocsin.errors import ConfigError
from tocsin.languages import DATES_CUES, Cues
from tocsin.stages.actors.dictionary import ActorDictionary

ROOT = Path(__file__).resolve().parents[1] / "tocsin"


# ---------------------------------------------------------------- language.toml


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_packaged_language_files_validate(lang: str) -> None:
    path = ROOT / "languages" / lang / "language.toml"
    model = validate_language_file(path, tomllib.loads(path.read_text(encoding="utf-8")))
    assert isinstance(model, LanguageFile) and model.model and model.cues.negation


def test_language_model_knows_every_cue_the_loader_reads() -> None:
    cue_fields = {f.name for f in dataclasses.fields(Cues)} - DATES_CUES  # the calendar words come from dates.toml
    assert set(LanguageCues.model_fields) | set(LanguageMorphology.model_fields) == cue_fields


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('model = "x"\nmodel_version = "3.8"\n[cues]\nnegaton = ["pas"]\n', r"cues\.negaton: unknown key"),
        ('model = "x"\nmodel_version = "3.8"\n[cues]\nnegation = "pas"\n', r"cues\.negation: .*list"),
        ('model = "x"\n', r"model_version: missing key"),
        ('model = "x"\nmodel_version = "3.8"\ncolour = 1\n', r"colour: unknown key"),
    ],
)
def test_bad_language_file_names_file_and_key(text: str, key: str) -> None:
    with pytest.raises(ConfigError, match=r"\[E513\] xx/language\.toml: " + key + r".*docs/adding-a-language\.md"):
        validate_language_file("xx/language.toml", tomllib.loads(text))


# ---------------------------------------------------------------- actor files


def test_actor_entry_model_reads_forms_terms_and_dates() -> None:
    table = tomllib.loads('kind = "person"\nnames.fr = " Poutine "\nterms = [ { code = "RUSGOV", start = 1999-08-16 } ]\n')
    entry = validate_actor_entry("people.toml", "putin", table)
    assert entry.names == {"fr": ["Poutine"]} and entry.terms[0].start is not None and entry.terms[0].start.isoformat() == "1999-08-16"


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ('[x]\ncode = "RUS"\nkind = "country"\nnames.fr = ["x"]\ncolour = "red"', r"entry 'x': unknown key 'colour' \(expected aliases, "),
        ('[x]\ncode = "rus"\nkind = "country"\nnames.fr = ["x"]', r"entry 'x': code: String should match pattern"),
        ('[x]\ncode = "RUS"\nkind = "country"\nnames.FR = ["x"]', r"entry 'x': names: FR: language must be a lower-case ISO 639 code"),
        ('[x]\ncode = "RUS"\nkind = "country"\nnames.fr = ["x", " "]', r"entry 'x': names\.fr: holds an empty string"),
        (
            '[x]\nkind = "person"\nnames.fr = ["x"]\nterms = [ { code = "RUSGOV", start = "2024-13-01" } ]',
            r"terms\.0\.start: is not a valid ISO date",
        ),
        ('[x]\ncode = "RUS"\nkind = "planet"\nnames.fr = ["x"]', r"entry 'x': kind: Input should be 'country', "),
        ('[roles.GOV]\nfr = ["ok", ""]', r"\[GOV\]: .*empty string"),
    ],
)
def test_bad_actor_file_names_file_entry_and_key(tmp_path: Path, text: str, detail: str) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[E502\] .*mine\.toml: actor file is malformed \(.*" + detail):
        ActorDictionary.load([path])


# ---------------------------------------------------------------- alert-rule files


def test_packaged_alert_rules_validate_with_their_defaults() -> None:
    from tocsin.watch.alerts import DEFAULT_RULES, load_rules

    model = load_alert_rules_model(DEFAULT_RULES)
    rules = load_rules()
    assert [(r.name, r.kind) for r in model.rule] == [(r.name, r.kind) for r in rules]
    for mine, theirs in zip(model.rule, rules, strict=True):
        settings = mine.model_dump(exclude={"name", "kind"})
        assert settings == {k: theirs.params[k] for k in settings}, mine.name


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[[rule]]\nname = "a"\nkind = "spike"\nwindow = 0\n', r"rule\.0\.spike\.window: Input should be greater than or equal to 1"),
        ('[[rule]]\nname = "a"\nkind = "change"\nbaseline = 2.5\n', r"rule\.0\.change\.baseline: Input should be a valid integer"),
        ('[[rule]]\nname = "a"\nkind = "rung"\nmin_rung = 3\nwindow = 2\n', r"rule\.0\.rung\.window: unknown key"),
        ('[[rule]]\nname = "a"\nkind = "storm"\n', r"rule\.0\.kind: Value error, unknown alert kind 'storm' \(registered: change, "),
        ('[[rule]]\nname = "a"\nkind = "change"\nmeasure = "weather"\n', r"rule\.0\.change: Value error, measure must be one of events"),
        (
            '[[rule]]\nname = "a"\nkind = "first"\n[[rule]]\nname = "a"\nkind = "rung"\n',
            r"top level: Value error, rule names must be unique",
        ),
        ('[[rules]]\nname = "a"\n', r"rules: unknown key"),
    ],
)
def test_bad_alert_rules_name_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "alerts.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[E513\] .*alerts\.toml: " + key + r".*docs/watch\.md"):
        load_alert_rules_model(path)


def test_alert_rules_file_defaults_and_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "one.toml"
    path.write_text('[[rule]]\nname = "r"\nkind = "first"\n', encoding="utf-8")
    model = load_alert_rules_model(path)
    assert isinstance(model, AlertRulesFile) and model.rule[0].quads == [1, 2, 3, 4] and model.rule[0].freq == "week"
    with pytest.raises(ConfigError, match=r"\[E514\] .*absent\.toml"):
        load_alert_rules_model(tmp_path / "absent.toml")
