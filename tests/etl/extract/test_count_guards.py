"""Figures with no noun of their own that count no set a metric names."""

from __future__ import annotations

import pytest

from etl.extract.count_guards import counts_no_set, ranges_over_kinds


@pytest.mark.parametrize(
    ("s", "figure", "has_noun", "none"),
    [
        ("Four in ten of this year's intake are local.", "ten", False, True),
        ("Some three in five of them operated offsite.", "three", False, True),
        ("It admitted 112 in 2020-21.", "112", False, False),  # a year, no ratio
        ("They employ 36,000 people, of whom about 16,000 work here.", "16,000", False, True),
        ("It had 1,826 companies, of whom 768 were on site.", "768", False, False),
        ("Its 2,200 member companies range from start-ups to listed firms.", "2,200", True, True),
        ("Its 2,200 member companies are on site.", "2,200", True, False),
    ],
)
def test_which_figures_count_no_set(s: str, figure: str, has_noun: bool, none: bool) -> None:
    start = s.index(figure)
    assert counts_no_set(s, start, start + len(figure), has_noun) is none


def test_a_set_ranging_over_kinds_is_seen_from_its_nouns_end() -> None:
    s = "Its 2,200 member companies range from start-ups to listed firms."
    assert ranges_over_kinds(s, s.index(" range") + len(" range"))
    assert not ranges_over_kinds("Its 300 companies are listed.", 17)
