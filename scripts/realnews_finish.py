"""Check hand-annotated real-news records and fill what follows from the CAMEO code (run by hand).

    python scripts/realnews_finish.py OUT.jsonl IN.jsonl [IN.jsonl ...]

For every event: `cameo` must be a CAMEO code; `root`, `quad`, `penta` and
`plover` are filled from it (tocsin/data/reference); the words of source,
target, trigger must occur in the sentence. Records keep their order; ids must
be unique. Prints a count of records, sentences with events and events.
"""

from __future__ import annotations

import json
import sys

from tocsin import codebook


def finish(record: dict, where: str) -> dict:
    for n, event in enumerate(record["events"]):
        cameo = event.get("cameo")
        if not cameo or not codebook.is_code(cameo):
            raise SystemExit(f"{where}: events[{n}].cameo {cameo!r} is not a CAMEO code")
        info = codebook.lookup(cameo)
        event["root"], event["quad"], event["penta"], event["plover"] = info.root, info.quad, info.penta, info.plover
        for side in ("source", "target"):
            actor = event.get(side)
            if actor and actor.get("text") and actor["text"] not in record["text"]:
                raise SystemExit(f"{where}: events[{n}].{side}.text {actor['text']!r} is not in the sentence")
        if event.get("trigger") and event["trigger"] not in record["text"]:
            raise SystemExit(f"{where}: events[{n}].trigger {event['trigger']!r} is not in the sentence")
    return record


def main(out: str, inputs: list[str]) -> None:
    seen: set[str] = set()
    rows = []
    for path in inputs:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                record = json.loads(line)
                if record["id"] in seen:
                    raise SystemExit(f"{path}:{number}: duplicate id {record['id']}")
                seen.add(record["id"])
                rows.append(finish(record, f"{path}:{number}"))
    with open(out, "w", encoding="utf-8") as fh:
        for record in rows:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    events = sum(len(r["events"]) for r in rows)
    print(
        f"{out}: {len(rows)} records, {sum(1 for r in rows if r['events'])} with events, {events} events, {len({r['doc'] for r in rows})} docs"
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
