"""Sections of a document text, each with its own date, and the heading lines that name them.

A single report is one section. A file that pastes several reports (a news digest) is split
where a report starts; the heuristics:
- A report starts at a date line (`etl.read.dates.date_lines`: "Hong Kong, 5 June 2025 – ...",
  "21 Oct 2025" alone, "Date: 05/06/2025", "2023年3月21日 ...", "Monday, 3 June" under a
  heading that gives the year) other than the document's own
  dateline: the first date line among its first `HEAD_LINES` non-empty lines with nothing but
  headings and short lines above it. A date inside a sentence ("held in Beijing on 20-21
  September", "in April of this year") is no date line and never starts a section.
- The section takes along up to `MAX_HEADING_LINES` heading lines just above its date line
  (short lines that do not end a sentence), so each report keeps its title.
- A would-be section shorter than `MIN_SECTION_CHARS` (up to the next date line) is no report
  (a dated entry in a timeline, a contact block with a date): it stays in the section before.
- Sections tile the text: the first starts at 0, each ends where the next starts, the last at
  len(text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice, takewhile
from typing import NamedTuple

from db.records import Section
from etl.read.dates import (
    HEAD_LINES,
    DateMention,
    FoundDate,
    date_lines,
    parse_date_line,
    parse_yearless_line,
)
from etl.read.publication import find_date
from etl.read.reflow import PART_MARK

MAX_HEADING_LINES = 3
MIN_SECTION_CHARS = 150
MAX_HEADING_CHARS = 200
MAX_HEADING_WORDS = 30
SHORT_LINE_CHARS = 80

_BOILERPLATE_RE = re.compile(
    r"^(?:(?:press|news|media)\s+(?:release|statement)s?|for\s+immediate\s+release|"
    r"(?:strictly\s+)?embargoed\b.*|immediate\s+release|news|-+\s*ends?\s*-+|ends)$",
    re.IGNORECASE,
)
_NOT_HEADING_END_RE = re.compile(r"[.,;:。，；：][\"'”’)\]]*$")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_BULLET_RE = re.compile(rf"^(?:--|[-–•▪●◦*]|\d{{1,2}}[.)]|{PART_MARK})\s")
_LETTER_RE = re.compile(r"[^\W\d_]")


class _Line(NamedTuple):
    start: int
    text: str


@dataclass(frozen=True)
class SectionSpan:
    """[start, end) of a section in the text, its heading and its own date (None if none)."""

    start: int
    end: int
    heading: str | None
    found: FoundDate | None


def is_heading_like(line: str) -> bool:
    """A short line that names something rather than says it: a title or sub-heading."""
    line = line.strip()
    return (
        3 <= len(line) <= MAX_HEADING_CHARS
        and len(line.split()) <= MAX_HEADING_WORDS
        and bool(_LETTER_RE.search(line[:1]) or line[:1].isdigit() or line[:1] in "\"“‘'")
        and not line[:1].islower()
        and not _NOT_HEADING_END_RE.search(line)
        and not _URL_RE.search(line)
        and not _BULLET_RE.match(line)
        and parse_date_line(line) is None
        and parse_yearless_line(line) is None
    )


def first_heading(text: str, *, max_lines: int = HEAD_LINES) -> str | None:
    """The first heading-like line among the first lines, skipping "Press Release" and kin."""
    return _first_heading_in(_lines(text), max_lines)


def _first_heading_in(lines: Iterable[_Line], max_lines: int = HEAD_LINES) -> str | None:
    """`first_heading` of the text whose non-empty lines are `lines`."""
    for line in islice(lines, max_lines):
        if is_heading_like(line.text) and not _BOILERPLATE_RE.match(line.text.strip()):
            return line.text.strip()
    return None


def _nonempty_lines(text: str) -> list[_Line]:
    """`list(_lines(text))`, built without a generator."""
    out, offset = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append(_Line(offset, raw))
        offset += len(raw) + 1
    return out


def _lines(text: str) -> Iterator[_Line]:
    """The non-empty lines of `text`, each with where it starts."""
    offset = 0
    for raw in text.split("\n"):
        if raw.strip():
            yield _Line(offset, raw)
        offset += len(raw) + 1


def _only_headings_above(lines: list[_Line], k: int) -> bool:
    """Whether only titles and short lines stand above line `k` (so it opens the document)."""
    return all(
        is_heading_like(line.text) or len(line.text) < SHORT_LINE_CHARS for line in lines[:k]
    )


def _found(mention: DateMention) -> FoundDate:
    return FoundDate(mention.value, "dateline" if mention.precision == "day" else "inferred")


def split_sections(text: str) -> list[SectionSpan]:
    """The sections of `text` (heuristics in the module docstring); at least one."""
    lines = _nonempty_lines(text)
    texts = [line.text for line in lines]
    mentions = date_lines(texts)
    dated = [(k, m) for k, m in enumerate(mentions) if m]
    head = [(k, m) for k, m in dated if k < HEAD_LINES and _only_headings_above(lines, k)]
    own = next((k for k, m in head if m.precision == "day"), head[0][0] if head else -1)
    candidates = [(k, m) for k, m in dated if k > own and not _signature(text, lines, k, m)]

    # Process data: each candidate's start line, pulled back over its heading lines.
    starts: list[tuple[int, int, DateMention]] = []
    floor = own + 1
    for k, mention in candidates:
        first = k
        while first - 1 >= floor and k - first < MAX_HEADING_LINES:
            if not is_heading_like(lines[first - 1].text):
                break
            first -= 1
        starts.append((first, k, mention))
        floor = k + 1
    offsets = [lines[first].start for first, _, _ in starts] + [len(text)]
    kept = [
        (offsets[i], first, k, mention)
        for i, (first, k, mention) in enumerate(starts)
        if offsets[i + 1] - offsets[i] >= MIN_SECTION_CHARS and offsets[i] > 0
    ]

    # Save outputs.
    bounds = [0] + [start for start, _, _, _ in kept] + [len(text)]
    first_end = bounds[1]
    head = text[:first_end]
    found = find_date(head, read=(texts, mentions))
    # The lines of `head` are those of `text` before first_end (a line's start, or the end).
    heading = _first_heading_in(takewhile(lambda line: line.start < first_end, lines))
    spans = [SectionSpan(0, first_end, heading, found)]
    for i, (start, first, k, mention) in enumerate(kept, start=1):
        heading = lines[first].text.strip() if first < k else _heading_below(lines, k, mention)
        spans.append(SectionSpan(start, bounds[i + 1], heading, _found(mention)))
    return spans


def _signature(text: str, lines: list[_Line], k: int, mention: DateMention) -> bool:
    """A month alone in the month of the text's own date above it ("Bureau / June 2021" under
    a paper "for discussion on 14 June 2021"): the paper's signature, no report of its own."""
    if mention.precision == "day":
        return False
    before = find_date(text[: lines[k].start])
    return before is not None and (before.value.year, before.value.month) == (
        mention.value.year,
        mention.value.month,
    )


