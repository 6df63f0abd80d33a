"""The API's memory through a burst of distinct large series requests (issue 12).

Stores 300,000 merged events over 1,500 days (SQL, no coding), starts a real `tocsin serve --read-only` on a free
loopback port, and sends 50 distinct whole-calendar requests (`since=0001-01-01&until=9999-12-DD`, answered 400
E507) and 50 distinct ranges of 10,000 days (the longest series answered, each a new cache entry). Prints the
statuses, the slowest answer and the server's peak resident memory (VmHWM). Goal: answers within 5 s, peak under 1 GB.

Usage: python bench/bench_api_memory.py
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from tocsin.store import DuckDBStore


def _store(path: Path) -> None:
    with DuckDBStore(path) as store:
        store.connection().execute(
            "INSERT INTO merged_events (event_id, base_code, source_country, target_country, event_date, num_mentions, num_sources,"
            " num_articles, confidence, article_id, cameo, root, quad, goldstein, source_code, target_code, src, tgt, day, nuclear, signal,"
            " factual) SELECT 'm' || i, '190', 'RUS', 'UKR', DATE '2020-01-01' + CAST(i % 1500 AS INTEGER), 1, 1, 1, 0.9, 'a' || i, '190',"
            " '19', 4, -10.0, 'RUS', 'UKR', 'RUS', 'UKR', DATE '2020-01-01' + CAST(i % 1500 AS INTEGER), false, false, true"
            " FROM range(300000) t(i)"
        )


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "events.duckdb"
        _store(db)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        cmd = [sys.executable, "-m", "tocsin", "serve", "--db", str(db), "--port", str(port), "--read-only", "--log-level", "warning"]
        server = subprocess.Popen(cmd)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
                for _ in range(300):
                    try:
                        http.get("/api/health")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                statuses: dict[int, int] = {}
                slowest = 0.0
                ranges = [{"since": "0001-01-01", "until": f"9999-12-{day:02d}", "freq": "day"} for day in range(1, 29)]
                ranges += [{"since": "0001-01-01", "until": f"9999-11-{day:02d}", "freq": "week"} for day in range(1, 23)]
                start = date(2010, 1, 1)
                ranges += [
                    {"since": str(start + timedelta(days=i)), "until": str(start + timedelta(days=i + 9999)), "freq": "day"}
                    for i in range(50)
                ]
                for params in ranges:
                    began = time.perf_counter()
                    status = http.get("/api/series", params=params).status_code
                    slowest = max(slowest, time.perf_counter() - began)
                    statuses[status] = statuses.get(status, 0) + 1
            print(f"{len(ranges)} requests: statuses {statuses}, slowest {slowest:.2f} s, server peak RSS {_peak_mb(server.pid):.0f} MB")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
