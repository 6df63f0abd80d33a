"""Issue 11: `tocsin serve`, `tocsin code` and `tocsin events` on one database at the same time; Ctrl-C in `tocsin code`.

Real processes: DuckDB lets one process write or several read, so these are the only honest tests.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import pytest

pytestmark = pytest.mark.slow

TOCSIN = [sys.executable, "-m", "tocsin"]
STORY = (
    "Les forces russes ont bombardé Kharkiv mardi, a annoncé le ministère ukrainien de la Défense.\n\n"
    "La Russie a menacé l'Ukraine de nouvelles frappes."
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env() -> dict[str, str]:
    return {**os.environ, "TOCSIN_LOCK_TIMEOUT": "60", "PYTHONUNBUFFERED": "1"}


def _wait_until(predicate, timeout: float = 120.0, what: str = "condition") -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _stored(db: Path, sql: str) -> int:
    def query() -> int:
        conn = duckdb.connect(str(db), read_only=True)
        try:
            return int(conn.execute(sql).fetchone()[0])  # type: ignore[index]
        finally:
            conn.close()

    for _ in range(200):  # another process may hold the file for a moment
        try:
            return query()
        except duckdb.IOException:
            time.sleep(0.1)
    return query()


def test_issue11_code_and_events_while_serve_runs(samples: Path, tmp_path: Path) -> None:
    db = tmp_path / "shared.duckdb"
    first = subprocess.run([*TOCSIN, "code", str(samples / "seed_fr_kharkiv.txt"), "--db", str(db), "--no-alerts", "--workers", "1"],
                           capture_output=True, text=True, env=_env(), timeout=600, check=False)  # fmt: skip
    assert first.returncode == 0, first.stderr
    port = _free_port()
    serve = subprocess.Popen([*TOCSIN, "serve", "--db", str(db), "--port", str(port), "--log-level", "warning"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    stop = threading.Event()
    answers: list[int] = []
    try:

        def healthy() -> bool:
            assert serve.poll() is None, serve.communicate()[1]
            try:
                return httpx.get(f"{base}/api/health", timeout=5).status_code == 200
            except httpx.TransportError:
                return False

        _wait_until(healthy, what="tocsin serve to answer")
        before = httpx.get(f"{base}/api/events", params={"limit": 500}, timeout=30).json()
        assert before["total"] > 0

        def poll_serve() -> None:  # the dashboard keeps asking while the CLI works
            while not stop.is_set():
                answers.append(httpx.get(f"{base}/api/events", params={"limit": 5}, timeout=60).status_code)
                time.sleep(0.05)

        poller = threading.Thread(target=poll_serve)
        poller.start()
        story = tmp_path / "story.txt"
        story.write_text(STORY, encoding="utf-8")
        code = subprocess.Popen([*TOCSIN, "code", str(story), "--db", str(db), "--published", "2024-05-14", "--format", "jsonl", "--workers", "1"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())  # fmt: skip
        events = subprocess.Popen([*TOCSIN, "events", "--db", str(db), "--format", "jsonl"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())  # fmt: skip
        code_out, code_err = code.communicate(timeout=600)
        events_out, events_err = events.communicate(timeout=600)
        stop.set()
        poller.join(120)
        assert code.returncode == 0, code_err
        assert events.returncode == 0, events_err
        assert "lock" not in code_err.lower() and "lock" not in events_err.lower()
        coded = [json.loads(line) for line in code_out.splitlines()]
        assert coded, code_err
        listed = [json.loads(line) for line in events_out.splitlines()]
        assert len(listed) >= before["total"]  # what was stored before, maybe more
        assert answers and set(answers) == {200}, answers
        after = httpx.get(f"{base}/api/events", params={"limit": 500}, timeout=30).json()
        new_article = coded[0]["article_id"]
        assert after["total"] == before["total"] + len(coded)
        assert new_article in {item["article_id"] for item in after["items"]}
        assert serve.poll() is None
    finally:
        stop.set()
        serve.send_signal(signal.SIGINT)
        try:
            serve.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            serve.kill()
            serve.communicate()


def test_issue11_events_meets_a_long_lock_with_a_message_naming_the_process(tmp_path: Path, lock_holder) -> None:
    db = tmp_path / "held.duckdb"
    duckdb.connect(str(db)).close()
    with lock_holder(db) as holder:
        result = subprocess.run([*TOCSIN, "events", "--db", str(db)], capture_output=True, text=True, timeout=120, check=False,
                                env={**os.environ, "TOCSIN_LOCK_TIMEOUT": "0.5"})  # fmt: skip
    assert result.returncode == 1
    assert "[E306]" in result.stderr and f"process {holder.pid}" in result.stderr
    assert "--read-only" in result.stderr


@pytest.fixture(scope="module")
def stories(english_stories) -> Path:
    return english_stories(60)


@pytest.mark.parametrize("workers", [1, 2])
def test_issue11_sigint_stores_whole_batches_runs_alerts_and_resumes(stories: Path, tmp_path: Path, workers: int) -> None:
    db = tmp_path / "stories.duckdb"
    command = [*TOCSIN, "code", str(stories), "--db", str(db), "--batch-size", "8", "--workers", str(workers), "--progress-every", "0"]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
    assert run.stderr is not None
    lines: list[str] = []
    for line in run.stderr:  # a progress line is printed once its batch is stored
        lines.append(line)
        if line.startswith("progress: ") and int(line.split()[1].split("/")[0]) >= 8:
            run.send_signal(signal.SIGINT)
            break
    else:
        pytest.fail("no progress line: " + "".join(lines))
    _, rest = run.communicate(timeout=600)
    stderr = "".join(lines) + rest
    assert run.returncode == 130, stderr
    assert "progress: 8/60 article(s)" in stderr  # the total was counted before coding
    assert "interrupted:" in stderr and "run the same command again" in stderr
    stored = _stored(db, "SELECT count(*) FROM articles")
    assert 8 <= stored < 60
    assert f"{stored} article(s) stored in {db}" in stderr
    events_stored = _stored(db, "SELECT count(*) FROM events")
    assert f"{events_stored} event(s)" in stderr
    if events_stored:
        assert "alert rules run on them" in stderr
        assert _stored(db, "SELECT count(*) FROM alerts") >= 0  # the table was read and written by the rules without error

    again = subprocess.run(command, capture_output=True, text=True, env=_env(), timeout=900, check=False)
    assert again.returncode == 0, again.stderr
    assert f"{stored} already stored" in again.stderr
    assert _stored(db, "SELECT count(*) FROM articles") == 60
    assert _stored(db, "SELECT count(*) FROM events") == _stored(db, "SELECT count(DISTINCT event_id) FROM events")
    assert _stored(db, "SELECT count(*) FROM articles") == _stored(db, "SELECT count(DISTINCT id) FROM articles")
