"""The publication date of a text, from its date lines, a labelled line or a date in it.

How a date is found (`FoundDate.source`):
- ``dateline``: a date line among the first `HEAD_LINES` non-empty lines: "Hong Kong,
  23 September 2024 — ...", "5 June 2025 – ...", "date 2023-03-21 ...", "21 Oct 2025" alone,
  "2023年3月21日（星期二）", "二〇二三年三月二十一日", "05/06/2025" (numeric dates are read
  day first, as in Hong Kong), or a weekday and day without a year ("Tuesday, 14 March")
  under a heading that gives the year, checked against the weekday (`date_lines`).
- ``inferred``: no full date in such a line, but a month and year ("June 2025 – ...",
  "Issue: June 2025"); the date is the first of that month. A labelled date line among the
  last `HEAD_LINES` lines ("Edition: September 2023", "Issued: 3 May 2021") counts too, as
  does the dated sign-off of a government release ("Ends/Wednesday, November 8, 2017"),
  and, anywhere in the text, a short line of its own that gives the publication ("*Excerpt.
  Published September 2016.*", "Issued: 3 May 2019"; a full date there is a date line),
  and a date line without a year and no heading to give it one ("HONG KONG, July 14
  (Wire) -"), in the latest year the text names, checked against a weekday it names.
- ``inline``: no date line at all; the first full date (day, month and year) in the body,
  or the end of the range it opens ("1 April 2019 to 31 March 2020"). A year alone ("the
  2023 Global Digital Business Conference"), a day and month without a year ("yesterday
  (4 June)") and phone numbers are never dates.
"""

from __future__ import annotations

import re
from datetime import date

from etl.calendar import day_on, phrase_re, weekday_re, year_for
from etl.read.dates import (
    _LABEL_RE,
    _LINE_BREAK_RE,
    FULL_DATE_RE,
    HEAD_LINES,
    HEADING_CHARS,
    MONTH_YEAR_RE,
    DateMention,
    FoundDate,
    _date_at,
    _mention,
    date_lines,
    first_lines,
    full_dates,
    named_weekday,
    parse_date_line,
    parse_yearless_line,
)

# A line that gives the publication: a few words and a stop may lead in ("*Excerpt. Published
# September 2016.*"); only marks may follow the date.
_PUBLISHED_RE = re.compile(
    r"\s*[*_>#]*\s*(?:[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}\s*[.|:–—]\s+)?"
    rf"(?i:{phrase_re('published_labels')})\s*[:：\-–]?\s*"
)
_PUBLISHED_TAIL_RE = re.compile(r"[\s.。)*_]*$")
_ROW_LABEL_RE = re.compile(r"-\s+[^:\n]{1,60}:\s+")  # a table's row written out: "- Label: "
# The sign-off of a government press release, its date after it: "Ends/Wednesday, November 8, 2017".
_SIGN_OFF_RE = re.compile(r"\s*[-–]*\s*ends?\s*[-–]*\s*/\s*", re.IGNORECASE)
_RANGE_JOINER_RE = re.compile(rf"\s*(?:[—–-]|(?i:{phrase_re('range_joiners')})\s)\s*")


