"""The consensus series: per entity, metric and date, the value the product believes and why.

Each entity's metric is reconciled on its own claims (source weights are learned per series),
so a series is computed, and stored by the checks (etl.check.consistency), on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine

from etl.check.claims import load_points
from etl.check.consensus import SeriesPoint, reconcile
from etl.check.points import ClaimPoint

__all__ = ["SERIES_COLUMNS", "SeriesPoint", "consensus_rows", "series_points"]

SERIES_COLUMNS = (
    "entity", "metric", "period", "as_of", "value", "value_low", "value_high", "unit", "method",
    "claim_ids", "overridden_claim_ids", "conflict_ids", "explanation",
)  # fmt: skip


def series_consensus(
    points: Sequence[ClaimPoint], accepted: frozenset[int], conflicts: Sequence[Any] = ()
) -> list[SeriesPoint]:
    """The consensus of one series from its claims that count, the accepted ids and the
    series' conflicts as just detected (etl.check.checks.Finding): a pure function."""
    del conflicts  # the consensus does not weigh them yet
    return reconcile(points, accepted)


def stored_row(p: SeriesPoint) -> dict[str, Any]:
    """A series point as db.series_store stores it."""
    return {
        "entity": p.entity,
        "metric": p.metric,
        "period": p.period,
        "as_of": p.as_of,
        "value": float(p.value),
        "value_low": float(p.value_low),
        "value_high": float(p.value_high),
        "unit": p.unit,
        "method": p.method,
        "claim_ids": ";".join(map(str, p.supporting)),
        "overridden_claim_ids": ";".join(map(str, p.overridden)),
        "explanation": p.explanation,
        "reason": getattr(p, "reason", None),  # a point may carry why it was drawn
    }


def consensus_rows(
    points: Sequence[ClaimPoint], accepted: frozenset[int], conflicts: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    """The rows to store for one series, by period and date."""
    found = series_consensus(points, accepted, conflicts)
    return [stored_row(p) for p in sorted(found, key=lambda p: (p.period or "", p.as_of))]


def metric_points(engine: Engine, entity: str, metric: str) -> list[SeriesPoint]:
    """One entity's and metric's series points (stock and flows), computed from its claims."""
    points, accepted = load_points(engine, entity, metric)
    return series_consensus(points, accepted)


def series_points(
    engine: Engine, entity: str, metric: str, *, include_flows: bool = False
) -> list[SeriesPoint]:
    """One metric's consensus computed now: stock points by date (flows on request)."""
    found = [p for p in metric_points(engine, entity, metric) if include_flows or not p.period]
    return sorted(found, key=lambda p: (p.period or "", p.as_of))
