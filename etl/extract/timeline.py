"""The running time anchor of a section: the time its sentences speak of, read in order.

A section is read forward, sentence by sentence, as far as a figure asks. Each sentence that
states a time leaves it in force: the first date it gives that is not an event's ("opened in
2004"), else its last event date. What the anchor is used for:
- `anchor_at`: the time in force before a sentence, which its back-references stand for
  ("At that point, ...", "Over the same period, ...") and "a year earlier" counts back from;
- `carried`: the date a sentence with no date of its own takes from a date that opened an
  earlier sentence of its paragraph ("As at 31 December 2024, the community comprised ...
  The community includes eight unicorns."), unless it says it speaks of now ("now",
  "to date");
- `list_date`: the date of a list or table (a bulleted paragraph) from its lead-in lines
  ("As at 30 June 2021, the community counted:", "Community at a glance, 2019-20",
  "31 Dec 2020:"), else from a short note right after it ("Figures as at 30 June 2023").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from etl.extract.asof import DatePhrase, find_dates, month_end
from etl.extract.relative_dates import speaks_of_now
from etl.extract.section_view import SectionView, SentenceId
from etl.read.calendar import fiscal_year_end_month, month_re

Anchor = tuple[date, str, str | None]  # as_of, precision, period

# A sentence that may state a time: a year, a month's name, or a relative year or month.
_HINT = re.compile(rf"(?<!\d)(?:19|20)\d\d(?!\d)|(?i:{month_re()}|year|month)")
# The words before a date that opens its sentence ("As at end-December 2022, ...").
SENTENCE_OPENING = re.compile(
    r"[\W_]*(?:(?:as\s+(?:at|of)|at|by|in|on|until|up\s+to)\s+)?(?:(?:the\s+)?end[-\s](?:of\s+)?)?",
    re.IGNORECASE,
)
_BULLET = re.compile(r"[ \t]*(?:[-•*–▪●]|\d{1,2}[.)])[ \t]+")
# A year or fiscal year standing alone in a heading: "Year-end 2019", "At a glance, 2019-20".
_BARE_YEAR = re.compile(
    r"(?<![\d.,/])(?P<y1>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<y2>\d\d(?:\d\d)?))?(?![\d.,])"
)
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]]*$")
LEAD_IN_CHARS = 160  # a lead-in or heading line is short
NOTE_CHARS = 240  # and so is a note under a table
MAX_LEAD_LINES = 3


@dataclass
class Timeline:
    """The times stated in one section, found as far as the sentences asked about."""

    view: SectionView
    start: int
    end: int
    ref: date | None
    marks: list[tuple[int, SentenceId, DatePhrase, bool]] = field(default_factory=list)
    read: set[SentenceId] = field(default_factory=set)
    scanned: int = -1

    def _scan(self, upto: int) -> None:
        """Read the times stated before position `upto`, in order."""
        text, view = self.view.text, self.view
        pos = max(self.start, self.scanned)
        while pos < min(upto, self.end):
            hit = _HINT.search(text, pos, min(upto, self.end))
            if hit is None:
                break
            sid = view.sentence_at(hit.start())
            if sid is None:
                pos = hit.end()
                continue
            s = view.sentence(sid)
            pos = s.end
            if sid not in self.read and s.start < upto:
                self.read.add(sid)
                self._mark(sid)
        self.scanned = max(self.scanned, min(upto, self.end))

    def _mark(self, sid: SentenceId) -> None:
        s = self.view.sentence(sid)
        sent = self.view.text[s.start : s.end]
        anchor = self._last()
        found = [
            d
            for d in find_dates(sent, 0, len(sent), self.ref, anchor)
            if d.kind == "date" and d.as_of is not None and not _future(d, self.ref)
        ]
        if not found:
            return
        plain = [d for d in found if not d.event]
        d = plain[0] if plain else found[-1]
        opens = bool(SENTENCE_OPENING.fullmatch(sent, 0, d.start)) and sent.startswith(",", d.end)
        self.marks.append((s.start, sid, d, opens))

    def _last(self) -> Anchor | None:
        if not self.marks:
            return None
        d = self.marks[-1][2]
        return (d.as_of, d.precision, d.period) if d.as_of else None

    def anchor_at(self, sid: SentenceId) -> Anchor | None:
        """The time in force before sentence `sid`: the last one an earlier sentence stated."""
        s = self.view.sentence(sid)
        self._scan(s.start)
        return self._last_before(s.start)

    def _last_before(self, pos: int) -> Anchor | None:
        for start, _, d, _ in reversed(self.marks):
            if start < pos and d.as_of is not None:
                return d.as_of, d.precision, d.period
        return None

    def carried(self, sid: SentenceId) -> DatePhrase | None:
        """The date a sentence without one takes from its paragraph or its list's lead-in."""
        s = self.view.sentence(sid)
        if speaks_of_now(self.view.text, s.start, s.end):
            return None
        listed = self.list_date(sid[0])
        if listed is not None:
            return listed
        self._scan(s.start)
        for start, mark, d, opens in reversed(self.marks):
            if start >= s.start:
                continue
            same_item = mark[0] == sid[0] and "\n" not in self.view.text[start : s.start]
            if same_item and opens and not d.event and d.period is None:
                return d
            return None
        return None

    def list_date(self, p: int) -> DatePhrase | None:
        """The date of paragraph `p` when it is a list: from its lead-in, else the note after."""
        text, paragraphs = self.view.text, self.view.paragraphs
        if not _BULLET.match(text, paragraphs[p][0]):
            return None
        q = p - 1
        while q >= 0 and p - q <= MAX_LEAD_LINES and self._leads_in(q):
            if _BULLET.match(text, paragraphs[q][0]):
                q -= 1  # an earlier block of the same list
                continue
            found = self._heading_date(*paragraphs[q])
            if found is not None:
                return found
            q -= 1
        nxt = p + 1
        while nxt < len(paragraphs) and _BULLET.match(text, paragraphs[nxt][0]):
            nxt += 1
        if nxt < len(paragraphs) and _is_short(paragraphs[nxt], NOTE_CHARS):
            return self._heading_date(*paragraphs[nxt])
        return None

    def _leads_in(self, q: int) -> bool:
        """Paragraph `q` is a heading or lead-in line: short, and no finished sentence."""
        a, b = self.view.paragraphs[q]
        return b - a <= LEAD_IN_CHARS and not _SENTENCE_END.search(self.view.text, a, b)

    def _heading_date(self, a: int, b: int) -> DatePhrase | None:
        """The date a lead-in, heading or note gives, a bare year or fiscal year included."""
        line = self.view.text[a:b]
        for d in find_dates(line, 0, len(line), self.ref):
            if d.kind == "date" and d.as_of is not None and not d.event:
                return d
        m = _BARE_YEAR.search(line)
        if m is None:
            return None
        y1 = int(m["y1"])
        if m["y2"] is None:
            return DatePhrase(m.start(), m.end(), date(y1, 12, 31), "year", None)
        if int(m["y2"][-2:]) != (y1 + 1) % 100:
            return None
        end = fiscal_year_end_month()
        return DatePhrase(m.start(), m.end(), month_end(y1 + 1, end), "month", "P1Y")


def _is_short(span: tuple[int, int], limit: int) -> bool:
    return span[1] - span[0] <= limit


def _future(d: DatePhrase, ref: date | None) -> bool:
    """A date in a later year than the section's: a target, which anchors nothing."""
    return ref is not None and d.as_of is not None and d.as_of.year > ref.year
