"""The dashboard in a real browser: Debian's chromium driven by Playwright against ``tocsin serve``.

The store is filled by the real pipeline from the bundled samples, the server
is the real ``python -m tocsin serve`` in a subprocess, and the page must load
with no console error, draw its chart, map, table and alerts, highlight the
right words of a clicked event, and never fetch anything off 127.0.0.1.

``TOCSIN_SCREENSHOT=1`` also copies the screenshot to ``docs/dashboard.png``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEED_PAIR = "RUS>UKR"  # the seed article: Russian forces advance near Kharkiv, tactical nuclear drills
STARTUP_SECONDS = 90.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    origin: str
    process: subprocess.Popen[bytes]
    log: Path

    def get(self, path: str, **params: Any) -> Any:
        response = httpx.get(f"{self.origin}/api/{path}", params=params, timeout=30)
        response.raise_for_status()
        return response.json()


def _start_server(db: Path, log: Path) -> Server:
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tocsin", "serve", "--db", str(db), "--port", str(port)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:  # wait until the server answers; this is start-up, not an assertion on timing
        if process.poll() is not None:
            pytest.fail(f"tocsin serve exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            if httpx.get(f"{origin}/api/health", timeout=2).status_code == 200:
                return Server(origin, process, log)
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"tocsin serve did not answer within {STARTUP_SECONDS:.0f} s:\n{log.read_text(errors='replace')}")
        time.sleep(0.2)


def _stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="module")
def coded_db(tmp_path_factory: pytest.TempPathFactory, samples: Path) -> Path:
    """A DuckDB store filled by the real pipeline from the samples (the seed article dated, so it has a week), with alerts."""
    from tocsin.run import code_sources
    from tocsin.store import open_store
    from tocsin.watch import run_alerts

    folder = tmp_path_factory.mktemp("web-db")
    seed = {
        "id": "seed-kharkiv",
        "title": "Kharkiv : exercices nucléaires tactiques",
        "text": (samples / "seed_fr_kharkiv.txt").read_text(encoding="utf-8"),
        "outlet": "Le Veilleur",
        "published": "2025-04-10",
        "lang": "fr",
    }
    (folder / "seed.jsonl").write_text(json.dumps(seed, ensure_ascii=False) + "\n", encoding="utf-8")
    db = folder / "tocsin.duckdb"
    store = open_store(db)
    try:
        sources = [
            folder / "seed.jsonl",
            samples / "en_fr_escalation_caucasus.jsonl",
            samples / "fr_depeches.jsonl",
            samples / "fr_manifestation_serbie.html",
            samples / "fr_sanctions_iran.txt",  # plain text, no date: its events are undated (issue 11)
        ]
        report = code_sources(sources, store)
        run_alerts(store)
    finally:
        store.close()
    assert not report.failures, report.failures
    assert report.events_added > 10
    return db


@pytest.fixture(scope="module")
def server(coded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = _start_server(coded_db, tmp_path_factory.mktemp("web-log") / "serve.log")
    yield running
    _stop_server(running)


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("web-empty")
    running = _start_server(folder / "empty.duckdb", folder / "serve.log")
    yield running
    _stop_server(running)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the dashboard test")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed (pip install playwright)")

    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Watched:
    """A page with every console error, page error and request URL recorded."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def _open(browser: Any, origin: str) -> Watched:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    watched = Watched(page)
    page.on("console", lambda message: watched.errors.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: watched.errors.append(f"page error: {error}"))
    context.on("request", lambda request: watched.requests.append(request.url))
    page.goto(f"{origin}/")
    page.wait_for_selector("html[data-loaded=true]")
    return watched


def _marked(page: Any, cls: str) -> str:
    """The text of every ``.<cls>`` mark of the detail sentence, joined in order."""
    return "".join(page.locator(f"[data-testid=detail-sentence] .{cls}").all_text_contents())


def _in_sentence(event: dict[str, Any], role: str) -> str | None:
    start, end = event.get(f"{role}_start"), event.get(f"{role}_end")
    if start is None or end is None:
        return None
    base = event["sentence_start"]
    return str(event["sentence"][start - base : end - base])


