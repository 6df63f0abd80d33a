"""Score a coder's events against gold records.

Event types are scored per level (``plover``, ``root``, ``quad``, ``penta``)
over (record, type) pairs: within one record a type counts once, however many
events carry it. Only records whose ``annotated`` names a level are scored at
that level, and a value of ``None`` (gold or predicted) takes no part.

Penta-only records (the ConfliBERT set: one PentaClass label per sentence) are
scored as single-label classification: the prediction is the penta class of
the coder's most confident event that has one (ties: the first), and a record
with no prediction is a miss. Those records also get ``accuracy`` and
``macro_f1``.

Actors are scored on matched events: each gold event is matched to the
predicted events of its record that share its type at the most specific
annotated level (plover, then root, quad, penta), and the best actor match
among those is compared code for code (exact) and country for country (first
three letters). Gold actors annotated by their words only (``code`` null) are
scored by token overlap with the predicted actor text instead.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..models import Event
from .gold import TYPE_LEVELS, GoldEvent, GoldRecord

# Confusion-matrix label of "no event of this type on that side".
NONE_LABEL = "NONE"

_WORD = re.compile(r"\w+")

# Confidence bands of the reliability table (docs/accuracy.md).
CONFIDENCE_BANDS: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass
class Counts:
    """True positives, false positives and false negatives of one level or type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        """Number of gold pairs."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "support": self.support,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    """``correct`` out of ``n``; ``value`` is None when there was nothing to score."""

    correct: float = 0.0
    n: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.n if self.n else None

    def add(self, score: float) -> None:
        self.correct += score
        self.n += 1

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "correct": self.correct, "n": self.n}


@dataclass
class LevelScores:
    """Scores of one event-type level."""

    name: str
    records: int = 0
    counts: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=dict)
    # confusion[gold_type][predicted_type] = number of pairs
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    # single-label (penta-only) records
    single_label: Accuracy = field(default_factory=Accuracy)
    single_label_per_type: dict[str, Counts] = field(default_factory=dict)

    @property
    def macro_f1(self) -> float | None:
        """Mean per-class F1 over the single-label records' gold and predicted classes."""
        classes = self.single_label_per_type.values()
        return sum(c.f1 for c in classes) / len(classes) if classes else None

    def to_dict(self) -> dict[str, Any]:
        data = self.counts.to_dict()
        data["records"] = self.records
        data["per_type"] = {label: counts.to_dict() for label, counts in sorted(self.per_type.items())}
        data["confusion"] = {gold: dict(sorted(row.items())) for gold, row in sorted(self.confusion.items())}
        if self.single_label.n:
            data["accuracy"] = self.single_label.value
            data["macro_f1"] = self.macro_f1
            data["single_label_records"] = self.single_label.n
        return data


@dataclass
class ActorScores:
    """Actor accuracies over matched gold events, and full-triple accuracy."""

    source_code: Accuracy = field(default_factory=Accuracy)
    source_country: Accuracy = field(default_factory=Accuracy)
    target_code: Accuracy = field(default_factory=Accuracy)
    target_country: Accuracy = field(default_factory=Accuracy)
    source_text_overlap: Accuracy = field(default_factory=Accuracy)
    target_text_overlap: Accuracy = field(default_factory=Accuracy)
    triple: Accuracy = field(default_factory=Accuracy)
    # root, source country and target country all right (countries as the gold README defines them),
    # over predicted events (precision) and over gold events (recall)
    triple_precision: Accuracy = field(default_factory=Accuracy)
    triple_recall: Accuracy = field(default_factory=Accuracy)
    # matched gold events with a place: the coder's place is in the same country and names the same place
    place: Accuracy = field(default_factory=Accuracy)
    events_matched: int = 0
    events_unmatched: int = 0

    def to_dict(self) -> dict[str, Any]:
        names = (
            "source_code", "source_country", "target_code", "target_country", "source_text_overlap", "target_text_overlap", "triple",
            "triple_precision", "triple_recall", "place",
        )  # fmt: skip
        data: dict[str, Any] = {name: getattr(self, name).to_dict() for name in names}
        data["events_matched"] = self.events_matched
        data["events_unmatched"] = self.events_unmatched
        return data


