"""The escalation ladder and the nuclear-signalling flag."""

from __future__ import annotations

import pytest

from tocsin.watch import RUNGS, ladder, pairs
from tocsin.watch.reports import rung_of

pytestmark = pytest.mark.slow


def test_rungs() -> None:
    assert len(RUNGS) == 8 and RUNGS[5] == "nuclear signalling"
    assert [rung_of(r) for r in ("01", "11", "10", "13", "15", "19", "20")] == [0, 1, 2, 3, 4, 6, 7]
    assert rung_of("15", signal=True) == 5 and rung_of("19", signal=True) == 6


def test_seed_russia_to_nato_carries_nuclear_signalling(store) -> None:
    """Issue 5: the seed's Russia -> NATO pair carries the nuclear-signalling flag (drills with tactical nuclear
    weapons and, in the same article, Moscow's warning to NATO)."""
    row = ladder(store, pair="RUS>IGOWSTNAT").iloc[0]
    assert row["nuclear"] and row["rung"] == 5 and row["rung_name"] == "nuclear signalling"
    assert len(row["evidence"]) == 1
    events = {e["event_id"]: e for e in store.events(dyad=("RUS", "IGOWSTNAT"))}
    assert events[row["evidence"][0]]["root"] == "13"


def test_non_nuclear_pairs_are_not_flagged(store) -> None:
    frame = ladder(store).set_index("pair")
    assert not frame.loc["AZE>ARM", "nuclear"]
    assert not frame.loc["IGOWSTNAT>UKR", "nuclear"]  # NATO's trainers plan: cooperation, no signal


def test_escalating_pair_position_and_evidence(store) -> None:
    row = ladder(store, pair="AZE>ARM", until="2025-02-28").iloc[0]
    assert row["rung"] == 6 and row["peak_rung"] == 6 and row["score"] > 0
    assert row["evidence"] and row["conflict"] >= 7
    # four weeks earlier the same pair stood on the threats rung
    earlier = ladder(store, pair="AZE>ARM", until="2025-02-05", window=7).iloc[0]
    assert earlier["rung"] == 3 and earlier["rung_name"] == "threats"


def test_calm_pair_stays_on_statements(store) -> None:
    frame = ladder(store, until="2025-02-28").set_index("pair")
    assert frame.loc["FRA>DEU", "rung"] == 0 and frame.loc["FRA>DEU", "peak_rung"] == 0


def test_pairs_most_events_first(store) -> None:
    frame = pairs(store, limit=5)
    assert len(frame) == 5 and list(frame["events"]) == sorted(frame["events"], reverse=True)
    assert frame.iloc[0]["pair"] == "AZE>ARM"


def test_a_pair_that_fell_silent_keeps_its_last_rung(store) -> None:
    row = ladder(store, pair="AZE>ARM", until="2025-04-30").iloc[0]
    assert row["rung"] == 6 and row["last_date"].isoformat() == "2025-02-25"  # the strikes of the 25th and 26th merged
    assert row["quiet_days"] == 64  # and says how long ago that was
    assert pairs(store, until="2025-04-30").set_index("pair").loc["AZE>ARM", "rung"] == 6


def test_ladder_tuning_comes_from_the_configuration(store, tmp_path) -> None:
    """tuning.watch: the window that makes a pair dormant, the evidence listed per rung and the rung of a nuclear
    signal are read from the active configuration (an explicit ``window`` still wins)."""
    from tocsin.config import active_config

    config = tmp_path / "run.toml"
    config.write_text("[tuning.watch]\nladder_window_days = 90\nladder_max_evidence = 2\nnuclear_rung = 4\n")
    silent = ladder(store, pair="AZE>ARM", until="2025-04-30").iloc[0]
    assert silent["quiet_days"] == 64 and silent["dormant"] and len(silent["evidence"]) == 4
    assert ladder(store, pair="RUS>IGOWSTNAT").iloc[0]["rung"] == 5
    with active_config(config):
        row = ladder(store, pair="AZE>ARM", until="2025-04-30").iloc[0]
        assert row["rung"] == 6 and not row["dormant"] and len(row["evidence"]) == 2
        assert not pairs(store, until="2025-04-30").set_index("pair").loc["AZE>ARM", "dormant"]
        assert ladder(store, pair="AZE>ARM", until="2025-04-30", window=28).iloc[0]["dormant"]
        nuclear = ladder(store, pair="RUS>IGOWSTNAT").iloc[0]
        assert nuclear["nuclear"] and nuclear["rung"] == 4  # a threat (rung 3) with a nuclear signal: rung 4 now
        assert rung_of("13", signal=True) == 4
