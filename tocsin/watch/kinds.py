"""Alert kinds: what turns one pair's series into alerts, registered by name in ``tocsin.registry.alert_kinds``.

A rule of the rules file (``kind = "spike"``) names its kind; :func:`kind_of` finds it in the registry (an unknown name
is ConfigError E511), so a new kind is added by registering it, with no change to :mod:`tocsin.watch.alerts`::

    from tocsin import registry
    from tocsin.watch.kinds import alert_kind

    @registry.alert_kinds.register("silence")
    @alert_kind(rank=1, defaults={"freq": "week", "weeks": 8})
    def silence(rule, series):
        return [(period, score, message, lambda events: [e[0] for e in events]), ...]

A kind is called with the rule (its settings are attributes: ``rule.weeks``) and one directed pair's series (a
DataFrame with ``period`` and the measures of :data:`~tocsin.watch.alerts.MEASURES`, one row per period, zero-filled)
and returns the periods where it fires: ``(period, score, message, pick)``, ``pick`` choosing the alert's evidence from
the period's events ``(event_id, quad, goldstein, rung, sources)``. ``rank`` says which alert wins when several rules
fire on one pair and period (the higher); ``defaults`` are its settings (every setting a rule may give, with ``freq``);
``check`` refuses bad settings (it returns a hint, or None when they are good).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from .. import registry
from ..config import settings
from ..errors import ConfigError, Errors
from .reports import RUNGS

# Most event ids an alert lists as evidence: tuning.watch.alert_max_evidence of the active configuration.

Pick = Callable[[list[tuple[Any, ...]]], list[str]]
Fired = tuple[date, float, str, Pick]
Evaluate = Callable[[Any, Any], list[Fired]]


@dataclass(frozen=True)
class AlertKind:
    """An alert kind: ``evaluate(rule, series)`` with its rank, default settings and check of settings."""

    name: str
    rank: int
    defaults: dict[str, Any]
    evaluate: Evaluate
    check: Callable[[dict[str, Any]], str | None] = field(default=lambda params: None)

    def __call__(self, rule: Any, series: Any) -> list[Fired]:
        return self.evaluate(rule, series)


def alert_kind(
    *, rank: int, defaults: dict[str, Any], check: Callable[[dict[str, Any]], str | None] | None = None
) -> Callable[[Evaluate], AlertKind]:
    """Decorator: make an :class:`AlertKind` of an evaluate function (register it with ``registry.alert_kinds``)."""

    def make(evaluate: Evaluate) -> AlertKind:
        return AlertKind(evaluate.__name__, rank, {"freq": "week", **defaults}, evaluate, check or (lambda params: None))

    return make


def kind_of(name: str) -> AlertKind:
    """The registered alert kind ``name``. RAISES: ConfigError (E511) naming it and the registered kinds."""
    found = registry.alert_kinds.get(name)
    if isinstance(found, AlertKind):
        return found
    raise ConfigError(Errors.E501.format(name="alert kind", value=name, hint="Register an AlertKind (tocsin.watch.kinds.alert_kind)."))


def ids(events: list[tuple[Any, ...]], *, conflict: bool = False) -> list[str]:
    """Evidence: the period's event ids, conflictual first when asked, then most sources, then most extreme Goldstein."""
    ordered = sorted(events, key=lambda e: ((e[1] < 3) if conflict else 0, -e[4], e[2], e[0]))
    return [e[0] for e in ordered][: settings().watch.alert_max_evidence]


def _unit(rule: Any) -> str:
    return "week" if rule.freq == "week" else "day"


@registry.alert_kinds.register("change")
@alert_kind(
    rank=2,
    defaults={"measure": "conflict", "baseline": 4, "ratio": 2.0, "min_count": 3.0, "min_baseline": 1.0, "min_history": 4},
)
def change(rule: Any, s: Any) -> list[Fired]:
    """This period's measure against the mean of the previous ``baseline`` periods (change bands)."""
    out: list[Fired] = []
    periods, unit = list(s["period"]), _unit(rule)
    values = [float(v) for v in s[rule.measure]]
    conflict = rule.measure != "cooperation"
    for i, value in enumerate(values):
        if i < rule.min_history or value < rule.min_count:
            continue  # a pair needs min_history periods behind it (its first event opens its history)
        base = values[max(0, i - rule.baseline) : i]
        mean = sum(base) / rule.baseline  # periods before the pair's first event count as zero
        if mean < rule.min_baseline or value < rule.ratio * mean:
            continue  # a near-zero baseline makes any ratio meaningless: new activity is the rung and first rules' job
        message = f"{rule.measure} {value:g} this {unit} vs {mean:.2f} per {unit} over the previous {rule.baseline} (x{value / mean:.1f})"
        out.append((periods[i], round(value / mean, 3), message, partial(ids, conflict=conflict)))
    return out


