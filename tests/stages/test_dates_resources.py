"""The dates stage reads a language's date words and expressions from its dates.toml."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tocsin.errors import ConfigError
from tocsin.languages import LANGUAGES_PATH_ENV, read_resource
from tocsin.stages import dates

TOY = """
names_case_sensitive = false
day_first = true
[months]
"lunamonth" = 3
[weekdays]
"firstday" = 0
[numbers]
"pair" = 2
[day_words]
"erstday" = -1
[weekday_modifiers]
last = ["gone"]
[ago]
units = { "moon" = "month", "moons" = "month", "sleeps" = "day" }
spans = { "fortnight" = [2, "week"] }
[fragments]
back = 'back'
[[rules]]
name = "zz.ago"
kind = "ago"
pattern = '(?P<n>{number})\\s+(?P<unit>moons?|sleeps)\\s+{back}'
[[rules]]
name = "zz.fortnight"
kind = "ago"
pattern = '(?P<unit>fortnight)\\s+{back}'
[[rules]]
name = "zz.weekday"
kind = "weekday"
pattern = '{weekday}(?:\\s+(?P<mod>gone))?'
[[rules]]
name = "zz.mid"
kind = "month_part"
day = 15
precision = "week"
pattern = 'midst\\s+{month}{opt_year}'
[[rules]]
name = "zz.day"
kind = "relative_day"
pattern = '(?P<word>{day_word})'
[[rules]]
name = "iso"
kind = "iso"
[[rules]]
name = "last_week"
kind = "last_week"
pattern = 'week\\s+gone'
"""


@pytest.fixture
def toy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "zz"
    folder.mkdir()
    (folder / "language.toml").write_text('model = "none"\nmodel_version = "3.8"\n', encoding="utf-8")
    (folder / "dates.toml").write_text(TOY, encoding="utf-8")
    monkeypatch.setenv(LANGUAGES_PATH_ENV, str(tmp_path))
    monkeypatch.setattr(dates, "SUPPORTED", (*dates.SUPPORTED, "zz"))
    read_resource.cache_clear()
    dates._RULES.pop("zz", None)
    yield folder
    read_resource.cache_clear()
    dates._RULES.pop("zz", None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They met pair moons back.", ("2024-03-01", "month")),
        ("They met pair sleeps back.", ("2024-05-07", "day")),
        ("They met fortnight back.", ("2024-04-22", "week")),  # a span: count and unit at once
        ("They met firstday.", ("2024-05-06", "day")),
        ("They met firstday gone.", ("2024-05-06", "day")),
        ("They met in the midst lunamonth 2023.", ("2023-03-15", "week")),
        ("They met erstday.", ("2024-05-08", "day")),
        ("They met on 2024-01-02.", ("2024-01-02", "day")),  # a shared rule, listed by kind
        ("They met week gone.", ("2024-04-29", "week")),
        ("They met yesterday.", ("2024-05-09", "day")),  # an English word: not this language's
    ],
)
def test_a_language_dates_from_its_own_words(toy: Path, sentence: str, expected: tuple[str, str]) -> None:
    resolved = dates.resolve_date(sentence, "2024-05-09", "zz")  # a Thursday
    assert resolved is not None and (resolved.date, resolved.precision) == expected


def test_an_unknown_placeholder_is_an_error(toy: Path) -> None:
    (toy / "dates.toml").write_text(TOY.replace("{back}", "{bakc}", 1), encoding="utf-8")
    with pytest.raises(ConfigError, match="bakc"):
        dates.resolve_date("pair moons back", "2024-05-09", "zz")


def test_an_unknown_kind_is_an_error(toy: Path) -> None:
    (toy / "dates.toml").write_text(TOY.replace('kind = "weekday"', 'kind = "weekdays"'), encoding="utf-8")
    with pytest.raises(ConfigError, match="weekdays"):
        dates.resolve_date("firstday", "2024-05-09", "zz")


def test_french_and_english_rules_keep_their_order() -> None:
    """The rules of each language, in the order of its dates.toml (the order breaks ties between matches)."""
    names = [rule.name for rule in dates._rules_for("fr")]
    assert names[:3] == ["fr.day_month", "iso", "numeric"] and names[-2:] == ["fr.fortnight", "fr.ago"]
    assert [rule.name for rule in dates._rules_for(None)] == names + [rule.name for rule in dates._rules_for("en")]
