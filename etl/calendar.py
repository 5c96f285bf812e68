"""The words dates are written with, every language of `etl/data/calendar.toml` together.

Reading builds its weekday and year-less date-line patterns from these lists, and extraction
its phrases for the date of a figure ("between April and September", "at that point").
"""

from __future__ import annotations

import calendar
import re
import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

CALENDAR = Path(__file__).resolve().parent / "data" / "calendar.toml"


@cache
def _languages() -> dict[str, dict[str, Any]]:
    with CALENDAR.open("rb") as f:
        return tomllib.load(f)


@cache
def phrases(key: str) -> tuple[str, ...]:
    """The phrases listed under `key` in every language, longest first (a key no language
    lists is an error: its empty alternation would match anywhere)."""
    if not any(key in table for table in _languages().values()):
        raise KeyError(f"no language lists {key!r}")
    found = {
        v
        for table in _languages().values()
        for p in table.get(key, [])
        for v in _shorthand_forms(p, table.get("shorthand", {}))
    }
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


def _shorthand_forms(phrase: str, short: dict[str, list[str]]) -> set[str]:
    """`phrase` and each way of writing it with a word's shorthand ("a yr earlier")."""
    forms = {""}
    for word in phrase.split(" "):
        forms = {f"{f} {w}".lstrip() for f in forms for w in (word, *short.get(word, []))}
    return forms


@cache
def month_numbers() -> dict[str, int]:
    """Each month name or abbreviation (lower case) -> 1-12."""
    return {
        name.lower(): i
        for table in _languages().values()
        for i, names in enumerate(table.get("months", []), start=1)
        for name in names
    }


@cache
def weekday_numbers() -> dict[str, int]:
    """Each weekday name or abbreviation (lower case) -> 0 (Monday) to 6 (Sunday)."""
    return {
        name.lower(): i
        for table in _languages().values()
        for i, names in enumerate(table.get("weekdays", []), start=0)
        for name in names
    }


@cache
def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def fiscal_year_end_month() -> int:
    """The month a fiscal year ends in (the first language's setting)."""
    return int(next(iter(_languages().values())).get("fiscal_year_end_month", 12))


def alternation(names: list[str] | tuple[str, ...]) -> str:
    """A regular-expression alternation of literal phrases, longest first; a space is any space."""
    ordered = sorted(set(names), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, n.split(" "))) for n in ordered) + ")"


def phrase_re(key: str) -> str:
    """`alternation` of the phrases listed under `key`."""
    return alternation(phrases(key))


@cache
def phrase_words(key: str) -> re.Pattern[str]:
    """The phrases listed under `key`, found as whole words in any case."""
    return re.compile(rf"(?<!\w){phrase_re(key)}(?!\w)", re.IGNORECASE)


@cache
def quarter_numbers() -> dict[str, int]:
    """Each name of a quarter (lower case, spaces single) -> 1-4."""
    return {
        " ".join(name.lower().split()): i
        for table in _languages().values()
        for i, names in enumerate(table.get("quarters", []), start=1)
        for name in names
    }


@cache
def _month_stems() -> tuple[str, ...]:
    """The month names (lower case) that hold no other one ("jan", not "january")."""
    names = set(month_numbers())
    return tuple(sorted(n for n in names if not any(o != n and o in n for o in names)))


def may_name_month(text: str) -> bool:
    """False only when `text` holds no month name in any case (`month_re` cannot match it);
    True when lower-casing cannot stand for case-blind matching ("İ", "ſ", "ı")."""
    low = text.lower()
    if len(low) != len(text) or "ı" in low or "ſ" in low:
        return True
    return _month_stems_re().search(low) is not None


@cache
def _month_stems_re() -> re.Pattern[str]:
    """Any of `_month_stems` anywhere: one scan instead of a test per stem."""
    return re.compile("|".join(map(re.escape, _month_stems())))


@cache
def month_re() -> str:
    """Any month name or abbreviation, not followed by a letter."""
    return alternation(list(month_numbers())) + r"(?![^\W\d_])"


@cache
def weekday_re() -> str:
    """Any weekday name or abbreviation, not followed by a letter."""
    return alternation(list(weekday_numbers())) + r"(?![^\W\d_])"


def weekday_of(name: str) -> int | None:
    """0-6 for a weekday name the patterns matched, else None."""
    return weekday_numbers().get(name.lower().rstrip("."))


def month_of(name: str) -> int | None:
    """1-12 for a month name the patterns matched, else None."""
    return month_numbers().get(name.lower().rstrip("."))


def year_for(month: int, day: int, weekday: int | None, years: list[int]) -> date | None:
    """The date `day` `month` in the first of `years` it exists in and falls on `weekday`.

    `years` are the candidates in order of preference (the nearest heading's first). With a
    weekday, a year it contradicts is skipped, and the year after each candidate is tried
    last (a digest's sections after New Year); with none that fits, there is no date.
    """
    tried = list(dict.fromkeys(years))
    if weekday is not None:
        tried += [y + 1 for y in years if y + 1 not in tried]
    return next((d for y in tried if (d := day_on(y, month, day, weekday)) is not None), None)


def day_on(year: int, month: int, day: int, weekday: int | None) -> date | None:
    """`day` `month` of `year`, if it exists there and falls on `weekday` (any, when None)."""
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return d if weekday is None or d.weekday() == weekday else None
