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
* a reviewer-accepted claim wins outright and teaches the weights; rejected claims never enter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from etl.check.checks import EPOCH
from etl.check.points import ClaimPoint

POINT_WINDOW_DAYS = 7  # claims within a week of a point's first claim describe the same moment
COPY_SIMILARITY = 0.7  # share of word 3-shingles in common above which one quote repeats another
SUPPORT_TOLERANCE = 0.01  # a claim within 1 % of the believed interval supports it
ACCEPTED_WEIGHT = 1e6  # an accepted claim outweighs any number of other witnesses
ITERATIONS = 10
CHUNK = 65_536
LOSS_FLOOR = 0.01  # losses below 1 % are rounding, not unreliability
MIN_WEIGHT = 1e-3  # a lone source's loss share is 1 and its CRH weight 0: keep it positive
DENSE_MIN = 16  # fewer claims at one point are compared pair by pair (the same groups, sooner)
DENSE_MAX = 2048  # claims at one point compared as one matrix (n x n floats)
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
    overridden: tuple[int, ...]
    explanation: str


@dataclass(frozen=True)
class TruthResult:
    """Per object: the believed interval; per source: its weight."""

    low: np.ndarray
    high: np.ndarray
    source_weight: np.ndarray


# --- copy detection ------------------------------------------------------------------------


def shingles(text: str, k: int = 3) -> frozenset[tuple[str, ...]]:
    """Word k-shingles of a quote, case, accents and punctuation folded away."""
    folded = (text if text.isascii() else unicodedata.normalize("NFKC", text)).lower()
    words = re.findall(r"[^\W_]+", folded)
    if len(words) < k:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(zip(*(words[i:] for i in range(k)), strict=False))  # k-word windows


def similarity(a: frozenset, b: frozenset) -> float:
    """Overlap of the smaller shingle set with the larger: a quote padded or lightly edited by
    the text that repeats it still scores high."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def copy_groups(points: Sequence[ClaimPoint], threshold: float = COPY_SIMILARITY) -> list[int]:
    """A witness label per claim: one document's claims, or near-duplicate quotes, share one.

    The label is the smallest index of the claim's group. All pairs are compared at once: the
    shingle overlaps are one matrix product, the groups found by spreading the smallest label.
    """
    n = len(points)
    if n > 1 and points[0].document and all(p.document == points[0].document for p in points):
        return [0] * n  # one document: one witness, nothing to compare
    if n < DENSE_MIN or n > DENSE_MAX:
        return _copy_groups_pairwise(points, threshold)
    sh = [shingles(p.quote) for p in points]
    vocab: dict[tuple[str, ...], int] = {}
    rows = [i for i, s in enumerate(sh) for _ in s]
    cols = [vocab.setdefault(x, len(vocab)) for s in sh for x in s]
    m = np.zeros((n, max(len(vocab), 1)))
    m[rows, cols] = 1.0
    common = m @ m.T  # shingles in common: small integers, exact in floating point
    size = np.array([len(s) for s in sh], dtype=float)
    smaller = np.minimum.outer(size, size)
    with np.errstate(divide="ignore", invalid="ignore"):  # the same division as similarity()
        close = np.where(smaller > 0, common / smaller, 0.0) >= threshold
    docs = {d: k for k, d in enumerate(dict.fromkeys(p.document for p in points if p.document))}
    doc = np.array([docs[p.document] if p.document else -1 - i for i, p in enumerate(points)])
    close |= doc[:, None] == doc[None, :]
    label = np.arange(n)
    while True:
        new = np.where(close, label[None, :], n).min(axis=1)
        new = new[new]  # jump to the label's own label: the paths halve each round
        if np.array_equal(new, label):
            return label.tolist()
        label = new


def _copy_groups_pairwise(points: Sequence[ClaimPoint], threshold: float) -> list[int]:
    """copy_groups for a group too small or too big for an all-pairs matrix, pair by pair."""
    parent = list(range(len(points)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sh = [shingles(p.quote) for p in points]
    for i in range(len(points)):
        for j in range(i + 1, len(points)):
            ri, rj = find(i), find(j)
            if ri == rj:
                continue
            same_doc = points[i].document == points[j].document and points[i].document
            if same_doc or similarity(sh[i], sh[j]) >= threshold:
                parent[max(ri, rj)] = min(ri, rj)
    return [find(i) for i in range(len(points))]


# --- the truth-discovery core, on arrays ---------------------------------------------------


def truth_discovery(
    obj: np.ndarray,
    source: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    share: np.ndarray,
    accepted: np.ndarray | None = None,
    iterations: int = ITERATIONS,
) -> TruthResult:
    """CRH over intervals. `obj`: object index per claim (0..m-1, every index used); `source`:
    source index; `share`: 1 / size of the claim's witness group (copies count once)."""
    m, n = int(obj.max()) + 1 if len(obj) else 0, len(obj)
    n_src = int(source.max()) + 1 if len(source) else 0
    boost = np.where(accepted, ACCEPTED_WEIGHT, 1.0) if accepted is not None else np.ones(n)
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
    out = np.empty(len(t), dtype=np.int64)
    cur, first, prev = -1, 0, None
    for at in range(0, len(t), CHUNK):  # in chunks: Python ints for a million claims are heavy
        ss, tt = series[at : at + CHUNK].tolist(), t[at : at + CHUNK].tolist()
        for k, (s, d) in enumerate(zip(ss, tt, strict=True)):
            if s != prev or d - first > window:
                cur, first, prev = cur + 1, d, s
            out[at + k] = cur
    return out


