"""Which value to believe: truth discovery over numeric intervals, with copy detection (pure).

The method is CRH (Li et al., "Resolving conflicts in heterogeneous data by truth discovery and
source reliability estimation", SIGMOD 2014) adapted to intervals:

* a claim states an interval [low, high]; its loss against a value x is the distance from x to
  the interval, relative to x. Summed with weights, 0.5·(|x-low| + |x-high|) minus a constant,
  so the weighted truth is a weighted median of the claims' endpoints: close values support
  each other (overlapping intervals pull to the same place) instead of competing as distinct
  "facts";
* a source's weight is CRH's -log of its share of the summed loss, from its mean loss on
  contested points (smoothed towards the average for a source with few of them): sources whose
  figures agree with the consensus gain weight;
* claims that copy one another count as one witness: the same document twice, or a quote that
  is a near-duplicate of another document's (a news story reprinting a press release, the
  boilerplate "About" paragraph) share one witness's weight;
* each witness starts from its document's standing (`quality`: the organisation's own release
  above a news report, a text whose other figures are garbled below both);
* a reviewer-accepted claim wins outright and teaches the weights; rejected claims never enter;
* while a conflict of high severity is open, its clearly weaker side is set aside
  (`disputes`): the line never runs through a figure that cannot hold beside a better one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain, pairwise

import numpy as np

from etl.check.columns import ClaimColumns
from etl.check.copies import copy_groups
from etl.check.disputes import Dispute, SetAside, set_aside, worst_severity
from etl.check.point_facts import PointFacts, point_facts
from etl.check.points import ClaimPoint
from etl.check.quality import NEUTRAL, SourceQuality

Witnesses = Callable[[Sequence[ClaimPoint]], list[int]]  # claims -> a witness label each
POINT_WINDOW_DAYS = 7  # claims within a week of a point's first claim describe the same moment
ACCEPTED_WEIGHT = 1e6  # an accepted claim outweighs any number of other witnesses
ITERATIONS = 10
LOSS_FLOOR = 0.01  # losses below 1 % are rounding, not unreliability
MIN_WEIGHT = 1e-3  # a lone source's loss share is 1 and its CRH weight 0: keep it positive
PRIOR_STRENGTH = 1.0  # pseudo-count pulling a source with few contested claims to the average


@dataclass(frozen=True)
class SeriesPoint:
    """The value believed for one entity, metric (and period) at one date, and why."""

    entity: str
    metric: str
    period: str | None
    as_of: date
    value: float
    value_low: float
    value_high: float
    unit: str
    method: str  # accepted, consensus, single
    supporting: tuple[int, ...]  # claim ids
    overridden: tuple[int, ...]  # claims here outvoted, and claims set aside for this point
    explanation: str
    qualifier: str = "exact"  # as the believed figure was printed: over, about, nearly, ...
    disputed: str = ""  # severity of the worst open conflict holding a supporting claim


@dataclass(frozen=True)
class TruthResult:
    """Per object: the believed interval; per source: its weight."""

    low: np.ndarray
    high: np.ndarray
    source_weight: np.ndarray


# --- the truth-discovery core, on arrays ---------------------------------------------------


def truth_discovery(
    obj: np.ndarray,
    source: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    share: np.ndarray,
    accepted: np.ndarray | None = None,
    iterations: int = ITERATIONS,
    prior: np.ndarray | None = None,
) -> TruthResult:
    """CRH over intervals. `obj`: object index per claim (0..m-1, every index used); `source`:
    source index; `share`: 1 / size of the claim's witness group (copies count once); `prior`:
    the standing each claim's document starts with (1 for all when absent)."""
    m, n = int(obj.max()) + 1 if len(obj) else 0, len(obj)
    n_src = int(source.max()) + 1 if len(source) else 0
    boost = np.where(accepted, ACCEPTED_WEIGHT, 1.0) if accepted is not None else np.ones(n)
    if prior is not None:
        boost = boost * prior
    # Endpoints sorted once by (object, value): only their weights change between rounds.
    e_val = np.concatenate([low, high])
    order = np.lexsort((e_val, np.concatenate([obj, obj])))
    e_val = e_val[order]
    e_claim = (order % n).astype(np.int32 if n < 2**31 else np.int64) if n else order
    del order
    e_obj = obj[e_claim]
    starts = np.flatnonzero(np.r_[True, e_obj[1:] != e_obj[:-1]]) if n else np.empty(0, int)
    witnesses = np.bincount(obj, weights=share, minlength=m) if n else np.empty(0)
    contested = witnesses[obj] > 1.0 + 1e-9 if n else np.empty(0, bool)
    weight = np.ones(n_src)
    t_low, t_high = np.zeros(m), np.zeros(m)
    last = len(e_val) - 1
    for _ in range(iterations):
        w = weight[source]
        w *= share
        w *= boost
        we = w[e_claim]
        we *= 0.5
        total = np.add.reduceat(we, starts)
        within = np.cumsum(we)
        within -= (within[starts] - we[starts])[e_obj]  # cumulative weight inside the object
        half = total[e_obj]
        half *= 0.5
        # Weighted median: the first endpoint reaching half the weight (lower end), and the
        # first passing it (upper end: further right when an endpoint lands exactly on half).
        below = within < half * (1 - 1e-9)
        lo_i = starts + np.add.reduceat(below, starts, dtype=np.int64)
        np.less_equal(within, half * (1 + 1e-9), out=below)
        hi_i = np.minimum(starts + np.add.reduceat(below, starts, dtype=np.int64), last)
        del we, within, half, below
        new_low, new_high = e_val[lo_i], e_val[hi_i]
        done = np.array_equal(new_low, t_low) and np.array_equal(new_high, t_high)
        t_low, t_high = new_low, new_high
        # Source weights from the loss of each claim against its object's interval.
        scale = np.maximum(np.maximum(np.abs(t_low), np.abs(t_high)), 1e-12)[obj]
        gap = np.maximum(np.maximum(low - t_high[obj], t_low[obj] - high), 0.0)
        gap /= scale
        use = contested * share
        loss_sum = np.bincount(source, weights=gap * use, minlength=n_src)
        count = np.bincount(source, weights=use, minlength=n_src)
        mean_all = loss_sum.sum() / count.sum() if count.sum() else 0.0
        mean = (loss_sum + PRIOR_STRENGTH * mean_all) / (count + PRIOR_STRENGTH) + LOSS_FLOOR
        weight = np.maximum(-np.log(mean / mean.sum()), MIN_WEIGHT)
        if done:
            break
    return TruthResult(t_low, t_high, weight)


