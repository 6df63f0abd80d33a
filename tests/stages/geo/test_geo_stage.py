"""The geo stage on parsed sentences (real pipeline and spaCy models)."""

from __future__ import annotations

import pytest

from tocsin import code_text
from tocsin.coder import make_pipeline
from tocsin.models import Article, Event
from tocsin.stages.geo import GEO_FIELDS, PlaceEvents

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipelines() -> dict:
    out = {}
    for lang in ("fr", "en"):
        pipeline = make_pipeline(lang=lang)
        pipeline.add_stage(PlaceEvents())
        out[lang] = pipeline
    return out


def _events(pipelines: dict, text: str, lang: str = "fr") -> list[Event]:
    articles = list(pipelines[lang].pipe([Article(text=text, published="2024-05-07")]))
    assert articles, pipelines[lang].failures
    events = articles[0].events
    assert events, f"no event in {text!r}"
    return events


def test_stage_contract() -> None:
    stage = PlaceEvents()
    assert (
        stage.name == "geo" and stage.requires == ("article.events", "article.docs", "doc._.actors") and stage.assigns == ("event.place",)
    )


def test_bombing_of_kharkiv_is_placed_at_kharkiv(pipelines: dict) -> None:
    event = _events(pipelines, "Les forces russes ont bombardé Kharkiv mardi.")[0]
    assert event.place == "Kharkiv" and event.geo_precision == "city"  # type: ignore[attr-defined]
    assert event.country == "UKR" and event.country_fips == "UP" and event.geonames_id == 706483  # type: ignore[attr-defined]
    assert abs(event.lat - 49.99) < 0.2 and abs(event.lon - 36.23) < 0.2  # type: ignore[attr-defined]
    assert event.admin1 == "UA.07"  # type: ignore[attr-defined]


def test_no_place_falls_back_to_the_target_country(pipelines: dict) -> None:
    """A material act with no place named happens in its target's country; a verbal one in its speaker's (below)."""
    event = _events(pipelines, "La Russie a attaqué l'Ukraine.")[0]
    assert event.target_code == "UKR"
    assert event.geo_precision == "country" and event.country == "UKR" and event.place == "Ukraine"  # type: ignore[attr-defined]
    assert event.admin1 is None and event.country_fips == "UP"  # type: ignore[attr-defined]


def test_locative_phrase_governed_by_the_trigger(pipelines: dict) -> None:
    event = _events(pipelines, "Le président Vladimir Poutine a rencontré Emmanuel Macron à Pékin.")[0]
    assert event.place == "Beijing" and event.country == "CHN" and event.geo_precision == "city"  # type: ignore[attr-defined]


def test_source_capital_is_an_actor_not_a_place(pipelines: dict) -> None:
    event = _events(pipelines, "Moscou a menacé Kiev.")[0]
    # not Moscow the city: Russia, the speaker's country, for a verbal act
    assert event.place != "Moscow" and event.country == "RUS" and event.geo_precision == "country"  # type: ignore[attr-defined]


def test_dateline_is_not_the_place_of_a_foreign_event(pipelines: dict) -> None:
    event = _events(pipelines, "WASHINGTON, 7 mai — La Russie a attaqué l'Ukraine.")[0]
    assert event.country == "UKR" and event.geo_precision == "country"  # type: ignore[attr-defined]


def test_dateline_places_an_event_without_a_place(pipelines: dict) -> None:
    event = _events(pipelines, "KHARKIV, 7 mai — La Russie a menacé l'Ukraine.")[0]
    assert event.place == "Kharkiv" and event.geo_precision == "city"  # type: ignore[attr-defined]


def test_region_mention(pipelines: dict) -> None:
    event = _events(pipelines, "L'armée israélienne a bombardé la bande de Gaza.")[0]
    assert event.place == "Gaza Strip" and event.country == "PSE" and event.geo_precision == "region"  # type: ignore[attr-defined]


def test_english_city_of(pipelines: dict) -> None:
    event = _events(pipelines, "Russian forces shelled the city of Kharkiv on Tuesday.", "en")[0]
    assert event.place == "Kharkiv" and event.geo_precision == "city"  # type: ignore[attr-defined]


def test_every_event_gets_every_field(pipelines: dict) -> None:
    for event in _events(pipelines, "La police a arrêté des manifestants à Nice."):
        for name in GEO_FIELDS:
            assert hasattr(event, name)
        assert event.place == "Nice" and event.country == "FRA"  # type: ignore[attr-defined]