@dataclass
class EvalReport:
    """The result of :func:`score`; ``to_dict`` gives the JSON contract."""

    levels: dict[str, LevelScores] = field(default_factory=dict)
    actors: ActorScores = field(default_factory=ActorScores)
    records: int = 0
    events_gold: int = 0
    events_predicted: int = 0
    # (confidence, right type) of every predicted event in a record annotated for its root
    judged: list[tuple[float, bool]] = field(default_factory=list)

    def reliability(self, edges: Sequence[float] = CONFIDENCE_BANDS) -> list[dict[str, Any]]:
        """Precision of predicted events by confidence band (``low`` <= confidence < ``high``; the last band is closed)."""
        rows = []
        for low, high in itertools.pairwise(edges):
            inside = [ok for conf, ok in self.judged if low <= conf < high or (high == edges[-1] and conf == high)]
            rows.append(
                {"low": low, "high": high, "events": len(inside), "precision": _ratio(sum(inside), len(inside)) if inside else None}
            )
        return rows

    def precision_at(self, threshold: float) -> float | None:
        """Precision of the predicted events whose confidence is at least ``threshold`` (None when there are none)."""
        kept = [ok for conf, ok in self.judged if conf >= threshold]
        return _ratio(sum(kept), len(kept)) if kept else None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: self.levels[name].to_dict() for name in TYPE_LEVELS if name in self.levels}
        data.update(
            {
                "source_country_accuracy": self.actors.source_country.value,
                "target_country_accuracy": self.actors.target_country.value,
                "source_code_accuracy": self.actors.source_code.value,
                "target_code_accuracy": self.actors.target_code.value,
                "source_text_overlap": self.actors.source_text_overlap.value,
                "target_text_overlap": self.actors.target_text_overlap.value,
                "triple_accuracy": self.actors.triple.value,
                "triple_precision": self.actors.triple_precision.value,
                "triple_recall": self.actors.triple_recall.value,
                "place_accuracy": self.actors.place.value,
                "reliability": self.reliability(),
                "actors": self.actors.to_dict(),
                "records": self.records,
                "events_gold": self.events_gold,
                "events_predicted": self.events_predicted,
            }
        )
        return data


def score(records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]) -> EvalReport:
    """Score predicted events against gold records.

    records: gold records, e.g. from :func:`~tocsin.eval.load_gold`.
    predictions: record id -> the coder's events for that record's text; a
        record with no entry counts as "no events"; ids not in ``records``
        are ignored.
    Returns an :class:`EvalReport`.
    DOCS: /work/shared/gold/README.md
    """
    report = EvalReport(records=len(records))
    for record in records:
        events = list(predictions.get(record.id, ()))
        report.events_gold += len(record.events)
        report.events_predicted += len(events)
        for level in TYPE_LEVELS:
            if record.is_annotated(level):
                scores = report.levels.setdefault(level, LevelScores(level))
                _score_level(scores, record, events)
        _score_actors(report.actors, record, events)
        if record.is_annotated("root"):
            gold_roots = {g.root for g in record.events}
            report.judged.extend((e.confidence, e.root in gold_roots) for e in events if e.root)
    return report


def _type_of(item: GoldEvent | Event, level: str) -> str | None:
    """The item's type at a level as a string label, or None when unset."""
    value = getattr(item, level, None)
    if value is None or value == "":
        return None
    return str(value)


def _unique_types(items: Sequence[GoldEvent | Event], level: str) -> list[str]:
    """Distinct non-null types at a level, in order of first appearance."""
    seen: dict[str, None] = {}
    for item in items:
        label = _type_of(item, level)
        if label is not None:
            seen.setdefault(label, None)
    return list(seen)


