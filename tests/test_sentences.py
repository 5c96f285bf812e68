"""Sentence splitting with spans that point back into the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from etl.sentences import split_paragraphs, split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_abbreviations_and_decimals_do_not_end_a_sentence() -> None:
    text = (
        "Dark Horse Group Co., Ltd. and Dr. Wong met at No. 5 Road. "
        "They counted 4.5 times more start-ups. Next came Mr. J. Lee."
    )
    assert texts(text) == [
        "Dark Horse Group Co., Ltd. and Dr. Wong met at No. 5 Road.",
        "They counted 4.5 times more start-ups.",
        "Next came Mr. J. Lee.",
    ]


def test_quotes_and_wrapped_lines() -> None:
    text = 'He said, "We grew.\nFast." Then\nwe left.\n\nAbout Us\n\nA new part.'
    got = split_sentences(text)
    assert [text[s.start : s.end] for s in got] == [
        'He said, "We grew.',
        'Fast."',
        "Then\nwe left.",
        "About Us",
        "A new part.",
    ]
    assert [s.paragraph for s in got] == [0, 0, 0, 1, 2]


def test_bullets_start_sentences() -> None:
    assert texts("Highlights:\n- 2,000 members\n- 9 unicorns") == [
        "Highlights:",
        "- 2,000 members",
        "- 9 unicorns",
    ]


def test_bounds() -> None:
    text = "One. Two. Three."
    assert [text[s.start : s.end] for s in split_sentences(text, 5, 9)] == ["Two."]
    assert split_paragraphs("a\n\n\nb") == [(0, 1), (4, 5)]


@given(st.text())
def test_spans_are_exact_and_ordered(text: str) -> None:
    last = 0
    for s in split_sentences(text):
        assert last <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        last = s.end
