"""Dates that point back: "at that point", "over the same period", "a year earlier".

A back-reference is the time in force: the date (and, for a period, the flow) the running
time anchor holds; "a year earlier" is a year before it (before `ref` when nothing is in
force, or when the sentence speaks of now). The phrases come from `etl/data/calendar.toml`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date
from functools import cache

from etl.calendar import phrase_re, phrases
from etl.extract.lexicon import may_hold_phrase, phrase_words_by_longest
from etl.extract.number_words import parse_words
from etl.extract.regex_parts import last_match
from etl.extract.relative_dates import Add, Anchor, patterns


def back_references(
    text: str,
    start: int,
    end: int,
    anchor: Callable[[int], Anchor | None],
    ref: date | None,
    add: Add,
) -> None:
    """ "at that point", "over the same period", "a year earlier": the time in force.

    `anchor(pos, point=False)` is the time in force at `pos` (an earlier date of the sentence,
    else of an earlier sentence; `point`: the last point in time), or None when nothing gave
    one ("a year earlier" then counts back from `ref`); it is called only when a phrase points
    back.
    """
    if not may_hold_phrase(text, start, end, _back_words()):
        return
    found = list(patterns()["back"].finditer(text, start, end))
    skip = None
    for i, m in enumerate(found):
        if m is skip or (m["period"] and _SPAN_END_AFTER.match(text, m.end(), end)):
            continue  # ("in the year to March": a span of its own, not the period in force)
        held = anchor(m.start())
        nxt = found[i + 1] if i + 1 < len(found) else None
        if m["later"] or m["ylater"]:  # "... to more than 150 a year later": on from then
            count = 1 if m["later"] else _years(m["count"])
            later = _year_before(held[0], -count) if held and count else None
            # (a time a later sentence may refer back to, as a date it gives)
            if later is not None and ref is not None and later > ref and later.year == ref.year:
                add(m.start(), m.end(), ref, "day")  # (no later than the time of writing)
            elif later is not None and (ref is None or later <= ref):
                add(m.start(), m.end(), later, held[1])
        elif m["earlier"] or m["years"] or m["months"]:
            if ref and (
                m.group().lower().endswith(_from_now()) or _now_in_force(text, start, m, anchor)
            ):
                held = None  # "45 now ..., up from 30 a year earlier", "two years ago": from now
            base = held or ((ref, "day", None) if ref else None)
            count = 1 if m["earlier"] else _years(m["count"])
            if base is None or count is None:
                continue
            precision = "month" if base[1] == "day" else base[1]
            back = _months_before(base[0], count) if m["months"] else _year_before(base[0], count)
            add(m.start(), m.end(), back, precision, None, "earlier")
        elif held is None:
            continue
        elif m["period"] and nxt and nxt["earlier"] and not text[m.end() : nxt.start()].strip():
            # "in the same period a year earlier": the period in force, a year before
            as_of, precision, period = held
            period = period or _whole(precision)
            add(m.start(), nxt.end(), _year_before(as_of), precision, period, "earlier")
            skip = nxt
        elif m["period"] and (last := _last_year_after().match(text, m.end(), end)):
            # "in the same period last year": the period in force, a year before
            as_of, precision, period = held
            period = period or _whole(precision)
            add(m.start(), last.end(), _year_before(as_of), precision, period, "earlier")
        elif m["period"] and (year := _YEAR_AFTER.match(text, m.end(), end)):
            # "in the same period of 2025": the period in force, in that year
            as_of, precision, period = held
            period = period or _whole(precision)
            add(m.start(), year.end(), _in_year(as_of, int(year[1])), precision, period, "earlier")
        elif m["period"]:
            as_of, precision, period = held
            whole = "P1Y" if _names_a_year(m["period"]) else _whole(precision)
            add(m.start(), m.end(), as_of, precision, period or whole, "back")
        else:  # "at that point", "as at the same date": the last point in time
            held = anchor(m.start(), point=True) if held[2] else held
            if held is not None:
                add(m.start(), m.end(), held[0], held[1], None, "back")


def _now_in_force(
    text: str, start: int, m: re.Match[str], anchor: Callable[[int], Anchor | None]
) -> bool:
    """Whether the text before a phrase that counts back (`m`) speaks of now ("45 now ..., up
    from 30 a year earlier") with no date it states in between ("said this week that it had
    raised HK$28.6 billion as at June 2021, up from HK$14.3 billion two years earlier": from
    June 2021)."""
    now = last_match(patterns()["present"], text, start, m.start())
    return now is not None and anchor(now.end()) == anchor(m.start())


def _year_before(when: date, years: int = 1) -> date:
    try:
        return when.replace(year=when.year - years)
    except ValueError:  # 29 February
        return when.replace(year=when.year - years, day=28)


def _in_year(when: date, year: int) -> date:
    return _year_before(when, when.year - year)


def _months_before(when: date, months: int) -> date:
    """The end of the month `months` before `when`'s ("six months ago", in June: December)."""
    index = when.year * 12 + when.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def _years(count: str) -> int | None:
    """The number of years in "two years earlier" or "3 years before" (at most 30); of
    months in "six months ago"."""
    n = int(count) if count.isdigit() else parse_words(count)
    return int(n) if n is not None and n == int(n) and 1 <= n <= 30 else None


def after_same_period(text: str, start: int, pos: int) -> bool:
    """Whether text[start:pos] ends with "the same period" ("in the same period last year":
    one back-reference, a year before the period in force)."""
    return _same_period_before().search(text, max(start, pos - 40), pos) is not None


_SPAN_END_AFTER = re.compile(r"\s+(?:to|ended|ending|through|until)\b", re.IGNORECASE)
# "of 2025" right after "the same period": the year the period is taken in.
_YEAR_AFTER = re.compile(r"\s*(?:of|in)\s+((?:19|20)\d\d)\b(?![-–/]\d)")


@cache
def _same_period_before() -> re.Pattern[str]:
    return re.compile(rf"(?:{phrase_re('same_period')})\s*$", re.IGNORECASE)


@cache
def _last_year_after() -> re.Pattern[str]:
    """ "last year" (or "of last year") right after a phrase: the year before."""
    return re.compile(rf"\s*(?:of\s+)?(?:{phrase_re('last_year')})(?![\w-])", re.IGNORECASE)


def _names_a_year(phrase: str) -> bool:
    return " ".join(phrase.lower().split()) in _same_year()


@cache
def _same_year() -> frozenset[str]:
    return frozenset(p.lower() for p in phrases("same_year"))


@cache
def _from_now() -> tuple[str, ...]:
    return tuple(w.lower() for w in phrases("from_now"))


@cache
def _back_words() -> dict[str, tuple[tuple[str, ...], ...]] | None:
    """The words of every back-reference phrase (`phrase_words_by_longest`): a cheap test
    before the full one, which tries a count of years at every word."""
    keys = ("year_earlier", "years_earlier", "months_earlier", "same_period", "same_time",
            "year_later", "years_later")  # fmt: skip
    return phrase_words_by_longest([phrase for key in keys for phrase in phrases(key)])


def _whole(precision: str) -> str | None:
    """The flow a period of that precision spans: a year ("in 2024") is P1Y."""
    return "P1Y" if precision == "year" else None
