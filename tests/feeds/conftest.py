"""Fixtures of the ``tocsin watch`` tests: the local HTTP sites (tests/feeds/server.py), a feeds file, a fast
polite client, and one coding pipeline for the whole package (building it loads the spaCy models)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tocsin.feeds import Fetcher


def load_server() -> ModuleType:
    """tests/feeds/server.py as a module (tests are not a package; tests/cli/test_feeds.py loads it too)."""
    name = "tocsin_test_feed_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("server.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


server = load_server()


@pytest.fixture
def sites() -> Iterator[tuple[object, object]]:
    """(main host, slow host) serving tests/data/feeds, stopped after the test."""
    site, slow = server.news_sites()
    yield site, slow
    site.stop()
    slow.stop()


def write_feeds(path: Path, base: str) -> Path:
    """A feeds.toml listing the four feeds of the main host."""
    path.write_text(
        f"""# feeds of the local test site
[[feeds]]
url = "{base}/fr/rss.xml"
name = "Le Veilleur"

[[feeds]]
url = "{base}/en/atom.xml"
name = "The Lookout"
lang = "en"

[[feeds]]
url = "{base}/news/changing.xml"
name = "Balkan Desk"

[[feeds]]
url = "{base}/broken.xml"
name = "Broken"
""",
        encoding="utf-8",
    )
    return path


def fast_fetcher() -> Fetcher:
    """A client with a short timeout (the slow host's 3 s is beyond it), one retry and no pause between requests."""
    return Fetcher(timeout=0.5, retries=1, backoff=0.05, host_delay=0.0)


@pytest.fixture(scope="package")
def pipeline():
    from tocsin.coder import make_pipeline

    return make_pipeline()


@pytest.fixture(scope="package")
def feed_server() -> ModuleType:
    """The server module (news_sites, bulk_site, change_feed, Site, Route)."""
    return server


@pytest.fixture(scope="package")
def make_feeds():
    return write_feeds


@pytest.fixture(scope="package")
def make_fetcher():
    return fast_fetcher