def assign_objects(
    series: np.ndarray, t: np.ndarray, window: int = POINT_WINDOW_DAYS
) -> np.ndarray:
    """Object index per claim, input sorted by (series, t): a new object starts with a new
    series or with a claim more than `window` days after the current object's first claim."""
    bounds = _object_starts(np.asarray(series), np.asarray(t), window)
    return np.repeat(np.arange(len(bounds) - 1, dtype=np.int64), np.diff(bounds))


def _object_starts(series: np.ndarray, t: np.ndarray, window: int = POINT_WINDOW_DAYS) -> list[int]:
    """Where each object starts (and the end), in claims sorted by (series, t): one step per
    object, to the first claim past its first claim's window (found for every claim at once)."""
    if not len(t):
        return [0]
    ends = np.flatnonzero(np.r_[series[1:] != series[:-1], True]) + 1  # each series' end
    out, start = [], 0
    for end in ends.tolist():
        part = t[start:end]
        past = (start + np.searchsorted(part, part + window, side="right")).tolist()
        i = start
        while i < end:
            out.append(i)
            i = past[i - start]
        start = end
    out.append(len(t))
    return out


# --- from claims to series points ----------------------------------------------------------


def comparable(p: ClaimPoint) -> float:
    """The stated value in the units the checks compare: HKD for money."""
    return p.value_hkd if p.value_hkd is not None else p.value


def _objects(
    claims: ClaimColumns, aside: Mapping[int, SetAside]
) -> tuple[ClaimColumns, list[range]]:
    """The claims not set aside in order (entity, metric, period, date, id) and each object's
    members (assign_objects' rule): a run of that order."""
    if aside:
        claims = claims.take(np.flatnonzero(~np.isin(claims.ids, list(aside))))
    if not len(claims):
        return claims, []
    (entity, _), (metric, _) = claims.codes("entity"), claims.codes("metric")
    if (entity == entity[0]).all() and (metric == metric[0]).all():  # one series: by period
        period, names = claims.codes("period")
        named = [p or "" for p in names]
        rank = {k: i for i, k in enumerate(sorted(set(named)))}  # the names' own order
        series = np.array([rank[k] for k in named], dtype=np.int64)[period]
    else:
        periods = [p or "" for p in claims.column("period")]
        keys = list(zip(claims.column("entity"), claims.column("metric"), periods, strict=True))
        rank = {k: i for i, k in enumerate(sorted(set(keys)))}
        series = np.array([rank[k] for k in keys], dtype=np.int64)
    order = np.lexsort((claims.ids, claims.t, series))
    bounds = _object_starts(series[order], claims.t[order])
    return claims.take(order), [range(a, b) for a, b in pairwise(bounds)]


