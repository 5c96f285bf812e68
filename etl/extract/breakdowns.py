"""A whole and the parts a sentence breaks it into ("2,100 companies, including over 900 onsite
and over 1,200 offsite, ..."): what a later figure in the sentence compares with is the whole,
not its last part."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from etl.extract.candidates import is_generic, part_opener
from etl.extract.metrics import MetricMatch, cluster_metrics, location_metrics


class _Placed(Protocol):
    start: int
    end: int
    metric: MetricMatch | None


_BREAK = re.compile(r"[;:.!?]")


def whole_before_parts(s: str, figures: Sequence[_Placed], start: int) -> int | None:
    """The index in `figures` (the sentence's figures before `start`, in order) of the
    community's whole that the figures after it break down by place or cluster, after a word
    opening a part of it and in the same clause; None when the last figure is no such part."""
    parts = location_metrics() | cluster_metrics()
    for k in range(len(figures) - 1, 0, -1):
        whole, part = figures[k - 1], figures[k]
        if part.metric is None or part.metric.metric not in parts:
            return None
        if is_generic(whole.metric):
            opener = part_opener().search(s, whole.end, part.start)
            return k - 1 if opener and not _BREAK.search(s, whole.end, start) else None
    return None
