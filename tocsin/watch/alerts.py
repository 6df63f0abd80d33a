"""Alerts: rules over the pair series that tell an analyst a relationship moved.

One alert per pair and period: when several rules fire on the same pair in the same week (or day), the strongest
wins (:data:`KIND_RANK`: a new rung, then a spike, then a change band, then a first contact; the higher score
between two of a kind) and the others are listed as its ``reasons``. Statistical rules (change bands, z-score,
EWMA) fire only on a pair with ``min_history`` periods behind it and a baseline mean of at least ``min_baseline``.
Pairs are two different country principals (no self-pairs, no role of unknown country).

Rules live in a TOML file (``tocsin/data/watch/alerts.toml`` holds the
defaults and documents every kind: change bands against the previous 4 and 52
weeks with a low-baseline guard, rolling z-score and EWMA spikes, a new rung
on the ladder, the first hostile event between a pair). :func:`detect`
evaluates them over every directed country-level pair; :func:`run_alerts`
stores the new ones (an alert's id is a hash of rule, pair and period, so
re-running adds nothing) and POSTs them to a webhook if one is given. Each
alert carries its evidence: the ids of the merged events behind it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from .. import registry
from ..config import AlertRulesFile, read_toml, validate_file
from ..store import Store
from ..store.sql import ALERT_COLUMNS
from .kinds import Fired, kind_of
from .pairs import parse_pair
from .reports import check_date, period_sql, reports_sql

DEFAULT_RULES = Path(__file__).resolve().parents[1] / "data" / "watch" / "alerts.toml"
#: The alert kinds tocsin ships (:mod:`tocsin.watch.kinds`); rules may name any kind registered in ``registry.alert_kinds``.
KINDS = ("change", "spike", "rung", "first")
#: Which rule wins when several fire on one pair and period: the higher rank, then the higher score.
KIND_RANK = {name: kind_of(name).rank for name in KINDS}
MEASURES = ("events", "conflict", "cooperation", "quad1", "quad2", "quad3", "quad4", "goldstein_sum", "escalation", "sources", "share")


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    params: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, key: str) -> Any:
        """A setting of the rule, else its kind's default (a Rule built by hand may leave settings out)."""
        fields = self.__dict__
        if key in fields.get("params", {}):
            return fields["params"][key]
        kind = fields.get("kind", "")
        defaults = kind_of(kind).defaults if kind in registry.alert_kinds else {}
        if key in defaults:
            return defaults[key]
        raise AttributeError(key)


@dataclass
class Alert:
    id: str
    rule: str
    kind: str
    pair: str
    source: str
    target: str
    freq: str
    period: date
    score: float
    message: str
    evidence: list[str]
    created_at: datetime | None = None
    posted_at: datetime | None = None
    reasons: list[str] = field(default_factory=list)  # the other rules that fired on the pair that period: "rule: message"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["period"] = self.period.isoformat()
        data["week" if self.freq == "week" else "date"] = self.period.isoformat()
        data["created_at"] = self.created_at.isoformat() if self.created_at else None
        data["posted_at"] = self.posted_at.isoformat() if self.posted_at else None
        return data


def load_rules(path: str | Path | None = None) -> list[Rule]:
    """The rules of a TOML file (the defaults when ``path`` is None), validated with
    :class:`tocsin.config.AlertRulesFile`.

    A rule's settings are its kind's defaults with the file's values over them.
    RAISES: ConfigError: E514 when the file cannot be read or is not TOML; E513 naming the file and the key of a
        bad rule (``rule.2.spike.window``, ``rule.0.kind`` for an unknown kind; docs/watch.md).
    """
    where = Path(path) if path is not None else DEFAULT_RULES
    data = read_toml(where)
    validate_file(AlertRulesFile, where, data, "docs/watch.md")
    rules: list[Rule] = []
    for raw in data.get("rule", []):
        params = {**kind_of(raw["kind"]).defaults, **{k: v for k, v in raw.items() if k not in ("name", "kind")}}
        rules.append(Rule(raw["name"], raw["kind"], params))
    return rules


# ---------------------------------------------------------------- detection


