"""One class or cohort as the subject of a figure's clause: its own record, no community's."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.group_records import group_subject_record
from tests.etl.extract.test_claims import inline

DAY = date(2018, 6, 28)
LEAD = "Hong Kong, 28 June 2018 - Cyberport today held its incubation graduation ceremony. "


def _record(sentence: str, figure: str, before: str | None = None) -> bool:
    previous = (lambda: (before, None)) if before is not None else (lambda: None)
    return group_subject_record(sentence, sentence.index(figure), previous)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        (
            "During their 24 months of incubation, the graduating companies together raised "
            "HK$210 million and won 14 awards.",
            "14",
        ),
        ("Graduating start-ups raised HK$1.6 billion during incubation", "HK$1.6"),
        ("This year's graduates have filed 31 patent applications.", "31"),
        ("In two years, the 2018 class won 14 industry awards.", "14"),
    ],
)
def test_a_class_named_as_the_subject_owns_the_figure(sentence: str, figure: str) -> None:
    assert _record(sentence, figure)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Our graduates have raised HK$4 billion.", "HK$4"),  # every alumnus
        ("The graduates of the programme have together raised HK$60 million.", "HK$60"),
        ("Between them, current and graduating incubatees have won 27 awards.", "27"),
        ("The graduates join a community that has raised HK$40 billion.", "HK$40"),
        ("The graduating companies have so far won 18 awards.", "18"),  # a count to date
        ("Cyberport's start-ups have won 500 awards.", "500"),
    ],
)
def test_no_class_of_its_own_is_no_class_record(sentence: str, figure: str) -> None:
    assert not _record(sentence, figure)


def test_a_pronoun_takes_up_the_class_the_sentence_before_opens_on() -> None:
    s = "During their time in the programme they raised a combined HK$68 million."
    assert _record(s, "HK$68", "The graduating companies work in apps and games.")
    assert not _record(s, "HK$68", "Our incubatees and graduates work in apps and games.")
    assert not _record(s, "HK$68", "Cyberport now hosts 2,000 start-ups.")
    assert not _record(s, "HK$68")


def test_a_class_record_stays_out_of_the_series_the_community_figure_in() -> None:
    got = inline(
        LEAD + "During their 24 months of incubation, the graduating companies together raised "
        "HK$210 million in investment and won 14 industry awards. Since 2005, Cyberport's "
        "community companies have won more than 600 awards.",
        DAY,
    )
    assert [(m, v) for m, v, *_ in got] == [("awards", 600.0)]
