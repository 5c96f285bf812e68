"""Qualifiers and the interval a printed figure implies."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.qualifiers import (
    _before_re,
    about_after,
    interval,
    qualifier_after,
    qualifier_before,
)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("over 2,000", "over"),
        ("more than 2,000", "over"),
        ("financing exceeding HK$1", "over"),
        ("upwards of 50", "over"),
        ("just over 30", "over"),
        ("slightly more than 30", "over"),
        ("around 400", "about"),
        ("approximately 55", "about"),
        ("some 20", "about"),
        ("close to 300", "nearly"),
        ("roughly 9", "about"),
        ("nearly 1,000", "nearly"),
        ("almost 70", "nearly"),
        ("up to 500", "up_to"),
        ("home to 1,900", "exact"),
        ("the moreover 12", "exact"),
    ],
)
def test_qualifier_before(text: str, qualifier: str) -> None:
    pos = next(
        i for i, c in enumerate(text) if c.isdigit() or (c == "H" and text[i:].startswith("HK$"))
    )
    assert qualifier_before(text, pos).qualifier == qualifier


def test_a_verb_of_passing_makes_the_figure_over_and_stays_the_clauses() -> None:
    text = "the community tops 2,200 firms"
    q = qualifier_before(text, text.index("2,200"))
    assert (q.qualifier, q.start) == ("over", text.index("2,200"))  # (nothing taken off)
    assert qualifier_before("it has grown past 300", 18).qualifier == "over"
    assert qualifier_before("the laptops 300", 12).qualifier == "exact"  # (a whole word only)


def test_qualifier_after() -> None:
    assert qualifier_after("2,000+ firms", 5) == 6
    assert qualifier_after("2,000-plus firms", 5) == 10
    assert qualifier_after("2,000 firms", 5) is None


def test_intervals_read_printed_digits_as_rounded_down() -> None:
    assert interval(36.7e9, 0.1e9, "over", count=False) == pytest.approx((36.7e9, 36.8e9))
    assert interval(2000, 1000, "over") == (2000, 3000)
    assert interval(2200, 100, "over") == (2200, 2300)
    assert interval(400, 100, "about") == (350, 450)
    assert interval(1000, 1000, "nearly") == (900, 1000)
    assert interval(1900, 100, "nearly") == (1850, 1900)
    assert interval(500, 100, "up_to") == (0, 500)
    assert interval(7, 1, "exact") == (7, 7)
    assert interval(2000, 1000, "exact") == (1500, 2500)
    assert interval(43.4e9, 0.1e9, "exact", count=False) == pytest.approx((43.35e9, 43.45e9))
    assert interval(700, 100, "over", high=800) == (700, 800)


QUALIFIER_PIECES = ["more than", "over", "approx.", "~", "about", "some", "up to", "under",
                    "in the region of", "no fewer than", "to", "of", "xover", "Over", " ", "  ",
                    "\n", "(", ",", "“", "the", "1,000", "HK$", "raised", "MORE THAN"]  # fmt: skip


@given(st.lists(st.sampled_from(QUALIFIER_PIECES), max_size=10).map(" ".join))
def test_quick_test_changes_no_qualifier(text: str) -> None:
    """qualifier_before skips the search only where the search would find nothing."""
    for start in range(len(text) + 1):
        m = _before_re().search(text, max(0, start - 24), start)
        expected = (next(k for k, v in m.groupdict().items() if v), m.start()) if m else None
        got = qualifier_before(text, start)
        assert (got.qualifier, got.start) == (expected or ("exact", start))


@given(
    st.lists(
        st.sampled_from(["over", "about", "some", "Ab", "_", "9", "ı", " ", ",", "~", "é"]),
        max_size=8,
    ).map("".join)
)
def test_last_word_read_backwards_is_the_trailing_word_run(text: str) -> None:
    from etl.extract.lexicon import is_word_char
    from etl.extract.qualifiers import _may_end_with_phrase, _phrase_ends

    t = text.rstrip()
    if not t or not is_word_char(t[-1]):
        return
    i = len(t) - 1
    while i and is_word_char(t[i - 1]):
        i -= 1
    words, _ = _phrase_ends()
    assert _may_end_with_phrase(text) == (not t[i:].isascii() or t[i:].lower() in words)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("1,600-odd members", 5, 9), ("800 or so firms", 3, 9), ("its 40 odd companies", 6, 10)],
)
def test_about_after_a_figure(text: str, start: int, end: int) -> None:
    assert about_after(text, start) == end


def test_no_about_after_a_figure() -> None:
    assert about_after("300 or more", 3) is None
    assert about_after("300 odd.", 3) is None  # "odd" alone is no qualifier


def test_a_greater_than_sign_before_a_figure_means_over() -> None:
    assert qualifier_before("members now >350", 13).qualifier == "over"
    assert qualifier_before("members now > 350", 14).qualifier == "over"
    # A sign inside a formula or a link is no qualifier: "a>350", "?min=>350".
    assert qualifier_before("where a>350", 8).qualifier == "exact"
    assert qualifier_before("see x.com/?n=>350", 14).qualifier == "exact"
