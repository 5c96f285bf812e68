"""The words around a figure in its sentence: where its noun starts, the clause it stands in,
and zeros said in words ("the hub had none in 2015") that count as figures."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.context_cues import zero_said, zero_words
from etl.extract.figure_cues import cues
from etl.extract.lexicon import lexicon, may_hold, phrases_re
from etl.extract.metrics import MetricMatch, classify
from etl.extract.numbers import NumberMention

RELATIVE = re.compile(r",\s+(?:which|who|where)\s", re.IGNORECASE)
_EMPHASIS = "*_"


def with_zeros(s: str, nums: list[NumberMention]) -> list[NumberMention]:
    """`nums` with each zero said in words after a verb that has or counts ("the hub had
    none in 2015"): the figure 0, for its noun or its context to say what it counts."""
    if not may_hold(s, 0, len(s), zero_words()):
        return nums  # no zero word in it
    zeros = [
        NumberMention(m.start("zero"), m.end("zero"), 0.0, 1.0, words=True)
        for m in zero_said().finditer(s)
    ]
    return sorted([*nums, *zeros], key=lambda n: n.start) if zeros else nums


def np_start(s: str, end: int) -> int:
    """Where the words after a figure start: past emphasis marks ("**seven** unicorns") and
    the hyphen of some compounds ("a 1.7k-strong membership", not "a two-person studio")."""
    while end < len(s) and s[end] in _EMPHASIS:
        end += 1
    if s.startswith("-", end) and suffix_word().match(s, end + 1):
        end += 1
    return end


@cache
def suffix_word() -> re.Pattern[str]:
    """A word a figure is hyphenated to and that leaves its noun after it ("1.7k-strong")."""
    return re.compile(rf"(?:{phrases_re(lexicon()['figures']['figure_suffixes'])})\b", re.I)


def clause_of(before: str) -> str:
    """The words before a figure from the start of its clause (its last ";" or ", and")."""
    cut = max(before.rfind(";"), before.rfind(", and "), before.rfind(", while "), 0)
    return before[cut:]


def own_clause(clause: str) -> str:
    """The relative clause a figure sits in, else the whole clause."""
    # Each relative word starts "wh", and no other character matches "w" or "h" ignoring case.
    if "wh" not in clause.lower():
        return clause
    starts = [m.start() for m in RELATIVE.finditer(clause)]
    return clause[starts[-1] :] if starts else clause


_NOUN_FIRST = re.compile(r"(?:^|[,;(]\s*|\s[-–—]\s+)((?:[\w&'’-]+\s+){1,3}?[\w&'’-]*[^\W\d_]s)\s+$")


def noun_first(before: str) -> MetricMatch | None:
    """The metric a plural noun right before a figure names, when the noun opens its clause
    with at most three words before it ("fintech cos ~150"): shorthand with no verb."""
    m = _NOUN_FIRST.search(before, max(0, len(before) - 60))
    if m is None:
        return None
    return classify(m.group(1), "", "", "count", 2.0)


def change_target(before: str, last_start: int | None) -> bool:
    """Whether the words `before` a figure end a change told "from <the figure before> to",
    the figure before starting at `last_start` (None: no figure before, or one that counts
    nothing, so that the second counts nothing either)."""
    if last_start is None:
        return False
    m = cues()["change_target"].search(before, max(0, last_start - 8))
    return m is not None and m.start() < last_start
