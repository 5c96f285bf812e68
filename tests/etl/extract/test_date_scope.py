"""A date inside a relative clause after a figure is the clause's, not the figure's."""

from __future__ import annotations

from datetime import date

from etl.extract.claims import extract_claims
from etl.read.manifest import ManifestEntry
from etl.read.readers import read_bytes

PUBLISHED = date(2021, 11, 3)


def _claims(text: str) -> set[tuple[str, float, date]]:
    entry = ManifestEntry(None, None, None, None, PUBLISHED)
    doc = read_bytes(text.encode(), "wire.txt", manifest=entry)
    return {(c.metric, c.value, c.as_of) for c in extract_claims(doc) if c.status == "auto"}


def test_a_date_in_a_relative_clause_dates_the_clause_only() -> None:
    got = _claims(
        "HONG KONG, Nov 3 (Agency) - Cyberport has nurtured 4 unicorns, among them a payments "
        "firm, which filed to list in July.\n"
    )
    assert ("unicorns", 4, PUBLISHED) in got


def test_a_date_right_after_the_figure_still_dates_it() -> None:
    got = _claims("HONG KONG, Nov 3 (Agency) - Cyberport had nurtured 4 unicorns by July.\n")
    assert ("unicorns", 4, date(2021, 7, 31)) in got


def test_a_figure_after_a_comma_and_with_stands_at_the_time_of_the_figure_before() -> None:
    got = _claims(
        "HONG KONG, Nov 3 (Agency) - Cyberport counted 1,700 companies as at 30 June, with "
        "about 800 based on campus and some 900 working off site.\n"
    )
    assert {("companies_onsite", 800, date(2021, 6, 30)), ("companies_offsite", 900,
            date(2021, 6, 30))} <= got  # fmt: skip


def test_a_with_phrase_in_another_clause_keeps_its_own_time() -> None:
    got = _claims(
        "HONG KONG, Nov 3 (Agency) - Cyberport had 1,700 companies as at 30 June; now, with "
        "new arrivals, about 900 of them work off site.\n"
    )
    assert ("companies_offsite", 900, date(2021, 6, 30)) not in got
