"""Union-find over the figures of a series: which are joined, directly or through others."""

from __future__ import annotations

from collections.abc import Iterable


class Groups:
    """Disjoint groups of the integers 0..n-1, each named by its smallest member."""

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def find(self, i: int) -> int:
        """The name of `i`'s group."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, items: Iterable[int]) -> None:
        """Put `items` (and everything joined to them) in one group."""
        if isinstance(items, tuple) and len(items) == 2:  # a pair, the common case
            a, b = self.find(items[0]), self.find(items[1])
            if a != b:
                self._parent[max(a, b)] = min(a, b)
            return
        roots = sorted({self.find(i) for i in items})
        for r in roots[1:]:
            self._parent[r] = roots[0]
