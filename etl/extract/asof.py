"""Dates and periods inside a sentence ("as at March 2021", "in the past year alone")."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from etl.calendar import fiscal_year_end_month, month_end, phrase_re
from etl.extract.back_references import after_same_period, back_references
from etl.extract.lexicon import safe_lower
from etl.extract.regex_parts import for_lower_case
from etl.extract.relative_dates import (
    Anchor,
    half_dates,
    middle_dates,
    month_span_dates,
    part_dates,
    stands_at,
    year_points,
    yearless_dates,
)
from etl.extract.word_order_dates import word_order_dates, word_order_ends

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a": 1,
}  # fmt: skip

_FULL = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<mon>{_MONTH})\.?,?\s+"
    rf"(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"\b(?:in|as\s+(?:at|of)|as\s+(?:recently|late|early)\s+as|back\s+in|"
    r"by\s+(?:the\s+)?(?:end|close)\s+of|at\s+the\s+(?:end|close)\s+of|"
    r"(?:the\s+)?(?:end|close)\s+of|"
    r"end-|during|throughout|for|since|from|until|till|before|after|(?P<by>by))\s+"
    r"(?:the\s+year\s+|(?P<whole>(?:the\s+)?(?:whole|entire|full)\s+(?:year\s+)?(?:of\s+)?"
    r"|all\s+of\s+))?"
    r"(?:fiscal\s+year\s+|FY\s?)?(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)",
    re.IGNORECASE,
)
# A Hong Kong fiscal year runs April to March: "in 2023-24", "for FY2023/24", "FY 2019-20";
# "by the close of the 2019/20 financial year" is a point, its end.
_FISCAL = re.compile(
    r"\b(?:(?P<end>(?:(?:by|at|as\s+(?:at|of))\s+)?(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?"
    r"(?:fiscal\s+(?:year\s+)?|financial\s+(?:year\s+)?|FY\s?)?)"
    r"|(?:in|during|for|throughout)\s+(?:the\s+)?"
    r"(?:fiscal\s+(?:year\s+)?|financial\s+(?:year\s+)?|FY\s?)?"
    r"|(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)"
    r"(?P<y1>(?:19|20)\d\d)\s*[-–/]\s*(?P<y2>\d\d(?:\d\d)?)\b",
    re.IGNORECASE,
)
_CJK = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<mon>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日)?"
)
_NUMERIC = re.compile(r"\b(?:\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d|(?:19|20)\d\d-\d{2}-\d{2})\b")
_REL_END = re.compile(
    r"\b(?:(?:as\s+(?:at|of)\s+|at\s+|by\s+)?the\s+end\s+of|end-)\s*(?P<which>last|this|the)\s+year\b"
    r"|\b(?:as\s+(?:at|of)\s+|at\s+|by\s+)(?:the\s+)?year[- ]end\b(?![- ]\d)",  # "at year-end"
    re.IGNORECASE,
)
_LAST_YEAR = re.compile(r"\b(?:in\s+|during\s+)?(?P<which>last|this)\s+year\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:in|over|during|for|within|throughout)\s+the\s+(?:past|last|latest|previous|preceding)\s+"
    r"(?:(?P<n>\d+|\w+)\s+)?(?P<unit>years?|months?|decades?|quarters?)(?:\s+alone)?\b",
    re.IGNORECASE,
)
_TO_MONTH = re.compile(
    r"\b(?:in|over|during)\s+the\s+(?P<n>\d+|\w+)\s+months?\s+(?:to|ending|ended)\s+"
    rf"(?:the\s+end\s+of\s+)?(?P<mon>{_MONTH})\b(?:\s+(?P<year>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
# What a full date and a numeric date cannot do without: a month's first three letters (in
# lower-cased text) and a separator between digits.
_MONTH_START = re.compile("|".join(sorted({m[:3] for m in _MONTHS})))
_DIGIT_SEPARATOR = re.compile(r"\d[/.-]\d")
_EVENT_WORD = re.compile(r"(?:since|from|until|till)\b", re.IGNORECASE)
# Words before a date that make it the date of an event, not of the figure.
_EVENT = re.compile(
    rf"\b(?:{phrase_re('event_words')}\s+(?:[A-Za-z]+\s+){{0,2}}"
    r"|(?:since|from|until|till|starting)\s+"
    # "since borders reopened in May", "since the launch of the Incubation Programme in 2005"
    r"|since\s+(?:[^\W\d][\w'’&-]*\s+){1,8}(?:(?:in|on|at|last)\s+)?)$",
    re.IGNORECASE,
)


_EVENT_REACH = 90  # characters before a date that the words making it an event may take


class _Patterns(NamedTuple):
    """The case-blind patterns, as written or for lower-cased text (see `for_lower_case`)."""

    to_month: re.Pattern[str]
    fiscal: re.Pattern[str]
    past: re.Pattern[str]
    rel_end: re.Pattern[str]
    full: re.Pattern[str]
    year: re.Pattern[str]
    last_year: re.Pattern[str]
    event: re.Pattern[str]


_AS_WRITTEN = _Patterns(_TO_MONTH, _FISCAL, _PAST, _REL_END, _FULL, _YEAR, _LAST_YEAR, _EVENT)
_LOWER_CASE = _Patterns(*map(for_lower_case, _AS_WRITTEN))


@dataclass(frozen=True)
class DatePhrase:
    """A date or period found in a sentence, resolved against the section's date."""

    start: int
    end: int
    as_of: date | None
    precision: str  # day, month or year
    period: str | None  # ISO-8601 duration for "in the past year"; None for a point in time
    event: bool = False  # the date of something else ("opened in 2003", "since 2018")
    kind: str = "date"  # "back": the time in force ("at that point"); "earlier": a year before;
    # "now": the time of writing, which a figure's own words give ("- now at about 380 -")