def test_geo_seed_first_event_is_placed_at_kharkiv() -> None:
    """Issue 4: the seed's first event (Russian forces advancing near Kharkiv) is placed at Kharkiv, UA, city precision."""
    from pathlib import Path

    from tocsin import code_text

    text = (Path(__file__).resolve().parents[3] / "samples" / "seed_fr_kharkiv.txt").read_text(encoding="utf-8")
    first = [e for e in code_text(text, lang="fr").events if e.sentence_index == 0]
    assert first
    event = first[0]
    assert event.geo_precision == "city" and event.country == "UKR" and event.country_fips == "UP"
    assert abs(event.lat - 49.99) <= 0.2 and abs(event.lon - 36.23) <= 0.2


@pytest.mark.parametrize(
    ("text", "lang", "admin1"),
    [("Les forces russes ont bombardé la région de Kharkiv mardi.", "fr", "UA.07"),
     ("L'armée russe a bombardé l'oblast de Zaporijia.", "fr", "UA.26"),
     ("L'armée nigériane a attaqué des militants de Boko Haram dans l'État de Borno.", "fr", "NG.27"),
     ("Russian forces shelled the Zaporizhzhia region on Tuesday.", "en", "UA.26"),
     ("Syrian government forces bombed Idlib province on Monday.", "en", "SY.12"),
     ("Pakistani forces attacked militants in Khyber Pakhtunkhwa.", "en", "PK.03")],
)  # fmt: skip
def test_first_level_regions(pipelines: dict, text: str, lang: str, admin1: str) -> None:
    event = _events(pipelines, text, lang)[0]
    assert event.geo_precision == "region" and event.admin1 == admin1, (event.place, event.admin1, event.geo_precision)  # type: ignore[attr-defined]
    assert event.lat is not None and event.lon is not None  # type: ignore[attr-defined]


def test_the_city_is_not_its_region(pipelines: dict) -> None:
    event = _events(pipelines, "L'armée russe a frappé Kharkiv mardi.")[0]
    assert event.place == "Kharkiv" and event.geo_precision == "city" and event.admin1 == "UA.07"  # type: ignore[attr-defined]


def test_a_region_named_like_a_word_is_not_taken(pipelines: dict) -> None:
    """ "Sud" is a department of Haiti; in "le district militaire Sud" it is not a place."""
    for event in _events(pipelines, "Le district militaire Sud de la Russie a menacé l'Ukraine."):
        assert event.country != "HTI"  # type: ignore[attr-defined]


def test_geo_capitalised_runs_stand_for_untagged_proper_nouns() -> None:
    from tocsin.stages.geo import _capitalised_runs

    text = "Residents of New York and Saint-Denis met in Mysuru, said the Red Cross."
    assert list(_capitalised_runs(text)) == ["New York", "Saint-Denis", "Mysuru", "Red Cross"]


# -- issue 11: small towns, honest country-level places ------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "place", "geonames_id"),
    [
        ("Azerbaijani forces shelled Jermuk on Tuesday.", "en", "Jermuk", 174884),
        ("L'armée azerbaïdjanaise a bombardé la ville arménienne de Vardenis.", "fr", "Vardenis", 616108),
    ],
)
def test_geo_small_towns_are_placed_at_the_town(pipelines: dict, text: str, lang: str, place: str, geonames_id: int) -> None:
    event = _events(pipelines, text, lang)[0]
    assert (event.place, event.geonames_id, event.geo_precision, event.country) == (place, geonames_id, "city", "ARM")


def test_geo_kinmen_is_placed_in_taiwan(pipelines: dict) -> None:
    event = _events(pipelines, "Chinese forces shelled Kinmen on Tuesday.", "en")[0]
    assert (event.place, event.country, event.geo_precision) == ("Kinmen", "TWN", "region")


def test_geo_country_level_place_is_the_country_not_its_capital(pipelines: dict) -> None:
    from tocsin.stages.geo.gazetteer import Gazetteer

    event = _events(pipelines, "La Russie a attaqué l'Ukraine.")[0]
    kyiv = Gazetteer.load().resolve("Kyiv")
    assert event.geo_precision == "country" and event.place == "Ukraine"
    assert (event.lat, event.lon) != (kyiv.lat, kyiv.lon) and abs(event.lat - kyiv.lat) + abs(event.lon - kyiv.lon) > 1  # type: ignore[operator,union-attr]


