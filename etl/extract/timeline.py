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
- `list_date`: the date of a list or table (a bulleted paragraph) from its lead-in lines
  ("As at 30 June 2021, the community counted:", "Community at a glance, 2019-20",
  "31 Dec 2020:"), else from a short note right after it ("Figures as at 30 June 2023").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from etl.calendar import month_end, month_of, month_re, phrase_words, year_for
from etl.extract.asof import DatePhrase, find_dates, fiscal_year_end
from etl.extract.numbers import find_numbers, may_have_number_words
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
from etl.extract.relative_dates import Anchor, says_stands_at, speaks_of_now
from etl.extract.section_view import SectionView, SentenceId
from etl.extract.year_day import BULLET_MARK
from etl.read.dates import parse_yearless_line

MAX_ARRIVAL_SENTENCES = 8  # earlier sentences searched for when a speaker joined
ARRIVAL_WINDOW = 60  # characters after a verb of joining its date may sit in


_POSSESSIVE = re.compile(r"['’]s\b")
_BULLET = re.compile(rf"[ \t]*(?:{BULLET_MARK}|\d{{1,2}}[.)])[ \t]+")
# A list line of milestones that opens with its year: "* 2008 - ...", "- 2010: ...".
_YEAR_ITEM = re.compile(
    rf"[ \t]*{BULLET_MARK}[ \t]+(?P<year>(?:19|20)\d\d)[ \t]*(?:[-–—:]|\.\s)[ \t]*"
)
# A year or fiscal year standing alone in a heading: "Year-end 2019", "At a glance, 2019-20".
_BARE_YEAR = re.compile(
    r"(?<![\d.,/])(?P<y1>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<y2>\d\d(?:\d\d)?))?(?![\d.,])"
)
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]]*$")
DIGEST_SPAN = timedelta(days=31)  # how far past its date a digest's later day lines may go
LEAD_IN_CHARS = 160  # a lead-in or heading line is short
NOTE_CHARS = 240  # and so is a note under a table
MAX_LEAD_LINES = 3
MAX_NOTE_PARAGRAPHS = 3  # how far above a list its note on dates may stand
MAX_BLOCK_PARAGRAPHS = 4  # how far a headed block's opening time reaches