def _heading_below(lines: list[_Line], k: int, mention: DateMention) -> str | None:
    """The title under a date line that holds nothing but the date ("Date: 15 May 2024")."""
    date_only = len(lines[k].text.rstrip()) - mention.end <= 3
    if date_only and k + 1 < len(lines) and is_heading_like(lines[k + 1].text):
        return lines[k + 1].text.strip()
    return None


def date_sections(
    text: str, external: FoundDate | None = None
) -> tuple[tuple[Section, ...], date | None, str]:
    """The dated sections of `text`, and the document's date and how it was found.

    `external` is a date from outside the text (the manifest or HTML metadata); it wins for
    the document. A single section carries the document's date. In a digest each section
    keeps its own date line and falls back to `external`; without `external` the document's
    date is the newest section date (a digest is put together after its newest report).
    """
    spans = split_sections(text)
    if len(spans) == 1:
        found = external or spans[0].found
        doc_date, doc_source = (found.value, found.source) if found else (None, "unknown")
        only = Section(0, 0, len(text), doc_date, doc_source, spans[0].heading)
        return (only,), doc_date, doc_source
    sections = []
    for index, span in enumerate(spans):
        found = span.found or external
        sections.append(
            Section(
                index,
                span.start,
                span.end,
                found.value if found else None,
                found.source if found else "unknown",
                span.heading,
            )
        )
    if external:
        return tuple(sections), external.value, external.source
    dated = [s for s in sections if s.published_on is not None]
    if not dated:
        return tuple(sections), None, "unknown"
    newest = max(dated, key=lambda s: s.published_on or date.min)
    return tuple(sections), newest.published_on, newest.date_source
