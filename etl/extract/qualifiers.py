"""Qualifiers ("over", "about", "nearly", "up to") and the interval a printed figure implies."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from etl.extract.lexicon import is_word_char, lexicon, phrases_re

_LAST_WORD = re.compile(r"\w+$")
_WORD_RUN = re.compile(r"\w*")


class Qualified(NamedTuple):
    """A qualifier and where its phrase starts (the figure's start when there is none).

    A named tuple: made for every figure, and far cheaper to make than a frozen dataclass.
    """

    qualifier: str  # exact, over, about, nearly, up_to
    start: int


@cache
def _before_re() -> re.Pattern[str]:
    q = lexicon()["qualifiers"]
    groups = [f"(?P<{name}>{phrases_re(q[name])})" for name in ("over", "about", "nearly", "up_to")]
    return re.compile(r"(?:^|(?<=[\s(“\"'‘,]))(?:" + "|".join(groups) + r")\s*$", re.IGNORECASE)


@cache
def _after_re() -> re.Pattern[str]:
    return re.compile("|".join(lexicon()["qualifiers"]["over_after"]), re.IGNORECASE)


@cache
def _phrase_ends() -> tuple[frozenset[str], frozenset[str]]:
    """The last words (lower case) of the qualifier phrases, and their non-word last characters."""
    words, marks = set(), set()
    for name in ("over", "about", "nearly", "up_to"):
        for phrase in lexicon()["qualifiers"][name]:
            if not phrase.strip():
                continue
            if is_word_char(phrase.rstrip()[-1]):
                words.add(_LAST_WORD.search(phrase.rstrip()).group().lower())
            else:
                marks.add(phrase.rstrip()[-1])
    return frozenset(words), frozenset(marks)


def _may_end_with_phrase(text: str) -> bool:
    """False when `text` (less trailing space) cannot end with a qualifier phrase."""
    t = text.rstrip()
    if not t:
        return False
    words, marks = _phrase_ends()
    if not is_word_char(t[-1]):
        return t[-1] in marks
    # The last word: the run of word characters (\w is isalnum() or "_") read backwards.
    word = t[len(t) - _WORD_RUN.match(t[::-1]).end() :]
    return not word.isascii() or word.lower() in words


def qualifier_before(text: str, start: int) -> Qualified:
    """The qualifier whose phrase ends right before `start` (a figure or its currency sign)."""
    window_start = max(0, start - _WINDOW)
    # The search may look one character further back (a lookbehind at the window's start).
    name, offset = _qualifier_ending(text[max(0, window_start - 1) : start], window_start == 0)
    return Qualified(name, start + offset)


@cache
def _over_verb() -> re.Pattern[str]:
    words = phrases_re(lexicon()["qualifiers"]["over_verbs"])
    return re.compile(rf"\b(?:{words})\s+[*_]*$", re.IGNORECASE)


_WINDOW = 24  # the longest qualifier phrase, with room for the spaces around it


@lru_cache(maxsize=8192)
def _qualifier_ending(window: str, at_text_start: bool) -> tuple[str, int]:
    """The qualifier ending `window` and where its phrase starts (an offset from the end, <= 0).

    `window` is the text before a figure, with one more character in front of the searched
    part unless it starts the text: phrases before figures recur, so they are looked up once.
    """
    lo = 0 if at_text_start else 1
    m = _before_re().search(window, lo) if _may_end_with_phrase(window[lo:]) else None
    if m is None:  # ("tops 2,200": "over", and the verb is still the clause's)
        return ("over" if _over_verb().search(window, lo) else "exact"), 0
    name = next(k for k, v in m.groupdict().items() if v)
    return name, m.start() - len(window)


def qualifier_after(text: str, end: int) -> int | None:
    """The end of an "or more" / "+" / "-plus" that follows a figure, if any."""
    m = _after_re().match(text, end)
    return m.end() if m else None


@cache
def _about_after_re() -> re.Pattern[str]:
    return re.compile("|".join(lexicon()["qualifiers"]["about_after"]), re.IGNORECASE)


def about_after(text: str, end: int) -> int | None:
    """The end of an "-odd" / "or so" that follows a figure, if any ("1,600-odd members")."""
    m = _about_after_re().match(text, end)
    return m.end() if m else None


def interval(
    value: float, step: float, qualifier: str, high: float | None = None, count: bool = True
) -> tuple[float, float]:
    """The values a statement allows, reading the printed digits as rounded down.

    over N: N up to the next step of its last printed digit ("over 2,200" -> 2,200-2,300);
    about N and a rounded exact figure: half a step either way; nearly N: just below N,
    within half a step but never more than a tenth of N; up to N: 0 to N; a range: its ends.
    """
    if high is not None:
        return value, high
    if qualifier == "over":
        return value, value + step
    if qualifier == "about":
        return value - step / 2, value + step / 2
    if qualifier == "nearly":
        return value - min(step / 2, abs(value) / 10), value
    if qualifier == "up_to":
        return 0.0, value
    if count and (step <= 1 or value < 100):
        return value, value  # a small or unrounded count is what it says
    return value - step / 2, value + step / 2
