"""Alert rules over the escalation corpus: the right weeks, with evidence, and nothing for the calm pair."""

from __future__ import annotations

import json
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd
import pytest

from tocsin import registry
from tocsin.errors import ConfigError
from tocsin.watch import detect, list_alerts, load_rules, run_alerts
from tocsin.watch.alerts import DEFAULT_RULES, _evaluate
from tocsin.watch.kinds import alert_kind

pytestmark = pytest.mark.slow


def _by(alerts, pair: str) -> dict[str, list[date]]:
    """The periods each rule fired in, whether it won its pair and period or is one of the winner's reasons."""
    out: dict[str, list[date]] = {}
    for a in alerts:
        if a.pair == pair:
            for rule in [a.rule, *(reason.split(":")[0] for reason in a.reasons)]:
                out.setdefault(rule, []).append(a.period)
    return out


def test_alerts_fire_in_the_right_weeks(store) -> None:
    alerts = detect(store)
    fired = _by(alerts, "AZE>ARM")
    assert fired["first-hostile-contact"] == [date(2025, 1, 27)]  # the accusations week
    assert fired["new-rung"] == [date(2025, 2, 3), date(2025, 2, 10), date(2025, 2, 17)]  # threats, drills, strikes
    for rule in ("conflict-rise-4w", "escalation-spike", "escalation-ewma"):
        assert fired[rule] == [date(2025, 2, 17)], rule  # the strikes week, not before
    # one alert for the strikes week: the new rung wins, the change band and the spikes are its reasons
    strikes = [a for a in alerts if a.pair == "AZE>ARM" and a.period == date(2025, 2, 17)]
    assert len(strikes) == 1 and strikes[0].rule == "new-rung"
    assert sorted(r.split(":")[0] for r in strikes[0].reasons) == ["conflict-rise-4w", "escalation-ewma", "escalation-spike"]
    # nothing in the weeks of talks
    assert all(a.period >= date(2025, 1, 27) for a in alerts if a.pair == "AZE>ARM")


def test_calm_pair_raises_none(store) -> None:
    alerts = detect(store)
    assert not [a for a in alerts if {a.source, a.target} == {"FRA", "DEU"}]


def test_each_alert_carries_its_evidence(store) -> None:
    events = {e["event_id"]: e for e in store.events(dyad=("AZE", "ARM"))}
    for alert in detect(store):
        if alert.pair != "AZE>ARM":
            continue
        assert alert.evidence, alert
        for event_id in alert.evidence:
            event = events[event_id]
            start = date.fromisoformat(event["event_date"])
            assert 0 <= (start - alert.period).days < 7  # the evidence is in the alert's week
        if alert.rule == "new-rung" and alert.period == date(2025, 2, 17):
            assert {events[i]["root"] for i in alert.evidence} <= {"18", "19"}


def test_run_alerts_stores_once_and_lists(store) -> None:
    first = run_alerts(store)
    again = run_alerts(store)
    assert first.detected == again.detected and again.added == []
    listed = list_alerts(store, pair="AZE>ARM")
    assert {a["rule"] for a in listed} >= {"new-rung", "first-hostile-contact"}
    assert listed == sorted(listed, key=lambda a: a["period"], reverse=True)
    assert all(a["week"] == a["period"] for a in listed)
    assert list_alerts(store, pair="ARM-AZE") == listed  # either direction
    strikes = next(a for a in listed if a["period"] == "2025-02-17")
    assert strikes["rule"] == "new-rung" and len(strikes["reasons"]) == 3  # stored with its reasons
    assert list_alerts(store, rule="new-rung", since="2025-02-10") and all(
        a["period"] >= "2025-02-10" for a in list_alerts(store, since="2025-02-10")
    )


