"""A figure that counts a group taking part in something is read as an activity."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.group_figures import group_source
from etl.extract.metrics import classify
from tests.etl.extract.test_claims import inline


def _source(s: str, figure: str, noun: str, kind: str = "count") -> str:
    start = s.index(figure)
    np_from = start + len(figure) + 1
    np_end = np_from + len(noun)
    match = classify(noun, "", "", kind, 10.0)
    spans = (start, np_from, np_end, len(s))
    return group_source(s, spans, s[:start], s[:start].lower(), s, kind, match, "noun", [])


@pytest.mark.parametrize(
    ("sentence", "figure", "noun"),
    [
        ("The mission took 60 start-ups to Shenzhen.", "60", "start-ups"),
        ("The waiting list is now 80 companies long.", "80", "companies"),
        ("The 42 companies between them won 67 awards.", "42", "companies"),
    ],
)
def test_a_group_taking_part_is_an_activity(sentence: str, figure: str, noun: str) -> None:
    assert _source(sentence, figure, noun) == "activity"


def test_the_communitys_size_stays_as_it_was_read() -> None:
    assert _source("The hub is home to 2,000 companies.", "2,000", "companies") == "noun"


@pytest.mark.parametrize(
    "sentence",
    [
        "Cyberport granted HK$100,000 each to 45 start-ups.",
        "In 2020-21, Cyberport provided rent concessions totalling about HK$260 million to some "
        "780 onsite tenants.",
        "Cyberport offered free office space to 30 companies.",
    ],
)
def test_those_given_something_are_no_size(sentence: str) -> None:
    """A count that a verb of giving gives to ("... to 45 start-ups") counts recipients."""
    assert inline(sentence, date(2021, 9, 5)) == []


def test_a_community_that_gave_rise_to_unicorns_counts_them() -> None:
    got = inline(
        "The Cyberport community has given rise to two unicorns and has reached 40 markets.",
        date(2021, 9, 5),
    )
    assert ("unicorns", 2, "exact", date(2021, 9, 5), None) in got
