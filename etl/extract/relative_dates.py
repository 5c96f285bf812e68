"""Dates in a sentence that need more than the sentence: a year, or an earlier sentence's time.

- A month or day without a year ("as at 30 September", "in July", "by the end of June",
  "up to this year June" in translated text) takes the year of `ref` (the section's date),
  the year before when that would put it after `ref` (not the month of writing itself: "in
  June" written in June is that June): a figure is never dated after its publication.
- A range ends where it ends: "between April and September" is September, a flow of six
  months ("last year" or a year after the second month moves it); "from 1 April 2019 to
  31 March 2020" is 31 March 2020.
- "mid-2021" is June 2021; "at mid-year" and "at the start of the year" are June and January
  of the year in force.
- "a year earlier" is a year before the time in force (`anchor`, else `ref`).
- A back-reference ("at that point", "over the same period", "a year earlier"):
  etl.extract.back_references.
The phrases come from `etl/data/calendar.toml` (all its languages at once); the patterns
only join them with numbers, and with the ordinal endings and "the"/"of" of English dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache, partial
from itertools import chain

from etl.calendar import (
    alternation,
    month_end,
    month_numbers,
    month_of,
    month_re,
    phrase_re,
    phrases,
    quarter_numbers,
)
from etl.extract.lazy_patterns import LazyPatterns
from etl.extract.lexicon import may_hold_all, needed_words
from etl.extract.regex_parts import lower_case_twin

_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_NOT_A_YEAR_AFTER = rf"(?!\s*,?\s*{_YEAR})(?![\w-])"

# add(start, end, as_of, precision, period=None, kind="date", event=None: found from the words)
Add = Callable[..., None]
Anchor = tuple[date, str, str | None]  # as_of, precision, period


@cache
def patterns() -> LazyPatterns:
    """The patterns by name, each compiled when first used (most texts need few of them)."""
    return LazyPatterns({name: partial(_pattern, name) for name in _SOURCES})


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(_SOURCES[name](), re.IGNORECASE)


@cache
def _lower_patterns() -> LazyPatterns:
    """`yearless_dates`' patterns for text lower-cased by `safe_lower` (see `for_lower_case`):
    the same matches, found far quicker without case folding."""
    twin = lambda name: lower_case_twin(_SOURCES[name](), re.IGNORECASE)  # noqa: E731
    return LazyPatterns({name: partial(twin, name) for name in ("range", "dash_range", "yearless")})


def _day_month() -> str:
    return rf"(?:(?P<d1>{_DAY})\s+(?:of\s+)?)?(?P<mon>{month_re()})(?:\.?\s+(?P<d2>{_DAY}))?"


def _rel() -> str:
    return alternation([*phrases("this_year"), *phrases("last_year")])


def _range_end(d: str, m: str, y: str) -> str:
    return (
        rf"(?:(?P<{d}>{_DAY})\s+(?:of\s+)?)?(?P<{m}>{month_re()})(?:\.?\s+(?P<{d}b>{_DAY}))?"
        rf"(?:,?\s+(?P<{y}>{_YEAR}))?"
    )


_SOURCES: dict[str, Callable[[], str]] = {
    "range": lambda: (
        rf"(?<!\w)(?:{phrase_re('range_openers')})\s+{_range_end('a', 'm1', 'y1')}\s+"
        rf"(?:{phrase_re('range_joiners')})\s+{_range_end('b', 'm2', 'y2')}"
        rf"(?:\s+(?P<rel>{_rel()}))?(?![\w-])"
    ),
    # "1 July 2015 – 30 June 2016": two dates joined by a dash, the second with its year.
    "dash_range": lambda: (
        rf"(?<![\w-]){_range_end('a', 'm1', 'y1')}\s*[-–—]\s*{_range_end('b', 'm2', 'y2')}"
        r"(?![\w-])"
    ),
    "yearless": lambda: (
        rf"(?<![\w-])(?P<open>(?:{phrase_re('end_of')})\s*|(?:{phrase_re('point_openers')})\s+)"
        rf"(?:(?P<rel0>{_rel()})\s+)?"
        rf"(?:the\s+)?{_day_month()}(?:\s+(?P<rel>{_rel()}))?{_NOT_A_YEAR_AFTER}"
        r"(?!\.?\s+\d)"  # (not "as at December" of "as at December 31, 2019")
    ),
    "middle": lambda: (
        rf"(?<![\w-])(?:(?P<end>{phrase_re('year_end')}|{phrase_re('late_of')})"
        rf"|(?P<early>{phrase_re('early_of')})|{phrase_re('middle_of')})"
        rf"\s*(?P<year>{_YEAR})\b"
    ),
    "half": lambda: (
        rf"(?<![\w-])(?:(?P<first>{phrase_re('first_half')})|{phrase_re('second_half')})"
        rf"(?:\s*(?:(?P<year>{_YEAR})\b|(?P<rel>{_rel()})(?![\w-])|(?P<the>the\s+year)\b)"
        # (alone: "First-half highlights"; not "the first half of a session")
        r"|(?<!\bof)(?![\w-])(?!\s+of\b))"
    ),
    "back": lambda: (
        rf"(?<![\w-])(?:(?P<earlier>{phrase_re('year_earlier')})|(?P<later>{phrase_re('year_later')})"
        rf"|(?P<count>\d{{1,2}}|[^\W\d_]+)\s*(?:(?P<years>{phrase_re('years_earlier')})"
        rf"|(?P<ylater>{phrase_re('years_later')})|(?P<months>{phrase_re('months_earlier')}))"
        rf"|(?P<period>{phrase_re('same_period')})|(?P<time>{phrase_re('same_time')}))(?![\w-])"
    ),
    "part": lambda: (
        rf"(?<![\w-])(?:(?P<rel0>{_rel()})(?:['’]s)?\s+)?"
        rf"(?:(?P<q>{alternation(list(quarter_numbers()))})"
        rf"|(?:{phrase_re('first_months')})\s+(?P<n>\d{{1,2}}|[a-z]+)\s+"
        rf"(?:{phrase_re('months_word')}|(?P<qs>{phrase_re('quarters_word')})))"
        rf"(?:\s+(?:of\s+)?(?:(?P<year>{_YEAR})\b|(?P<rel>{_rel()})(?![\w-])|the\s+year\b))?"
    ),
    "month_span": lambda: (
        rf"(?<![\w-])(?:(?P<rel>{_rel()})|(?P<year>{_YEAR})\s*年?)\s*(?P<m1>1[0-2]|0?[1-9])\s*"
        rf"(?:{phrase_re('range_joiners')}|[-–~])\s*(?P<m2>1[0-2]|0?[1-9])\s*"
        rf"(?:{phrase_re('month_counter')})(?![^\W\d_])"
    ),
    "year_point": lambda: (
        rf"(?<![\w-])(?:(?:(?P<start>{phrase_re('year_start')})|{phrase_re('year_middle')})\s+"
        rf"(?:(?P<year>{_YEAR})\b|(?P<rel>{_rel()})(?![\w-])|the\s+year(?![\w-]))"
        rf"|{phrase_re('mid_year')}(?![\w-]))"
    ),
    "since": lambda: (
        rf"(?<![\w-])(?:{phrase_re('since')})\s+(?P<mon>{month_re()})(?!\s*,?\s*\d|[\w-])"
    ),
    "season": lambda: rf"(?<![\w-])(?:{phrase_re('this_season')})(?![\w-])",
    "stands_at": lambda: rf"(?:{phrase_re('stands_at')})(?![\w-])",
    "stands_before": lambda: rf"(?<![\w-])(?:{phrase_re('stands_at')}|{phrase_re('end_of')})\s*$",
    "end_of": lambda: rf"(?:{phrase_re('end_of')})",
    "present": lambda: rf"(?<![\w-])(?:{phrase_re('present')})(?![\w-])",
    "present_point": lambda: rf"(?<![\w-])(?:{phrase_re('present_point')})(?![\w-])",
}


# For the patterns that only a rare text can match: the phrase lists each match must hold a
# phrase of (one list of each group), for a cheap test before the pattern is compiled or run.
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "range": (("range_openers",), ("months",)),
    "dash_range": (("months",),),
    "half": (("first_half", "second_half"),),
    "part": (("quarters", "first_months"),),
    "month_span": (("month_counter",),),
    "since": (("since",), ("months",)),
    "year_point": (("year_start", "year_middle", "mid_year"),),
    "present": (("present",),),
    "present_point": (("present_point",),),
}


@cache
def _needed(name: str) -> tuple[tuple[str, ...] | None, ...]:
    def listed(key: str) -> list[str]:
        if key == "months":
            return list(month_numbers())
        return list(quarter_numbers()) if key == "quarters" else list(phrases(key))

    return tuple(needed_words([p for key in keys for p in listed(key)]) for keys in _NEEDS[name])


def _matches(
    name: str, text: str, start: int, end: int, low: str | None = None
) -> Iterable[re.Match[str]]:
    """`patterns()[name].finditer(text, start, end)`; none, with no pattern compiled or run,
    when text[start:end] lacks every phrase of a list the pattern needs a phrase of. With
    `low` (`text` lower-cased), the lower-case pattern in `low`: the same spans."""
    if not may_hold_all(text, start, end, _needed(name)):
        return ()
    if low is not None:
        return _lower_patterns()[name].finditer(low, start, end)
    return patterns()[name].finditer(text, start, end)


@cache
def _last_year_words() -> frozenset[str]:
    return frozenset(" ".join(p.lower().split()) for p in phrases("last_year"))


def _at(year: int, month: int, day: str | None) -> date | None:
    """Day `day` of the month, or the month's last day; None when there is no such day."""
    try:
        return date(year, month, int(day.rstrip("stndrh"))) if day else month_end(year, month)
    except ValueError:
        return None


