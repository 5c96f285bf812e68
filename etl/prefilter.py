"""Cheap tests that rule text out before the expensive parsing: no number, no metric word.

Each test is a necessary condition only: text it passes may still hold no figure, but text
it rejects never yields one, so skipping that text changes nothing in what is extracted.
"""

from __future__ import annotations

import re
from functools import cache

from etl.lexicon import phrases_re, safe_lower
from etl.metrics import rules
from etl.numbers import ODD_LETTERS, SCAN_TABLE, WORD_START
from etl.regex_parts import required_literals, strength

# Digits and number words are looked for in a byte copy of the text (`SCAN_TABLE`), with
# plain byte searches; Unicode digits ("２", "١") are found apart.
# More characters outside ASCII than this: find Unicode digits with a pattern, not one by one.
_MANY_NON_ASCII = 64
_UNICODE_DIGITS = re.compile(r"\d\d*")


def candidate_positions(text: str, start: int, end: int) -> list[int] | None:
    """Where a number may begin in text[start:end]: every run of digits, every number word.

    A superset: a position may turn out to be no number, but no number is missed. None when
    the text holds letters that defeat the fast search (then every sentence is a candidate).
    """
    part = text[start:end]
    raw = part.encode("ascii", "replace")  # one byte per character: offsets are kept
    found: list[int] = []
    if not part.isascii():
        if any(c in part for c in ODD_LETTERS):
            return None
        if raw.count(b"?") > _MANY_NON_ASCII:
            found = [start + m.start() for m in _UNICODE_DIGITS.finditer(part)]
        else:
            found = [start + i for i in _unicode_digits(part, raw)]
    scan = raw.translate(SCAN_TABLE)
    found.extend(start + i for i in _digit_runs(scan))
    found.extend(start + m.start() for m in WORD_START.finditer(b" " + scan))
    found = sorted(set(found))
    return found


def _digit_runs(scan: bytes) -> list[int]:
    """Where each run of ASCII digits starts in `scan`."""
    out, i, last = [], scan.find(b"0"), -2
    while i >= 0:
        if i != last + 1:
            out.append(i)
        last = i
        i = scan.find(b"0", i + 1)
    return out


def _unicode_digits(part: str, raw: bytes) -> list[int]:
    """Where a digit outside ASCII ("２", "١") stands: each is a "?" in `raw`."""
    out, i = [], raw.find(b"?")
    while i >= 0:
        if part[i].isdecimal():
            out.append(i)
        i = raw.find(b"?", i + 1)
    return out


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
