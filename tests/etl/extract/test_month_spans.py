"""Months numbered within a year ("this year 1 to 5 month") and a date carried past a frame
of saying ("She noted that, as at the end of May, ...")."""

from __future__ import annotations

from datetime import date

from etl.extract.asof import find_dates
from etl.extract.claims import extract_claims
from etl.read.manifest import ManifestEntry
from etl.read.readers import read_bytes

REF = date(2020, 7, 8)


def _dates(s: str) -> list[tuple[date | None, str | None]]:
    return [(d.as_of, d.period) for d in find_dates(s, 0, len(s), REF)]


def test_a_span_of_month_numbers_of_a_year_ends_at_its_last_month() -> None:
    assert _dates("this year 2 to 6 month, the fund approved 70 projects") == [
        (date(2020, 6, 30), "P5M")
    ]
    assert _dates("last year 1 to 3 month it approved 9") == [(date(2019, 3, 31), "P3M")]
    assert _dates("2018年1至4月") == [(date(2018, 4, 30), "P4M")]


def test_month_numbers_without_a_year_or_backwards_are_no_span() -> None:
    assert _dates("each grant runs 1 to 5 months") == []
    spans = _dates("this year 6 to 2 month")  # ("this year" alone still reads as this year)
    assert all(d not in (date(2020, 2, 29), date(2020, 6, 30)) for d, _ in spans)


def test_a_date_after_a_frame_of_saying_dates_the_next_sentence_too() -> None:
    text = (
        "Hong Kong, 8 July 2020 - Cyberport held a briefing.\n\n"
        "The chairman noted that, as at the end of May this year, the Cyberport community "
        "had 1,600 companies. Community companies had raised HK$20 billion in total.\n"
    )
    entry = ManifestEntry(None, None, None, None, REF)
    doc = read_bytes(text.encode(), "brief.txt", manifest=entry)
    got = {(c.metric, c.value, c.as_of) for c in extract_claims(doc) if c.status == "auto"}
    assert ("companies", 1600, date(2020, 5, 31)) in got
    assert ("funding_raised", 20_000_000_000, date(2020, 5, 31)) in got


def test_a_date_deep_inside_a_sentence_is_not_carried() -> None:
    text = (
        "Hong Kong, 8 July 2020 - Cyberport held a briefing.\n\n"
        "The Cyberport community had 1,600 companies, the chairman noted, up from the 1,200 "
        "it had at the end of May 2018. Community companies had raised HK$20 billion in total.\n"
    )
    entry = ManifestEntry(None, None, None, None, REF)
    doc = read_bytes(text.encode(), "brief.txt", manifest=entry)
    got = {(c.metric, c.value, c.as_of) for c in extract_claims(doc) if c.status == "auto"}
    assert ("funding_raised", 20_000_000_000, date(2018, 5, 31)) not in got
