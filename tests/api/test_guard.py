"""Guard (issue 12): security headers on every answer, the Host allow-list, the token checked before the body,
and `tocsin serve` refusing a non-loopback address without a token."""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from starlette.exceptions import StarletteDeprecationWarning
from typer.testing import CliRunner

from tocsin.api import create_app
from tocsin.api.guard import LOOPBACK_HOSTS, SECURITY_HEADERS, host_name
from tocsin.cli import app as cli
from tocsin.store import DuckDBStore

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

TOKEN = "t0ken"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "empty.duckdb")
    DuckDBStore(path).close()
    return path


@pytest.mark.parametrize("url", ["/api/health", "/api/events", "/api/nowhere", "/", "/app.js"])
def test_guard_security_headers_on_every_answer(db: str, url: str) -> None:
    with TestClient(create_app(db)) as client:
        response = client.get(url)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    csp = response.headers["Content-Security-Policy"]
    assert (
        "frame-ancestors 'none'" in csp and "script-src 'self';" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )


@pytest.mark.parametrize(("base", "status"), [("http://localhost:8000", 200), ("http://127.0.0.1", 200), ("http://[::1]:8000", 200),
                                              ("http://evil.example", 400), ("http://localhost.evil.example", 400)])  # fmt: skip
def test_guard_host_allow_list(db: str, base: str, status: int) -> None:
    with TestClient(create_app(db, allowed_hosts=LOOPBACK_HOSTS), base_url=base) as client:
        response = client.get("/api/health")
    assert response.status_code == status, response.text
    if status == 400:
        assert response.json()["error"]["code"] == "E509"
        assert "Content-Security-Policy" in response.headers


@pytest.mark.parametrize(
    ("value", "host"), [("LocalHost:8000", "localhost"), ("[::1]:80", "::1"), ("::1", "::1"), ("example.org", "example.org"), ("", "")]
)
def test_guard_host_name(value: str, host: str) -> None:
    assert host_name(value) == host


def _serve(db: str) -> tuple[uvicorn.Server, threading.Thread, int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(db, token=TOKEN), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    return server, thread, port


def _answer_to_a_body_never_sent(port: int, headers: str) -> bytes:
    """Send the headers of a 10 MB POST and one byte of its body; what the server answers (before the rest)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(f"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{headers}\r\n{{".encode())
        answer = b""
        while not answer.endswith(b"}}"):  # the head and the JSON body may come in two packets
            chunk = conn.recv(4096)
            if not chunk:
                break
            answer += chunk
        return answer


@pytest.fixture
def server(db: str) -> Iterator[int]:
    server, thread, port = _serve(db)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_guard_wrong_token_refused_before_the_body(server: int) -> None:
    # The server answers while 10 MB of body are still to come: it never waited for them (recv would time out).
    answer = _answer_to_a_body_never_sent(server, "Authorization: Bearer wrong\r\nContent-Length: 10000000\r\n")
    assert answer.startswith(b"HTTP/1.1 401") and b"E505" in answer


def test_guard_oversized_body_refused_before_reading(server: int) -> None:
    answer = _answer_to_a_body_never_sent(server, f"Authorization: Bearer {TOKEN}\r\nContent-Length: 50000000\r\n")
    assert answer.startswith(b"HTTP/1.1 413") and b"E508" in answer


def test_guard_serve_off_loopback_needs_a_token(db: str) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", db, "--host", "0.0.0.0", "--port", "1"], env={"TOCSIN_API_TOKEN": ""})
    assert result.exit_code == 1
    assert "[E510] Listening on 0.0.0.0" in " ".join(result.output.split())
