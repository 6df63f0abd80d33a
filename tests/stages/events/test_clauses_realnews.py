"""Where an act sits in its sentence, on real-news shapes (sentences written for these tests; real spaCy models)."""

from __future__ import annotations

import pytest

from tocsin import code_text

pytestmark = pytest.mark.slow


def _dyads(events: list) -> list[tuple[str, str | None, str | None]]:
    """What an assertion message shows of events: code, source, target."""
    return [(e.cameo, e.source_code, e.target_code) for e in events]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Saudi Arabia closed its embassy in Beirut on Friday, accusing Hezbollah of smuggling drugs.", "en"),
        ("Israel bombed Gaza overnight, accusing Hamas of firing rockets.", "en"),
        ("L'armée israélienne a bombardé Gaza, accusant le Hamas de tirer des roquettes.", "fr"),
    ],
)
def test_participle_adjunct_after_an_act_is_a_second_act(text: str, lang: str) -> None:
    """ ", accusing X" / « , accusant X » after a clause that reports an act is an accusation of its own (112), besides
    the main act, not an adjunct embedded under it."""
    events = code_text(text, lang=lang).events
    assert any(e.root == "11" for e in events), _dyads(events)
    assert any(e.root in ("16", "19") for e in events), _dyads(events)
