"""The consensus series: per entity, metric and date, the value the product believes and why.

Each entity's metric is reconciled on its own claims (source weights are learned per series),
so the dashboard computes the one series it shows without reading every claim.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

from db.claims import ClaimFilter
from db.conflicts import open_conflict_ids
from etl.check.consensus import SeriesPoint, reconcile
from etl.check.consistency import load_points
from etl.check.points import ClaimPoint

__all__ = ["SERIES_COLUMNS", "SeriesPoint", "iter_series", "metric_points", "series_points"]

SERIES_COLUMNS = (
    "entity", "metric", "period", "as_of", "value", "value_low", "value_high", "unit", "method",
    "claim_ids", "overridden_claim_ids", "conflict_ids", "explanation",
)  # fmt: skip


def reconcile_by_series(
    points: list[ClaimPoint], accepted: frozenset[int] = frozenset()
) -> list[SeriesPoint]:
    """Truth discovery run separately per entity and metric: a source's weight is what it
    earned in that series, so one series can be computed alone (`metric_points`) with the same
    result as here."""
    groups: dict[tuple[str, str], list[ClaimPoint]] = {}
    for p in points:
        groups.setdefault((p.entity, p.metric), []).append(p)
    return [sp for key in sorted(groups) for sp in reconcile(groups[key], accepted)]


def all_points(engine: Engine) -> list[SeriesPoint]:
    """Every series point of every entity and metric."""
    points, accepted = load_points(engine)
    return reconcile_by_series(points, accepted)


def metric_points(engine: Engine, entity: str, metric: str) -> list[SeriesPoint]:
    """One entity's and metric's series points (stock and flows), reading only its claims."""
    points, accepted = load_points(engine, entity, metric)
    return reconcile(points, accepted)


def series_points(
    engine: Engine, entity: str, metric: str, *, include_flows: bool = False
) -> list[SeriesPoint]:
    """The dashboard's consensus line for one metric: stock points by date (flows on request)."""
    found = [p for p in metric_points(engine, entity, metric) if include_flows or not p.period]
    return sorted(found, key=lambda p: (p.period or "", p.as_of))


def iter_series(engine: Engine, filt: ClaimFilter | None = None) -> Iterator[dict[str, Any]]:
    """Rows for `export series` (metric, entity and date filters apply)."""
    filt = filt or ClaimFilter()
    conflicts = open_conflict_ids(engine)
    if filt.entity and filt.metric:  # what the Growth page links to: one series, read alone
        found = metric_points(engine, filt.entity, filt.metric)
    else:
        found = all_points(engine)
    points = sorted(found, key=lambda p: (p.entity, p.metric, p.period or "", p.as_of))
    for p in points:
        if (filt.metric and p.metric != filt.metric) or (filt.entity and p.entity != filt.entity):
            continue
        if (filt.date_from and p.as_of < filt.date_from) or (
            filt.date_to and p.as_of > filt.date_to
        ):
            continue
        ids = sorted({c for claim in p.supporting for c in conflicts.get(claim, ())})
        yield {
            "entity": p.entity,
            "metric": p.metric,
            "period": p.period,
            "as_of": p.as_of,
            "value": p.value,
            "value_low": p.value_low,
            "value_high": p.value_high,
            "unit": p.unit,
            "method": p.method,
            "claim_ids": ";".join(map(str, p.supporting)),
            "overridden_claim_ids": ";".join(map(str, p.overridden)),
            "conflict_ids": ";".join(map(str, ids)),
            "explanation": p.explanation,
        }