def test_geo_unknown_town_keeps_its_name_at_country_level(pipelines: dict) -> None:
    """A town the gazetteer lacks: placed at the country, named ("Zarkhanovka, Armenia"), no GeoNames id."""
    event = _events(pipelines, "Azerbaijani forces shelled the village of Zarkhanovka in Armenia on Tuesday.", "en")[0]
    assert (event.place, event.country, event.geo_precision, event.geonames_id) == ("Zarkhanovka, Armenia", "ARM", "country", None)
    # months and weekdays in a locative phrase are no towns
    event = _events(pipelines, "Russian forces shelled positions in Ukraine in May.", "en")[0]
    assert (event.place, event.geo_precision) == ("Ukraine", "country")


def test_issue12_trigger_tokens_found_by_bisection_among_many_docs() -> None:
    """An event's trigger tokens come from the doc holding it, found by bisecting the docs' starts (not by scanning
    every doc for every event, quadratic in the article's length); docs given out of text order still work."""
    import spacy

    from tocsin.stages.geo import _ArticleContext
    from tocsin.stages.geo.gazetteer import Gazetteer

    nlp = spacy.blank("en")
    paragraph = "Troops shelled the town of Izium at dawn."
    docs, pos = [], 0
    for _ in range(2000):
        docs.append((pos, nlp(paragraph)))
        pos += len(paragraph) + 2
    text = "\n\n".join([paragraph] * 2000)
    article = Article(text=text, id="long", docs=[docs[1], docs[0], *docs[2:]])
    context = _ArticleContext(article, Gazetteer.load())
    for number in (0, 1, 1000, 1999):
        start = docs[number][0] + paragraph.index("shelled")
        event = Event(article_id="long", sentence_index=number, sentence=paragraph, cameo="190", root="19", quad=4, goldstein=-10.0,
                      trigger="shelled", trigger_start=start, trigger_end=start + len("shelled"))  # fmt: skip
        found = context.trigger_tokens(event)
        assert found is not None
        doc, tokens = found
        assert doc is docs[number][1] and [t.text for t in tokens] == ["shelled"]
    gap = docs[5][0] - 1  # the blank line between two docs: no token there
    outside = Event(
        article_id="long",
        sentence_index=0,
        sentence="",
        cameo="190",
        root="19",
        quad=4,
        goldstein=-10.0,
        trigger_start=gap,
        trigger_end=gap + 1,
    )
    assert context.trigger_tokens(outside) is None


def test_geo_max_climb_comes_from_the_configuration(pipelines: dict, tmp_path) -> None:
    """tuning.geo.max_climb: "à Pékin" hangs on the trigger "rencontré" one step up; with no step allowed it is not
    the trigger's locative phrase."""
    from tocsin.config import active_config
    from tocsin.stages.geo import _is_locative_to

    article = next(iter(pipelines["fr"].pipe([Article(text="Poutine a rencontré Macron à Pékin.", published="2024-05-07")])))
    doc = article.docs[0][1]
    beijing, met = (next(t for t in doc if t.text == word) for word in ("Pékin", "rencontré"))
    assert _is_locative_to(beijing, {met.i})
    config = tmp_path / "run.toml"
    config.write_text("[tuning.geo]\nmax_climb = 0\n")
    with active_config(config):
        assert not _is_locative_to(beijing, {met.i})


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("The Greek foreign minister criticised Turkey's plan on Monday.", "en", "GRC"),
        ("Le ministre grec des Affaires étrangères a critiqué lundi le projet de la Turquie.", "fr", "GRC"),
    ],
)
def test_a_verbal_act_happens_where_its_speaker_is(text: str, lang: str, country: str) -> None:
    """With no place tied to it, criticism of Turkey is placed in the critic's country, not in Turkey (issue 9)."""
    events = code_text(text, lang=lang, published="2024-05-07").events
    assert events and all(e.country == country for e in events if e.root == "11"), events


def test_a_verbal_act_is_not_placed_at_a_place_its_words_are_about() -> None:
    text = "Le ministre grec a critiqué lundi l'accord conclu entre la Turquie et la Libye sur la Méditerranée orientale."
    events = code_text(text, lang="fr", published="2024-05-07").events
    assert events and all(e.country == "GRC" for e in events), events


