"""Where the clause holding a position starts and ends within its sentence, and where a list of
examples opens in it."""

from __future__ import annotations

import re

_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas|although|though|yet|where)\b|\s(?:while|whereas)\s",
    re.IGNORECASE,
)
# A narrower break: a semicolon, or a comma and a conjunction that joins two main clauses
# ("Hong Kong has ..., and Cyberport has become ...").
NEXT_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas)\s", re.IGNORECASE)


def clause_start(text: str, start: int, fig: int) -> int:
    """Where the clause holding `fig` starts (at `start` at the earliest)."""
    last = start
    for m in _CLAUSE_BREAK.finditer(text, start, fig):
        last = m.end()
    return last


def clause_end(text: str, pos: int, end: int) -> int:
    """Where the clause holding `pos` ends (at `end` at the latest)."""
    m = _CLAUSE_BREAK.search(text, pos, end)
    return m.start() if m else end


# What opens a list of examples after a figure.
_EXAMPLES = re.compile(r",?\s+(?:including|such\s+as|among\s+them|notably)\b", re.IGNORECASE)


def before_examples(text: str, pos: int, end: int) -> int:
    """Where text[pos:end] opens a list of examples, else `end`: the names in it ("28 awards,
    including recognition at the X Awards") say neither whose a figure is nor where."""
    listed = _EXAMPLES.search(text, pos, end)
    return listed.start() if listed else end
