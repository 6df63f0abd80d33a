"""The offline gazetteer: names to places, ranking by the article's countries, stop words."""

from __future__ import annotations

import pytest

from tocsin.stages.geo.gazetteer import Gazetteer, Place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("name", ["Kharkiv", "Kharkov", "Харків", "Харьков", "KHARKIV", "kharkiv"])
def test_kharkiv_spellings(gaz: Gazetteer, name: str) -> None:
    place = gaz.resolve(name)
    assert place is not None
    assert place.country_iso3 == "UKR" and place.country_fips == "UP" and place.geonames_id == 706483
    assert place.precision == "city" and place.name == "Kharkiv"
    assert abs(place.lat - 49.99) < 0.2 and abs(place.lon - 36.23) < 0.2  # type: ignore[operator]


def test_paris_is_in_france(gaz: Gazetteer) -> None:
    place = gaz.resolve("Paris")
    assert place is not None and place.country_iso3 == "FRA" and place.country_fips == "FR" and place.precision == "city"


@pytest.mark.parametrize(
    ("name", "geonames_id", "iso3"),
    [("Kiev", 703448, "UKR"), ("Kyiv", 703448, "UKR"), ("Odessa", 698740, "UKR"), ("Odesa", 698740, "UKR"),
     ("Moscou", 524901, "RUS"), ("Pékin", 1816670, "CHN"), ("Pekin", 1816670, "CHN"), ("Londres", 2643743, "GBR"),
     ("Tel-Aviv", 293397, "ISR"), ("Tel Aviv", 293397, "ISR"), ("Koupiansk", None, "UKR")],
)  # fmt: skip
def test_french_and_english_names(gaz: Gazetteer, name: str, geonames_id: int | None, iso3: str) -> None:
    place = gaz.resolve(name)
    assert place is not None and place.country_iso3 == iso3
    if geonames_id is not None:
        assert place.geonames_id == geonames_id


@pytest.mark.parametrize("word", ["Iskander", "Vladimir", "russe", "Russe", "Kinjal", "Défense", "Sud", "Mars", "mardi", "Tuesday"])
def test_words_that_only_look_like_places(gaz: Gazetteer, word: str) -> None:
    assert gaz.resolve(word) is None
    assert gaz.candidates(word) == []


def test_ranking_by_the_article_countries(gaz: Gazetteer) -> None:
    assert gaz.resolve("Tripoli").country_iso3 == "LBY"  # type: ignore[union-attr]  # the larger one
    assert gaz.resolve("Tripoli", countries=("LBN",)).country_iso3 == "LBN"  # type: ignore[union-attr]
    assert gaz.resolve("Tripoli", countries=("LBY",)).country_iso3 == "LBY"  # type: ignore[union-attr]
    assert gaz.resolve("Alexandria", countries=("EGY",)).country_iso3 == "EGY"  # type: ignore[union-attr]
    us = gaz.resolve("Alexandria", countries=("USA",))
    assert us is not None and us.country_iso3 == "USA" and us.admin1 == "US.VA"  # the most populous US one
    # the order of the countries is the order of preference
    assert gaz.resolve("Alexandria", countries=("USA", "EGY")).country_iso3 == "USA"  # type: ignore[union-attr]
    assert gaz.resolve("Alexandria", countries=("EGY", "USA")).country_iso3 == "EGY"  # type: ignore[union-attr]


def test_candidates_are_every_match_most_populous_first(gaz: Gazetteer) -> None:
    found = gaz.candidates("Tripoli")
    assert {p.country_iso3 for p in found} >= {"LBY", "LBN"}
    assert all(isinstance(p, Place) for p in found)
    assert found[0].country_iso3 == "LBY"


def test_accents_are_optional(gaz: Gazetteer) -> None:
    assert gaz.resolve("Pékin") == gaz.resolve("Pekin") == gaz.resolve("PÉKIN")
    assert gaz.resolve("Saint-Pétersbourg") == gaz.resolve("Saint Petersbourg")


def test_countries_say_precision_country(gaz: Gazetteer) -> None:
    ukraine = gaz.resolve("Ukraine")
    assert ukraine is not None and ukraine.precision == "country" and ukraine.country_iso3 == "UKR" and ukraine.country_fips == "UP"
    assert ukraine.admin1 is None and ukraine.lat is not None  # the country's point, flagged as country-level
    assert gaz.resolve("États-Unis") == gaz.country("USA")
    assert gaz.country("DEU").country_fips == "GM"  # type: ignore[union-attr]
    assert gaz.fips("GBR") == "UK" and gaz.fips("XKX") == "KV"


def test_regions_from_aliases(gaz: Gazetteer) -> None:
    crimea = gaz.resolve("Crimée")
    assert crimea is not None and crimea.precision == "region" and crimea.country_iso3 == "UKR"
    assert crimea == gaz.resolve("Crimea")
    strip = gaz.resolve("bande de Gaza")
    assert strip is not None and strip.name == "Gaza Strip" and strip.country_iso3 == "PSE" and strip.precision == "region"
    assert gaz.resolve("Gaza").precision == "city"  # type: ignore[union-attr]


