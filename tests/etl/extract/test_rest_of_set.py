"""The rest of a set split by place counts the other place: own sentences."""

from __future__ import annotations

import pytest

from etl.extract.rest_of_set import with_the_rest
from etl.extract.sentence_figures import find_figures


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Some 600 of them are based on our campus; the rest, around 400, work from offices "
            "across the city.",
            ["companies_onsite", "companies_offsite"],
        ),
        (
            "Around 800 of them work on the campus itself, and the remaining 850 or so are "
            "members who operate off-site.",
            ["companies_onsite", "companies_offsite"],
        ),
        # Not after a part at one place: the rest of something else stays as it was.
        ("It admitted 90 start-ups; the rest, around 400, applied too late.", ["incubatees", None]),
    ],
)
def test_the_rest_after_a_part_at_one_place_is_at_the_other(
    sentence: str, expected: list[str | None]
) -> None:
    got = with_the_rest(sentence, find_figures(sentence, keep_bare=True))
    assert [f.metric.metric if f.metric else None for f in got] == expected
