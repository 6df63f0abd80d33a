"""The language resource loader: resource files, their keys, and languages outside the package."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tocsin import languages
from tocsin.errors import ConfigError
from tocsin.languages import LANGUAGES_PATH_ENV, SUPPORTED, read_resource, resource_words


@pytest.fixture
def extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A languages directory in TOCSIN_LANGUAGES_PATH (read_resource's cache cleared around the test)."""
    monkeypatch.setenv(LANGUAGES_PATH_ENV, str(tmp_path))
    read_resource.cache_clear()
    yield tmp_path
    read_resource.cache_clear()


def _language(root: Path, code: str, **files: str) -> Path:
    folder = root / code
    folder.mkdir()
    (folder / "language.toml").write_text('model = "none"\nmodel_version = "3.8"\n', encoding="utf-8")
    for name, text in files.items():
        (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return folder


def test_bundled_languages_come_first() -> None:
    assert SUPPORTED[:2] == ("fr", "en")


def test_every_bundled_language_has_its_word_files() -> None:
    for code in ("fr", "en"):
        for name in ("dates", "geo", "arguments"):
            assert read_resource(code, name), (code, name)


def test_extra_directory_adds_a_language_after_the_bundled_ones(extra: Path) -> None:
    _language(extra, "zz")
    _language(extra, "fr")  # a bundled code in the extra directory: the bundled language wins
    assert languages._discover() == ("fr", "en", "zz")
    assert languages._lang_dir("zz") == extra / "zz"
    assert languages._lang_dir("fr") != extra / "fr"


def test_a_missing_resource_file_is_empty(extra: Path) -> None:
    _language(extra, "zz")
    assert read_resource("zz", "geo") == {}


def test_an_unknown_key_names_the_file_and_the_key(extra: Path) -> None:
    folder = _language(extra, "zz", geo='locative = ["amid"]\nlocatives = ["typo"]\n')
    with pytest.raises(ConfigError) as err:
        read_resource("zz", "geo")
    assert str(folder / "geo.toml") in str(err.value) and "'locatives'" in str(err.value)


def test_bad_toml_names_the_file(extra: Path) -> None:
    _language(extra, "zz", arguments="actor_of = [\n")
    with pytest.raises(ConfigError, match="arguments.toml"):
        read_resource("zz", "arguments")


def test_resource_words_is_the_lower_cased_union(extra: Path) -> None:
    _language(extra, "zz", geo='locative = ["Amid", "in"]\n')
    _language(extra, "zy", geo='locative = ["betwixt"]\n')
    assert resource_words("geo", "locative", ("zz", "zy")) == {"amid", "in", "betwixt"}
    assert "près" in resource_words("geo", "locative") and "near" in resource_words("geo", "locative")


def test_resource_words_wants_a_list_of_strings(extra: Path) -> None:
    _language(extra, "zz", geo="locative = 3\n")
    with pytest.raises(ConfigError, match="locative"):
        resource_words("geo", "locative", ("zz",))
