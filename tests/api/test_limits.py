"""Bounded work per request (issue 12): series ranges, the answer cache, request bodies, integer parameters,
unstorable strings and a damaged database, through the real app (FastAPI's test client) over real DuckDB files."""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from tocsin.api import create_app
from tocsin.api.limits import MAX_BODY_BYTES
from tocsin.api.state import ResultCache
from tocsin.config import settings
from tocsin.store import DuckDBStore

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

TOKEN = "t0ken"
MAX_PERIODS = settings().watch.max_periods  # tuning.watch.max_periods of the default configuration (10,000)
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}


def _store(path: Path, n: int = 300, days: int = 300) -> str:
    """A store of ``n`` merged RUS>UKR events over ``days`` days from 2020-01-01, written with SQL (no coding)."""
    with DuckDBStore(path) as store:
        store.connection().execute(
            "INSERT INTO merged_events (event_id, base_code, source_country, target_country, event_date, num_mentions, num_sources,"
            " num_articles, confidence, article_id, cameo, root, quad, goldstein, source_code, target_code, src, tgt, day, nuclear, signal,"
            " factual) SELECT 'm' || i, '190', 'RUS', 'UKR', DATE '2020-01-01' + CAST(i % ? AS INTEGER), 1, 1, 1, 0.9, 'a' || i, '190',"
            " '19', 4, -10.0, 'RUS', 'UKR', 'RUS', 'UKR', DATE '2020-01-01' + CAST(i % ? AS INTEGER), false, false, true FROM range(?) t(i)",
            [days, days, n],
        )
    return str(path)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return _store(tmp_path / "events.duckdb")


@pytest.fixture(params=[False, True], ids=["writable", "read-only"])
def client(db: str, request: pytest.FixtureRequest) -> Iterator[TestClient]:
    with TestClient(create_app(db, token=None if request.param else TOKEN, read_only=request.param)) as client:
        yield client