def find_date(
    text: str,
    *,
    head_lines: int = HEAD_LINES,
    read: tuple[list[str], list[DateMention | None]] | None = None,
) -> FoundDate | None:
    """The date of `text`: a date line in its head, else a month/year one, else an inline date.

    `read` is lines already read as date lines and their `date_lines`: when they open `text`,
    their dates are used instead of reading the lines again (a line's date depends only on
    the lines above it).
    """
    month_only: date | None = None
    head = list(first_lines(text, head_lines))
    if read is not None and read[0][: len(head)] == head:
        dated = read[1][: len(head)]
    else:
        dated = date_lines(head)
    for mention in dated:
        if mention is None:
            continue
        if mention.precision == "day":
            return FoundDate(mention.value, "dateline")
        month_only = month_only or mention.value
    if month_only:
        return FoundDate(month_only, "inferred")
    tail = list(first_lines("\n".join(reversed(text.split("\n"))), head_lines))
    for line in tail:  # a colophon at the foot: "Edition: September 2023.", "Ends/Monday, ..."
        sign_off = _SIGN_OFF_RE.match(line)
        if sign_off:
            line = line[sign_off.end() :]
        mention = parse_date_line(line) if sign_off or _LABEL_RE.match(line) else None
        if mention is not None:
            return _labelled(mention)
    published = _publication_line(text)
    if published is not None:
        return published
    yearless = _yearless_dateline(text, head)
    if yearless is not None:
        return FoundDate(yearless, "inferred")
    for match in FULL_DATE_RE.finditer(text):
        mention = _mention(match)
        if mention:
            return FoundDate(_range_end(text, mention), "inline")
    return None


def _yearless_dateline(text: str, head: list[str]) -> date | None:
    """The day a dateline without a year gives ("HONG KONG, July 14 (Wire) - ... said on
    Wednesday"), in the latest year the text names with a month or a day ("in the 12 months to
    March 2021"), or the year before it or one of the two after when the weekday the dateline
    or its paragraph names says so; None when no year fits it."""
    found = next(((line, f) for line in head if (f := parse_yearless_line(line))), None)
    if found is None:
        return None
    line, (month, day, weekday, _, end) = found
    years = [int(m["y6"] or m["y7"]) for m in MONTH_YEAR_RE.finditer(text)]
    years += [d.value.year for d in full_dates(text)]
    if weekday is None:  # "..., the hub said on Wednesday."
        weekday = named_weekday(_paragraph_after(text, line, end))
    if weekday is None:  # "... - Hong Kong's two parks ..." / "Cyberport said on Thursday ..."
        weekday = _said_on(text, line)
    if not years and weekday is not None:  # "raised HK$5.1 billion in 2024": a year gone by,
        years = _figure_years(text)  # which the weekday checks
    if not years and weekday is not None:
        return _between_years(month, day, weekday, text)
    if not years:
        return None
    latest = max(years)
    if weekday is None:
        return year_for(month, day, None, [latest])
    # (the weekday tells the years apart: "raised its Series C in 2019" in a text of 2021)
    found = year_for(month, day, weekday, [latest, latest - 1, latest + 2])
    return found if found is not None and found.year <= latest + _YEARS_AFTER else None


def _between_years(month: int, day: int, weekday: int, text: str) -> date | None:
    """The day in the one year after the earliest the text names and up to its latest that the
    weekday fits ("since early 2023" ... "by 2026": Thursday 14 November is of 2024), else
    None: a text naming one year only ("founded in 2017") may be of any year after it. A year
    counted from ("since 2014") has passed: the text is of that year or later, and when no
    year it names is later, of one of the `_YEARS_AFTER_SINCE` after it."""
    named = [int(y) for y in _YEAR_RE.findall(text)]
    if not named:
        return None
    since = [int(y) for y in _SINCE_YEAR_RE.findall(text)]
    low, high = max([min(named) + 1, *since]), max(named)
    if since and max(since) >= high:
        high = max(since) + _YEARS_AFTER_SINCE
    fits = [d for y in range(low, high + 1) if (d := day_on(y, month, day, weekday))]
    return fits[0] if len(fits) == 1 else None


_SINCE_YEAR_RE = re.compile(
    rf"(?<!\w)(?i:{phrase_re('counted_from')})\s+((?:19|20)\d\d)\b(?![-–/]\d)"
)
# (A day falls on its weekday again after 5, 6 or 11 years: two fits leave the year open.)
_YEARS_AFTER_SINCE = 6


_YEAR_RE = re.compile(r"(?<![\w$.,-])((?:19|20)\d\d)(?![\w%-]|[.,]\d|\s*(?:pm|am)\b)")