def test_the_capital_where_the_article_happens_places_its_other_events(pipelines: dict) -> None:
    """A capital named as a place ("à Tbilissi") is the article's town: an event whose sentence names no place is
    there, not merely in the country."""
    text = (
        "La police géorgienne a interpellé neuf manifestants lors de la manifestation de samedi à Tbilissi. "
        "Le ministère de l'Intérieur géorgien a ouvert une enquête pénale."
    )
    events = [e for e in _events(pipelines, text) if e.sentence_index == 1]
    assert events and all(e.place == "Tbilisi" for e in events)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            (
                "KYIV (Reuters) - Russian forces shelled Kharkiv on Monday. During the assault, Russian troops "
                "also attacked Ukrainian positions."
            ),
            "en",
            "Kharkiv",
        ),
        (
            (
                "KIEV (Reuters) - Les forces russes ont bombardé Kharkiv lundi. Pendant l'assaut, les troupes "
                "russes ont aussi attaqué des positions ukrainiennes."
            ),
            "fr",
            "Kharkiv",
        ),
    ],
)
def test_an_event_with_no_place_is_where_the_act_just_before_was(pipelines: dict, text: str, lang: str, place: str) -> None:
    """The town where an act of the sentence before happened places the next act whose sentence names no place,
    rather than the dateline (where the report was filed)."""
    events = [e for e in _events(pipelines, text, lang) if e.sentence_index == 1]
    assert events and all(e.place == place for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("The United States Department of Transportation banned all flights to Havana on Friday.", "en", "USA"),
        ("La France a imposé vendredi de nouvelles sanctions à l'Iran.", "fr", "FRA"),
    ],
)
def test_a_decision_that_cuts_ties_happens_where_its_author_is(pipelines: dict, text: str, lang: str, country: str) -> None:
    """Sanctions, bans, expulsions (CAMEO 16) are decided at home, not at the place they hit."""
    events = [e for e in _events(pipelines, text, lang) if e.root == "16"]
    assert events and all(e.country == country for e in events), [(e.cameo, e.place, e.country) for e in events]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        # an airline named after a town: banned at home, and its name elsewhere in the article is no place either
        (
            "Italy on Tuesday banned Iranian airline Hamadan Air from its airspace. Hamadan has faced restrictions before.",
            "en",
            "ITA",
        ),
        ("Selon l'agence de presse Isfahan, la police iranienne a arrêté dix manifestants.", "fr", "IRN"),
    ],
)
def test_geo_an_organisation_named_after_a_town_is_no_place(pipelines: dict, text: str, lang: str, country: str) -> None:
    """A name followed by a company word ("Air", "TV") or set beside a noun of an organisation ("the airline X",
    « l'agence de presse X ») names the organisation, not the town."""
    events = _events(pipelines, text, lang)
    assert all(e.country == country for e in events), [(e.cameo, e.place, e.country) for e in events]  # type: ignore[attr-defined]
    assert not any(e.place in ("Hamadan", "Herat", "Isfahan") for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


def test_geo_a_town_beside_an_organisation_noun_stays_a_place(pipelines: dict) -> None:
    """Negative: "a Kharkiv company" or "the company in Kharkiv" is in Kharkiv; only the noun first names the firm."""
    events = _events(pipelines, "Russian forces shelled a Kharkiv company on Monday.", "en")
    assert any(e.place == "Kharkiv" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


def test_geo_the_country_beside_an_unknown_town_places_it(pipelines: dict) -> None:
    """ "in the town of X, Country": the country in apposition is where the unknown town is; the town named in the
    locative phrase is preferred to the trigger's object."""
    events = _events(pipelines, "A bomb killed Omar Zaydani in the market town of Qarzabad, Yemen, on Friday.", "en")
    assert any(e.place == "Qarzabad, Yemen" and e.country == "YEM" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "name", "how"),
    [
        ("Gunmen shot a Herat TV cameraman in Kabul on Sunday.", "Herat", "tail"),
        ("Police in Herat arrested two men on Sunday.", "Herat", None),
        ("Russian forces shelled a Kharkiv factory on Monday.", "Kharkiv", None),
    ],
)
def test_geo_a_company_word_after_a_name_makes_it_an_organisation(pipelines: dict, text: str, name: str, how: str | None) -> None:
    """ "Herat TV": the name before a company word is the outlet's; "in Herat", "a Kharkiv factory" are places."""
    from tocsin.stages.geo import _org_name

    article = next(iter(pipelines["en"].pipe([Article(text=text, published="2024-05-07")])))
    doc = article.docs[0][1]
    tok = next(t for t in doc if t.text == name)
    assert _org_name(doc, tok.i, tok.i + 1) == how


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            (
                "The foreign ministers of Jordan, Greece and Spain met in Madrid on Monday. "
                "The Jordanian minister joined the talks later. They condemned the Israeli settlements."
            ),
            "en",
            "Madrid",
        ),
        (
            (
                "Les ministres des Affaires étrangères de la Jordanie, de la Grèce et de l'Espagne se sont réunis lundi à "
                "Madrid. Ils ont condamné les colonies israéliennes."
            ),
            "fr",
            "Madrid",
        ),
    ],
)
def test_geo_words_spoken_at_a_meeting_are_placed_at_its_venue(pipelines: dict, text: str, lang: str, place: str) -> None:
    """Statements made in the sentences after a meeting placed in a town are placed at that town, whoever speaks."""
    events = [e for e in _events(pipelines, text, lang) if e.sentence_index > 0 and e.quad in (1, 3)]
    assert events and all(e.place == place for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


def test_geo_a_state_that_speaks_speaks_from_its_country(pipelines: dict) -> None:
    """ "Iran denied" after a strike near Isfahan: a state's word is placed in its country, not in the article's town;
    negative: a mayor speaks from his town, and protesters where they march."""
    text = "Israeli drones struck a military site near Isfahan on Friday. Two days later, the Iranian government denied the report."
    events = [e for e in _events(pipelines, text, "en") if e.sentence_index == 1]
    assert events and all(e.place == "Iran" and e.geo_precision == "country" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]
    text = "Russian drones struck a power plant in Kharkiv on Friday. Mayor of Kharkiv Ihor Terekhov condemned the attack."
    events = [e for e in _events(pipelines, text, "en") if e.sentence_index == 1]
    assert events and all(e.place == "Kharkiv" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "lang", "bad"),
    [
        ("Gunmen attacked an army post near the village of Zarkhabad, about 200 kilometres south of Kabul.", "en", "Kabul"),
        ("Des hommes armés ont attaqué un poste de l'armée, à quelque 200 kilomètres au sud de Niamey.", "fr", "Niamey"),
    ],
)
def test_geo_a_place_measured_from_is_no_place_of_the_event(pipelines: dict, text: str, lang: str, bad: str) -> None:
    """ "200 km south of Kabul": the town a distance is measured from is not where the event happened."""
    events = _events(pipelines, text, lang)
    assert not any(bad in (e.place or "") for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


def test_geo_a_distance_does_not_hide_a_town_in_a_locative_phrase(pipelines: dict) -> None:
    """Negative: a town named in its own locative phrase is still placed, with no distance before it."""
    events = _events(pipelines, "Gunmen attacked an army post in Kandahar, about 200 kilometres south of Kabul.", "en")
    assert any((e.place or "").startswith("Kandah") for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


def test_geo_an_intent_is_not_placed_where_the_planned_act_will_be(pipelines: dict) -> None:
    """ "agreed to a future meeting in Rome": the intent (CAMEO 03) is voiced where its speakers are, not in Rome; a
    locative phrase on the trigger itself still places it."""
    text = "The foreign ministers of Jordan and Spain met in Madrid on Monday. They agreed to a second meeting in Rome."
    events = [e for e in _events(pipelines, text, "en") if e.root == "03"]
    assert events and all(e.place != "Rome" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "speaker",
    ["Goa's government", "The government of Goa"],
)
def test_geo_a_speaker_speaks_from_the_seat_of_its_office(pipelines: dict, speaker: str) -> None:
    """A town or region in the speaker's own words ("Goa's government", "the Mayor of X") places a verbal act there,
    not in the country (a state's word) nor in the article's town."""
    text = (
        "Heavy rain flooded Mumbai on Monday. Hundreds of families were evacuated. Trains were cancelled for two days. "
        f"Schools were closed. {speaker} announced three days of mourning."
    )
    events = [e for e in _events(pipelines, text, "en") if e.sentence_index == 4]
    assert events and all(e.place == "Goa" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "lang", "index", "place"),
    [
        # a sentence with no event moves the story to a town: the next act is there, not at the dateline
        (
            (
                "RAMALLAH, 3 mars — La police israélienne a arrêté deux Palestiniens. Le maire de Naplouse a été témoin"
                " de la scène. Des colons ont attaqué des bergers palestiniens."
            ),
            "fr",
            2,
            "Nablus",
        ),
        (
            (
                "RAMALLAH, March 3 — Israeli police arrested two Palestinians. Journalists were present in the town of"
                " Jenin. Settlers attacked Palestinian shepherds."
            ),
            "en",
            2,
            "Janīn",
        ),
    ],
)
def test_a_town_named_by_a_sentence_without_event_places_the_next_act(
    pipelines: dict, text: str, lang: str, index: int, place: str
) -> None:
    events = [e for e in _events(pipelines, text, lang) if e.sentence_index == index]
    assert events and all(e.place == place for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "RAMALLAH, March 3 — Israeli police arrested two Palestinians. The farm lies 20 km south of Jenin. Settlers attacked shepherds.",
        "RAMALLAH, March 3 — Israeli police arrested two Palestinians. The University of Jenin was closed. Settlers attacked shepherds.",
    ],
)
def test_a_town_measured_from_or_in_a_name_is_no_place_of_the_next_act(pipelines: dict, text: str) -> None:
    events = [e for e in _events(pipelines, text, "en") if e.sentence_index == 2]
    assert events and all(e.place == "Ramallah" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


def test_a_town_that_acts_in_a_sentence_without_event_places_nothing(pipelines: dict) -> None:
    """A town as subject ("Paris is under pressure") stands for its state: no place for the next act."""
    text = "NIAMEY, 3 mars — Les manifestants ont attaqué l'ambassade. Depuis juillet, Paris subit une pression forte. Les putschistes accusent la France."
    events = [e for e in _events(pipelines, text) if e.sentence_index == 2]
    assert events and all(e.place != "Paris" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Moscow expelled two Polish diplomats on Friday.", "en", "Moscow"),
        ("Varsovie a expulsé deux diplomates russes vendredi.", "fr", "Warsaw"),
    ],
)
def test_a_capital_that_cuts_ties_decides_there(pipelines: dict, text: str, lang: str, place: str) -> None:
    """A capital standing for its state expels or sanctions from that city; it is still no place of its words."""
    events = [e for e in _events(pipelines, text, lang) if e.root == "16"]
    assert events and all(e.place == place for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


def test_a_verbal_act_is_not_placed_in_the_country_it_calls_on(pipelines: dict) -> None:
    """A call "on Iran": the country the words address is no locative phrase; the speaker is where they are said."""
    events = _events(pipelines, "The Italian foreign minister called on Iran to free the detained sailors.", "en")
    event = next(e for e in events if e.root == "02")
    assert event.target_code is not None and event.target_code.startswith("IRN")
    assert event.country == "ITA"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Des missiles russes ont tué quatre civils dans plusieurs villes d'Ukraine, malgré la mise en garde envoyée par Bruxelles à Moscou.", "fr"),
     ("Russian missiles killed four civilians in several cities of Ukraine, despite a warning sent by Brussels to Moscow.", "en")],
)  # fmt: skip
def test_a_place_tied_to_the_trigger_beats_a_city_the_sentence_merely_names(pipelines: dict, text: str, lang: str) -> None:
    """The country the act is in ("in cities of Ukraine") wins over a capital named elsewhere in the sentence."""
    event = next(e for e in _events(pipelines, text, lang) if e.root in ("18", "19", "20"))
    assert event.country == "UKR", (event.place, event.trigger)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "place"),
    [("A Baghdad car bombing killed twelve people on Sunday.", "Baghdad"),
     ("On Tuesday a Nairobi market bombing killed seven shoppers.", "Nairobi")],
)  # fmt: skip
def test_a_name_before_the_act_noun_is_its_place(pipelines: dict, text: str, place: str) -> None:
    """ "a Baghdad car bombing": the name that qualifies the act's noun says where it was, even a capital the events
    stage took for the act's author."""
    event = next(e for e in _events(pipelines, text, "en") if e.trigger and "bombing" in e.trigger)
    assert event.place == place, (event.place, event.source_code)  # type: ignore[attr-defined]


