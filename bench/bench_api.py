"""Latency of the REST API over 1,000,000 stored events, through a real HTTP client and a loopback server.

Builds a temporary DuckDB store with the real migrations (``DuckDBStore(path)``), fills it with SQL with
synthetic but realistic reports: ~200 actor pairs with Zipf-like frequencies, three years of dates inserted
roughly in time order (the way a crawler codes news), CAMEO codes drawn from
``tocsin/data/reference/cameo_event_codes.tsv`` with GDELT-like root frequencies, places, outlets, languages,
a nuclear flag, and the matching ``articles`` and ``merged_events`` rows (about 1.4 reports per merged event).
Then it starts ``tocsin serve`` as a subprocess on a free loopback port and times a few hundred requests per
endpoint kind with httpx, one at a time, over a kept-alive connection.

Targets (per endpoint kind): median < 100 ms and p99 < 500 ms. Exits 1 if one is missed.

Usage: python bench/bench_api.py [--events 1000000] [--requests 200] [--db PATH (kept; reused if it exists)]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import httpx

ROOT = Path(__file__).resolve().parents[1]
CAMEO = ROOT / "tocsin" / "data" / "reference" / "cameo_event_codes.tsv"
MEDIAN_MS, P99_MS = 100.0, 500.0

# Principals of the actor pairs (organisations by their CAMEO code, IGOWSTNAT for NATO) and agent suffixes.
PRINCIPALS = (
    "RUS", "UKR", "USA", "CHN", "FRA", "DEU", "GBR", "IRN", "ISR", "PSE", "SYR", "TUR", "IGOWSTNAT", "IRQ", "AFG", "PAK", "IND",
    "PRK", "KOR", "JPN", "SAU", "YEM", "LBN", "EGY", "LBY", "SDN", "ETH", "SOM", "NGA", "MLI", "BFA", "NER", "TCD", "COD",
    "CAF", "MDA", "GEO", "ARM", "AZE", "BLR", "POL", "SRB", "KOS", "VEN", "COL", "MEX", "BRA", "CUB", "TWN", "PHL", "MMR",
)  # fmt: skip
AGENTS = ("", "", "", "GOV", "GOV", "MIL", "MIL", "REB", "OPP", "COP", "MED", "BUS", "CVL", "LEG")
# Share of reports per CAMEO root, roughly GDELT's.
ROOT_WEIGHTS = {
    "01": 18, "02": 6, "03": 7, "04": 16, "05": 7, "06": 3, "07": 2, "08": 2, "09": 2, "10": 3,
    "11": 5, "12": 2, "13": 3, "14": 3, "15": 1, "16": 2, "17": 5, "18": 4, "19": 8, "20": 1,
}  # fmt: skip
OUTLETS = 40
PLACES = 400
DAYS = 3 * 365
FIRST_DAY = "2023-01-02"


def build_store(path: Path, n_events: int) -> None:
    """Create the store at ``path`` (real migrations) and fill it with ``n_events`` synthetic reports."""
    from tocsin.store import DuckDBStore

    DuckDBStore(path).close()  # creates the schema with every migration
    conn = duckdb.connect(str(path))
    rng = random.Random(7)
    pairs = set()
    while len(pairs) < 200:
        a, b = rng.sample(PRINCIPALS[:30], 2) if rng.random() < 0.8 else rng.sample(PRINCIPALS, 2)
        pairs.add((a, b))
    conn.execute("CREATE TEMP TABLE pairs (idx INTEGER, src VARCHAR, tgt VARCHAR)")
    conn.executemany(
        "INSERT INTO pairs VALUES (?, ?, ?)", [(i, a, b) for i, (a, b) in enumerate(sorted(pairs, key=lambda p: rng.random()))]
    )
    conn.execute(
        "CREATE TEMP TABLE agents AS SELECT unnest(?::VARCHAR[]) AS agent, generate_subscripts(?::VARCHAR[], 1) - 1 AS idx",
        [AGENTS, AGENTS],
    )
    conn.execute(
        f"CREATE TEMP TABLE codes AS SELECT cameo_code AS cameo, root_code AS root, quad_class::INTEGER AS quad, goldstein::DOUBLE AS goldstein,"
        f" nullif(plover_event, '') AS plover, nullif(plover_mode, '') AS mode, lower(name) AS name,"
        f" row_number() OVER (PARTITION BY root_code ORDER BY cameo_code) - 1 AS k, count(*) OVER (PARTITION BY root_code) AS n"
        f" FROM read_csv('{CAMEO}', delim='\t', header=true, all_varchar=true) WHERE level::INTEGER >= 2"
    )
    total = sum(ROOT_WEIGHTS.values())
    bounds, low = [], 0.0
    for root, weight in ROOT_WEIGHTS.items():
        bounds.append((root, low, low + weight / total))
        low += weight / total
    conn.execute("CREATE TEMP TABLE roots (root VARCHAR, lo DOUBLE, hi DOUBLE)")
    conn.executemany("INSERT INTO roots VALUES (?, ?, ?)", bounds)
    places = []
    for i in range(PLACES):
        country = rng.choice(PRINCIPALS[:30] if rng.random() < 0.85 else PRINCIPALS)
        country = "BEL" if country == "IGOWSTNAT" else country
        precision = rng.choice(("city", "city", "city", "region", "country"))
        places.append((i, f"Place {i}", country, round(rng.uniform(-40, 65), 5), round(rng.uniform(-100, 140), 5), precision))
    conn.execute("CREATE TEMP TABLE places (idx INTEGER, place VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, geo_precision VARCHAR)")
    conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?)", places)

    # u(i, salt): a uniform number in [0, 1) from a hash, so the data is the same on every run.
    u = "((hash({x}, '{salt}') % 1000000007)::DOUBLE / 1000000007)"
    stories = max(1, int(n_events * 0.7))
    conn.execute(f"""
