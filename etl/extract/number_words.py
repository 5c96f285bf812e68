"""Numbers spelt out: the words, a pattern for them, their values, and a quick test for them."""

from __future__ import annotations

import re
from functools import cache

from text_to_num import alpha2digit, text2num

from etl.extract.lexicon import lexicon, phrases_re

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


# Ordinal numbers from the second on ("fifth", "twenty-first", "12th").
_ORDINAL_UNITS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORDINAL_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                  "sixteenth", "seventeenth", "eighteenth", "nineteenth"]  # fmt: skip
_ORDINAL_TENS = ["twentieth", "thirtieth", "fortieth", "fiftieth"]
ORDINAL = r"(?:(?:twenty|thirty|forty)-(?:first|{u})|{u}|{t}|{d}|\d{{1,3}}(?:st|nd|rd|th))".format(
    u="|".join(_ORDINAL_UNITS), t="|".join(_ORDINAL_TEENS), d="|".join(_ORDINAL_TENS)
)


def parse_ordinal(word: str) -> int | None:
    """'fifth' -> 5, 'twenty-first' -> 21, '12th' -> 12; None when it is no ordinal."""
    digits = alpha2digit(word.lower(), "en", threshold=0).strip()
    return int(digits[:-2]) if digits[:-2].isdigit() else None


def ordinal_counted(text: str, low: str | None = None) -> list[re.Match[str]]:
    """The ordinals telling a count in `text` ("the community's fifth listed company"), each
    match's group "ord" the ordinal, in order; `low`: the text lower-cased, if at hand (with
    the same offsets). Looked for only around the words every such phrase holds."""
    heads = ordinal_count_positions(text.lower() if low is None else low)
    if not heads:
        return []
    pattern, determiner = _ordinal_patterns()
    found: dict[int, re.Match[str]] = {}
    for i in heads:
        for m in pattern.finditer(text, max(0, i - 60), i + 40):
            a = m.start()
            if a not in found and determiner.search(text, max(0, a - 40), a):
                found[a] = m
    return [found[a] for a in sorted(found)]


def ordinal_count_positions(low: str | bytes) -> list[int]:
    """Where a word that an ordinal telling a count needs stands with an ordinal just before
    it, in a lower-cased text or a SCAN_TABLE copy of one: a superset of where
    `ordinal_counted` finds one."""
    return [i for i in _head_words_at(low) if _ordinal_just_before(low[max(0, i - 60) : i])]


def _head_words_at(low: str | bytes) -> list[int]:
    words = _ORDINAL_HEAD_WORDS if isinstance(low, str) else _ORDINAL_HEAD_BYTES
    out = []
    for w in words:
        i = low.find(w)  # type: ignore[arg-type]
        while i >= 0:
            out.append(i)
            i = low.find(w, i + 1)  # type: ignore[arg-type]
    return out


def _ordinal_just_before(low: str | bytes) -> bool:
    """Whether one of the last three words of lower-cased text is an ordinal (a quick test: a
    SCAN_TABLE copy turns "12th" into "00th", and "twenty-first" into two words)."""
    for word in low.split()[-3:]:
        if isinstance(word, bytes):
            word = word.decode()
        if word in _ORDINAL_WORDS or (word[-2:] in _SUFFIXES and word[:-2].isdigit()):
            return True
    return False


_ORDINAL_HEAD_WORDS = ("unicorn", "list", "public")  # one of them is in every head
_ORDINAL_HEAD_BYTES = tuple(w.encode() for w in _ORDINAL_HEAD_WORDS)
_ORDINAL_WORDS = frozenset(
    _ORDINAL_UNITS + _ORDINAL_TEENS + _ORDINAL_TENS + ["first"]
    + [f"{t}-{u}" for t in ("twenty", "thirty", "forty") for u in ["first", *_ORDINAL_UNITS]]
)  # fmt: skip
_SUFFIXES = frozenset(("st", "nd", "rd", "th"))


@cache
def _ordinal_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    fig = lexicon()["figures"]
    head, owner = fig["ordinal_counted"], fig["definite_owner"]
    return (
        re.compile(rf"\b(?P<ord>{ORDINAL})\s+(?:[\w-]+\s+)?{head}", re.IGNORECASE),
        re.compile(rf"{owner}\s+$", re.IGNORECASE),
    )
