"""Cheap tests that rule text out before the expensive parsing: no number, no metric word.

Each test is a necessary condition only: text it passes may still hold no figure, but text
it rejects never yields one, so skipping that text changes nothing in what is extracted.
"""

from __future__ import annotations

import re
from functools import cache

from etl.extract.lexicon import lexicon, phrases_re, safe_lower
from etl.extract.metrics import rules
from etl.extract.number_words import (
    NUMBER_WORDS,
    ODD_LETTERS,
    SCAN_TABLE,
    WORD_START,
    ordinal_count_positions,
)
from etl.extract.regex_parts import required_literals, strength
from etl.extract.shares import share_openers

# Digits and number words are looked for in a byte copy of the text (`SCAN_TABLE`), with
# plain byte searches; Unicode digits ("２", "١") are found apart.
# More characters outside ASCII than this: find Unicode digits with a pattern, not one by one.
_MANY_NON_ASCII = 64
_UNICODE_DIGITS = re.compile(r"\d\d*")
# Written "00*", not "0+": a pattern that opens with a literal is searched for far faster.
_DIGIT_RUN = re.compile(rb"00*")
# A quicker first pass for `WORD_START`: a space, a number word's first letter, then the rest
# of any number word. It matches wherever WORD_START does (and a few places more, "hour"), and
# each of its matches is checked with WORD_START, so the positions found are the same.
_WORD_GATE = re.compile(
    b" [%s](?:%s)"
    % (
        "".join(sorted({w[0] for w in NUMBER_WORDS})).encode(),
        phrases_re(sorted({w[1:] for w in NUMBER_WORDS})).encode(),
    )
)


def candidate_positions(text: str, start: int, end: int) -> list[int] | None:
    """Where a number may begin in text[start:end]: every run of digits, every number word.

    A superset: a position may turn out to be no number, but no number is missed. None when
    the text holds letters that defeat the fast search (then every sentence is a candidate).
    """
    part = text[start:end]
    raw = ascii_lower(text)[start:end]  # one byte per character: offsets are kept
    found: list[int] = []
    many = False
    if not part.isascii():
        if any(c in part for c in ODD_LETTERS):
            return None
        unicode_digits = _unicode_digits(part, raw)
        many = unicode_digits is None
        if many:
            found = [start + m.start() for m in _UNICODE_DIGITS.finditer(part)]
        else:
            found = [start + i for i in unicode_digits]
    scan = raw.translate(SCAN_TABLE)
    found += [start + m.start() for m in _DIGIT_RUN.finditer(scan)]
    padded = b" " + scan
    found += [
        start + m.start()
        for m in _WORD_GATE.finditer(padded)
        if WORD_START.match(padded, m.start())
    ]
    for word in share_openers():  # "about half of them": a share told in words
        at = padded.find(word)
        while at >= 0:
            found.append(start + at)
            many = True
            at = padded.find(word, at + 1)
    ordinals = ordinal_count_positions(scan)  # "the community's fifth listed company"
    if ordinals:
        found += [start + i for i in ordinals]
        many = True  # (sorted and each once)
    # Digits and letters are apart, so only the pattern for all digits can find one twice.
    return sorted(set(found)) if many else sorted(found)


_COPY: list = [None, b""]  # the text last copied, and its copy


def ascii_lower(text: str) -> bytes:
    """`text.encode("ascii", "replace").lower()`: one byte per character, ASCII letters in
    lower case and "?" for any other character. Made once per text: a document's is read
    for its numbers and for the names it counts (main_organisation.py)."""
    if _COPY[0] is not text:
        _COPY[:] = [text, text.encode("ascii", "replace").lower()]
    return _COPY[1]


def _unicode_digits(part: str, raw: bytes) -> list[int] | None:
    """Where a digit outside ASCII ("２", "١") stands (each is a "?" in `raw`).

    None when `raw` has more than _MANY_NON_ASCII "?"s: then a pattern finds them faster.
    """
    out, i, seen = [], raw.find(b"?"), 0
    while i >= 0:
        seen += 1
        if seen > _MANY_NON_ASCII:
            return None
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
    # A noun may stand in the singular after a figure in translated text ("1200 company"),
    # which the rules read in the plural (see translated_figures.plural).
    endings = [(one, many) for one, many in lexicon()["figures"]["plural_endings"] if many]
    words |= {w[: -len(many)] + one for w in words for one, many in endings if w.endswith(many)}
    return re.compile(phrases_re(sorted(w for w in words if w)))


def may_count_metric(text: str, start: int, end: int) -> bool:
    """False when text[start:end] has none of the words every metric rule needs."""
    vocab = metric_vocabulary()
    if vocab is None:
        return True
    low = safe_lower(text[start:end])
    return low is None or vocab.search(low) is not None
