"""Pure conflict detection over the claims of one entity and metric (no SQL).

Claims are first collapsed into *figures*: the same interval on the same date for the same
period, however many documents repeat it. Every check runs on figures (numpy arrays, so one
million claims stay fast), and a finding names the figures it is about; its identity is built
from them, so a repeat of a figure from a new document joins the same conflict.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

import numpy as np

from db.records import SEVERITIES, SEVERITY_ORDER
from etl.check import explain, wording
from etl.check.columns import ClaimColumns
from etl.check.points import ClaimPoint
from etl.check.union_find import Groups

HIGH, MEDIUM, LOW = SEVERITIES
KINDS = ("disagree", "decrease", "flow_exceeds_stock", "magnitude", "implausible", "jump")
EPOCH = date(1970, 1, 1)


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
class Finding:
    """One conflict as detected: `key` identifies it across runs (see `conflict_uid`)."""

    kind: str
    severity: str
    entity: str
    metric: str
    claims: tuple[ClaimPoint, ...]
    explanation: str
    key: str = field(repr=False, default="")

    @property
    def uid(self) -> str:
        return conflict_uid(self.key)

    @property
    def claim_uids(self) -> tuple[str, ...]:
        return tuple(c.uid for c in self.claims)


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


def conflict_uid(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:20]


# --- the checks, on arrays -----------------------------------------------------------------


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
    pairs = np.unique(np.concatenate(lists_j) * n + np.concatenate(lists_i))  # by j, then i
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
    for k in np.unique(level).tolist():
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
    periods = np.unique(fa.period)
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


# --- from claims to findings ---------------------------------------------------------------


class FigureMembers(Sequence[tuple[ClaimPoint, ...]]):
    """The claims stating each figure (figure i -> its claims in id order), made on demand."""

    def __init__(self, claims: ClaimColumns, order: np.ndarray, starts: np.ndarray) -> None:
        self.claims, self.order, self.starts = claims, order, starts
        self._made: dict[int, tuple[ClaimPoint, ...]] = {}  # the rules ask for a few often

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(len(self))[i]]
        found = self._made.get(i)
        if found is None:
            rows = self.order[self.starts[i] : self.starts[i + 1]].tolist()
            found = self._made[i] = tuple(map(self.claims.__getitem__, rows))
        return found


@dataclass(frozen=True)
class Figures:
    """The distinct figures of one series and the claims stating each."""

    arrays: FigureArrays
    members: Sequence[tuple[ClaimPoint, ...]]

    def key(self, i: int) -> str:
        """Figure i as a conflict's identity names it: period, date and interval."""
        first, low, high = self.members[i][0], self.arrays.low[i], self.arrays.high[i]
        return f"{first.period or ''}@{first.as_of}:{float(low):.6g}-{float(high):.6g}"


def build_figures(points: Sequence[ClaimPoint], is_share: bool = False) -> Figures:
    """Collapse claims with the same period, date and interval into one figure each, in order
    (period, date, low, high), each figure's claims in id order."""
    claims = ClaimColumns.of(points)
    days = {p: _period_days(p) for p in set(claims.column("period"))}
    by_id = np.argsort(claims.ids, kind="stable")  # each figure's claims in id order
    per = np.array([days[p] for p in claims.column("period")], dtype=np.int64)[by_id]
    t, low, high = claims.t[by_id], claims.low[by_id], claims.high[by_id]
    o = np.lexsort((high, low, t, per))  # stable: equal figures keep id order
    per, t, low, high = per[o], t[o], low[o], high[o]
    new = np.ones(len(o), dtype=bool)
    new[1:] = (per[1:] != per[:-1]) | (t[1:] != t[:-1]) | (low[1:] != low[:-1]) | (
        high[1:] != high[:-1]
    )  # fmt: skip
    starts = np.r_[np.flatnonzero(new), len(o)]
    rows = by_id[o]
    # A figure's numbers as its first claim in the order given states them (0.0 or -0.0).
    given = np.minimum.reduceat(rows, starts[:-1]) if len(rows) else rows
    fa = FigureArrays(t=t[starts[:-1]], low=claims.low[given], high=claims.high[given],
                      period=per[starts[:-1]], is_share=is_share)  # fmt: skip
    return Figures(fa, FigureMembers(claims, rows, starts))


def _period_days(period: str | None) -> int:
    """A flow's period in days (0 for a stock, -1 when it cannot be read)."""
    if not period:
        return 0
    days = wording.period_days(period)
    return -1 if days is None else days


GROUPED = ("disagree", "decrease", "flow_exceeds_stock", "jump")


