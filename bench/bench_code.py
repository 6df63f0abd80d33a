"""Throughput and peak memory of `tocsin code` against spaCy's full pipeline, same texts, same run.

Each side runs in its own fresh process (so peak RSS is its own), on the same
texts, after loading its model (load time is reported apart). tocsin runs the
whole coding pipeline (language, parse, actors, events) without storing;
the baseline is ``spacy.load("fr_core_news_md")`` with every component,
``nlp.pipe`` over the same paragraphs.

Usage: python bench/bench_code.py [--corpus PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "fr" / "synthetic_stories_fr.jsonl"

WORKER = r"""
import json, resource, sys, time
side, corpus, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
records = [json.loads(l) for l in open(corpus, encoding="utf-8") if l.strip()]
texts = [r["text"] for r in records]
words = sum(len(t.split()) for t in texts)
t0 = time.perf_counter()
if side == "spacy":
    import spacy
    from tocsin.stages.nlp import split_paragraphs
    nlp = spacy.load("fr_core_news_md")
    paras = [p for t in texts for _, p in split_paragraphs(t)]
    list(nlp.pipe(paras[:8]))
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    for _ in range(repeat):
        for doc in nlp.pipe(paras, batch_size=64):
            pass
    run = time.perf_counter() - t1
    events = 0
else:
    from tocsin.coder import make_pipeline
    from tocsin.models import Article
    pipeline = make_pipeline(lang="fr")
    list(pipeline.pipe([Article(text=texts[0], id="warm")]))
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    events = 0
    for _ in range(repeat):
        arts = [Article(text=r["text"], id=r["id"], lang=None) for r in records]
        for a in pipeline.pipe(arts):
            events += len(a.events)
            a.docs = []
    run = time.perf_counter() - t1
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"side": side, "articles": len(texts) * repeat, "words": words * repeat, "seconds": run, "load_seconds": load, "peak_mb": peak, "events": events}))
"""


def run(side: str, corpus: Path, repeat: int) -> dict[str, float]:
    proc = subprocess.run([sys.executable, "-c", WORKER, side, str(corpus), str(repeat)], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"corpus {args.corpus} not found (../shared/corpora is needed for the benchmark)", file=sys.stderr)
        return 2
    base = run("spacy", args.corpus, args.repeat)
    ours = run("tocsin", args.corpus, args.repeat)
    print(f"corpus: {args.corpus.name}  ({base['articles']} articles, {base['words']} words)")
    print(f"{'':28}{'articles/s':>12}{'words/s':>12}{'peak MB':>10}{'load s':>9}")
    for name, r in (("spaCy fr_core_news_md (full)", base), ("tocsin code (no store)", ours)):
        print(f"{name:28}{r['articles'] / r['seconds']:12.1f}{r['words'] / r['seconds']:12.0f}{r['peak_mb']:10.0f}{r['load_seconds']:9.1f}")
    ratio = base["seconds"] / ours["seconds"]
    print(f"throughput ratio tocsin/spaCy: {ratio:.2f}x   events coded: {ours['events']}")
    ok = ratio >= 1.0 and ours["peak_mb"] <= 1536
    print("targets (ratio >= 1.0, peak <= 1536 MB):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