@dataclass
class Timeline:
    """The times stated in one section, worked out only for the sentences asked about."""

    view: SectionView
    start: int
    end: int
    ref: date | None
    stated: dict[SentenceId, tuple[DatePhrase, bool] | None] = field(default_factory=dict)

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
            for d in find_dates(sent, 0, len(sent), self.ref, lambda: self.anchor_at(sid))
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
        return got[0] if got is not None and not got[0].event and got[0].period is None else None

    def anchor_at(self, sid: SentenceId) -> Anchor | None:
        """The time in force before sentence `sid`: the last one an earlier sentence stated."""
        for prev in self._earlier(sid):
            got = self._stated(prev)
            if got is not None:
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
        if listed is not None:
            return listed  # the lead-in dates the whole list, "now" or not
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
                return self._block_opening(sid)
            x = self.view.sentence(prev)
            if speaks_of_now(text, x.start, x.end):
                return None  # "Today ..." in between brings the time back to the present
        return self._block_opening(sid)

    def _block_opening(self, sid: SentenceId) -> DatePhrase | None:
        """The time a headed block of paragraphs stands at: the first time it states, when that
        opens a sentence of its first paragraph and says figures stand at it ("As at 31 March
        2024, the community comprised ..."), and every time stated after it up to sentence
        `sid` is that time or a flow's ("admitted 98 start-ups in 2019-20")."""
        text, paragraphs = self.view.text, self.view.paragraphs
        q = sid[0]
        while not self._first_under_heading(q):
            q -= 1
            if q < 0 or sid[0] - q > MAX_BLOCK_PARAGRAPHS or paragraphs[q][0] < self.start:
                return None
            if self._leads_in(q):
                return None
        if self._stated(sid) is not None:
            return None  # a sentence with a time of its own ("In 2023-24, ..., while 60% ...")
        anchor: DatePhrase | None = None
        for r in range(q, sid[0] + 1):
            for j in range(sid[1] if r == sid[0] else len(self.view.paragraph(r))):
                got = self._stated((r, j))
                if got is None:
                    continue
                d, opens = got
                if anchor is None:
                    x = self.view.sentence((r, j))
                    line = text[x.start : x.end]
                    if not (
                        r == q and opens and not d.event and d.period is None
                        and not opens_clause(line, d)  # (a clause's time keeps to its paragraph)
                        and says_stands_at(line, d.start, d.end)
                    ):  # fmt: skip
                        return None
                    anchor = d
                elif not d.event and not _within(d, anchor):
                    return None
        return anchor

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

    def list_date(self, p: int) -> DatePhrase | None:
        """The date of paragraph `p` when it is a list: from its lead-in, else the note after.

        A point in time: the list's figures stand at the end of a period it names ("2019-20"),
        unless an item names the period itself ("admitted in 2019-20: 132").
        """
        found = self._list_date(p)
        return replace(found, period=None) if found is not None else None

    def _lead_in_now(self, p: int) -> bool:
        """Whether paragraph `p` is a list item under a lead-in that speaks of now."""
        text, paragraphs = self.view.text, self.view.paragraphs
        if not _BULLET.match(text, paragraphs[p][0]):
            return False
        q = p - 1
        while q >= 0 and p - q <= MAX_LEAD_LINES and _BULLET.match(text, paragraphs[q][0]):
            q -= 1
        return q >= 0 and speaks_of_now(text, *paragraphs[q])

    def _heads_next(self, q: int) -> bool:
        """Whether paragraph `q` heads another list or table after it ("Compared with last
        year" over "2017:" and its rows), not a note closing the list above it."""
        paragraphs, text = self.view.paragraphs, self.view.text
        if q + 1 >= len(paragraphs):
            return False
        a, b = paragraphs[q + 1]
        opens_list = _BULLET.match(text, a) is not None or text[a:b].rstrip().endswith(":")
        model = self.view.model
        # (a table's next column comes after its lead-in: "Change since Dec 2021:")
        return opens_list and paragraphs[q] in (model.heading(a), model.lead_ins.get(a))

    def _list_date(self, p: int) -> DatePhrase | None:
        text, paragraphs = self.view.text, self.view.paragraphs
        if not _BULLET.match(text, paragraphs[p][0]):
            return None
        q, headed = p - 1, False
        while q >= 0 and p - q <= MAX_LEAD_LINES and self._leads_in(q):
            if _BULLET.match(text, paragraphs[q][0]):
                if headed:
                    break  # another list, above this one's own heading
                q -= 1  # an earlier block of the same list
                continue
            found = self._heading_date(*paragraphs[q])
            if found is not None:
                return self._in_year(found, q)
            if speaks_of_now(text, *paragraphs[q]):
                return None  # "here is where the community stands today:" over the list
            headed = not text[paragraphs[q][0] : paragraphs[q][1]].rstrip().endswith(":")
            q -= 1
        nxt = p + 1
        while nxt < len(paragraphs) and _BULLET.match(text, paragraphs[nxt][0]):
            nxt += 1
        if (
            nxt < len(paragraphs)
            and _is_short(paragraphs[nxt], NOTE_CHARS)
            and not self._heads_next(nxt)
        ):
            found = self._heading_date(*paragraphs[nxt], note=True)
            if found is not None:
                return found
        return self.note_before(p) or self._foot_note(nxt)

    def _foot_note(self, q: int) -> DatePhrase | None:
        """The time a note at the foot of the section says its figures stand at ("Figures as
        at end-June 2021. Source: ..."), past other lists, headings and table lines down to it;
        None past running text or another lead-in with a date of its own."""
        text, paragraphs = self.view.text, self.view.paragraphs
        for a, b in paragraphs[q:]:
            if a >= self.end:
                break
            if _BULLET.match(text, a) or not _SENTENCE_END.search(text, a, b):
                if self._heading_date(a, b) is not None:
                    return None  # another table's own date
                continue
            line = text[a:b]
            dates = find_dates(line, 0, len(line), self.ref)
            if not _is_short((a, b), NOTE_CHARS) or not _no_figure(line, dates):
                return None
            stands = [d for d in dates if _stands_at(line, d)]
            return stands[0] if stands else None
        return None

    def _in_year(self, found: DatePhrase, p: int) -> DatePhrase:
        """A year heading's date, on the day of the year a note above gives ("as at 31 March
        of each year" over "2019", "2020", ...)."""
        a, b = self.view.paragraphs[p]
        year = _BARE_YEAR.fullmatch(self.view.text[a:b].strip(" \t:*_#"))
        if year is None or year["y2"] is not None:
            return found
        note = self.note_before(p, yearless=True)
        if note is None or note.as_of is None or note.as_of.month == 2:
            return found
        day = note.as_of.replace(year=int(year["y1"]))
        return replace(found, as_of=day, precision=note.precision, period=None)

    def _bare_month(self, line: str) -> DatePhrase | None:
        """A month named alone in a note ("Source: the park, September figures"): that month's
        end, in the year of the section, or the year before if that would pass its date."""
        m = next((x for x in _MONTH.finditer(line) if not x.group()[0].islower()), None)
        month = month_of(m.group()) if m else None  # (capitalised: "may" is no month)
        if m is None or month is None or self.ref is None:
            return None
        year = self.ref.year if month_end(self.ref.year, month) <= self.ref else self.ref.year - 1
        return DatePhrase(m.start(), m.end(), month_end(year, month), "month", None)

    def note_before(self, p: int, yearless: bool = False) -> DatePhrase | None:
        """The time a note a little above a list or table says its figures stand at
        ("Community figures are as at 31 March 2021 unless stated otherwise", "the table
        below sets out the community as it stood at the end of June 2025"): the last such
        date of the paragraphs above it, past headings and other lists."""
        text, paragraphs = self.view.text, self.view.paragraphs
        first = p  # where the list or table starts
        while first > 0 and _BULLET.match(text, paragraphs[first - 1][0]):
            first -= 1
        q, prose = p - 1, 0  # paragraphs of running text passed (lists and lead-ins are not)
        while q >= 0 and paragraphs[q][0] >= self.start and prose < MAX_NOTE_PARAGRAPHS:
            a = paragraphs[q][0]
            q -= 1
            if _BULLET.match(text, a):
                continue
            lead = text[a : paragraphs[q + 1][1]].rstrip()
            if q + 2 < first and lead.endswith(":") and self._heads_next(q + 1):
                continue  # the note of another table above ("snapshots at the end of June:")
            prose += not self._leads_in(q + 1)
            for x in reversed(self.view.paragraph(q + 1)):
                line = text[x.start : x.end]
                dates = find_dates(line, 0, len(line), self.ref)
                found = [d for d in dates if _stands_at(line, d)]
                if yearless:
                    found = [d for d in found if not _YEAR_IN.search(line, d.start, d.end)]
                if found and _no_figure(line, dates):
                    return found[-1]
        return None

    def _first_under_heading(self, p: int) -> bool:
        """Paragraph `p` is running text right under a heading line ("Community in numbers")."""
        return p > 0 and self.view.paragraphs[p - 1][0] >= self.start and self._leads_in(p - 1)

    def _leads_in(self, q: int) -> bool:
        """Paragraph `q` is a heading or lead-in line: short, and no finished sentence."""
        a, b = self.view.paragraphs[q]
        return b - a <= LEAD_IN_CHARS and not _SENTENCE_END.search(self.view.text, a, b)

    def _heading_date(self, a: int, b: int, note: bool = False) -> DatePhrase | None:
        """The date a lead-in, heading or note gives, a bare year or fiscal year included: the
        one it says figures stand at ("Published 15 February 2023 · Figures as at 31 December
        2022"), else its first. A `note` (a line after a list) holds no figure of its own."""
        line = self.view.text[a:b]
        dates = find_dates(line, 0, len(line), self.ref)
        plain = [d for d in dates if d.kind == "date" and d.as_of is not None and not d.event]
        stands = next((d for d in plain if says_stands_at(line, d.start, d.end)), None)
        if stands is not None and not note:
            return stands  # "HONG KONG, Oct 26 - ... figures as at Sept 30:" (not its dateline)
        if self.ref is not None and (day := parse_yearless_line(line)) is not None:
            return _yearless_day(day[0], day[1], self.ref, len(line))  # "=== MON 10 MAR ==="
        if note and not _no_figure(line, dates):
            return None
        if plain:
            return stands or plain[0]
        m = _BARE_YEAR.search(line)
        if m is None:
            return self._bare_month(line)
        y1 = int(m["y1"])
        if m["y2"] is None:
            return DatePhrase(m.start(), m.end(), date(y1, 12, 31), "year", None)
        fiscal_end = fiscal_year_end(y1, m["y2"])
        if fiscal_end is None:
            return None
        return DatePhrase(m.start(), m.end(), fiscal_end, "month", "P1Y")


