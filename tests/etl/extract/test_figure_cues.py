"""The cues around a figure: the fast forms agree with the plain patterns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.figure_cues import (
    at_event,
    counts_to_date,
    cues,
    fast_cues,
    not_counted,
    outside_set,
    word_cues,
)
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
    assert not_counted("industry events on campus")  # (events after a modifier)
    assert not_counted("matching sessions between our companies")
    assert not not_counted("community companies employing staff")
    assert not not_counted("start-ups' staff")  # (a counted head is no modifier here)
    assert not not_counted("last year")  # (a time after a modifier is the figure's date)


def test_a_set_outside_the_community_unless_the_figure_sizes_something_named_after_it() -> None:
    assert outside_set("the waiting list is now ", 0)
    assert not outside_set("the delegation is drawn from the Web3 cluster, which now numbers ", 0)
    assert not outside_set("Cyberport has ", 0)


def test_companies_at_an_event() -> None:
    assert at_event("a pavilion of ", "a pavilion of 40 start-ups", 26)
    assert not at_event("Cyberport has ", "Cyberport has 40 start-ups", 26)


before_words = st.lists(
    st.sampled_from(
        ["a", "Pavilion", "pavilion of", "DELEGATION", "the waiting list", "shortlist", "took",
         "brings", "Sent", "the", "fintech", "sector", "group of", "the running total is",
         "TOTAL", "signed", "with", "supported", "Cyberport", "which", "now", ",", ";", " ",
         "ſupport", "İ", "\u212aey", "Σ", "ΟΔΟΣ", "\n"]
    ),
    max_size=10,
).map(" ".join)  # fmt: skip


@settings(max_examples=300)
@given(before_words, before_words)
def test_word_cues_agree_with_their_patterns(before: str, after: str) -> None:
    s = f"{before}40 start-ups {after}"
    np_end = len(before) + len("40 start-ups")
    whole = safe_lower(s)
    # `low` as find_figures has it: a slice of the lower-cased sentence
    low = None if whole is None else whole[: len(before)]
    for name, cue in word_cues().items():
        assert cue.search(before, low) is (cues()[name].search(before) is not None), name
    assert at_event(before, s, np_end, low) is at_event(before, s, np_end)
    for lo in (0, len(before) // 2):
        assert outside_set(before, lo, low) is outside_set(before, lo)


def test_word_cues_ending_in_a_dollar_are_tried_at_the_end_only() -> None:
    cue = word_cues()["activity_before"]
    assert cue.ends.backwards is not None  # its pattern reversed, matched on reversed text
    assert cue.search("a pavilion of \n", "a pavilion of \n")  # "$" before a final newline
    assert not cue.search("a pavilion of Hong Kong's ", "a pavilion of hong kong's ")


def test_word_cues_skip_text_without_their_words() -> None:
    cue = word_cues()["activity_before"]
    assert not cue.may_occur("cyberport now counts ")
    assert cue.may_occur("a pavilion of ")
    assert cue.may_occur(None)  # lower-casing could not stand for the pattern: search it
    assert at_event("A PAVILION OF ", "A PAVILION OF 40 start-ups", 26, "a pavilion of ")
    assert outside_set("The WAITING LIST is now ", 0, "the waiting list is now ")
    assert not outside_set("the waiting list is now ", 16, "the waiting list is now ")


def test_a_since_that_starts_a_record_is_no_count_to_date() -> None:
    assert counts_to_date("It has admitted 300 start-ups since 2005.")
    assert counts_to_date("The 21 teams form the largest intake since 2010, bringing 80 so far.")
    assert not counts_to_date("21 teams joined, the largest intake since the scheme began.")
    assert not counts_to_date("It drew 126 applications, the highest number since 2005.")
    # A year's intake as the record: the figure is that year's flow, counted to date.
    assert counts_to_date("32 were admitted in 2011, the largest annual intake since 2005.")
