"""Cheap tests that rule text out before the expensive parsing: no number, no metric word.

Each test is a necessary condition only: text it passes may still hold no figure, but text
it rejects never yields one, so skipping that text changes nothing in what is extracted.
"""

from __future__ import annotations

import re
from functools import cache

from etl.lexicon import phrases_re, safe_lower
from etl.metrics import rules
from etl.numbers import NUMBER_WORDS
from etl.regex_parts import required_literals, strength

# A run of digits lies in one sentence. Written "\d\d*", not "\d+": a pattern that opens with
# a character class lets the engine skip ahead to the next digit far faster.
_DIGITS = re.compile(r"\d\d*")
# Every number word starts with one of these ("seventeen" with "seven", "a hundred" has
# "hundred"); matched in lower-cased text, so any capitalisation is found.
_WORD_START = re.compile(phrases_re(list(NUMBER_WORDS)))


def candidate_positions(text: str, start: int, end: int) -> list[int] | None:
    """Where a number may begin in text[start:end]: every run of digits, every number word.

    A superset: a position may turn out to be no number, but no number is missed. None when
    the text holds letters that defeat the fast search (then every sentence is a candidate).
    """
    found = [m.start() for m in _DIGITS.finditer(text, start, end)]
    low = safe_lower(text[start:end])
    if low is None:
        return None
    for m in _WORD_START.finditer(low):
        i = m.start()
        if i and (low[i - 1].isalnum() or low[i - 1] == "_"):
            continue  # inside a word ("someone", "often"): no word boundary, no number word
        found.append(start + i)
    found.sort()
    return found


@cache
def metric_vocabulary() -> re.Pattern[str] | None:
    """One pattern for the words some metric rule needs, to search lower-cased text with.

    None when some rule needs no word at all (then no sentence can be ruled out).
    """
    words: set[str] = set()
    for r in rules():
        needs = [required_literals(p.pattern) for p in (r.np, r.context, r.context2) if p]
        needs = [n for n in needs if n]
        if not needs:
            return None  # this rule could match any sentence
        words |= {w.lower() for w in max(needs, key=strength)}
    return re.compile(phrases_re(sorted(words)))


def may_count_metric(text: str, start: int, end: int) -> bool:
    """False when text[start:end] has none of the words every metric rule needs."""
    vocab = metric_vocabulary()
    if vocab is None:
        return True
    low = safe_lower(text[start:end])
    return low is None or vocab.search(low) is not None
