"""The cues a sentence's surroundings are read with."""

from __future__ import annotations

import pytest

from etl.extract.context_cues import (
    cluster_refs,
    existential,
    here_words,
    then_and_now,
    there_words,
    unread_time,
    verb_before,
)


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("Today there are over 300 companies", True),
        ("There were 300 companies", False),
        ("Today it is more than 1,800", True),
        ("Today we are close to 1,900", True),
        ("Today we are proud of 300 teams", False),
        ("It is 300 metres long", False),
    ],
)
def test_a_count_said_to_exist_now(s: str, expected: bool) -> None:
    assert (existential().search(s) is not None) is expected


def test_the_other_cues() -> None:
    assert verb_before().search("it was about ")
    assert not verb_before().search("it was about 600 ")
    assert here_words().search("start-ups based here")
    assert there_words().search("spent their early years there")
    assert not there_words().search("there are 40")
    assert unread_time().search("up from 10 a year earlier")
    assert cluster_refs().search("the fintech cluster")


def test_then_and_now() -> None:
    before, now = "Five years ago, our community had about 1,200 companies.", "Today we have 2,100."
    assert then_and_now(before, now)
    later = "When I took over in 2020 we had about 1,500 companies"
    assert not then_and_now(later, now)  # (a time past the opening: another sentence's)
    assert then_and_now(later, "today we are close to 2,000.", anywhere=True)
    assert not then_and_now(later, "and we are close to 2,000.", anywhere=True)