def test_an_unknown_town_places_the_next_sentence_like_a_known_one(pipelines: dict) -> None:
    """A town the gazetteer lacks, tied to an act ("Zarqabad, Yemen"), places the act of the next sentence that names
    no place ("the attack"), as a known town would."""
    text = "Gunmen killed a shopkeeper in the town of Zarqabad, Yemen, on Monday. Three other civilians were wounded in the attack."
    events = _events(pipelines, text, "en")
    later = [e for e in events if e.sentence_index == 1]
    assert later and all(e.place == "Zarqabad, Yemen" for e in later), [(e.trigger, e.place) for e in events]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Kharkiv a été touchée cette nuit par une attaque de missiles, tandis que Moscou a fait état de succès militaires.", "fr"),
     ("Kharkiv was hit overnight by a missile attack, while Moscow reported military successes.", "en")],
)  # fmt: skip
def test_a_capital_that_acts_in_another_clause_is_no_place(pipelines: dict, text: str, lang: str) -> None:
    """ "while Moscow reported ...": a capital subject of another verb stands for its government, not a place."""
    event = next(e for e in _events(pipelines, text, lang) if e.trigger and "atta" in e.trigger)
    assert event.place == "Kharkiv", event.place  # type: ignore[attr-defined]


def test_a_name_qualifying_a_person_is_no_place(pipelines: dict) -> None:
    """ "a Bristol woman": where the person is from, like a demonym, not where she was arrested."""
    event = _events(pipelines, "British police arrested a 40-year-old Bristol woman on suspicion of fraud.", "en")[0]
    assert event.place != "Bristol" and event.geo_precision == "country", event.place  # type: ignore[attr-defined]


