"""Dates and periods inside a sentence, resolved against the section's date."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract import asof
from etl.extract.asof import find_dates, parse_date_phrase

REF = date(2023, 12, 7)


def one(text: str, ref: date | None = REF):
    (d,) = find_dates(text, 0, len(text), ref)
    return text[d.start : d.end], d.as_of, d.precision, d.period, d.event


@pytest.mark.parametrize(
    ("text", "as_of", "precision", "period"),
    [
        ("in 2018 the park had", date(2018, 12, 31), "year", None),
        ("as at March 2021, there were", date(2021, 3, 31), "month", None),
        ("on 21 October 2025 it had", date(2025, 10, 21), "day", None),
        ("as of 30 June, 2019 we had", date(2019, 6, 30), "day", None),
        ("at the end of last year", date(2022, 12, 31), "month", None),
        ("the community ended 2021 with", date(2021, 12, 31), "month", None),
        ("in the past year alone", REF, "day", "P1Y"),
        ("over the past three years", REF, "day", "P3Y"),
        ("in the last 18 months", REF, "day", "P18M"),
        ("in the twelve months to September", date(2023, 9, 30), "month", "P1Y"),
        ("last year it admitted", date(2022, 12, 31), "year", "P1Y"),
        ("截至2023年3月21日", date(2023, 3, 21), "day", None),
        ("as of 31/3/2022", date(2022, 3, 31), "day", None),
        ("in 2022-23 it admitted", date(2023, 3, 31), "month", "P1Y"),
        ("for FY2019/20, the park", date(2020, 3, 31), "month", "P1Y"),
        ("by the close of the 2019/20 financial year", date(2020, 3, 31), "month", None),
        ("as at the end of 2022-23, the park", date(2023, 3, 31), "month", None),
        ("at the close of 2019 it had", date(2019, 12, 31), "year", None),
        ("compared with HK$6.9 billion in the whole of 2020", date(2020, 12, 31), "year", "P1Y"),
        ("more than for all of 2020", date(2020, 12, 31), "year", "P1Y"),
        ("raised in the full year 2020", date(2020, 12, 31), "year", "P1Y"),
    ],
)
def test_dates(text: str, as_of: date, precision: str, period: str | None) -> None:
    _, got, prec, per, event = one(text)
    assert (got, prec, per, event) == (as_of, precision, period, False)


@pytest.mark.parametrize("text", ["which opened in 2003", "since 2018", "founded in 1999"])
def test_event_dates(text: str) -> None:
    assert one(text)[4] is True


def test_relative_phrases_need_a_reference_date() -> None:
    assert find_dates("in the past year alone", 0, 22, None)[0].as_of is None
    assert find_dates("at the end of last year", 0, 23, None) == []


def test_twelve_months_to_a_later_month_means_last_year() -> None:
    text = "in the 12 months to November"
    (d,) = find_dates(text, 0, len(text), date(2024, 3, 1))
    assert d.as_of == date(2023, 11, 30)


def test_parse_date_phrase() -> None:
    assert parse_date_phrase("2021-03-31") == date(2021, 3, 31)
    assert parse_date_phrase("not a date at all") is None


@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    for d in find_dates(text, 0, len(text), REF):
        assert 0 <= d.start < d.end <= len(text)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_parses_what_it_formats(day: date) -> None:
    text = f"as at {day.day} {day:%B %Y}, the park had"
    (d,) = find_dates(text, 0, len(text), REF)
    assert d.as_of == day and d.precision == "day"


def test_a_launch_or_inception_date_is_an_event() -> None:
    s = "It has backed 90 teams since its inception in 2011."
    found = find_dates(s, 0, len(s), date(2015, 1, 1))
    assert found and all(d.event for d in found)


# Pieces of date phrases glued at random: months, years, separators, odd letters.
DATE_PIECES = ["March ", "Mar. ", "sept ", "ſept ", "SEPTEMBER ", "2021", "1999 ", "21 ", "3",
               "/", ".", "-", "in ", "as at ", "end of ", "the past year ", "12 months to ",
               "June ", "aprıl ", "APRİL ", "fiscal year ", "2023-24 ", "年", "月", "日", " ",
               ", "]  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=10).map("".join))
def test_skipping_patterns_without_their_words_changes_nothing(text: str) -> None:
    ref = date(2024, 6, 30)
    quick = find_dates(text, 0, len(text), ref)
    saved = (asof._MONTH_START, asof._DIGIT_SEPARATOR)
    try:  # patterns that match everywhere: every search runs
        asof._MONTH_START = asof._DIGIT_SEPARATOR = re.compile("")
        full = find_dates(text, 0, len(text), ref)
    finally:
        asof._MONTH_START, asof._DIGIT_SEPARATOR = saved
    assert quick == full


@pytest.mark.parametrize(
    ("y1", "y2", "end"),
    [
        (2019, "20", date(2020, 3, 31)),
        (2019, "2020", date(2020, 3, 31)),
        (1999, "00", date(2000, 3, 31)),
    ],
)
def test_fiscal_year_ends_in_the_calendars_month(y1: int, y2: str, end: date) -> None:
    assert asof.fiscal_year_end(y1, y2) == end
    assert one(f"in {y1}-{y2}")[1:4] == (end, "month", "P1Y")


def test_fiscal_year_needs_the_year_after() -> None:
    assert asof.fiscal_year_end(2019, "21") is None
    assert find_dates("in 2019-21", 0, 10, REF) == []


def test_a_fiscal_year_named_as_such_needs_no_preposition() -> None:
    for text, phrase in [
        ("Grants awarded, FY 2019-20: 114", "FY 2019-20"),
        ("PROGRAMMES (financial year 2018/19)", "financial year 2018/19"),
        ("the fiscal year 2021-22 budget", "fiscal year 2021-22"),
    ]:
        found = find_dates(text, 0, len(text), date(2022, 10, 1))
        assert [(text[d.start : d.end], d.period) for d in found] == [(phrase, "P1Y")]
    bare = "Grants awarded 2019-20: 114"  # a bare fiscal year is a table's or heading's to read
    assert find_dates(bare, 0, len(bare), date(2022, 10, 1)) == []


def test_a_date_inside_a_since_clause_is_the_date_of_that_event() -> None:
    s = "The share has grown since travel resumed in March."
    found = find_dates(s, 0, len(s), date(2023, 11, 28))
    assert found and all(d.event for d in found)
    s = "The cluster had 75 members in March."
    assert not find_dates(s, 0, len(s), date(2023, 11, 28))[0].event
    s = "bringing the total since the launch of the Cyberport Incubation Programme in 2005 to 1,400"
    assert [d.event for d in find_dates(s, 0, len(s), date(2023, 11, 28))] == [True]
    s = "It has grown since 2019, to 2,100 companies as at 31 March 2024."  # a date of its own
    assert [d.event for d in find_dates(s, 0, len(s), date(2024, 5, 2))] == [True, False]


@pytest.mark.parametrize(
    "text",
    ["In fiscal 2018-19 the programme admitted 100", "in the financial year 2018-19", "FY2018/19"],
)
def test_a_fiscal_year_named_with_or_without_year(text: str) -> None:
    found = [d for d in asof.find_dates(text, 0, len(text), date(2019, 6, 12)) if d.period]
    assert [(d.as_of, d.period) for d in found] == [(date(2019, 3, 31), "P1Y")]


def test_parts_of_one_long_text_share_one_lower_casing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dates looked for in part after part of a document lower-case the whole text once, not
    once per part (which grew with the square of its length), and find what each part alone
    holds."""
    parts = [f"Item {k}: as at 31 March {2000 + k % 20}, {k} companies." for k in range(60)]
    text = "\n".join(parts)
    wholes: list[int] = []
    real = asof.safe_lower

    def counted(s: str) -> str | None:
        if len(s) == len(text):
            wholes.append(1)
        return real(s)

    monkeypatch.setattr(asof, "safe_lower", counted)
    asof._whole_lower.cache_clear()
    start = 0
    for part in parts:
        found = find_dates(text, start, start + len(part), None)
        alone = find_dates(part, 0, len(part), None)
        assert [(d.start - start, d.as_of) for d in found] == [(d.start, d.as_of) for d in alone]
        start += len(part) + 1
    assert len(wholes) == 1


