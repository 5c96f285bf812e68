"""Dates in a word-for-word translation's order: "2025 year 9 month 30 day"."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.asof import find_dates

REF = date(2025, 10, 21)


def _dates(s: str) -> list[tuple[date | None, str | None]]:
    return [(d.as_of, d.period) for d in find_dates(s, 0, len(s), REF)]


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("as at 2025 year 9 month 30 day of community data", [(date(2025, 9, 30), None)]),
        ("Financing aspect, as at 9 month end, companies raised", [(date(2025, 9, 30), None)]),
        ("as at 12 month end, companies raised", [(date(2024, 12, 31), None)]),  # (not later)
        ("This year front nine month, companies raised", [(date(2025, 9, 30), "P9M")]),
        ("Cyberport announce 2025 year front three quarter data", [(date(2025, 9, 30), "P9M")]),
        ("last year front 6 month the intake", [(date(2024, 6, 30), "P6M")]),
    ],
)
def test_a_translations_word_order_is_read_as_a_date(s: str, expected: list) -> None:
    assert _dates(s) == expected


def test_no_such_day_is_no_date() -> None:
    assert date(2025, 2, 28) not in [d for d, _ in _dates("as at 2025 year 2 month 30 day")]
