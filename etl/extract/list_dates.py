"""The date of a list or table: from its lead-in lines, a note after it or a note above it.

`ListDates` is the part of `etl.extract.timeline.Timeline` that dates lists and tables ("As
at 30 June 2021, the community counted:", "Community at a glance, 2019-20", "31 Dec 2020:"
over a list; "Figures as at 30 June 2023" under it, or at the foot of the section).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from etl.calendar import month_end, month_of, month_re, year_for
from etl.extract.asof import DatePhrase, find_dates, fiscal_year_end
from etl.extract.figure_cues import cues
from etl.extract.number_words import may_have_number_words
from etl.extract.numbers import find_numbers
from etl.extract.regex_parts import gated_search
from etl.extract.relative_dates import says_stands_at, speaks_of_now
from etl.extract.section_view import SectionView
from etl.extract.year_day import BULLET_MARK, column_date, year_day
from etl.read.dates import YEAR_IN_RE, parse_yearless_line

BULLET = re.compile(rf"[ \t]*(?:{BULLET_MARK}|\d{{1,2}}[.)])[ \t]+")
# A year or fiscal year standing alone in a heading: "Year-end 2019", "At a glance, 2019-20".
_BARE_YEAR = re.compile(
    r"(?<![\d.,/])(?P<y1>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<y2>\d\d(?:\d\d)?))?(?![\d.,])"
)
# A list item whose value is a year or fiscal year alone: a column heading read as a row.
_YEAR_ROW = re.compile(
    rf"{BULLET.pattern}(?P<label>[^:\n]{{1,80}}):\s*(?P<y1>(?:19|20)\d\d)"
    r"(?:\s*[-–/]\s*(?P<y2>\d\d(?:\d\d)?))?\s*$"
)
# A numbered paragraph that leads in a list of lettered parts: "7. As at 31 March 2024 -".
_NUMBERED_LEAD = re.compile(r"[ \t]*\d{1,2}[.)][ \t]+[^\n]*?(?::|\s[-–—])[ \t]*")
SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]]*$")
DIGEST_SPAN = timedelta(days=31)  # how far past its date a digest's later day lines may go
LEAD_IN_CHARS = 160  # a lead-in or heading line is short
NOTE_CHARS = 240  # and so is a note under a table
MAX_LEAD_LINES = 3
MAX_NOTE_PARAGRAPHS = 3  # how far above a list its note on dates may stand


class ListDates:
    """Dates of lists and tables, for the `Timeline` of one section."""

    view: SectionView
    start: int
    end: int
    ref: date | None
    listed: dict[int, DatePhrase | None]  # the dates of lists asked for, by paragraph
    vague: set[int]  # lists whose lead-in gives a time without saying figures stand at it
    # note_before's answers, by where a walk up stood: (paragraph, prose passed, whether it is
    # above the list's lead-in, yearless)
    notes: dict[tuple[int, int, bool, bool], DatePhrase | None]

    def list_date(self, p: int) -> DatePhrase | None:
        """The date of paragraph `p` when it is a list: from its lead-in, else the note after.

        A point in time: the list's figures stand at the end of a period it names ("2019-20"),
        unless an item names the period itself ("admitted in 2019-20: 132").
        """
        if p not in self.listed:  # (asked again for each figure of the list)
            found = self._list_date(p)
            self.listed[p] = replace(found, period=None) if found is not None else None
        return self.listed[p]

    def _lead_in_now(self, p: int) -> bool:
        """Whether paragraph `p` is a list item under a lead-in that speaks of now."""
        text, paragraphs = self.view.text, self.view.paragraphs
        if not BULLET.match(text, paragraphs[p][0]):
            return False
        q = p - 1
        while q >= 0 and p - q <= MAX_LEAD_LINES and BULLET.match(text, paragraphs[q][0]):
            q -= 1
        return q >= 0 and speaks_of_now(text, *paragraphs[q])

    def _heads_next(self, q: int) -> bool:
        """Whether paragraph `q` heads another list or table after it ("Compared with last
        year" over "2017:" and its rows), not a note closing the list above it."""
        paragraphs, text = self.view.paragraphs, self.view.text
        if q + 1 >= len(paragraphs):
            return False
        a, b = paragraphs[q + 1]
        opens_list = BULLET.match(text, a) is not None or text[a:b].rstrip().endswith(":")
        model = self.view.model
        # (a table's next column comes after its lead-in: "Change since Dec 2021:")
        return opens_list and paragraphs[q] in (model.heading(a), model.lead_ins.get(a))

    def _list_date(self, p: int) -> DatePhrase | None:
        text, paragraphs = self.view.text, self.view.paragraphs
        if not BULLET.match(text, paragraphs[p][0]):
            return None
        if (column := self._column_row(self._list_start(p))) is not None:
            return column
        q, headed = p - 1, False
        while q >= 0 and p - q <= MAX_LEAD_LINES and self._leads_in(q):
            if BULLET.match(text, paragraphs[q][0]) and not _NUMBERED_LEAD.fullmatch(
                text, *paragraphs[q]
            ):  # (not "7. As at 31 March 2024 -" over "(a) ...": a numbered lead-in)
                if headed:
                    break  # another list, above this one's own heading
                q -= 1  # an earlier block of the same list
                continue
            found = self._heading_date(*paragraphs[q])
            if found is not None:
                if not says_stands_at(text[slice(*paragraphs[q])], found.start, found.end):
                    self.vague.add(p)  # "Key figures at mid-year", not "(as at end-June 2021)"
                return self._in_year(found, q)
            if speaks_of_now(text, *paragraphs[q]):
                return None  # "here is where the community stands today:" over the list
            headed = not text[paragraphs[q][0] : paragraphs[q][1]].rstrip().endswith(":")
            q -= 1
        nxt = p + 1
        while nxt < len(paragraphs) and BULLET.match(text, paragraphs[nxt][0]):
            nxt += 1
        if (noted := self._footnote_line(nxt - 1) or self._marked_note(p, nxt)) is not None:
            return noted  # "* As at 31 March 2025" as the list's last line, or further down
        if (
            nxt < len(paragraphs)
            and _is_short(paragraphs[nxt], NOTE_CHARS)
            and not _QUOTED.match(text, paragraphs[nxt][0])  # (a speaker's words are no note)
            and not self._heads_next(nxt)
        ):
            found = self._heading_date(*paragraphs[nxt], note=True)
            if found is not None:
                return found
        first = self._list_start(p)
        figures_only = not any(SENTENCE_END.search(text, a, b) for a, b in paragraphs[first:nxt])
        return self.note_before(p) or self._foot_note(nxt, past_headings=figures_only)

    def _column_row(self, p: int) -> DatePhrase | None:
        """The time a list's first item gives when its value is a fiscal year alone, or a
        year under a label naming a day of it, a table's column heading read as a row ("-
        Community (as at 31 March): 2019/20"): the end of that year, or the day of it its
        label names (not "- Founded: 2005", when something began)."""
        a, b = self.view.paragraphs[p]
        text = self.view.text
        line = text[a:b].split("\n", 1)[0]
        m = _YEAR_ROW.match(line)
        if m is None:
            return None
        day = None if YEAR_IN_RE.search(m["label"]) else year_day(m["label"])
        if day is not None:  # "as at 31 March" of the column's year
            found = column_date(line[m.start("y1") : m.end()], day, False)
        else:
            end = fiscal_year_end(int(m["y1"]), m["y2"]) if m["y2"] else None
            found = (end, "month") if end is not None else None
        return DatePhrase(m.start("y1"), m.end(), *found, None) if found else None

    def _footnote_line(self, q: int) -> DatePhrase | None:
        """The date of paragraph `q`'s last line when it is a footnote on when the figures
        stand ("* As at 31 March 2025", under a heading marked "IN NUMBERS*")."""
        a, b = self.view.paragraphs[q]
        return self._footnote_date(self.view.text[a:b].rstrip().rsplit("\n", 1)[-1], b)

    def _marked_note(self, p: int, nxt: int) -> DatePhrase | None:
        """The date of the footnote that a mark at the end of the list's heading points to
        ("OUR COMMUNITY AT A GLANCE*" ... "* Figures as at 30 June 2020."), further down."""
        text, paragraphs = self.view.text, self.view.paragraphs
        first = self._list_start(p)
        if first == 0:
            return None
        mark = text[paragraphs[first - 1][0] : paragraphs[first - 1][1]].rstrip()[-1:]
        if mark not in _FOOTNOTE_MARKS:
            return None
        for a, b in paragraphs[nxt:]:
            if a >= self.end:
                break
            # (its own paragraph, or the last line of another list's: "- Cybersecurity: 50+\n*
            # Figures as at 30 June 2021")
            para = text[a:b].rstrip()
            for line in (para.lstrip(), para.rsplit("\n", 1)[-1]):
                if line.startswith(mark) and _FOOTNOTE.match(line):
                    return self._footnote_date(line, a + len(para))
        return None

    def _footnote_date(self, line: str, end: int) -> DatePhrase | None:
        """The time a footnote `line` (ending at `end`) says the figures stand at, if it is
        a footnote ("* Figures as at 30 June 2020.") and says one."""
        if not _FOOTNOTE.match(line):
            return None
        found = self._heading_date(end - len(line), end, note=True)
        return found if found is not None and stands_at(line, found) else None

    def _list_start(self, p: int) -> int:
        """The paragraph where the list or table holding paragraph `p` starts."""
        text, paragraphs = self.view.text, self.view.paragraphs
        while p > 0 and BULLET.match(text, paragraphs[p - 1][0]) and not self._numbered_lead(p - 1):
            p -= 1
        return p

    def _numbered_lead(self, q: int) -> bool:
        """Whether paragraph `q`, a numbered one ("6. ... As at 31 December 2025:"), leads in
        the list after it, marked otherwise ("(a) FinTech: some 460 companies;")."""
        text, paragraphs = self.view.text, self.view.paragraphs
        if q + 1 >= len(paragraphs) or not text[slice(*paragraphs[q])].rstrip().endswith(":"):
            return False
        mark, item = BULLET.match(text, paragraphs[q][0]), BULLET.match(text, paragraphs[q + 1][0])
        return (
            mark is not None
            and item is not None
            and mark.group().strip()[0].isdigit() != item.group().strip()[0].isdigit()
        )

    def _foot_note(self, q: int, past_headings: bool = True) -> DatePhrase | None:
        """The time a note at the foot of the section says its figures stand at ("Figures as
        at end-June 2021. Source: ..."), past other lists, headings and table lines down to it
        (past no heading for a list of sentences, not of figures and their labels: "- Talent
        Corner: 35 companies recruiting for 200 vacancies on site."); None past running text
        or another lead-in with a date of its own."""
        text, paragraphs = self.view.text, self.view.paragraphs
        for i, (a, b) in enumerate(paragraphs[q:], start=q):
            if a >= self.end:
                break
            if BULLET.match(text, a) or not SENTENCE_END.search(text, a, b):
                if self._heading_date(a, b) is not None:
                    return None  # another table's own date
                if not past_headings and not BULLET.match(text, a):
                    return None  # the heading of another part
                continue
            line = text[a:b]
            dates = find_dates(line, 0, len(line), self.ref)
            if not _is_short((a, b), NOTE_CHARS) or not no_figure(line, dates):
                return None
            stands = [d for d in dates if stands_at(line, d)]
            if self._opens_list(i + 1):
                return None  # the note of the table below it ("Figures as at 31 March of ...")
            return stands[0] if stands else None
        return None

    def _opens_list(self, q: int) -> bool:
        """Whether paragraph `q` is a list item or a line leading one in ("2022:")."""
        if q >= len(self.view.paragraphs) or self.view.paragraphs[q][0] >= self.end:
            return False
        a, b = self.view.paragraphs[q]
        return BULLET.match(self.view.text, a) is not None or self.view.text[a:b].rstrip().endswith(
            ":"
        )

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
        date of the paragraphs above it, past headings and other lists.

        The walk up from each row of a long list passes the same rows as the walk from the
        row above it: where a walk reaches a point an earlier one passed (the same paragraph
        and prose passed, and alike above its list's start or not), it takes that walk's
        answer."""
        text, paragraphs = self.view.text, self.view.paragraphs
        first = self._list_start(p)
        q, prose = p - 1, 0  # paragraphs of running text passed (lists and lead-ins are not)
        passed: list[tuple[int, int, bool, bool]] = []
        found: DatePhrase | None = None
        while q >= 0 and paragraphs[q][0] >= self.start and prose < MAX_NOTE_PARAGRAPHS:
            state = (q, prose, q + 1 < first, yearless)
            if state in self.notes:
                found = self.notes[state]
                break
            passed.append(state)
            a = paragraphs[q][0]
            q -= 1
            if BULLET.match(text, a) and not self._numbered_lead(q + 1):
                continue
            lead = text[a : paragraphs[q + 1][1]].rstrip()
            if state[2] and lead.endswith(":") and self._heads_next(q + 1):
                continue  # the note of another table above ("snapshots at the end of June:")
            prose += not self._leads_in(q + 1)
            found = self._note_in(q + 1, yearless)
            if found is not None:
                break
        self.notes.update(dict.fromkeys(passed, found))
        return found

    def _note_in(self, q: int, yearless: bool) -> DatePhrase | None:
        """The time paragraph `q` says figures stand at, as a note holding no figure (its last
        line saying one)."""
        text = self.view.text
        for x in reversed(self.view.paragraph(q)):
            line = text[x.start : x.end]
            dates = find_dates(line, 0, len(line), self.ref)
            found = [d for d in dates if stands_at(line, d)]
            if yearless:
                found = [d for d in found if not YEAR_IN_RE.search(line, d.start, d.end)]
            if found and no_figure(line, dates):
                return found[-1]
        return None

    def _first_under_heading(self, p: int) -> bool:
        """Paragraph `p` is running text right under a heading line ("Community in numbers")."""
        return p > 0 and self.view.paragraphs[p - 1][0] >= self.start and self._leads_in(p - 1)

    def _leads_in(self, q: int) -> bool:
        """Paragraph `q` is a heading or lead-in line: short, and no finished sentence."""
        a, b = self.view.paragraphs[q]
        return b - a <= LEAD_IN_CHARS and not SENTENCE_END.search(self.view.text, a, b)

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
        if note and not no_figure(line, dates):
            return None
        if note and stands is None and gated_search(cues()["target"], line):
            return None  # "Cyberport will host an open day on 25 July": a plan, not the list's time
        if plain:
            return stands or plain[0]
        m = _BARE_YEAR.search(line)
        if m is not None and any(d.event and d.start <= m.start() < d.end for d in dates):
            return None  # "... admitted since 2005": when something began, no time they stand at
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


_FOOTNOTE_MARKS = "*†‡"
_FOOTNOTE = re.compile(rf"[ \t]*[{_FOOTNOTE_MARKS}][ \t]*\S")  # a footnote's mark, then its words


_MONTH = re.compile(rf"(?<![\w-])(?:{month_re()})", re.IGNORECASE)


# The number of a table, a chart or an annex, which counts nothing ("Table 1: Key indicators").
_LABEL_NUMBER = re.compile(
    r"\b(?:Table|Figure|Chart|Annex|Appendix|Exhibit)\s+[A-Z]?\d{1,2}[a-z]?\b"
)


def no_figure(line: str, dates: list[DatePhrase]) -> bool:
    """Whether `line` holds no figure but its dates', in digits or in words (a note on the
    figures, not a figure: "The hub had none in 2015; today it counts five" is no note; "one"
    counts nothing: "Some companies belong to more than one cluster")."""
    pos, rest = 0, []
    for d in dates:
        rest.append(_LABEL_NUMBER.sub("", line[pos : d.start]))
        pos = d.end
    rest.append(_LABEL_NUMBER.sub("", line[pos:]))
    if any(c.isdigit() for part in rest for c in part):
        return False
    return not any(
        n.words and n.value > 1
        for part in rest
        if may_have_number_words(part)
        for n in find_numbers(part)
    )


def stands_at(line: str, d: DatePhrase) -> bool:
    """`d` is a date the figures of `line`'s context are said to stand at ("as at ...")."""
    return (
        d.kind == "date" and d.as_of is not None and not d.event and d.period is None
        and says_stands_at(line, d.start, d.end)
    )  # fmt: skip


_QUOTED = re.compile(r"[\s*_]*[\"“‘]")


def _is_short(span: tuple[int, int], limit: int) -> bool:
    return span[1] - span[0] <= limit