def _most_confident(events: Sequence[Event], level: str) -> Event | None:
    """The most confident event that has a type at ``level`` (ties: the first)."""
    best: Event | None = None
    for event in events:
        if _type_of(event, level) is not None and (best is None or event.confidence > best.confidence):
            best = event
    return best


def _score_level(scores: LevelScores, record: GoldRecord, events: Sequence[Event]) -> None:
    scores.records += 1
    gold = _unique_types(record.events, scores.name)
    if scores.name == "penta" and record.single_label:
        top = _most_confident(events, "penta")
        predicted = _unique_types([top], "penta") if top is not None else []
        # A record with no gold event is right only when nothing is predicted.
        correct = (bool(predicted) and predicted[0] in gold) if gold else not predicted
        scores.single_label.add(1.0 if correct else 0.0)
        _count(scores.single_label_per_type, gold, predicted)
    else:
        predicted = _unique_types(events, scores.name)
    _count(scores.per_type, gold, predicted)
    for label in gold:
        if label in predicted:
            scores.counts.tp += 1
        else:
            scores.counts.fn += 1
    scores.counts.fp += sum(1 for label in predicted if label not in gold)
    _confuse(scores.confusion, gold, predicted)


def _count(per_type: dict[str, Counts], gold: list[str], predicted: list[str]) -> None:
    for label in gold:
        counts = per_type.setdefault(label, Counts())
        if label in predicted:
            counts.tp += 1
        else:
            counts.fn += 1
    for label in predicted:
        if label not in gold:
            per_type.setdefault(label, Counts()).fp += 1


def _confuse(confusion: dict[str, dict[str, int]], gold: list[str], predicted: list[str]) -> None:
    """Add one record's pairs: matches on the diagonal, then leftovers paired in order."""
    pairs = [(label, label) for label in gold if label in predicted]
    missed = [label for label in gold if label not in predicted]
    spurious = [label for label in predicted if label not in gold]
    for index in range(max(len(missed), len(spurious))):
        gold_label = missed[index] if index < len(missed) else NONE_LABEL
        predicted_label = spurious[index] if index < len(spurious) else NONE_LABEL
        pairs.append((gold_label, predicted_label))
    for gold_label, predicted_label in pairs:
        row = confusion.setdefault(gold_label, {})
        row[predicted_label] = row.get(predicted_label, 0) + 1


def _score_actors(actors: ActorScores, record: GoldRecord, events: Sequence[Event]) -> None:
    has_source = record.is_annotated("source")
    has_target = record.is_annotated("target")
    if has_source and has_target and record.is_annotated("cameo"):
        predicted_triples = {(event.source_code, event.target_code, event.cameo) for event in events}
        for gold in record.events:
            if gold.cameo is not None:
                actors.triple.add(1.0 if (gold.source_code, gold.target_code, gold.cameo) in predicted_triples else 0.0)
    if has_source and has_target and record.is_annotated("root"):
        for event in events:
            actors.triple_precision.add(1.0 if any(_same_triple(gold, event) for gold in record.events) else 0.0)
        for gold in record.events:
            actors.triple_recall.add(1.0 if any(_same_triple(gold, event) for event in events) else 0.0)
    if not (has_source or has_target):
        return
    levels = [level for level in TYPE_LEVELS if record.is_annotated(level)]
    for gold in record.events:
        candidates = _candidates(gold, events, levels)
        if not candidates:
            actors.events_unmatched += 1
            continue
        actors.events_matched += 1
        best = max(candidates, key=lambda event: _actor_match(gold, event, source=has_source, target=has_target))
        if has_source:
            _score_actor(
                gold.source_code,
                gold.source_text,
                best.source_code,
                best.source_text,
                actors.source_code,
                actors.source_country,
                actors.source_text_overlap,
            )
        if has_target:
            _score_actor(
                gold.target_code,
                gold.target_text,
                best.target_code,
                best.target_text,
                actors.target_code,
                actors.target_country,
                actors.target_text_overlap,
            )
        if record.is_annotated("place") and gold.place_country:
            actors.place.add(1.0 if _same_place(gold, best) else 0.0)