def _error(response: Any, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code
    message: str = body["error"]["message"]
    assert message.startswith(f"[{code}]")
    return message


@pytest.mark.parametrize("freq", ["day", "week"])
def test_limits_series_of_the_whole_calendar_is_400(client: TestClient, freq: str) -> None:
    response = client.get("/api/series", params={"since": "0001-01-01", "until": "9999-12-31", "freq": freq})
    message = _error(response, 400, "E507")
    assert f"a series has at most {MAX_PERIODS}" in message and len(response.content) < 1000


def test_limits_series_at_the_longest_range_answers(client: TestClient) -> None:
    until = "2047-05-18"  # 2020-01-01 + 9,999 days: exactly MAX_PERIODS days
    points = client.get("/api/series", params={"since": "2020-01-01", "until": until, "freq": "day"}).json()["points"]
    assert len(points) == MAX_PERIODS and points[-1]["period"] == until
    assert sum(p["events"] for p in points) == 300
    _error(client.get("/api/series", params={"since": "2019-12-31", "until": until, "freq": "day"}), 400, "E507")


@pytest.mark.parametrize(
    ("since", "until", "first", "last", "day"),
    [
        ("9999-01-01", "9999-12-31", "9998-12-28", "9999-12-27", "9999-12-30"),
        ("0001-01-01", "0001-12-31", "0001-01-01", "0001-12-31", "0001-01-03"),
    ],
)
def test_limits_weekly_series_at_the_calendar_edges(tmp_path: Path, since: str, until: str, first: str, last: str, day: str) -> None:
    # The week of 9999-12-31 used to overflow the date type: 500 (OverflowError).
    db = _store(tmp_path / "edges.duckdb", n=3)
    with DuckDBStore(db) as store:
        store.connection().execute("UPDATE merged_events SET day = ?::DATE WHERE event_id = 'm0'", [day])
    with TestClient(create_app(db, read_only=True)) as client:
        response = client.get("/api/series", params={"since": since, "until": until, "freq": "week"})
    assert response.status_code == 200, response.text
    points = response.json()["points"]
    assert (points[0]["period"], points[-1]["period"][:7]) == (first, last[:7])
    assert [p["period"] for p in points if p["events"]] == [last if day > "5000" else first]


def test_limits_cache_stays_under_its_budget(client: TestClient) -> None:
    state = client.app.state.api  # type: ignore[attr-defined]
    state.cache = ResultCache(size=8, max_bytes=60_000)
    sizes = []
    for day in range(1, 29):  # 28 distinct ranges, each a new cache key
        response = client.get("/api/series", params={"since": f"2020-02-{day:02d}", "until": "2020-10-26", "freq": "day"})
        assert response.status_code == 200
        sizes.append(len(response.content))
        assert len(state.cache) <= 8 and state.cache.bytes <= 60_000
    assert sum(sizes) > 10 * 60_000  # far more was answered than is kept
    again = client.get("/api/series", params={"since": "2020-02-28", "until": "2020-10-26", "freq": "day"})
    assert len(again.content) == sizes[-1]


def test_limits_cache_drops_least_recent_and_refuses_oversized() -> None:
    cache = ResultCache(size=100, max_bytes=1000)
    with DuckDBStore(":memory:") as store:
        for key in "abcde":
            cache.get(store, key, lambda key=key: key.encode() * 400)
        assert (len(cache), cache.bytes) == (2, 800)
        assert cache.get(store, "huge", lambda: b"x" * 2000) == b"x" * 2000
        assert (len(cache), cache.bytes) == (2, 800)  # returned, not kept
        calls = []
        cache.get(store, "e", lambda: calls.append(1) or b"")
        assert calls == []  # "e" was kept


def test_limits_body_over_the_limit_is_413_before_reading(db: str) -> None:
    with TestClient(create_app(db, token=TOKEN)) as client:
        declared = client.post("/api/articles", content=b"{}", headers={**AUTH, "Content-Length": str(MAX_BODY_BYTES + 1)})
        assert "over the" in _error(declared, 413, "E508")

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield b'{"articles": [{"text": "'
            for _ in range(MAX_BODY_BYTES // 1_000_000 + 2):
                yield b"a" * 1_000_000

        _error(client.post("/api/articles", content=chunks(), headers=AUTH), 413, "E508")
        # without the token: refused before the body (401), whatever its size
        _error(client.post("/api/articles", content=chunks(), headers={"Content-Type": "application/json"}), 401, "E505")


def test_limits_lone_surrogate_posted_is_422_and_nothing_stored(db: str) -> None:
    body = '{"articles": [{"id": "bad\\udfff", "text": "Russian troops attacked Kharkiv on Monday."}]}'
    with TestClient(create_app(db, token=TOKEN)) as client:
        message = _error(client.post("/api/articles", content=body.encode(), headers=AUTH), 422, "E014")
        assert "api:1: the id holds a lone surrogate (U+DFFF" in message
        assert client.get("/api/health").json()["articles"] == 0


def test_limits_offset_past_64_bits_is_400(client: TestClient) -> None:
    message = _error(client.get("/api/events", params={"offset": 9223372036854775808}), 400, "E501")
    assert "offset" in message


def test_limits_damaged_database_is_503_with_the_coded_message(tmp_path: Path) -> None:
    db = _store(tmp_path / "big.duckdb", n=300_000, days=1500)
    with open(db, "r+b") as fh:  # the file still opens; the watch queries meet the damaged blocks
        fh.seek(1_000_000)
        fh.write(os.urandom(2_000_000))
    with TestClient(create_app(db, read_only=True), raise_server_exceptions=False) as client:
        answers = [client.get(url) for url in ("/api/series", "/api/ladder", "/api/pairs", "/api/events")]
    assert all(r.status_code in (200, 503) for r in answers), [r.text for r in answers]
    damaged = [r for r in answers if r.status_code == 503]
    assert damaged and all(json.loads(r.text)["error"]["code"] == "E307" for r in damaged)
    assert all("Restore it from a backup" in r.json()["error"]["message"] for r in damaged)


def test_limits_json_nested_100000_deep_is_400(db: str) -> None:
    body = '{"articles": [{"text": "Kharkiv.", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}]}"
    with TestClient(create_app(db, token=TOKEN)) as client:
        message = _error(client.post("/api/articles", content=body.encode(), headers=AUTH), 400, "E501")
    assert "nested thousands deep" in message
