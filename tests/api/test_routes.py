"""The API over a store of really coded articles (the bundled samples): every endpoint, through
FastAPI's test client and through a real uvicorn server and `tocsin serve` on a loopback port."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from starlette.exceptions import StarletteDeprecationWarning

from tocsin.api import create_app
from tocsin.api.routes.watch import PAIR_KEYS
from tocsin.run import code_sources
from tocsin.store import DuckDBStore, open_store
from tocsin.watch import RUNGS, principal, series

with warnings.catch_warnings():  # starlette asks for httpx2 instead of httpx; its test client works with either
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "t0ken-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SERIES_KEYS = {"period", "events", "quad1", "quad2", "quad3", "quad4", "roots", "goldstein_sum", "goldstein_mean", "total", "share", "conflict",
               "cooperation", "balance", "sources", "escalation", "rung", "nuclear"}  # fmt: skip
LADDER_KEYS = {"pair", "source", "target", "rung", "rung_name", "score", "nuclear", "events", "first_date", "last_date", "evidence"}
NEW_ARTICLE = {
    "id": "api-test-1",
    "title": "Kharkiv",
    "outlet": "Test Wire",
    "url": "https://example.org/kharkiv",
    "published": "2025-05-02",
    "lang": "fr",
    "text": "Les forces russes ont bombardé la ville de Kharkiv jeudi, a déclaré l'armée ukrainienne.\n\n"
    "Le gouvernement français a condamné l'attaque russe contre l'Ukraine.",
}


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory, samples: Path) -> Path:
    """A store holding the samples, coded by the real pipeline (read by the tests, never written)."""
    path = tmp_path_factory.mktemp("api") / "samples.duckdb"
    with DuckDBStore(path) as store:
        # the seed article is plain text with no date: dated as a user would, with `tocsin code --published`; the
        # Iran sample stays undated (issue 11)
        seed = samples / "seed_fr_kharkiv.txt"
        report = code_sources(sorted(str(p) for p in samples.iterdir() if p != seed), store)
        dated = code_sources([seed], store, published="2025-04-10")
    assert report.events_added > 20 and dated.events_added > 0 and not report.failures
    return path


@pytest.fixture(scope="module")
def rows(coded: Path) -> list[dict[str, Any]]:
    """What Store.events() says is stored: the reference the API is checked against."""
    with open_store(coded, read_only=True) as store:
        return store.events()


@pytest.fixture(scope="module")
def client(coded: Path) -> Iterator[TestClient]:
    with TestClient(create_app(coded, read_only=True)) as client:
        yield client


@pytest.fixture
def writable(coded: Path, tmp_path: Path) -> Path:
    """A copy of the coded store that a test may write to."""
    return Path(shutil.copy(coded, tmp_path / "copy.duckdb"))


def _all(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/events", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _newest_first(item: dict[str, Any]) -> tuple[int, int]:
    """Sort key of the documented order, on dates only: dated newest first, undated last."""
    day = item["event_date"]
    return (1, 0) if day is None else (0, -date.fromisoformat(day).toordinal())


# -- GET /api/events ----------------------------------------------------------------------------------------------


def test_routes_events_are_the_stored_rows_newest_first(client: TestClient, rows: list[dict[str, Any]]) -> None:
    body = _all(client)
    assert body["total"] == len(rows) == len(body["items"])
    stored = {row["mention_id"]: row for row in rows}
    for item in body["items"]:
        # same keys, same values as Store.events() / tocsin events, then the article's date and the ingest date
        assert list(item)[-2:] == ["published", "ingest_date"]
        assert item["ingest_date"] == date.today().isoformat()
        dates = {key: item.pop(key) for key in ("published", "ingest_date")}
        assert item == stored[item["mention_id"]]
        assert list(item) == list(stored[item["mention_id"]])
        if item["event_date"] is None:
            assert dates["published"] is None  # undated: no event date and no publication date
    keys = [_newest_first(item) for item in body["items"]]
    assert keys == sorted(keys)
    assert body["items"][0]["event_date"] == max(r["event_date"] for r in rows if r["event_date"])
    assert body["items"][-1]["event_date"] is None


def test_routes_events_pages_cover_everything_once(client: TestClient, rows: list[dict[str, Any]]) -> None:
    whole = [item["mention_id"] for item in _all(client)["items"]]
    pages: list[str] = []
    for offset in range(0, len(rows) + 7, 7):
        body = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert (body["total"], body["limit"], body["offset"]) == (len(rows), 7, offset)
        pages += [item["mention_id"] for item in body["items"]]
    assert pages == whole


def _dated(since: str | None, until: str | None) -> Callable[[dict[str, Any]], bool]:
    def keep(row: dict[str, Any]) -> bool:
        day = row["event_date"]
        return day is not None and (since is None or day >= since) and (until is None or day <= until)

    return keep


def _either(a: str, b: str) -> Callable[[dict[str, Any]], bool]:
    return lambda r: (principal(r["source_code"]), principal(r["target_code"])) in ((a, b), (b, a))


FILTERS: list[tuple[dict[str, Any], Callable[[dict[str, Any]], bool]]] = [
    ({"actor": "RUS"}, lambda r: any((r[k] or "").startswith("RUS") for k in ("source_code", "target_code"))),
    ({"actor": "rusgov"}, lambda r: "RUSGOV" in (r["source_code"], r["target_code"])),
    ({"source": "RUSMIL"}, lambda r: (r["source_code"] or "").startswith("RUSMIL")),
    ({"target": "UKR"}, lambda r: (r["target_code"] or "").startswith("UKR")),
    ({"pair": "RUS>IGOWSTNAT"}, lambda r: (principal(r["source_code"]), principal(r["target_code"])) == ("RUS", "IGOWSTNAT")),
    ({"pair": "IGOEUREEC>RUS"}, lambda r: (principal(r["source_code"]), principal(r["target_code"])) == ("IGOEUREEC", "RUS")),
    ({"pair": "RUS-IGOWSTNAT"}, _either("RUS", "IGOWSTNAT")),
    ({"pair": "RUSMIL>UKR"}, lambda r: (r["source_code"] or "").startswith("RUSMIL") and principal(r["target_code"]) == "UKR"),
    ({"code": "1"}, lambda r: r["cameo"].startswith("1")),
    ({"code": "130"}, lambda r: r["cameo"].startswith("130")),
    ({"root": "11"}, lambda r: r["root"] == "11"),
    ({"quad": 3}, lambda r: r["quad"] == 3),
    ({"country": "srb"}, lambda r: r["country"] == "SRB"),
    ({"lang": "FR"}, lambda r: r["lang"] == "fr"),
    ({"lang": "en"}, lambda r: r["lang"] == "en"),
    ({"q": "KHARKIV"}, lambda r: "kharkiv" in r["sentence"].lower()),
    ({"q": "russe ukrainienne"}, lambda r: "russe" in r["sentence"].lower() and "ukrainienne" in r["sentence"].lower()),
    ({"nuclear": "true"}, lambda r: r["nuclear"] is True),
    ({"nuclear": "false"}, lambda r: r["nuclear"] is False),
    ({"since": "2025-04-12"}, _dated("2025-04-12", None)),
    ({"until": "2025-04-12"}, _dated(None, "2025-04-12")),
    ({"since": "2025-04-12", "until": "2025-04-13"}, _dated("2025-04-12", "2025-04-13")),
    (
        {"actor": "RUS", "quad": 4, "nuclear": "true"},
        lambda r: (r["source_code"] or "").startswith("RUS") and r["quad"] == 4 and r["nuclear"],
    ),
]


@pytest.mark.parametrize("params,keep", FILTERS, ids=[str(p) for p, _ in FILTERS])
def test_routes_events_filters(
    client: TestClient, rows: list[dict[str, Any]], params: dict[str, Any], keep: Callable[[dict[str, Any]], bool]
) -> None:
    expected = {row["mention_id"] for row in rows if keep(row)}
    body = _all(client, **params)
    assert {item["mention_id"] for item in body["items"]} == expected
    assert body["total"] == len(expected)
    if not {"lang", "nuclear"} & set(params) or params.get("nuclear") == "true":
        assert expected, f"the samples should have events for {params}; the test would prove nothing"


# -- GET /api/events/{id} -----------------------------------------------------------------------------------------


def test_routes_event_detail_by_merged_or_mention_id(client: TestClient, rows: list[dict[str, Any]]) -> None:
    merged = [row for row in rows if row["num_mentions"] > 1]
    assert merged, "the samples tell some events twice"
    report = next(row for row in merged if row["mention_id"] != row["event_id"])
    by_mention = client.get(f"/api/events/{report['mention_id']}").json()
    by_event = client.get(f"/api/events/{report['event_id']}").json()
    assert by_mention == by_event
    assert by_event["event"]["event_id"] == report["event_id"]
    assert by_event["event"]["num_mentions"] == report["num_mentions"] == len(by_event["mentions"])
    assert report["mention_id"] in {m["mention_id"] for m in by_event["mentions"]}
    assert all(m["event_id"] == report["event_id"] for m in by_event["mentions"])
    assert {"outlet", "url", "title", "sentence", "trigger_start"} <= set(by_event["mentions"][0])


# -- GET /api/map ------------------------------------------------------------------------------------------------


def test_routes_map_points(client: TestClient, rows: list[dict[str, Any]]) -> None:
    points = client.get("/api/map").json()["points"]
    placed = [row for row in rows if row["lat"] is not None]
    assert sum(p["events"] for p in points) == len(placed)
    by_place: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for row in placed:
        by_place.setdefault((row["lat"], row["lon"]), []).append(row)
    assert len(points) == len(by_place)
    for point in points:
        here = by_place[(point["lat"], point["lon"])]
        assert point["events"] == len(here)
        assert point["quad"] == max(row["quad"] for row in here)
        assert point["country"] in {row["country"] for row in here}
        assert sorted(point["event_ids"]) == sorted({row["event_id"] for row in here})
    assert [p["events"] for p in points] == sorted((p["events"] for p in points), reverse=True)
    filtered = client.get("/api/map", params={"country": "SRB"}).json()["points"]
    assert filtered and {p["country"] for p in filtered} == {"SRB"}


# -- GET /api/series, /api/ladder, /api/pairs, /api/alerts --------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"pair": "RUS-IGOWSTNAT"},
        {"pair": "RUS>IGOWSTNAT", "freq": "day"},
        {"country": "RUS"},
        {},
        {"country": "rus", "since": "2025-04-01", "until": "2025-04-30"},
    ],
)
def test_routes_series_is_watch_series_as_json(client: TestClient, coded: Path, params: dict[str, str]) -> None:
    body = client.get("/api/series", params=params).json()
    assert body["freq"] == params.get("freq", "week")
    assert body["pair"] == params.get("pair") and body["country"] == (params["country"].upper() if "country" in params else None)
    with open_store(coded, read_only=True) as store:
        frame = series(store, **{k: v for k, v in params.items()})
    assert len(body["points"]) == len(frame) > 0
    for point, expected in zip(body["points"], frame.to_dict("records")):
        assert set(point) == SERIES_KEYS
        assert point["period"] == expected["period"].isoformat()
        assert point["events"] == expected["events"] and point["rung"] == expected["rung"]
        assert point["roots"] == expected["roots"] and point["nuclear"] == bool(expected["nuclear"])
        assert (
            point["goldstein_mean"] is None
            if point["events"] == 0
            else point["goldstein_mean"] == pytest.approx(expected["goldstein_mean"])
        )


def test_routes_ladder_and_pairs(client: TestClient) -> None:
    ladder = client.get("/api/ladder").json()
    assert ladder["rungs"] == [{"rung": i, "name": name} for i, name in enumerate(RUNGS)]
    assert ladder["items"] and all(LADDER_KEYS <= set(item) for item in ladder["items"])
    assert all(item["rung_name"] == RUNGS[item["rung"]] for item in ladder["items"])
    one = client.get("/api/ladder", params={"pair": "IGOWSTNAT-RUS"}).json()["items"]
    assert one and {item["pair"] for item in one} <= {"RUS>IGOWSTNAT", "IGOWSTNAT>RUS"}
    pairs = client.get("/api/pairs").json()["items"]
    assert pairs and all(set(item) == set(PAIR_KEYS) for item in pairs)
    assert [p["events"] for p in pairs] == sorted((p["events"] for p in pairs), reverse=True)
    assert {p["pair"] for p in pairs} == {item["pair"] for item in ladder["items"]}
    assert len(client.get("/api/pairs", params={"limit": 2}).json()["items"]) == 2


def test_routes_alerts_listed_newest_first(writable: Path) -> None:
    with DuckDBStore(writable) as store:
        store.connection().execute(
            "INSERT INTO alerts (id, rule, kind, pair, source, target, freq, period, score, message, evidence, created_at, posted_at)"
            " VALUES ('a1', 'rung-up', 'rung', 'RUS>IGOWSTNAT', 'RUS', 'IGOWSTNAT', 'week', DATE '2025-04-07', 5, 'RUS>IGOWSTNAT reached nuclear signalling',"
            " ['e1', 'e2'], TIMESTAMP '2025-04-13 10:00:00', NULL),"
            " ('a2', 'spike', 'spike', 'RUS>UKR', 'RUS', 'UKR', 'day', DATE '2025-04-12', 2.5, 'spike', ['e3'], TIMESTAMP '2025-04-13 10:00:00', NULL)"
        )
    with TestClient(create_app(writable, read_only=True)) as client:
        assert client.get("/api/health").json()["alerts"] == 2
        items = client.get("/api/alerts").json()["items"]
        assert [a["id"] for a in items] == ["a2", "a1"]
        first = items[1]
        assert {"id", "pair", "source", "target", "rule", "week", "date", "score", "message", "evidence", "created_at"} <= set(first)
        assert (first["week"], first["date"], first["evidence"], first["created_at"]) == (
            "2025-04-07",
            None,
            ["e1", "e2"],
            "2025-04-13T10:00:00",
        )
        assert items[0]["date"] == "2025-04-12" and items[0]["week"] is None
        assert [a["id"] for a in client.get("/api/alerts", params={"pair": "IGOWSTNAT-RUS"}).json()["items"]] == ["a1"]
        assert client.get("/api/alerts", params={"pair": "IGOWSTNAT>RUS"}).json()["items"] == []
        assert [a["id"] for a in client.get("/api/alerts", params={"rule": "spike"}).json()["items"]] == ["a2"]
        # since/until keep the alerts whose period overlaps the days: the week of 2025-04-07 runs to the 13th
        assert [a["id"] for a in client.get("/api/alerts", params={"since": "2025-04-08"}).json()["items"]] == ["a2", "a1"]
        assert [a["id"] for a in client.get("/api/alerts", params={"since": "2025-04-13"}).json()["items"]] == ["a1"]
        assert [a["id"] for a in client.get("/api/alerts", params={"until": "2025-04-11"}).json()["items"]] == ["a1"]
        assert client.get("/api/alerts", params={"until": "2025-04-06"}).json()["items"] == []
        assert client.get("/api/alerts", params={"since": "2025-04-14"}).json()["items"] == []
        assert len(client.get("/api/alerts", params={"limit": 1}).json()["items"]) == 1


# -- POST /api/articles -------------------------------------------------------------------------------------------


def test_routes_post_codes_stores_and_is_idempotent(writable: Path) -> None:
    with TestClient(create_app(writable, token=TOKEN)) as client:
        before = client.get("/api/health").json()
        series_before = client.get("/api/series", params={"pair": "RUS>UKR"}).json()["points"]
        known = client.get("/api/events", params={"limit": 1}).json()["items"][0]["article_id"]
        first = client.post("/api/articles", json={"articles": [NEW_ARTICLE, {"id": known, "text": "Déjà codé."}]}, headers=AUTH)
        assert first.status_code == 200, first.text
        body = first.json()
        assert (body["articles_added"], body["articles_skipped"], body["failures"]) == (1, 1, [])
        new_events = [e for e in body["events"] if e["article_id"] == "api-test-1"]
        assert body["events_added"] == len(new_events) > 0
        assert any(e["source_code"] == "RUSMIL" and e["root"] in ("18", "19") for e in new_events)
        assert {e["outlet"] for e in new_events} == {"Test Wire"} and {e["event_date"] for e in new_events} <= {"2025-05-01", "2025-05-02"}
        assert any(e["article_id"] == known for e in body["events"]), "a known article's stored events come back too"
        after = client.get("/api/health").json()
        assert (after["articles"], after["events"]) == (before["articles"] + 1, before["events"] + body["events_added"])
        listed = client.get("/api/events", params={"q": "bombardé", "since": "2025-05-01"}).json()
        assert {e["mention_id"] for e in listed["items"]} >= {e["mention_id"] for e in new_events if "bombardé" in e["sentence"]}
        series_after = client.get("/api/series", params={"pair": "RUS>UKR"}).json()["points"]  # not an answer cached before the write
        assert sum(p["events"] for p in series_after) > sum(p["events"] for p in series_before)
        again = client.post("/api/articles", json={"articles": [NEW_ARTICLE]}, headers=AUTH).json()
        assert (again["articles_added"], again["articles_skipped"], again["events_added"]) == (0, 1, 0)
        assert sorted(e["mention_id"] for e in again["events"]) == sorted(e["mention_id"] for e in new_events)
        assert client.get("/api/health").json() == after


def test_routes_post_runs_the_alert_rules(writable: Path) -> None:
    """A posted article that opens hostilities between a new pair raises its alerts at once, stored and listed."""
    article = {"id": "api-alert-1", "published": "2025-06-03", "lang": "fr", "outlet": "Test Wire",
               "text": "L'armée vénézuélienne a bombardé mardi des positions militaires du Guyana près de la frontière."}  # fmt: skip
    with TestClient(create_app(writable, token=TOKEN)) as client:
        body = client.post("/api/articles", json={"articles": [article]}, headers=AUTH).json()
        new_pair = [a for a in body["alerts"] if a["pair"] == "VEN>GUY"]
        # one alert for the pair and week: the new rung wins, the first hostile contact is its reason (issue 11)
        assert [a["rule"] for a in new_pair] == ["new-rung"]
        assert [r.split(":")[0] for r in new_pair[0]["reasons"]] == ["first-hostile-contact"]
        event_ids = {e["event_id"] for e in body["events"]}
        assert all(set(a["evidence"]) <= event_ids for a in body["alerts"] if a["pair"] == "VEN>GUY")
        listed = client.get("/api/alerts", params={"pair": "VEN>GUY"}).json()["items"]
        assert {a["id"] for a in listed} == {a["id"] for a in body["alerts"] if a["pair"] == "VEN>GUY"}
        again = client.post("/api/articles", json={"articles": [article]}, headers=AUTH).json()
        assert again["alerts"] == []


def test_routes_post_reports_articles_it_cannot_code(writable: Path) -> None:
    article = {
        "text": "Der Bundeskanzler hat am Montag in Berlin mit dem französischen Präsidenten über die Lage in der Ukraine gesprochen."
    }
    with TestClient(create_app(writable, token=TOKEN)) as client:
        body = client.post("/api/articles", json={"articles": [article]}, headers=AUTH).json()
    assert (body["articles_added"], body["events_added"], body["events"]) == (0, 0, [])
    assert len(body["failures"]) == 1 and body["failures"][0]["article"] == "api:1" and "[E101]" in body["failures"][0]["message"]


# -- real servers on a loopback port ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_routes_over_a_real_uvicorn_server(writable: Path) -> None:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(writable, token=TOKEN), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
            time.sleep(0.05)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            health = http.get("/api/health").json()
            assert health["status"] == "ok" and health["events"] > 20
            page = http.get("/api/events", params={"pair": "RUS-IGOEUREEC", "limit": 2})
            assert page.headers["content-type"] == "application/json" and page.json()["total"] >= 2
            assert http.get("/api/events", params={"quad": 9}).status_code == 400
            assert http.post("/api/articles", json={"articles": [NEW_ARTICLE]}).status_code == 401
            posted = http.post("/api/articles", json={"articles": [NEW_ARTICLE]}, headers=AUTH)
            assert posted.status_code == 200 and posted.json()["articles_added"] == 1
            assert http.get("/api/health").json()["articles"] == health["articles"] + 1
            assert http.get("/openapi.json").json()["info"]["title"] == "tocsin"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
    assert not thread.is_alive()


def test_routes_tocsin_serve_binds_loopback(coded: Path, tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "TOCSIN_API_TOKEN": TOKEN}
    cmd = [sys.executable, "-m", "tocsin", "serve", "--db", str(coded), "--port", str(port), "--read-only", "--log-level", "warning"]
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, log.read_text(errors="replace")
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "tocsin serve did not answer"
                time.sleep(0.2)
        assert health.json()["db"] == str(coded)
        # read-only wins over the token from the environment
        refused = httpx.post(f"http://127.0.0.1:{port}/api/articles", json={"articles": [NEW_ARTICLE]}, headers=AUTH)
        assert refused.status_code == 403
        listening = _listening(port)
        assert listening and all(address == "127.0.0.1" for address in listening)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _listening(port: int) -> list[str]:
    """Addresses listening on ``port``, from /proc/net/tcp{,6} (Linux)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            pytest.skip("no /proc/net/tcp to check the bound address")
        with open(table, encoding="ascii") as fh:
            for line in fh.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, hex_port = local.split(":")
                if state == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
                    found.append(".".join(str(int(address[i : i + 2], 16)) for i in (6, 4, 2, 0)) if len(address) == 8 else address)
    return found


