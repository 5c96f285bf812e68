"""Figures of the fiscal year a document reports on, and additions over a stated range."""

from __future__ import annotations

from datetime import date

from etl.extract.claims import extract_claims
from etl.extract.year_day import reporting_dates, reporting_year
from etl.read.manifest import ManifestEntry
from etl.read.readers import read_bytes


def _claims(text: str, published: date) -> set[tuple]:
    entry = ManifestEntry(None, None, None, None, published)
    doc = read_bytes(text.encode(), "release.txt", manifest=entry)
    return {(c.metric, c.value, c.as_of) for c in extract_claims(doc) if c.status == "auto"}


def _flows(text: str, published: date) -> set[tuple]:
    entry = ManifestEntry(None, None, None, None, published)
    doc = read_bytes(text.encode(), "release.txt", manifest=entry)
    return {(c.metric, c.value, c.as_of, c.period) for c in extract_claims(doc)}


def test_the_title_names_the_fiscal_year_reported_on() -> None:
    assert reporting_year("Cyberport Review 2020/21\n\nBody text.") == 2021
    assert reporting_year("Results for 2019-20 published") == 2020
    assert reporting_year("Cyberport news, 5 May 2021\n\nBody.") is None
    assert reporting_year("Seats 2019-2025 planned") is None  # no single fiscal year


def test_phrases_of_the_year_under_review_date_to_its_end() -> None:
    spans = reporting_dates("Members raised HK$2 billion during the year under review.", 2021)
    assert [(d, p) for _, _, d, p in spans] == [(date(2021, 3, 31), "P1Y")]
    spans = reporting_dates("It had 90 members at the end of the financial year.", 2021)
    assert [(d, p) for _, _, d, p in spans] == [(date(2021, 3, 31), None)]
    assert reporting_dates("It had 90 members during the year under review.", None) == []
    assert reporting_dates("It had 90 members at the end of the year.", 2021) == []
    spans = reporting_dates("During the year, 143 start-ups were admitted.", 2021)
    assert [(d, p) for _, _, d, p in spans] == [(date(2021, 3, 31), "P1Y")]
    spans = reporting_dates("Start-ups raised HK$6.1 billion in the year.", 2022)
    assert [(d, p) for _, _, d, p in spans] == [(date(2022, 3, 31), "P1Y")]
    spans = reporting_dates("The cluster had more than 160 companies at year-end.", 2022)
    assert [(d, p) for _, _, d, p in spans] == [(date(2022, 3, 31), None)]
    spans = reporting_dates("By the close of the financial year it had 90.", 2021)
    assert [(d, p) for _, _, d, p in spans] == [(date(2021, 3, 31), None)]
    spans = reporting_dates("In the second half of the year, 40 joined.", 2021)
    assert [(d, p) for _, _, d, p in spans] == [(date(2021, 3, 31), "P6M")]


def test_an_annual_review_release_dates_its_year_figures_to_the_year_end() -> None:
    got = _claims(
        "Cyberport Annual Review 2020/21 Published\n\nHong Kong, 15 October 2021 - Cyberport "
        "published its review today.\n\nCyberport community companies raised HK$3.2 billion "
        "during the year under review. Over 420 FinTech companies were part of the Cyberport "
        "community at the end of the financial year.\n",
        date(2021, 10, 15),
    )
    assert ("funding_raised", 3_200_000_000, date(2021, 3, 31)) in got
    assert ("fintech_companies", 420, date(2021, 3, 31)) in got


def test_without_a_fiscal_year_in_the_title_the_phrases_change_nothing() -> None:
    got = _claims(
        "Cyberport news\n\nHong Kong, 15 October 2021 - Over 420 FinTech companies were part "
        "of the Cyberport community at the end of the financial year.\n",
        date(2021, 10, 15),
    )
    assert all(d != date(2021, 3, 31) for _, _, d in got)


def test_a_further_intake_over_a_stated_range_ends_where_the_range_ends() -> None:
    got = _claims(
        "Hong Kong, 30 November 2019 - Cyberport said that between January and June 2019 a "
        "further 41 start-ups were admitted to the Cyberport Incubation Programme.\n",
        date(2019, 11, 30),
    )
    assert ("incubatees", 41, date(2019, 6, 30)) in got


def test_a_further_intake_without_a_period_is_no_claim() -> None:
    got = _claims(
        "Hong Kong, 30 November 2019 - Cyberport said a further 41 start-ups were admitted "
        "to the Cyberport Incubation Programme.\n",
        date(2019, 11, 30),
    )
    assert all(v != 41 for _, v, _ in got)


HEADED = (
    "{title}\n\nHong Kong, 12 October 2022\n\nCyberport today released its review.\n\n"
    "Highlights for the financial year\n\n"
    "Nine unicorns have emerged from the Cyberport community so far.\n"
)


def test_a_heading_naming_the_financial_year_dates_the_block_under_it() -> None:
    got = _claims(HEADED.format(title="Cyberport Annual Review 2021/22"), date(2022, 10, 12))
    assert ("unicorns", 9, date(2022, 3, 31)) in got


def test_the_heading_dates_nothing_when_the_title_names_no_fiscal_year() -> None:
    got = _claims(HEADED.format(title="Cyberport news"), date(2022, 10, 12))
    assert ("unicorns", 9, date(2022, 10, 12)) in got


def test_a_total_a_flow_of_the_year_raises_stands_at_the_years_end() -> None:
    got = _flows(
        "Cyberport Annual Report 2023/24\n\nHong Kong, 20 September 2024 - Cyberport "
        "published its annual report today.\n\nDuring the year, community companies raised "
        "HK$4.2 billion, bringing cumulative funds raised since 2005 to HK$39.8 billion.\n",
        date(2024, 9, 20),
    )
    assert ("funding_raised", 4_200_000_000, date(2024, 3, 31), "P1Y") in got
    assert ("funding_raised", 39_800_000_000, date(2024, 3, 31), None) in got