def test_dashboard_renders_and_stays_local(browser: Any, server: Server, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    watched = _open(browser, server.origin)
    page = watched.page

    # 1. filters: the pair selector lists the API's pairs and starts on the busiest one
    pairs = server.get("pairs", limit=200)["items"]
    assert pairs, "the samples give at least one actor pair"
    expect(page.get_by_test_id("pair-select")).to_have_value(pairs[0]["pair"])
    assert SEED_PAIR in [p["pair"] for p in pairs]

    # 2. the escalation chart and ladder of the seed pair
    page.get_by_test_id("pair-select").select_option(SEED_PAIR)
    expect(page.locator("#escalation-title")).to_have_text(f"Escalation: {SEED_PAIR}")
    page.wait_for_selector("body[data-ready=true]")
    series = server.get("series", pair=SEED_PAIR, freq="week")["points"]
    assert series, "the seed article is dated, so its pair has a week"
    bars = sum(bool(p["conflict"]) + bool(p["cooperation"]) for p in series)
    expect(page.locator("[data-testid=chart][data-state=ready] svg rect.bar")).to_have_count(bars)
    assert page.locator("[data-testid=chart] svg circle.pt").count() >= 1  # escalation score / Goldstein points
    ladder = server.get("ladder", pair=SEED_PAIR)
    expect(page.locator("[data-testid=ladder] li")).to_have_count(len(ladder["rungs"]))
    row = max(ladder["items"], key=lambda item: item["rung"])
    expect(page.get_by_test_id("rung-current")).to_have_attribute("data-rung", str(row["rung"]))
    nuclear = row["nuclear"] or any(p["nuclear"] for p in series)
    assert nuclear, "the seed article reports tactical nuclear drills"
    expect(page.get_by_test_id("nuclear-badge")).to_be_visible()

    # 3. the map: country outlines and event circles, each showing how precisely it is placed
    assert page.locator("[data-testid=map] svg path.country").count() > 150
    expect(page.locator("[data-testid=map] circle[data-testid=map-point]").first).to_be_visible()
    shown = page.locator("[data-testid=map] circle[data-testid=map-point]")
    precisions = sorted(shown.nth(i).get_attribute("data-precision") or "" for i in range(shown.count()))
    points = [p for p in server.get("map", pair=SEED_PAIR)["points"] if p["lat"] is not None]
    assert precisions == sorted(p["geo_precision"] or "city" for p in points)
    for precision in set(precisions):
        assert shown.first.evaluate(
            "(c, p) => c.ownerSVGElement.querySelectorAll('circle.prec-' + p).length", precision
        ) == precisions.count(precision)
    legend = page.get_by_test_id("map-legend")
    assert {"city": "town", "region": "region", "country": "country only"}[precisions[0]] in legend.inner_text()
    country_level = [i for i in range(shown.count()) if shown.nth(i).get_attribute("data-precision") == "country"]
    for i in country_level:
        assert "located in the country only" in (shown.nth(i).get_attribute("aria-label") or "")

    # 4. events: click a row with a source, a target and a trigger; the detail highlights those words
    events = server.get("events", pair=SEED_PAIR, limit=25)["items"]
    event = next(e for e in events if e["source_start"] is not None and e["target_start"] is not None)
    row_locator = page.locator(f"tr[data-testid=event-row][data-mention-id='{event['mention_id']}']")
    row_locator.click()
    detail = page.get_by_test_id("detail")
    expect(detail.get_by_test_id("detail-sentence")).to_have_text(event["sentence"])
    for role in ("trigger", "source", "target"):
        words = _in_sentence(event, role)
        assert words, f"{role} lies in the sentence"
        assert _marked(page, f"hl-{role}") == words
    expect(detail).to_contain_text(event["outlet"])
    expect(detail).to_contain_text(event["rule"])
    expect(detail).to_contain_text(event["cameo"])
    expect(detail).to_contain_text(event["event_date"])
    expect(detail.locator("[data-testid=detail-reports][data-state=ready] [data-testid=mention]").first).to_be_visible()
    merged = server.get(f"events/{event['event_id']}")["event"]
    expect(detail.get_by_test_id("detail-sources")).to_have_text(str(merged["num_sources"]))

    # the rows work from the keyboard too
    other = next(e for e in events if e["mention_id"] != event["mention_id"])
    other_row = page.locator(f"tr[data-testid=event-row][data-mention-id='{other['mention_id']}']")
    other_row.focus()
    page.keyboard.press("Enter")
    expect(detail.get_by_test_id("detail-sentence")).to_have_text(other["sentence"])
    assert _marked(page, "hl-trigger") == _in_sentence(other, "trigger")

    # 5. alerts follow the pair: the seed pair's alerts (either direction); with every event, all; clicking one selects its pair
    seed_alerts = server.get("alerts", pair=SEED_PAIR.replace(">", "-"), limit=50)["items"]
    assert seed_alerts, "the seed article's strike on Ukraine puts RUS>UKR on a new rung"
    expect(page.locator(f"[data-testid=alerts][data-pair='{SEED_PAIR}'] [data-testid=alert]")).to_have_count(len(seed_alerts))
    page.get_by_test_id("pair-select").select_option("")
    alerts = server.get("alerts", limit=50)["items"]
    assert len(alerts) > len(seed_alerts)
    expect(page.locator("[data-testid=alerts][data-pair=''] [data-testid=alert]")).to_have_count(len(alerts))
    index, alert = next((i, a) for i, a in enumerate(alerts) if a["pair"] != SEED_PAIR)
    page.get_by_test_id("alert").nth(index).click()
    expect(page.get_by_test_id("pair-select")).to_have_value(alert["pair"])
    expect(page.locator("#escalation-title")).to_have_text(f"Escalation: {alert['pair']}")
    page.wait_for_selector("body[data-ready=true]")
    own = server.get("alerts", pair=alert["pair"].replace(">", "-"), limit=50)["items"]
    expect(page.locator(f"[data-testid=alerts][data-pair='{alert['pair']}'] [data-testid=alert]")).to_have_count(len(own))

    assert watched.errors == []
    foreign = [url for url in watched.requests if not url.startswith(f"{server.origin}/")]
    assert foreign == [], "the dashboard must work offline"
    page.context.close()

    # a fresh visit, as the screenshot: the busiest pair, its newest event open
    fresh = _open(browser, server.origin)
    fresh.page.get_by_test_id("event-row").first.click()
    fresh.page.wait_for_selector("[data-testid=detail-reports][data-state=ready]")
    shot = tmp_path / "dashboard.png"
    fresh.page.screenshot(path=str(shot), full_page=True)
    if os.environ.get("TOCSIN_SCREENSHOT"):
        shutil.copyfile(shot, ROOT / "docs" / "dashboard.png")
    assert fresh.errors == []
    assert [url for url in fresh.requests if not url.startswith(f"{server.origin}/")] == []
    fresh.page.context.close()


def test_dashboard_empty_store_shows_empty_states(browser: Any, empty_server: Server) -> None:
    from playwright.sync_api import expect

    watched = _open(browser, empty_server.origin)
    page = watched.page
    expect(page.get_by_test_id("chart-empty")).to_be_visible()
    expect(page.get_by_test_id("events-empty")).to_be_visible()
    expect(page.get_by_test_id("map-empty")).to_be_visible()
    expect(page.get_by_test_id("alerts-empty")).to_be_visible()
    assert page.locator("[data-testid=map] svg path.country").count() > 150
    expect(page.get_by_test_id("nuclear-badge")).to_be_hidden()
    expect(page.get_by_test_id("error")).to_be_hidden()
    assert watched.errors == []
    assert [url for url in watched.requests if not url.startswith(f"{empty_server.origin}/")] == []
    page.context.close()


# -- issue 11: the dashboard follows its filters ---------------------------------------------------------------


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready=true]")


