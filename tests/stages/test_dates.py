"""Tests for tocsin.stages.dates (event dates from time expressions and the article date)."""

from __future__ import annotations

import pytest

from tocsin.models import Article, Event
from tocsin.stages.dates import DateEvents, ResolvedDate, resolve_date

TUE = "2024-05-07"  # a Tuesday
WED = "2024-05-08"
THU = "2024-05-09"
SUN = "2024-05-12"
DEC = "2024-12-20"

# (sentence, lang, published, expected date, precision, expected text)
TABLE = [
    # French: weekdays
    ("Le ministre a reçu mardi les syndicats.", "fr", TUE, "2024-05-07", "day", "mardi"),
    ("Les syndicats ont manifesté lundi.", "fr", TUE, "2024-05-06", "day", "lundi"),
    ("Il s'est exprimé dimanche à Paris.", "fr", TUE, "2024-05-05", "day", "dimanche"),
    ("Le sommet s'est tenu jeudi.", "fr", TUE, "2024-05-02", "day", "jeudi"),
    ("Mardi dernier, le gouvernement a cédé.", "fr", TUE, "2024-04-30", "day", "Mardi dernier"),
    ("Le président a parlé lundi soir.", "fr", TUE, "2024-05-06", "day", "lundi soir"),
    ("Des frappes ont eu lieu dans la nuit de mardi à mercredi.", "fr", WED, "2024-05-07", "day", "dans la nuit de mardi à mercredi"),
    ("Le vote aura lieu samedi prochain.", "fr", TUE, "2024-05-11", "day", "samedi prochain"),
    # French: relative days
    ("Le Premier ministre a démissionné hier.", "fr", TUE, "2024-05-06", "day", "hier"),
    ("La police a interpellé avant-hier trois suspects.", "fr", TUE, "2024-05-05", "day", "avant-hier"),
    ("Aujourd'hui, les ministres se réunissent.", "fr", TUE, "2024-05-07", "day", "Aujourd'hui"),
    ("Aujourd’hui, les ministres se réunissent.", "fr", TUE, "2024-05-07", "day", "Aujourd’hui"),
    ("Il rencontrera demain son homologue.", "fr", TUE, "2024-05-08", "day", "demain"),
    ("Le chef de l'État s'est exprimé hier soir.", "fr", TUE, "2024-05-06", "day", "hier soir"),
    ("Il a été arrêté il y a deux jours.", "fr", TUE, "2024-05-05", "day", "il y a deux jours"),
    # French: dates
    ("L'accord a été signé le 9 mai.", "fr", TUE, "2024-05-09", "day", "le 9 mai"),
    ("L'accord a été signé 3 mai à Rome.", "fr", TUE, "2024-05-03", "day", "3 mai"),
    ("L'accord a été signé le 9 mai 2023.", "fr", TUE, "2023-05-09", "day", "le 9 mai 2023"),
    ("La manifestation du 1er mai a dégénéré.", "fr", TUE, "2024-05-01", "day", "du 1er mai"),
    ("Le scrutin du 15 décembre a été annulé.", "fr", TUE, "2023-12-15", "day", "du 15 décembre"),
    ("Le sommet est prévu le 5 janvier.", "fr", DEC, "2025-01-05", "day", "le 5 janvier"),
    ("Jeudi 9 mai, les députés voteront.", "fr", TUE, "2024-05-09", "day", "Jeudi 9 mai"),
    ("Les combats ont repris le 12 janv. dans l'est.", "fr", TUE, "2024-01-12", "day", "le 12 janv."),
    ("Le décret du 2024-05-02 est paru.", "fr", TUE, "2024-05-02", "day", "2024-05-02"),
    ("Le décret daté du 09/05/2024 est paru.", "fr", TUE, "2024-05-09", "day", "09/05/2024"),
    # French: months and weeks
    ("Les grèves ont commencé début mai.", "fr", TUE, "2024-05-01", "month", "début mai"),
    ("Le texte sera voté mi-mai.", "fr", TUE, "2024-05-15", "week", "mi-mai"),
    ("Les négociations ont échoué fin avril.", "fr", TUE, "2024-04-24", "week", "fin avril"),
    ("Le cessez-le-feu a été rompu à la fin du mois d'avril.", "fr", TUE, "2024-04-24", "week", "à la fin du mois d'avril"),
    ("Le parlement a voté en mai la réforme.", "fr", TUE, "2024-05-01", "month", "en mai"),
    ("Les troupes se sont retirées en octobre.", "fr", TUE, "2023-10-01", "month", "en octobre"),
    ("Les deux pays ont rompu la semaine dernière.", "fr", TUE, "2024-04-29", "week", "la semaine dernière"),
    ("Le ministre se rendra cette semaine à Kiev.", "fr", TUE, "2024-05-06", "week", "cette semaine"),
    ("Le gouvernement a annoncé le mois dernier un plan.", "fr", TUE, "2024-04-01", "month", "le mois dernier"),
    ("Les rebelles ont attaqué il y a trois semaines.", "fr", TUE, "2024-04-15", "week", "il y a trois semaines"),
    ("Des milliers de personnes ont défilé ce week-end.", "fr", TUE, "2024-05-04", "week", "ce week-end"),
    ("Des milliers de personnes défileront ce week-end.", "fr", THU, "2024-05-11", "week", "ce week-end"),
    # English: weekdays and relative days
    ("The minister met union leaders on Tuesday.", "en", TUE, "2024-05-07", "day", "Tuesday"),
    ("Protesters gathered on Friday outside parliament.", "en", TUE, "2024-05-03", "day", "Friday"),
    ("Last Tuesday, the army shelled the town.", "en", TUE, "2024-04-30", "day", "Last Tuesday"),
    ("The president spoke on Monday evening.", "en", TUE, "2024-05-06", "day", "Monday evening"),
    ("Strikes were launched on the night of Tuesday to Wednesday.", "en", WED, "2024-05-07", "day", "on the night of Tuesday to Wednesday"),
    ("The prime minister resigned yesterday.", "en", TUE, "2024-05-06", "day", "yesterday"),
    ("Police detained three men the day before yesterday.", "en", TUE, "2024-05-05", "day", "the day before yesterday"),
    ("The cabinet meets today.", "en", TUE, "2024-05-07", "day", "today"),
    ("She will travel to Kyiv tomorrow.", "en", TUE, "2024-05-08", "day", "tomorrow"),
    ("The talks collapsed two days ago.", "en", TUE, "2024-05-05", "day", "two days ago"),
    ("The talks collapsed 3 weeks ago.", "en", TUE, "2024-04-15", "week", "3 weeks ago"),
    ("The embassy closed a month ago.", "en", TUE, "2024-04-01", "month", "a month ago"),
    # English: dates
    ("The treaty was signed on May 9.", "en", TUE, "2024-05-09", "day", "May 9"),
    ("The treaty was signed on 9 May.", "en", TUE, "2024-05-09", "day", "9 May"),
    ("The treaty was signed on May 9, 2024.", "en", SUN, "2024-05-09", "day", "May 9, 2024"),
    ("The treaty was signed on the 3rd of May.", "en", TUE, "2024-05-03", "day", "the 3rd of May"),
    ("The attacks of Sept. 11, 2001 changed everything.", "en", TUE, "2001-09-11", "day", "Sept. 11, 2001"),
    ("Fighting resumed on Jan. 12 in the east.", "en", TUE, "2024-01-12", "day", "Jan. 12"),
    ("Thursday, May 2, the army withdrew.", "en", TUE, "2024-05-02", "day", "Thursday, May 2"),
    ("The decree dated 13/05/2024 was published.", "en", SUN, "2024-05-13", "day", "13/05/2024"),
    ("The decree dated 2024-05-02 was published.", "en", TUE, "2024-05-02", "day", "2024-05-02"),
    # English: months and weeks
    ("Strikes began in early May.", "en", TUE, "2024-05-01", "month", "in early May"),
    ("The vote is expected in mid-May.", "en", TUE, "2024-05-15", "week", "in mid-May"),
    ("Talks failed in late April.", "en", TUE, "2024-04-24", "week", "in late April"),
    ("Talks failed at the end of April.", "en", TUE, "2024-04-24", "week", "at the end of April"),
    ("Parliament passed the bill in May.", "en", TUE, "2024-05-01", "month", "in May"),
    ("The two countries cut ties last week.", "en", TUE, "2024-04-29", "week", "last week"),
    ("The minister will visit Kyiv this week.", "en", TUE, "2024-05-06", "week", "this week"),
    ("The government announced a plan last month.", "en", TUE, "2024-04-01", "month", "last month"),
    ("Thousands marched this weekend.", "en", SUN, "2024-05-11", "week", "this weekend"),
]


