"""Shares told in words: fractions before "of", "N in M", and a translation's tenths."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from etl.extract.numbers import find_numbers
from etl.extract.shares import find_shares
from tests.etl.extract.test_claims import inline

_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def shares(text: str) -> list[tuple[str, float]]:
    return [(text[a:b], v) for a, b, v in find_shares(text)]


def test_a_fraction_before_of_is_a_share() -> None:
    assert shares("Roughly three-quarters of our companies are local.") == [("three-quarters", 75)]
    assert shares("About half of them are local.") == [("half", 50)]
    assert shares("A quarter of the firms") == [("A quarter", 25)]
    assert shares("half a dozen start-ups") == []  # no share of anything
    assert shares("the second half of the year") == [("half", 50)]  # (what it counts decides)


@given(
    st.integers(min_value=1, max_value=9),
    st.sampled_from([2, 4, 5, 10]),
    st.booleans(),
    st.sampled_from(["in", "out of"]),
)
def test_n_in_m_is_a_whole_per_cent_or_nothing(n: int, m: int, words: bool, join: str) -> None:
    said = f"{_WORDS[n - 1]} {join} {_WORDS[m - 1]}" if words else f"{n} {join} {m}"
    got = shares(f"Roughly {said} of them are local.")
    if n < m and (100 * n) % m == 0:
        assert got == [(said, 100 * n / m)]
    else:
        assert got == []


def test_tenths_of_a_translation_only_after_a_word_of_share() -> None:
    text = "Local enterprise accounts for about 7 into, the rest come from the mainland."
    assert shares(text) == [("7 into", 70)]
    assert shares("The team split 7 into two groups.") == []


def test_the_number_finder_reads_a_share_once_not_its_number_words() -> None:
    found = find_numbers("roughly three in four of them are homegrown")
    assert [(n.value, n.percent) for n in found] == [(75, True)]


def test_a_share_in_words_is_a_claim_and_the_set_it_is_of_still_counts() -> None:
    d = date(2019, 7, 18)
    got = inline("About half of Cyberport's community companies are local.", d)
    assert got == [("local_share_pct", 50, "about", d, None)]
    text = (
        "AI companies make up 11% of the Cyberport community, and almost half of the 88 "
        "start-ups admitted to Cyberport's incubation programmes this year build AI products."
    )
    assert ("incubatees", 88) in {c[:2] for c in inline(text, d)}
