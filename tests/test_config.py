"""tocsin.config: the default configuration, overrides, validation errors that name the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin import config as cfg
from tocsin.config import ENV_VAR, active_config, dotted, load_config, merge, settings
from tocsin.errors import ConfigError


def test_defaults_validate_and_document_every_key() -> None:
    config = load_config({})
    assert config.tuning.dates.future_days == 62 and config.tuning.watch.ladder_window_days == 28
    text = cfg.DEFAULT_CONFIG.read_text(encoding="utf-8")
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if "=" in line and not line.startswith(("#", "[")):
            assert lines[i - 1].startswith("#") or lines[i - 1].startswith("factory") or line.startswith("factory"), line


def test_tuning_defaults_equal_the_constants_they_replace() -> None:
    # default_config.toml holds the numbers the store, watch, dates and geo modules hard-coded before they read
    # settings(): wiring them changed nothing with the defaults (docs/accuracy.md's scores are the same).
    tuning = load_config({}).tuning
    assert tuning.store.model_dump() == {
        "same_city_km": 50.0,
        "same_entry_km": 10.0,
        "merge_window_days": {"day": 1, "week": 7, "month": 31},
    }
    assert tuning.watch.model_dump() == {
        "ladder_window_days": 28,
        "ladder_max_evidence": 20,
        "alert_max_evidence": 20,
        "min_confidence": 0.6,
        "nuclear_rung": 5,
        "max_periods": 10_000,
    }
    assert tuning.dates.model_dump() == {"future_days": 62}
    assert tuning.geo.model_dump() == {"max_climb": 4, "unique_town_min_length": 6, "big_city": 100_000, "trusted_population": 200_000}
    # the modules hold no copy of them any more: they read the active configuration at each use
    from importlib import import_module

    for module, names in {
        "tocsin.store.merge": ("_WINDOW_DAYS", "_SAME_CITY_KM", "_SAME_ENTRY_KM"),
        "tocsin.watch.ladder": ("WINDOW_DAYS", "MAX_EVIDENCE"),
        "tocsin.watch.kinds": ("MAX_EVIDENCE",),
        "tocsin.watch.reports": ("MIN_CONFIDENCE", "NUCLEAR_RUNG"),
        "tocsin.watch.series": ("MAX_PERIODS",),
        "tocsin.stages.dates": ("FUTURE_DAYS",),
        "tocsin.stages.geo": ("_MAX_CLIMB",),
        "tocsin.stages.geo.gazetteer": ("_UNIQUE_TOWN_MIN_LENGTH", "_BIG_CITY", "_TRUSTED_POPULATION"),
    }.items():
        assert not [name for name in names if hasattr(import_module(module), name)], module


def test_an_active_configuration_changes_what_the_code_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One value per area through the functions that read it (the tests of each area check the behaviour)."""
    from datetime import date

    from tocsin.stages.dates import resolve_date
    from tocsin.store.merge import Report, same_event
    from tocsin.watch.reports import rung_of
    from tocsin.watch.series import check_periods

    monkeypatch.delenv(ENV_VAR, raising=False)
    path = tmp_path / "run.toml"
    path.write_text(
        "[tuning.store]\nmerge_window_days = { day = 3, week = 7, month = 31 }\n\n[tuning.watch]\nnuclear_rung = 4\nmax_periods = 10\n"
        "\n[tuning.dates]\nfuture_days = 10\n"
    )
    a = Report("190", "RUS", "UKR", date(2024, 5, 7), "day", "UKR", None, None, None, "country")
    b = Report("190", "RUS", "UKR", date(2024, 5, 10), "day", "UKR", None, None, None, "country")
    sentence, published = "The summit will be held on 20 June.", "2024-05-07"

    def read() -> tuple[bool, int, bool, str | None]:
        try:
            check_periods(date(2024, 1, 1), date(2024, 1, 20), "day")
            long_ok = True
        except ConfigError:
            long_ok = False
        resolved = resolve_date(sentence, published, "en")
        return same_event(a, b), rung_of("13", signal=True), long_ok, resolved.date if resolved else None

    assert read() == (False, 5, True, "2024-06-20")
    with active_config(path):
        assert read() == (True, 4, False, "2023-06-20")
    assert read() == (False, 5, True, "2024-06-20")