# --- from claims to series points ----------------------------------------------------------


def comparable(p: ClaimPoint) -> float:
    """The stated value in the units the checks compare: HKD for money."""
    return p.value_hkd if p.value_hkd is not None else p.value


def _unit(points: Sequence[ClaimPoint]) -> str:
    return "HKD" if any(p.value_hkd is not None for p in points) else points[0].unit


def reconcile(
    points: Sequence[ClaimPoint], accepted: frozenset[int] = frozenset()
) -> list[SeriesPoint]:
    """The believed value per entity, metric, period and date, from claims (rejected ones removed
    beforehand); `accepted` holds the claim ids a reviewer accepted."""
    if not points:
        return []
    pts = sorted(points, key=lambda p: (p.entity, p.metric, p.period or "", p.as_of, p.claim_id))
    series_key = {k: i for i, k in enumerate(dict.fromkeys((p.entity, p.metric, p.period or "")
                                                          for p in pts))}  # fmt: skip
    s_arr = np.array([series_key[(p.entity, p.metric, p.period or "")] for p in pts])
    t_arr = np.array([(p.as_of - EPOCH).days for p in pts])
    obj = assign_objects(s_arr, t_arr)
    share = np.ones(len(pts))
    groups: list[list[int]] = [[] for _ in range(int(obj.max()) + 1)]
    for k, o in enumerate(obj.tolist()):
        groups[o].append(k)
    witness = np.zeros(len(pts), dtype=np.int64)
    for members in groups:
        labels = copy_groups([pts[k] for k in members])
        sizes = {lab: labels.count(lab) for lab in labels}
        for k, lab in zip(members, labels, strict=True):
            share[k] = 1.0 / sizes[lab]
            witness[k] = members[lab]
    src_key = {s: i for i, s in enumerate(dict.fromkeys(p.publisher or p.document for p in pts))}
    src = np.array([src_key[p.publisher or p.document] for p in pts])
    acc = np.array([p.claim_id in accepted for p in pts])
    res = truth_discovery(obj, src, np.array([p.low for p in pts]),
                          np.array([p.high for p in pts]), share, acc)  # fmt: skip
    return [
        _point([pts[k] for k in members], acc[members], witness[members],
               res.source_weight[src[members]], float(res.low[o]), float(res.high[o]))
        for o, members in enumerate(groups)
    ]  # fmt: skip


def _point(
    claims: list[ClaimPoint],
    acc: np.ndarray,
    witness: np.ndarray,
    weights: np.ndarray,
    t_low: float,
    t_high: float,
) -> SeriesPoint:
    scale = max(abs(t_low), abs(t_high), 1e-12)
    fits = [max(c.low - t_high, t_low - c.high, 0.0) / scale <= SUPPORT_TOLERANCE for c in claims]
    support = [c for c, ok in zip(claims, fits, strict=True) if ok]
    overridden = [c for c, ok in zip(claims, fits, strict=True) if not ok]
    # The interval is what every supporting claim allows, when they share one.
    if support and max(c.low for c in support) <= min(c.high for c in support):
        t_low, t_high = max(c.low for c in support), min(c.high for c in support)

    def rank(k: int) -> tuple:
        inside = t_low <= comparable(claims[k]) <= t_high
        return (not fits[k], not acc[k], not inside, -weights[k], k)

    best = claims[min(range(len(claims)), key=rank)]
    value = comparable(best) if t_low <= comparable(best) <= t_high else (t_low + t_high) / 2
    n_wit = len(set(witness.tolist()))
    if acc.any():
        method = "accepted"
        why = f"Accepted by a reviewer: {best.phrase()}"
    elif n_wit == 1:
        method = "single"
        why = f"One source: {best.phrase()}"
        if len(claims) > 1:
            why += f", stated {len(claims)} times"
    else:
        method = "consensus"
        sup_wit = len({int(w) for w, ok in zip(witness, fits, strict=True) if ok})
        why = f"{sup_wit} of {n_wit} independent sources agree on {best.phrase()}"
        copies = len(claims) - n_wit
        if copies:
            why += f" ({copies} repeated text{'s' if copies > 1 else ''} counted once)"
    if overridden:
        top = max(weights[[k for k, ok in enumerate(fits) if ok]], default=0.0)
        lost = ", ".join(c.phrase() for c in overridden[:3])
        more = f" and {len(overridden) - 3} more" if len(overridden) > 3 else ""
        low_w = min(weights[[k for k, ok in enumerate(fits) if not ok]])
        why += f"; overrides {lost}{more}"
        if method == "consensus":
            why += f" (source weight {top:.2f} against {low_w:.2f})"
    first = min(claims, key=lambda c: (c.as_of, c.claim_id))
    unit = _unit(claims)
    return SeriesPoint(
        first.entity, first.metric, first.period, first.as_of, value, t_low, t_high, unit,
        method, tuple(sorted(c.claim_id for c in support)),
        tuple(sorted(c.claim_id for c in overridden)), why + ".",
    )  # fmt: skip
