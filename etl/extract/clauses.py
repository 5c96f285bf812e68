"""Where the clause holding a position starts and ends within its sentence."""

from __future__ import annotations

import re

_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas|although|though|yet|where)\b|\s(?:while|whereas)\s",
    re.IGNORECASE,
)


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
