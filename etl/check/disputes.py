"""Which side of an open, serious conflict to believe (pure).

A conflict of high severity says two figures cannot both hold: a cumulative total that falls
ninefold, a one-year flow above the total, a figure ten times its neighbours, a share above
100 %. Drawing a line through both draws the dispute as a trend. So, while such a conflict is
open, the side whose witnesses are clearly weaker is set aside: it stays on the chart as a
disputed outlier, never on the believed line. A witness weighs what its document's standing
is (`quality`); copies count once; a reviewer-accepted claim outweighs everything. When neither
side is clearly stronger, both stay, marked disputed, until a reviewer decides.

The sides come from the same rules that found the conflict (`rules.scan` on this series'
claims), so they are right however the stored conflicts group their claims; a rule's finding
counts only while every claim it names is in an open high-severity conflict of its kind.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from db.records import SEVERITIES, SEVERITY_ORDER
from etl.check.checks import Examined, examine
from etl.check.copies import copy_groups
from etl.check.points import ClaimPoint
from etl.check.quality import NEUTRAL, SourceQuality
from etl.check.rules import HIGH, Thresholds

WIN_RATIO = 1.5  # one side is believed when its witnesses weigh half as much again as the other's


@dataclass(frozen=True)
class Dispute:
    """An open conflict over the series, as the consensus needs it."""

    conflict_id: int
    kind: str
    severity: str
    claim_ids: tuple[int, ...]


@dataclass(frozen=True)
class SetAside:
    """A claim kept off the believed line while its conflict is open, and why."""

    claim_id: int
    conflict_id: int
    winners: tuple[int, ...]  # the claims believed instead (none: the figure cannot be)
    reason: str  # why, for the claim set aside
    figure: str  # the figure set aside, for the explanation of the one believed instead


@dataclass(frozen=True)
class Contest:
    kind: str
    side_a: tuple[ClaimPoint, ...]
    side_b: tuple[ClaimPoint, ...]  # empty: the figure cannot be on its own (implausible)


def contests(
    points: Sequence[ClaimPoint], cumulative: bool, examined: Examined | None = None
) -> list[Contest]:
    """The high-severity findings of the checks over these claims, as two sides each
    (`examined`: what checks.examine found in them with the default thresholds, if at hand)."""
    if not points:
        return []
    figs, raws = examined or examine(points, cumulative, Thresholds())
    out = []
    for raw in raws:
        if raw.severity != HIGH:
            continue
        first = figs.members[raw.anchors[0]]
        if raw.kind == "magnitude":  # the odd figure against its neighbours
            other = tuple(c for i in raw.evidence for c in figs.members[i])
        elif len(raw.anchors) > 1:
            other = figs.members[raw.anchors[1]]
        else:
            other = ()
        out.append(Contest(raw.kind, first, other))
    return out


def worst_severity(severities: Sequence[str]) -> str:
    """'high' over 'medium' over 'low'; '' for none."""
    return min(severities, key=lambda s: SEVERITY_ORDER.get(s, len(SEVERITIES)), default="")


def strength(
    side: Sequence[ClaimPoint],
    quality: Mapping[str, SourceQuality],
    accepted: frozenset[int],
    witnesses: Callable[[Sequence[ClaimPoint]], list[int]] = copy_groups,
) -> float:
    """What a side's witnesses weigh: each independent witness its best document's standing."""
    if any(c.claim_id in accepted for c in side):
        return float("inf")
    best: dict[int, float] = {}
    for label, c in zip(witnesses(side), side, strict=True):
        score = quality.get(c.document, NEUTRAL).score
        best[label] = max(best.get(label, 0.0), score)
    return sum(best.values())


def _words(side: Sequence[ClaimPoint], quality: Mapping[str, SourceQuality]) -> str:
    """'more than HK$43.4bn (press release, 5 Jun 2025), published by the organisation itself'."""
    c = side[0]
    words = quality.get(c.document, NEUTRAL).words
    more = f" and {len(side) - 1} more" if len(side) > 1 else ""
    return c.phrase() + more + (f", {words}" if words else "")


def set_aside(
    points: Sequence[ClaimPoint],
    disputes: Sequence[Dispute],
    quality: Mapping[str, SourceQuality] | None = None,
    accepted: frozenset[int] = frozenset(),
    *,
    cumulative: bool = False,
    witnesses: Callable[[Sequence[ClaimPoint]], list[int]] = copy_groups,
    examined: Examined | None = None,
) -> dict[int, SetAside]:
    """Claim id -> why it is kept off the believed line (the weaker side of an open conflict).
    `witnesses` labels copies (copies.copy_groups or the like); `examined`: what
    checks.examine found in `points` with the default thresholds, if at hand."""
    quality = quality or {}
    open_high: dict[str, dict[int, int]] = {}  # kind -> claim id -> conflict id
    for d in disputes:
        if d.severity == HIGH:
            for cid in d.claim_ids:
                open_high.setdefault(d.kind, {}).setdefault(cid, d.conflict_id)
    if not open_high:
        return {}
    ranked = []
    weighed: dict[tuple[int, ...], float] = {}  # a figure is a side of many contests
    # The same side (a figure's claims) comes back as the same tuple: weighed by identity
    # first, the side held with its weight so that its id stays its own.
    by_side: dict[int, tuple[Sequence[ClaimPoint], float]] = {}

    def weigh(side: Sequence[ClaimPoint]) -> float:
        held = by_side.get(id(side))
        if held is not None and held[0] is side:
            return held[1]
        key = tuple(c.claim_id for c in side)
        found = weighed.get(key)
        if found is None:
            found = weighed[key] = strength(side, quality, accepted, witnesses)
        by_side[id(side)] = (side, found)
        return found

    for contest in contests(points, cumulative, examined):
        ids = open_high.get(contest.kind, {})
        if not all(c.claim_id in ids for c in (*contest.side_a, *contest.side_b)):
            continue  # resolved by a reviewer, or not stored yet
        sa = weigh(contest.side_a)
        sb = weigh(contest.side_b) if contest.side_b else 0.0
        margin = max(sa, sb) / max(min(sa, sb), 1e-9)
        ranked.append((-margin, contest.kind, ids[contest.side_a[0].claim_id], contest, sa, sb))
    ranked.sort(key=lambda r: r[:3])
    out: dict[int, SetAside] = {}
    for _, _, conflict_id, contest, sa, sb in ranked:
        a, b = contest.side_a, contest.side_b
        if all(c.claim_id in out for c in a) or (b and all(c.claim_id in out for c in b)):
            continue  # an earlier, clearer decision took one side already
        if not b:
            loser, winner = a, ()
        elif sa >= WIN_RATIO * sb:
            loser, winner = b, a
        elif sb >= WIN_RATIO * sa:
            loser, winner = a, b
        else:
            continue  # neither side is clearly stronger: both stay, disputed
        if any(c.claim_id in accepted for c in loser):
            continue
        if winner:
            why = (
                f"Set aside while conflict #{conflict_id} is open: {_words(loser, quality)}, "
                f"is the weaker witness against {_words(winner, quality)}."
            )
        else:
            why = f"Set aside while conflict #{conflict_id} is open: this figure cannot be."
        kept = tuple(c.claim_id for c in winner)
        figure = f"{loser[0].phrase()} (conflict #{conflict_id})"
        for c in loser:
            out.setdefault(c.claim_id, SetAside(c.claim_id, conflict_id, kept, why, figure))
    return out
