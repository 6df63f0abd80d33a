"""The API app without coding anything: parameters, errors, tokens, OpenAPI, the dashboard mount, `tocsin serve` failing."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning
from typer.testing import CliRunner

from tocsin.api import create_app
from tocsin.api.queries import MAX_LIMIT, EventFilter, list_events
from tocsin.cli import app as cli
from tocsin.errors import ConfigError
from tocsin.store import DuckDBStore

with warnings.catch_warnings():  # starlette asks for httpx2 instead of httpx; its test client works with either
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "empty.duckdb")
    DuckDBStore(path).close()
    return path


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, token=TOKEN)) as client:
        yield client


def _error(response: Any, status: int, code: str | None) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    message: str = body["error"]["message"]
    if code is not None:
        assert message.startswith(f"[{code}]")
    return message


def test_app_health_on_an_empty_store(client: TestClient, db: str) -> None:
    response = client.get("/api/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": "0.1.0", "db": db, "events": 0, "articles": 0, "alerts": 0}


def test_app_empty_answers(client: TestClient) -> None:
    assert client.get("/api/events").json() == {"total": 0, "limit": 50, "offset": 0, "items": []}
    assert client.get("/api/map").json() == {"points": []}
    assert client.get("/api/pairs").json() == {"items": [], "undated": 0}
    assert client.get("/api/alerts").json() == {"items": []}
    series = client.get("/api/series", params={"pair": "rus>nato"}).json()
    assert series == {"pair": "RUS>NATO", "country": None, "freq": "week", "points": [], "undated": 0}
    ladder = client.get("/api/ladder").json()
    assert ladder["items"] == [] and [r["rung"] for r in ladder["rungs"]] == list(range(8))


@pytest.mark.parametrize(
    "url,name",
    [
        ("/api/events?since=2024-13-01", "since"),
        ("/api/events?until=05/03/2024", "until"),
        ("/api/events?since=2024-03-05&until=2024-03-01", "until"),
        ("/api/events?quad=0", "quad"),
        ("/api/events?quad=5", "quad"),
        ("/api/events?quad=four", "quad"),
        ("/api/events?limit=1001", "limit"),
        ("/api/events?limit=-1", "limit"),
        ("/api/events?offset=-5", "offset"),
        ("/api/events?pair=RUS", "pair"),
        ("/api/events?pair=RUS>NATO>UKR", "pair"),
        ("/api/events?pair=R>U", "pair"),
        ("/api/events?code=19a", "code"),
        ("/api/events?root=21", "root"),
        ("/api/events?root=1", "root"),
        ("/api/events?country=Ukraine", "country"),
        ("/api/events?lang=french", "lang"),
        ("/api/events?actor=RUS%25", "actor"),
        ("/api/events?q=%20%20", "q"),
        ("/api/events?nuclear=maybe", "nuclear"),
        ("/api/map?quad=9", "quad"),
        ("/api/map?since=yesterday", "since"),
        ("/api/series?freq=month", "freq"),
        ("/api/series?level=city", "level"),
        ("/api/series?pair=RUS>UKR&country=RUS", "country"),
        ("/api/series?country=R", "country"),
        ("/api/series?since=2024-02-30", "since"),
        ("/api/ladder?pair=RUSUKR", "pair"),
        ("/api/ladder?min_confidence=2", "min_confidence"),
        ("/api/series?min_confidence=-0.1", "min_confidence"),
        ("/api/pairs?limit=5000", "limit"),
        ("/api/alerts?since=soon", "since"),
        ("/api/alerts?pair=%3ENATO", "pair"),
    ],
)
def test_app_bad_parameter_is_400_e501(client: TestClient, url: str, name: str) -> None:
    message = _error(client.get(url), 400, "E501")
    assert f"Invalid value for {name}" in message


def test_app_limit_bounds_are_inclusive(client: TestClient) -> None:
    assert client.get(f"/api/events?limit={MAX_LIMIT}").status_code == 200
    assert client.get("/api/events?limit=0&offset=0").json()["limit"] == 0


def test_app_unknown_event_is_404(client: TestClient) -> None:
    message = _error(client.get("/api/events/0123456789abcdef0123"), 404, "E305")
    assert "0123456789abcdef0123" in message


def test_app_unknown_path_is_json_404(client: TestClient) -> None:
    _error(client.get("/api/nothing-here"), 404, None)
    _error(client.delete("/api/events"), 405, None)


def test_app_openapi_kept_cdn_docs_off(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {
        "/api/health",
        "/api/events",
        "/api/events/{event_id}",
        "/api/pairs",
        "/api/series",
        "/api/ladder",
        "/api/alerts",
        "/api/map",
    } <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/articles"]
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_app_serves_the_dashboard_at_root(client: TestClient) -> None:
    from tocsin.web import STATIC_DIR

    if not (Path(STATIC_DIR) / "index.html").is_file():
        pytest.skip("the dashboard has no index.html yet")
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.text == (Path(STATIC_DIR) / "index.html").read_text(encoding="utf-8")


# -- POST /api/articles: who may write, and what a malformed body gets ----------------------------------------

BODY = {"articles": [{"text": "Les forces russes ont bombardé la ville de Kharkiv, a déclaré l'armée ukrainienne."}]}


@pytest.mark.parametrize(
    "headers,detail",
    [
        ({}, "no Authorization header"),
        ({"Authorization": "Bearer wrong"}, "does not match"),
        ({"Authorization": f"Basic {TOKEN}"}, "does not match"),
        ({"Authorization": "Bearer"}, "does not match"),
    ],
)
def test_app_post_without_the_token_is_401(client: TestClient, headers: dict[str, str], detail: str) -> None:
    response = client.post("/api/articles", json=BODY, headers=headers)
    assert detail in _error(response, 401, "E505")
    assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/health").json()["articles"] == 0


@pytest.mark.parametrize("token,read_only,reason", [(None, False, "no API token"), ("", False, "no API token"), (TOKEN, True, "read-only")])
def test_app_post_refused_when_writing_is_off(db: str, token: str | None, read_only: bool, reason: str) -> None:
    with TestClient(create_app(db, token=token, read_only=read_only)) as client:
        assert reason in _error(client.post("/api/articles", json=BODY, headers=AUTH), 403, "E506")
        assert client.get("/api/health").status_code == 200  # reading still works


@pytest.mark.parametrize(
    "body,name",
    [
        ({}, "articles"),
        ({"articles": []}, "articles"),
        ({"articles": "text"}, "articles"),
        ({"articles": [{"title": "no text"}]}, "articles[0].text"),
        ({"articles": [BODY["articles"][0], {"text": "   "}]}, "articles[1].text"),
        ({"articles": [{"text": "x", "published": "yesterday"}]}, "articles[0].published"),
        ({"articles": [{"text": "x", "lang": "français!"}]}, "articles[0].lang"),
        ({"articles": [{"text": 42}]}, "articles[0].text"),
        ({"articles": [{"text": "x"}] * 101}, "articles"),
        ({"articles": [{"text": "x"}], "extra": True}, "extra"),
        ([{"text": "x"}], "request body"),
    ],
)
def test_app_post_malformed_body_is_400(client: TestClient, body: Any, name: str) -> None:
    message = _error(client.post("/api/articles", json=body, headers=AUTH), 400, "E501")
    assert f"Invalid value for {name}:" in message
    assert client.get("/api/health").json()["articles"] == 0


def test_app_post_not_json_is_400(client: TestClient) -> None:
    response = client.post("/api/articles", content=b"text=hello", headers={**AUTH, "Content-Type": "application/json"})
    assert "not JSON" in _error(response, 400, "E501")


# -- the importable layer ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"since": "2024-1-5"},
        {"quad": 0},
        {"pair": "RUS"},
        {"code": "x"},
        {"root": "00"},
        {"country": "ru"},
        {"q": ""},
        {"actor": "rus mil"},
    ],
)
def test_queries_event_filter_refuses_bad_values(fields: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match=r"\[E501\]"):
        EventFilter(**fields)


def test_queries_event_filter_escapes_like_wildcards() -> None:
    sql, params = EventFilter(q="100% a_b").where()
    assert sql.count("ILIKE") == 2
    assert params == ["%100\\%%", "%a\\_b%"]


def test_queries_paging_checked_before_sql() -> None:
    with DuckDBStore(":memory:") as store, pytest.raises(ConfigError, match="limit"):
        list_events(store.connection(), EventFilter(), limit=MAX_LIMIT + 1)


def test_serve_cli_fails_with_one_line_on_a_bad_db(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing" / "x.duckdb"), "--port", "1"])
    assert result.exit_code == 1
    assert "[E301]" in result.output


def test_state_cache_reuses_answers_until_the_events_change() -> None:
    from tocsin.api.state import ResultCache

    cache = ResultCache(size=2)
    calls: list[str] = []

    def compute(name: str) -> Any:
        return lambda: calls.append(name) or f"answer {name} {len(calls)}"

    with DuckDBStore(":memory:") as store:
        conn = store.connection()
        assert cache.get(store, "a", compute("a")) == "answer a 1"
        assert cache.get(store, "a", compute("a")) == "answer a 1"
        assert calls == ["a"]
        conn.execute(
            "INSERT INTO events (event_id, article_id, sentence_index, sentence, cameo, root, quad, goldstein, trigger, trigger_start, trigger_end,"
            " sentence_start, sentence_end, confidence, rule, coder, negated, hypothetical, reported)"
            " VALUES ('e1', 'a1', 0, 's', '010', '01', 1, 0.0, 't', 0, 1, 0, 1, 0.5, 'r', 'c', false, false, false)"
        )
        assert cache.get(store, "a", compute("a")) == "answer a 2"  # new data: computed again
        cache.get(store, "b", compute("b"))
        cache.get(store, "c", compute("c"))
        assert cache.get(store, "a", compute("a")) == "answer a 5"  # size 2: the oldest answer was dropped
        cache.clear()
        assert cache.get(store, "a", compute("a")) == "answer a 6"
    assert calls == ["a", "a", "b", "c", "a", "a"]
