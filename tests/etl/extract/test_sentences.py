"""Sentence splitting with spans that point back into the text."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.sentences import (
    _BOUNDARY,
    _BULLET,
    ABBREVIATIONS,
    MAX_SENTENCE_CHARS,
    Sentence,
    _trim,
    is_abbreviation,
    iter_sentences,
    split_paragraphs,
    split_sentences,
)


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


def eager_sentences(text: str, pa: int, pb: int, p: int) -> list[Sentence]:
    """The paragraph split as first written: every cut found, then all pieces at once."""
    cuts = [pa]
    for m in _BOUNDARY.finditer(text, pa, pb):
        if not is_abbreviation(text, m.start(), pa):
            cuts.append(m.end())
    cuts += [m.start() + 1 for m in _BULLET.finditer(text, pa, pb)]
    cuts = [*sorted(set(cuts)), pb]
    out = []
    for a, b in itertools.pairwise(cuts):
        a, b = _trim(text, a, b)
        if a < b:
            out.append(Sentence(a, b, p))
    return out


PIECES = ["Co.", "Ltd.", "Dr. Wong", "No. 5", "4.5", "It grew.", " ", "  ", "\n", "\n- ",
          "\n1) ", '"We grew."', "Fast!", "Why?", "U.S.", "J. Lee", "the 2,000", "end.)",
          "A", "b", "\u4e00", "(*"]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_sentences_one_at_a_time_are_the_whole_split(text: str) -> None:
    for p, (pa, pb) in enumerate(split_paragraphs(text)):
        lazy = iter_sentences(text, pa, pb, p)
        assert list(lazy) == eager_sentences(text, pa, pb, p)


def _paragraphs_as_first_written(text: str) -> list[tuple[int, int]]:
    """`split_paragraphs` as first written: every block cut out, then each trimmed."""
    spans, pos = [], 0
    for m in re.finditer(r"\n[ \t\u00a0]*\n\s*", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s[0] < s[1]]


@given(
    st.lists(st.sampled_from([*PIECES, "\n\n", " \n \n ", "\t\n\u00a0\n\n"]), max_size=20).map(
        "".join
    )
)
def test_paragraphs_are_the_blocks_trimmed(text: str) -> None:
    assert split_paragraphs(text) == _paragraphs_as_first_written(text)


def _abbreviation_read_to_the_word_start(text: str, dot: int, floor: int) -> bool:
    """`is_abbreviation` as first written: the whole word before the dot is read."""
    if text[dot] != ".":
        return False
    i = dot
    while i > floor and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].lower()
    return word in ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper())


@settings(max_examples=300)
@given(st.text(alphabet="abcoLtdDrApPRX.KİEg ", max_size=30), st.integers(0, 30))
def test_abbreviation_test_reads_no_further_than_it_needs(text: str, floor: int) -> None:
    for dot in range(min(floor, len(text)), len(text)):
        assert is_abbreviation(text, dot, floor) == _abbreviation_read_to_the_word_start(
            text, dot, floor
        ), (text, dot, floor)


@settings(max_examples=300)
@given(st.text(alphabet="abLtdDrPX.éǅß1²_- \t İ", max_size=30), st.integers(0, 30))
def test_abbreviation_test_in_ascii_and_beyond(text: str, floor: int) -> None:
    """The ASCII reading and the character-by-character one agree, letters of any script."""
    for dot in range(min(floor, len(text)), len(text)):
        assert is_abbreviation(text, dot, floor) == _abbreviation_read_to_the_word_start(
            text, dot, floor
        ), (text, dot, floor)


def test_abbreviation_cases() -> None:
    assert is_abbreviation("Dr. Chan", 2, 0)
    assert is_abbreviation("Blue Ridge Co., Ltd.", 13, 0)
    assert is_abbreviation("met J. Chan", 5, 0)  # an initial
    assert not is_abbreviation("the companies. They", 13, 0)
    assert not is_abbreviation("in 2023. Then", 7, 0)
    assert is_abbreviation("Dé Dr. X", 5, 0)  # a letter outside ASCII before the word
    assert not is_abbreviation("éDr. X", 3, 0)  # ... or in it: "édr" is no abbreviation


def test_a_run_on_longer_than_any_sentence_is_read_in_clause_pieces() -> None:
    """A list run together into one "sentence" (a table flattened, a PDF without stops) is read
    in pieces ending at its commas, so that its figures cost what they would in sentences."""
    text = "Cyberport counts " + ", ".join(f"{k:,} companies in {2000 + k}" for k in range(300))
    pieces = texts(text + ".")
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(p.endswith(",") for p in pieces[:-1]) and pieces[-1].endswith(".")
    assert " ".join(pieces) == text + "."


def test_a_run_on_without_breaks_is_cut_at_the_limit() -> None:
    text = "x" * (2 * MAX_SENTENCE_CHARS + 5)
    assert [len(p) for p in texts(text)] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]


RUN_ON = [*PIECES, "x" * 150, "y" * 300, ", ", "; ", " 12 companies"]


def _letters(s: str) -> str:
    return "".join(s.split())


@settings(max_examples=200)
@given(st.lists(st.sampled_from(RUN_ON), max_size=60).map("".join))
def test_pieces_of_a_run_on_cover_its_sentence_and_no_more(text: str) -> None:
    """Every sentence is at most MAX_SENTENCE_CHARS long, each lies within a sentence as first
    split, and the pieces of that sentence hold exactly its words."""
    found = split_sentences(text)
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in found)
    whole = [s for p, (a, b) in enumerate(split_paragraphs(text))
             for s in eager_sentences(text, a, b, p)]  # fmt: skip
    assert all(any(e.start <= s.start and s.end <= e.end for e in whole) for s in found)
    for e in whole:
        inside = [text[s.start : s.end] for s in found if e.start <= s.start and s.end <= e.end]
        assert _letters("".join(inside)) == _letters(text[e.start : e.end])
