"""A group formed for an occasion owns its own figures, never the organisation's community."""

from __future__ import annotations

import pytest

from etl.extract import default_config
from etl.extract.mentions import find_mentions
from etl.extract.occasion_groups import occasion_group


def _group(s: str, figure: str) -> str | None:
    ms = find_mentions(s, 0, len(s), default_config())
    return occasion_group(s, 0, s.index(figure), ms)


@pytest.mark.parametrize(
    ("s", "figure"),
    [
        ("Cyberport led a delegation of 25 start-ups to London.", "25"),
        ("Together the delegation companies have raised more than HK$420 million.", "HK$420"),
        ("The delegation companies sell into 14 markets; their founders come from 7 countries.",
         "7 countries"),  # (past a pronoun for them)
    ],
)  # fmt: skip
def test_a_groups_size_and_record_are_the_groups(s: str, figure: str) -> None:
    assert _group(s, figure) == "delegation"


@pytest.mark.parametrize(
    ("s", "figure"),
    [
        ("The delegation companies met investors, and Cyberport now hosts 2,000 firms.", "2,000"),
        ("Cyberport hosts 2,000 firms.", "2,000"),
        ("The delegation visited; the community has raised HK$40 billion.", "HK$40"),
    ],
)
def test_a_figure_after_another_subject_is_no_groups(s: str, figure: str) -> None:
    assert _group(s, figure) is None