class _Hook(BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, Any]]] = []
    status = 200

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append(json.loads(body))
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_webhook_gets_each_alert_once(store, tmp_path: Path) -> None:
    """A real HTTP server on 127.0.0.1: a failing hook keeps alerts for the next run; a working one gets each once."""
    from tocsin.run import code_sources
    from tocsin.store import DuckDBStore

    st = DuckDBStore(tmp_path / "hook.duckdb")
    code_sources([str(Path(__file__).resolve().parents[2] / "samples" / "en_fr_escalation_caucasus.jsonl")], st)
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/hook"
    try:
        _Hook.status = 503
        down = run_alerts(st, webhook=url)
        assert down.posted == 0 and down.post_errors and len(_Hook.received) == 1
        _Hook.status, _Hook.received = 200, []
        up = run_alerts(st, webhook=url)
        assert up.added == [] and up.posted == down.detected == len(_Hook.received)
        assert {r["alert"]["id"] for r in _Hook.received} == {a.id for a in down.added}
        assert all(r["alert"]["evidence"] for r in _Hook.received)
        assert run_alerts(st, webhook=url).posted == 0  # nothing left to post
    finally:
        server.shutdown()
        server.server_close()
        st.close()


def test_rules_file(tmp_path: Path) -> None:
    rules = load_rules()
    assert {r.kind for r in rules} == {"change", "spike", "rung", "first"}
    custom = tmp_path / "rules.toml"
    custom.write_text('[[rule]]\nname = "any-rung"\nkind = "rung"\nmin_rung = 1\n', encoding="utf-8")
    assert [r.name for r in load_rules(custom)] == ["any-rung"]


@pytest.mark.parametrize(
    ("text", "match"),
    [('[[rule]]\nname = "x"\nkind = "boom"\n', r"\[E513\] .*bad\.toml: rule\.0\.kind: .*unknown alert kind 'boom' \(registered: change, first, rung, spike"),
     ('[[rule]]\nname = "x"\nkind = "change"\nmeasure = "vibes"\n', r"\[E513\] .*bad\.toml: rule\.0\.change: .*measure must be"),
     ('[[rule]]\nname = "x"\nkind = "spike"\nwindw = 3\n', r"\[E513\] .*bad\.toml: rule\.0\.spike\.windw: unknown key"),
     ('[[rule]]\nkind = "rung"\n', r"\[E513\] .*bad\.toml: rule\.0\.rung\.name: missing key"),
     ('[[rule]]\nname = "x"\n', r"\[E513\] .*bad\.toml: rule\.0: each \[\[rule\]\] needs a kind"),
     ('[[rule]]\nname = "x"\nkind = "rung"\n[[rule]]\nname = "x"\nkind = "first"\n', r"\[E513\] .*bad\.toml: top level: .*unique"),
     ('[[rule]]\nname = "x"\nkind = "toy-quiet-then-loud"\nat_most = 3\n', r"\[E513\] .*bad\.toml: rule\.0\.kind: .*unknown key 'at_most'"),
     ("[[rule]\n", r"\[E514\] .*bad\.toml: .*invalid TOML")],
)  # fmt: skip
def test_bad_rules_name_the_file_and_the_problem(tmp_path: Path, text: str, match: str) -> None:
    """load_rules validates with tocsin.config.AlertRulesFile: the error names the file and the key."""
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=match) as info:
        load_rules(path)
    assert str(path) in str(info.value)


def test_custom_rules_change_what_fires(store) -> None:
    from tocsin.watch.alerts import Rule

    strict = [
        Rule(
            "huge-rise",
            "change",
            {"measure": "conflict", "freq": "week", "baseline": 4, "ratio": 10.0, "min_count": 10, "min_baseline": 1.0},
        )
    ]
    assert detect(store, strict) == []


# -- issue 11: alerts that mean something --------------------------------------------------------------------------


def test_alerts_one_per_pair_and_period(store) -> None:
    alerts = detect(store)
    keys = [(a.pair, a.freq, a.period) for a in alerts]
    assert alerts and len(keys) == len(set(keys))
    # a new pair's first hostile event on a new rung is one alert, the rung winning, first contact its reason
    seed = next(a for a in alerts if a.pair == "RUS>IGOWSTNAT")
    assert seed.rule == "new-rung" and [r.split(":")[0] for r in seed.reasons] == ["first-hostile-contact"]


