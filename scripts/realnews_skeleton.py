"""Write the sentence skeleton of the English real-news dev set (run by hand, once).

Reads whole Wikinews articles from ../shared/corpora/en/wikinews_en_2019_2020.jsonl
(CC BY 2.5), splits each into paragraphs and sentences with a plain regular
expression (independent of tocsin's own sentence splitter) and writes one gold
record per sentence with ``events: []``, to be annotated by hand following
docs/annotation.md. ``doc``, ``paragraph`` and ``index`` let the evaluator code
each article whole and give each event back to its sentence.

    python scripts/realnews_skeleton.py ID [ID ...] > skeleton.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "en" / "wikinews_en_2019_2020.jsonl"
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Jr|Sr|Prof|No|U\.S|U\.K|U\.N|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|vs|a\.m|p\.m)\.$"
)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def sentences(paragraph: str) -> list[str]:
    """Split at terminal punctuation followed by a capital, except after abbreviations and initials."""
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        head = paragraph[start : match.start()]
        if _ABBREV.search(head) or re.search(r"\b[A-Z]\.$", head):
            continue
        piece = paragraph[start : match.end()].strip()
        if piece:
            out.append(piece)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def main(ids: list[str]) -> None:
    rows = {json.loads(line)["id"]: json.loads(line) for line in CORPUS.open(encoding="utf-8")}
    for doc in ids:
        article = rows[doc]
        index = 0
        for p, paragraph in enumerate(part for part in re.split(r"\n\s*\n", article["text"]) if part.strip()):
            for line in (part for part in paragraph.split("\n") if part.strip()):
                for sentence in sentences(line.strip()):
                    record = {
                        "id": f"{doc}-s{index:03d}", "lang": "en", "doc": doc, "paragraph": p, "index": index,
                        "text": sentence, "date": article.get("published", "")[:10] or None, "events": [],
                        "annotated": ["cameo", "root", "quad", "penta", "plover", "source", "target", "place"],
                        "origin": article["url"], "license": "CC BY 2.5 (Wikinews); annotation CC0",
                    }  # fmt: skip
                    print(json.dumps(record, ensure_ascii=False))
                    index += 1


if __name__ == "__main__":
    main(sys.argv[1:])
