"""Throughput of `tocsin backfill` on a local Dask cluster: 1 worker against 2, same corpus, same run.

Each run starts its own LocalCluster (worker processes, one thread each), builds the pipeline on every worker,
then codes the corpus into fresh Parquet partitions. "coding" is the time from the cluster being ready to the
last partition written (it includes each worker loading its spaCy model on its first article); "end to end" adds
starting the cluster and building the pipelines. For scale, the corpus is also coded in this process with
`code_sources` (no store, models loaded first).

Usage: python bench/bench_backfill.py [--corpus FILE] [--chunk-size N] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "en" / "wikinews_en_2019_2020.jsonl"


def _run(corpus: Path, workers: int, chunk_size: int) -> tuple[float, float, int, int]:
    from tocsin.scale import backfill

    with tempfile.TemporaryDirectory(prefix="tocsin-bench-") as out:
        started = time.perf_counter()
        report = backfill([corpus], out, workers=workers, chunk_size=chunk_size)
        total = time.perf_counter() - started
    if report.failures:
        raise SystemExit(f"backfill failed: {report.failures[:3]}")
    return report.seconds, total, report.articles_coded, report.partitions_written


def _baseline(corpus: Path) -> tuple[float, int]:
    from tocsin.coder import make_pipeline
    from tocsin.models import Article
    from tocsin.run import code_sources

    list(make_pipeline().pipe([Article(text="Russian forces shelled Kharkiv on Tuesday.", id="warm")]))  # load the model first
    started = time.perf_counter()
    report = code_sources([corpus], None, collect_events=False)
    return time.perf_counter() - started, report.articles_coded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--chunk-size", type=int, default=16, help="articles per partition (16: 19 chunks of the 294 articles)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    if not args.corpus.is_file():
        raise SystemExit(f"{args.corpus}: no such corpus (it lives in ../shared/corpora)")
    rates: dict[int, float] = {}
    print(f"corpus {args.corpus.name}, chunk size {args.chunk_size}")
    for workers in args.workers:
        coding, total, articles, partitions = _run(args.corpus, workers, args.chunk_size)
        rates[workers] = articles / coding
        print(
            f"{workers} worker(s): {articles} articles, {partitions} partitions; "
            f"coding {coding:.1f} s = {articles / coding:.1f} articles/s; end to end {total:.1f} s = {articles / total:.1f} articles/s"
        )
    if len(rates) >= 2:
        first, last = min(rates), max(rates)
        print(f"speed-up {last} vs {first} worker(s): {rates[last] / rates[first]:.2f}x")
    seconds, articles = _baseline(args.corpus)
    print(f"in-process code_sources (no store, model loaded): {articles} articles in {seconds:.1f} s = {articles / seconds:.1f} articles/s")


if __name__ == "__main__":  # worker processes are spawned: they must not run the benchmark again
    main()