def _country(code: str | None) -> str | None:
    """An actor code's country as the gold README defines it: the first three letters (IGO for every IGO)."""
    return code[:3] if code else None


def _same_triple(gold: GoldEvent, event: Event) -> bool:
    """Same root, same source country and same target country (no actor on a side matches no actor)."""
    return (
        gold.root is not None
        and gold.root == event.root
        and _country(gold.source_code) == _country(event.source_code)
        and _country(gold.target_code) == _country(event.target_code)
    )


def _same_place(gold: GoldEvent, event: Event) -> bool:
    """The coder placed the event at the gold place: same country, and the same place when the gold names one.

    The gold words are looked up in tocsin's gazetteer within the gold country, so an exonym matches
    ("Tbilissi" is Tbilisi, "Syrie" Syria); words it cannot resolve are compared by their tokens.
    """
    if not event.country or event.country != gold.place_country:
        return False
    if not gold.place_text:
        return True
    resolved = _resolve_gold_place(gold.place_text, gold.place_country)
    if resolved is not None and event.geonames_id is not None and resolved == event.geonames_id:
        return True
    return token_overlap(_fold(gold.place_text), _fold(event.place or "")) > 0.0


@lru_cache(maxsize=4096)
def _resolve_gold_place(text: str, country: str | None) -> int | None:
    from ..stages.geo.gazetteer import Gazetteer

    place = Gazetteer.load().resolve(text, countries=[country] if country else [])
    return place.geonames_id if place is not None and place.country_iso3 == country else None


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _candidates(gold: GoldEvent, events: Sequence[Event], levels: list[str]) -> list[Event]:
    """Predicted events sharing the gold event's type at the most specific level it has."""
    for level in levels:
        label = _type_of(gold, level)
        if label is not None:
            return [event for event in events if _type_of(event, level) == label]
    return list(events)


def _actor_match(gold: GoldEvent, event: Event, *, source: bool, target: bool) -> float:
    """How well an event's actors match the gold event's (max() keeps the first on ties)."""
    total = 0.0
    if source:
        total += _side_match(gold.source_code, gold.source_text, event.source_code, event.source_text)
    if target:
        total += _side_match(gold.target_code, gold.target_text, event.target_code, event.target_text)
    return total


def _side_match(gold_code: str | None, gold_text: str | None, code: str | None, text: str | None) -> float:
    if gold_code is not None:
        return 2.0 * (code == gold_code) + 1.0 * (code is not None and _country(code) == _country(gold_code))
    if gold_text:
        return token_overlap(gold_text, text)
    return 0.0


def _score_actor(
    gold_code: str | None,
    gold_text: str | None,
    code: str | None,
    text: str | None,
    exact: Accuracy,
    country: Accuracy,
    overlap: Accuracy,
) -> None:
    if gold_code is not None:
        exact.add(1.0 if code == gold_code else 0.0)
        country.add(1.0 if code is not None and _country(code) == _country(gold_code) else 0.0)
    elif gold_text:
        overlap.add(token_overlap(gold_text, text))


def token_overlap(gold_text: str, text: str | None) -> float:
    """Token F1 between two actor spans (lower-cased word tokens); 0.0 when ``text`` is empty."""
    gold_tokens = Counter(_WORD.findall(gold_text.lower()))
    tokens = Counter(_WORD.findall((text or "").lower()))
    common = sum((gold_tokens & tokens).values())
    return _ratio(2 * common, sum(gold_tokens.values()) + sum(tokens.values()))


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


__all__ = ["NONE_LABEL", "Accuracy", "ActorScores", "Counts", "EvalReport", "LevelScores", "score", "token_overlap"]
