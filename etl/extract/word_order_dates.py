"""Dates in the word order of text translated word for word from Chinese (年, 月, 日, 前):
"2025 year 9 month 30 day" (30 September 2025), "as at 9 month end" (the end of September of
the year in force), "this year front nine month" (the first nine months of this year, a flow),
"2025 year front three quarter" (the first three quarters of 2025), "Until 2025 year end", "up to
this year 6 month end" (年底, 6月底: the end of that year, or of that month of it)."""

from __future__ import annotations

import re
from datetime import date

from etl.calendar import month_end
from etl.extract.relative_dates import Add

_DAY = re.compile(
    r"\b(?P<y>(?:19|20)\d\d)\s*year\s+(?P<m>1[0-2]|0?[1-9])\s*month\s+(?P<d>3[01]|[12]\d|0?[1-9])"
    r"\s*day\b",
    re.IGNORECASE,
)
_MONTH_END = re.compile(r"(?<!year\s)\b(?P<m>1[0-2]|0?[1-9])\s*month\s+end\b", re.IGNORECASE)
_FRONT = re.compile(
    r"\b(?:(?P<y>(?:19|20)\d\d)|(?P<rel>this|last))\s+year\s+front\s+"
    r"(?P<n>\d{1,2}|[a-z]+)\s+(?P<unit>months?|quarters?)\b",
    re.IGNORECASE,
)
# A translation's word order for 年底 and 6月底: "Until 2025 year end", "up to this year 6 month
# end" (the end of that year or of that month of it), a point the figures stand at.
_YEAR_END = re.compile(
    r"(?:\b(?:until|till|up\s+to|as\s+(?:of|at)|by|to)\s+)?\b(?P<y>(?:19|20)\d\d|this|last)\s+"
    r"year\s+(?:(?P<m>\d{1,2})\s+months?\s+)?end\b(?!\s+of\b)",  # (not "... year end of August")
    re.IGNORECASE,
)
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11}  # fmt: skip


def word_order_ends(text: str, start: int, end: int, ref: date | None, add: Add) -> None:
    """Add the year and month ends of text[start:end] in a translation's word order: "Until
    2025 year end", "up to this year 6 month end"."""
    for m in _YEAR_END.finditer(text, start, end):
        y = m["y"].lower()
        year_of = int(y) if y.isdigit() else (ref.year - (y == "last") if ref else None)
        month = int(m["m"]) if m["m"] else 12
        if year_of and 1 <= month <= 12:
            add(m.start(), m.end(), month_end(year_of, month), "month", event=False)


def word_order_dates(text: str, start: int, end: int, ref: date | None, add: Add) -> None:
    """Add the days, first months and month ends of text[start:end] in a translation's word
    order: "2025 year 9 month 30 day", "this year front nine month", "as at 9 month end"."""
    for m in _DAY.finditer(text, start, end):
        try:
            day = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            continue  # ("2025 year 2 month 30 day": no such day)
        add(m.start(), m.end(), day, "day", event=False)
    for m in _FRONT.finditer(text, start, end):
        n = int(m["n"]) if m["n"].isdigit() else _COUNTS.get(m["n"].lower(), 0)
        months = n * (3 if m["unit"].lower().startswith("quarter") else 1)
        year = int(m["y"]) if m["y"] else (ref.year - (m["rel"].lower() == "last") if ref else 0)
        if 1 <= months <= 12 and year:
            add(m.start(), m.end(), month_end(year, months), "month", f"P{months}M", event=False)
    if ref is None:
        return
    for m in _MONTH_END.finditer(text, start, end):
        at = month_end(ref.year, int(m["m"]))
        add(m.start(), m.end(), at if at <= ref else month_end(ref.year - 1, at.month), "month",
            event=False)  # fmt: skip
