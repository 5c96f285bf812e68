"""The cues a sentence's surroundings are read with."""

from __future__ import annotations

import pytest

from etl.extract.context_cues import (
    cluster_refs,
    existential,
    here_words,
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