@pytest.mark.parametrize(("sentence", "lang", "published", "expected", "precision", "text"), TABLE)
def test_dates_table(sentence: str, lang: str, published: str, expected: str, precision: str, text: str) -> None:
    resolved = resolve_date(sentence, published, lang)
    assert resolved is not None
    assert (resolved.date, resolved.precision, resolved.text) == (expected, precision, text)
    assert resolved.start is not None and resolved.end is not None
    assert sentence[resolved.start : resolved.end] == text


def test_dates_table_size() -> None:
    assert len(TABLE) >= 45
    assert {row[1] for row in TABLE} == {"fr", "en"}


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Le ministre a démissionné.", "fr"),
        ("The minister resigned.", "en"),
        ("Ils pourraient se retirer en sept ans.", "fr"),  # "sept" the number, not September
        ("They may march on the capital.", "en"),  # the verbs, not the months
        ("The decree dated 05/09/2024 was published.", "en"),  # ambiguous order in English: skipped
        ("La version 3.10.12 est sortie.", "fr"),
        ("The Sunday Times reported the deal.", "en"),
        ("L'accord du 31 avril est introuvable.", "fr"),  # no such day
    ],
)
def test_dates_fallback_to_published(sentence: str, lang: str) -> None:
    resolved = resolve_date(sentence, "2024-05-07T09:30:00+02:00", lang)
    assert resolved == ResolvedDate("2024-05-07", "day", None, None, None)


