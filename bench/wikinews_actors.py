"""Events per article and how many name their actors, over the 294 real Wikinews articles (issue 9).

Usage: python bench/wikinews_actors.py [--shared PATH] [--limit N]

Prints: articles, events, events per article, and the share of events with both
actors, with a source, with a target, and with neither.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tocsin.coder import make_pipeline
from tocsin.models import Article

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    corpus = args.shared / "corpora" / "en" / "wikinews_en_2019_2020.jsonl"
    if not corpus.is_file():
        print(f"{corpus} not found", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    if args.limit:
        rows = rows[: args.limit]
    articles = [Article(text=r["text"], id=r["id"], lang="en", published=r.get("published"), title=r.get("title")) for r in rows]
    counts = {"events": 0, "both": 0, "source": 0, "target": 0, "neither": 0}
    for article in make_pipeline(lang="en").pipe(articles):
        for event in article.events:
            counts["events"] += 1
            counts["both"] += bool(event.source_code and event.target_code)
            counts["source"] += bool(event.source_code)
            counts["target"] += bool(event.target_code)
            counts["neither"] += not (event.source_code or event.target_code)
    n = counts["events"] or 1
    print(f"articles {len(articles)}  events {counts['events']}  per article {counts['events'] / len(articles):.2f}")
    for key in ("both", "source", "target", "neither"):
        print(f"  {key:8s} {counts[key]:5d}  {counts[key] / n:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