def _year_of(ref: date, month: int, day: str | None, rel: str | None) -> int:
    """The year of a month without one: `ref`'s, or the one before if that would pass `ref`."""
    if rel is not None:
        return ref.year - 1 if " ".join(rel.lower().split()) in _last_year_words() else ref.year
    found = _at(ref.year, month, day)
    current = day is None and month == ref.month  # the month of writing, still running
    return ref.year - 1 if found is not None and found > ref and not current else ref.year


def yearless_dates(
    text: str, start: int, end: int, ref: date | None, add: Add, low: str | None = None
) -> None:
    """Ranges of months and months without a year ("between April and September", "in July");
    `low`: `text` lower-cased by `safe_lower`, if known, searched instead."""
    if ref is None:
        return
    dashed = (m for m in _matches("dash_range", text, start, end, low) if m["y2"])
    for found in chain(_matches("range", text, start, end, low), dashed):
        m = _as_written(found, text)
        m1, m2 = month_of(m["m1"]), month_of(m["m2"])
        if not m1 or not m2:
            continue
        d2 = m["b"] or m["bb"]
        y2 = int(m["y2"]) if m["y2"] else _year_of(ref, m2, d2, m["rel"])
        y1 = int(m["y1"]) if m["y1"] else (y2 if m1 <= m2 else y2 - 1)
        when = _at(y2, m2, d2)
        months = (y2 - y1) * 12 + m2 - m1 + 1
        if when is None or months < 1:
            continue
        d1 = m["a"] or m["ab"]
        whole = (not d1 or int(d1.rstrip("stndrh")) == 1) and (not d2 or month_end(y2, m2) == when)
        add(found.start(), found.end(), when, "day" if d2 else "month",
            _months(months) if whole else None)  # fmt: skip
    pattern, hay = (
        (patterns()["yearless"], text) if low is None else (_lower_patterns()["yearless"], low)
    )
    for found in pattern.finditer(hay, start, end):
        m = _as_written(found, text)
        month = month_of(m["mon"])
        day = m["d1"] or m["d2"]
        if not month:
            continue
        when = _at(_year_of(ref, month, day, m["rel"] or m["rel0"]), month, day)
        if when is not None:
            add(found.start(), found.end(), when, "day" if day else "month")


