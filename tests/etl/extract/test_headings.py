"""Heading lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.headings import _ends_sentence, is_heading_line


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
        # A full date set apart from a heading's words leaves the words to head the text.
        ("## 3 June 2024 — Unicorn count", True),
        ("Unicorn count | March 5, 2019", True),
        ("## Wednesday, 11/05/2022 – Start-up admissions", True),
        ("## 2022年5月13日 (Friday) — Funding update", True),
        ("3 June 2024", False),  # a date line alone heads nothing
        ("3 June 2024 — 40 start-ups joined", False),  # the words beside it hold a value
        ("Admissions — 3 June 2024.", False),
        ("KEY FIGURES - as at 31 December 2025", True),  # "as at" before the date
        ("2. Q2 2024 BY THE NUMBERS", True),  # a numbered section's heading, a quarter's year
        ("(B) PROMOTING INDUSTRY DEVELOPMENT", True),
        ("2. Founders go abroad early", False),  # a numbered list item, not in capitals
        ("1. Community at a glance (as at December 2025)", True),  # dated: a section's heading
        ("1. Community at a glance (see below)", False),
        ("3. 40 START-UPS JOINED", False),  # a value, numbered or not
        ("Founded: 2018, Hong Kong", False),  # a fact-box row
        ("Cyberport: the year in review", True),
    ],
)
def test_heading_lines(line: str, heading: bool) -> None:
    assert is_heading_line(line) is heading


@given(st.text(alphabet="Ab .:)(*#_ \t\n,1", max_size=12))
def test_a_line_read_as_ending_a_sentence_is_no_heading(line: str) -> None:
    text = "x" + line + "y"
    if _ends_sentence(text, 1, len(text) - 1):
        assert not is_heading_line(line)
