"""``tocsin watch`` as a user runs it: a subprocess against local HTTP servers (tests/feeds/server.py).

The kill test runs ``tocsin watch --once`` and kills it with SIGKILL at a random moment, five times, then runs a
last pass (in loop mode, stopped by Ctrl-C): nothing reported stored is lost, nothing is stored twice, the store
holds what one uninterrupted pass stores, and the alerts of everything stored are raised.
"""

from __future__ import annotations

import importlib.util
import os
import queue
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tocsin.feeds.state import FeedState
from tocsin.store import open_store
from tocsin.watch import detect, list_alerts

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
TOCSIN = str(Path(sys.executable).with_name("tocsin"))
FAST = ["--host-delay", "0", "--timeout", "0.5", "--retries", "1"]
_STORED = re.compile(r"^stored (\S+) \(\d+ event\(s\)\)$")


def _server() -> ModuleType:
    name = "tocsin_test_feed_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "feeds" / "server.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "250", "NO_COLOR": "1", "TERM": "dumb"}


def _run(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TOCSIN, *args], capture_output=True, text=True, env=_env(), timeout=timeout, check=False)


class _Watch:
    """A ``tocsin watch`` subprocess whose stderr lines are read by a thread (so reading never blocks the test)."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen([TOCSIN, "watch", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env())
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self.done = False
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stderr is not None
        with self.proc.stderr:
            for line in self.proc.stderr:
                self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def stop(self) -> None:
        """Kill the process if it still runs (a failed test leaves none behind) and read what it wrote."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=60)
        self.drain()

    def next_line(self, timeout: float = 600) -> str | None:
        line = self.lines.get(timeout=timeout)
        if line is None:
            self.done = True
        else:
            self.seen.append(line)
        return line

    def wait_for(self, predicate: Any, count: int = 1, timeout: float = 600) -> bool:
        """Read lines until ``count`` of them match; False if the process ended first."""
        found = 0
        while found < count:
            line = self.next_line(timeout)
            if line is None:
                return False
            found += bool(predicate(line))
        return True

    def drain(self) -> None:
        while not self.done:
            self.next_line()

    def stored(self) -> list[str]:
        return [m.group(1) for m in map(_STORED.match, self.seen) if m]


@pytest.fixture
def news(tmp_path: Path) -> Any:
    site, slow = _server().news_sites()
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(
        f'[[feeds]]\nurl = "{site.base}/fr/rss.xml"\nname = "Le Veilleur"\n\n[[feeds]]\nurl = "{site.base}/en/atom.xml"\nname = "The Lookout"\n\n'
        f'[[feeds]]\nurl = "{site.base}/broken.xml"\nname = "Broken"\n',
        encoding="utf-8",
    )
    yield site, slow, feeds
    site.stop()
    slow.stop()


def test_cli_feeds_watch_once(news: Any, tmp_path: Path) -> None:
    site, slow, feeds = news
    db = tmp_path / "once.duckdb"
    first = _run("watch", "--feeds", str(feeds), "--once", "--db", str(db), *FAST)
    assert first.returncode == 1, first.stderr  # some items failed; the others were coded
    lines = first.stderr.splitlines()
    stored = [m.group(1) for m in map(_STORED.match, lines) if m]
    assert f"{site.base}/fr/expulsion-diplomate.html" in stored and f"{site.base}/en/sanctions.html" in stored
    assert any(line.startswith("failed ") and "[E607] feed Le Veilleur: item" in line and "introuvable" in line for line in lines)
    assert any(line.startswith("retry ") and "[E608]" in line and slow.base in line for line in lines)
    assert any("[E606] feed Broken" in line for line in lines)
    assert any(line.startswith("disallowed ") and "[W011]" in line for line in lines)
    assert re.search(rf"3 feed\(s\) \(0 unchanged, 1 failed\), \d+ item\(s\), \d+ new: {len(stored)} article\(s\) stored in ", first.stderr)
    second = _run("watch", "--feeds", str(feeds), "--once", "--db", str(db), *FAST)
    assert "0 article(s) stored" in second.stderr and not [line for line in second.stderr.splitlines() if _STORED.match(line)]
    with open_store(db, read_only=True) as store:
        assert sorted(a["id"] for a in store.articles()) == sorted(stored)


def test_cli_feeds_bad_every(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feeds]]\nurl = "http://127.0.0.1:9/rss.xml"\n', encoding="utf-8")
    result = _run("watch", "--feeds", str(feeds), "--every", "soon", "--db", str(tmp_path / "x.duckdb"))
    assert result.returncode == 1 and "error: [E613] Invalid --every 'soon'" in result.stderr


def test_cli_feeds_bad_feeds_file(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feeds]]\nurl = "http://127.0.0.1:9/rss.xml"\n\n[[feeds]]\nname = "no url"\n', encoding="utf-8")
    result = _run("watch", "--feeds", str(feeds), "--once", "--db", str(tmp_path / "x.duckdb"))
    assert result.returncode == 1
    assert "error: [E603]" in result.stderr and "feeds.toml: feeds[2].url: missing" in result.stderr