def detect(
    store: Store, rules: Sequence[Rule] | None = None, *, since: str | date | None = None, until: str | date | None = None
) -> list[Alert]:
    """Every alert the rules raise over the store's directed country-level pairs (nothing is stored).

    The measures per pair and period are aggregated in SQL; the events behind the alerts that fire (their
    evidence) are read afterwards, in one query for all of them.
    """
    rules = list(rules) if rules is not None else load_rules()
    first, last = check_date("since", since), check_date("until", until)
    alerts: list[Alert] = []
    for freq in sorted({r.freq for r in rules}):
        frame = _pair_series(store, freq, last)
        fired: list[tuple[Rule, str, str, date, float, str, Callable[[list[tuple[Any, ...]]], list[str]]]] = []
        for (src, tgt), series in frame.groupby(["src", "tgt"], sort=True):
            series = series.reset_index(drop=True)
            for rule in (r for r in rules if r.freq == freq):
                for period, score, message, pick in _evaluate(rule, series):
                    if first is None or period >= first:
                        fired.append((rule, src, tgt, period, score, message, pick))
        evidence = _evidence(store, freq, last, {(f[1], f[2], f[3]) for f in fired})
        grouped: dict[tuple[str, str, date], list[Any]] = {}
        for item in fired:
            grouped.setdefault((item[1], item[2], item[3]), []).append(item)
        for (src, tgt, period), items in grouped.items():
            items.sort(key=lambda f: (-kind_of(f[0].kind).rank, -f[4], f[0].name))  # the strongest first
            rule, _, _, _, score, message, pick = items[0]
            alert = _alert(rule, src, tgt, freq, period, score, message, pick(evidence.get((src, tgt, period), [])))
            alert.reasons = [f"{f[0].name}: {f[5]}" for f in items[1:]]
            alerts.append(alert)
    alerts.sort(key=lambda a: (a.period, a.pair, a.rule))
    return alerts


