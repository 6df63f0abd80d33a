"""The server holds its database only while it answers (ReadSessions): other processes write between requests."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from tocsin.api import create_app
from tocsin.store import DuckDBStore

with warnings.catch_warnings():  # starlette asks for httpx2 instead of httpx; its test client works with either
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient


def _write_from_another_process(path: Path) -> subprocess.CompletedProcess[str]:
    code = f"import duckdb; c = duckdb.connect({str(path)!r}); c.execute('CREATE TABLE IF NOT EXISTS probe (x INT)'); c.close()"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)


def test_state_server_leaves_the_file_free_between_requests(tmp_path: Path) -> None:
    db = tmp_path / "served.duckdb"
    DuckDBStore(db).close()
    with TestClient(create_app(db)) as client:
        assert client.get("/api/events").status_code == 200
        written = _write_from_another_process(db)
        assert written.returncode == 0, written.stderr  # a writer got in while the app runs
        assert client.get("/api/health").json()["status"] == "ok"


def test_state_read_meets_a_long_lock_with_503_naming_the_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lock_holder) -> None:
    db = tmp_path / "held.duckdb"
    DuckDBStore(db).close()
    monkeypatch.setenv("TOCSIN_LOCK_TIMEOUT", "0.3")
    with TestClient(create_app(db)) as client:
        with lock_holder(db) as holder:
            answer = client.get("/api/events")
        assert answer.status_code == 503
        error = answer.json()["error"]
        assert error["code"] == "E306" and f"process {holder.pid}" in error["message"]
        assert client.get("/api/events").status_code == 200  # the holder is gone: reads work again


def test_state_map_answer_kept_until_the_events_change(tmp_path: Path, vocabulary_articles: list) -> None:
    """/api/map answers are kept like the escalation ones: another process's new events show at once."""
    import dataclasses

    located = [dataclasses.replace(a, events=[dataclasses.replace(e, lat=50.0, lon=36.25) for e in a.events]) for a in vocabulary_articles]
    db = tmp_path / "map.duckdb"
    with DuckDBStore(db) as store:
        store.save(located[:1])
    with TestClient(create_app(db)) as client:
        first = client.get("/api/map").json()["points"]
        assert [p["events"] for p in first] == [2] and client.get("/api/map").json()["points"] == first
        with DuckDBStore(db) as store:  # the server holds the file only while it answers
            store.save(located[1:])
        assert [p["events"] for p in client.get("/api/map").json()["points"]] == [3]
        assert [p["events"] for p in client.get("/api/map?actor=UKR&quad=1").json()["points"]] == [1]