CREATE TEMP TABLE reports AS
WITH m AS (
    SELECT i, floor(i * 0.7)::BIGINT AS s FROM range({n_events}) t(i)
), st AS (
    SELECT i, s,
        least(floor(pow(200, {u.format(x="s", salt="pair")}))::INTEGER - 1, 199) AS pair_idx,
        {u.format(x="s", salt="root")} AS ur, {u.format(x="s", salt="code")} AS uc,
        greatest(0, least({DAYS - 1}, floor(s * {DAYS}::DOUBLE / {stories}) + floor({u.format(x="s", salt="day")} * 7) - 3))::INTEGER AS day,
        floor({u.format(x="s", salt="place")} * {PLACES})::INTEGER AS place_idx, {u.format(x="s", salt="hasplace")} < 0.85 AS has_place,
        floor({u.format(x="i", salt="sa")} * {len(AGENTS)})::INTEGER AS sa, floor({u.format(x="i", salt="ta")} * {len(AGENTS)})::INTEGER AS ta,
        {u.format(x="i", salt="misc")} AS um, {u.format(x="s", salt="undated")} < 0.02 AS undated,
        min(i) OVER (PARTITION BY s) AS first_i
    FROM m
)
SELECT st.*, p.src, p.tgt, c.cameo, c.root, c.quad, c.goldstein, c.plover, c.mode, c.name,
       pl.place, pl.country, pl.lat, pl.lon, pl.geo_precision,
       p.src || sa.agent AS source_code, p.tgt || ta.agent AS target_code
FROM st
JOIN pairs p ON p.idx = st.pair_idx
JOIN roots r ON st.ur >= r.lo AND st.ur < r.hi
JOIN codes c ON c.root = r.root AND c.k = floor(st.uc * c.n)::INTEGER
JOIN places pl ON pl.idx = st.place_idx
JOIN agents sa ON sa.idx = st.sa
JOIN agents ta ON ta.idx = st.ta
""")
    conn.execute(f"""
