"""The heading lines of a document and the lead-in line each paragraph follows.

A heading is a short line with no end mark that is no list item, table row or value ("HK$38
billion"); each paragraph sits under the nearest heading above it (or opening it), and a
paragraph ending in a lead-in mark ("... counted:") leads in the one after it. The marks and
word limit come from etl/data/document.toml.
"""

from __future__ import annotations

import re
from functools import cache

from etl.calendar import month_re, weekday_re
from etl.extract.lexicon import document_cues as cues
from etl.read.dates import YEAR_IN_RE


def find_headings(
    text: str, paragraphs: list[tuple[int, int]], lines: list[list[tuple[int, int]]]
) -> tuple[tuple[int, ...], tuple[tuple[int, int] | None, ...], dict[int, tuple[int, int]]]:
    """For each paragraph, the nearest heading line above it (or opening it), and the lead-in
    line ("... counted:") right before it."""
    spans = []
    current: tuple[int, int] | None = None
    lead_ins: dict[int, tuple[int, int]] = {}
    prev: tuple[int, int] | None = None
    plain_ends, lead_in_ends = _plain_ends(), _lead_in_ends()
    for (a, b), para in zip(paragraphs, lines, strict=True):
        first = para[0]
        # (a line whose last character is a plain end mark ends a sentence: no call needed)
        if (
            not (first[0] < first[1] and text[first[1] - 1] in plain_ends)
            and not _ends_sentence(text, *first)
            and is_heading_line(text[first[0] : first[1]])
        ):
            current = first
        spans.append(current)
        if prev is not None:
            lead_ins[a] = prev
        end = b  # (the paragraph's end without trailing space; its words are not copied)
        while end > a and text[end - 1].isspace():
            end -= 1
        if text.endswith(lead_in_ends, a, end):
            prev = para[-1] if len(para) == 1 or para[-1][1] == b else (b, b)
        else:
            prev = None
    return tuple(a for a, _ in paragraphs), tuple(spans), lead_ins


@cache
def _lead_in_ends() -> tuple[str, ...]:
    return tuple(cues()["heading"]["lead_in_ends"])


_DATED_CHARS = 160  # the longest line a heading with a date beside its words may be
_END_MARKS = frozenset(".!?;,:\"”'’)")


@cache
def _plain_ends() -> frozenset[str]:
    """The end marks `_ends_sentence` finds at once: no heading mark, space or ")"."""
    marks = cues()["heading"]["marks"]
    return frozenset(c for c in _END_MARKS if c != ")" and c not in marks and not c.isspace())


def _ends_sentence(text: str, a: int, b: int) -> bool:
    """Whether the line text[a:b] ends in a mark that makes it no heading (`is_heading_line`):
    read in place, with no copy of the line, for the lines that plainly end a sentence."""
    marks = cues()["heading"]["marks"]
    while b > a and text[b - 1].isspace():
        b -= 1
    while b > a and text[b - 1] in marks:
        b -= 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return b > a and text[b - 1] in _END_MARKS and text[b - 1] != ")"


def is_heading_line(line: str) -> bool:
    """A short line with no end mark, not a list item or a table row: a heading."""
    h = cues()["heading"]
    s = line.strip().strip(h["marks"]).strip()
    dated = False  # a year in the bracket at its end: the time of what follows
    if s.endswith(")") and "(" in s and s[0] != "(":  # "CLUSTERS (at the end of last year)"
        dated = YEAR_IN_RE.search(s, s.rfind("(")) is not None
        s = s[: s.rfind("(")].strip() or s
    if not s or s[-1] in _END_MARKS:
        return False
    colon = s.find(": ")
    if colon > 0 and any(c.isdigit() for c in s[colon:]):
        return False  # "Founded: 2018, Hong Kong": a fact-box row, no heading
    numbered = _SECTION_NUMBER.match(s)
    rest = s[numbered.end() :] if numbered else ""
    if numbered and (rest.upper() == rest or (dated and rest[:1].isupper())):
        s = rest  # "2. Q2 2024 BY THE NUMBERS", "1. Community at a glance (as at June 2025)"
    if _plain_heading(s, h["max_words"]):
        return True
    if len(s) > _DATED_CHARS or not any(c in s for c in h["date_separators"]):
        return False
    words = _dated_heading().sub("", s)  # "3 June 2024 — Unicorn count": the words head
    return words != s and bool(words) and _plain_heading(words, h["max_words"])


def _plain_heading(s: str, max_words: int) -> bool:
    """Whether `s`, with no end mark, is short, no list item or row, and holds no value."""
    if "|" in s or s[0] in "-•–" or s[0].isdigit():
        return False
    if any(len(run) != 4 for run in _DIGIT_RUNS.findall(_PART_OF_YEAR.sub("", s))):
        return False  # "HK$38 billion", "Unicorns 8": a value, not a heading (years may be)
    return len(s.split()) <= max_words and any(c.isalpha() for c in s)


_DIGIT_RUNS = re.compile(r"\d+")
_PART_OF_YEAR = re.compile(r"\b(?:[QH][1-4]|[1-4]Q|[12]H)\b", re.IGNORECASE)  # "Q2 2024"
_SECTION_NUMBER = re.compile(r"(?:\(?(?:\d{1,2}|[A-Z])[.)]|\d{1,2}\.\d{1,2}\.?)\s+(?=\S)")


@cache
def _dated_heading() -> re.Pattern[str]:
    """A full date at either end of a heading, set off by a separator ("3 June 2024 — ",
    " | March 5, 2019", " - as at 31 December 2025"): the heading is the words beside it."""
    month, weekday = month_re(), weekday_re()
    seps = "".join(re.escape(c) for c in cues()["heading"]["date_separators"])
    marks = re.escape(cues()["heading"]["numeric_date_marks"])
    numeric = rf"\d{{1,4}}[{marks}]\d{{1,2}}[{marks}]\d{{1,4}}[{marks}]?"  # 11/05/2022
    day = (
        rf"(?:{weekday},?\s+)?(?:\d{{1,2}}\s+{month}\s+\d{{4}}|{month}\.?\s+\d{{1,2}},?\s+\d{{4}}"
        rf"|{numeric})(?:\s*\(\s*{weekday}\s*\))?"
    )
    return re.compile(
        rf"^\s*{day}\s*[{seps}]\s+(?=\S)|(?<=\S)\s+[{seps}]\s*(?:as\s+(?:at|of)\s+)?{day}\s*$",
        re.IGNORECASE,
    )