def test_dashboard_detail_clears_when_its_event_leaves_the_table(browser: Any, server: Server) -> None:
    from playwright.sync_api import expect

    watched = _open(browser, server.origin)
    page = watched.page
    first = page.get_by_test_id("event-row").first
    shown = first.get_attribute("data-mention-id")
    first.click()
    detail = page.get_by_test_id("detail")
    opened = next(
        e
        for e in server.get("events", pair=page.get_by_test_id("pair-select").input_value(), limit=25)["items"]
        if e["mention_id"] == shown
    )
    expect(detail.get_by_test_id("detail-sentence")).to_have_text(opened["sentence"])
    # Reset, then a search whose events do not include the open one: the pane must not keep showing it
    every = server.get("events", limit=1000)["items"]
    word = next(
        w
        for e in every
        for w in e["sentence"].split()
        if len(w) > 6 and w.isalpha() and shown not in {x["mention_id"] for x in server.get("events", q=w, limit=1000)["items"]}
    )
    page.get_by_role("button", name="Reset").click()
    _ready(page)
    page.locator("#f-q").fill(word)
    page.locator("#f-q").press("Enter")
    _ready(page)
    expect(page.locator(f"tr[data-testid=event-row][data-mention-id='{shown}']")).to_have_count(0)
    expect(detail.get_by_test_id("detail-empty")).to_be_visible()
    expect(detail.get_by_test_id("detail-sentence")).to_have_count(0)
    expect(detail).not_to_contain_text(opened["sentence"])
    assert watched.errors == []
    page.context.close()


