"""The running time anchor of a section: the time its sentences speak of, read in order.

Each sentence that states a time leaves it in force: the first date it gives that is not an
event's ("opened in 2004"), else its last event date. Only what a figure needs is read: the
sentences before it, nearest first, until one states a time. What the anchor is used for:
- `anchor_at`: the time in force before a sentence, which its back-references stand for
  ("At that point, ...", "Over the same period, ...") and "a year earlier" counts back from;
- `carried`: the date a sentence with no date of its own takes from a date that opened an
  earlier sentence of its paragraph ("As at 31 December 2024, the community comprised ...
  The community includes eight unicorns."), unless it says it speaks of now ("now",
  "to date"), or, in a list, from the list's lead-in;
- `set_date`: the time the sentence before states, for a sentence that opens on its set
  ("Of these, ...");
- `list_date` (from `etl.extract.list_dates`): the date of a list or table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from etl.calendar import phrase_words
from etl.extract.asof import DatePhrase, find_dates
from etl.extract.figure_cues import cues
from etl.extract.list_dates import ListDates, no_figure, stands_at
from etl.extract.opening_dates import (
    HINT,
    SENTENCE_OPENING,
    future,
    is_dateline,
    opens_clause,
    opens_without_comma,
    speech_frame,
)
from etl.extract.phrase_search import find_phrase
from etl.extract.relative_dates import Anchor, speaks_of_now
from etl.extract.section_view import SectionView, SentenceId
from etl.extract.year_day import BULLET_MARK
from etl.read.dates import full_dates

# A sentence that opens with a part of the set the sentence before counted ("Around 830 of
# these companies are based on the campus"): that set's time.
_PART_OF_THESE = re.compile(
    r"\W*(?:(?:around|about|some|over|nearly|almost|more\s+than|roughly)\s+)?"
    r"(?:[\d,]+\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|most)"
    r"\s+of\s+these\b",
    re.IGNORECASE,
)

MAX_ARRIVAL_SENTENCES = 8  # earlier sentences searched for when a speaker joined
ARRIVAL_WINDOW = 60  # characters after a verb of joining its date may sit in


_POSSESSIVE = re.compile(r"['’]s\b")
# A figure right before a date, with at most a word or two between ("104 at the end of").
_COMPARED_FIGURE = re.compile(r"(?<![\w.,])\d[\d,.]*(?:\s+[^\W\d_][\w-]*){0,2}\s+$")
_BRACKET_NOTE = re.compile(r"\(([^()\n]{4,80})\)\s*$")
# A list line of milestones that opens with its year: "* 2008 - ...", "- 2010: ...".
_YEAR_ITEM = re.compile(
    rf"[ \t]*{BULLET_MARK}[ \t]+(?P<year>(?:19|20)\d\d)[ \t]*(?:[-–—:]|\.\s)[ \t]*"
)


@dataclass
class Timeline(ListDates):
    """The times stated in one section, worked out only for the sentences asked about."""

    view: SectionView
    start: int
    end: int
    ref: date | None
    stated: dict[SentenceId, tuple[DatePhrase, bool] | None] = field(default_factory=dict)
    listed: dict[int, DatePhrase | None] = field(default_factory=dict)
    vague: set[int] = field(default_factory=set)
    notes: dict[tuple[int, int, bool, bool], DatePhrase | None] = field(default_factory=dict)
    bracket_notes: dict[int, DatePhrase | None] = field(default_factory=dict)  # by paragraph

    def _stated(self, sid: SentenceId) -> tuple[DatePhrase, bool] | None:
        """The time sentence `sid` states and whether it opens the sentence (found once)."""
        if sid in self.stated:
            return self.stated[sid]
        self.stated[sid] = None  # a back-reference to itself finds nothing
        s = self.view.sentence(sid)
        text = self.view.text
        if not HINT.search(text, s.start, s.end):
            return None
        sent = text[s.start : s.end]
        found = [
            d
            for d in find_dates(
                sent, 0, len(sent), self.ref, lambda point=False: self.anchor_at(sid, point)
            )
            if d.kind == "date"
            and d.as_of is not None
            and not future(d, self.ref)
            and not _POSSESSIVE.match(sent, d.end)  # "last year's showcase": a thing, no time
        ]
        if not found:
            return None
        plain = [d for d in found if not d.event and not is_dateline(sent, d)]
        # Else a dateline's or a span's ("From February to April"), else none: "since its
        # launch in 2005" is the time of something else, no time in force.
        kept = plain or [d for d in found if not d.event or d.period]
        if not kept:
            return None
        d = kept[0] if plain else kept[-1]
        frame = speech_frame().match(sent, 0, d.start)  # "He pointed out that, as of ..."
        opens = opens_clause(sent, d) or (
            bool(SENTENCE_OPENING.fullmatch(sent, frame.end() if frame else 0, d.start))
            and (sent.startswith(",", d.end) or opens_without_comma(sent, d))
        )
        self.stated[sid] = (d, opens)
        return self.stated[sid]

    def _earlier(self, sid: SentenceId) -> Iterator[SentenceId]:
        """The sentences of the section before `sid`, nearest first."""
        cur = self.view.previous(sid)
        while cur is not None and self.view.sentence(cur).end > self.start:
            yield cur
            cur = self.view.previous(cur)

    def set_date(self, sid: SentenceId) -> DatePhrase | None:
        """The point in time the sentence before `sid` states, for a sentence opening on the
        set it counted ("... 105 companies at the end of 2010. Of these, 72 ...")."""
        prev = self.view.previous(sid)
        got = self._stated(prev) if prev is not None else None
        if got is None or got[0].event or got[0].period is not None:
            return None
        s = self.view.sentence(prev)
        before = self.view.text[s.start : s.start + got[0].start]
        if (n := _COMPARED_FIGURE.search(before)) and cues()["comparison"].search(
            before, 0, n.start()
        ):
            return None  # "... stands at 132, up from 104 at the end of last year": the 104's
        return got[0]

    def bracket_note(self, sid: SentenceId) -> DatePhrase | None:
        """The time a note in brackets closing the paragraph of `sid` says its figures stand
        at ('... eight unicorns." (Data as of 2024 year 9 month 30 day)'), if it holds no
        figure of its own (read once per paragraph)."""
        p = sid[0]
        if p not in self.bracket_notes:
            self.bracket_notes[p] = self._bracket_note(p)
        return self.bracket_notes[p]

    def _bracket_note(self, p: int) -> DatePhrase | None:
        a, b = self.view.paragraphs[p]
        m = _BRACKET_NOTE.search(self.view.text, a, b)
        if m is None:
            return None
        note = m.group(1)
        full = full_dates(note)  # (a date translated word by word too: "2024 year 9 month")
        dates = [DatePhrase(d.start, d.end, d.value, "day", None) for d in full] or find_dates(
            note, 0, len(note), self.ref
        )
        if not no_figure(note, dates):
            return None
        return next((d for d in dates if stands_at(note, d)), None)

    def anchor_at(self, sid: SentenceId, point: bool = False) -> Anchor | None:
        """The time in force before sentence `sid`: the last one an earlier sentence stated
        (`point`: the last point in time, past periods: what "as at the same date" stands for)."""
        for prev in self._earlier(sid):
            got = self._stated(prev)
            if got is not None and not (point and got[0].period):
                d = got[0]
                return d.as_of, d.precision, d.period  # type: ignore[return-value]
        return None

    def flow_end(self, sid: SentenceId, before: str) -> DatePhrase | None:
        """The time a total raised by an addition stands at ("The new arrivals lift the total
        to 900", words `before` the figure): the end of the period in force, when an earlier
        sentence stated the addition's period ("Between January and May, it admitted 96")."""
        if not find_phrase("total_raised", before):
            return None
        anchor = self.anchor_at(sid)
        if anchor is None or anchor[2] is None:
            return None
        return DatePhrase(0, 0, anchor[0], anchor[1], None)

    def arrival(self, sid: SentenceId) -> DatePhrase | None:
        """The time the speaker came, for "When I arrived ...": the date right after a verb of
        joining in the nearest earlier sentence that has one ("She joined X in 2014")."""
        joined = phrase_words("joined")
        for n, prev in enumerate(self._earlier(sid)):
            if n >= MAX_ARRIVAL_SENTENCES:
                return None
            sent = self.view.sentence_text(prev)
            for m in joined.finditer(sent):
                window = min(len(sent), m.end() + ARRIVAL_WINDOW)
                found = [d for d in find_dates(sent, m.end(), window, self.ref) if d.as_of]
                if found and found[0].period is None:
                    return found[0]
        return None

    def carried(self, sid: SentenceId) -> DatePhrase | None:
        """The date a sentence without one takes from its paragraph or its list's lead-in."""
        s = self.view.sentence(sid)
        text = self.view.text
        item = self.item_year(sid)
        if item is not None:
            return item  # "* 2005 - The programme is launched. Its first intake is 14 ..."
        listed = self.list_date(sid[0])
        if listed is not None and (
            sid[0] not in self.vague or not speaks_of_now(text, s.start, s.end)
        ):
            return listed  # the lead-in dates the whole list, "now" or not (but a "now" is not
            # the time of "Key figures at mid-year" over "... now belong to the community")
        if speaks_of_now(text, s.start, s.end) or self._lead_in_now(sid[0]):
            return None  # (or a list item under "here is where the community stands today:")
        for j in range(sid[1] - 1, -1, -1):  # the paragraph's earlier sentences
            prev = (sid[0], j)
            if "\n" in text[self.view.sentence(prev).start : s.start]:
                return None  # the time of another list item
            got = self._stated(prev)
            if got is not None:
                d, opens = got
                x = self.view.sentence(prev)
                if speaks_of_now(text, x.start + d.end, x.end):
                    return None  # "In 2019-20, they raised HK$4.1 billion, and ... now exceeds"
                if opens and not d.event and _carries(d, self._first_under_heading(sid[0])):
                    return d
                if (
                    j == sid[1] - 1
                    and not d.event
                    and d.precision == "day"
                    and d.period is None
                    and _PART_OF_THESE.match(text, s.start, s.end)
                ):
                    return d  # "... 1,900 as at 30 June 2023." / "Around 830 of these ..."
                return None
            x = self.view.sentence(prev)
            if speaks_of_now(text, x.start, x.end):
                return None  # "Today ..." ("Tonight it is over 2,200.") in between brings the
                # time back to the present
        return None  # (a paragraph before is its own: its dates are no later sentence's)

    def item_year(self, sid: SentenceId) -> DatePhrase | None:
        """The year a list item of milestones opens with ("* 2008 - The campus community
        reaches some 100 companies"): the time of its sentences."""
        text, start = self.view.text, self.view.sentence(sid).start
        line = text.rfind("\n", 0, start) + 1
        m = _YEAR_ITEM.match(text, line)
        if m is None:
            return None
        year = int(m.group("year"))
        if self.ref is not None and year > self.ref.year:
            return None
        return DatePhrase(0, 0, date(year, 12, 31), "year", None)

    def ref_at(self, sid: SentenceId) -> date | None:
        """The date a month or day without a year in sentence `sid` is read against: its
        list's date when that is earlier than the section's (under "2014-15:", "as at 31
        March" is 31 March 2015), or the year its milestone line opens with, else the
        section's."""
        item = self.item_year(sid)
        if item is not None and item.as_of is not None and self.ref is not None:
            return min(item.as_of, self.ref)
        listed = self.list_date(sid[0])
        if listed is None or listed.as_of is None or self.ref is None:
            return self.ref
        return min(listed.as_of, self.ref)


def _carries(d: DatePhrase, headed: bool) -> bool:
    """Whether an opening date dates the sentences after it: a point in time, or, in the
    paragraph that opens a headed block ("Community in numbers" / "In 2023-24 the community
    grew to ..."), a whole year or fiscal year, whose end the figures after it stand at."""
    return d.period is None or (headed and d.period == "P1Y" and d.precision != "day")
