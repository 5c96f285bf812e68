"""Figures in machine-translated text, which keeps the source language's word order: a
measure word after the figure ("800 home" for 800家), the noun before it ("Financial
technology company also near 350 home"), and nouns left in the singular ("1200 company")."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from etl.extract.candidates import CLAUSE_START, MetricCandidate
from etl.extract.figure_text import WORDS
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.metrics import classify
from etl.extract.noun_phrases import NP_STOP
from etl.extract.numbers import NumberMention


class Measure(NamedTuple):
    """A measure word after a figure ("800 home" for 800家 in translated text)."""

    end: int
    more: bool  # "1,800 many home": over 1,800


@cache
def _measure_re() -> re.Pattern[str]:
    f = lexicon()["figures"]
    return re.compile(
        rf"[ \t]+(?P<more>(?:{phrases_re(f['measure_more'])})[ \t]+)?"
        rf"(?:{phrases_re(f['measure_words'])})(?![\w-])(?![ \t]+of\b)"  # ("800 items of IP")
        r"(?:[ \t]+[\"“‘'](?=\w))?",  # the noun after may be quoted: 3 home "unicorn" enterprise
        re.IGNORECASE,
    )


def measure_word(s: str, end: int) -> Measure | None:
    """The measure word right after the figure that ends at `end`, if any (translated text
    keeps the source language's: "cultivate unicorn 4 only", "exceed 1,800 many home")."""
    m = _measure_re().match(s, end)
    return Measure(m.end(), m.group("more") is not None) if m else None


_NOUN_BEFORE_WORDS = 4


def noun_before(s: str, q_start: int, kind: str, value: float, np: str) -> MetricCandidate | None:
    """What a figure with a measure word counts: the noun after it ("6 home unicorn
    enterprise"), else the noun right before it and its qualifier ("Financial technology
    company also near 350 home"), the order translated text keeps. Nouns may be singular."""
    if np.strip():
        found = classify(plural(np.strip()), "", "", kind, value)
        return MetricCandidate(found, "noun") if found else None
    lo = max((m.end() for m in CLAUSE_START.finditer(s, 0, q_start)), default=0)
    words = WORDS.findall(s, lo, q_start)
    adverbs = {w.lower() for w in lexicon()["figures"]["predicate_adverbs"]}
    links, places = _measure_links()
    while words and words[-1].lower() in adverbs | links:
        words.pop()  # "unicorn enterprise has 7 only", "fintech company we have 450 home"
    k = len(words) - 1
    while k > len(words) - 4 and k > 0 and words[k][0].isupper():
        k -= 1  # a name after the noun: "the Web3 related company in Cyberport have 150 homes"
    if k < len(words) - 1 and k > 0 and words[k].lower() in places:
        del words[k:]
    elif (at := _place_phrase_start(words, places)) is not None:
        del words[at:]  # "Fintech companies in the community also have more than 400 home"
    run: list[str] = []
    for w in reversed(words[-_NOUN_BEFORE_WORDS:]):
        if w.lower() in NP_STOP or w[0].isdigit():
            break
        run.insert(0, w)
    for k in range(len(run), 0, -1):
        phrase = " ".join(run[-k:])  # (as it stands too: "intellectual property", a mass noun)
        found = classify(plural(phrase), "", "", kind, value) or classify(
            phrase, "", "", kind, value
        )
        if found:
            return MetricCandidate(found, "noun_before")
    return None


def _place_phrase_start(words: list[str], places: frozenset[str]) -> int | None:
    """Where a short phrase of place closing `words` starts ("in the community"), when words
    stand before it."""
    for k in range(len(words) - 2, max(0, len(words) - 4), -1):
        if words[k].lower() in places:
            return k
    return None


@cache
def _measure_links() -> tuple[frozenset[str], frozenset[str]]:
    f = lexicon()["figures"]
    return frozenset(f["measure_links"]), frozenset(f["measure_places"])


def plural(phrase: str) -> str:
    """`phrase` with its last word in the plural the metric rules are written in."""
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if low.endswith("ed") and not head.strip():
        return phrase  # a participle alone ("HK$5.5 billion approved by"): no noun
    for one, many in lexicon()["figures"]["plural_endings"]:
        if low.endswith(many) and many:
            return phrase
        if low.endswith(one):
            return f"{head} {last[: len(last) - len(one)]}{many}".strip()
    return phrase


_ONE_DIGIT = re.compile(r"[1-9]")
_SPLIT_GAP = re.compile(r"(?:,\d{1,2})? ")  # the ",0 " of "1,0 00 home", or a space
_TAIL = re.compile(r"\d{1,2}")
_HUNDRED_MILLION = 1e8  # 億, translated word by word: "55.5 100 million"


def joined_splits(s: str, nums: list[NumberMention]) -> list[NumberMention]:
    """`nums` with each number that a word-by-word translation split in two made one again,
    flagged garbled: "1,0 00 home" (1,000), "1 50 home" (150), "7 0 home" (70), "1 hundred 20
    home" (120) before a measure word, and "55.5 100 million" (55.5 億: 5.55 billion)."""
    out: list[NumberMention] = []
    i = 0
    while i < len(nums):
        joined = _joined(s, nums[i], nums[i + 1]) if i + 1 < len(nums) else None
        out.append(joined or nums[i])
        i += 2 if joined else 1
    return out


def _joined(s: str, a: NumberMention, b: NumberMention) -> NumberMention | None:
    if a.percent or b.percent or a.words or b.words or a.high is not None:
        return None
    gap, ta, tb = s[a.end : b.start], s[a.start : a.end], s[b.start : b.end]
    if gap == " " and "." in ta and tb.startswith("100 ") and b.value == _HUNDRED_MILLION:
        m = _HUNDRED_MILLION
        return replace(a, end=b.end, value=a.value * m, step=a.step * m, garbled=True, mult=m)
    if b.mult != 1 or not _TAIL.fullmatch(tb) or measure_word(s, b.end) is None:
        return None
    if _ONE_DIGIT.fullmatch(ta) and _SPLIT_GAP.fullmatch(gap):
        value = float(ta + gap.strip(", ") + tb)  # "1,0 00", "1 50", "7 0"
    elif _ONE_DIGIT.fullmatch(ta) and _split_place().fullmatch(gap):
        value = float(int(ta) * 100 + int(tb))  # "1 hundred 20"
    else:
        return None
    return NumberMention(a.start, b.end, value, 1.0, garbled=True)


@cache
def _split_place() -> re.Pattern[str]:
    words = phrases_re(lexicon()["figures"]["split_place_words"])
    return re.compile(rf"\s+(?:{words})\s+", re.IGNORECASE)
