"""Figures in a list read with each other: a noun the next figure's words end on ("900 onsite
and 1,100 offsite start-ups"), and the next clusters of a ranking whose verb is left out
("FinTech remained the largest cluster with 400 companies, followed by smart living with
about 290 and digital entertainment with around 180")."""

from __future__ import annotations

import re

from etl.extract.figure import Figure
from etl.extract.figure_cues import cues
from etl.extract.metrics import MetricMatch, classify, cluster_metrics
from etl.extract.narrowing import ranked_next
from etl.extract.qualifiers import qualifier_before

# Between two figures that share the second's noun: "900 onsite and 1,100 offsite start-ups"
# (", and" joins clauses: "markets in 55 countries, and three unicorns").
_COORD = re.compile(r"\s*(?:(?:and|or|&)|,)?\s*$", re.IGNORECASE)
_CONJ_FIRST = re.compile(r"\s*(?:and|or|&)\s", re.IGNORECASE)


def shared_noun(
    s: str,
    np: str,
    np_end: int,
    nxt: tuple,
    context: tuple[str, str, str],
    kind: str,
    value: float,
) -> tuple[MetricMatch, str] | None:
    """The metric a figure whose own words `np` name none counts with the noun the next
    figure's words end on, else with all of them, and the words so read; None when they are
    no list ("200 two years earlier") or name none. `context`: the clause's words before and
    after the figure, and the sentence before it; `nxt`: the next figure's span, as
    figure_spans gives it."""
    gap = s[np_end : qualifier_before(s, nxt[1]).start]
    if not _COORD.fullmatch(gap) or cues()["not_a_noun"].match(s[nxt[5] : nxt[3]]):
        return None
    ctx_before, ctx_after, before = context
    shared = s[nxt[5] : nxt[3]].split() or [""]
    for words in dict.fromkeys((f"{np} {shared[-1]}", f"{np} {' '.join(shared)}")):
        match = classify(words, ctx_before, ctx_after, kind, value, before)
        if match is not None:  # ("400 FinTech and 110 Web3 companies")
            return match, words
    return None


def next_of_ranking(before: str, out: list[Figure]) -> MetricMatch | None:
    """The cluster a ranking names next before a count (`ranked_next`), when the figure before
    it counts a cluster too (not "38 of the new incubatees, followed by smart living with 29")."""
    if not out or out[-1].metric is None or out[-1].metric.metric not in cluster_metrics():
        return None
    return ranked_next(before)


def opens_with_and(np: str) -> bool:
    """Whether a figure's words open with "and": the next item's (" and digital entertainment")."""
    return _CONJ_FIRST.match(np) is not None
