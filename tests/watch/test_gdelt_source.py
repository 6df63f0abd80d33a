"""Series, ladder and pairs over GDELT 2.0 rows loaded by `tocsin import-gdelt` (``source="gdelt"``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.errors import ConfigError
from tocsin.interop.gdelt import import_gdelt
from tocsin.store import DuckDBStore
from tocsin.watch import ladder, pairs, series


@pytest.fixture(scope="module")
def gdelt_store(shared: Path, tmp_path_factory: pytest.TempPathFactory):
    sample = shared / "samples" / "gdelt" / "gdelt2_events_20191024143000.export.CSV"
    store = DuckDBStore(tmp_path_factory.mktemp("gdelt") / "g.duckdb")
    assert import_gdelt(store, [sample]).rows_added == 2111
    rows = (
        store.connection()
        .execute("SELECT Actor1CountryCode, Actor2CountryCode, EventRootCode, QuadClass, SQLDATE, NumSources FROM gdelt_events")
        .fetchall()
    )
    yield store, rows
    store.close()


def test_gdelt_series_counts_the_gdelt_rows(gdelt_store) -> None:
    store, rows = gdelt_store
    expected = [r for r in rows if r[0] == "USA" and r[1] == "CHN" and r[4] == "20191024"]
    assert expected, "the sample has USA>CHN events that day"
    day = series(store, pair="USA>CHN", freq="day", source="gdelt", since="2019-10-24", until="2019-10-24")
    assert len(day) == 1 and day["events"][0] == len(expected)
    assert day["conflict"][0] == sum(1 for r in expected if r[3] in ("3", "4"))
    assert day["sources"][0] == sum(max(1, int(r[5])) for r in expected)
    assert series(store, pair="USA>CHN")["events"].sum() == 0  # tocsin's own events: none in this store


def test_gdelt_ladder_and_pairs(gdelt_store) -> None:
    store, _rows = gdelt_store
    top = pairs(store, source="gdelt", limit=10)
    assert len(top) == 10 and list(top["events"]) == sorted(top["events"], reverse=True)
    row = ladder(store, pair=top.iloc[0]["pair"], source="gdelt").iloc[0]
    assert row["evidence"] and all(e.startswith("gdelt:") for e in row["evidence"])
    assert not ladder(store, source="gdelt")["nuclear"].any()  # GDELT carries no nuclear flag


def test_gdelt_source_without_an_import_is_empty(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "empty.duckdb")
    try:
        assert series(store, source="gdelt").empty and ladder(store, source="gdelt").empty and pairs(store, source="gdelt").empty
        with pytest.raises(ConfigError, match="source"):
            series(store, source="acled")
    finally:
        store.close()


def test_gdelt_pairs_are_country_principals_never_role_codes(gdelt_store) -> None:
    """Issue 11: a GDELT actor with no country (Actor1Code HLH, GOV...) is on no side; no HLH>USA, no USA>USA."""
    from tocsin.codebook import country_codes

    store, _ = gdelt_store
    roles_only = (
        store.connection()
        .execute(
            "SELECT count(*) FROM gdelt_events WHERE Actor1CountryCode = '' AND Actor1Code <> '' AND NOT starts_with(Actor1Code, 'IGO')"
            " AND NOT starts_with(Actor1Code, 'NGO') AND left(Actor1Code, 3) NOT IN (SELECT unnest(?::VARCHAR[]))",
            [list(country_codes())],
        )
        .fetchone()[0]
    )
    assert roles_only > 0, "the sample has actors GDELT gives only a role code"
    every = pairs(store, source="gdelt", limit=1000)
    countries = set(country_codes())
    for side in list(every["source"]) + list(every["target"]):
        assert side in countries or side.startswith(("IGO", "NGO")), side
    assert not (every["source"] == every["target"]).any()
    assert set(ladder(store, source="gdelt")["pair"]) == set(every["pair"])
