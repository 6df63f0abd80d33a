"""Answers the watch layer keeps for a server's store (tocsin.watch.memo) follow the store's writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tocsin.store import open_store
from tocsin.watch import ladder, pairs, series
from tocsin.watch.memo import keep_answers, remember
from tocsin.watch.records import records


def _answers(store: Any) -> dict[str, Any]:
    def plain(frame: Any) -> Any:
        return [records(frame), frame.attrs.get("undated")]

    return {
        "series": plain(series(store, min_confidence=0)),
        "series day": plain(series(store, freq="day", since="2024-03-04", min_confidence=0)),
        "pair": plain(series(store, pair="RUS-UKR", min_confidence=0)),
        "pairs": plain(pairs(store, min_confidence=0)),
        "pairs 1": plain(pairs(store, limit=1, min_confidence=0)),
        "ladder": plain(ladder(store, min_confidence=0)),
    }


@pytest.fixture(params=["duckdb", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "duckdb":
        return str(tmp_path / "memo.duckdb")
    make: Callable[[], str] = request.getfixturevalue("new_pg_url")
    return make()


def test_memo_answers_follow_new_events(url: str, vocabulary_articles: list[Any]) -> None:
    first, second = vocabulary_articles
    with open_store(url) as store:
        keep_answers(store)
        store.save([first])
        before = _answers(store)
        assert before == _answers(store)  # asked again: the same answers
        assert [r["pair"] for r in before["pairs"][0]] == ["RUS>UKR"] and before["series"][0][0]["events"] == 2
        store.save([second])  # a new week, a new pair: what was kept is stale
        after = _answers(store)
        assert [r["pair"] for r in after["pairs"][0]] == ["RUS>UKR", "UKR>RUS"]
        assert after["pairs 1"][0] == after["pairs"][0][:1]
        assert [p["events"] for p in after["series"][0] if p["events"]] == [2, 1]
        store.save([first, second])  # the same input again adds nothing and changes no answer
        assert _answers(store) == after
    with open_store(url) as fresh:  # a store that kept nothing answers alike
        assert _answers(fresh) == after


def test_memo_keeps_nothing_for_a_store_not_asked(tmp_path: Path) -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    with open_store(str(tmp_path / "plain.duckdb")) as store:
        assert remember(store, "k", compute) == 1 and remember(store, "k", compute) == 2
        keep_answers(store)
        assert remember(store, "k", compute) == 3 and remember(store, "k", compute) == 3


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def test_memo_series_cut_by_since_and_until_as_computed_whole(tmp_path: Path, vocabulary_articles: list[Any]) -> None:
    """A kept store reads the weeks wholly inside since..until from the selection's whole series and counts the weeks
    they cut again: the same series as a store that keeps nothing (floats to the last digits of a sum's order)."""
    days = [None, "2024-03-03", "2024-03-05", "2024-03-10", "2024-04-01", "2024-04-03"]
    cases = [
        {"since": since, "until": until, "freq": freq, **selection}
        for since in days
        for until in days
        if not (since and until and since > until)
        for freq in ("week", "day")
        for selection in ({}, {"pair": "RUS-UKR"}, {"country": "UKR", "level": "actor"})
    ]

    def answers(store: Any) -> list[Any]:
        return [_rounded([records(frame), frame.attrs["undated"]]) for frame in (series(store, min_confidence=0, **c) for c in cases)]

    with open_store(str(tmp_path / "cut.duckdb")) as store:
        store.save(vocabulary_articles)
        expected = answers(store)
        keep_answers(store)
        assert answers(store) == expected
        assert answers(store) == expected  # the second time from what was kept