def _components(pairs: Sequence[tuple[int, ...]]) -> dict[int, int]:
    """Figure -> the smallest figure of its connected component."""
    seen = {a for anchors in pairs for a in anchors}
    groups = Groups(max(seen, default=-1) + 1)
    for anchors in pairs:
        groups.join(anchors)
    return {x: groups.find(x) for x in seen}


def group_findings(raws: Sequence[RawFinding]) -> list[RawFinding]:
    """Findings of one kind that share a figure become one: all the figures that cannot all
    hold together, with the most severe severity and the largest ratio of their pairs. A
    group of one pair is that pair unchanged."""
    out = [r for r in raws if r.kind not in GROUPED]
    for kind in GROUPED:
        pairs = [r for r in raws if r.kind == kind]
        root = _components([r.anchors for r in pairs])
        groups: dict[int, list[RawFinding]] = {}
        for r in pairs:
            groups.setdefault(root[r.anchors[0]], []).append(r)
        for key in sorted(groups):
            members = groups[key]
            if len(members) == 1:
                out.append(members[0])
                continue
            anchors = tuple(sorted({a for r in members for a in r.anchors}))
            severity = min((r.severity for r in members), key=SEVERITY_ORDER.__getitem__)
            out.append(RawFinding(kind, severity, anchors, ratio=max(r.ratio for r in members)))
    return out


def _sentence(raw: RawFinding, figs: Figures, label: str, cumulative: bool, th: Thresholds) -> str:
    rep = [figs.members[i][0] for i in raw.anchors]
    if len(rep) > 2:
        counts = [len(figs.members[i]) for i in raw.anchors]
        return explain.group(raw.kind, label, rep, counts, raw.ratio, cumulative)
    if raw.kind == "implausible":
        return explain.implausible(label, rep[0], th.max_share_pct)
    if raw.kind == "magnitude":
        nbs = [figs.members[i][0] for i in raw.evidence]
        return explain.magnitude(label, rep[0], nbs, raw.ratio)
    if raw.kind == "disagree":
        return explain.disagree(label, rep[0], rep[1], raw.ratio)
    if raw.kind == "decrease":
        return explain.decrease(label, rep[0], rep[1], raw.ratio, cumulative)
    if raw.kind == "flow_exceeds_stock":
        return explain.flow_exceeds_stock(label, rep[0], rep[1], raw.ratio)
    return explain.jump(label, rep[0], rep[1], raw.ratio)


class Examined(NamedTuple):
    """The figures of one series' claims and every rule's findings over them."""

    figures: Figures
    raws: list[RawFinding]


def examine(points: Sequence[ClaimPoint], cumulative: bool, th: Thresholds) -> Examined:
    """Collapse the claims into figures and run every rule over them."""
    claims = ClaimColumns.of(points)
    units = set(claims.column("unit"))
    figs = build_figures(claims, is_share="percent" in units)
    return Examined(figs, scan(figs.arrays, cumulative, units <= {"count"}, th))


def detect(
    points: Sequence[ClaimPoint],
    *,
    label: str,
    cumulative: bool,
    th: Thresholds | None = None,
    examined: Examined | None = None,
) -> list[Finding]:
    """Conflicts among the claims of one entity and metric, one per identity (`examined`: what
    `examine` found in these claims with these thresholds, when it is at hand)."""
    th = th or Thresholds()
    if not points:
        return []
    entity, metric = points[0].entity, points[0].metric
    figs, raws = examined or examine(points, cumulative, th)
    merged: dict[str, Finding] = {}
    for raw in group_findings(raws):
        key = f"{entity}|{metric}|{raw.kind}|" + ";".join(sorted(figs.key(i) for i in raw.anchors))
        claims = [c for i in (*raw.anchors, *raw.evidence) for c in figs.members[i]]
        if key in merged:  # the same figures reached twice: keep one conflict
            continue
        merged[key] = Finding(
            raw.kind,
            raw.severity,
            entity,
            metric,
            tuple(dict.fromkeys(claims)),
            _sentence(raw, figs, label, cumulative, th),
            key,
        )
    return list(merged.values())


def detect_all(
    points: Sequence[ClaimPoint],
    rules: dict[str, tuple[str, bool]],
    th: Thresholds | None = None,
) -> list[Finding]:
    """Conflicts over claims of any entity and metric; `rules`: metric -> (label, cumulative)."""
    series: dict[tuple[str, str], list[ClaimPoint]] = {}
    for p in points:
        series.setdefault((p.entity, p.metric), []).append(p)
    found: list[Finding] = []
    for (_entity, metric), pts in sorted(series.items()):
        label, cumulative = rules.get(metric, (metric.replace("_", " ").capitalize(), False))
        found += detect(pts, label=label, cumulative=cumulative, th=th)
    return found
