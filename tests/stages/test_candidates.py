"""The cheap pass before parsing (tocsin.stages.candidates): what it keeps, and that coding loses nothing by it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.cli.eval import code_gold
from tocsin.coder import make_pipeline
from tocsin.eval import load_gold
from tocsin.languages import load_language
from tocsin.models import Article
from tocsin.stages.actors.matcher import get_matcher
from tocsin.stages.candidates import CandidateFinder, TriggerForms, _unit_bounds
from tocsin.stages.nlp import load_model

REALNEWS = Path(__file__).resolve().parents[1] / "data" / "realnews"


def _finder(lang: str, **kw: bool) -> tuple[object, CandidateFinder]:
    nlp = load_model(lang)
    return nlp, CandidateFinder(nlp, load_language(lang), get_matcher(lang, ()), **kw)


def _parsed(lang: str, text: str, **kw: bool) -> list[tuple[str, bool]]:
    nlp, finder = _finder(lang, **kw)
    doc = nlp.make_doc(text)
    return [(doc[u.start : u.end].text.strip(), u.parse) for u in finder.units(doc)]


def test_candidates_trigger_forms_invert_the_lemmatizer() -> None:
    for lang, forms, others in (
        ("en", ["attacked", "attacks", "struck", "fought", "met", "arrested", "sanctions"], ["banana", "the", "quickly"]),
        ("fr", ["attaqué", "attaquent", "tué", "frappes", "rencontré", "condamne", "arrêté"], ["banane", "le", "rapidement"]),
    ):
        triggers = TriggerForms(load_model(lang), load_language(lang))
        assert [f for f in forms if f not in triggers] == [], lang
        assert [f for f in others if f in triggers] == [], lang


def test_candidates_every_trigger_of_a_full_parse_is_found() -> None:
    """Whatever the full pipeline lemmatises to a trigger lemma, the surface test finds without tags."""
    texts = {
        "en": "Police arrested dozens of protesters. The army shelled the town and troops fought rebels; the minister condemned the raids.",
        "fr": "La police a arrêté des manifestants. L'armée a bombardé la ville et les rebelles ont riposté ; le ministre a condamné les frappes.",
    }
    for lang, text in texts.items():
        nlp = load_model(lang)
        resources = load_language(lang)
        triggers = TriggerForms(nlp, resources)
        lemmas = set(resources.verb_patterns()) | set(resources.noun_patterns())
        doc = nlp(text)
        hits = [t for t in doc if t.lemma_.lower() in lemmas]
        assert hits, lang
        assert [t.text for t in hits if t.lower_ not in triggers] == [], lang


def test_candidates_units_never_split_inside_a_sentence() -> None:
    nlp = load_model("en")
    doc = nlp.make_doc('Lt. Gen. Smith met U.S. envoys in Kabul; talks went on. "We agree," he said. the end')
    units = [doc[s:e].text.strip() for s, e in _unit_bounds([t.text for t in doc], [bool(t.whitespace_) or t.is_space for t in doc])]
    assert units == ["Lt. Gen. Smith met U.S. envoys in Kabul; talks went on.", '"We agree," he said. the end']


def test_candidates_sentences_without_actor_or_trigger_are_not_parsed() -> None:
    units = _parsed(
        "en",
        "The weather was mild. Russian troops shelled Kharkiv on Monday. The sky was blue. "
        "Birds sang in the garden. Flowers bloomed everywhere.",
    )
    assert units == [
        ("The weather was mild.", True),  # the sentence before a needed one, for context
        ("Russian troops shelled Kharkiv on Monday.", True),
        ("The sky was blue.", False),
        ("Birds sang in the garden.", False),
        ("Flowers bloomed everywhere.", False),
    ]


def test_candidates_pronoun_chain_back_to_its_actor_is_parsed() -> None:
    units = _parsed(
        "en",
        "The weather was mild. Police arrested a man. They questioned him for hours. Later they arrested a second man. Birds sang.",
    )
    assert [p for _, p in units] == [True, True, True, True, False]


def test_candidates_trigger_without_actor_in_reach_is_kept_only_for_inspection() -> None:
    text = "Birds sang. Somebody attacked the shop. Flowers bloomed."
    assert [p for _, p in _parsed("en", text)] == [False, False, False]
    assert [p for _, p in _parsed("en", text, keep_actorless=True)] == [True, True, False]


def test_candidates_every_sentence_is_recorded_parsed_or_not() -> None:
    text = "Birds sang in the garden. Flowers bloomed.\n\nRussian troops shelled Kharkiv. The museum opened a new wing.\nIt rained."
    article = next(make_pipeline(lang="en").pipe([Article(text=text, id="a")]))
    assert [s.index for s in article.sentences] == list(range(len(article.sentences)))
    assert all(text[s.start : s.end] == s.text for s in article.sentences)
    assert [s.text.strip() for s in article.sentences] == [
        "Birds sang in the garden.",
        "Flowers bloomed.",
        "Russian troops shelled Kharkiv.",
        "The museum opened a new wing.",
        "It rained.",
    ]
    assert [e.sentence_index for e in article.events] == [2]
    stage = make_pipeline(lang="en", prefilter=False)
    full = next(stage.pipe([Article(text=text, id="a")]))
    assert [(e.cameo, e.source_code, e.target_code) for e in full.events] == [
        (e.cameo, e.source_code, e.target_code) for e in article.events
    ]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["en_wikinews.jsonl", "fr_news.jsonl"])
def test_candidates_lose_no_event_on_real_news(name: str) -> None:
    """Whole real articles coded with and without the cheap pass give the same events (places aside: the most named
    place of an article is counted on capitalised words where no tagger ran)."""
    records = load_gold(REALNEWS / name)
    full = code_gold(records, pipeline=make_pipeline(prefilter=False))
    fast_pipeline = make_pipeline()
    fast = code_gold(records, pipeline=fast_pipeline)

    def key(events: list) -> list[str]:
        return sorted(repr((e.cameo, e.source_code, e.target_code, e.trigger, e.trigger_start, e.confidence, e.event_date)) for e in events)

    assert {r: key(list(v)) for r, v in fast.items()} == {r: key(list(v)) for r, v in full.items()}
    nlp = fast_pipeline.get_stage("nlp")
    assert 0 < nlp.units_parsed < nlp.units_seen
