"""Dates that need the section's date or an earlier sentence: no year, ranges, parts of a year."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.asof import find_dates
from etl.extract.relative_dates import _NEEDS, _matches, patterns, speaks_of_now, yearless_dates
from tests.etl.extract.found_dates import REF, dates


@pytest.mark.parametrize(
    ("text", "phrase", "as_of", "precision"),
    [
        ("As of 31 August, the campus had 90 firms.", "As of 31 August", date(2022, 8, 31), "day"),
        ("By the end of September it had raised HK$5 million.", "By the end of September",
         date(2022, 9, 30), "month"),
        ("The hub passed 800 members in July.", "in July", date(2022, 7, 31), "month"),
        ("At end-June the lab counted 40 firms.", "At end-June", date(2022, 6, 30), "month"),
        ("In July last year, 30 joined.", "In July last year", date(2021, 7, 31), "month"),
        ("up to this year June bottom, 1,800 home", "up to this year June", date(2022, 6, 30),
         "month"),
    ],
)  # fmt: skip
def test_a_month_without_a_year_takes_the_sections_year(
    text: str, phrase: str, as_of: date, precision: str
) -> None:
    assert dates(text)[0][:3] == (phrase, as_of, precision)


def test_a_month_later_than_the_section_belongs_to_the_year_before() -> None:
    # Written in October: "as at 30 November" can only be last November.
    assert dates("As at 30 November, 55 firms had joined.")[0][1] == date(2021, 11, 30)
    assert dates("In December the lab hosted 12 teams.")[0][1] == date(2021, 12, 31)


def test_a_range_of_months_ends_where_it_ends_and_is_a_flow() -> None:
    got = dates("Between March and August, 41 teams were admitted.")
    assert got == [("Between March and August", date(2022, 8, 31), "month", "P6M", "date")]
    got = dates("From October to December last year the fund invested HK$9 million.")
    assert got[0][1:4] == (date(2021, 12, 31), "month", "P3M")


def test_a_range_that_crosses_new_year() -> None:
    got = dates("Between November and February, 20 teams joined.", date(2023, 3, 15))
    assert got[0][1:4] == (date(2023, 2, 28), "month", "P4M")


def test_a_range_of_full_dates_ends_at_its_second_date() -> None:
    got = dates("From 1 July 2020 to 30 June 2021 the programme took in 77 start-ups.")
    assert got[0][1:4] == (date(2021, 6, 30), "day", "P1Y")


def test_the_middle_of_a_year_is_june() -> None:
    assert dates("By mid-2019 there were 600.")[0][:3] == ("mid-2019", date(2019, 6, 30), "month")
    assert dates("In the middle of 2020 it had 700.")[0][1] == date(2020, 6, 30)


def test_early_in_a_year_is_march_and_late_is_december() -> None:
    assert dates("It had 230 in early 2022.")[0][:3] == ("early 2022", date(2022, 3, 31), "month")
    assert dates("By late 2021 it had 400.")[0][:3] == ("late 2021", date(2021, 12, 31), "month")


def test_a_quarter_is_a_flow_of_three_months_to_its_end() -> None:
    got = dates("Members raised HK$900 million in the second quarter.")  # written in October
    assert got == [("the second quarter", date(2022, 6, 30), "month", "P3M", "date")]
    assert dates("In the fourth quarter 12 teams joined.")[0][1] == date(2021, 12, 31)  # not yet
    assert dates("In Q3 2019, 40 joined.")[0][1:4] == (date(2019, 9, 30), "month", "P3M")


def test_the_final_quarter_dates_only_with_its_year() -> None:
    got = dates("In the final quarter of 2021, 46 were admitted.")
    assert got[0][1:4] == (date(2021, 12, 31), "month", "P3M")
    assert dates("It was a strong final quarter for deals.") == []


def test_the_half_year_is_the_first_half_of_the_year_written_in() -> None:
    got = dates("Members collected 37 awards during the half-year.")  # written in October
    assert got[0][:4] == ("the half-year", date(2022, 6, 30), "month", "P6M")
    got = dates("In the first quarter of last year, 15 joined.")
    assert got[0][1:4] == (date(2021, 3, 31), "month", "P3M")


def test_the_first_months_of_a_year_are_a_flow_to_their_end() -> None:
    got = dates("In the first nine months of this year, HK$2 billion came in.")
    assert got[0][1:4] == (date(2022, 9, 30), "month", "P9M")
    assert dates("the first 4 months of 2020")[0][1:4] == (date(2020, 4, 30), "month", "P4M")
    assert dates("The first twenty months were hard.") == []


def test_the_first_quarters_of_a_year_are_a_flow_to_the_last_ones_end() -> None:
    got = dates("They raised HK$4.5 billion in the first three quarters of 2022.")
    assert got[0][0] == "the first three quarters of 2022"
    assert got[0][1:4] == (date(2022, 9, 30), "month", "P9M")
    assert dates("in the first two quarters")[0][1:4] == (date(2022, 6, 30), "month", "P6M")
    assert dates("The first five quarters were hard.") == []  # (more than a year)


def test_the_first_half_of_the_year_is_of_the_year_of_writing() -> None:
    got = dates("Admissions stood at 60 in the first half of the year.")
    assert got[0][1:4] == (date(2022, 6, 30), "month", "P6M")


def test_since_a_month_is_a_flow_to_the_time_of_writing() -> None:
    got = dates("It has admitted 48 start-ups since January.")
    assert got == [("since January", REF, "day", "P9M", "date")]
    assert not find_dates("since January", 0, 13, REF)[0].event
    assert find_dates("since 2015", 0, 10, REF)[0].event  # a year: the start of a count


def test_a_season_of_this_year_is_the_time_of_writing() -> None:
    assert dates("Members passed 2,000 this autumn.")[0][:3] == ("this autumn", REF, "day")


@pytest.mark.parametrize(
    "text",
    [
        "The new campus may open next spring.",  # "may" is no month here
        "Members met the Secretary on the campus.",
        "The hub hosted 5,000 visitors at the time of the forum.",  # no earlier time
        "It grew from 2,000 to 3,000 members.",  # a range of figures, not of months
        "The second Marching Band festival drew 90 teams.",
    ],
)
def test_no_relative_date(text: str) -> None:
    assert [d for d in dates(text) if d[4] == "date" and "20" not in d[0]] == []


def test_a_date_with_its_year_is_not_read_as_a_month_without_one() -> None:
    assert dates("As at 30 June 2019, it had 500.")[0][1] == date(2019, 6, 30)
    assert dates("By September, 2021 it had 500.")[0][1] == date(2021, 9, 30)


def test_without_a_section_date_a_month_alone_is_no_date() -> None:
    assert dates("As at 31 August, the campus had 90 tenants.", ref=None) == []


def test_speaks_of_now() -> None:
    text = "As at March 2021 it had 40 firms, and so far 12 have listed."
    assert speaks_of_now(text, 0, len(text))
    assert not speaks_of_now("As at March 2021 it had 40 firms.", 0, 33)
    assert not speaks_of_now("The snow fell on Nowra.", 0, 23)


@settings(max_examples=200)
@given(
    st.text(alphabet=st.sampled_from("AprilJuneSeptmid-and between to 19 20 2021, at that point\n"))
)
def test_never_raises_on_date_like_noise(text: str) -> None:
    for d in find_dates(text, 0, len(text), REF, lambda point=False: (REF, "day", None)):
        assert 0 <= d.start < d.end <= len(text)
        assert d.as_of is None or d.as_of <= date(2099, 12, 31)


def test_a_date_a_figure_stands_at_is_no_events_even_after_set_up() -> None:
    text = "450 had set up here by the end of September"
    (found,) = find_dates(text, 0, len(text), REF)
    assert not found.event
    text = "The lab opened in September"
    (opened,) = find_dates(text, 0, len(text), REF)
    assert opened.event


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("admitted 112 in the second half of 2021.", date(2021, 12, 31)),
        ("in the first half of 2020, they raised", date(2020, 6, 30)),
        ("H2 2021 intake", date(2021, 12, 31)),
        ("in the first half of last year", date(2021, 6, 30)),
    ],
)
def test_a_half_year_is_six_months_to_its_end(text: str, as_of: date) -> None:
    got = [g for g in dates(text) if g[3] == "P6M"]
    assert [g[1:4] for g in got] == [(as_of, "month", "P6M")]


def test_behalf_is_no_half_year() -> None:
    assert all(g[3] != "P6M" for g in dates("spoke on behalf of 2020 graduates"))


def test_the_end_of_the_year_is_the_end_of_the_year_in_force() -> None:
    text = (
        "It raised HK$4 billion in the 2019/20 financial year, "
        "HK$21 billion by the end of the year."
    )
    assert dates(text)[-1][:3] == ("by the end of the year", date(2020, 3, 31), "month")
    assert dates("In 2018 it grew; by the end of the year it had 90.")[-1][1] == date(2018, 12, 31)
    alone = dates("It had 90 companies by the end of the year.")  # the section's year
    assert alone[0][1] == date(2022, 12, 31)


def test_for_the_year_is_the_year_in_force() -> None:
    fiscal = (date(2020, 3, 31), "month", "P1Y")
    got = dates("Admissions stood at 94 for the year.", anchor=fiscal)
    assert got[0][:4] == ("for the year", date(2020, 3, 31), "month", "P1Y")


@pytest.mark.parametrize("phrase", ["end-2023", "year-end 2023", "Year end 2023"])
def test_the_end_of_a_year_without_of_is_december(phrase: str) -> None:
    assert dates(f"Funds raised: HK$9 billion (as at {phrase})")[0][:3] == (
        phrase,
        date(2023, 12, 31),
        "month",
    )


def test_end_before_a_month_is_still_that_month() -> None:
    assert dates("as at end-March 2023")[0][1] == date(2023, 3, 31)


def test_a_relative_year_before_a_part_of_it_is_one_date() -> None:
    got = dates("Last year's first quarter saw 20 admissions.")
    assert [g[:4] for g in got] == [
        ("Last year's first quarter", date(2021, 3, 31), "month", "P3M")
    ]
    got = dates("This year first quarter, 36 were admitted.")  # translated word order
    assert [g[:4] for g in got] == [("This year first quarter", date(2022, 3, 31), "month", "P3M")]
    apart = dates("Last year, the first quarter was slow.")
    assert [g[0] for g in apart] == ["Last year", "the first quarter"]


DATE_PIECES = ["between ", "from ", "April ", "and ", "to ", "June ", "2023 ", "the ", "first ",
               "second ", "half ", "of ", "H1 ", "Q3 ", "quarter ", "nine ", "months ", "since ",
               "March ", "this ", "year ", "1 ", "5 ", "month ", "至", "月", "2019年", "İ",
               "ſince ", "SINCE ", "Between ", ", "]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=12).map("".join), st.integers(0, 6))
def test_word_test_never_skips_a_match(text: str, start: int) -> None:
    """The cheap test before a rare pattern: the same matches as the pattern run anyway."""
    for name in _NEEDS:
        fast = [m.span() for m in _matches(name, text, start, len(text))]
        full = [m.span() for m in patterns()[name].finditer(text, start, len(text))]
        assert fast == full, (name, text)


def test_word_test_finds_rare_dates_and_skips_other_text() -> None:
    text = "Between April and June, and in the first half of 2023, since March"
    assert [m.group() for m in _matches("range", text, 0, len(text))] == ["Between April and June"]
    assert [m.group() for m in _matches("half", text, 0, len(text))] == ["the first half of 2023"]
    assert list(_matches("since", text, 0, 20)) == []  # "since" lies outside the span
    assert list(_matches("month_span", text, 0, len(text))) == []


def test_the_month_of_writing_without_a_day_is_that_month() -> None:
    # Written on 20 October: "in October" and a range ending in it are this October ...
    assert dates("In October the hub admitted 12 teams.")[0][1] == date(2022, 10, 31)
    got = dates("Between July and October, 30 start-ups joined.")
    assert got[0][1:4] == (date(2022, 10, 31), "month", "P4M")
    # ... but a day of it still to come is last year's.
    assert dates("As at 31 October, 55 firms had joined.")[0][1] == date(2021, 10, 31)


@pytest.mark.parametrize(
    ("text", "phrase", "as_of"),
    [
        ("At the start of the year the lab counted 60 firms.", "At the start of the year",
         date(2022, 1, 31)),
        ("Membership stood at 1,800 at mid-year.", "at mid-year", date(2022, 6, 30)),
        ("By mid-year some 300 firms had joined.", "By mid-year", date(2022, 6, 30)),
        ("At the beginning of last year it had 40 teams.", "At the beginning of last year",
         date(2021, 1, 31)),
        ("At the start of 2019, 500 firms were members.", "At the start of 2019",
         date(2019, 1, 31)),
    ],
)  # fmt: skip
def test_the_start_and_middle_of_a_year(text: str, phrase: str, as_of: date) -> None:
    assert dates(text)[0][:3] == (phrase, as_of, "month")


def test_the_year_of_a_start_of_the_year_is_the_year_in_force() -> None:
    held = (date(2019, 12, 31), "year", None)
    got = dates("At the start of the year it had 60 firms.", anchor=held)
    assert got[0][1] == date(2019, 1, 31)
    got = dates("In 2018 it grew; at mid-year it had 70 firms.")
    assert ("at mid-year", date(2018, 6, 30)) in [g[:2] for g in got]


def test_mid_year_words_that_are_no_time_of_a_figure() -> None:
    assert dates("The mid-year review praised 40 firms.") == []
    assert dates("The start of the programme drew 40 firms.") == []


def test_a_month_before_its_day_and_year_is_no_month_without_a_year() -> None:
    assert dates("As at December 31, 2019:", ref=date(2022, 12, 7)) == [
        ("December 31, 2019", date(2019, 12, 31), "day", None, "date")
    ]
    assert dates("As at December 31", ref=date(2022, 12, 7))[0][1] == date(2021, 12, 31)


@pytest.mark.parametrize(
    ("text", "as_of", "period"),
    [
        ("Third-quarter highlights:", date(2022, 9, 30), "P3M"),
        ("First-half highlights:", date(2022, 6, 30), "P6M"),
        ("In the first half, members raised HK$2 billion.", date(2022, 6, 30), "P6M"),
        ("In the second half, members raised HK$2 billion.", date(2021, 12, 31), "P6M"),  # ended
        ("H1 results", date(2022, 6, 30), "P6M"),
        # two dates joined by a dash: one range, ending where it ends
        ("Highlights of the year (1 July 2015 – 30 June 2016)", date(2016, 6, 30), "P1Y"),
        ("Figures for July 2015 - June 2016", date(2016, 6, 30), "P1Y"),
        ("Admitted in January-June 2019: 46", date(2019, 6, 30), "P6M"),
    ],
)
def test_a_quarter_half_or_dashed_range_is_a_period_to_its_end(
    text: str, as_of: date, period: str
) -> None:
    assert [(d[1], d[3]) for d in dates(text)] == [(as_of, period)]


def test_a_half_of_something_else_or_a_dash_after_a_date_is_no_period() -> None:
    assert dates("He spoke in the first half of the session.") == []
    assert [d[1] for d in dates("It opened on 3 June 2016 - a Friday.")] == [date(2016, 6, 3)]


_MONTHS_TEXT = st.lists(
    st.sampled_from(["Between", "between", "APRIL", "April", "and", "to", "September", "1st",
                     "in", "July", "mid-", "May", "2023", "-", "late", "March", "the", "of"]),
    max_size=8,
).map(" ".join)  # fmt: skip


@given(_MONTHS_TEXT)
@settings(max_examples=300)
def test_months_without_a_year_are_the_same_read_in_the_lower_cased_text(text: str) -> None:
    def found(low: str | None) -> list[tuple]:
        out: list[tuple] = []
        yearless_dates(text, 0, len(text), REF, lambda *a: out.append(a), low)
        return out

    assert found(text.lower()) == found(None)