def test_dates_none_without_expression_or_published() -> None:
    assert resolve_date("Le ministre a démissionné.", None, "fr") is None
    assert resolve_date("The minister resigned yesterday.", None, "en") is None  # relative, no anchor
    assert resolve_date("The minister resigned.", "not a date", "en") is None


def test_dates_absolute_without_published() -> None:
    resolved = resolve_date("L'accord a été signé le 9 mai 2024.", None, "fr")
    assert resolved == ResolvedDate("2024-05-09", "day", "le 9 mai 2024", 21, 34)


def test_dates_first_expression_wins() -> None:
    sentence = "Hier, le ministre a rappelé l'accord du 3 mai."
    resolved = resolve_date(sentence, TUE, "fr")
    assert resolved == ResolvedDate("2024-05-06", "day", "Hier", 0, 4)
    sentence = "After talks in late April, the ministers met again on Monday."
    resolved = resolve_date(sentence, TUE, "en")
    assert resolved is not None and resolved.text == "in late April"


def test_dates_offsets() -> None:
    sentence = "Selon l'AFP, des manifestants ont été arrêtés mardi dernier à Lyon."
    resolved = resolve_date(sentence, TUE, "fr")
    assert resolved is not None
    assert (resolved.start, resolved.end) == (sentence.index("mardi"), sentence.index(" à Lyon"))
    assert sentence[resolved.start : resolved.end] == "mardi dernier"


def test_dates_published_formats() -> None:
    assert resolve_date("hier", "2024-05-07T23:59:00Z", "fr").date == "2024-05-06"  # type: ignore[union-attr]
    assert resolve_date("yesterday", "Tue, 07 May 2024 10:00:00 GMT", "en").date == "2024-05-06"  # type: ignore[union-attr]


def test_dates_unknown_language_tries_both() -> None:
    assert resolve_date("yesterday", TUE, None).date == "2024-05-06"  # type: ignore[union-attr]
    assert resolve_date("la semaine dernière", TUE, "und").date == "2024-04-29"  # type: ignore[union-attr]


def _event(sentence: str) -> Event:
    return Event(article_id="a", sentence_index=0, sentence=sentence, cameo="010", root="01", quad=1, goldstein=0.0)


def test_dates_stage_sets_event_date() -> None:
    article = Article(text="x", published="2024-05-07", lang="fr")
    article.events = [_event("Le ministre a parlé hier."), _event("Le ministre a parlé."), _event("Il a parlé fin avril.")]
    out = DateEvents()(article)
    got = [(getattr(e, "event_date"), getattr(e, "date_precision")) for e in out.events]  # noqa: B009
    assert got == [("2024-05-06", "day"), ("2024-05-07", "day"), ("2024-04-24", "week")]


def test_dates_stage_without_published() -> None:
    article = Article(text="x", published=None, lang="en")
    article.events = [_event("The minister spoke.")]
    DateEvents()(article)
    assert getattr(article.events[0], "event_date") is None  # noqa: B009
    assert getattr(article.events[0], "date_precision") is None  # noqa: B009


def test_dates_stage_protocol() -> None:
    from tocsin.pipeline import Stage

    stage = DateEvents()
    assert isinstance(stage, Stage)
    assert (stage.name, stage.requires, stage.assigns) == ("dates", ("article.events",), ("event.event_date",))


def test_dates_future_days_comes_from_the_configuration(tmp_path) -> None:
    """tuning.dates.future_days: "20 June" in an article of 7 May is this June by default (44 days ahead, within 62),
    last June when the active configuration allows 10 days; the dates stage reads the same setting."""
    from tocsin.config import active_config

    sentence = "The summit will be held on 20 June."
    assert resolve_date(sentence, TUE, "en").date == "2024-06-20"  # type: ignore[union-attr]
    config = tmp_path / "run.toml"
    config.write_text("[tuning.dates]\nfuture_days = 10\n")
    with active_config(config):
        assert resolve_date(sentence, TUE, "en").date == "2023-06-20"  # type: ignore[union-attr]
        article = Article(text=sentence, lang="en", published=TUE)
        article.events = [_event(sentence)]
        DateEvents()(article)
        assert article.events[0].event_date == "2023-06-20"
