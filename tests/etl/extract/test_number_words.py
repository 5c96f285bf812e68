"""Numbers spelt out: their values, and the quick test that rules out text without them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.number_words import (
    HAS_WORD,
    WORD_RE,
    may_have_number_words,
    parse_ordinal,
    parse_words,
    word_step,
)

UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def test_words_need_text2num_to_agree() -> None:
    assert parse_words("thirty five") == 35
    assert parse_words("dozens") is None


@given(st.integers(1, 9), st.integers(2, 9), st.integers(1, 9), st.booleans())
def test_hundreds_tens_and_units_spelt_out(
    hundreds: int, tens: int, units: int, hyphen: bool
) -> None:
    ones = f"{TENS[tens - 2]}{'-' if hyphen else ' '}{UNITS[units - 1]}"
    words = f"{UNITS[hundreds - 1]} hundred and {ones}"
    assert parse_words(words) == hundreds * 100 + tens * 10 + units
    assert parse_words(words.upper()) == hundreds * 100 + tens * 10 + units
    assert WORD_RE.fullmatch(words)


@pytest.mark.parametrize(
    ("words", "value"),
    [("a dozen", 12), ("half a dozen", 6), ("two dozen", 24), ("a hundred", 100),
     ("one thousand", 1000), ("seven", 7), ("a few", None)],
)  # fmt: skip
def test_dozens_and_articles(words: str, value: float | None) -> None:
    assert parse_words(words) == value


def test_the_step_of_a_round_number_is_its_last_nonzero_place() -> None:
    assert (word_step(7), word_step(250), word_step(300), word_step(2000)) == (1, 10, 100, 1000)


@given(st.text(alphabet="oneTWOSevnthirydzuıſİ x", max_size=30))
def test_number_word_quick_test_never_misses(text: str) -> None:
    if HAS_WORD.search(text) or WORD_RE.search(text):
        assert may_have_number_words(text)


@given(st.integers(min_value=1, max_value=999))
def test_a_digit_ordinal_parses_to_its_number(n: int) -> None:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    assert parse_ordinal(f"{n}{suffix}") == n


@pytest.mark.parametrize(
    ("word", "value"),
    [("second", 2), ("Fifth", 5), ("twelfth", 12), ("twentieth", 20), ("twenty-first", 21)],
)
def test_ordinal_words(word: str, value: int) -> None:
    assert parse_ordinal(word) == value


@pytest.mark.parametrize("word", ["secondary", "the", "fifty", "twenty"])
def test_no_ordinal(word: str) -> None:
    assert parse_ordinal(word) is None
