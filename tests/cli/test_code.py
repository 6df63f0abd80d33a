"""``tocsin code``: JSON Lines streamed as articles are coded, progress lines when stderr is not a terminal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stories(english_stories) -> Path:
    return english_stories(40)


def test_code_jsonl_is_streamed_per_batch(stories: Path, tmp_path: Path) -> None:
    """Killed (SIGKILL: no cleanup, no final print) once the first batch is stored, the run has already printed its events."""
    db = tmp_path / "stream.duckdb"
    command = [sys.executable, "-m", "tocsin", "code", str(stories), "--db", str(db), "--format", "jsonl",
               "--batch-size", "8", "--workers", "1", "--progress-every", "0", "--no-alerts"]  # fmt: skip
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert run.stderr is not None and run.stdout is not None
    printed: list[str] = []
    reader = threading.Thread(target=lambda: printed.extend(run.stdout))  # type: ignore[arg-type]  # a full pipe would block the run
    reader.start()
    progress = []
    for line in run.stderr:
        if line.startswith("progress: "):
            progress.append(line)
            if len(progress) == 2:  # two batches stored and printed (events come before their batch's progress line)
                run.send_signal(signal.SIGKILL)
                break
    run.communicate(timeout=300)
    reader.join(60)
    out = "".join(printed)
    assert progress[0].startswith("progress: 8/40 article(s), ") and "/s" in progress[0]  # count and rate
    assert "left" in progress[0]  # and the time left, the total being known
    events = [json.loads(line) for line in out.splitlines(keepends=True) if line.endswith("\n")]  # a kill may cut the last line
    assert events, "nothing was printed before the end: --format jsonl is not streamed"
    articles = {event["article_id"] for event in events}
    assert 1 <= len(articles) <= 16
    assert {"article_id", "cameo", "source_code", "target_code", "event_id"} <= set(events[0])