def reconcile(
    points: Sequence[ClaimPoint],
    accepted: frozenset[int] = frozenset(),
    *,
    disputes: Sequence[Dispute] = (),
    quality: Mapping[str, SourceQuality] | None = None,
    cumulative: bool = False,
    witnesses: Witnesses = copy_groups,
    aside: Mapping[int, SetAside] | None = None,
) -> list[SeriesPoint]:
    """The believed value per entity, metric, period and date, from claims (rejected ones removed
    beforehand); `accepted` holds the claim ids a reviewer accepted, `disputes` the series' open
    conflicts, `quality` each document's standing (by file name), `cumulative` whether the
    metric is a running total. `witnesses` labels copies (copies.copy_groups, or one that
    reuses labels known before); `aside`: what set_aside gives, when it is at hand."""
    if not points:
        return []
    quality = quality or {}
    if aside is None:
        aside = set_aside(points, disputes, quality, accepted, cumulative=cumulative,
                          witnesses=witnesses)  # fmt: skip
    pts, groups = _objects(ClaimColumns.of(points), aside)
    if not len(pts):
        return []
    starts = np.array([m.start for m in groups] + [len(pts)], dtype=np.int64)
    obj = np.repeat(np.arange(len(groups), dtype=np.int64), np.diff(starts))
    # Each claim's witness label within its object, and the share of its witness group.
    batch = getattr(witnesses, "labels", None)  # copies.KnownCopies: every object at once
    if batch is not None:
        labels = batch(pts, starts)
    else:
        labels = np.fromiter(chain.from_iterable(witnesses(pts[m.start : m.stop])
                                                 for m in groups), np.int64, len(pts))  # fmt: skip
    share = 1.0 / _group_sizes(obj * (int(labels.max()) + 1) + labels)
    witness = starts[obj] + labels
    # Each claim's source (its publisher, else its document) and standing, worked out once per
    # document; sources are numbered in order of first appearance.
    doc, docs = pts.codes("documents")
    sources = [p or d for _, p, d in docs]
    src_key = {s: i for i, s in enumerate(dict.fromkeys(sources))}
    src = _first_seen(np.array([src_key[s] for s in sources], dtype=np.int64)[doc])
    acc = np.isin(pts.ids, list(accepted))
    scores = [quality.get(d, NEUTRAL).score for _, _, d in docs]
    prior = np.array(scores, dtype=np.float64)[doc]
    res = truth_discovery(obj, src, pts.low, pts.high, share, acc, prior=prior)
    context = _Context(quality, disputes, aside)
    weight = res.source_weight[src] * prior
    facts = point_facts(starts, pts.ids, pts.low, pts.high, pts.comparable, pts.has_hkd, acc,
                        witness, weight, res.low, res.high)  # fmt: skip
    return [_point(pts, o, facts, context) for o in range(len(groups))]


def _first_seen(codes: np.ndarray) -> np.ndarray:
    """The codes renumbered 0, 1, ... in order of first appearance."""
    if not len(codes):
        return codes
    order = np.argsort(codes, kind="stable")
    ordered = codes[order]
    new = np.r_[True, ordered[1:] != ordered[:-1]]
    rank = np.empty(int(ordered[-1]) + 1, dtype=np.int64)
    rank[ordered[new][np.argsort(order[new])]] = np.arange(int(new.sum()))
    return rank[codes]