def test_us_states_are_regions(gaz: Gazetteer) -> None:
    texas = gaz.resolve("Texas")
    assert texas is not None and texas.precision == "region" and texas.admin1 == "US.TX" and texas.country_iso3 == "USA"
    assert 25 < texas.lat < 37 and -107 < texas.lon < -93  # type: ignore[operator]
    assert gaz.resolve("Georgia").country_iso3 == "GEO"  # type: ignore[union-attr]
    assert gaz.resolve("Georgia", countries=("USA",)).admin1 == "US.GA"  # type: ignore[union-attr]


def test_load_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz
    assert len(gaz) > 30000


# ---------------------------------------------------------------- first-level regions (admin1.tsv)


@pytest.mark.parametrize(
    ("name", "iso3", "admin1"),
    [("Kharkiv Oblast", "UKR", "UA.07"), ("Idlib Governorate", "SYR", "SY.12"), ("Khyber Pakhtunkhwa", "PAK", "PK.03"),
     ("Borno State", "NGA", "NG.27"), ("Bavaria", "DEU", "DE.02"), ("California", "USA", "US.CA")],
)  # fmt: skip
def test_regions_worldwide_by_full_name(gaz: Gazetteer, name: str, iso3: str, admin1: str) -> None:
    place = gaz.resolve(name, prefer="region")
    assert place is not None and place.precision == "region"
    assert place.country_iso3 == iso3 and place.admin1 == admin1
    assert place.lat is not None and place.lon is not None


def test_every_country_with_regions_has_them(gaz: Gazetteer) -> None:
    regions = [p for p in gaz.places if p.precision == "region" and p.admin1]
    assert len(regions) > 3000
    assert len({p.country_iso3 for p in regions}) > 200
    # a region's point lies near its cities: Kharkiv Oblast's within 1 degree of the city of Kharkiv
    oblast = gaz.region("UA.07")
    assert oblast is not None and abs(oblast.lat - 49.98) < 1 and abs(oblast.lon - 36.25) < 1  # type: ignore[operator]


def test_region_asked_for_by_the_city_it_is_named_after(gaz: Gazetteer) -> None:
    """ "la région de Kharkiv": the city's name, the region wanted; spellings of the two may differ."""
    assert gaz.resolve("Kharkiv").precision == "city"  # type: ignore[union-attr]
    for name, admin1 in [("Kharkiv", "UA.07"), ("Zaporijia", "UA.26"), ("Idleb", "SY.12"), ("Donetsk", "UA.05")]:
        place = gaz.resolve(name, countries=["UKR", "SYR"], prefer="region")
        assert place is not None and place.precision == "region" and place.admin1 == admin1, name
    # a town whose region bears another name stays the town
    kupiansk = gaz.resolve("Koupiansk", prefer="region")
    assert kupiansk is not None and kupiansk.precision == "city"


def test_region_names_that_are_words_need_the_article_countries(gaz: Gazetteer) -> None:
    # "Sud" and "Centre" are regions of Haiti (and more): never a place of a Russian article
    assert gaz.resolve("Sud", countries=["RUS"]) is None or gaz.resolve("Sud", countries=["RUS"]).country_iso3 != "HTI"  # type: ignore[union-attr]
    assert gaz.resolve("Centre", countries=["FRA"]) is None or gaz.resolve("Centre", countries=["FRA"]).country_iso3 == "FRA"  # type: ignore[union-attr]
    # ... but a base name in the article's country is found: "Anbar" in an Iraqi story
    anbar = gaz.resolve("Anbar", countries=["IRQ"])
    assert anbar is not None and anbar.precision == "region" and anbar.admin1 == "IQ.01"
    assert gaz.resolve("Anbar", countries=["FRA"]) is not None  # unique full name "Al Anbar" without the article


def test_small_towns_the_dictionary_names(gaz: Gazetteer) -> None:
    for name, iso3 in [("Vuhledar", "UKR"), ("Chasiv Yar", "UKR"), ("Srebrenica", "BIH"), ("Yongbyon", "PRK")]:
        place = gaz.resolve(name)
        assert place is not None and place.precision == "city" and place.country_iso3 == iso3, name
        assert place.geonames_id is not None and place.admin1 is not None


def test_arabic_article_is_optional(gaz: Gazetteer) -> None:
    for a, b in [("Fallujah", "Al Fallujah"), ("Raqqa", "Ar-Raqqah")]:
        pa, pb = gaz.resolve(a), gaz.resolve(b)
        assert pa is not None and pb is not None and pa.geonames_id == pb.geonames_id, (a, b)