def _as_written(m: re.Match[str], text: str) -> dict[str, str | None]:
    """The groups of `m` as `text` writes them (a match in `text` lower-cased: the same spans)."""
    spans = {name: m.span(name) for name in m.re.groupindex}
    return {name: text[a:b] if a >= 0 else None for name, (a, b) in spans.items()}


def _months(n: int) -> str:
    return f"P{n // 12}Y" if n % 12 == 0 else f"P{n}M"


def middle_dates(text: str, start: int, end: int, add: Add) -> None:
    """ "mid-2021": the end of June that year; "end-2021", "year-end 2021", "late 2021": of
    December; "early 2022": of March."""
    for m in patterns()["middle"].finditer(text, start, end):
        month = 12 if m["end"] else 3 if m["early"] else 6
        add(m.start(), m.end(), month_end(int(m["year"]), month), "month")


def half_dates(text: str, start: int, end: int, ref: date | None, add: Add) -> None:
    """ "the second half of 2025", "H1 2024", "the first half of this year" (or "of the
    year": the year of writing): six months."""
    for m in _matches("half", text, start, end):
        if m["year"]:
            year = int(m["year"])
        elif ref is None:
            continue
        elif m["the"]:  # "the first half of the year": of the year of writing
            year = ref.year
        elif m["rel"]:
            last = " ".join(m["rel"].lower().split()) in _last_year_words()
            year = ref.year - 1 if last else ref.year
        else:  # alone: the last such half to have ended by the time of writing
            months = 6 if m["first"] else 12
            year = ref.year if month_end(ref.year, months) <= ref else ref.year - 1
        add(m.start(), m.end(), month_end(year, 6 if m["first"] else 12), "month", "P6M")


