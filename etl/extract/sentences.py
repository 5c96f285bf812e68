"""Split text into sentences with spans; "Co., Ltd.", "Dr.", "No. 5", "4.5" end none.

A run of text longer than any sentence a writer writes (`MAX_SENTENCE_CHARS`) is a list or a
table run together: it is read in pieces of at most that length, each ending at a clause
break ("; ", ", ") or a space where it can, so that what a sentence costs stays bounded.
"""

from __future__ import annotations

import heapq
import re
import string
from collections.abc import Iterator
from typing import NamedTuple

from etl.read.reflow import PART_MARK


class Sentence(NamedTuple):
    """A sentence: text[start:end], and the paragraph (blank-line separated block) it sits in.

    A named tuple, not a frozen dataclass: as immutable, and far cheaper to make (a
    section makes one per sentence it reads).
    """

    start: int
    end: int
    paragraph: int


ABBREVIATIONS = frozenset(
    [
        "co",
        "ltd",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "no",
        "nos",
        "st",
        "inc",
        "corp",
        "jr",
        "sr",
        "e.g",
        "i.e",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "gov",
        "govt",
        "dept",
        "mt",
        "fig",
        "figs",
        "vol",
        "p",
        "pp",
        "u.s",
        "u.k",
        "hon",
        "rev",
        "ir",
        "assoc",
        "bros",
        "cf",
        "op",
        "sq",
        "ft",
    ]
)
_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n\s*")
# An end mark, closing quotes or brackets, then space and something that can open a sentence.
_BOUNDARY = re.compile(r"[.!?][\"”’')\]*]*(?=\s+[\"“‘'(*]*[A-Z0-9\u4e00-\u9fff])")
_BULLET = re.compile(rf"\n(?=[ \t]*(?:--?|[•*▪●]|\d+[.)]|{PART_MARK})\s)")  # ("-- ": wire copy)


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Blank-line separated blocks of text[start:end] as spans, without surrounding space."""
    end = len(text) if end is None else end
    spans, a = [], start
    for m in _PARAGRAPH.finditer(text, start, end):
        b = m.start()
        if a < b and not text[a].isspace() and not text[b - 1].isspace():
            spans.append((a, b))  # (nothing to trim: most paragraphs)
        else:
            a, b = _trim(text, a, b)
            if a < b:
                spans.append((a, b))
        a = m.end()
    a, b = _trim(text, a, end)
    if a < b:
        spans.append((a, b))
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of text[start:end], in order, each trimmed of surrounding white space."""
    out: list[Sentence] = []
    for p, (pa, pb) in enumerate(split_paragraphs(text, start, end)):
        out.extend(paragraph_sentences(text, pa, pb, p))
    return out


def paragraph_sentences(text: str, pa: int, pb: int, paragraph: int) -> list[Sentence]:
    """The sentences of one paragraph text[pa:pb] (a span from `split_paragraphs`)."""
    return list(iter_sentences(text, pa, pb, paragraph))


def iter_sentences(text: str, pa: int, pb: int, paragraph: int) -> Iterator[Sentence]:
    """`paragraph_sentences`, one at a time: the text after a sentence is read only if asked."""
    if text.find("\n", pa, pb) >= 0:  # bullets start lines: most paragraphs have none
        bullets = [m.start() + 1 for m in _BULLET.finditer(text, pa, pb)]
        if bullets:
            yield from _cut(text, pa, pb, paragraph, heapq.merge(_ends(text, pa, pb), bullets))
            return
    prev = pa
    for m in _BOUNDARY.finditer(text, pa, pb):
        if text[m.start()] == "." and is_abbreviation(text, m.start(), pa):
            continue
        # The piece ends in its mark: only its start needs trimming, and it is never empty.
        a, b = prev, m.end()
        while text[a].isspace():
            a += 1
        yield from _pieces(text, a, b, paragraph)
        prev = b
    a, b = _trim(text, prev, pb)
    if a < b:
        yield from _pieces(text, a, b, paragraph)


MAX_SENTENCE_CHARS = 1000  # (the longest of some 80,000 labelled sentences: 666)
_BREAKS = ("; ", ", ", " ")  # where a piece of a run-on ends, the first found of these


def _pieces(text: str, a: int, b: int, paragraph: int) -> Iterator[Sentence]:
    """Sentence text[a:b] (trimmed), in pieces of at most MAX_SENTENCE_CHARS if it is longer."""
    while b - a > MAX_SENTENCE_CHARS:
        limit = a + MAX_SENTENCE_CHARS
        cut = limit
        for mark in _BREAKS:  # the last break in the piece's second half
            at = text.rfind(mark, a + MAX_SENTENCE_CHARS // 2, limit)
            if at >= 0:
                cut = at + len(mark.rstrip())
                break
        end = _trim(text, a, cut)[1]
        if end > a:
            yield Sentence(a, end, paragraph)
        a = _trim(text, cut, b)[0]
    if a < b:
        yield Sentence(a, b, paragraph)


def _ends(text: str, pa: int, pb: int) -> Iterator[int]:
    """Where the sentences of paragraph text[pa:pb] end, by their end marks."""
    for m in _BOUNDARY.finditer(text, pa, pb):
        if not is_abbreviation(text, m.start(), pa):
            yield m.end()


def _cut(text: str, pa: int, pb: int, paragraph: int, cuts: Iterator[int]) -> Iterator[Sentence]:
    """The sentences of text[pa:pb] between `cuts`, in order; empty pieces are dropped."""
    prev = pa
    for cut in cuts:
        if cut == prev:
            continue  # a bullet right after an end mark
        a, b = _trim(text, prev, cut)
        if a < b:
            yield from _pieces(text, a, b, paragraph)
        prev = cut
    a, b = _trim(text, prev, pb)
    if a < b:
        yield from _pieces(text, a, b, paragraph)


# Longer words end sentences: the word before a dot is read no further back than this.
_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))
_ASCII_WORD = string.ascii_letters + "."  # what a word before a dot is made of, in ASCII


def is_abbreviation(text: str, dot: int, floor: int) -> bool:
    """Whether the "." at `dot` ends an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    # A word longer than every abbreviation is none: reading one letter past that length
    # settles it, however long the word goes on.
    stop = max(floor, dot - _LONGEST_ABBREVIATION - 1)
    before = text[stop:dot]
    if before.isascii():  # (an ASCII letter is what isalpha() finds there)
        i = stop + len(before.rstrip(_ASCII_WORD))
    else:
        i = dot
        while i > stop and (text[i - 1].isalpha() or text[i - 1] == "."):
            i -= 1
    word = text[i:dot].lower()
    if word in ABBREVIATIONS:
        return True
    return len(word) == 1 and text[dot - 1].isupper()  # an initial: "J. Chan"


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