def test_a_hyphenated_name_is_one_name(pipelines: dict) -> None:
    """ "Marseille-Plage" is one name, whatever tag its second part got: not the town its first part names."""
    event = _events(pipelines, "Des hommes armés ont attaqué mardi le village de Marseille-Plage.")[0]
    assert event.place != "Marseille", event.place  # type: ignore[attr-defined]


def test_a_scene_carries_on_through_acts_placed_by_it(pipelines: dict) -> None:
    """An act placed by the act just before it ("They also burned cars") keeps the story on that scene for the acts
    after it, rather than at the dateline."""
    text = (
        "RAMALLAH, 7 mai (AFP) – Des colons israéliens ont attaqué lundi le village de Huwara. "
        "Ils ont aussi incendié des voitures de Palestiniens. La situation restait tendue dans la soirée. "
        "Des soldats israéliens ont ensuite tiré sur des Palestiniens."
    )
    events = _events(pipelines, text)
    last = [e for e in events if e.sentence_index == 3]
    assert last and all(e.place == "Huwara" for e in last), [(e.sentence_index, e.trigger, e.place) for e in events]  # type: ignore[attr-defined]


def test_an_unknown_town_tied_to_an_act_sets_the_scene_without_another_place(pipelines: dict) -> None:
    """A town the gazetteer lacks, tied to the act by its sentence, sets the scene for the acts after it even when
    nothing else in that sentence places the act ("Zoumbala, Mali" from the country's fallback)."""
    text = (
        "Des jihadistes ont attaqué mardi un camp de l'armée malienne à Zoumbala. "
        "Les assaillants ont ensuite incendié des véhicules militaires."
    )
    events = _events(pipelines, text)
    later = [e for e in events if e.sentence_index == 1]
    assert later and all(e.place == "Zoumbala, Mali" for e in later), [(e.sentence_index, e.trigger, e.place) for e in events]  # type: ignore[attr-defined]


