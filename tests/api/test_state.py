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
