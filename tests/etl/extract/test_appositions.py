"""Clauses and phrases set apart from a sentence's subject."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract import default_config
from etl.extract.appositions import (
    _apposition_re,
    described_place,
    lead_clause_end,
    member_apposition,
)
from etl.extract.mentions import find_mentions


@pytest.mark.parametrize(
    ("s", "clause"),
    [
        ("Since the scheme began, 90 joined.", "Since the scheme began,"),
        ("When it opened in 2004, it had 40 tenants.", "When it opened in 2004,"),
        ("The hub, since it opened, has 90 firms.", ""),  # not at the sentence's head
        ("Since 2005 the CIP has admitted 700 start-ups.", ""),  # no comma before the figure
    ],
)
def test_a_subordinate_clause_opening_the_sentence(s: str, clause: str) -> None:
    figure = max(s.rfind(" 90"), s.rfind(" 40"), s.rfind(" 700")) + 1
    assert s[: lead_clause_end(s, 0, figure)] == clause


def subject_of(s: str) -> str | None:
    ms = find_mentions(s, 0, len(s), default_config())
    found = member_apposition(s, 0, len(s), ms)
    return s[found[1] : found[2]] if found else None


def test_the_member_an_apposition_is_about() -> None:
    assert (
        subject_of("Acme Robotics, one of 900 firms at the hub, raised US$5m.") == "Acme Robotics"
    )
    assert subject_of("In May, Blue Kite, one of its incubatees, hired 30.") == "Blue Kite"
    # Not after a figure or far into the sentence, nor before "and".
    assert subject_of("The hub has 900 firms, one of the most, and 40 unicorns.") is None
    assert subject_of("Acme Robotics, one of 900 firms at the hub, and Blue Kite met.") is None


_PIECES = ["Acme", ",", ", ", " ", "one of", "each of", "another of", "the", "firms", "and", "x"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_the_apposition_pattern_finds_what_its_plain_form_finds(text: str) -> None:
    pattern = _apposition_re()
    assert pattern.pattern.startswith(",(?<=\\w,)")
    plain = re.compile("(?<=\\w)," + pattern.pattern[len(",(?<=\\w,)") :])
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_figure_in_an_apposition_describing_another_place_is_that_places() -> None:
    config = default_config()

    def place(s: str) -> str | None:
        return described_place(s, 0, s.index("over"), config)

    s = "Cyberport signed a pact with Kiln 9, a Lisbon start-up campus that hosts over 300 firms."
    assert place(s) == "Kiln 9"
    s = "It met Brightyard, an Oslo innovation hub where over 120 start-ups work, last May."
    assert place(s) == "Brightyard"
    # The tracked organisation described, no relative clause, or the figure outside it.
    assert place("Cyberport, a digital hub that is home to over 1,900 firms, grew.") is None
    assert place("It met Brightyard, an Oslo hub with over 120 start-ups.") is None
    s = "Kiln 9, a Lisbon campus that opened in 2019, said Cyberport has over 2,000 firms."
    assert place(s) is None
