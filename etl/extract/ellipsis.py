"""A noun a clause leaves out because a parallel clause before it gave it: "The fintech
cluster has over 380 companies, and the e-sports cluster has over 160" (gapping)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any, TypeVar

from etl.extract.asof import find_dates
from etl.extract.candidates import is_generic
from etl.extract.clauses import clause_start
from etl.extract.lexicon import lexicon
from etl.extract.metrics import cluster_metrics, named_cluster
from etl.extract.respectively import series_words

# A figure of etl.extract.sentence_figures (not imported: that module calls this one).
Figure = TypeVar("Figure", bound=Any)
_WORD = re.compile(r"[\w-]+")
_GAP_END = re.compile(r"\s*(?:[.,;:)!?]|$)")
_AND = re.compile(r"\band\s+")
_GAP_WORDS = 7  # words a list's clause with no verb may take before its count
_PART = re.compile(r"\s+of\b")
# The words of a field right after a count: "... and about 280 in digital entertainment".
_IN_NAMED = re.compile(r"\s+in\s+((?:[\w&-]+[ \t]*){1,5})")


def gapped(s: str, out: list[Figure], find: Callable[[str], list[Figure]]) -> list[Figure]:
    """Bare counts whose noun a clause before leaves out: "The fintech cluster has over 380
    companies, and the e-sports cluster has over 160" counts e-sports companies. The noun of
    the count before is read after the bare one, in its own clause, as if written there."""
    for i in range(1, len(out)):
        f, prev = out[i], out[i - 1]
        if not (
            f.source == "bare"
            and f.unit == "count"
            and prev.metric is not None
            and prev.source == "noun"
            and prev.unit == "count"
            and _GAP_END.match(s, f.end)
            and clause_start(s, prev.np_end, f.start) > prev.np_end
            and _same_verb(s, prev, f)
        ):
            continue
        noun = s[prev.end : prev.np_end].strip()
        filled = f"{s[: f.end]} {noun}{s[f.end :]}"
        again = next((g for g in find(filled) if g.start == f.start), None)
        if again is not None and again.metric is not None and again.source == "noun":
            out[i] = replace(f, metric=again.metric, source="gapped")
    return _own_clusters(s, _dated_series(s, out))


def _dated_series(s: str, out: list[Figure]) -> list[Figure]:
    """Bare counts that go on a series of dated counts, only a date and "and" or a comma
    between them: "215 companies at the end of 2022, 245 at the end of 2023 and 280 at the end
    of 2024" (each of the series' metric)."""
    for i in range(1, len(out)):
        f, prev = out[i], out[i - 1]
        if f.source != "bare" or prev.metric is None or f.unit != prev.unit:
            continue
        gap = s[prev.end : f.start]
        dates = [d for d in find_dates(gap, 0, len(gap), None) if d.as_of is not None]
        if len(dates) != 1:
            continue
        right_after = not gap[: dates[0].start].strip()  # (the figure before's own date)
        if right_after and _series_joiner().fullmatch(gap[dates[0].end :].strip()):
            out[i] = replace(f, metric=prev.metric, source="gapped")
    return out


@cache
def _series_joiner() -> re.Pattern[str]:
    return re.compile(rf",?\s*(?:{series_words()}\b\s*)*", re.IGNORECASE)


def _own_clusters(s: str, out: list[Figure]) -> list[Figure]:
    """Counts of a list of clusters that leaves out the verb: "the AI cluster numbered over 450
    companies, the Web3 cluster more than 300, and the fintech cluster about 520", "FinTech
    counts around 950 and Web3 more than 300" (each its own clause's cluster, not the first
    one's; a bare count too: "... and digital entertainment companies around 190")."""
    for i in range(1, len(out)):
        f, prev = out[i], out[i - 1]
        if not (
            (f.source == "subject" or (f.source == "bare" and f.unit == "count"))
            and (f.metric is None or f.metric.metric in cluster_metrics() or is_generic(f.metric))
            and prev.metric is not None
            and prev.metric.metric in cluster_metrics()
        ):
            continue
        a = max(clause_start(s, prev.np_end, f.start), s.rfind(",", prev.np_end, f.start) + 1)
        joined = _AND.search(s, prev.np_end, f.start)
        if a <= prev.np_end and joined is not None:
            a = joined.end()  # "... around 950 and Web3 more than 300"
        if a <= prev.np_end:
            continue
        if f.source == "bare" and (
            len(s[a : f.start].split()) > _GAP_WORDS or _PART.match(s, f.end)
        ):
            continue  # "... a FinTech track featured pitches from 24 of them": a part, no size
        own = named_cluster(s[a : f.start])
        after = _IN_NAMED.match(s, f.end) if own is None else None
        if after is not None:  # "420 companies in smart living and about 280 in digital ..."
            own = named_cluster(after.group(1))
        if own is not None and (f.metric is None or own.metric != f.metric.metric):
            out[i] = replace(f, metric=own, source="gapped")
    return out


def _same_verb(s: str, prev: Figure, f: Figure) -> bool:
    """Whether the words right before both figures share one that is no qualifier ("has over
    380 ..., and ... has over 160"): the clauses are parallel."""

    def last_words(end: int) -> set[str]:
        return {w.lower() for w in _WORD.findall(s, max(0, end - 40), end)[-3:]}

    shared = last_words(prev.start) & last_words(f.start)
    return bool(shared - _qualifier_words())


@cache
def _qualifier_words() -> frozenset[str]:
    q = lexicon()["qualifiers"]
    return frozenset(
        w for k in ("over", "about", "nearly", "up_to") for p in q[k] for w in p.split()
    )
