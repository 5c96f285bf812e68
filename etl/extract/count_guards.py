"""Figures with no noun of their own that count no set a metric names: a share said as "N in
M" ("three in five of them"), people counted after "of whom" ("36,000 people, of whom about
16,000 work in ..."), and a set said to range from one kind to another ("2,200 member
companies range from two-person start-ups to listed firms": no listed companies)."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.lexicon import lexicon, phrases_re

_RATIO_BEFORE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+in\s+$", re.I)
_RATIO_AFTER = re.compile(
    r"\s+in\s+(?:\d{1,2}(?![\d,.\-–/])|two|three|four|five|six|seven|eight|nine|ten)\b", re.I
)  # ("three in five of them", not "112 in 2020-21")
_RANGE_VERB = r"\b(?:range|ranging|ranged|vary|varying|varied)\s+from\b"
_RANGED = re.compile(_RANGE_VERB, re.I)  # near a figure's noun ("... companies range from")
_RANGING = re.compile(rf"\s*(?:[\w-]+\s+){{0,3}}?{_RANGE_VERB}", re.I)  # in its words after


def counts_no_set(s: str, start: int, end: int, has_noun: bool) -> bool:
    """Whether the figure starting at `start`, its words at `end`, counts no set: a share
    ("four in ten of this year's intake", "three in five of them"), people after "of whom",
    or (with a noun of its own) a set ranging over kinds, whose kinds it does not count."""
    return (
        _RATIO_BEFORE.search(s, 0, start) is not None
        or _RATIO_AFTER.match(s, end) is not None
        or _of_people().search(s, 0, start) is not None
        or (has_noun and _RANGING.match(s, end) is not None)
    )


def ranges_over_kinds(s: str, end: int) -> bool:
    """Whether the words at or just before `end` (a general noun's end) say its set ranges
    from one kind to another: the kinds narrow nothing."""
    return (
        _RANGING.match(s, end) is not None
        or _RANGED.search(s, max(0, end - 12), end + 12) is not None
    )


@cache
def _of_people() -> re.Pattern[str]:
    """People named right before "of whom" and a figure (not "1,826 companies, of whom 768")."""
    words = phrases_re(lexicon()["figures"]["people_nouns"])
    quals = r"(?:(?:about|around|some|over|nearly|almost|more\s+than)\s+)?"
    return re.compile(rf"\b(?:{words})\s*,?\s+(?:of|among)\s+whom\s+{quals}$", re.IGNORECASE)
