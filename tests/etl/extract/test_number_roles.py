"""Numbers that are no figure: years used as dates and the numbers of list items."""

from __future__ import annotations

import pytest

from etl.extract.number_roles import is_list_marker, is_phone_part, is_year_use, phone_spans
from etl.extract.numbers import find_numbers


def first(s: str, value: float):
    return next(n for n in find_numbers(s) if n.value == value)


@pytest.mark.parametrize(
    ("s", "year", "used"),
    [
        ("in 2018 we had 200 companies", 2018, True),
        ("the 2023 Global Conference opened", 2023, True),
        ("June 2021 saw a record", 2021, True),
        ("44 as at end-March 2015 and 112 after", 2015, True),
        ("2018 start-ups joined", 2018, False),
        ("New start-ups admitted in Q2 2024: 42", 2024, True),  # a quarter's year
        ("190 start-ups admitted during 2025", 2025, True),
        ("a community with 2025 companies", 2025, False),
        ("founder of Pixelhouse and a 2006 incubatee, said", 2006, True),
        ("at the Start-up Awards Night 2026 tonight", 2026, True),  # an edition's year
        ("Cyberport: 2000 companies", 2000, False),  # (no capitalised word right before)
        ("its priority for 2026 was to help AI start-ups", 2026, True),
        ("room for 2000 companies on the campus", 2000, False),
        ("One of our 2021 incubatees, a health-tech company", 2021, True),  # a cohort's year
        ("one of our 2000 companies", 2000, False),
        ('"2025 was the year AI moved into production," he said', 2025, True),
        ("2020 saw the community grow", 2020, True),
        ("2020 start-ups saw the campus", 2020, False),  # (a count with its noun)
        ("Intake period 2011:", 2011, True),  # a table's row written as a lead-in
        ("Intake period 2013 (Jan-Jun):", 2013, True),
        ("Founder, Cyberport Incubation Programme graduate (2019 intake)", 2019, True),
        ("2019 intakes were counted", 2019, False),  # (a plural counts)
        ("Cyberport closes 2008 with a bigger community", 2008, True),  # a year it ends
        ("The hub entered 2021 with 1,600 companies", 2021, True),
        ("The hub ended 2023 ahead of plan", 2023, True),
        ("The park welcomed 2008 companies", 2008, False),
        ('"A year like 2008 tests every young company," he said', 2008, True),
    ],
)
def test_a_year_is_a_date_only_where_the_words_around_it_say_so(
    s: str, year: int, used: bool
) -> None:
    assert is_year_use(s, first(s, year)) is used


@pytest.mark.parametrize(
    ("s", "marker"),
    [
        ("2. Founders go abroad early.", True),
        ("Intro\n3) Fintech", True),
        ("We have 2. Then more.", False),
    ],
)
def test_only_a_number_that_opens_its_line_numbers_a_list_item(s: str, marker: bool) -> None:
    n = next(n for n in find_numbers(s) if n.value in (2, 3))
    assert is_list_marker(s, n) is marker


def test_the_year_of_a_month_day_comma_date_is_a_date() -> None:
    s = "HONG KONG, Aug 3, 2021 -- Start-ups at the hub raised more money."
    (n,) = [n for n in find_numbers(s) if n.value == 2021]
    assert is_year_use(s, n)


@pytest.mark.parametrize(
    ("s", "value", "phone"),
    [
        ("Enquiries: leasing@cyberport.hk: (852) 3166 3800", 3166, True),
        ("Enquiries: leasing@cyberport.hk: (852) 3166 3800", 852, True),
        ("Tel: 2345 6789", 6789, True),
        ("+852 3166 3800 for details", 3800, True),
        ("It has 3166 members and 3800 staff.", 3166, False),
        ("Members (852) signed up", 852, False),
    ],
)
def test_a_telephone_numbers_parts_are_no_figures(s: str, value: float, phone: bool) -> None:
    assert is_phone_part(first(s, value), phone_spans(s)) is phone


def test_a_year_before_a_singular_name_after_for_is_a_date() -> None:
    s = "Cyberport opens applications for 2026 smart living challenge"
    assert is_year_use(s, first(s, 2026))
    s = "There is room for 2000 tech companies"
    assert not is_year_use(s, first(s, 2000))
