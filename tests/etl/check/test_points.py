"""A claim as the checks see it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from etl.check.points import ClaimPoint

VALUES = (
    7, "u7", "Cyberport", "companies", 2200.0, "count", "over", 2200.0, 2300.0, date(2024, 1, 1),
    None, None, "press release", "Cyberport", "a.txt", "Over 2,200.",
)  # fmt: skip


def test_a_point_made_without_init_is_the_same_point() -> None:
    made = ClaimPoint.of(*VALUES)
    assert made == ClaimPoint(*VALUES) and hash(made) == hash(ClaimPoint(*VALUES))
    assert (
        made.phrase()
        == ClaimPoint(*VALUES).phrase()
        == "more than 2,200 (press release, 1 Jan 2024)"
    )


def test_a_phrase_made_once_is_the_phrase_and_leaves_the_point_as_it_was() -> None:
    p = ClaimPoint.of(*VALUES)
    fresh = replace(p)
    first = p.phrase()
    assert first == "more than 2,200 (press release, 1 Jan 2024)"
    assert p.phrase() is first
    assert p == fresh and hash(p) == hash(fresh) and repr(p) == repr(fresh)
    assert replace(p, value=2300.0).phrase() == "more than 2,300 (press release, 1 Jan 2024)"
