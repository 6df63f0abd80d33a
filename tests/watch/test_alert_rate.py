"""Issue 11, done when: the 240 French synthetic stories raise at most one alert per pair and period, and no alert
from a pair without the minimum history. The corpus is coded as `tocsin code FILE --db X --workers 1` codes it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tocsin.run import code_sources
from tocsin.store import DuckDBStore
from tocsin.watch import list_alerts, load_rules, run_alerts, series

pytestmark = pytest.mark.slow


def test_french_synthetic_stories_alert_once_per_pair_and_period(shared: Path, tmp_path: Path) -> None:
    corpus = shared / "corpora" / "fr" / "synthetic_stories_fr.jsonl"
    if not corpus.exists():
        pytest.skip(f"{corpus} is not here")
    rules = {rule.name: rule for rule in load_rules()}
    with DuckDBStore(tmp_path / "fr.duckdb") as store:
        report = code_sources([str(corpus)], store)
        assert report.articles_added == 240
        run = run_alerts(store)
        alerts = list_alerts(store)
        assert len(alerts) == len(run.added) == run.detected
        keys = [(a["pair"], a["freq"], a["period"]) for a in alerts]
        assert len(keys) == len(set(keys))  # one alert per pair and period
        assert all(a["source"] != a["target"] for a in alerts)  # no self-pairs
        assert len(alerts) < 24  # 197 before issue 11: at most one alert per ten stories now
        for alert in alerts:
            fired = [alert["rule"], *(reason.split(":")[0] for reason in alert["reasons"])]
            for name in fired:
                rule = rules[name]
                if rule.kind not in ("change", "spike"):
                    continue
                history = series(store, pair=alert["pair"], freq=rule.freq)
                first = history.loc[history["events"] > 0, "period"].min()
                step = timedelta(weeks=1) if rule.freq == "week" else timedelta(days=1)
                assert (date.fromisoformat(alert["period"]) - first) >= step * rule.min_history, (alert, name)
