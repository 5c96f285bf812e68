"""How a figure stands to a set named around it."""

from __future__ import annotations

import pytest

from etl.extract.figure_sets import NUMBER_OF, of_a_set, part_of_set


@pytest.mark.parametrize(
    ("sentence", "figure", "part"),
    [
        ("The hub hosts 2,000 companies, seven of which are unicorns.", "seven", True),
        ("The hub hosts 2,000 companies, including 400 in fintech.", "400", True),
        ("The hub hosts 2,000 companies.", "2,000", False),
        ("It admitted 60 teams in 2023.", "60", False),
    ],
)
def test_a_part_of_a_set_named_before_it(sentence: str, figure: str, part: bool) -> None:
    at = sentence.index(figure)
    assert part_of_set(sentence, at, at + len(figure)) is part


def test_a_set_named_after_the_figure_and_the_number_of_a_noun() -> None:
    s = "Around 80 of our companies work in AI."
    assert of_a_set(s, s.index("80") + 2)
    assert not of_a_set("Unicorns: 8", len("Unicorns: 8"))
    assert NUMBER_OF.search("the number of applications rose") is not None
    assert NUMBER_OF.search("the numbers rose") is None
