"""Named regular expressions compiled the first time each is asked for, not all at once.

A one-document run waits for every pattern it compiles; a pattern that only a rare text
needs (a quarter, a range of months) is then compiled only when a text needs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable


class LazyPatterns:
    """`patterns[name]`: the pattern `build[name]()` makes, made once, on first use."""

    __slots__ = ("_build", "_made")

    def __init__(self, build: dict[str, Callable[[], re.Pattern[str]]]) -> None:
        self._build = build
        self._made: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, name: str) -> re.Pattern[str]:
        made = self._made.get(name)
        if made is None:
            made = self._made[name] = self._build[name]()
        return made

    def __contains__(self, name: str) -> bool:
        return name in self._build

    def compiled(self) -> frozenset[str]:
        """The names compiled so far."""
        return frozenset(self._made)