def _said_on(text: str, line: str) -> int | None:
    """The weekday a report names as the day it was told, in the paragraphs after a dateline
    (`_SAID_PARAGRAPHS` of them): "Cyberport said on Thursday ...", else None."""
    at = text.find(line)
    paragraphs = text[at + len(line) :].split("\n\n", _SAID_PARAGRAPHS + 1)[: _SAID_PARAGRAPHS + 1]
    said = _SAID_ON_RE.search("\n\n".join(paragraphs)) if at >= 0 else None
    return named_weekday(said.group(1)) if said else None


_SAID_PARAGRAPHS = 2
_SAID_ON_RE = re.compile(
    rf"\b(?:{phrase_re('told_on')})\s+(?:late\s+|early\s+)?on\s+"
    rf"((?i:{weekday_re()}))"
)


_YEARS_AFTER = 2  # years after the latest a text names that its yearless dateline may be of


def _paragraph_after(text: str, line: str, end: int) -> str:
    """What follows position `end` of `line` in its paragraph (wrapped onto more lines)."""
    at = text.find(line)
    if at < 0:
        return line[end:]
    stop = text.find("\n\n", at)
    return text[at + end : stop if stop >= 0 else len(text)]


def _figure_years(text: str) -> list[int]:
    """The years standing alone that a figure just before is of ("raised HK$5.1 billion in
    2024", not "opened in 2004" nor a target's "by 2030")."""
    years = []
    for m in _FIGURE_YEAR_RE.finditer(text):
        reach = max(0, m.start() - _FIGURE_REACH)
        ends = [e.end() for e in _SENTENCE_BREAK_RE.finditer(text, reach, m.start())]
        if _DIGIT_RE.search(text, max([reach, *ends]), m.start()):
            years.append(int(m.group(1)))
    return years


_FIGURE_YEAR_RE = re.compile(
    rf"(?<!\w)(?i:{phrase_re('past_year_openers')})\s+((?:19|20)\d\d)\b(?![-–/]\d)"
)
_DIGIT_RE = re.compile(r"\d")
_FIGURE_REACH = 120  # how far before such a year, in its sentence, its figure may be
# The end of a sentence: a full stop after a word of two small letters or more ("U.S." is
# none), or a line break.
_SENTENCE_BREAK_RE = re.compile(r"(?<=[^\W\d_][^\W\dA-Z_])[.!?]\s|\n")


def _labelled(mention: DateMention) -> FoundDate:
    """The publication a labelled line gives: a date line, or inferred from a month alone."""
    return FoundDate(mention.value, "dateline" if mention.precision == "day" else "inferred")


def _publication_line(text: str) -> FoundDate | None:
    """The date a short line of its own gives as the publication ("Published September 2016.",
    "Issued: 3 May 2019"), wherever it stands in `text`, or a table's row gives as its value
    (a PDF's footer "Annual Report 2019/20 | Published September 2020" read as a row)."""
    for line in _LINE_BREAK_RE.split(text):
        if len(line.strip()) > HEADING_CHARS:
            continue
        row = _ROW_LABEL_RE.match(line)
        label = _PUBLISHED_RE.match(line, row.end() if row else 0)
        mention = _date_at(line, label.end(), _PUBLISHED_TAIL_RE) if label else None
        if mention is not None:
            return _labelled(mention)
    return None


def _range_end(text: str, mention: DateMention) -> date:
    """The end of the range a date opens ("1 April 2019 to 31 March 2020"), else the date."""
    joiner = _RANGE_JOINER_RE.match(text, mention.end)
    if joiner:
        end = FULL_DATE_RE.match(text, joiner.end())
        found = _mention(end) if end else None
        if found and found.value > mention.value:
            return found.value
    return mention.value


def find_publication_date(text: str) -> date | None:
    """The publication date `text` states (see the module docstring), or None. Never raises."""
    found = find_date(text)
    return found.value if found else None
