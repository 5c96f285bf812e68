"""What the figures before one in its sentence say of it: where the last one starts and what
it counts, whether it counts a group that acted jointly (an amount after it is the group's),
and which is the whole that the later ones break down ("2,100 companies, including over 900
onsite and over 1,200 offsite, compared with 1,952": a comparison after the parts is of the
whole)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from etl.extract.candidates import is_generic, part_opener
from etl.extract.figure_cues import cues
from etl.extract.figure_sets import part_of_set
from etl.extract.metrics import MetricMatch, cluster_metrics, location_metrics


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


_PART_BREAK = re.compile(r"[;:.!?]")  # (a comma and "and" may go on with the parts)
_DASH = re.compile(r"\s[–—-]\s")  # an aside of parts set apart by dashes


def whole_before_parts(s: str, figures: Sequence[Figure], start: int) -> int | None:
    """The index in `figures` (the sentence's figures before `start`, in order) of the
    community's whole that the figures after it break down by place or cluster, after a word
    opening a part of it and in the same clause; None when the last figure is no such part."""
    parts = location_metrics() | cluster_metrics()
    for k in range(len(figures) - 1, 0, -1):
        whole, part = figures[k - 1], figures[k]
        if part.metric is None or part.metric.metric not in parts:
            return None
        if is_generic(whole.metric):
            opener = (
                part_opener().search(s, whole.end, part.start)
                or _DASH.search(s, whole.end, part.start)
                or (len(figures) - k > 1 and part_of_set(s, part.start, part.end))
            )  # ("1,500 companies – around 650 on the campus and 850 elsewhere – up from",
            # "118 companies, 71 of them on the campus and 47 offsite, against 97 in 2008";
            # not one part: "2,300 companies, 450 of them in AI, up from 400 last year")
            return k - 1 if opener and not _PART_BREAK.search(s, whole.end, start) else None
    return None
