"""Fit the confidence model (tocsin/data/events/confidence.json) on the gold sets, and judge it on held-out sets.

Codes PLOVER GSR (French and English) and the real-news sets (tests/data/realnews), labels each emitted event
right when its PLOVER type (GSR) or its CAMEO root (real news) is among its record's gold ones, and fits an
L2-regularised logistic regression over tocsin.stages.events.confidence.FEATURES on all of them, the real-news
events together weighing as much as the GSR ones (:func:`weighted`). Each real-news set is also judged by a model
fitted without it (held out): those figures, confidence band against precision, precision at each threshold, log
loss and Brier score, are written into the model file under "held_out" and shown in docs/accuracy.md
(`make accuracy`); "in_sample" holds the shipped model's own figures on each real-news set (fitted on it too, so
optimistic).
ConfliBERT's sentence classes are left out: a sentence's class says little of whether one event is right.

Usage: python bench/calibrate.py [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
# code the sets with this checkout's tocsin, not whichever one an editable install points to (another worktree
# would emit other events, with other features, and the model would not fit the code it ships with)
if str(ROOT) in sys.path:
    sys.path.remove(str(ROOT))
sys.path.insert(0, str(ROOT))
GOLD = ROOT.parent / "shared" / "gold"
REALNEWS = ROOT / "tests" / "data" / "realnews"
SETS = {
    "fr/plover_gsr_fr.jsonl": (GOLD / "fr" / "plover_gsr_fr.jsonl", "plover"),
    "en/plover_gsr_en.jsonl": (GOLD / "en" / "plover_gsr_en.jsonl", "plover"),
    "realnews/en_wikinews.jsonl": (REALNEWS / "en_wikinews.jsonl", "root"),
    "realnews/fr_news.jsonl": (REALNEWS / "fr_news.jsonl", "root"),
}
BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def labelled_features(path: Path, label: str) -> list[tuple[dict[str, float], bool]]:
    """Every event the coder emits on a gold set, with its features and whether it is right."""
    from tocsin.cli.eval import code_gold
    from tocsin.coder import make_pipeline
    from tocsin.eval import load_gold

    records = load_gold(path)
    pipeline = make_pipeline()
    stage = pipeline.get_stage("events")
    stage.feature_log = []
    predicted = code_gold(records, pipeline=pipeline)
    logged = {id(event): values for event, values in stage.feature_log}
    out = []
    for record in records:
        if label == "root":
            gold = {(e.cameo or "")[:2] for e in record.events if e.cameo}
        else:
            gold = {getattr(e, label) for e in record.events} - {None}
        for event in predicted.get(record.id, []):
            values = logged.get(id(event))
            if values is not None:
                mine = event.cameo[:2] if label == "root" else getattr(event, label)
                out.append(({k: values[k] for k in _features()}, mine in gold))
    return out


def _features() -> tuple[str, ...]:
    from tocsin.stages.events.confidence import FEATURES

    return FEATURES


def fit(
    rows: list[tuple[dict[str, float], bool]],
    weights: list[float] | None = None,
    l2: float = 1.0,
    steps: int = 4000,
    rate: float = 0.5,
) -> tuple[float, list[float]]:
    """Logistic regression by gradient descent, each row weighing ``weights`` (1 each by default; the intercept is not
    penalised)."""
    names = _features()
    x = np.array([[r[0][n] for n in names] for r in rows], dtype=float)
    y = np.array([float(r[1]) for r in rows])
    sw = np.ones(len(rows)) if weights is None else np.array(weights, dtype=float)
    w = np.zeros(x.shape[1])
    b = 0.0
    n = float(sw.sum())
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = sw * (p - y)
        w -= rate * (x.T @ g / n + l2 * w / n)
        b -= rate * float(g.sum() / n)
    return b, list(w)


def weighted(by_set: dict[str, list[tuple[dict[str, float], bool]]]) -> tuple[list[tuple[dict[str, float], bool]], list[float]]:
    """The rows of some sets, and their weights: the real-news events together weigh as much as the PLOVER GSR events
    together. The model codes news; GSR's single sentences, each chosen for holding an event, are right more often and
    would otherwise outweigh the real-news sets three to one."""
    rows = [r for found in by_set.values() for r in found]
    news = sum(len(f) for name, f in by_set.items() if name.startswith("realnews/"))
    share = (len(rows) - news) / news if news and len(rows) > news else 1.0
    return rows, [share if name.startswith("realnews/") else 1.0 for name, f in by_set.items() for _ in f]


def predict(model: tuple[float, list[float]], rows: list[tuple[dict[str, float], bool]]) -> list[float]:
    b, w = model
    names = _features()
    return [float(1.0 / (1.0 + np.exp(-(b + sum(wi * r[0][n] for wi, n in zip(w, names, strict=True)))))) for r in rows]


def judged(scores: list[float], rows: list[tuple[dict[str, float], bool]]) -> dict[str, object]:
    """Confidence band against precision, precision at each threshold, and the log loss and Brier score (lower is
    better: how far the confidence is from 1 for a right event and from 0 for a wrong one)."""
    pairs = list(zip(scores, (r[1] for r in rows), strict=True))
    clipped = [(min(max(c, 1e-6), 1 - 1e-6), ok) for c, ok in pairs]
    log_loss = -sum(np.log(c) if ok else np.log(1 - c) for c, ok in clipped) / max(1, len(pairs))
    brier = sum((c - ok) ** 2 for c, ok in pairs) / max(1, len(pairs))
    bands = []
    for low, high in zip(BANDS, BANDS[1:]):
        inside = [ok for c, ok in pairs if low <= c < high or (high == BANDS[-1] and c == high)]
        bands.append(
            {"low": low, "high": high, "events": len(inside), "precision": round(sum(inside) / len(inside), 3) if inside else None}
        )
    at = {}
    for t in THRESHOLDS:
        kept = [ok for c, ok in pairs if c >= t]
        at[str(t)] = {
            "events": len(kept),
            "precision": round(sum(kept) / len(kept), 3) if kept else None,
            "right_kept": sum(kept),
            "right_all": sum(ok for _, ok in pairs),
        }
    return {"bands": bands, "at": at, "log_loss": round(float(log_loss), 4), "brier": round(float(brier), 4)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tocsin" / "data" / "events" / "confidence.json")
    args = parser.parse_args()
    if not GOLD.exists():
        print(f"no gold sets at {GOLD}", file=sys.stderr)
        return 1
    # the rules' prior alone while collecting: the features do not depend on the model
    from tocsin.stages.events import confidence

    confidence.MODEL = args.out.with_suffix(".absent")
    by_set = {name: labelled_features(path, label) for name, (path, label) in SETS.items()}
    rows, row_weights = weighted(by_set)
    intercept, weights = fit(rows, row_weights)
    held_out, in_sample = {}, {}
    for name, found in by_set.items():
        if name.startswith("realnews/"):
            others = weighted({other: f for other, f in by_set.items() if other != name})
            held_out[name] = judged(predict(fit(*others), found), found)
            held_out[name]["prior"] = judged([r[0]["prior"] for r in found], found)
            in_sample[name] = judged(predict((intercept, weights), found), found)["at"]
    model = {
        "about": "Confidence model of tocsin's event coder: logistic regression over tocsin.stages.events.confidence.FEATURES, "
        "fitted by `python bench/calibrate.py` on the sets of fitted_on; held_out judges each real-news set with a model fitted without it.",
        "fitted_on": {name: {"events": len(f), "right": sum(r[1] for r in f)} for name, f in by_set.items()},
        "intercept": round(intercept, 4),
        "weights": {n: round(w, 4) for n, w in zip(_features(), weights, strict=True)},
        "held_out": held_out,
        "in_sample": in_sample,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: model[k] for k in ("fitted_on", "intercept", "weights")}, indent=1))
    for name, h in held_out.items():
        scores = f"log loss {h['log_loss']} Brier {h['brier']}"
        print(name, "held out:", " ".join(f">={t}: {v['events']} ev P {v['precision']}" for t, v in h["at"].items()), scores)
        print(" " * len(name), "shipped: ", " ".join(f">={t}: {v['events']} ev P {v['precision']}" for t, v in in_sample[name].items()))
        print(" " * len(name), "prior:   ", " ".join(f">={t}: {v['events']} ev P {v['precision']}" for t, v in h["prior"]["at"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