def month_span_dates(text: str, start: int, end: int, ref: date | None, add: Add) -> None:
    """ "this year 1 to 5 month", "2019年1至5月": months numbered within a year, a flow to the
    end of the last (the usual form in Chinese, and in text translated from it)."""
    for m in _matches("month_span", text, start, end):
        first, last = int(m["m1"]), int(m["m2"])
        if last <= first:
            continue
        if m["year"]:
            year = int(m["year"])
        elif ref is None:
            continue
        else:
            rel = " ".join(m["rel"].lower().split())
            year = ref.year - 1 if rel in _last_year_words() else ref.year
        add(m.start(), m.end(), month_end(year, last), "month", f"P{last - first + 1}M")


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11}  # fmt: skip


def part_dates(text: str, start: int, end: int, ref: date | None, add: Add) -> None:
    """Parts of a year, each a flow to its end: "the first quarter" (of `ref`'s year, or the
    year before if it has not ended by `ref`), "Q3 2024", "the first nine months of this
    year", "the first three quarters of 2022", "last year's first quarter"; "since January"
    (a flow from that month to `ref`); "this autumn" (`ref`)."""
    pats = patterns()
    bound = {" ".join(q.lower().split()) for q in phrases("year_bound_quarters")}
    for m in _matches("part", text, start, end):
        if m["q"] and not m["year"] and " ".join(m["q"].lower().split()) in bound:
            continue  # "a strong final quarter": which year's, the text does not say
        if m["q"]:
            months = 3 * quarter_numbers()[" ".join(m["q"].lower().split())]
        else:
            n = m["n"].lower()
            months = (int(n) if n.isdigit() else _COUNTS.get(n, 0)) * (3 if m["qs"] else 1)
        if not 1 < months <= 12 and not m["q"]:
            continue
        if m["year"]:
            year = int(m["year"])
        elif ref is None:
            continue
        elif m["rel"] or m["rel0"]:  # "the first quarter of last year", "this year's Q1"
            last = " ".join((m["rel"] or m["rel0"]).lower().split()) in _last_year_words()
            year = ref.year - 1 if last else ref.year
        else:
            year = ref.year if month_end(ref.year, months) <= ref else ref.year - 1
        add(m.start(), m.end(), month_end(year, months), "month", "P3M" if m["q"] else
            _months(months))  # fmt: skip
    if ref is None:
        return
    for m in _matches("since", text, start, end):
        month = month_of(m["mon"])
        if month and month <= ref.month:
            period = _months(ref.month - month) if month < ref.month else None
            add(m.start(), m.end(), ref, "day", period, "date", False)  # (no event's date)
    for m in pats["season"].finditer(text, start, end):
        add(m.start(), m.end(), ref, "day")


def year_points(
    text: str,
    start: int,
    end: int,
    anchor: Callable[..., Anchor | None],
    ref: date | None,
    add: Add,
) -> None:
    """ "at the start of the year", "at mid-year", "by the middle of 2019": the end of the
    first or sixth month of the year named, else of the year in force (`anchor`, else `ref`)."""
    for m in _matches("year_point", text, start, end):
        if m["year"]:
            year = int(m["year"])
        elif m["rel"]:
            if ref is None:
                continue
            last = " ".join(m["rel"].lower().split()) in _last_year_words()
            year = ref.year - 1 if last else ref.year
        else:
            held = anchor(m.start())
            base = held[0] if held is not None else ref
            if base is None:
                continue
            year = base.year
        add(m.start(), m.end(), month_end(year, 1 if m["start"] else 6), "month")


def stands_at(text: str, start: int, end: int) -> bool:
    """Whether the date phrase text[start:end] gives the time a figure stands at ("as at", "by
    the end of"): never an event's date, even after "set up" or "opened"."""
    return patterns()["stands_at"].match(text, start, end) is not None


def says_stands_at(text: str, start: int, end: int) -> bool:
    """Whether the date phrase text[start:end] is the time figures stand at: after "as at" or
    "as of", or the end of a month or year ("at the end of June 2025")."""
    pats = patterns()
    return bool(
        pats["end_of"].match(text, start, end)
        or pats["stands_at"].match(text, start, end)
        or pats["stands_before"].search(text, 0, start)
    )


def speaks_of_now(text: str, start: int, end: int, point: bool = False) -> bool:
    """Whether text[start:end] says it speaks of the time it was written ("now", "to date";
    `point`: only the words that say so after a date, "now", not "so far")."""
    kind = "present_point" if point else "present"
    return next(iter(_matches(kind, text, start, end)), None) is not None
