"""Human wording for figures, dates and periods: "more than HK$375.7bn", "7 Dec 2023"."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

MONEY_PREFIX = {"HKD": "HK$", "USD": "US$", "RMB": "RMB "}
QUALIFIER_WORDS = {"exact": "", "over": "more than ", "about": "about ", "nearly": "nearly ",
                   "up_to": "up to "}  # fmt: skip
_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
                 8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}  # fmt: skip
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def _trim(x: float, digits: int) -> str:
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_amount(value: float, unit: str) -> str:
    """43.4e9 HKD -> 'HK$43.4bn'; 2200 count -> '2,200'; 500 percent -> '500%'."""
    if unit == "percent":
        return f"{_trim(value, 1)}%"
    if unit not in MONEY_PREFIX:
        return _trim(value, 0 if float(value).is_integer() else 2)
    prefix, mag = MONEY_PREFIX[unit], abs(value)
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if mag >= scale:
            digits = 1 if mag / scale < 1000 else 0
            return f"{'-' if value < 0 else ''}{prefix}{_trim(mag / scale, digits)}{suffix}"
    return f"{prefix}{_trim(value, 0)}"


def format_figure(value: float, unit: str, qualifier: str, value_hkd: float | None = None) -> str:
    """'more than US$10bn (about HK$78bn)': the figure as stated, money also in HKD."""
    text = QUALIFIER_WORDS.get(qualifier, "") + format_amount(value, unit)
    if unit in MONEY_PREFIX and unit != "HKD" and value_hkd is not None:
        text += f" (about {format_amount(value_hkd, 'HKD')})"
    return text


@cache
def format_day(d: date) -> str:
    """7 Dec 2023 (made once per date: a series' claims share few)."""
    return f"{d.day} {d.strftime('%b')} {d.year}"


def period_days(period: str | None) -> int | None:
    """ISO-8601 duration -> days (a year 365, a month 30); None when absent or unreadable."""
    if not period:
        return None
    m = _DURATION.match(period.strip().upper())
    if not m or not any(m.groups()):
        return None
    y, mo, w, d = (int(g) if g else 0 for g in m.groups())
    return y * 365 + mo * 30 + w * 7 + d


def period_words(period: str | None) -> str:
    """'P1Y' -> 'one year', 'P6M' -> 'six months'; the raw text when unreadable."""
    m = _DURATION.match((period or "").strip().upper())
    if not m or not any(m.groups()):
        return period or ""
    parts = []
    for n, name in zip(m.groups(), ("year", "month", "week", "day"), strict=True):
        if n:
            k = int(n)
            parts.append(f"{_NUMBER_WORDS.get(k, str(k))} {name}{'s' if k != 1 else ''}")
    return " ".join(parts)


def span_words(days: int) -> str:
    """Elapsed time in words: '12 days', '4 months', '1.5 years'."""
    if days < 60:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 730:
        months = round(days / 30.44)
        return f"{months} months"
    return f"{_trim(days / 365.25, 1)} years"


def factor_words(ratio: float) -> str:
    """2.4 -> '2.4 times'; 8.66 -> '8.7 times'."""
    return f"{_trim(ratio, 1)} times"