def _yearless_day(month: int, day: int, ref: date, length: int) -> DatePhrase | None:
    """A date line's month and day in the year of `ref`, or the year before when that would
    fall more than a month after `ref` (the later days of a digest dated by its first)."""
    years = [ref.year, ref.year - 1]
    found = year_for(month, day, None, years)
    if found is not None and found > ref + DIGEST_SPAN:
        found = year_for(month, day, None, years[1:])
    return None if found is None else DatePhrase(0, length, found, "day", None)


_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


_MONTH = re.compile(rf"(?<![\w-])(?:{month_re()})", re.IGNORECASE)


def _no_figure(line: str, dates: list[DatePhrase]) -> bool:
    """Whether `line` holds no figure but its dates', in digits or in words (a note on the
    figures, not a figure: "The hub had none in 2015; today it counts five" is no note)."""
    pos, rest = 0, []
    for d in dates:
        rest.append(line[pos : d.start])
        pos = d.end
    rest.append(line[pos:])
    if any(c.isdigit() for part in rest for c in part):
        return False
    return not any(
        n.words for part in rest if may_have_number_words(part) for n in find_numbers(part)
    )


def _stands_at(line: str, d: DatePhrase) -> bool:
    """`d` is a date the figures of `line`'s context are said to stand at ("as at ...")."""
    return (
        d.kind == "date" and d.as_of is not None and not d.event and d.period is None
        and says_stands_at(line, d.start, d.end)
    )  # fmt: skip


def _within(d: DatePhrase, anchor: DatePhrase) -> bool:
    """Whether a time stated in a block keeps to the block's time: the same date, or a flow
    (a period's figures leave the time the block's levels stand at as it was)."""
    return d.period is not None or (d.as_of is not None and d.as_of == anchor.as_of)


def _carries(d: DatePhrase, headed: bool) -> bool:
    """Whether an opening date dates the sentences after it: a point in time, or, in the
    paragraph that opens a headed block ("Community in numbers" / "In 2023-24 the community
    grew to ..."), a whole year or fiscal year, whose end the figures after it stand at."""
    return d.period is None or (headed and d.period == "P1Y" and d.precision != "day")


def _is_short(span: tuple[int, int], limit: int) -> bool:
    return span[1] - span[0] <= limit