def test_an_act_named_again_with_a_definite_noun_keeps_its_place(pipelines: dict) -> None:
    """ "the attack", "his murder": an act an earlier sentence placed, told of again, is placed there (not at the
    dateline)."""
    text = (
        "ISLAMABAD (Reuters) — Militants attacked a police station in Peshawar on Monday. The station had received "
        "letters for months. Local officials asked for calm. Police said the attack killed four officers."
    )
    events = _events(pipelines, text, "en")
    last = [e for e in events if e.sentence_index == 3 and e.trigger == "attack"]
    assert last and last[0].place == "Peshawar", [(e.sentence_index, e.trigger, e.place) for e in events]  # type: ignore[attr-defined]


def test_an_adjective_of_nearness_ties_its_place(pipelines: dict) -> None:
    """« une base proche de la localité de X » says where the base is, as « près de X » would."""
    text = "Une base militaire malienne proche de la localité de Zoumbala a été visée mardi par une attaque de jihadistes."
    event = _events(pipelines, text)[0]
    assert event.place == "Zoumbala, Mali", event.place  # type: ignore[attr-defined]


def test_a_sentence_names_its_own_unknown_town_once(pipelines: dict) -> None:
    """An unknown town of the sentence replaces the one an earlier sentence named, rather than piling up with it."""
    text = (
        "Des jihadistes ont attaqué mardi un camp de l'armée malienne à Zoumbala. "
        "Les assaillants ont ensuite incendié des véhicules militaires à Tiénkoura."
    )
    events = _events(pipelines, text)
    later = [e for e in events if e.sentence_index == 1]
    assert later and all(e.place == "Tiénkoura, Mali" for e in later), [(e.trigger, e.place) for e in events]  # type: ignore[attr-defined]


