"""Same event, many reports: merging across articles and outlets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tocsin.models import Article, Event, Sentence
from tocsin.run import code_sources
from tocsin.store import open_store
from tocsin.store.merge import Report, combined_confidence, named_town, same_event


def _report(**kw: object) -> Report:
    base = {
        "base_code": "190",
        "source_country": "RUS",
        "target_country": "UKR",
        "event_date": date(2024, 5, 7),
        "date_precision": "day",
        "country": "UKR",
        "geonames_id": 706483,
        "lat": 49.98,
        "lon": 36.25,
        "geo_precision": "city",
    }
    base.update(kw)
    return Report(**base)  # type: ignore[arg-type]


def test_merge_same_pair_code_day_place() -> None:
    assert same_event(_report(), _report(event_date=date(2024, 5, 8)))
    assert not same_event(_report(), _report(event_date=date(2024, 5, 10)))
    assert not same_event(_report(), _report(base_code="138"))
    assert not same_event(_report(), _report(source_country="UKR", target_country="RUS"))
    # another city the same day is another event; a country-level report is compatible with any city in the country
    assert not same_event(_report(), _report(geonames_id=698740, lat=46.48, lon=30.73))
    assert same_event(_report(), _report(geonames_id=None, lat=None, lon=None, geo_precision="country"))
    assert same_event(_report(date_precision="month"), _report(event_date=date(2024, 5, 20), date_precision="month"))


def test_merge_confidence_grows_with_sources() -> None:
    assert combined_confidence([0.6]) == 0.6
    assert combined_confidence([0.6, 0.6]) > 0.6
    assert combined_confidence([0.9, 0.9, 0.9]) <= 0.99


STORIES = [
    {
        "id": "lemonde-1",
        "outlet": "Le Monde",
        "published": "2024-05-07",
        "lang": "fr",
        "text": "Les forces russes ont bombardé la ville ukrainienne de Kharkiv mardi, selon les autorités locales.",
    },
    {
        "id": "bbc-1",
        "outlet": "BBC",
        "published": "2024-05-07",
        "lang": "en",
        "text": "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, local officials said.",
    },
    {
        "id": "rfi-1",
        "outlet": "RFI",
        "published": "2024-05-07",
        "lang": "fr",
        "text": "L'armée russe a pilonné la ville ukrainienne de Kharkiv mardi.",
    },
    {
        "id": "bbc-2",
        "outlet": "BBC",
        "published": "2024-05-07",
        "lang": "en",
        "text": "The Russian government threatened Ukraine with retaliation on Tuesday.",
    },
]


@pytest.mark.slow
def test_merge_three_outlets_one_event_and_a_distinct_one(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in STORIES) + "\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    with open_store(db) as store:
        report = code_sources([path], store)
        assert report.failures == []
        rows = store.events()
    attacks = [r for r in rows if r["root"] == "19" and (r["source_code"] or "").startswith("RUS")]
    assert {r["article_id"] for r in attacks} == {"lemonde-1", "bbc-1", "rfi-1"}
    assert len({r["event_id"] for r in attacks}) == 1
    assert {(r["num_mentions"], r["num_sources"], r["num_articles"]) for r in attacks} == {(3, 3, 3)}
    # the merged event is more certain than any single report of it
    assert all(r["event_confidence"] > max(a["confidence"] for a in attacks) for r in attacks)
    threats = [r for r in rows if r["root"] == "13"]
    assert threats and {r["event_id"] for r in threats}.isdisjoint({r["event_id"] for r in attacks})
    first_id = attacks[0]["event_id"]
    # re-ingesting adds nothing; a new article joins the existing event and keeps its id
    more = tmp_path / "more.jsonl"
    more.write_text(
        json.dumps(
            {
                "id": "afp-1",
                "outlet": "AFP",
                "published": "2024-05-08",
                "lang": "en",
                "text": "Russian troops bombarded Kharkiv in Ukraine.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    with open_store(db) as store:
        again = code_sources([path], store)
        assert again.events_added == 0 and again.articles_known == 4
        code_sources([more], store)
        rows = store.events()
    attacks = [r for r in rows if r["root"] == "19" and (r["source_code"] or "").startswith("RUS")]
    assert {r["event_id"] for r in attacks} == {first_id}
    assert {r["num_sources"] for r in attacks} == {4}


@pytest.mark.slow
def test_issue11_gdelt_export_of_the_merge_corpus(tmp_path: Path) -> None:
    """GDELT export of this corpus: one row per merged event, NumSources 3 for the three-outlet strike; mentions per report."""
    import csv

    from tocsin.interop import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, export_events_gdelt_mentions, export_gdelt

    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in STORIES) + "\n", encoding="utf-8")
    with open_store(tmp_path / "t.duckdb") as store:
        assert code_sources([path], store).failures == []
        rows = store.events()
        out, mentions_out = tmp_path / "events.CSV", tmp_path / "mentions.CSV"
        written = export_gdelt(store, out, source="tocsin")
        assert export_events_gdelt_mentions(rows, mentions_out) == len(rows)

    def read(file: Path, columns: list[str]) -> list[dict[str, str]]:
        with file.open(encoding="utf-8", newline="") as fh:
            return [dict(zip(columns, r)) for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]

    exported = read(out, GDELT_EVENT_COLUMNS)
    assert written == len(exported) == len({r["event_id"] for r in rows}) < len(rows)
    assert len({r["GLOBALEVENTID"] for r in exported}) == len(exported)
    strikes = [r for r in exported if r["EventRootCode"] == "19" and r["Actor1CountryCode"] == "RUS"]
    assert len(strikes) == 1
    assert (strikes[0]["NumMentions"], strikes[0]["NumSources"], strikes[0]["NumArticles"]) == ("3", "3", "3")
    mentions = read(mentions_out, GDELT_MENTION_COLUMNS)
    of_strike = [m for m in mentions if m["GLOBALEVENTID"] == strikes[0]["GLOBALEVENTID"]]
    assert sorted(m["MentionSourceName"] for m in of_strike) == ["BBC", "Le Monde", "RFI"]


# -- issue 11: two towns are two places --------------------------------------------------------

JERMUK = {
    "base_code": "190",
    "source_country": "AZE",
    "target_country": "ARM",
    "event_date": date(2024, 5, 7),
    "date_precision": "day",
    "country": "ARM",
}
ARMENIA = {"geonames_id": 174982, "lat": 40.31, "lon": 44.58, "geo_precision": "country", "place": "Armenia"}


def test_merge_two_towns_forty_km_apart_are_two_places() -> None:
    """Jermuk and Vardenis are 38 km apart: two GeoNames towns are one place only a few kilometres apart."""
    jermuk = Report(**JERMUK, geonames_id=174884, lat=39.83948, lon=45.67112, geo_precision="city", place="Jermuk")  # type: ignore[arg-type]
    vardenis = Report(**JERMUK, geonames_id=616108, lat=40.1827, lon=45.73156, geo_precision="city", place="Vardenis")  # type: ignore[arg-type]
    assert not same_event(jermuk, vardenis)
    assert same_event(jermuk, Report(**JERMUK, geonames_id=174884, lat=39.84, lon=45.67, geo_precision="city", place="Jermuk"))  # type: ignore[arg-type]
    # one city under two entries a few kilometres apart, or cities without ids within 50 km, are still one place
    assert same_event(jermuk, Report(**JERMUK, geonames_id=1, lat=39.86, lon=45.70, geo_precision="city", place="Dzhermuk"))  # type: ignore[arg-type]
    assert same_event(Report(**JERMUK, geonames_id=None, lat=39.83, lon=45.67, geo_precision="city", place="Jermuk"),  # type: ignore[arg-type]
                      Report(**JERMUK, geonames_id=None, lat=40.1, lon=45.7, geo_precision="city", place="Jermuk spa"))  # type: ignore[arg-type]  # fmt: skip


def test_merge_country_level_reports_naming_different_towns_stay_two() -> None:
    at_country = {**JERMUK, **ARMENIA}
    jermuk = Report(**{**at_country, "place": "Jermuk, Armenia", "geonames_id": None})  # type: ignore[arg-type]
    vardenis = Report(**{**at_country, "place": "Vardenis, Armenia", "geonames_id": None})  # type: ignore[arg-type]
    armenia = Report(**at_country)  # type: ignore[arg-type]
    assert (named_town(jermuk), named_town(vardenis), named_town(armenia)) == ("jermuk", "vardenis", None)
    assert not same_event(jermuk, vardenis)
    assert same_event(jermuk, Report(**{**at_country, "place": "JERMUK, Armenia", "geonames_id": None}))  # type: ignore[arg-type]
    # a report placed at the country alone is compatible with either; a city report with the town of its name only
    assert same_event(jermuk, armenia) and same_event(armenia, vardenis)
    city = Report(**JERMUK, geonames_id=174884, lat=39.83948, lon=45.67112, geo_precision="city", place="Jermuk")  # type: ignore[arg-type]
    assert same_event(city, jermuk) and not same_event(city, vardenis)
    assert not same_event(jermuk, Report(**{**at_country, "country": "AZE", "place": "Jermuk, Azerbaijan", "geonames_id": None}))  # type: ignore[arg-type]


def _strike(article_id: str, outlet: str, place: str, **geo: object) -> Article:
    text = f"Azerbaijani forces shelled {place.split(',')[0]} on Tuesday."
    article = Article(text=text, id=article_id, outlet=outlet, published="2024-05-07", sentences=[Sentence(0, 0, len(text), text)])
    article.events = [Event(article_id=article_id, sentence_index=0, sentence=text, cameo="194", root="19", quad=4, goldstein=-10.0,
                            source_code="AZEMIL", target_code="ARM", trigger="shelled", trigger_start=19, trigger_end=26,
                            confidence=0.6, place=place, country="ARM", country_fips="AM", **geo)]  # type: ignore[arg-type]  # fmt: skip
    return article


@pytest.mark.parametrize("level", ["country", "city"])
def test_issue11_jermuk_and_vardenis_strikes_stay_two_events(tmp_path: Path, level: str) -> None:
    """The store's merge (Python and its SQL, across batches): two strikes on two towns are two events, at country
    level (towns the gazetteer lacks) as at city level; a report placed at the country alone joins one of them."""
    if level == "country":
        jermuk = {"place": "Jermuk, Armenia", "lat": 40.31, "lon": 44.58, "geonames_id": None, "geo_precision": "country"}
        vardenis = {"place": "Vardenis, Armenia", "lat": 40.31, "lon": 44.58, "geonames_id": None, "geo_precision": "country"}
    else:
        jermuk = {"place": "Jermuk", "lat": 39.83948, "lon": 45.67112, "geonames_id": 174884, "geo_precision": "city"}
        vardenis = {"place": "Vardenis", "lat": 40.1827, "lon": 45.73156, "geonames_id": 616108, "geo_precision": "city"}
    with open_store(tmp_path / "t.duckdb") as store:
        store.save([_strike("a-1", "AFP", **jermuk)])  # type: ignore[arg-type]
        store.save([_strike("b-1", "BBC", **vardenis), _strike("c-1", "RFI", **jermuk)])  # type: ignore[arg-type]
        store.save([_strike("d-1", "DW", "Armenia", lat=40.31, lon=44.58, geonames_id=174982, geo_precision="country")])
        rows = {r["article_id"]: r for r in store.events()}
        assert store.count("merged_events") == 2
    assert rows["a-1"]["event_id"] == rows["c-1"]["event_id"] != rows["b-1"]["event_id"]
    assert rows["d-1"]["event_id"] in (rows["a-1"]["event_id"], rows["b-1"]["event_id"])
    assert rows["a-1"]["num_sources"] + rows["b-1"]["num_sources"] == 4 and rows["a-1"]["num_sources"] >= 2


@pytest.mark.slow
def test_issue11_jermuk_and_vardenis_coded_from_news_stay_two_events(tmp_path: Path) -> None:
    """End to end: the two strikes resolve to their towns and are two events; a third outlet's Jermuk report joins."""
    stories = [
        {"id": "afp-j", "outlet": "AFP", "published": "2022-09-13", "lang": "en", "text": "Azerbaijani forces shelled Jermuk in Armenia on Tuesday."},
        {"id": "bbc-v", "outlet": "BBC", "published": "2022-09-13", "lang": "en", "text": "Azerbaijani forces shelled Vardenis in Armenia on Tuesday."},
        {"id": "rfi-j", "outlet": "RFI", "published": "2022-09-13", "lang": "fr", "text": "Les forces azerbaïdjanaises ont bombardé Jermuk, en Arménie, mardi."},
    ]  # fmt: skip
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in stories) + "\n", encoding="utf-8")
    with open_store(tmp_path / "t.duckdb") as store:
        assert code_sources([path], store).failures == []
        rows = {r["article_id"]: r for r in store.events() if r["root"] == "19"}
    assert set(rows) == {"afp-j", "bbc-v", "rfi-j"}
    assert (rows["afp-j"]["place"], rows["afp-j"]["geonames_id"], rows["afp-j"]["geo_precision"]) == ("Jermuk", 174884, "city")
    assert (rows["bbc-v"]["place"], rows["bbc-v"]["geonames_id"], rows["bbc-v"]["geo_precision"]) == ("Vardenis", 616108, "city")
    assert rows["afp-j"]["event_id"] == rows["rfi-j"]["event_id"] != rows["bbc-v"]["event_id"]
    assert (rows["afp-j"]["num_sources"], rows["bbc-v"]["num_sources"]) == (2, 1)


@pytest.mark.parametrize(("window", "merged"), [(None, 2), (3, 1)])
def test_merge_window_comes_from_the_configuration(tmp_path: Path, window: int | None, merged: int) -> None:
    """tuning.store.merge_window_days: two strikes on Kharkiv three days apart are two events with the default window
    (a day), one when the active configuration allows three days."""
    from contextlib import nullcontext

    from tocsin.config import active_config

    config = tmp_path / "run.toml"
    config.write_text(f"[tuning.store]\nmerge_window_days = {{ day = {window}, week = 7, month = 31 }}\n")
    city = {"lat": 49.98, "lon": 36.25, "geonames_id": 706483, "geo_precision": "city", "date_precision": "day"}
    with active_config(config) if window else nullcontext(), open_store(tmp_path / "w.duckdb") as store:
        store.save([_strike("a-1", "AFP", "Kharkiv", event_date="2024-05-07", **city)])  # type: ignore[arg-type]
        store.save([_strike("b-1", "BBC", "Kharkiv", event_date="2024-05-10", **city)])  # type: ignore[arg-type]
        assert store.count("merged_events") == merged
