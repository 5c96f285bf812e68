"""Long lists of ids cut into the IN (...) lists one statement can take."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

CHUNK = 5000  # ids per IN (...) list, well under SQLite's 32,766 bound parameters

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[list[T]]:
    """`items` in order, `size` at a time."""
    for i in range(0, len(items), size):
        yield list(items[i : i + size])
