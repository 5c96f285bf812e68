"""The conflict rules, on arrays: each takes a series' distinct figures (numpy arrays sorted by
period, date and interval) and gives the figures, or pairs of figures, that cannot all hold,
with bounded work per figure. `scan` runs them all; etl.check.checks puts what they find into
words and names the claims.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from db.records import SEVERITIES

HIGH, MEDIUM, LOW = SEVERITIES


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique of integers (the first np.unique in a process imports numpy.ma: a cost every
    command that checks a series would pay)."""
    s = np.sort(values)
    return s[np.r_[True, s[1:] != s[:-1]]] if len(s) else s


@dataclass(frozen=True)
class Thresholds:
    """Every threshold the checks use, with the reason it has the value it has."""

    # Two claims within two months describe "about the same time": press offices restate
    # figures a few times a year and a reprint follows its source by days or weeks.
    disagree_window_days: int = 60
    # Intervals already carry the rounding of the printed digits; 1 % more absorbs float noise
    # and HKD/USD conversion at a slightly different rate.
    disagree_tolerance: float = 0.01
    # Between two dates a figure may move: up to 50 % a year (a fast-growing community), so
    # 6.9 % over the whole window, 1.3 % over 12 days, nothing on the same day.
    disagree_annual_drift: float = 0.5
    # Apart by half again or more is not a rounding matter: high severity.
    disagree_high_ratio: float = 1.5
    # Each figure is compared with this many figures just before it in time (and with the
    # window's extremes): bounded work per figure, however many share a date.
    disagree_nearest: int = 2
    # A cumulative total may be restated slightly (scope, rounding): 1 % before it "falls".
    decrease_tolerance: float = 0.01
    # A community can shrink, but "more than a few percent" between nearby dates needs a look.
    shrink_tolerance: float = 0.05
    shrink_window_days: int = 365
    # "In the past year" is loose about its end date; a total dated a month before the flow's
    # end still has to hold the flow.
    flow_date_slack_days: int = 31
    flow_tolerance: float = 0.01
    # log10 of the ratio to the neighbours' median: 0.85 is a factor of about 7. The slip it
    # hunts (億 = 100 million read as a billion, or the reverse) is a factor of 10, while
    # neighbours within two years of a growing series rarely differ by more than 2-3 times.
    magnitude_log10: float = 0.85
    magnitude_neighbours: int = 3  # on each side, by date
    magnitude_min_neighbours: int = 2  # one neighbour cannot say which of the two is odd
    magnitude_window_days: int = 730
    # Growth by more than 3x a year is improbable for a community of companies; below a
    # quarter the rate is measured over a quarter, since announcements lag the facts.
    jump_annual_factor: float = 3.0
    jump_min_years: float = 0.25
    # Small counts move in steps: 1 -> 3 unicorns is no improbable rate.
    jump_min_increase: float = 5.0
    max_share_pct: float = 100.0


@dataclass(frozen=True)
class RawFinding:
    """A finding in figure indices, before it is put into words."""

    kind: str
    severity: str
    anchors: tuple[int, ...]  # the figures the conflict is about (its identity)
    evidence: tuple[int, ...] = ()  # figures shown alongside (magnitude: the neighbours)
    ratio: float = 0.0


@dataclass(frozen=True)
class FigureArrays:
    """Distinct figures of one series, sorted by (period, t, low, high)."""

    t: np.ndarray  # days since 1970-01-01
    low: np.ndarray
    high: np.ndarray
    period: np.ndarray  # days; 0 for a stock or cumulative figure
    is_share: bool = False


def implausible_mask(fa: FigureArrays, th: Thresholds) -> np.ndarray:
    """Figures that cannot be: a share outside 0-100 %, a negative value, low above high."""
    bad = (fa.high < 0) | (fa.low > fa.high)
    if fa.is_share:
        bad |= fa.low > th.max_share_pct
    return bad


