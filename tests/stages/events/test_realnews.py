"""Issue 9: what counts as an event on real news (sentences written for these tests; real spaCy models)."""

from __future__ import annotations

import pytest

from tocsin import code_text, make_pipeline
from tocsin.models import Article

pytestmark = pytest.mark.slow


def test_event_needs_a_coded_actor() -> None:
    """Animals and unknown agents make no event; the same act by a coded actor does."""
    assert not code_text("In some cases, the gulls will even attack and kill the chicks.", lang="en").events
    events = code_text("Syrian troops attacked the village on Monday.", lang="en", published="2024-05-07").events
    assert any(e.root == "19" and e.source_code == "SYRMIL" for e in events)


def test_actorless_candidates_are_kept_only_on_request() -> None:
    text = "In some cases, the gulls will even attack and kill the chicks."
    pipeline = make_pipeline(lang="en", keep_actorless=True, place=False, date=False)
    (article,) = pipeline.pipe([Article(text=text, id="gulls", lang="en")])
    assert article.events and all(e.rule.endswith("+actorless") and not (e.source_code or e.target_code) for e in article.events)


def test_role_of_unknown_country_is_coded_as_cameo_writes_it() -> None:
    """'The government' with no country anywhere in the article is ---GOV: a coded role, on no country's side."""
    events = code_text("The government banned the rallies on Sunday.", lang="en").events
    assert any(e.source_code == "---GOV" for e in events)


@pytest.mark.parametrize(
    ("legend", "body", "lang"),
    [
        ("Syrian opposition & Turkish occupation", "Turkish troops shelled Syrian positions on Monday.", "en"),
        ("Frappes russes et riposte ukrainienne", "Les forces russes ont bombardé Kharkiv lundi.", "fr"),
    ],
)
def test_legends_and_captions_are_not_coded(legend: str, body: str, lang: str) -> None:
    """A verbless line that does not end as a sentence (map legend, caption, credit) gives no event; the body does."""
    events = code_text(f"{legend}\n\n{body}", lang=lang, published="2024-05-07").events
    assert any(e.sentence_index == 1 and e.root == "19" for e in events)
    assert not [e for e in events if e.sentence_index == 0]


def test_a_headline_with_its_verb_is_coded() -> None:
    events = code_text("Turkey Warns Syria Over Border Clashes\n\nThe talks ended.", lang="en", published="2024-05-07").events
    assert any(e.sentence_index == 0 and e.source_code == "TUR" and e.root == "13" for e in events)


@pytest.mark.parametrize(("text", "code"), [("Lt. Gen. Ahmed Said resigned on Monday in Egypt.", "EGYMIL"), ("Sen. Ahmed Said denounced Egypt's new law.", "EGYLEG")])
def test_abbreviated_titles_are_roles(text: str, code: str) -> None:
    assert any(e.source_code == code for e in code_text(text, lang="en", published="2024-05-07").events)


def test_organisations_coded_as_gdelt_writes_them() -> None:
    events = code_text("L'OTAN a condamné les frappes russes. L'Union européenne a imposé des sanctions à la Russie.", lang="fr", published="2024-05-07").events
    assert any(e.source_code == "IGOWSTNAT" and e.root == "11" for e in events)
    assert any(e.source_code == "IGOEUREEC" and e.target_code == "RUS" and e.root == "16" for e in events)