def _pair_series(store: Store, freq: str, until: date | None) -> Any:
    """Per directed pair and period, from the pair's first period to the last period stored: the measures (zero-filled)."""
    import pandas as pd

    sql, params = reports_sql(until=until, targeted=True)
    sql += f"""
, periods AS (SELECT *, {period_sql(freq)} AS period FROM rows),
totals AS (SELECT period, count(*) AS total FROM periods GROUP BY period)
SELECT p.src, p.tgt, p.period, count(*) AS events, count(*) FILTER (WHERE quad >= 3) AS conflict,
       count(*) FILTER (WHERE quad <= 2) AS cooperation, count(*) FILTER (WHERE quad = 1) AS quad1,
       count(*) FILTER (WHERE quad = 2) AS quad2, count(*) FILTER (WHERE quad = 3) AS quad3, count(*) FILTER (WHERE quad = 4) AS quad4,
       sum(goldstein) AS goldstein_sum, sum(weight) AS escalation, sum(sources) AS sources, max(rung) AS rung,
       count(*)::DOUBLE PRECISION / max(t.total) AS share
FROM periods p JOIN totals t ON t.period = p.period GROUP BY p.src, p.tgt, p.period ORDER BY p.src, p.tgt, p.period
"""
    agg = store.read_frame(sql, params)
    if agg.empty:
        return pd.DataFrame(columns=["src", "tgt", "period", *MEASURES, "rung"])
    agg["period"] = pd.to_datetime(agg["period"]).dt.date
    step = timedelta(days=7 if freq == "week" else 1)
    end = agg["period"].max()
    full = []
    for (src, tgt), part in agg.groupby(["src", "tgt"], sort=False):
        start = part["period"].min()
        periods = [start + step * k for k in range((end - start) // step + 1)]
        filled = part.drop(columns=["src", "tgt"]).set_index("period").reindex(periods, fill_value=0)
        filled.index.name = "period"
        filled = filled.reset_index()
        filled["src"], filled["tgt"] = src, tgt
        full.append(filled)
    return pd.concat(full, ignore_index=True)


def _evidence(
    store: Store, freq: str, until: date | None, keys: set[tuple[str, str, date]]
) -> dict[tuple[str, str, date], list[tuple[Any, ...]]]:
    """The events of each (source, target, period) asked for: (event_id, quad, goldstein, rung, sources)."""
    if not keys:
        return {}
    ordered = sorted(keys)
    sql, params = reports_sql(until=until, targeted=True)
    sql += f"""
SELECT r.src, r.tgt, k.period, r.event_id, r.quad, r.goldstein, r.rung, r.sources
FROM rows r JOIN (SELECT unnest(?::VARCHAR[]) AS src, unnest(?::VARCHAR[]) AS tgt, unnest(?::DATE[]) AS period) k
     ON k.src = r.src AND k.tgt = r.tgt AND k.period = {period_sql(freq, "r.event_date")}
"""
    params += [[k[0] for k in ordered], [k[1] for k in ordered], [k[2] for k in ordered]]
    out: dict[tuple[str, str, date], list[tuple[Any, ...]]] = {}
    for src, tgt, period, event_id, quad, goldstein, rung, sources in store.read_rows(sql, params):
        out.setdefault((src, tgt, period), []).append((event_id, quad, goldstein, rung, sources))
    return out


def _evaluate(rule: Rule, s: Any) -> list[Fired]:
    """The periods where ``rule`` fires on one pair's series: (period, score, message, how to pick its evidence), as its
    kind (``registry.alert_kinds``) says."""
    return kind_of(rule.kind)(rule, s)


def _alert(rule: Rule, src: str, tgt: str, freq: str, period: date, score: float, message: str, evidence: list[str]) -> Alert:
    """The alert of a pair and period; its id hashes pair, frequency and period (not the rule), so a later run whose
    strongest rule differs (more data) still finds it stored and adds no second alert for the same cause."""
    pair = f"{src}>{tgt}"
    key = f"{pair}|{freq}|{period.isoformat()}"
    return Alert(hashlib.sha1(key.encode()).hexdigest()[:16], rule.name, rule.kind, pair, src, tgt, freq, period, score, message, evidence)


# ---------------------------------------------------------------- storing, listing, posting


@dataclass
class AlertRun:
    detected: int = 0
    added: list[Alert] = field(default_factory=list)
    posted: int = 0
    post_errors: list[str] = field(default_factory=list)


def run_alerts(store: Store, rules: Sequence[Rule] | None = None, *, webhook: str | None = None, timeout: float = 10.0) -> AlertRun:
    """Detect, store the alerts not stored yet, and POST every alert not yet posted to ``webhook``."""
    found = detect(store, rules)
    run = AlertRun(detected=len(found))
    now = datetime.now(UTC).replace(tzinfo=None)
    # known by pair, frequency and period: one alert each, whatever its id (alerts stored before issue 11 hashed the rule)
    known = store.alert_keys()
    run.added = [alert for alert in found if (alert.pair, alert.freq, alert.period) not in known]
    for alert in run.added:
        alert.created_at = now
    store.add_alerts([{c: getattr(alert, c) for c in ALERT_COLUMNS} for alert in run.added])
    if webhook:
        _post(store, webhook, timeout, run)
    return run


def _post(store: Store, webhook: str, timeout: float, run: AlertRun) -> None:
    import httpx

    pending = list_alerts(store, unposted=True)
    for alert in sorted(pending, key=lambda a: (a["period"], a["pair"], a["rule"])):
        try:
            response = httpx.post(webhook, json={"alert": alert}, timeout=timeout)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            run.post_errors.append(f"{alert['id']}: {type(exc).__name__}: {exc}")
            break  # the hook is down: keep the rest for the next run
        store.mark_alert_posted(alert["id"], datetime.now(UTC).replace(tzinfo=None))
        run.posted += 1


def list_alerts(
    store: Store,
    *,
    pair: str | None = None,
    rule: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    limit: int | None = None,
    unposted: bool = False,
) -> list[dict[str, Any]]:
    """Stored alerts, newest period first, as dicts (``week`` or ``date`` set by the frequency).

    since, until: keep the alerts whose period (a week from its Monday, or a day) overlaps these days.
    """
    pairs: list[str] | None = None
    if pair is not None:
        p = parse_pair(pair)
        pairs = [str(p)] if p.directed else [f"{p.source}>{p.target}", f"{p.target}>{p.source}"]
    first, last = check_date("since", since), check_date("until", until)
    rows = store.alert_rows(pairs=pairs, rule=rule, since=first, until=last, unposted=unposted, limit=limit)
    out = []
    for r in rows:
        alert = Alert(**{**r, "evidence": list(r["evidence"]), "reasons": list(r["reasons"] or [])})
        out.append(alert.to_dict())
    return out


__all__ = ["DEFAULT_RULES", "KINDS", "KIND_RANK", "Alert", "AlertRun", "Rule", "detect", "list_alerts", "load_rules", "run_alerts"]
