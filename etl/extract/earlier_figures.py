"""What the figures before one in its sentence say of it: where the last one starts and what
it counts, and whether it counts a group that acted jointly (an amount after it is the
group's)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from etl.extract.figure_cues import cues
from etl.extract.metrics import MetricMatch


class Figure(Protocol):
    """What these read of a figure (etl.extract.sentence_figures.Figure has it all)."""

    start: int
    end: int
    np_end: int
    unit: str
    metric: MetricMatch | None
    comparison: bool


def group_before(s: str, out: Sequence[Figure], start: int) -> bool:
    """Whether the figure before, in the same clause, counts a group that acted jointly (see
    the lexicon's `joint_group_after`): an amount after it is the group's."""
    last = out[-1] if out else None
    return (
        last is not None
        and last.unit == "count"
        and cues()["joint_group"].match(s, last.np_end) is not None
        and not _CLAUSE_BREAK.search(s, last.end, start)
    )


_CLAUSE_BREAK = re.compile(r"[;:.!?]|,\s+(?:and|but|while)\b")


def counted_start(figures: Sequence[Figure]) -> int | None:
    """Where the last of `figures` starts, if it counts something (or is compared with)."""
    last = figures[-1] if figures else None
    return last.start if last and (last.metric is not None or last.comparison) else None


def earlier(figures: Sequence[Figure]) -> tuple[str | None, int] | None:
    """The metric (None if it has none) and start of the last of `figures`, if any."""
    if not figures:
        return None
    last = figures[-1]
    return (last.metric.metric if last.metric else None), last.start
