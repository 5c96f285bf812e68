"""Dates in Hong Kong press text: full dates and date lines, read from their parts.

Dates are found by regular expressions and read from their parts (day first, English month
names): searching whole documents with dateparser is slow and finds false dates. What date a
whole document carries is `etl.read.publication.find_date`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from etl.calendar import (
    may_name_month,
    month_of,
    month_re,
    weekday_of,
    weekday_re,
    year_for,
)

HEAD_LINES = 10

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])"
)
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"

FULL_DATE_RE = re.compile(
    rf"(?<![\d\w])(?P<d1>{_DAY}){_ORD}\s*(?:of\s+)?(?P<m1>{_MONTH})\.?,?\s+(?P<y1>{_YEAR})(?!\d)"
    rf"|(?<![\w])(?P<m2>{_MONTH})\.?\s+(?P<d2>{_DAY}){_ORD},?\s+(?P<y2>{_YEAR})(?!\d)"
    rf"|(?<![\d/.\-\w])(?P<y3>{_YEAR})(?P<s3>[-/.])(?P<mo3>{_MONTH_NUM})(?P=s3)(?P<d3>{_DAY})"
    r"(?![\d/\-])"
    rf"|(?<![\d/.\-\w])(?P<d4>{_DAY})(?P<s4>[-/.])(?P<mo4>{_MONTH_NUM})(?P=s4)(?P<y4>{_YEAR})"
    r"(?!\d|[/.\-]\d)"
    rf"|(?P<y5>{_YEAR})\s*年\s*(?P<mo5>{_MONTH_NUM})\s*月\s*(?P<d5>{_DAY})\s*[日号號]"
    rf"|(?P<y8>[〇零一二三四五六七八九]{{4}})\s*年\s*(?P<mo8>十[一二]?|[一二三四五六七八九])\s*月"
    rf"\s*(?P<d8>三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号號]"
    # a word-by-word translation of 2024年10月30日: "2024 October 30 day", "2024 year 10 month
    # 30 day"
    rf"|(?<![\d\w])(?P<y9>{_YEAR})\s+(?:year\s+)?(?:(?P<m9>{_MONTH})|(?P<mo9>{_MONTH_NUM})\s+month)"
    rf"\s+(?P<d9>{_DAY})\s+day(?![a-z])",
    re.IGNORECASE,
)
MONTH_YEAR_RE = re.compile(
    rf"(?<![\w])(?P<m6>{_MONTH})\.?,?\s+(?P<y6>{_YEAR})(?!\d)"
    rf"|(?P<y7>{_YEAR})\s*年\s*(?P<mo7>{_MONTH_NUM})\s*月(?!\s*\d)",
    re.IGNORECASE,
)
# "Date:", "Published on", "Release date -" ... before a date: the line is a date line.
_LABEL_RE = re.compile(
    r"\s*(?:(?:release|publication|issue)\s+date|date[ds]?|published|posted|issued|issue|edition|"
    r"(?:last\s+)?updated|日期|發佈日期|發布日期|发布日期)(?:\s+on)?\s*[:：\-–]?\s*",
    re.IGNORECASE,
)
# A place ("Hong Kong,", "HONG KONG, China,", "HONG KONG |", "香港，") or a post's platform and
# account ("[LinkedIn] Cyberport Hong Kong · 6 January 2025", "@CyberportHK · 8 April 2025")
# and/or a weekday before the date, after any rule of marks that frames the line ("===
# 18/10/2023 ===", "## 4 Sep 2023") or an item's number.
_PREFIX_RE = re.compile(
    r"\s*(?:(?:[=*#~_]+|[-–—]{2,})\s*)?(?:\d{1,2}[.)]\s+)?"  # ("5. HONG KONG | 19 September 2018")
    r"(?:\[[^\]\n\d]{1,20}\]\s*(?=[^\W\d_]|@))?"
    r"(?:(?:[A-Z@][^\n,:;!?\d|·•]{0,40}?|[\u4e00-\u9fff]{1,10})\s*[,，|·•]\s*){0,2}"
    rf"(?:(?i:{weekday_re()})\.?,?\s+)?"
)
# The place a dateline opens with ("HONG KONG,"), before a date without a year.
_PLACE_PREFIX_RE = re.compile(
    rf"\s*(?:(?!(?i:{weekday_re()}))(?:[A-Z][^\n,:;!?\d]{{0,40}}?|[\u4e00-\u9fff]{{1,10}})"
    r"\s*[,，]\s*){1,2}"
)
# A date line without a year: "Wednesday, 15 June", "MONDAY 3 JUNE | InvestHK", "June 15",
# "3月21日（星期二）"; its year comes from the headings above it (see `date_lines`).
_YEARLESS_RE = re.compile(
    rf"\s*(?:(?P<wd>{weekday_re()})\.?,?\s+)?"
    rf"(?:(?P<d>{_DAY}){_ORD}\s+(?:of\s+)?(?P<m>{month_re()})|(?P<m2>{month_re()})\.?\s+(?P<d2>{_DAY}){_ORD})"
    rf"\.?(?:,?\s*\((?P<wd2>{weekday_re()})\))?(?!,?\s*\d)"
    rf"|\s*(?P<mo3>{_MONTH_NUM})\s*月\s*(?P<d3>{_DAY})\s*[日号號]\s*(?:[（(](?P<wd3>{weekday_re()})[)）])?",
    re.IGNORECASE,
)
YEAR_IN_RE = re.compile(rf"(?<!\d){_YEAR}(?!\d)")  # a year standing alone in a text
_SENTENCE_END_RE = re.compile(r"[.!?。！？][\"'”’)\]]*\s*$")
HEADING_CHARS = 120
# What may follow the date on a dateline: an optional "(Xinhua)", then a dash, "/" (wire
# services) or the end of the line. A comma or a verb means a sentence that starts with a date.
# ("June 2025 edition": a periodical's date line names its edition or issue)
_TAIL_RE = re.compile(
    r"\s*(?:\([^()\n]{0,40}\)\s*)?"
    r"(?:(?:,\s*)?\d{1,2}[:.]\s?\d\d\s*(?i:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*$|"  # "9:42am HKT"
    r"[—–―-]|/|\||,?\s*$|[=*#~_]+\s*$|(?i:edition|issue)\s*$)"
)
_CJK_TAIL_RE = re.compile(r"\s*(?:[（(][^()（）\n]{0,20}[)）])?\s*(?:[，,：:\s—–―-]|$)")
_DECOR_RE = re.compile(r"\s*[=*#~_]{2,}[ \t]*")
_DIGIT_NEAR_START_RE = re.compile(r"[\d〇零]")  # a date line has one among its first HEAD_CHARS
HEAD_CHARS = 120  # how much of a line a date line's date may stand after
_ASCII_DIGIT_RE = re.compile("[0-9]")

_CJK_DIGITS = "〇一二三四五六七八九零"  # 零 is another zero: index 10, read modulo 10


def _cjk_number(text: str) -> int:
    """1-31 written in Chinese numerals: "九", "十二", "二十一", "三十"."""
    if "十" not in text:
        return _CJK_DIGITS.index(text) % 10
    tens, _, ones = text.partition("十")
    return (_CJK_DIGITS.index(tens) if tens else 1) * 10 + (_CJK_DIGITS.index(ones) if ones else 0)


@dataclass(frozen=True)
class DateMention:
    """A date in some text: [start, end) and whether the day is known ("day") or not ("month")."""

    value: date
    start: int
    end: int
    precision: str = "day"


@dataclass(frozen=True)
class FoundDate:
    """The date of a stretch of text and how it was found (dateline, inferred or inline)."""

    value: date
    source: str


def _parse_words(day: int, month: str, year: int) -> date | None:
    """The date of a day, an English month name (as _MONTH spells it) and a year, if real."""
    number = month_of(month)
    return _safe_date(year, number, day) if number else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _mention(match: re.Match[str]) -> DateMention | None:
    g = match.groupdict()
    if g.get("d1"):
        value = _parse_words(int(g["d1"]), g["m1"].lower(), int(g["y1"]))
    elif g.get("m2"):
        value = _parse_words(int(g["d2"]), g["m2"].lower(), int(g["y2"]))
    elif g.get("y3"):
        value = _safe_date(int(g["y3"]), int(g["mo3"]), int(g["d3"]))
    elif g.get("d4"):
        value = _safe_date(int(g["y4"]), int(g["mo4"]), int(g["d4"]))
    elif g.get("y5"):
        value = _safe_date(int(g["y5"]), int(g["mo5"]), int(g["d5"]))
    elif g.get("y8"):
        year = int("".join(str(_CJK_DIGITS.index(c) % 10) for c in g["y8"]))
        value = _safe_date(year, _cjk_number(g["mo8"]), _cjk_number(g["d8"]))
    elif g.get("y9"):
        month = month_of(g["m9"]) if g["m9"] else int(g["mo9"])
        value = _safe_date(int(g["y9"]), month or 0, int(g["d9"]))
    elif g.get("m6"):
        value = _parse_words(1, g["m6"].lower(), int(g["y6"]))
        return DateMention(value, match.start(), match.end(), "month") if value else None
    elif g.get("y7"):
        value = _safe_date(int(g["y7"]), int(g["mo7"]), 1)
        return DateMention(value, match.start(), match.end(), "month") if value else None
    else:  # pragma: no cover - every alternative has a group
        return None
    return DateMention(value, match.start(), match.end()) if value else None


def parse_date_phrase(phrase: str) -> date | None:
    """The full date (day, month, year) that a short phrase consists of, else None."""
    match = FULL_DATE_RE.fullmatch(phrase.strip())
    mention = _mention(match) if match else None
    return mention.value if mention else None


def full_dates(text: str) -> list[DateMention]:
    """Every full date (day, month and year) in `text`, in order."""
    found = (_mention(m) for m in FULL_DATE_RE.finditer(text))
    return [m for m in found if m is not None]


def parse_date_line(line: str) -> DateMention | None:
    """The date a date line carries, or None when `line` is not a date line.

    A date line starts with a date, optionally after a label ("Date:", "Published on",
    "date"), a place ("Hong Kong,") or a weekday, and the date is followed by a dash, "/",
    an optional "(Agency)" or the end of the line (any text may follow a label or a
    Chinese-format date). "On 5 June 2025, Cyberport ..." and "held on 20-21 September"
    are not date lines. Offsets are into `line`.
    """
    head = line[:HEAD_CHARS]
    return _date_in_head(head) if _digit_near_start(head) else None


def _date_in_head(head: str) -> DateMention | None:
    """`parse_date_line` of a line that opens with `head` (its first HEAD_CHARS), which holds
    a figure (`_digit_near_start`)."""
    if not _may_hold_year(head):
        return None
    label = _LABEL_RE.match(head)
    if label:
        mention = _date_at(head, label.end(), tail_re=None)
        if mention:
            return mention
    prefix = _PREFIX_RE.match(head)
    return _date_at(head, prefix.end() if prefix else 0, tail_re=_TAIL_RE)


def _date_at(line: str, pos: int, tail_re: re.Pattern[str] | None) -> DateMention | None:
    for pattern in (FULL_DATE_RE, MONTH_YEAR_RE):
        match = pattern.match(line, pos)
        if not match:
            continue
        mention = _mention(match)
        if mention is None:
            return None
        is_cjk = bool(
            match.group("y5") or match.group("y8") if pattern is FULL_DATE_RE else match.group("y7")
        )
        tail = _CJK_TAIL_RE if is_cjk else tail_re
        if tail is None or tail.match(line, match.end()):
            return mention
        return None
    return None


# Where str.splitlines breaks a line.
_LINE_BREAK_RE = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def first_lines(text: str, count: int) -> Iterator[str]:
    """The first `count` non-blank lines of `text` (as str.splitlines cuts them), reading no
    further than they reach."""
    pos = 0
    while count > 0 and pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        # str.splitlines cuts the rest of the breaks; a "\r" before the "\n" ends its line.
        for line in text[pos:end].splitlines():
            if line.strip():
                count -= 1
                yield line
                if not count:
                    return
        pos = end + 1


def parse_yearless_line(line: str) -> tuple[int, int, int | None, int, int] | None:
    """(month, day, weekday or None, start, end) of a date line that gives no year, else None.

    "Wednesday, 15 June", "MONDAY 3 JUNE | InvestHK", "June 15 –", "3月21日（星期二）": the
    day and month open the line (after an optional weekday) and are followed by what may
    follow a date on a date line (see `parse_date_line`).
    """
    head = line[:HEAD_CHARS]
    return _yearless_in_head(head) if _digit_near_start(head) else None


def _yearless_in_head(head: str) -> tuple[int, int, int | None, int, int] | None:
    """`parse_yearless_line` of a line that opens with `head` (its first HEAD_CHARS), which
    holds a figure (`_digit_near_start`)."""
    if "月" not in head and not may_name_month(head):  # ("3月21日": a month in figures)
        return None
    decor = _DECOR_RE.match(head)  # "=== MON 10 MAR ===": a rule drawn around the line
    match = _YEARLESS_RE.match(head, decor.end() if decor else 0)
    if match is None:  # after a place: "HONG KONG, Friday, 15 March –"
        prefix = _PLACE_PREFIX_RE.match(head)
        match = _YEARLESS_RE.match(head, prefix.end()) if prefix and prefix.end() else None
    if match is None:
        return None
    g = match.groupdict()
    cjk = g["mo3"] is not None
    tail = _CJK_TAIL_RE if cjk else _TAIL_RE
    if not tail.match(head, match.end()):
        return None
    if cjk:
        month, day, weekday = int(g["mo3"]), int(g["d3"]), g["wd3"]
    else:
        month = month_of(g["m"] or g["m2"]) or 0
        day, weekday = int(g["d"] or g["d2"]), g["wd"] or g["wd2"]
    if not month:
        return None
    return month, day, weekday_of(weekday) if weekday else None, match.start(), match.end()


def date_lines(lines: list[str]) -> list[DateMention | None]:
    """The date each line carries as a date line (`parse_date_line`), or None.

    A date line without a year ("Tuesday, 14 March") is the day a date line above it gives
    in full, if one does ("03/03/2017" over a headline "... in 2016" over "HONG KONG, March 3
    -"); else it takes the year of the nearest heading above it that names one ("Cyberport
    Entrepreneurs Day 2011", "June 2019"), or of the date line before it, checked against its
    weekday: a year the weekday contradicts is passed over, and when no year fits the line has
    no date.
    """
    years: list[int] = []  # nearest first
    out: list[DateMention | None] = []
    for k, line in enumerate(lines):
        head = line[:HEAD_CHARS]
        # Neither kind of date line without a figure near its start: one test for both.
        digit = _digit_near_start(head)
        mention = _date_in_head(head) if digit else None
        if mention is None and years and digit:
            found = _yearless_in_head(head)
            if found:
                month, day, weekday, start, end = found
                if weekday is None:  # "HONG KONG, Jan 20 (Wire) - ... said on Tuesday ..."
                    weekday = named_weekday(line[end:])
                value = same_day(out, month, day, weekday) or year_for(month, day, weekday, years)
                mention = DateMention(value, start, end) if value else None
        out.append(mention)
        if mention is not None:
            years.insert(0, mention.value.year)
        elif _names_years(line, k):
            years[:0] = [int(y) for y in reversed(YEAR_IN_RE.findall(line))]
    return out


def named_weekday(text: str) -> int | None:
    """The first weekday `text` names with a capital ("the hub said on Wednesday"; "sun" or
    "wed" are other words), 0-6, else None."""
    named = (w.group() for w in _WEEKDAY_NAME_RE.finditer(text))
    return next((weekday_of(w) for w in named if not w[0].islower()), None)


_WEEKDAY_NAME_RE = re.compile(rf"(?<![^\W\d_]){weekday_re()}", re.IGNORECASE)


def same_day(
    found: list[DateMention | None], month: int, day: int, weekday: int | None
) -> date | None:
    """The last of the dates `found` on that month and day (and weekday, if given), if any."""
    for m in reversed(found):
        if (
            m
            and (m.value.month, m.value.day) == (month, day)
            and (weekday is None or m.value.weekday() == weekday)
        ):
            return m.value
    return None


def _names_years(line: str, k: int) -> bool:
    """Whether the years in `line` (the `k`-th non-empty one) may date the lines below it."""
    if "19" not in line and "20" not in line:
        return False  # no year in figures (the cheap test first)
    short = len(line.strip()) <= HEADING_CHARS and not _SENTENCE_END_RE.search(line)
    return (k < HEAD_LINES or short) and YEAR_IN_RE.search(line) is not None


def _digit_near_start(head: str) -> bool:
    """`_DIGIT_NEAR_START_RE` finds a figure in `head` (an ASCII text has only ASCII digits)."""
    pattern = _ASCII_DIGIT_RE if head.isascii() else _DIGIT_NEAR_START_RE
    return pattern.search(head) is not None


def _may_hold_year(text: str) -> bool:
    """A cheap test that `text` can hold a date (`FULL_DATE_RE`, `MONTH_YEAR_RE`): each has
    a year in figures (`_YEAR`: "19.." or "20..") or a "年"."""
    return "19" in text or "20" in text or "年" in text
