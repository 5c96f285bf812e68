"""The day of the year a table's year columns stand at, and the year each column dates.

A table of years whose label, heading, caption or lead-in says "as at 31 March" (no year)
gives each year column that day: "2015" is 31 March 2015 and a fiscal year "2017-18" is
31 March 2018. A row counted "during the financial year" dates a calendar-year column to the
end of the fiscal year that ends in it. A day and month with a year ("as at 31 March 2016")
or after a word of an event ("opened on 31 March") is no such day.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache
from typing import NamedTuple

from etl.calendar import (
    fiscal_year_end_month,
    month_end,
    month_of,
    month_re,
    phrase_re,
    phrase_words,
)
from etl.extract.phrase_search import find_phrase
from etl.extract.regex_parts import gated_search
from etl.read.reflow import PART_MARK

MAX_ROWS_ABOVE = 40  # list items and lead-ins passed looking for a table's note
# What opens a list item, besides "1." and "1)": "(a)" only over another such line (a paper's
# "(a) FinTech: some 460 companies;" over "(b) ..."), not a reply's parts, a paragraph each.
BULLET_MARK = rf"(?:--|[-•*–▪●]|{PART_MARK}(?=[^\n]*\n[ \t]*{PART_MARK}))"
BULLET = re.compile(rf"(?:{BULLET_MARK}|\d{{1,2}}[.)])[ \t]+")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\W*((?:19|20)\d\d)\W*")
_FISCAL = re.compile(r"\W*((?:19|20)\d\d)\s*[-–/]\s*(\d\d(?:\d\d)?)\W*")
# As r"(?<![\w$.,])((?:19|20)\d\d)\s*[-–/]\s*(\d\d(?:\d\d)?)(?![\w.,]?\d)", opening with the
# year's first digit (so that the engine skips to a "1" or "2"), the look-behind after it.
_FISCAL_TOKEN = re.compile(
    r"([12](?<![\w$.,][12])(?:(?<=1)9|(?<=2)0)\d\d)\s*[-–/]\s*(\d\d(?:\d\d)?)(?![\w.,]?\d)"
)


class YearDay(NamedTuple):
    """A month and, if given, a day: the point of each year the figures stand at."""

    month: int
    day: int | None


@cache
def _day_re() -> re.Pattern[str]:
    opener = "(?:" + phrase_re("stands_at") + "|" + phrase_re("end_of") + ")"
    mon = month_re()
    return re.compile(
        rf"(?<!\w){opener}\s*(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<mon>{mon})\.?"
        rf"(?:\s+(?P<d2>\d{{1,2}})(?!\d))?(?!\W{{0,3}}(?:\d{{1,2}}\W{{1,3}})?(?:19|20)\d\d)",
        re.IGNORECASE,
    )


def year_day(words: str) -> YearDay | None:
    """The day and month with no year that `words` say figures stand at ("as at 31 March")."""
    if not words:
        return None
    m = _day_re().search(words)
    if m is None or (mon := month_of(m.group("mon"))) is None:
        return None
    day = m.group("d1") or m.group("d2")
    return YearDay(mon, int(day) if day else None)


def names_fiscal_year(words: str) -> bool:
    """Whether `words` count over a fiscal year ("admitted during the financial year")."""
    return bool(words) and find_phrase("fiscal_year", words) is not None


def column_date(head: str, day: YearDay | None, fiscal: bool) -> tuple[date, str] | None:
    """The date a year column `head` ("2015", "2017-18") gives its figures under `day`
    (or, for a row counted over a fiscal year, that year's end), with its precision."""
    if m := _FISCAL.fullmatch(head):
        y1, y2 = int(m.group(1)), m.group(2)
        end = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
        if end != y1 + 1:
            return None
        if day is None:
            return None
        year = end if day.month <= fiscal_year_end_month() else y1
        return _on(year, day)
    if m := _YEAR.fullmatch(head):
        year = int(m.group(1))
        if day is not None:
            return _on(year, day)
        if fiscal:
            return month_end(year, fiscal_year_end_month()), "month"
    return None


def _on(year: int, day: YearDay) -> tuple[date, str] | None:
    if day.day is None:
        return month_end(year, day.month), "month"
    try:
        return date(year, day.month, day.day), "day"
    except ValueError:
        return None


def note_day(text: str, paragraphs: list[tuple[int, int]], p: int) -> YearDay | None:
    """The day a note just above the list or table that paragraph `p` belongs to says its
    figures stand at ("Figures are as at 31 March of each year."): the first paragraph above
    that is neither a list item nor a lead-in ("2015:"), if it states no figure of its own."""
    for q in range(p - 1, max(-1, p - MAX_ROWS_ABOVE), -1):
        a, b = paragraphs[q]
        line = text[a:b].strip()
        if not line or BULLET.match(line) or line.endswith(":"):
            continue
        m = _day_re().search(line)
        if m is None or _DIGIT.search(line[: m.start()] + line[m.end() :]):
            return None
        return year_day(line)
    return None


def lead_in_day(words: str, day: YearDay | None, fiscal: bool) -> tuple[date, str] | None:
    """`column_date` of a lead-in line that is a year or fiscal year ("2015:", "2017-18:")."""
    return column_date(words.strip().rstrip(":"), day, fiscal)


TITLE_CHARS = 300  # of a document's opening, where its title names the year it reports on


@lru_cache(maxsize=8)
def reporting_year(text: str) -> int | None:
    """The year the fiscal year a document reports on ends in, when its title names one
    ("Annual Report 2017/18", "Review of 2019-20"); None otherwise."""
    for m in _FISCAL_TOKEN.finditer(text, 0, min(len(text), TITLE_CHARS)):
        y1, y2 = int(m.group(1)), m.group(2)
        end = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
        if end == y1 + 1:
            return end
    return None


_REVIEW_TITLE = re.compile(
    r"\b((?:19|20)\d\d)\b[^\n]{0,40}?\b(?:year\s+in\s+review|annual\s+review|review\s+of"
    r"\s+the\s+year)\b|\b(?:year\s+in\s+review|review\s+of)\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=8)
def review_year(text: str) -> int | None:
    """The calendar year a document reviews, when its title says so ("Cyberport Community
    2025: Year in Review"); None otherwise."""
    m = gated_search(_REVIEW_TITLE, text, 0, min(len(text), TITLE_CHARS))
    return int(m.group(1) or m.group(2)) if m else None


def review_dates(sent: str, year: int | None) -> list[tuple[int, int, date]]:
    """The spans in `sent` that speak of the end of the year reviewed ("by year-end")."""
    if year is None:
        return []
    return [
        (m.start(), m.end(), date(year, 12, 31))
        for m in phrase_words("review_year_end").finditer(sent)
    ]


_REPORTING = {"reporting_year_flow": "P1Y", "reporting_year_second_half": "P6M",
              "reporting_year_end": None}  # fmt: skip


@cache
def _reporting_res() -> tuple[tuple[re.Pattern[str], str | None], ...]:
    return tuple((phrase_words(key), period) for key, period in _REPORTING.items())


def reporting_dates(sent: str, year_end: int | None) -> list[tuple[int, int, date, str | None]]:
    """The spans in `sent` that speak of the fiscal year reported on ("during the year under
    review", "at the end of the financial year"), each with that year's end and, for a flow
    over it, its period."""
    if year_end is None:
        return []
    last = month_end(year_end, fiscal_year_end_month())
    found = [
        (m.start(), m.end(), last, period)
        for pattern, period in _reporting_res()
        for m in pattern.finditer(sent)
    ]
    return sorted(found)
