"""One sentence per conflict, written from the data, that a reviewer understands in one read."""

from __future__ import annotations

import numpy as np

from etl.check import wording
from etl.check.points import ClaimPoint


def ten_hint(ratio: float) -> str:
    """' — one figure is probably off by a factor of ten' when the ratio is near 10, 100, ..."""
    if not np.isfinite(ratio) or ratio < 5:
        return ""
    lg = float(np.log10(ratio))
    if abs(lg - round(lg)) > 0.15:
        return ""
    times = "ten" if round(lg) == 1 else f"{10 ** round(lg):,.0f}"
    return f" — one figure is probably off by a factor of {times}"


def _gap(a: ClaimPoint, b: ClaimPoint) -> str:
    days = abs((b.as_of - a.as_of).days)
    return "on the same day" if days == 0 else f"{wording.span_words(days)} apart"


def disagree(label: str, a: ClaimPoint, b: ClaimPoint, ratio: float) -> str:
    hint = ten_hint(ratio) or ""
    return f"{label}: {a.phrase()} and {b.phrase()}, {_gap(a, b)}, cannot both hold{hint}."


def decrease(label: str, a: ClaimPoint, b: ClaimPoint, ratio: float, cumulative: bool) -> str:
    if cumulative:
        hint = ten_hint(ratio) or " — one of the two figures is probably wrong"
        return (
            f"{label} fell from {a.phrase()} to {b.phrase()}; a cumulative total cannot fall{hint}."
        )
    pct = (1 - 1 / ratio) * 100 if ratio > 0 else 100.0
    days = (b.as_of - a.as_of).days
    return (
        f"{label} fell by about {pct:.0f}% within {wording.span_words(days)}, from {a.phrase()} "
        f"to {b.phrase()}; a fall this large between nearby dates is worth a check."
    )


def flow_exceeds_stock(label: str, flow: ClaimPoint, stock: ClaimPoint, ratio: float) -> str:
    span = wording.period_words(flow.period) or "one period"
    hint = ten_hint(ratio)
    return (
        f"{label} in {span}, {flow.phrase()}, exceeds the cumulative total of {stock.phrase()}; "
        f"what was added in {span} cannot be more than the total it adds to{hint}."
    )


def magnitude(label: str, p: ClaimPoint, neighbours: list[ClaimPoint], ratio: float) -> str:
    vals = sorted(n.low if n.low > 0 else n.high for n in neighbours)
    med = float(np.median(vals)) if vals else 0.0
    unit = "HKD" if p.unit in wording.MONEY_PREFIX else p.unit
    first = min((n.as_of for n in neighbours), default=p.as_of)
    last = max((n.as_of for n in neighbours), default=p.as_of)
    way = "above" if ratio >= 1 else "below"
    times = ratio if ratio >= 1 else 1 / ratio
    hint = ten_hint(times)
    hint = f"{hint} (億 and billion mixed up?)" if hint else " — one of them is probably wrong"
    return (
        f"{label}: {p.phrase()} is {wording.factor_words(times)} {way} the {len(neighbours)} "
        f"figures around it (median {wording.format_amount(med, unit)}, "
        f"{wording.format_day(first)} to {wording.format_day(last)}){hint}."
    )


def implausible(label: str, p: ClaimPoint, max_share: float) -> str:
    if p.unit == "percent" and p.low > max_share:
        why = f"a share cannot be above {max_share:.0f}%"
    elif p.low > p.high:
        why = "its lower bound is above its upper bound"
    else:
        why = "it cannot be negative"
    return f"{label}: {p.phrase()} cannot be — {why}."


def jump(label: str, a: ClaimPoint, b: ClaimPoint, growth: float) -> str:
    days = (b.as_of - a.as_of).days
    return (
        f"{label} rose from {a.phrase()} to {b.phrase()}, {wording.factor_words(growth)} in "
        f"{wording.span_words(days)}; growth this fast is improbable — check both figures."
    )


def _listing(points: list[ClaimPoint], counts: list[int]) -> str:
    """'A, B and C', each figure once, with how often it was stated when more than once."""
    named = [
        p.phrase() + (f" stated {n} times" if n > 1 else "")
        for p, n in zip(points, counts, strict=True)
    ]
    return ", ".join(named[:-1]) + f" and {named[-1]}"


def group(
    kind: str,
    label: str,
    points: list[ClaimPoint],
    counts: list[int],
    ratio: float,
    cumulative: bool,
) -> str:
    """One sentence for three or more figures of one kind of conflict, naming every figure."""
    days = (max(p.as_of for p in points) - min(p.as_of for p in points)).days
    within = "on the same day" if days == 0 else f"within {wording.span_words(days)}"
    listed = _listing(points, counts)
    if kind == "disagree":
        return f"{label}: {listed}, {within}, cannot all hold{ten_hint(ratio)}."
    if kind == "decrease" and cumulative:
        hint = ten_hint(ratio) or " — some of these figures are probably wrong"
        return f"{label} falls between {listed}; a cumulative total cannot fall{hint}."
    if kind == "decrease":
        return (
            f"{label} falls by more than a few percent between {listed}, {within}; falls this "
            "large between nearby dates are worth a check."
        )
    if kind == "flow_exceeds_stock":
        return (
            f"{label}: among {listed}, what was added in a period exceeds a cumulative total "
            f"dated at or after its end; a flow cannot be more than the total it adds to"
            f"{ten_hint(ratio)}."
        )
    return (
        f"{label} rises through {listed}, {within}; growth this fast is improbable — check "
        "these figures."
    )