def test_stage_defaults_equal_the_stage_constructors() -> None:
    from tocsin.stages import language, nlp
    from tocsin.stages.actors import MAX_ATTACH_STEPS

    stages = load_config({}).stages
    assert stages["language"].settings == {
        "min_score": 0.5,
        "detect_chars": language.DETECT_CHARS,
        "detect_paragraphs": language.DETECT_PARAGRAPHS,
    }
    assert stages["nlp"].settings == {"batch_size": 64, "prefilter": True, "max_paragraph_chars": nlp.MAX_PARAGRAPH_CHARS}
    assert stages["actors"].settings == {"max_attach_steps": MAX_ATTACH_STEPS}
    assert stages["events"].settings == {"keep_negated": False, "min_confidence": 0.0, "trace": False}


def test_a_file_overrides_only_the_keys_it_sets(tmp_path: Path) -> None:
    path = tmp_path / "run.toml"
    path.write_text("[tuning.dates]\nfuture_days = 10\n\n[tuning.store]\nmerge_window_days = { day = 2, week = 7, month = 31 }\n")
    config = load_config(path)
    assert config.tuning.dates.future_days == 10
    assert config.tuning.store.merge_window_days == {"day": 2, "week": 7, "month": 31}
    assert config.tuning.store.same_city_km == 50.0 and config.tuning.geo.max_climb == 4
    assert config.source_of("tuning", "dates", "future_days") == str(path)
    assert config.source_of("tuning", "geo", "max_climb") == str(cfg.DEFAULT_CONFIG)


def test_dotted_and_merge() -> None:
    assert dotted({"a.b.c": 1, "d": {"e.f": 2}}) == {"a": {"b": {"c": 1}}, "d": {"e": {"f": 2}}}
    assert merge({"a": {"b": 1, "c": [1]}, "x": 1}, {"a": {"c": [2]}}) == {"a": {"b": 1, "c": [2]}, "x": 1}


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("[tuning.dates]\nfuture_dayz = 3\n", r"\[E513\] .*run\.toml: tuning\.dates\.future_dayz: unknown key"),
        (
            "[tuning.dates]\nfuture_days = -1\n",
            r"\[E513\] .*run\.toml: tuning\.dates\.future_days: .*greater than or equal to 0 \(found -1\)",
        ),
        ('[tuning.watch]\nmin_confidence = "high"\n', r"\[E513\] .*run\.toml: tuning\.watch\.min_confidence: .*number"),
        ("[pipeline]\nstages = []\n", r"\[E513\] .*run\.toml: pipeline\.stages: "),
        ("[extra]\nx = 1\n", r"\[E513\] .*run\.toml: extra: unknown key\. See docs/configuration\.md"),
    ],
)
def test_bad_configuration_names_file_and_key(tmp_path: Path, text: str, pattern: str) -> None:
    path = tmp_path / "run.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=pattern):
        load_config(path)


def test_unreadable_configuration_is_E514(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[E514\] .*missing\.toml: .*no such file"):
        load_config(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[tuning\n")
    with pytest.raises(ConfigError, match=r"\[E514\] .*bad\.toml: .*invalid TOML"):
        load_config(bad)


def test_overrides_name_their_source() -> None:
    with pytest.raises(ConfigError, match=r"\[E513\] <overrides>: tuning\.geo\.big_city: "):
        load_config({}, {"tuning.geo.big_city": "large"})


def test_active_config_reaches_settings_and_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    path = tmp_path / "run.toml"
    path.write_text("[tuning.watch]\nladder_window_days = 7\n")
    assert settings().watch.ladder_window_days == 28
    with active_config(path):
        assert Path(__import__("os").environ[ENV_VAR]) == path.resolve()
        assert settings().watch.ladder_window_days == 7
        assert load_config().tuning.watch.ladder_window_days == 7
    assert ENV_VAR not in __import__("os").environ
    assert settings().watch.ladder_window_days == 28
    path.write_text("[tuning.watch]\nladder_window_days = 0\n")
    with pytest.raises(ConfigError, match=r"\[E513\]"), active_config(path):
        pass  # a bad file is refused before anything runs
