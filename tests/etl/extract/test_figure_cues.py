"""The cues around a figure: the fast forms agree with the plain patterns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.figure_cues import at_event, cues, fast_cues, not_counted, outside_set
from etl.extract.lexicon import safe_lower

words = st.lists(
    st.sampled_from(
        ["grew by", "up from", "will", "target", "invested in", "in", "the", "about", "by ",
         "more", "Cyberport", "has", "reach", "plans to", "portfolio of", " ", ",", "2030"]
    ),
    max_size=10,
).map(" ".join)  # fmt: skip


@settings(max_examples=300)
@given(words)
def test_fast_cues_agree_with_the_patterns_they_stand_for(text: str) -> None:
    delta, compared, target, portfolio = fast_cues()
    c = cues()
    assert delta.search(text) is (c["delta_before"].search(text) is not None)
    assert compared.search(text) is (c["comparison"].search(text) is not None)
    assert portfolio.search(text) is (c["portfolio"].search(text) is not None)
    assert target.search(text, safe_lower(text)) is (c["target"].search(text) is not None)


def test_words_after_a_figure_that_make_it_no_count() -> None:
    assert not_counted("years ago")
    assert not_counted("more joined")
    assert not not_counted("start-ups")


def test_a_set_outside_the_community_unless_the_figure_sizes_something_named_after_it() -> None:
    assert outside_set("the waiting list is now ", 0)
    assert not outside_set("the delegation is drawn from the Web3 cluster, which now numbers ", 0)
    assert not outside_set("Cyberport has ", 0)


def test_companies_at_an_event() -> None:
    assert at_event("a pavilion of ", "a pavilion of 40 start-ups", 26)
    assert not at_event("Cyberport has ", "Cyberport has 40 start-ups", 26)