# Letters that re.IGNORECASE equates with the ASCII letter of a month name.
_ODD_LETTERS = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"})


def _month_number(name: str) -> int:
    """1-12 for a month name the patterns matched, even as "ſept" or "aprıl"."""
    return _MONTHS[name.translate(_ODD_LETTERS).lower()]


def _count(word: str | None) -> int | None:
    if not word:
        return 1
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word.lower())


def _duration(n: int, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    if unit == "decade":
        return f"P{10 * n}Y"
    if unit == "quarter":
        n, unit = 3 * n, "month"
    if unit == "month":
        return f"P{n // 12}Y" if n % 12 == 0 else f"P{n}M"
    return f"P{n}Y"


@lru_cache(maxsize=4096)
def parse_date_phrase(phrase: str) -> date | None:
    """A date from a short phrase ('21/3/2023', '2023年3月21日'); None when there is none."""
    m = _CJK.search(phrase)
    if m:
        try:
            return date(int(m["year"]), int(m["mon"]), int(m["day"] or 1))
        except ValueError:
            return None
    if len(phrase) > 40:
        return None
    import dateparser  # loaded when a phrase needs it (most never do)

    try:
        parsed = dateparser.parse(
            phrase, languages=["en"], settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True}
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date() if parsed else None


def _point_dates(
    text: str,
    start: int,
    end: int,
    add: Callable[..., None],
    low: str | None = None,
    hay: str | None = None,
    pats: _Patterns = _AS_WRITTEN,
    ref: date | None = None,
) -> None:
    """Dates with a year: "21 March 2023", "2023年3月", "21/3/2023", "in 2018", and "by 2012"
    before the year of `ref` (a year to come is a target's: "3,000 companies by 2030").

    `low` is text[start:end] lower-cased by `safe_lower` (None: not known, search anyway);
    `pats` are searched in `hay`, `text` or (for `_LOWER_CASE`) all of it lower-cased.
    """
    hay = text if hay is None else hay
    months = low is None or _MONTH_START.search(low) is not None
    for m in pats.full.finditer(hay, start, end) if months else ():
        day = m["d1"] or m["d2"]
        year, mon = int(m["year"]), _month_number(m["mon"])
        try:
            d = date(year, mon, int(day)) if day else month_end(year, mon)
        except ValueError:
            continue
        add(m.start(), m.end(), d, "day" if day else "month")
    if "年" in text[start:end]:
        for m in _CJK.finditer(text, start, end):
            d = parse_date_phrase(m.group())
            if d:
                add(m.start(), m.end(), d, "day" if m["day"] else "month")
    numeric = _DIGIT_SEPARATOR.search(text, start, end) is not None
    for m in _NUMERIC.finditer(text, start, end) if numeric else ():
        d = parse_date_phrase(m.group())
        if d:
            add(m.start(), m.end(), d, "day")
    for m in pats.year.finditer(hay, start, end):  # ("in the whole of 2020": a year's flow)
        if m["by"] and (ref is None or int(m["year"]) >= ref.year):
            continue
        add(m.start(), m.end(), date(int(m["year"]), 12, 31), "year", "P1Y" if m["whole"] else None)


def fiscal_year_end(y1: int, y2: str) -> date | None:
    """The last day of the fiscal year "y1-y2" ("2019-20", "2019/2020"; the month is
    etl/data/calendar.toml's), or None when y2 is not the year after y1."""
    if int(y2[-2:]) != (y1 + 1) % 100:
        return None
    return month_end(y1 + 1, fiscal_year_end_month())


def _year_end(held: Anchor | None) -> date | None:
    """The end of the year a time in force speaks of: a year ("in 2019") or a year's flow
    ("the 2019/20 financial year"); None for a point in time."""
    if held is None or not (held[1] == "year" or held[2] == "P1Y"):
        return None
    return held[0]


@lru_cache(maxsize=2)
def _whole_lower(text: str) -> str | None:
    """safe_lower(text), worked out once for a text whose parts find_dates is asked about
    one after another."""
    return safe_lower(text)


def find_dates(
    text: str,
    start: int,
    end: int,
    ref: date | None,
    anchor: Callable[[bool], Anchor | None] | None = None,
) -> list[DatePhrase]:
    """Dates and periods in text[start:end]; relative ones need `ref` (the section's date).

    `anchor(point)` gives the time in force from earlier sentences, (as_of, precision, period):
    what "over the same period" and (the last point in time, `point`) "as at the same date"
    stand for (see `etl.extract.relative_dates`); it is called only when the text points back.
    """
    found: list[DatePhrase] = []

    def add(
        a: int,
        b: int,
        d: date | None,
        precision: str,
        period: str | None = None,
        kind: str = "date",
        event: bool | None = None,
    ) -> None:
        overlapping = [p for p in found if p.start < b and a < p.end]
        if overlapping:
            if kind != "earlier" or any(p.start < a or p.end > b for p in overlapping):
                return
            # a point a year back holding the year it names ("at the same point last year")
            found[:] = [p for p in found if p not in overlapping]
        event = (
            event
            if event is not None
            else not stands_at(text, a, b)
            and (
                bool(pats.event.search(hay, max(start, a - _EVENT_REACH), a))
                or bool(_EVENT_WORD.match(text[a:b]))
            )
        )
        found.append(DatePhrase(a, b, d, precision, period, event, kind))

    def held(pos: int, point: bool = False) -> Anchor | None:
        """The time in force at `pos`: an earlier date of this text, else `anchor`'s
        (`point`: the last point in time, past periods)."""
        for p in sorted(found, key=lambda p: p.end, reverse=True):
            usable = p.as_of is not None and not p.event and p.kind == "date"
            if p.end <= pos and usable and not (point and p.period):
                return p.as_of, p.precision, p.period
        return anchor(point) if anchor is not None else None

    # Each kind of phrase needs a year ("2023") or a word ("year", "month"): look for those
    # first and skip the patterns that cannot match (the order of the passes is kept).
    safe = safe_lower(text[start:end])  # None when lower() cannot stand for IGNORECASE
    low = text[start:end].lower() if safe is None else safe
    # The whole text lower-cased, offset for offset, lets the patterns run without case folding.
    whole = safe if safe is None or (start == 0 and end == len(text)) else _whole_lower(text)
    hay, pats = (text, _AS_WRITTEN) if whole is None else (whole, _LOWER_CASE)
    year = _YEAR_DIGITS.search(text, start, end) is not None
    in_years = "year" in low
    in_months = "month" in low
    if in_months:
        for m in pats.to_month.finditer(hay, start, end):
            n = _count(m["n"])
            year_of = int(m["year"]) if m["year"] else (ref.year if ref else None)
            if n and year_of:
                d = month_end(year_of, _month_number(m["mon"]))
                if ref and not m["year"] and d > ref:
                    d = month_end(year_of - 1, d.month)
                add(m.start(), m.end(), d, "month", _duration(n, "month"))
    if in_months or (in_years and "front" in low):
        word_order_dates(text, start, end, ref, add)  # "2025 year 9 month 30 day"
    if in_years and " end" in low:
        word_order_ends(text, start, end, ref, add)  # "Until 2025 year end"
    if year:
        for m in pats.fiscal.finditer(hay, start, end):
            fiscal_end = fiscal_year_end(int(m["y1"]), m["y2"])
            if fiscal_end is not None:
                add(m.start(), m.end(), fiscal_end, "month", None if m["end"] else "P1Y")
    if in_years or in_months or "decade" in low or "quarter" in low:
        for m in pats.past.finditer(hay, start, end):
            n = _count(m["n"])
            if n:
                add(m.start(), m.end(), ref, "day", _duration(n, m["unit"]))
    if "quarter" in low or "q" in low or in_months or "since" in low or "this" in low:
        part_dates(text, start, end, ref, add)  # (before "since January" reads as an event)
    months = _MONTH_START.search(low) is not None
    if months:
        yearless_dates(text, start, end, ref, add, None if whole is None else hay)
    if "half" in low or "h1" in low or "h2" in low:
        half_dates(text, start, end, ref, add)
    if in_months or "月" in low:
        month_span_dates(text, start, end, ref, add)
    if year:
        middle_dates(text, start, end, add)
        _point_dates(text, start, end, add, safe, hay, pats, ref)
    year_points(text, start, end, held, ref, add)  # (after the years it may stand in)
    if in_years:
        for m in pats.rel_end.finditer(hay, start, end):
            which = m["which"].lower() if m["which"] else "the"
            year_end = _year_end(held(m.start())) if which == "the" else None
            if year_end is not None:  # "in 2019/20 ... by the end of the year": that year's end
                add(m.start(), m.end(), year_end, "month")
            elif ref and m["which"]:  # ("at year-end" only in a year in force: not a label's)
                year_of = ref.year - 1 if which == "last" else ref.year
                add(m.start(), m.end(), date(year_of, 12, 31), "month")
    if in_years:
        for m in pats.last_year.finditer(hay, start, end):
            if ref and not after_same_period(text, start, m.start()):  # (a back-reference's)
                if m["which"].lower() == "last":
                    add(m.start(), m.end(), date(ref.year - 1, 12, 31), "year", "P1Y")
                else:
                    add(m.start(), m.end(), ref, "day", f"P{ref.month}M")

    back_references(text, start, end, held, ref, add)
    found.sort(key=lambda p: p.start)
    return found
