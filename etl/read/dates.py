"""Dates in Hong Kong press text: full dates, date lines and the publication date they imply.

Dates are found by regular expressions and read from their parts (day first, English month
names): searching whole documents with dateparser is slow and finds false dates.

How a date is found (`FoundDate.source`):
- ``dateline``: a date line among the first `HEAD_LINES` non-empty lines: "Hong Kong,
  23 September 2024 — ...", "5 June 2025 – ...", "date 2023-03-21 ...", "21 Oct 2025" alone,
  "2023年3月21日 ...", "05/06/2025" (numeric dates are read day first, as in Hong Kong).
- ``inferred``: no full date in such a line, but a month and year ("June 2025 – ...",
  "Issue: June 2025"); the date is the first of that month.
- ``inline``: no date line at all; the first full date (day, month and year) in the body.
  A year alone ("the 2023 Global Digital Business Conference"), a day and month without a
  year ("yesterday (4 June)") and phone numbers are never dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

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
    rf"|(?P<y5>{_YEAR})\s*年\s*(?P<mo5>{_MONTH_NUM})\s*月\s*(?P<d5>{_DAY})\s*[日号號]",
    re.IGNORECASE,
)
MONTH_YEAR_RE = re.compile(
    rf"(?<![\w])(?P<m6>{_MONTH})\.?,?\s+(?P<y6>{_YEAR})(?!\d)"
    rf"|(?P<y7>{_YEAR})\s*年\s*(?P<mo7>{_MONTH_NUM})\s*月(?!\s*\d)",
    re.IGNORECASE,
)
# "Date:", "Published on", "Release date -" ... before a date: the line is a date line.
_LABEL_RE = re.compile(
    r"\s*(?:(?:release|publication|issue)\s+date|date[ds]?|published|posted|issued|issue|"
    r"(?:last\s+)?updated|日期|發佈日期|發布日期|发布日期)(?:\s+on)?\s*[:：\-–]?\s*",
    re.IGNORECASE,
)
# A place ("Hong Kong,", "HONG KONG, China,", "香港，") and/or a weekday before the date.
_PREFIX_RE = re.compile(
    r"\s*(?:(?:[A-Z][^\n,:;!?\d]{0,40}?|[\u4e00-\u9fff]{1,10})\s*[,，]\s*){0,2}"
    r"(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
)
# What may follow the date on a dateline: an optional "(Xinhua)", then a dash, "/" (wire
# services) or the end of the line. A comma or a verb means a sentence that starts with a date.
_TAIL_RE = re.compile(r"\s*(?:\([^()\n]{0,40}\)\s*)?(?:[—–―-]|/|\||,?\s*$)")
_CJK_TAIL_RE = re.compile(r"\s*(?:[（(][^()（）\n]{0,20}[)）])?\s*(?:[，,：:\s—–―-]|$)")
_DIGIT_NEAR_START_RE = re.compile(r"\d")


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


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NUMBERS = {m: k for k, m in enumerate(_MONTHS, 1)}


def _parse_words(day: int, month: str, year: int) -> date | None:
    """The date of a day, an English month name (as _MONTH spells it) and a year, if real."""
    return _safe_date(year, _MONTH_NUMBERS[month[:3].lower()], day)


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
    head = line[:120]
    if not _DIGIT_NEAR_START_RE.search(head):
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
        is_cjk = bool(match.group("y5") if pattern is FULL_DATE_RE else match.group("y7"))
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
        brk = _LINE_BREAK_RE.search(text, pos)
        end = brk.start() if brk else len(text)
        line = text[pos:end]
        pos = brk.end() if brk else len(text)
        if line.strip():
            count -= 1
            yield line


def find_date(text: str, *, head_lines: int = HEAD_LINES) -> FoundDate | None:
    """The date of `text`: a date line in its head, else a month/year one, else an inline date."""
    month_only: date | None = None
    for line in first_lines(text, head_lines):
        mention = parse_date_line(line)
        if mention is None:
            continue
        if mention.precision == "day":
            return FoundDate(mention.value, "dateline")
        month_only = month_only or mention.value
    if month_only:
        return FoundDate(month_only, "inferred")
    for match in FULL_DATE_RE.finditer(text):
        mention = _mention(match)
        if mention:
            return FoundDate(mention.value, "inline")
    return None


def find_publication_date(text: str) -> date | None:
    """The publication date `text` states (see the module docstring), or None. Never raises."""
    found = find_date(text)
    return found.value if found else None
