"""The calendar words: month and weekday names of every language, and years checked by weekday."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.calendar import (
    may_name_month,
    month_end,
    month_of,
    month_re,
    phrases,
    weekday_of,
    weekday_re,
    year_for,
)


def test_month_and_weekday_names_of_each_language() -> None:
    assert month_of("Sept") == 9
    assert month_of("十二月") == 12
    assert weekday_of("THURSDAY") == 3
    assert weekday_of("星期日") == 6
    assert weekday_of("Someday") is None


def test_name_patterns_do_not_match_inside_words() -> None:
    assert re.fullmatch(month_re(), "March", re.IGNORECASE)
    assert re.match(month_re(), "Marching", re.IGNORECASE) is None
    assert re.match(weekday_re(), "Sunday", re.IGNORECASE)
    assert re.match(weekday_re(), "Sunshine", re.IGNORECASE) is None


def test_phrases_come_longest_first() -> None:
    found = phrases("same_time")
    assert "at that point" in found
    assert list(found) == sorted(found, key=lambda p: (-len(p), p))


def test_the_weekday_picks_among_candidate_years() -> None:
    # 14 March was a Wednesday in 2012 and a Thursday in 2013.
    assert year_for(3, 14, 2, [2013, 2012]) == date(2012, 3, 14)
    assert year_for(3, 14, None, [2013, 2012]) == date(2013, 3, 14)


def test_a_weekday_that_fits_no_year_gives_no_date() -> None:
    assert year_for(3, 14, 0, [2012]) is None  # a Monday in neither 2012 nor 2013


def test_the_year_after_is_tried_for_a_new_year_section() -> None:
    assert year_for(1, 5, 0, [2025]) == date(2026, 1, 5)


def test_an_impossible_day_gives_no_date() -> None:
    assert year_for(2, 30, None, [2024]) is None


def test_month_end() -> None:
    assert month_end(2024, 2) == date(2024, 2, 29)
    assert month_end(2023, 12) == date(2023, 12, 31)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("JjanMAYSsepſtİı月十二 5,.")), max_size=20))
def test_may_name_month_is_false_only_where_no_month_name_matches(text: str) -> None:
    if not may_name_month(text):
        assert re.search(month_re(), text, re.IGNORECASE) is None


def test_may_name_month_in_any_case() -> None:
    assert may_name_month("MONDAY 3 JUNE")
    assert may_name_month("十二月")
    assert not may_name_month("Cyberport is home to 1,800 companies")