INSERT INTO events BY NAME
SELECT substr(md5('ev' || i::VARCHAR), 1, 20) AS event_id, 'bench-' || lpad((i // 4)::VARCHAR, 7, '0') AS article_id,
    (i % 4)::INTEGER AS sentence_index,
    'Officials of ' || source_code || ' ' || name || ' with ' || target_code || CASE WHEN has_place THEN ' near ' || place ELSE '' END
        || ', according to statements reported on ' || (DATE '{FIRST_DAY}' + day)::VARCHAR || '.' AS sentence,
    cameo, root, quad, goldstein, source_code, source_code AS source_text, 13 AS source_start, 13 + length(source_code) AS source_end,
    target_code, target_code AS target_text, 40 AS target_start, 40 + length(target_code) AS target_end,
    CASE WHEN quad <= 2 THEN quad - 1 ELSE quad END AS penta, plover, mode, split_part(name, ' ', 1) AS trigger, 20 AS trigger_start, 30 AS trigger_end,
    (i % 4) * 200 AS sentence_start, (i % 4) * 200 + 150 AS sentence_end, round(0.5 + um * 0.45, 2) AS confidence,
    'bench.' || cameo AS rule, 'tocsin.coder.v1' AS coder, CASE WHEN um < 0.6 THEN 'en' ELSE 'fr' END AS lang,
    false AS negated, um > 0.97 AS hypothetical, um > 0.8 AS reported, left(source_code, 3) AS source_country, left(target_code, 3) AS target_country,
    CASE WHEN undated THEN NULL ELSE DATE '{FIRST_DAY}' + day END AS event_date, CASE WHEN undated THEN NULL ELSE 'day' END AS date_precision,
    CASE WHEN has_place THEN place END AS place, CASE WHEN has_place THEN country END AS country,
    CASE WHEN has_place THEN lat END AS lat, CASE WHEN has_place THEN lon END AS lon, CASE WHEN has_place THEN geo_precision END AS geo_precision,
    substr(md5('ev' || first_i::VARCHAR), 1, 20) AS merged_id,
    (um < 0.01 OR (root IN ('13', '15', '17') AND um < 0.08)) AS nuclear,
    DATE '{FIRST_DAY}' + day + 1 AS seen_date
FROM reports ORDER BY i
""")
    conn.execute(f"""
INSERT INTO articles BY NAME
SELECT article_id AS id, 'Report ' || article_id AS title, 'https://outlet' || (hash(article_id) % {OUTLETS})::VARCHAR || '.example/' || article_id AS url,
    'Outlet ' || (hash(article_id) % {OUTLETS})::VARCHAR AS outlet, min(coalesce(event_date, seen_date - 1))::VARCHAR AS published,
    any_value(lang) AS lang, 0.99 AS lang_score, 'bench' AS origin, string_agg(sentence, ' ') AS text, count(*)::INTEGER AS n_sentences,
    max(seen_date)::TIMESTAMP AS coded_at, 'tocsin.coder.v1' AS coder
FROM events GROUP BY article_id ORDER BY article_id
""")
    conn.execute("""
INSERT INTO merged_events BY NAME
SELECT e.merged_id AS event_id, left(any_value(e.cameo ORDER BY e.event_id = e.merged_id DESC), 3) AS base_code,
    any_value(e.source_country) AS source_country, any_value(e.target_country) AS target_country, min(e.event_date) AS event_date,
    any_value(e.date_precision) AS date_precision, any_value(e.country) AS country, NULL AS geonames_id, any_value(e.lat) AS lat,
    any_value(e.lon) AS lon, any_value(e.geo_precision) AS geo_precision, count(*)::INTEGER AS num_mentions,
    count(DISTINCT a.outlet)::INTEGER AS num_sources, count(DISTINCT e.article_id)::INTEGER AS num_articles,
    least(0.99, max(e.confidence) + 0.05 * (count(*) - 1)) AS confidence
FROM events e JOIN articles a ON a.id = e.article_id GROUP BY e.merged_id
""")
    from tocsin.store.duckdb import refresh_merged_facts

    refresh_merged_facts(conn)  # what the watch layer reads, as DuckDBStore.save keeps it
    conn.execute("CHECKPOINT")
    conn.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "tocsin", "serve", "--db", str(db), "--port", str(port), "--log-level", "warning"]
    server = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "TOCSIN_API_TOKEN": ""})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"tocsin serve exited with {server.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("tocsin serve did not answer within 120 s")


def workloads(client: httpx.Client, rng: random.Random) -> dict[str, Callable[[], tuple[str, str]]]:
    """Endpoint kind -> a function returning the next URL of that kind (random filters, pages and ids) and a sub-label."""
    top = client.get("/api/pairs", params={"limit": 200}).json()["items"]
    pairs = [item["pair"] for item in top]
    countries = sorted({p.split(">")[0] for p in pairs})
    sample = client.get("/api/events", params={"limit": 1000, "offset": 5000}).json()["items"]
    ids = [row["event_id"] for row in sample] + [row["mention_id"] for row in sample]

    def day() -> str:
        return f"{rng.randint(2023, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    def window() -> str:
        year = rng.randint(2023, 2025)
        month = rng.randint(1, 10)
        return f"since={year}-{month:02d}-01&until={year}-{month + 2:02d}-28"

    def pair() -> str:
        # most requests go to the busy pairs, as a dashboard's would
        return pairs[min(int(len(pairs) ** rng.random()) - 1, len(pairs) - 1)]

    def undirected(p: str) -> str:
        return p.replace(">", "-") if rng.random() < 0.5 else p

    event_filters: dict[str, Callable[[], str]] = {
        "no filter": lambda: "",
        "pages": lambda: f"offset={rng.choice([50, 500, 5000, 50000, 500000])}",
        "limit 1000, deep pages": lambda: f"limit=1000&offset={rng.randint(0, 100) * 1000}",
        "pair": lambda: f"pair={undirected(pair())}",
        "pair + dates": lambda: f"pair={pair()}&{window()}",
        "actor + quad": lambda: f"actor={rng.choice(countries)}&quad={rng.randint(1, 4)}",
        "source + root": lambda: f"source={rng.choice(countries)}MIL&root={rng.randint(14, 20):02d}",
        "code + lang": lambda: f"code={rng.choice(['19', '190', '13', '0', '04'])}&lang={rng.choice(['fr', 'en'])}",
        "country + since": lambda: f"country={rng.choice(countries)}&since={day()}",
        "nuclear": lambda: f"nuclear=true&limit={rng.choice([20, 50, 200])}",
        "q (text search)": lambda: f"q={rng.choice(['near Place 12', 'fight', 'threaten', 'Officials of RUSMIL'])}",
    }
    labels = list(event_filters)

    def events() -> tuple[str, str]:
        label = rng.choice(labels)
        return "/api/events?" + event_filters[label](), label

    def plain(make: Callable[[], str]) -> Callable[[], tuple[str, str]]:
        return lambda: (make(), "")

    return {
        "events (filters, pages)": events,
        "event detail": plain(lambda: f"/api/events/{rng.choice(ids)}"),
        "series pair week": plain(lambda: f"/api/series?pair={undirected(pair())}"),
        "series pair day": plain(lambda: f"/api/series?pair={pair()}&freq=day"),
        "series country week": plain(lambda: f"/api/series?country={rng.choice(countries)}"),
        "series overall week": plain(lambda: "/api/series" + rng.choice(["", f"?since={day()}"])),
        "ladder pair": plain(lambda: f"/api/ladder?pair={undirected(pair())}"),
        "pairs": plain(lambda: "/api/pairs" + rng.choice(["", f"?since={day()}", f"?limit={rng.randint(10, 200)}"])),
        "map": plain(lambda: "/api/map" + rng.choice(["", f"?pair={pair()}", f"?quad=4&{window()}", f"?actor={rng.choice(countries)}"])),
    }


def report(name: str, times: list[float], *, judge: bool = True) -> bool:
    """Print one table row; True if the row meets the targets (or is not judged, or empty)."""
    if not times:
        print(f"{name:<30} {0:>5}")
        return True
    median, p99 = statistics.median(times), percentile(times, 0.99)
    ok = median < MEDIAN_MS and p99 < P99_MS
    verdict = ("pass" if ok else "FAIL") if judge else ""
    print(f"{name:<30} {len(times):>5} {median:>10.1f} {p99:>9.1f} {max(times):>9.1f}  {verdict}", flush=True)
    return ok or not judge


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="Reports to store.")
    parser.add_argument("--requests", type=int, default=200, help="Requests per endpoint kind.")
    parser.add_argument("--db", type=Path, default=None, help="Keep the store here (reused if it exists) instead of a temp file.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tocsin-bench-") as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            t0 = time.perf_counter()
            build_store(db, args.events)
            print(f"built {db} with {args.events:,} events in {time.perf_counter() - t0:.1f} s", flush=True)
        port = free_port()
        server = start_server(db, port)
        failed = False
        try:
            rng = random.Random(11)
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
                health = client.get("/api/health").json()
                print(f"serving {health['events']:,} events, {health['articles']:,} articles on 127.0.0.1:{port}", flush=True)
                kinds = workloads(client, rng)
                seen: set[str] = set()  # URLs asked before: the server may answer them from its cache
                for name, make_url in kinds.items():  # warm-up: the first touches load the file's pages
                    for _ in range(3):
                        url = make_url()[0]
                        seen.add(url)
                        client.get(url)
                print(f"\n{'endpoint':<30} {'n':>5} {'median ms':>10} {'p99 ms':>9} {'max ms':>9}  result")
                cold_rows = []
                for name, make_url in kinds.items():
                    times: list[float] = []
                    cold: list[float] = []
                    by_label: dict[str, list[float]] = {}
                    for _ in range(args.requests):
                        url, label = make_url()
                        t0 = time.perf_counter()
                        response = client.get(url)
                        elapsed = (time.perf_counter() - t0) * 1000
                        if response.status_code != 200:
                            raise SystemExit(f"{url}: HTTP {response.status_code} {response.text[:300]}")
                        times.append(elapsed)
                        if url not in seen:
                            cold.append(elapsed)
                            seen.add(url)
                        if label:
                            by_label.setdefault(label, []).append(elapsed)
                    failed |= not report(name, times)
                    for label, values in sorted(by_label.items()):  # breakdown, for information
                        report("  " + label, values, judge=False)
                    cold_rows.append((name, cold))
                print("\nfirst request of each URL only (nothing cached):")
                for name, cold in cold_rows:
                    failed |= not report(name, cold)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"\ntargets: median < {MEDIAN_MS:.0f} ms, p99 < {P99_MS:.0f} ms per endpoint kind" + ("; FAILED" if failed else "; all met"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
