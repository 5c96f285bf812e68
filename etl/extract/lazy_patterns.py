"""Named regular expressions compiled the first time each is asked for, not all at once.

A one-document run waits for every pattern it compiles; a pattern that only a rare text
needs (a quarter, a range of months) is then compiled only when a text needs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


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


class LazyPattern:
    """A regular expression (`pattern`, `flags`) compiled the first time it is run."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        return self.compiled.search(text, *span)

    def match(self, text: str, *span: int) -> re.Match[str] | None:
        return self.compiled.match(text, *span)

    def finditer(self, text: str, *span: int) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, *span)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags})"
