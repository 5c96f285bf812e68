"""Where a sentence states a time, and whether the date it states opens it or a clause of it."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.asof import DatePhrase, find_dates
from etl.extract.opening_dates import (
    HINT,
    SENTENCE_OPENING,
    future,
    opens_clause,
    opens_without_comma,
    speech_frame,
)

REF = date(2024, 7, 1)


def first_date(sent: str) -> DatePhrase:
    return next(d for d in find_dates(sent, 0, len(sent), REF) if d.kind == "date")


@pytest.mark.parametrize(
    ("sent", "hint"),
    [
        ("The community grew in 2023.", True),
        ("Figures as at June.", True),
        ("A year earlier it had 900.", True),
        ("The community grew a lot.", False),
        ("It has 12050 members.", False),
    ],
)
def test_a_sentence_may_state_a_time_when_it_names_a_year_or_a_month(sent: str, hint: bool) -> None:
    assert bool(HINT.search(sent)) is hint


def test_a_date_after_a_comma_and_words_of_standing_at_opens_a_clause() -> None:
    sent = "Cyberport today published data, up to the end of June 2024, showing 2,000 companies."
    assert opens_clause(sent, first_date(sent))
    plain = "The community grew to 2,000 in June 2024, the park said."
    assert not opens_clause(plain, first_date(plain))


def test_a_date_led_by_its_own_word_and_ending_in_a_year_opens_without_a_comma() -> None:
    sent = "In 2023-24 the community grew to 2,000."
    assert opens_without_comma(sent, first_date(sent))
    last = "The community grew to 2,000 in 2023-24."
    assert not opens_without_comma(last, first_date(last))


def test_a_frame_of_saying_and_opening_words_stand_before_an_opening_date() -> None:
    sent = "He said that, as of June 2024, it had 2,000 members."
    d = first_date(sent)
    frame = speech_frame().match(sent, 0, d.start)
    assert frame is not None and sent[: frame.end()] == "He said that, "
    assert SENTENCE_OPENING.fullmatch(sent, frame.end(), d.start)
    late = "It had 2,000 members in June 2024."
    assert not SENTENCE_OPENING.fullmatch(late, 0, first_date(late).start)


def test_a_date_in_a_later_year_than_the_sections_is_a_target() -> None:
    assert future(DatePhrase(0, 0, date(2030, 12, 31), "year", None), REF)
    assert not future(DatePhrase(0, 0, date(2024, 12, 31), "year", None), REF)
    assert not future(DatePhrase(0, 0, date(2030, 12, 31), "year", None), None)