def test_routes_watch_source_parameter(coded: Path) -> None:
    with TestClient(create_app(coded, read_only=True)) as client:
        assert client.get("/api/series", params={"dataset": "gdelt"}).json()["points"] == []  # nothing imported here
        assert client.get("/api/pairs", params={"dataset": "gdelt"}).json()["items"] == []
        bad = client.get("/api/ladder", params={"dataset": "acled"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "E501"


# -- exports (issue 11) -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"pair": "RUS>UKR"}, {"since": "2025-02-01", "until": "2025-02-28"}, {"q": "zzzz-nothing"}])
def test_routes_exports_follow_the_filters(client: TestClient, params: dict[str, str]) -> None:
    import csv
    import io

    from tocsin.api.queries import EXPORT_COLUMNS

    listed = _all(client, **params)["items"]
    answer = client.get("/api/events.csv", params=params)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert [r["mention_id"] for r in rows] == [e["mention_id"] for e in listed]
    assert list(csv.DictReader(io.StringIO(answer.text)).fieldnames or []) == list(EXPORT_COLUMNS)
    for row, event in zip(rows, listed):
        assert row["event_date"] == (event["event_date"] or "") and row["sentence"] == event["sentence"]
    geo = client.get("/api/events.geojson", params=params)
    assert geo.status_code == 200 and geo.headers["content-type"].startswith("application/geo+json")
    body = geo.json()
    located = [e for e in listed if e["lat"] is not None and e["lon"] is not None]
    assert body["type"] == "FeatureCollection" and body["unlocated"] == len(listed) - len(located)
    assert [f["properties"]["mention_id"] for f in body["features"]] == [e["mention_id"] for e in located]
    for feature, event in zip(body["features"], located):
        assert feature["geometry"] == {"type": "Point", "coordinates": [event["lon"], event["lat"]]}


def test_routes_exports_refuse_bad_filters(client: TestClient) -> None:
    for path in ("/api/events.csv", "/api/events.geojson"):
        answer = client.get(path, params={"since": "yesterday"})
        assert answer.status_code == 400 and "E501" in answer.text


def test_routes_undated_counted_apart(client: TestClient, coded: Path) -> None:
    """Issue 11: the Iran sample has no date; its events are in no period and the answers say how many."""
    from tocsin.watch import ladder

    with open_store(coded, read_only=True) as store:
        expected_series = series(store).attrs["undated"]
        expected_ladder = ladder(store).attrs["undated"]
    assert expected_series > 0
    assert client.get("/api/series").json()["undated"] == expected_series
    assert client.get("/api/ladder").json()["undated"] == expected_ladder
    assert client.get("/api/pairs").json()["undated"] == expected_ladder
    today = date.today().isoformat()
    assert all(p["period"] < today for p in client.get("/api/series").json()["points"])  # never "this week"
    ladder_items = client.get("/api/ladder").json()["items"]
    assert ladder_items and all(item["last_date"] < today and isinstance(item["dormant"], bool) for item in ladder_items)
