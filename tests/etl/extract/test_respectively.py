"""Lists of years matched to lists of figures by "respectively"."""

from __future__ import annotations

from datetime import date

from etl.extract.claims import extract_claims
from etl.read.manifest import ManifestEntry
from etl.read.readers import read_bytes
from tests.etl.extract.test_claims import inline


def _claims(text: str) -> set[tuple[str, float, date]]:
    entry = ManifestEntry(None, None, None, None, date(2023, 5, 2))
    doc = read_bytes(text.encode(), "release.txt", manifest=entry)
    return {(c.metric, c.value, c.as_of) for c in extract_claims(doc) if c.status == "auto"}


def test_each_figure_takes_its_own_fiscal_year_and_a_bracketed_date_ends_the_last() -> None:
    got = _claims(
        "For 2020-21, 2021-22 and 2022-23 (up to 31 January 2023), Cyberport's incubation "
        "programme admitted 140, 152 and 97 start-ups respectively."
    )
    assert ("incubatees", 140, date(2021, 3, 31)) in got
    assert ("incubatees", 152, date(2022, 3, 31)) in got
    assert ("incubatees", 97, date(2023, 1, 31)) in got


def test_the_years_may_come_after_the_figures() -> None:
    got = _claims(
        "Cyberport admitted 61 and 75 start-ups to its incubation programme in 2016 and "
        "2017 respectively."
    )
    assert ("incubatees", 61, date(2016, 12, 31)) in got
    assert ("incubatees", 75, date(2017, 12, 31)) in got


def test_year_ends_of_a_list_and_the_noun_after_the_last_figure_are_each_figures() -> None:
    got = _claims(
        "Cyberport had 1,812, 1,935 and 2,126 companies at end-2020, end-2021 and end-2022 "
        "respectively."
    )
    assert got == {
        ("companies", 1812, date(2020, 12, 31)),
        ("companies", 1935, date(2021, 12, 31)),
        ("companies", 2126, date(2022, 12, 31)),
    }


def test_a_pronoun_after_a_sentence_calling_its_subject_a_cluster_is_the_cluster() -> None:
    text = (
        "(a) FinTech: FinTech remains Cyberport's largest cluster. It had 410, 430 and 462 "
        "companies at the end of 2020, 2021 and 2022 respectively."
    )
    assert {m for m, _, _ in _claims(text)} == {"fintech_companies"}
    other = "(b) Outlook: Cyberport remains the city's digital hub. It had 1,900 companies."
    assert {m for m, _, _ in _claims(other)} == {"companies"}


def test_without_respectively_a_list_of_years_pairs_nothing() -> None:
    got = _claims(
        "Between 2016 and 2017, Cyberport admitted 61 start-ups to its incubation programme."
    )
    assert all(v != 61 or d.year != 2016 for _, v, d in got)


def test_counts_that_do_not_match_the_years_are_left_alone() -> None:
    got = _claims(
        "In 2016 and 2017 respectively, Cyberport admitted 61 start-ups to its incubation "
        "programme and the campus hosted 40 events."
    )
    assert all(d != date(2017, 12, 31) for _, v, d in got if v == 61)


def test_each_figure_counts_the_members_of_its_own_named_set() -> None:
    got = _claims(
        "Cyberport mission\n\nThe start-ups come from Cyberport's FinTech and Web3 clusters, "
        "which count over 450 and about 150 companies respectively."
    )
    d = date(2023, 5, 2)
    assert got == {("fintech_companies", 450, d), ("web3_companies", 150, d)}
    three = _claims(
        "Cyberport mission\n\nCyberport's FinTech, smart living and AI clusters count 450, 150 "
        "and 300 companies respectively."
    )
    assert {m for m, _, _ in three} == {
        "fintech_companies",
        "smart_living_companies",
        "ai_companies",
    }


def test_sets_that_do_not_match_the_figures_one_to_one_name_none_of_them() -> None:
    got = _claims(
        "Cyberport mission\n\nCyberport's FinTech cluster and its campus hold 450 and 150 "
        "companies respectively."
    )
    assert not {m for m, _, _ in got} & {"fintech_companies"}


def test_a_second_respectively_takes_the_years_of_the_one_before() -> None:
    got = _claims(
        "Cyberport reply\n\nAs at the end of 2019, 2020 and 2021, Cyberport's community companies "
        "that had listed numbered 2, 3 and 4 respectively. The numbers of unicorns among Cyberport "
        "community companies as at the same dates were 2, 3 and 3 respectively."
    )
    assert {(m, v, d.year) for m, v, d in got if m == "unicorns"} == {
        ("unicorns", 2, 2019),
        ("unicorns", 3, 2020),
        ("unicorns", 3, 2021),
    }


def test_a_series_of_dated_counts_and_counts_at_the_same_dates_take_those_dates() -> None:
    text = (
        "Cyberport reply\n\nThe Web3 cluster grew from 95 companies at the end of 2022 to 170 at "
        "the end of 2023 and 275 at the end of 2024. Over the same three year-ends, the number "
        "of AI and data science start-ups rose from 310 to 420 and then to 480. The smart living "
        "cluster had 215 companies at the end of 2022, 245 at the end of 2023 and 280 at the end "
        "of 2024, while the digital entertainment cluster had 160, 180 and 195 companies at the "
        "same dates."
    )
    years = {(m, v): d.year for m, v, _, d, _ in inline(text, date(2025, 5, 14))}
    assert years[("web3_companies", 275)] == 2024
    assert [years[("ai_companies", v)] for v in (310, 420, 480)] == [2022, 2023, 2024]
    assert years[("smart_living_companies", 280)] == 2024
    assert [years[("digital_entertainment_companies", v)] for v in (160, 180, 195)] == [
        2022,
        2023,
        2024,
    ]


def test_the_sets_are_read_in_the_clause_of_the_figures() -> None:
    got = _claims(
        "Cyberport's first half\n\n"
        "As at 30 June 2022, Cyberport's AI cluster had 420 companies, while the FinTech and "
        "Web3 clusters numbered about 470 and about 260 companies respectively."
    )
    assert ("ai_companies", 420, date(2022, 6, 30)) in got
    assert ("fintech_companies", 470, date(2022, 6, 30)) in got
    assert ("web3_companies", 260, date(2022, 6, 30)) in got


def test_a_part_of_each_years_set_follows_the_years_of_the_sentence_before() -> None:
    before = (
        "At the end of 2019, 2020 and 2021, the Cyberport community comprised 1,200, 1,400 "
        "and 1,600 companies respectively."
    )
    got = _claims(
        f"{before} Of these, 510, 590 and 640 were on the campus, while 690, 810 and 960 "
        "were offsite members."
    )
    assert ("companies_onsite", 510, date(2019, 12, 31)) in got
    assert ("companies_onsite", 640, date(2021, 12, 31)) in got
    assert ("companies_offsite", 690, date(2019, 12, 31)) in got
    assert ("companies_offsite", 960, date(2021, 12, 31)) in got
    got = _claims(f"{before} Of these, 300, 350 and 420 respectively were start-ups.")
    assert {("startups", 300, date(2019, 12, 31)), ("startups", 420, date(2021, 12, 31))} <= got


def test_no_years_carry_to_a_run_that_does_not_open_on_a_part() -> None:
    got = _claims(
        "At the end of 2019, 2020 and 2021, the Cyberport community comprised 1,200, 1,400 "
        "and 1,600 companies respectively. We ran 30, 40 and 50 start-up events."
    )
    assert not any(v in (30, 40, 50) for _, v, _ in got)