def test_alerts_no_self_pairs(tmp_path: Path) -> None:
    """The Serbian protest: Serbian police against Serbian protesters is SRB>SRB; stored, but no pair and no alert."""
    from tocsin.run import code_sources
    from tocsin.store import DuckDBStore
    from tocsin.watch import ladder
    from tocsin.watch.ladder import pairs

    sample = Path(__file__).resolve().parents[2] / "samples" / "fr_manifestation_serbie.html"
    with DuckDBStore(tmp_path / "srb.duckdb") as st:
        code_sources([str(sample)], st, published="2025-03-15")
        selfs = st.connection().execute("SELECT count(*) FROM merged_events WHERE src = tgt").fetchone()[0]
        assert selfs > 0, "the sample codes Serbian actors against Serbian actors"
        assert not [p for p in pairs(st)["pair"] if p.split(">")[0] == p.split(">")[1]]
        assert not [p for p in ladder(st)["pair"] if p.split(">")[0] == p.split(">")[1]]
        assert not [a for a in detect(st) if a.source == a.target]


def _series(**measures: list[float]) -> pd.DataFrame:
    n = len(next(iter(measures.values())))
    frame = {"period": [date(2025, 1, 6) + timedelta(weeks=k) for k in range(n)], "events": [1] * n, "rung": [0] * n}
    frame.update({f"quad{q}": [0] * n for q in (1, 2, 3, 4)})
    frame.update(measures)
    return pd.DataFrame(frame)


def test_spikes_need_history_and_a_baseline() -> None:
    """A pair with no history is not "21.4 sd above its EWMA"; a flat zero baseline is no baseline."""
    rules = {r.name: r for r in load_rules()}
    for name in ("escalation-spike", "escalation-ewma"):
        rule = rules[name]
        assert rule.min_history >= 4 and rule.min_baseline > 0
        assert _evaluate(rule, _series(escalation=[40.0])) == []  # first week of a new pair
        assert _evaluate(rule, _series(escalation=[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 40.0])) == []  # silence, then a burst
        seasoned = _series(escalation=[5.0, 6.0, 4.0, 5.0, 6.0, 5.0, 40.0])
        assert [p for p, *_ in _evaluate(rule, seasoned)] == [date(2025, 1, 6) + timedelta(weeks=6)], name


def test_change_bands_need_history_and_a_baseline() -> None:
    """A near-zero baseline gives no "x39.0": one event a month is below min_baseline."""
    rule = {r.name: r for r in load_rules()}["conflict-rise-4w"]
    assert rule.min_history >= 4 and rule.min_baseline >= 1.0
    assert _evaluate(rule, _series(conflict=[1, 0, 0, 0, 10])) == []  # baseline 0.25 per week
    assert _evaluate(rule, _series(conflict=[9])) == []  # no history
    fired = _evaluate(rule, _series(conflict=[1, 2, 1, 2, 6]))
    assert len(fired) == 1 and "x4.0" in fired[0][2]


def test_rules_file_documents_history_and_baseline() -> None:
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    assert "min_history" in text and "min_baseline" in text
    for rule in load_rules():
        if rule.kind in ("change", "spike"):
            assert "min_history" in rule.params and "min_baseline" in rule.params, rule.name


def test_run_alerts_knows_an_alert_by_pair_and_period(tmp_path: Path) -> None:
    """An alert already stored for a pair and period (another rule won then, or an older id) is not doubled."""
    from tocsin.run import code_sources
    from tocsin.store import DuckDBStore

    with DuckDBStore(tmp_path / "known.duckdb") as st:
        code_sources([str(Path(__file__).resolve().parents[2] / "samples" / "en_fr_escalation_caucasus.jsonl")], st)
        st.connection().execute(
            "INSERT INTO alerts (id, rule, kind, pair, source, target, freq, period, score, message, evidence, created_at)"
            " VALUES ('older-id', 'conflict-rise-4w', 'change', 'AZE>ARM', 'AZE', 'ARM', 'week', DATE '2025-02-17', 3, 'm', ['e'], now()::TIMESTAMP)"
        )
        run = run_alerts(st)
        assert run.added and all((a.pair, a.period) != ("AZE>ARM", date(2025, 2, 17)) for a in run.added)
        assert run.detected == len(run.added) + 1
        stored = st.connection().execute("SELECT count(*) FROM alerts WHERE pair = 'AZE>ARM' AND period = DATE '2025-02-17'").fetchone()[0]
        assert stored == 1


