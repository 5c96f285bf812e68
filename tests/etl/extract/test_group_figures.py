"""A figure that counts a group taking part in something is read as an activity."""

from __future__ import annotations

import pytest

from etl.extract.group_figures import group_source
from etl.extract.metrics import classify


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