def _stored_state(db: Path) -> dict[str, Any]:
    with open_store(db, read_only=True) as store:
        with store.session():
            conn = store.connection()  # type: ignore[attr-defined]
            reports = conn.execute(
                "SELECT article_id, sentence_index, trigger_start, cameo, source_code, target_code FROM events"
            ).fetchall()
            merged = conn.execute("SELECT event_id, num_sources FROM merged_events ORDER BY event_id").fetchall()
            items = FeedState(store).items()
        raised = {(a["pair"], a["freq"], a["period"]) for a in list_alerts(store)}
        expected = {(a.pair, a.freq, a.period.isoformat()) for a in detect(store)}
        articles = [a["id"] for a in store.articles()]
    return {"articles": articles, "reports": reports, "merged": merged, "items": items, "raised": raised, "expected": expected}


def test_cli_feeds_survives_kill_9(tmp_path: Path) -> None:
    site = _server().bulk_site(24)
    started: list[_Watch] = []
    try:
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feeds]]\nurl = "{site.base}/bulk/rss.xml"\nname = "Bulk wire"\n', encoding="utf-8")
        db = tmp_path / "killed.duckdb"
        rng = random.Random(4)  # kills after 1, 3, 0 (while starting), 3 and 2 items stored
        reported: list[str] = []
        for _ in range(5):
            watch = _Watch("--feeds", str(feeds), "--once", "--db", str(db), *FAST)
            started.append(watch)
            stored_lines = rng.randint(0, 4)
            if stored_lines == 0:  # before anything is stored: while starting or loading the models
                time.sleep(rng.uniform(0.5, 6.0))
            else:  # while coding: after a few items are reported stored, at a random point of the next one
                watch.wait_for(lambda line: _STORED.match(line) is not None, count=stored_lines)
                time.sleep(rng.uniform(0.0, 0.4))
            watch.proc.send_signal(signal.SIGKILL)
            watch.proc.wait(timeout=60)
            watch.drain()
            reported += watch.stored()
        assert reported, "no kill landed after an item was stored; the test proves little"
        assert len(reported) == len(set(reported))  # no item reported stored twice across the runs

        # the last pass, in loop mode: it finishes the feed, then Ctrl-C stops it while it waits for the next pass
        last = _Watch("--feeds", str(feeds), "--every", "1h", "--db", str(db), *FAST)
        started.append(last)
        assert last.wait_for(lambda line: line.startswith("pass: ")), "\n".join(last.seen)
        last.proc.send_signal(signal.SIGINT)
        assert last.proc.wait(timeout=60) == 130
        last.drain()
        assert any(line.startswith("interrupted: ") for line in last.seen), "\n".join(last.seen)
        assert not set(last.stored()) & set(reported)  # what was stored before a kill is not coded again

        killed = _stored_state(db)
        urls = {f"{site.base}/bulk/{n}.html" for n in range(1, 25)}
        assert sorted(killed["articles"]) == sorted(urls)  # every item, each once
        assert set(reported) <= set(killed["articles"])  # nothing reported stored was lost
        assert {item["status"] for item in killed["items"]} == {"stored"}
        keys = [r[:4] for r in killed["reports"]]
        assert len(keys) == len(set(keys))  # no event stored twice
        assert killed["expected"] and killed["expected"] <= killed["raised"]  # the alerts of everything stored

        # the same feed in one uninterrupted pass stores the same reports and the same merged events
        once = tmp_path / "once.duckdb"
        result = _run("watch", "--feeds", str(feeds), "--once", "--db", str(once), *FAST)
        assert result.returncode == 0, result.stderr
        reference = _stored_state(once)
        assert Counter(killed["reports"]) == Counter(reference["reports"])
        assert killed["merged"] == reference["merged"]
        assert killed["raised"] == reference["raised"]
    finally:
        for watch in started:
            watch.stop()
        site.stop()


def test_cli_feeds_ctrl_c_mid_pass_says_what_was_stored(tmp_path: Path) -> None:
    site = _server().bulk_site(10)
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feeds]]\nurl = "{site.base}/bulk/rss.xml"\n', encoding="utf-8")
    db = tmp_path / "ctrl-c.duckdb"
    watch = _Watch("--feeds", str(feeds), "--once", "--db", str(db), *FAST)
    try:
        assert watch.wait_for(lambda line: _STORED.match(line) is not None, count=2)
        watch.proc.send_signal(signal.SIGINT)
        assert watch.proc.wait(timeout=120) == 130
        watch.drain()
    finally:
        watch.stop()
        site.stop()
    said = [line for line in watch.seen if line.startswith("interrupted: ")]
    assert said, "\n".join(watch.seen)
    count = int(re.match(r"interrupted: (\d+) article\(s\) stored", said[0]).group(1))  # type: ignore[union-attr]
    with open_store(db, read_only=True) as store:
        assert sorted(a["id"] for a in store.articles()) == sorted(watch.stored())
    assert count == len(watch.stored()) >= 2