# -- issue 14: alert kinds come from the registry -------------------------------------------------------------------


@registry.alert_kinds.register("toy-quiet-then-loud")
@alert_kind(rank=5, defaults={"measure": "events", "at_least": 2}, check=lambda p: None if p["at_least"] >= 1 else "at_least must be >= 1.")
def _toy_kind(rule: Any, s: Any) -> list[Any]:
    """A toy kind: fires in every period with at least ``at_least`` of the measure."""
    return [
        (period, float(value), f"{rule.measure} {value} >= {rule.at_least}", lambda events: [e[0] for e in events])
        for period, value in zip(s["period"], s[rule.measure])
        if value >= rule.at_least
    ]


def test_alert_kinds_a_registered_kind_raises_alerts(store, tmp_path: Path) -> None:
    """A kind registered in tocsin.registry.alert_kinds is usable from a rules file with no change to tocsin.watch."""
    assert {"change", "spike", "rung", "first"} <= set(registry.alert_kinds.names())
    path = tmp_path / "toy.toml"
    path.write_text('[[rule]]\nname = "loud"\nkind = "toy-quiet-then-loud"\nat_least = 3\n', encoding="utf-8")
    rules = load_rules(path)
    assert [(r.name, r.kind, r.measure, r.at_least, r.freq) for r in rules] == [("loud", "toy-quiet-then-loud", "events", 3, "week")]
    alerts = detect(store, rules)
    assert alerts, "the toy kind fires on the store's busy weeks"
    assert {a.kind for a in alerts} == {"toy-quiet-then-loud"} and all(a.score >= 3 for a in alerts)
    assert all(a.evidence for a in alerts)
    path.write_text('[[rule]]\nname = "loud"\nkind = "toy-quiet-then-loud"\nat_least = 0\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[E513\] .*toy\.toml: rule\.0\.kind: .*at_least must be >= 1") as info:
        load_rules(path)
    assert str(path) in str(info.value)


def test_alert_kinds_the_strongest_kind_wins_by_its_rank(store, tmp_path: Path) -> None:
    """Rank comes from the kind: the toy kind (rank 5) outranks a new rung (4) on the same pair and period."""
    path = tmp_path / "both.toml"
    path.write_text(
        '[[rule]]\nname = "loud"\nkind = "toy-quiet-then-loud"\nat_least = 1\n[[rule]]\nname = "rung"\nkind = "rung"\nmin_rung = 0\n',
        encoding="utf-8",
    )
    alerts = detect(store, load_rules(path))
    both = [a for a in alerts if any(r.startswith("rung:") for r in a.reasons)]
    assert both and all(a.kind == "toy-quiet-then-loud" for a in both)


def test_alert_evidence_count_comes_from_the_configuration(store, tmp_path: Path) -> None:
    """tuning.watch.alert_max_evidence: the first hostile contact of AZE>ARM lists two events by default, one when the
    active configuration allows one."""
    from tocsin.config import active_config

    def first_contact() -> list[str]:
        return next(a.evidence for a in detect(store) if a.pair == "AZE>ARM" and a.rule == "first-hostile-contact")

    assert len(first_contact()) == 2
    config = tmp_path / "run.toml"
    config.write_text("[tuning.watch]\nalert_max_evidence = 1\n")
    with active_config(config):
        assert len(first_contact()) == 1 and all(len(a.evidence) <= 1 for a in detect(store))