def test_by_a_past_year_is_its_end_and_by_a_year_to_come_is_no_date() -> None:
    ref = date(2024, 6, 20)
    past = "By 2012, our community had grown to about 300 start-ups."
    assert [(d.as_of, d.precision) for d in find_dates(past, 0, len(past), ref)] == [
        (date(2012, 12, 31), "year")
    ]
    for target in ("We aim for 3,000 companies by 2030.", "by 2024 it had grown"):
        assert find_dates(target, 0, len(target), ref) == []


@given(st.integers(min_value=2000, max_value=2030), st.integers(min_value=1, max_value=12))
def test_a_translations_year_end_and_month_end_after_the_year(year: int, month: int) -> None:
    _, as_of, precision, _, event = one(f"Until {year} year end, the community has 2,000 firms.")
    assert (as_of, precision, event) == (date(year, 12, 31), "month", False)
    _, as_of, _, _, event = one(f"Up to {year} year {month} month end, the community grew.")
    assert (as_of, event) == (asof.month_end(year, month), False)


def test_a_translations_year_end_of_a_month_is_that_months() -> None:
    text = "Up to this year end of August, the community has 1,650 firms."
    assert date(2023, 8, 31) in [d.as_of for d in find_dates(text, 0, len(text), REF)]
    assert date(2023, 12, 31) not in [d.as_of for d in find_dates(text, 0, len(text), REF)]
