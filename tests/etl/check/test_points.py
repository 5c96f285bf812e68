"""A claim as the checks see it."""

from __future__ import annotations

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
