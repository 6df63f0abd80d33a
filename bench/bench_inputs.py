"""Seconds per MB of `tocsin code` on pathological inputs, against plain prose (issue 12).

Each input is generated (no large files in the repository), written to a file, read by ingest as `tocsin code`
reads it, and coded by one pipeline (English forced, nothing stored): plain prose (real Wikinews articles glued
into one article), a two-sentence text repeated, one sentence without punctuation, a deep Markdown list, a
Markdown table, 100 KB of spaces before a setext heading (the old ReDoS), and with --big a 20 MB article of prose.
Goal: every input within 2x the seconds per MB of plain prose.

Usage: python bench/bench_inputs.py [--mb 0.25] [--big]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "tests" / "data" / "realnews" / "en_wikinews.jsonl"
TWO = "Russian troops shelled the town of Izium on Monday. Ukraine's army said it repelled the attack near the border. "
WORDS = TWO.replace(".", "").split()


def _prose(size: int) -> str:
    texts = [json.loads(line)["text"] for line in WIKINEWS.open(encoding="utf-8") if line.strip()]
    out, total = [], 0
    while total < size:
        for text in texts:
            out.append(text)
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(out)


def _repeat(unit: str, size: int, sep: str = "") -> str:
    return sep.join([unit] * (size // (len(unit) + len(sep)) + 1))[:size]


INPUTS: dict[str, tuple[str, Callable[[int], str]]] = {
    "plain prose": (".txt", _prose),
    "repeated 2 sentences": (".txt", lambda n: _repeat(TWO, n)),
    "one long sentence": (".txt", lambda n: " ".join(WORDS[i % len(WORDS)] for i in range(n // 6))[:n]),
    "deep Markdown list": (".md", lambda n: "\n".join("  " * (i % 40) + f"- Russian troops shelled town {i}" for i in range(n // 60))),
    "Markdown table": (
        ".md",
        lambda n: "\n".join(["| a | b |", "|---|---|"] + [f"| Russia attacked {i} | Ukraine |" for i in range(n // 30)]),
    ),
    "100 KB spaces + heading": (".md", lambda n: " " * 100_000 + "Talks\n=====\n\n" + _repeat(TWO, n)),
}


def _time(pipeline: object, path: Path) -> tuple[float, int]:
    from tocsin.coder import code_articles
    from tocsin.stages.ingest import read_articles

    start = time.perf_counter()
    articles = list(read_articles([path]))
    for article in articles:
        article.lang = "en"
    events = sum(len(a.events) for a in code_articles(articles, pipeline=pipeline))  # type: ignore[arg-type]
    return time.perf_counter() - start, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=0.25, help="size of each generated input, in MB")
    parser.add_argument("--big", action="store_true", help="also code one 20 MB article of prose")
    args = parser.parse_args()
    from tocsin.coder import make_pipeline
    from tocsin.models import Article

    pipeline = make_pipeline()
    list(pipeline.pipe([Article(text="Russia attacked Ukraine.", lang="en")]))  # load the model before timing
    size = int(args.mb * 1_000_000)
    inputs = dict(INPUTS)
    if args.big:
        inputs["20 MB article"] = (".txt", lambda n: _prose(20_000_000))
    rows, base = [], None
    with tempfile.TemporaryDirectory() as tmp:
        for name, (suffix, make) in inputs.items():
            path = Path(tmp) / f"input{suffix}"
            path.write_text(make(size), encoding="utf-8")
            mb = path.stat().st_size / 1e6
            seconds, events = _time(pipeline, path)
            per_mb = seconds / mb
            base = base or per_mb
            rows.append((name, mb, seconds, per_mb, per_mb / base, events))
    print(f"{'input':<26}{'MB':>7}{'s':>9}{'s/MB':>9}{'x prose':>9}{'events':>8}")
    for name, mb, seconds, per_mb, ratio, events in rows:
        print(f"{name:<26}{mb:>7.2f}{seconds:>9.1f}{per_mb:>9.1f}{ratio:>9.2f}{events:>8}")


if __name__ == "__main__":
    main()