# -- issue 11: small towns, country points ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "countries", "geonames_id"),
    [("Jermuk", (), 174884), ("Jermuk", ("AZE", "ARM"), 174884), ("Vardenis", (), 616108), ("Vardenis", ("ARM",), 616108)],
)
def test_gazetteer_small_towns_resolve(gaz: Gazetteer, name: str, countries: tuple[str, ...], geonames_id: int) -> None:
    """Towns under 15,000 inhabitants (GeoNames cities1000): Jermuk has 4,095, Vardenis 12,651."""
    place = gaz.resolve(name, countries=countries)
    assert place is not None and place.geonames_id == geonames_id and place.name == name
    assert place.country_iso3 == "ARM" and place.country_fips == "AM" and place.precision == "city"
    assert place.admin1 is not None and place.admin1.startswith("AM.") and 39 < place.lat < 41.5  # type: ignore[operator]
    assert gaz.by_geonames_id(geonames_id) == place


def test_gazetteer_kinmen_is_the_island_county_of_taiwan(gaz: Gazetteer) -> None:
    for name in ("Kinmen", "Quemoy"):
        place = gaz.resolve(name)
        assert place is not None and place.name == "Kinmen" and place.country_iso3 == "TWN" and place.precision == "region"
        assert abs(place.lat - 24.44) < 0.1 and abs(place.lon - 118.37) < 0.1  # type: ignore[operator]


def test_gazetteer_small_towns_answer_only_in_the_callers_countries(gaz: Gazetteer) -> None:
    """A small-town name shared across countries means nothing without the article's countries; a big city or a place
    of the caller's countries is never displaced by a hamlet of the same name."""
    assert gaz.resolve("Ravenel") is None
    assert gaz.resolve("Ravenel", countries=["FRA"]).country_iso3 == "FRA"  # type: ignore[union-attr]
    assert gaz.resolve("Ravenel", countries=["USA"]).country_iso3 == "USA"  # type: ignore[union-attr]
    assert gaz.resolve("London", countries=["USA"]).country_iso3 == "GBR"  # type: ignore[union-attr]
    assert gaz.resolve("Berlin", countries=["USA"]).country_iso3 == "DEU"  # type: ignore[union-attr]
    assert gaz.resolve("Nice", countries=["USA"]).country_iso3 == "FRA"  # type: ignore[union-attr]


def test_gazetteer_country_point_is_not_the_capital(gaz: Gazetteer) -> None:
    """A country-level place has the country's own point, never its capital's coordinates posing as a city."""
    import math

    def km(a: Place, b: Place) -> float:
        p1, p2 = math.radians(a.lat), math.radians(b.lat)  # type: ignore[arg-type]
        d = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2  # type: ignore[operator]
        return 6371 * 2 * math.asin(math.sqrt(d))

    for iso3, capital, at_least in (("RUS", "Moscow", 500), ("USA", "Washington", 500), ("UKR", "Kyiv", 100), ("ARM", "Yerevan", 5)):
        country, city = gaz.country(iso3), gaz.resolve(capital, countries=[iso3])
        assert country is not None and city is not None and country.precision == "country" and city.precision == "city"
        assert country.lat is not None and km(country, city) > at_least, iso3
    ukraine = gaz.country("UKR")
    assert 47 < ukraine.lat < 50 and 29 < ukraine.lon < 34  # type: ignore[operator,union-attr]  # the middle of Ukraine
    same_as_capital = [p.name for p in gaz.places if p.precision == "country" and p.lat is not None
                       and any(c.lat == p.lat and c.lon == p.lon for c in gaz.candidates(p.name) if c.precision == "city")]  # fmt: skip
    assert same_as_capital == []


def test_gazetteer_places_sequence_builds_towns_on_use(gaz: Gazetteer) -> None:
    places = gaz.places
    last = places[len(places) - 1]
    assert last is places[-1] and last.precision == "city" and last.population < 15000  # a small town, built once and kept
    assert places[len(places) - 2 :] == [places[-2], places[-1]]
    with pytest.raises(IndexError):
        places[len(places)]
    with pytest.raises(ValueError):
        places.append(last)  # type: ignore[attr-defined]  # towns come last: no place after them
    assert gaz.by_geonames_id(last.geonames_id) == last  # type: ignore[arg-type]


def test_gazetteer_tuning_comes_from_the_configuration(gaz: Gazetteer, tmp_path) -> None:
    """tuning.geo: a unique small town answers outside the caller's countries only when its name is long enough
    (Jermuk has 6 letters, Vardenis 8), and only a place of big_city people or more outranks a small town of the
    caller's countries (Nice, France over Nice, California); the same gazetteer serves (trusted_population unchanged)."""
    from tocsin.config import active_config

    config = tmp_path / "run.toml"
    config.write_text("[tuning.geo]\nunique_town_min_length = 7\nbig_city = 10_000_000\n")
    assert gaz.resolve("Jermuk") is not None and gaz.resolve("Nice", countries=["USA"]).country_iso3 == "FRA"  # type: ignore[union-attr]
    with active_config(config):
        assert Gazetteer.load() is gaz
        assert gaz.resolve("Jermuk") is None and gaz.resolve("Jermuk", countries=["ARM"]).geonames_id == 174884  # type: ignore[union-attr]
        assert gaz.resolve("Vardenis").geonames_id == 616108  # type: ignore[union-attr]
        assert gaz.resolve("Nice", countries=["USA"]).country_iso3 == "USA"  # type: ignore[union-attr]
