"""Heading lines."""

from __future__ import annotations

import pytest

from etl.extract.headings import is_heading_line


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Admissions", True),
        ("## Unicorns", True),
        ("**Media enquiries**", True),
        ("Demand for places has not let up.", False),
        ("As at 30 June 2021, the community counted:", False),
        ("- 6 unicorns", False),
        ("| Unicorns | 8 |", False),
        ("2019 was a good year for start-ups in the community", False),
        ("HK$38 billion", False),
        ("Unicorns 8", False),
        ("Cyberport Venture Capital Forum 2017", True),
        ("Growth in smart living was driven partly by the new venture programme today", False),
        ("CLUSTERS (at the end of last year)", True),  # a bracket closes no sentence
        ("(Photo caption)", False),
        ("The hub grew (see below).", False),
    ],
)
def test_heading_lines(line: str, heading: bool) -> None:
    assert is_heading_line(line) is heading
