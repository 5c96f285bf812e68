"""Qualifiers and the interval a printed figure implies."""

from __future__ import annotations

import pytest

from etl.qualifiers import interval, qualifier_after, qualifier_before


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("over 2,000", "over"),
        ("more than 2,000", "over"),
        ("financing exceeding HK$1", "over"),
        ("upwards of 50", "over"),
        ("around 400", "about"),
        ("approximately 55", "about"),
        ("some 20", "about"),
        ("close to 300", "about"),
        ("roughly 9", "about"),
        ("nearly 1,000", "nearly"),
        ("almost 70", "nearly"),
        ("up to 500", "up_to"),
        ("home to 1,900", "exact"),
        ("the moreover 12", "exact"),
    ],
)
def test_qualifier_before(text: str, qualifier: str) -> None:
    pos = next(
        i for i, c in enumerate(text) if c.isdigit() or (c == "H" and text[i:].startswith("HK$"))
    )
    assert qualifier_before(text, pos).qualifier == qualifier


def test_qualifier_after() -> None:
    assert qualifier_after("2,000+ firms", 5) == 6
    assert qualifier_after("2,000-plus firms", 5) == 10
    assert qualifier_after("2,000 firms", 5) is None


def test_intervals_read_printed_digits_as_rounded_down() -> None:
    assert interval(36.7e9, 0.1e9, "over", count=False) == pytest.approx((36.7e9, 36.8e9))
    assert interval(2000, 1000, "over") == (2000, 3000)
    assert interval(2200, 100, "over") == (2200, 2300)
    assert interval(400, 100, "about") == (350, 450)
    assert interval(1000, 1000, "nearly") == (900, 1000)
    assert interval(1900, 100, "nearly") == (1850, 1900)
    assert interval(500, 100, "up_to") == (0, 500)
    assert interval(7, 1, "exact") == (7, 7)
    assert interval(2000, 1000, "exact") == (1500, 2500)
    assert interval(43.4e9, 0.1e9, "exact", count=False) == pytest.approx((43.35e9, 43.45e9))
    assert interval(700, 100, "over", high=800) == (700, 800)
