"""The words right after a figure: where another clause opens, an aside, a set's place."""

from __future__ import annotations

import pytest

from etl.extract.predicate_words import PLACE_FIRST, comma_aside, own_words, set_place


@pytest.mark.parametrize(
    ("words", "own"),
    [
        ("as second unicorn emerges", ""),
        ("and has admitted", ""),
        ("are located on the campus as of June", "are located on the campus as of June"),
        ("are based here while others work elsewhere", "are based here"),
        ("including on-site and off-site start-ups", "including on-site and off-site start-ups"),
        ("listed as well", "listed as well"),
    ],
)
def test_a_figures_own_words_stop_where_another_clause_opens(words: str, own: str) -> None:
    assert " ".join(own_words(words.split())) == own


def test_a_sets_place_and_an_aside_lead_to_the_verb() -> None:
    s = "140 of the companies in our community are start-ups"
    assert set_place().match(s, s.index(" in our")).group() == " in our community "
    s = "Two of our alumni, a lender and an app maker, have become unicorns"
    assert comma_aside().match(s, s.index(", a lender")) is not None
    assert comma_aside().match("Two of our alumni, a lender and an app maker.", 17) is None
    assert PLACE_FIRST.match(" on campus / 840 off-site").group() == " on campus "
    assert PLACE_FIRST.match(" working in AI") is None