def test_geo_a_place_after_a_time_phrase_places_an_intent(pipelines: dict) -> None:
    """ "On Sunday in Marseille, he promised ...": the place phrase hangs on the phrase of time, which hangs on the
    trigger: the intent is voiced there (the intent's rule ties only a phrase on the trigger itself)."""
    text = "On Sunday in Marseille, the French president promised to raise pensions."
    events = [e for e in _events(pipelines, text, "en") if e.root == "03"]
    assert events and all(e.place == "Marseille" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


def test_geo_words_are_spoken_where_the_sentence_before_put_the_speaker(pipelines: dict) -> None:
    """A sentence with no event that puts the story in a town ("spent Tuesday at a factory in Leipzig") places the
    words of the very next sentence there, not at the speaker's country."""
    text = "The German chancellor spent Tuesday at a factory in Leipzig. Later she criticised the Russian government."
    events = [e for e in _events(pipelines, text, "en") if e.sentence_index == 1 and e.quad == 3]
    assert events and all(e.place == "Leipzig" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


def test_geo_words_about_a_strike_are_not_spoken_where_it_hit(pipelines: dict) -> None:
    """A government condemning an attack speaks from its country, not from the town the attack of the sentence before
    hit; a protest after a clash stays on the scene (it is said in the street)."""
    text = "Gunmen attacked a police station in Quetta on Monday, killing four officers. The Pakistani government condemned the attack."
    events = [e for e in _events(pipelines, text, "en") if e.sentence_index == 1]
    assert events and all(e.place == "Pakistan" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]
    text = "Police fired tear gas at protesters in Lyon on Saturday. Thousands of people marched against the pension reform."
    events = [e for e in _events(pipelines, text, "en") if e.sentence_index == 1 and e.root == "14"]
    assert events and all(e.place == "Lyon" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


def test_geo_an_armed_group_does_not_speak_from_the_scene(pipelines: dict) -> None:
    """An armed group claiming an attack speaks from wherever it hides: its country, not the town of the article;
    negative: putschists who hold the capital speak from it."""
    text = "Gunmen attacked a checkpoint in Kismayo on Monday, killing three Somali soldiers. Al-Shabaab claimed responsibility for the attack."
    events = [e for e in _events(pipelines, text, "en") if e.sentence_index == 1]
    assert events and all(e.place == "Somalia" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]
    text = "Mutinous soldiers seized power in Niamey last week. The putschists accused France of planning an intervention."
    events = [e for e in _events(pipelines, text, "en") if e.sentence_index == 1]
    assert events and all(e.place == "Niamey" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


def test_geo_a_material_act_with_no_target_stays_on_the_scene(pipelines: dict) -> None:
    """A strike with no known target, told just after one placed in a town, is on that scene, not in its author's
    country (a Russian missile does not land in Russia)."""
    text = "Des drones russes ont frappé une centrale électrique à Mykolaïv mardi. Un missile russe a aussi été tiré contre le bâtiment, tuant deux personnes."
    events = [e for e in _events(pipelines, text, "fr") if e.sentence_index == 1]
    assert events and all(e.place == "Mykolayiv" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]


def test_geo_a_country_gone_into_or_out_of_is_the_place(pipelines: dict) -> None:
    """ "left Iraq": the object country of a verb of going in or out is where the act is, not the town the article
    named before."""
    events = _events(pipelines, "Heavy rain hit Basra last week. British troops left Iraq in 2009.", "en")
    events = [e for e in events if e.sentence_index == 1]
    assert events and all(e.place == "Iraq" for e in events), [(e.cameo, e.place) for e in events]  # type: ignore[attr-defined]
