"""Back-references: "at that point", "over the same period", "a year earlier"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.etl.extract.found_dates import dates


def test_back_references_take_the_time_in_force() -> None:
    then = (date(2020, 12, 31), "day", None)
    assert dates("At that point, 31 of them were listed.", anchor=then) == [
        ("At that point", date(2020, 12, 31), "day", None, "back")
    ]
    assert dates("By then the fund had made 12 deals.", anchor=then)[0][1] == date(2020, 12, 31)


def test_the_same_period_keeps_the_flow_of_the_time_in_force() -> None:
    half = (date(2021, 6, 30), "month", "P6M")
    got = dates("Over the same period, 52 start-ups were admitted.", anchor=half)
    assert got == [("Over the same period", date(2021, 6, 30), "month", "P6M", "back")]
    year = (date(2024, 12, 31), "year", None)  # "In 2024, ..."
    got = dates("In the same period, members raised HK$2 billion.", anchor=year)
    assert got[0][3] == "P1Y"


def test_a_back_reference_with_nothing_before_it_is_no_date() -> None:
    assert dates("At that point, 31 of them were listed.") == []


def test_a_year_earlier_counts_back_from_the_time_in_force_else_the_sections_date() -> None:
    then = (date(2025, 12, 31), "month", None)
    assert dates("up from 10 a year earlier", anchor=then)[0][1:3] == (date(2024, 12, 31), "month")
    assert dates("compared with 45 a year earlier")[0][1:3] == (date(2021, 10, 20), "month")


def test_a_count_of_years_earlier_counts_back_that_many_years() -> None:
    then = (date(2025, 12, 31), "month", None)
    assert dates("up from 10 three years earlier", anchor=then)[0][:3] == (
        "three years earlier",
        date(2022, 12, 31),
        "month",
    )
    assert dates("against 4 only 2 years ago")[0][1:3] == (date(2020, 10, 20), "month")
    assert dates("from 9 many years ago") == []  # no count: no date
    assert dates("from 9 forty-five years ago") == []  # too far back to be a figure's time


def test_a_count_of_months_counts_back_that_many_months() -> None:
    then = (date(2025, 12, 31), "month", None)
    assert dates("up from 10 eighteen months earlier", anchor=then)[0][1:3] == (
        date(2024, 6, 30),
        "month",
    )
    assert dates("up from 110 twelve months ago")[0][1:3] == (date(2021, 10, 31), "month")
    assert dates("from 9 six months ago")[0][:2] == ("six months ago", date(2022, 4, 30))


def test_ago_counts_back_from_the_time_of_writing_not_from_the_time_in_force() -> None:
    then = (date(2015, 12, 31), "year", None)
    assert dates("Three years ago we had 60.", anchor=then)[0][1] == date(2019, 10, 20)
    assert dates("Twelve months ago we had 600.", anchor=then)[0][1] == date(2021, 10, 31)
    assert dates("Three years earlier we had 60.", anchor=then)[0][1] == date(2012, 12, 31)


def test_the_year_before_is_a_year_before_the_date_the_sentence_gives() -> None:
    got = dates("It took in 80 in 2017, against 60 the year before.")
    assert got[-1][:3] == ("the year before", date(2016, 12, 31), "year")
    assert got[-1][4] == "earlier"


def test_the_same_period_a_year_earlier_is_the_period_in_force_a_year_before() -> None:
    half = (date(2023, 9, 30), "month", "P6M")
    got = dates("compared with 51 in the same period a year earlier", anchor=half)
    assert [g[:4] for g in got] == [
        ("in the same period a year earlier", date(2022, 9, 30), "month", "P6M")
    ]


def test_a_back_reference_takes_an_earlier_date_of_its_own_sentence_first() -> None:
    text = "It had 1,650 firms as at 31 December 2020, and they had raised HK$26 billion by then."
    got = dates(text, anchor=(date(2019, 6, 30), "month", None))
    assert ("by then", date(2020, 12, 31), "day", None, "back") in got


def test_a_year_earlier_may_be_written_in_shorthand() -> None:
    from etl.calendar import phrases

    assert {"a yr earlier", "a yr ago", "two yrs ago"} & set(phrases("year_earlier")) == {
        "a yr earlier",
        "a yr ago",
    }
    assert "yrs ago" in phrases("years_earlier") and "yr" not in phrases("year_earlier")


@pytest.mark.parametrize(
    "words", ["on the same date", "by the same date", "as at the same date", "by the same count"]
)
def test_the_same_date_points_back_to_the_date_before(words: str) -> None:
    text = f"It had 150 AI firms as at 31 May 2021. It had 1,650 members {words}."
    got = [g for g in dates(text) if g[0] == words]
    assert [g[1:3] for g in got] == [(date(2021, 5, 31), "day")]


def test_the_same_date_is_not_a_date_inside_other_words() -> None:
    text = "It had 150 AI firms as at 31 May 2021. Members share the same data."
    assert [g[0] for g in dates(text)] == ["31 May 2021"]


def test_the_same_period_without_its_article_in_translated_text() -> None:
    held = (date(2019, 5, 31), "month", "P5M")
    got = dates("at same period in community, fintech company exceed 400 home", anchor=held)
    assert got[0][:5] == ("at same period", date(2019, 5, 31), "month", "P5M", "back")
    assert dates("the period at the same rate drew 400 firms", anchor=held) == []


def test_the_same_period_last_year_is_the_period_in_force_a_year_before() -> None:
    s = "In the first half of 2018, 63 joined, compared with 48 in the same period last year."
    got = dates(s, ref=date(2018, 8, 16))
    assert ("in the same period last year", date(2017, 6, 30), "month", "P6M", "earlier") in got
    assert not any(phrase == "last year" for phrase, *_ in got)


def test_the_same_period_of_a_year_is_the_period_in_force_in_that_year() -> None:
    s = "In the first half of 2026, 74 joined, compared with 60 in the same period of 2025."
    got = dates(s, ref=date(2026, 7, 23))
    assert ("in the same period of 2025", date(2025, 6, 30), "month", "P6M", "earlier") in got
    # A year that starts a span of years is no year the period is taken in.
    got = dates("In the first half of 2026, 74 joined; 60 in the same period of 2024-25.")
    assert not any(g[1] == date(2024, 6, 30) for g in got)


def test_a_year_later_counts_on_from_the_time_in_force() -> None:
    s = "It grew from about 80 at the end of 2022 to more than 150 a year later."
    got = dates(s, ref=date(2024, 1, 23))
    assert ("a year later", date(2023, 12, 31), "year", None, "date") in got
    held = (date(2023, 12, 31), "month", None)
    got = dates("Twelve months on, the count stands at 2,100.", ref=date(2024, 12, 16), anchor=held)
    assert got == [("Twelve months on", date(2024, 12, 16), "day", None, "date")]  # (not later)
    assert dates("A year later it had 150.", ref=date(2024, 1, 23), anchor=None) == []


def test_a_period_that_names_a_year_is_a_years_flow_to_a_point_in_force() -> None:
    held = (date(2020, 12, 31), "month", None)
    got = dates("We admitted 108 start-ups during the year.", anchor=held)
    assert got == [("during the year", date(2020, 12, 31), "month", "P1Y", "back")]
    got = dates("We admitted 108 start-ups over that period.", anchor=held)
    assert got[0][3] is None  # (a period of no named length)
    # "in the year to March" is a span of its own, not the period in force.
    assert all(g[4] != "back" for g in dates("It reached 120 in the year to March.", anchor=held))


def test_years_earlier_count_back_from_a_date_stated_after_the_word_for_now() -> None:
    s = (
        "It told the panel this week that its companies had raised HK$28.6 billion as at June "
        "2021, up from HK$14.3 billion two years earlier."
    )
    assert dates(s)[-1][:3] == ("two years earlier", date(2019, 6, 30), "month")
    now = "Its companies now have HK$28.6 billion, up from HK$14.3 billion two years earlier."
    assert dates(now)[-1][:2] == ("two years earlier", date(2020, 10, 20))  # from the writing
