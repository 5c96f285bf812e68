"""The consensus series: per entity, metric and date, the value the product believes and why."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

from db.claims import ClaimFilter
from db.conflicts import open_conflict_ids
from etl.consensus import SeriesPoint, reconcile
from etl.consistency import load_points

__all__ = ["SERIES_COLUMNS", "SeriesPoint", "iter_series", "series_points"]

SERIES_COLUMNS = (
    "entity", "metric", "period", "as_of", "value", "value_low", "value_high", "unit", "method",
    "claim_ids", "overridden_claim_ids", "conflict_ids", "explanation",
)  # fmt: skip


def all_points(engine: Engine) -> list[SeriesPoint]:
    """Every series point; source weights are learned over all claims at once."""
    points, accepted = load_points(engine)
    return reconcile(points, accepted)


def series_points(
    engine: Engine, entity: str, metric: str, *, include_flows: bool = False
) -> list[SeriesPoint]:
    """The dashboard's consensus line for one metric: stock points by date (flows on request)."""
    found = [
        p
        for p in all_points(engine)
        if p.entity == entity and p.metric == metric and (include_flows or not p.period)
    ]
    return sorted(found, key=lambda p: (p.period or "", p.as_of))


def iter_series(engine: Engine, filt: ClaimFilter | None = None) -> Iterator[dict[str, Any]]:
    """Rows for `export series` (metric, entity and date filters apply)."""
    filt = filt or ClaimFilter()
    conflicts = open_conflict_ids(engine)
    points = sorted(all_points(engine), key=lambda p: (p.entity, p.metric, p.period or "", p.as_of))
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