def _check_spike(params: dict[str, Any]) -> str | None:
    if params["method"] not in ("zscore", "ewma"):
        return "method must be zscore or ewma."
    if not 0 < float(params["alpha"]) <= 1:
        return "alpha must be in (0, 1]."
    return None


@registry.alert_kinds.register("spike")
@alert_kind(
    rank=3,
    defaults={"measure": "escalation", "method": "zscore", "window": 8, "threshold": 3.0, "min_value": 1.0, "alpha": 0.3,
              "min_std": 1.0, "min_history": 4, "min_baseline": 1.0},
    check=_check_spike,
)  # fmt: skip
def spike(rule: Any, s: Any) -> list[Fired]:
    """A rolling z-score (``method = "zscore"``) or an EWMA control chart (``"ewma"``) of the measure."""
    out: list[Fired] = []
    periods, unit = list(s["period"]), _unit(rule)
    values = [float(v) for v in s[rule.measure]]
    ewma: float | None = None
    ewvar = 0.0
    for i, value in enumerate(values):
        if rule.method == "zscore":
            base = values[max(0, i - rule.window) : i]
            base = base + [0.0] * (rule.window - len(base))  # before the first event the pair was silent
            mean = sum(base) / len(base)
            std = math.sqrt(sum((b - mean) ** 2 for b in base) / len(base))
        else:
            mean = ewma if ewma is not None else 0.0
            std = math.sqrt(ewvar)
        z = (value - mean) / max(std, float(rule.min_std))
        seasoned = i >= rule.min_history and mean >= rule.min_baseline  # enough history, a baseline to deviate from
        if seasoned and value >= rule.min_value and z >= rule.threshold:
            label = f"{rule.window}-{unit} z-score" if rule.method == "zscore" else f"EWMA (alpha {rule.alpha})"
            message = f"{rule.measure} {value:.1f} this {unit}, {z:.1f} sd above its {label} level {mean:.1f}"
            out.append((periods[i], round(z, 3), message, partial(ids, conflict=True)))
        if rule.method == "ewma":
            prev = ewma if ewma is not None else 0.0
            ewma = rule.alpha * value + (1 - rule.alpha) * prev
            ewvar = (1 - rule.alpha) * (ewvar + rule.alpha * (value - prev) ** 2)
    return out


def _on_rung(reached: int, events: list[tuple[Any, ...]]) -> list[str]:
    return ids([e for e in events if e[3] == reached])


def _check_rung(params: dict[str, Any]) -> str | None:
    return None if params["min_rung"] in range(len(RUNGS)) else f"min_rung must be 0..{len(RUNGS) - 1}."


@registry.alert_kinds.register("rung")
@alert_kind(rank=4, defaults={"min_rung": 3}, check=_check_rung)
def rung(rule: Any, s: Any) -> list[Fired]:
    """The pair reaches a ladder rung above any it reached before, at least ``min_rung``."""
    out: list[Fired] = []
    highest = -1
    for i, period in enumerate(list(s["period"])):
        reached = int(s["rung"][i]) if s["events"][i] else -1
        if reached > highest:
            if reached >= rule.min_rung:
                message = f"new rung: {RUNGS[reached]} (rung {reached}" + (f", above {RUNGS[highest]})" if highest >= 0 else ")")
                out.append((period, float(reached), message, partial(_on_rung, reached)))
            highest = reached
    return out


def _check_first(params: dict[str, Any]) -> str | None:
    quads = params["quads"]
    return None if isinstance(quads, list) and set(quads) <= {1, 2, 3, 4} and quads else "quads must be a list of quad classes 1..4."


@registry.alert_kinds.register("first")
@alert_kind(rank=1, defaults={"quads": [1, 2, 3, 4]}, check=_check_first)
def first(rule: Any, s: Any) -> list[Fired]:
    """The first event ever between the pair with a quad class in ``quads``."""
    quads = sorted(set(rule.quads))
    for i, period in enumerate(list(s["period"])):
        hits = sum(int(s[f"quad{q}"][i]) for q in quads)
        if hits:
            message = f"first event between the pair with quad class in {quads}"

            def pick(events: list[tuple[Any, ...]]) -> list[str]:
                return ids([e for e in events if e[1] in quads])

            return [(period, float(hits), message, pick)]
    return []


__all__ = ["AlertKind", "alert_kind", "change", "first", "ids", "kind_of", "rung", "spike"]
