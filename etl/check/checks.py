"""Pure conflict detection over the claims of one entity and metric (no SQL).

Claims are first collapsed into *figures*: the same interval on the same date for the same
period, however many documents repeat it. Every rule runs on figures (etl.check.rules: numpy
arrays, so one million claims stay fast), and a finding names the figures it is about; its
identity is built from them, so a repeat of a figure from a new document joins the same
conflict.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from db.records import SEVERITY_ORDER
from etl.check import explain, wording
from etl.check.columns import ClaimColumns
from etl.check.points import ClaimPoint
from etl.check.rules import FigureArrays, RawFinding, Thresholds, scan
from etl.check.union_find import Groups

KINDS = ("disagree", "decrease", "flow_exceeds_stock", "magnitude", "implausible", "jump")


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


def conflict_uid(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:20]


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
    _keys: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    def key(self, i: int) -> str:
        """Figure i as a conflict's identity names it: period, date and interval."""
        found = self._keys.get(i)
        if found is None:
            first, low, high = self.members[i][0], self.arrays.low[i], self.arrays.high[i]
            found = f"{first.period or ''}@{first.as_of}:{float(low):.6g}-{float(high):.6g}"
            self._keys[i] = found
        return found


def build_figures(points: Sequence[ClaimPoint], is_share: bool = False) -> Figures:
    """Collapse claims with the same period, date and interval into one figure each, in order
    (period, date, low, high), each figure's claims in id order."""
    claims = ClaimColumns.of(points)
    period, periods = claims.codes("period")
    by_id = np.argsort(claims.ids, kind="stable")  # each figure's claims in id order
    per = np.array([_period_days(p) for p in periods], dtype=np.int64)[period][by_id]
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
    out = []
    by_kind: dict[str, list[RawFinding]] = {kind: [] for kind in GROUPED}
    for r in raws:
        found = by_kind.get(r.kind)
        if found is None:
            out.append(r)
        else:
            found.append(r)
    for kind in GROUPED:
        pairs = by_kind[kind]
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
    units = set(claims.distinct("unit"))
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
        if key in merged:  # the same figures reached twice: keep one conflict
            continue
        claims = [c for i in (*raw.anchors, *raw.evidence) for c in figs.members[i]]
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
