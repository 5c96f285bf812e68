"""The day of each year a table stands at, and the date each year column gives."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.year_day import (
    _FISCAL_TOKEN,
    YearDay,
    column_date,
    lead_in_day,
    names_fiscal_year,
    note_day,
    review_dates,
    review_year,
    year_day,
)


def test_a_yearless_stand_at_day_is_the_day_of_each_year() -> None:
    assert year_day("All numbers stand as of 30 June each year.") == YearDay(6, 30)
    assert year_day("Members (as at September 30)") == YearDay(9, 30)
    assert year_day("Headcount at the end of September") == YearDay(9, None)


def test_a_day_with_its_year_or_an_event_day_is_no_day_of_each_year() -> None:
    assert year_day("as at 30 June 2019") is None
    assert year_day("The awards dinner was held on 30 June.") is None
    assert year_day("Applications closed 31 March") is None
    assert year_day("") is None


def test_a_calendar_year_column_takes_the_day() -> None:
    assert column_date("2019", YearDay(6, 30), False) == (date(2019, 6, 30), "day")
    assert column_date("2019", YearDay(9, None), False) == (date(2019, 9, 30), "month")


def test_a_fiscal_year_column_takes_the_day_inside_its_year() -> None:
    assert column_date("2020-21", YearDay(3, 31), False) == (date(2021, 3, 31), "day")
    assert column_date("2020/21", YearDay(12, 31), False) == (date(2020, 12, 31), "day")
    assert column_date("2020-23", YearDay(3, 31), False) is None  # no single fiscal year


def test_a_row_counted_over_the_fiscal_year_ends_at_its_end() -> None:
    assert names_fiscal_year("Projects approved in the financial year")
    assert not names_fiscal_year("Projects approved this year")
    assert column_date("2019", None, True) == (date(2019, 3, 31), "month")
    assert column_date("2019", None, False) is None  # left to the usual reading


def test_a_lead_in_line_is_a_year_column() -> None:
    assert lead_in_day("2018:", YearDay(6, 30), False) == (date(2018, 6, 30), "day")
    assert lead_in_day("Year-end 2018:", YearDay(6, 30), False) is None


def test_the_note_above_a_list_of_rows_gives_the_day() -> None:
    text = "Numbers are as of 30 June.\n\n2018:\n\n- Members: 10\n- Awards: 3\n\n"
    text += "2019:\n\n- Members: 12"
    paragraphs = _paragraphs(text)
    last = len(paragraphs) - 1
    assert note_day(text, paragraphs, last) == YearDay(6, 30)


def test_a_sentence_with_a_figure_above_the_list_is_no_note() -> None:
    text = "We had 40 members by the end of June.\n\n2018:\n\n- Members: 10"
    assert note_day(text, _paragraphs(text), 2) is None


@given(st.text(max_size=80))
def test_year_day_never_fails(words: str) -> None:
    year_day(words)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("Cyberport Community 2025: Year in Review\n\nText.", 2025),
        ("Year in review 2020\n\nText.", 2020),
        ("Annual Review 2019/20\n\nText.", None),  # a fiscal year: reporting_year reads it
        ("Cyberport in 2024\n\nText.", None),
    ],
)
def test_the_calendar_year_a_title_reviews(title: str, year: int | None) -> None:
    assert review_year(title) == year


def test_year_end_in_a_year_review_is_the_end_of_that_year() -> None:
    (span,) = review_dates("By year-end the cluster stood at 500 firms.", 2025)
    assert span[2] == date(2025, 12, 31)
    assert review_dates("By year-end the cluster stood at 500 firms.", None) == []


_TOKEN_PARTS = ["1", "2", "9", "0", "19", "20", "2015", "-", "–", "/", " ", "a", "$", ".", ","]


@given(st.lists(st.sampled_from(_TOKEN_PARTS), max_size=12).map("".join), st.integers(0, 12))
def test_a_fiscal_year_token_is_found_as_by_the_plain_pattern(text: str, pos: int) -> None:
    plain = re.compile(r"(?<![\w$.,])((?:19|20)\d\d)\s*[-–/]\s*(\d\d(?:\d\d)?)(?![\w.,]?\d)")
    assert [(m.span(), m.groups()) for m in _FISCAL_TOKEN.finditer(text, pos)] == [
        (m.span(), m.groups()) for m in plain.finditer(text, pos)
    ]