def magnitude_outliers(
    t: np.ndarray, low: np.ndarray, high: np.ndarray, th: Thresholds
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(outlier indices, their ratio to the neighbours' median, neighbour index matrix)."""
    n, k = len(t), th.magnitude_neighbours
    mid = np.where(low > 0, np.sqrt(np.clip(low, 1e-300, None) * high), high)
    offsets = [o for o in range(-k, k + 1) if o]
    idx = np.arange(n)[:, None] + np.array(offsets)[None, :]
    inside = (idx >= 0) & (idx < n)
    idx_c = np.clip(idx, 0, max(n - 1, 0))
    nb = mid[idx_c] if n else np.empty((0, len(offsets)))
    ok = inside & (np.abs(t[idx_c] - t[:, None]) <= th.magnitude_window_days) & (nb > 0)
    ok &= np.abs(nb - mid[:, None]) > 0.01 * np.abs(mid[:, None])  # a repeat is no neighbour
    counts = ok.sum(axis=1)
    cand = np.flatnonzero((counts >= th.magnitude_min_neighbours) & (mid > 0))
    if not len(cand):
        return cand, np.empty(0), idx_c[cand]
    nbm = np.sort(np.where(ok[cand], nb[cand], np.inf), axis=1)  # valid first, ascending
    c, rows = counts[cand], np.arange(len(cand))
    med = (nbm[rows, (c - 1) // 2] + nbm[rows, c // 2]) / 2
    spread = np.log10(nbm[rows, c - 1] / nbm[:, 0])
    ratio = mid[cand] / med
    out = (np.abs(np.log10(ratio)) >= th.magnitude_log10) & (spread < th.magnitude_log10)
    nbi = np.where(ok[cand], idx_c[cand], -1)
    return cand[out], ratio[out], nbi[out]


def _disagree(t, low, high, i: int, j: int, th: Thresholds) -> float | None:
    """The ratio when figures i (earlier or same day) and j cannot both hold, else None."""
    drift = (1 + th.disagree_annual_drift) ** ((t[j] - t[i]) / 365.25)
    slack = drift * (1 + th.disagree_tolerance) - 1
    if low[j] - high[i] > slack * max(abs(high[i]), abs(low[j])):
        lo, hi = high[i], low[j]
    elif low[i] - high[j] > slack * max(abs(high[j]), abs(low[i])):
        lo, hi = high[j], low[i]
    else:
        return None
    return float(hi / lo) if lo > 0 else float("inf")


def disagree_pairs(
    t: np.ndarray, low: np.ndarray, high: np.ndarray, th: Thresholds
) -> list[tuple[int, int, float]]:
    """Pairs of figures within the window whose intervals cannot both hold, with their ratio.

    Figures sorted by date. Each is compared with a bounded number of earlier ones in its
    window: the nearest `disagree_nearest` and the two extremes (the highest lower bound and the
    lowest upper bound, the latest of equals). A figure it disagrees with lies at or beyond one
    of the extremes, so the extremes find it unless the drift allowed over their distance in
    time excuses them while a nearer figure would not; pairs missed so are mostly joined
    through their groups (`group_findings`). The partners are found for every figure at once
    (range extremes from a sparse table); pairs that might disagree are then judged one by one
    (`_disagree`), in order of the later figure, then the earlier."""
    n = len(t)
    if n < 2:
        return []
    t = np.asarray(t, dtype=np.int64)
    js = np.arange(n)
    start = np.searchsorted(t, t - th.disagree_window_days, side="left")
    lists_i, lists_j = [], []
    for d in range(1, th.disagree_nearest + 1):  # the nearest earlier ones in the window
        ok = js - d >= start
        lists_i.append(js[ok] - d)
        lists_j.append(js[ok])
    has = start < js
    first, last = start[has], js[has] - 1
    lists_i += [_latest_extreme(low, first, last, most=True),
                _latest_extreme(high, first, last, most=False)]  # fmt: skip
    lists_j += [js[has], js[has]]
    pairs = sorted_unique(np.concatenate(lists_j) * n + np.concatenate(lists_i))  # j, then i
    i, j = pairs % n, pairs // n
    # A superset of the pairs _disagree accepts (a slack a hair smaller than its own).
    drift = (1 + th.disagree_annual_drift) ** ((t[j] - t[i]) / 365.25)
    loose = (drift * (1 + th.disagree_tolerance) - 1) * (1 - 1e-9) - 1e-12
    maybe = (low[j] - high[i] > loose * np.maximum(np.abs(high[i]), np.abs(low[j]))) | (
        low[i] - high[j] > loose * np.maximum(np.abs(high[j]), np.abs(low[i]))
    )  # fmt: skip
    tl, lo_l, hi_l = t.tolist(), low.tolist(), high.tolist()
    out = []
    for a, b in zip(i[maybe].tolist(), j[maybe].tolist(), strict=True):
        ratio = _disagree(tl, lo_l, hi_l, a, b, th)
        if ratio is not None:
            out.append((a, b, ratio))
    return out


def _latest_extreme(
    values: np.ndarray, first: np.ndarray, last: np.ndarray, most: bool
) -> np.ndarray:
    """For each range [first, last] of `values`, the index of its largest value (`most`) or its
    smallest, the latest of equals: a sparse table, one level per power of two."""
    n = len(values)

    def pick(a: np.ndarray, b: np.ndarray) -> np.ndarray:  # b later than a: b wins a tie
        better = values[b] >= values[a] if most else values[b] <= values[a]
        return np.where(better, b, a)

    table = [np.arange(n)]
    while (2 << (len(table) - 1)) <= n:
        k, prev = len(table), table[-1]
        width = 1 << k
        table.append(pick(prev[: n - width + 1], prev[width // 2 : width // 2 + n - width + 1]))
    level = np.frexp((last - first + 1).astype(np.float64))[1] - 1  # floor(log2(length))
    out = np.empty(len(first), dtype=np.int64)
    for k in sorted_unique(level).tolist():
        sel = level == k
        lo, hi = first[sel], last[sel] - (1 << k) + 1
        out[sel] = pick(table[k][lo], table[k][hi])
    return out


def _previous_date_index(t: np.ndarray) -> np.ndarray:
    """For each figure, the last figure on an earlier date (-1 for none)."""
    return np.searchsorted(t, t, side="left") - 1


def decrease_pairs(
    t: np.ndarray, low: np.ndarray, high: np.ndarray, cumulative: bool, th: Thresholds
) -> list[tuple[int, int, float]]:
    """(earlier, later, ratio) where a stock falls: any fall of a cumulative total (each earlier
    figure paired with the first later figure below it), or a large fall between nearby dates."""
    n = len(t)
    if n < 2:
        return []
    p = _previous_date_index(t)
    has = p >= 0
    pc = np.clip(p, 0, None)
    if cumulative:
        run_max = np.maximum.accumulate(low)
        arg_max = np.maximum.accumulate(np.where(low >= run_max, np.arange(n), 0))
        ref, ref_i = run_max[pc], arg_max[pc]
        bad = has & ((ref - high) > th.decrease_tolerance * np.abs(ref))
    else:
        ref, ref_i = low[pc], pc
        bad = has & ((ref - high) > th.shrink_tolerance * np.abs(ref))
        bad &= (t - t[pc]) <= th.shrink_window_days
    js = np.flatnonzero(bad)
    first: dict[int, int] = {}
    for j in js:  # ascending: keep each earlier figure's first fall
        first.setdefault(int(ref_i[j]), int(j))
    return [(i, j, low[i] / high[j] if high[j] > 0 else float("inf")) for i, j in first.items()]


def jump_pairs(
    t: np.ndarray, low: np.ndarray, high: np.ndarray, is_count: bool, th: Thresholds
) -> list[tuple[int, int, float]]:
    """(earlier, later, growth) where a stock grows faster than `jump_annual_factor` a year."""
    if len(t) < 2:
        return []
    p = _previous_date_index(t)
    pc = np.clip(p, 0, None)
    base = high[pc]
    years = np.maximum((t - t[pc]) / 365.25, th.jump_min_years)
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.where(base > 0, low / base, 0.0)
    bad = (p >= 0) & (growth > th.jump_annual_factor**years)
    if is_count:
        bad &= (low - base) >= th.jump_min_increase
    return [(int(pc[j]), int(j), float(growth[j])) for j in np.flatnonzero(bad)]


def flow_stock_pairs(
    tf: np.ndarray, low_f: np.ndarray, ts: np.ndarray, high_s: np.ndarray, th: Thresholds
) -> list[tuple[int, int, float]]:
    """(flow, stock, ratio): a flow larger than a cumulative total dated at or after its end
    (paired with the smallest such total)."""
    if not len(tf) or not len(ts):
        return []
    start = np.searchsorted(ts, tf - th.flow_date_slack_days, side="left")
    n = len(high_s)
    # Index of the smallest upper bound from each position on (the first on a tie).
    rev = high_s[::-1]
    arg_rev = np.maximum.accumulate(np.where(rev <= np.minimum.accumulate(rev), np.arange(n), 0))
    suffix_arg = np.append((n - 1 - arg_rev)[::-1], -1)
    suffix_min = np.append(np.minimum.accumulate(rev)[::-1], np.inf)
    limit = low_f / (1 + th.flow_tolerance)
    out = []
    for f in np.flatnonzero(suffix_min[start] < limit):
        s = int(suffix_arg[start[f]])
        out.append((int(f), s, low_f[f] / high_s[s] if high_s[s] > 0 else float("inf")))
    return out


def scan(fa: FigureArrays, cumulative: bool, is_count: bool, th: Thresholds) -> list[RawFinding]:
    """Every check over the figures of one entity and metric."""
    found: list[RawFinding] = []
    bad = implausible_mask(fa, th)
    found += [RawFinding("implausible", HIGH, (int(i),)) for i in np.flatnonzero(bad)]
    usable = ~bad
    periods = sorted_unique(fa.period)
    stock_idx = np.flatnonzero(usable & (fa.period == 0))
    for per in periods:
        sel = np.flatnonzero(usable & (fa.period == per))
        t, lo, hi = fa.t[sel], fa.low[sel], fa.high[sel]
        outl, ratios, nbs = magnitude_outliers(t, lo, hi, th)
        for o, r, nb in zip(outl, ratios, nbs, strict=True):
            evidence = tuple(int(sel[x]) for x in nb if x >= 0)
            found.append(RawFinding("magnitude", HIGH, (int(sel[o]),), evidence, float(r)))
        keep = np.ones(len(sel), bool)
        keep[outl] = False
        sel, t, lo, hi = sel[keep], t[keep], lo[keep], hi[keep]
        for i, j, r in disagree_pairs(t, lo, hi, th):
            sev = HIGH if r >= th.disagree_high_ratio else MEDIUM
            found.append(RawFinding("disagree", sev, (int(sel[i]), int(sel[j])), ratio=r))
        if per != 0:
            continue
        stock_idx = sel
        for i, j, r in decrease_pairs(t, lo, hi, cumulative, th):
            sev = HIGH if cumulative else LOW
            found.append(RawFinding("decrease", sev, (int(sel[i]), int(sel[j])), ratio=r))
        for i, j, r in jump_pairs(t, lo, hi, is_count, th):
            found.append(RawFinding("jump", LOW, (int(sel[i]), int(sel[j])), ratio=r))
    if cumulative:
        flows = np.flatnonzero(usable & (fa.period > 0))
        if len(flows):
            flows = flows[np.argsort(fa.t[flows], kind="stable")]
            pairs = flow_stock_pairs(
                fa.t[flows], fa.low[flows], fa.t[stock_idx], fa.high[stock_idx], th
            )
            for f, s, r in pairs:
                anchors = (int(flows[f]), int(stock_idx[s]))
                found.append(RawFinding("flow_exceeds_stock", HIGH, anchors, ratio=r))
    return found
