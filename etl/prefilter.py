"""Cheap tests that rule text out before the expensive parsing: no number, no metric word.

Each test is a necessary condition only: text it passes may still hold no figure, but text
it rejects never yields one, so skipping that text changes nothing in what is extracted.
"""

from __future__ import annotations

import re
from functools import cache

from etl.lexicon import ODD_CASE
from etl.metrics import rules
from etl.numbers import NUMBER_WORDS

try:  # the standard library's regular-expression parser, to read the rules' literals
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - a Python without it simply gets no metric gate
    _sre = _sre_parse = None

_DIGIT = re.compile(r"\d")
# Every number word starts with one of these ("seventeen" with "seven", "a hundred" has
# "hundred"); matched in lower-cased text, so any capitalisation is found.
_WORD_START = re.compile("|".join(sorted(NUMBER_WORDS, key=len, reverse=True)))


def candidate_positions(text: str, start: int, end: int) -> list[int] | None:
    """Where a number may begin in text[start:end]: every digit and number-word start.

    A superset: a position may turn out to be no number, but no number is missed. None when
    the text holds letters that defeat the fast search (then every sentence is a candidate).
    """
    found = [m.start() for m in _DIGIT.finditer(text, start, end)]
    low = text[start:end].lower()
    if len(low) != end - start or any(c in low for c in ODD_CASE):
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
    """One pattern for the words some metric rule needs; None when a rule needs no word."""
    words: set[str] = set()
    for r in rules():
        needs = [required_literals(p.pattern) for p in (r.np, r.context, r.context2) if p]
        needs = [n for n in needs if n]
        if not needs:
            return None  # this rule could match any sentence
        words |= max(needs, key=_strength)
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(alternation, re.IGNORECASE)


def may_count_metric(text: str, start: int, end: int) -> bool:
    """False when text[start:end] has none of the words every metric rule needs."""
    vocab = metric_vocabulary()
    return vocab is None or vocab.search(text, start, end) is not None


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains (whitespace-free); None if unknown.

    "\\bunicorns?\\b" -> {"unicorn"}; "(?:AI|...).*(?:start-?ups|firms)" -> {"start", "firms"}.
    Whitespace splits literals, so a match across two pieces of text joined by a space (as
    classify joins the words before and after a figure) still has its literal in one piece.
    """
    if _sre_parse is None:
        return None
    try:
        return _required(list(_sre_parse.parse(pattern).data))
    except Exception:  # an unexpected parse tree: claim nothing
        return None


def _required(items: list) -> frozenset[str] | None:
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL and not chr(av).isspace():
            run.append(chr(av))
            continue
        flush()
        if op is _sre.SUBPATTERN:
            found = _required(list(av[-1].data))
        elif op is _sre.BRANCH:
            branches = [_required(list(b.data)) for b in av[1]]
            found = frozenset().union(*branches) if all(branches) else None
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            found = _required(list(av[2].data))
        else:  # classes, anchors, look-arounds, optional parts: nothing certain
            found = None
        if found:
            options.append(found)
    flush()
    return max(options, key=_strength) if options else None


def _strength(words: frozenset[str]) -> tuple[int, int]:
    """Prefer literals that are long (rare) and few."""
    return min(len(w) for w in words), -len(words)
