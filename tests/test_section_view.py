"""A section read on demand: candidate sentences, and the subject found by looking back."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from etl.extract import default_config, extract_claims
from etl.records import ReadDocument
from etl.section_view import SectionView
from etl.sentences import split_paragraphs

FILLER = "Guests toured the new studios and met founders from many sectors. "


def _doc(text: str) -> ReadDocument:
    return ReadDocument(
        "long.txt", "0" * 64, "txt", text, None, None, None, None, date(2024, 1, 5), "manifest", ()
    )


def _view(text: str) -> SectionView:
    return SectionView(text, split_paragraphs(text), default_config())


def _found(text: str) -> set[tuple[str, str, float]]:
    return {(c.entity, c.metric, c.value) for c in extract_claims(_doc(text))}


# Longer than Python's recursion limit: the look-back must not recurse per sentence.
LONG = max(1500, sys.getrecursionlimit() + 200)


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Cyberport is a digital hub in Hong Kong.", {("Cyberport", "companies", 1800.0)}),
        ("Lingang Group is a development company in Shanghai.", set()),
    ],
)
def test_a_pronoun_after_a_very_long_paragraph_finds_its_subject(opening, expected) -> None:
    text = f"{opening} {FILLER * LONG}It now hosts 1,800 companies."
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Cyberport is a digital hub in Hong Kong.", {("Cyberport", "companies", 1800.0)}),
        ("Lingang Group runs a science park in Shanghai.", set()),  # "the park" is theirs
    ],
)
def test_the_park_after_many_paragraphs_is_the_park_last_named(opening, expected) -> None:
    paragraphs = [opening] + [FILLER.strip()] * LONG + ["The park now hosts 1,800 companies."]
    assert _found("\n\n".join(paragraphs)) == expected


def test_long_look_back_agrees_with_a_short_one() -> None:
    short = "Cyberport is a digital hub. " + FILLER * 3 + "It now hosts 1,800 companies."
    long = "Cyberport is a digital hub. " + FILLER * LONG + "It now hosts 1,800 companies."
    assert _found(short) == _found(long) == {("Cyberport", "companies", 1800.0)}


def test_topic_before_reads_each_sentence_once() -> None:
    text = "Cyberport is a digital hub. " + FILLER * 40 + "It has 9 labs. It has 12 studios."
    view = _view(text)
    assert len(view.paragraph(0)) == 43
    last = (0, 42)
    assert view.topic_before(last).paragraph is not None
    assert len(view.mentions) == 42  # every earlier sentence, each once
    assert view.topic_before((0, 41)) == view.topics[(0, 41)]  # remembered on the way back
    assert view.topic_before((0, 0)).paragraph is None  # nothing before the first sentence


def test_candidates_are_the_sentences_with_a_number_in_order() -> None:
    text = "No figure here. It has 9 labs.\n\nNothing at all.\n\nSeven studios opened. Fine."
    view = _view(text)
    got = [view.sentence(sid) for sid in view.candidates(0, len(text))]
    assert [text[s.start : s.end] for s in got] == ["It has 9 labs.", "Seven studios opened."]