def test_dashboard_undated_count_and_chart_dates(browser: Any, server: Server) -> None:
    from playwright.sync_api import expect

    watched = _open(browser, server.origin)
    page = watched.page
    page.get_by_test_id("pair-select").select_option("")
    _ready(page)
    undated = server.get("series", freq="week")["undated"]
    assert undated > 0, "the Iran sample is plain text with no date"
    note = page.get_by_test_id("undated")
    expect(note).to_have_attribute("data-count", str(undated))
    expect(note).to_be_visible()
    expect(note).to_contain_text(f"{undated} undated event")
    # the chart's date range: the same dates as the filters, and the chart draws only their weeks
    page.get_by_test_id("pair-select").select_option(SEED_PAIR)
    _ready(page)
    ladder = server.get("ladder", pair=SEED_PAIR)["items"]
    row = max(ladder, key=lambda item: item["rung"])
    expect(page.get_by_test_id("rung-asof")).to_have_text(
        f"{'dormant since' if row['dormant'] else 'as of'} {row['last_date']}", ignore_case=True
    )
    page.get_by_test_id("chart-since").fill("2025-04-07")
    page.get_by_test_id("chart-since").dispatch_event("change")
    _ready(page)
    expect(page.locator("#f-since")).to_have_value("2025-04-07")
    series = server.get("series", pair=SEED_PAIR, freq="week", since="2025-04-07")["points"]
    assert series and all(p["period"] >= "2025-04-07" for p in series)
    bars = sum(bool(p["conflict"]) + bool(p["cooperation"]) for p in series)
    expect(page.locator("[data-testid=chart][data-state=ready] svg rect.bar")).to_have_count(bars)
    # alerts follow the dates too: after the seed pair's last alert, none
    page.get_by_test_id("chart-since").fill("2025-06-01")
    page.get_by_test_id("chart-since").dispatch_event("change")
    _ready(page)
    assert server.get("alerts", pair=SEED_PAIR.replace(">", "-"), since="2025-06-01")["items"] == []
    expect(page.get_by_test_id("alerts-empty")).to_be_visible()
    assert watched.errors == []
    page.context.close()


def test_dashboard_exports_the_current_filter(browser: Any, server: Server) -> None:
    import csv

    watched = _open(browser, server.origin)
    page = watched.page
    page.get_by_test_id("pair-select").select_option(SEED_PAIR)
    _ready(page)
    expected = server.get("events", pair=SEED_PAIR, limit=1000)["items"]
    assert expected and len(expected) < len(server.get("events", limit=1000)["items"])
    with page.expect_download() as info:
        page.get_by_test_id("export-csv").click()
    download = info.value
    assert download.suggested_filename == "tocsin-events.csv"
    with open(download.path(), encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["mention_id"] for r in rows] == [e["mention_id"] for e in expected]
    with page.expect_download() as info:
        page.get_by_test_id("export-geojson").click()
    geo = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    located = [e for e in expected if e["lat"] is not None and e["lon"] is not None]
    assert geo["type"] == "FeatureCollection" and geo["unlocated"] == len(expected) - len(located)
    assert [f["properties"]["mention_id"] for f in geo["features"]] == [e["mention_id"] for e in located]
    assert watched.errors == []
    page.context.close()
