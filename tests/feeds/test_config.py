"""feeds.toml and --every: what is accepted, and coded errors naming the file, the feed and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.errors import ConfigError
from tocsin.feeds import Feed, load_feeds, parse_every

ROOT = Path(__file__).resolve().parents[2]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_reads_feeds_in_order(tmp_path: Path) -> None:
    path = _write(tmp_path, '[[feeds]]\nurl = "https://a.test/rss"\nname = "A"\nlang = "fr"\n\n[[feeds]]\nurl = "http://b.test/atom.xml"\n')
    assert load_feeds(path) == [Feed("https://a.test/rss", "A", "fr"), Feed("http://b.test/atom.xml", "http://b.test/atom.xml", None)]


def test_config_sample_is_valid() -> None:
    feeds = load_feeds(ROOT / "docs" / "feeds.toml")
    assert feeds and all(feed.url.startswith("https://") for feed in feeds)


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ('[[feeds]]\nname = "x"\n', r"\[E603\] .*feeds\.toml: feeds\[1\]\.url: missing"),
        (
            '[[feeds]]\nurl = "https://a.test/"\n[[feeds]]\nurl = "ftp://b.test/"\n',
            r"\[E603\] .*feeds\[2\]\.url: expected an http\(s\) URL",
        ),
        ('[[feeds]]\nurl = "https://a.test/"\nlang = "de"\n', r"\[E603\] .*feeds\[1\]\.lang: expected one of en, fr"),
        ('[[feeds]]\nurl = "https://a.test/"\nlanguage = "fr"\n', r"\[E603\] .*feeds\[1\]\.language: unknown key"),
        ('[[feeds]]\nurl = "https://a.test/"\nname = ""\n', r"\[E603\] .*feeds\[1\]\.name: expected a non-empty string"),
        ('[[feeds]]\nurl = "https://a.test/"\n[[feeds]]\nurl = "https://a.test/"\n', r"\[E603\] .*feeds\[2\]\.url: .* is also feeds\[1\]"),
        ('feeds = ["https://a.test/"]\n', r"\[E603\] .*feeds\[1\]: expected a table"),
        ('[feed]\nurl = "https://a.test/"\n', r"\[E603\] .*top level: unknown key\(s\) \['feed'\]"),
        ("", r"\[E604\] .*feeds\.toml: no feeds"),
        ("[[feeds]\nurl = 1\n", r"\[E602\] .*feeds\.toml: not valid TOML"),
    ],
)
def test_config_errors_name_file_feed_and_key(tmp_path: Path, text: str, pattern: str) -> None:
    with pytest.raises(ConfigError, match=pattern):
        load_feeds(_write(tmp_path, text))


def test_config_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[E601\] .*nope\.toml: cannot read the feeds file"):
        load_feeds(tmp_path / "nope.toml")


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("2.5m", 150), ("45", 45), (" 1h ", 3600)])
def test_config_parse_every(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "0s", "15 minutes", "m", "-1m", "1d"])
def test_config_parse_every_rejects(text: str) -> None:
    with pytest.raises(ConfigError, match=r"\[E613\] Invalid --every"):
        parse_every(text)
