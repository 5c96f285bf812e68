"""Numbers spelt out: the words, a pattern for them, their values, and a quick test for them."""

from __future__ import annotations

import re

from text_to_num import text2num

from etl.extract.lexicon import phrases_re

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD = r"(?:{})".format("|".join(sorted(_UNITS + _TENS, key=len, reverse=True)))
_WORD_SEQ = (
    rf"\b(?:{_WORD}(?:-{_WORD})?)(?:\s+(?:and\s+)?(?:hundred|thousand|million|billion|{_WORD}"
    rf"(?:-{_WORD})?))*(?:\s+dozen)?\b|\bhalf\s+a\s+dozen\b|\b(?:a|one)\s+(?:hundred|thousand)\b"
    rf"|\b(?:a|one)\s+dozen\b|\bdozen\b"
)
WORD_RE = re.compile(_WORD_SEQ, re.IGNORECASE)
HAS_WORD = re.compile(rf"\b(?:{_WORD}|dozen|hundred)\b", re.IGNORECASE)
# Every number word starts with one of these; a quick search of lower-cased text for them
# rules out most sentences before the slower case-insensitive patterns run.
NUMBER_WORDS = (*_UNITS, *_TENS, "dozen", "hundred", "thousand")
NUMBER_WORD_SET = frozenset(NUMBER_WORDS)  # (for membership tests)
# A byte copy of a text, one byte per character, that keeps only what a number is made of:
# "0" for every ASCII digit, lower-case ASCII letters, and a space for everything else (so
# a word starts after a space). Byte searches run far quicker than Unicode patterns.
SCAN_TABLE = bytes(
    48 if 48 <= b <= 57 else b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 else 32
    for b in range(256)
)
# A number word's start in " " + scan: the space before it, then the word's letters.
WORD_START = re.compile(b" (?:" + phrases_re(list(NUMBER_WORDS)).encode() + b")")
# Letters that re.IGNORECASE equates with an ASCII letter of a number word ("ſix").
ODD_LETTERS = ("ſ", "ı", "İ")


def parse_words(text: str) -> float | None:
    """'seven' -> 7, 'a dozen' -> 12, 'two hundred and fifty' -> 250; None when not a number."""
    t = " ".join(text.lower().split())
    if t in ("dozen", "a dozen", "one dozen"):
        return 12.0
    if t == "half a dozen":
        return 6.0
    if t.endswith(" dozen"):  # "two dozen"
        times = parse_words(t[: -len(" dozen")])
        return None if times is None else times * 12
    if t.startswith("a "):
        t = "one " + t[2:]
    try:
        return float(text2num(t, "en"))
    except (ValueError, TypeError, IndexError, KeyError):
        return None


def word_step(value: float) -> float:
    """The place of the last digit a spelt-out number stands for ("two hundred": 100)."""
    if value < 100 or value % 10:
        return 1.0
    step = 1.0
    while value % (step * 10) == 0:
        step *= 10
    return step


def may_have_number_words(text: str) -> bool:
    """False only when `text` certainly holds no word that starts as a number word does."""
    if not text.isascii() and any(c in text for c in ODD_LETTERS):
        return True
    scan = text.encode("ascii", "replace").translate(SCAN_TABLE)
    return WORD_START.search(b" " + scan) is not None