def _group_sizes(group: np.ndarray) -> np.ndarray:
    """How many values equal each value (np.unique's counts, by sorting: the first np.unique
    in a process imports numpy.ma)."""
    order = np.argsort(group, kind="stable")
    ordered = group[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(group) else order
    sizes = np.diff(np.r_[starts, len(group)])
    out = np.empty(len(group), dtype=np.int64)
    out[order] = np.repeat(sizes, sizes)
    return out


class _Context:
    """What a point's explanation draws on beyond its own claims, indexed by claim id."""

    def __init__(
        self,
        quality: Mapping[str, SourceQuality],
        disputes: Sequence[Dispute],
        aside: Mapping[int, SetAside],
    ) -> None:
        self.quality = quality
        self._disputes: dict[int, list[tuple[int, Dispute]]] = {}  # claim id -> (order, it)
        for order, d in enumerate(disputes):
            for cid in set(d.claim_ids):
                self._disputes.setdefault(cid, []).append((order, d))
        self._beaten: dict[int, list[tuple[int, SetAside]]] = {}  # winner -> (order, aside)
        for order, a in enumerate(aside.values()):
            for cid in set(a.winners):
                self._beaten.setdefault(cid, []).append((order, a))

    def source_words(self, c: ClaimPoint) -> str:
        words = self.quality.get(c.document, NEUTRAL).words
        return f", {words}" if words else ""

    def disputed(self, ids: set[int]) -> tuple[str, list[int]]:
        """The worst severity of the open conflicts holding any of `ids`, and their ids."""
        held = self._disputes.keys() & ids  # few claims are in a conflict
        found = {order: d for cid in held for order, d in self._disputes[cid]}
        hit = [found[k] for k in sorted(found)]
        return worst_severity([d.severity for d in hit]), sorted({d.conflict_id for d in hit})

    def set_aside_for(self, ids: set[int]) -> list[SetAside]:
        """The claims set aside in favour of any of `ids`, in the order they were set aside."""
        held = self._beaten.keys() & ids  # few claims beat another
        found = {order: a for cid in held for order, a in self._beaten[cid]}
        return [found[k] for k in sorted(found)]


def _point(claims: ClaimColumns, o: int, f: PointFacts, context: _Context) -> SeriesPoint:
    """Object o's point, from its claims (sorted by date and id: claims f.starts[o] to
    f.starts[o + 1]) and the facts computed for all objects (point_facts.point_facts)."""
    start, stop = int(f.starts[o]), int(f.starts[o + 1])
    n = stop - start
    t_low, t_high = float(f.low[o]), float(f.high[o])
    best = claims[int(f.best[o])]
    exact_best = t_low <= comparable(best) <= t_high
    value = comparable(best) if exact_best else (t_low + t_high) / 2
    n_wit = int(f.witnesses[o])
    if f.accepted[o]:
        method = "accepted"
        why = f"Accepted by a reviewer: {best.phrase()}"
    elif n_wit == 1:
        method = "single"
        why = f"One source: {best.phrase()}{context.source_words(best)}"
        if n > 1:
            why += f", stated {n} times"
    else:
        method = "consensus"
        why = (
            f"{int(f.supporting[o])} of {n_wit} independent sources agree on {best.phrase()}"
            f"{context.source_words(best)}"
        )
        copies = n - n_wit
        if copies:
            why += f" ({copies} repeated text{'s' if copies > 1 else ''} counted once)"
    a, b = int(f.lost_bounds[o]), int(f.lost_bounds[o + 1])
    if b > a:
        lost = ", ".join(claims[k].phrase() for k in f.lost[a : min(b, a + 3)].tolist())
        more = f" and {b - a - 3} more" if b - a > 3 else ""
        why += f"; overrides {lost}{more}"
        if method == "consensus":
            why += f" (source weight {f.top[o]:.2f} against {f.lightest[o]:.2f})"
    ids = f.fit_ids[f.fit_bounds[o] : f.fit_bounds[o + 1]].tolist()
    beaten = context.set_aside_for(ids)
    if beaten:
        figures = list(dict.fromkeys(x.figure for x in beaten))
        why += ". Believed over " + "; ".join(figures[:3]) + ", from weaker sources"
    severity, conflicts = context.disputed(ids)
    if severity:
        listed = ", ".join(f"#{i}" for i in conflicts)
        plural = "s" if len(conflicts) > 1 else ""
        verb = "await" if plural else "awaits"
        why += f". Disputed: open conflict{plural} {listed} ({severity} severity) {verb} a reviewer"
    first = claims[start]  # the earliest (by date, then id)
    unit = "HKD" if f.hkd[o] else first.unit
    lost_ids = f.lost_ids[a:b].tolist()
    if beaten:
        lost_ids = sorted(set(lost_ids) | {x.claim_id for x in beaten})
    return SeriesPoint(
        first.entity, first.metric, first.period, first.as_of, value, t_low, t_high, unit,
        method, tuple(ids), tuple(lost_ids), why + ".",
        best.qualifier if exact_best else "about", severity,
    )  # fmt: skip
