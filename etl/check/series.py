"""The consensus series: per entity, metric and date, the value the product believes and why.

Each entity's metric is reconciled on its own claims (source weights are learned per series),
so the dashboard computes the one series it shows without reading every claim.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

from db.claims import ClaimFilter
from db.conflicts import open_conflict_ids, open_conflicts_by_series
from db.documents import document_signals, documents_version
from db.metrics import catalogue
from etl.check.consensus import SeriesPoint, reconcile
from etl.check.consistency import load_points
from etl.check.disputes import Dispute
from etl.check.points import ClaimPoint
from etl.check.quality import DocumentSignals, SourceQuality, qualities

__all__ = ["SERIES_COLUMNS", "SeriesPoint", "iter_series", "metric_points", "series_points"]

SERIES_COLUMNS = (
    "entity", "metric", "period", "as_of", "value", "value_low", "value_high", "unit", "method",
    "claim_ids", "overridden_claim_ids", "conflict_ids", "explanation", "qualifier", "disputed",
)  # fmt: skip
_quality_cache: dict[str, tuple[tuple, dict[str, SourceQuality]]] = {}


def own_names() -> tuple[str, ...]:
    """The names under which the tracked organisation publishes its own releases."""
    try:
        from etl.config import load_config

        config = load_config()
        return (config.name, *config.aliases)
    except (OSError, ValueError):
        return ()


def document_quality(engine: Engine) -> dict[str, SourceQuality]:
    """Every document's standing as a witness, kept until documents are added or replaced
    (claims and their flags never change after a document is stored)."""
    key = str(engine.url)
    version = documents_version(engine)
    cached = _quality_cache.get(key)
    if cached is None or cached[0] != version:
        signals = [DocumentSignals(**row) for row in document_signals(engine)]
        cached = (version, qualities(signals, own_names()))
        _quality_cache[key] = cached
    return cached[1]


def disputes_of(engine: Engine, entity: str | None = None, metric: str | None = None):
    """(entity, metric) -> the open conflicts of that series, as the consensus reads them."""
    found = open_conflicts_by_series(engine, entity, metric)
    return {k: [Dispute(*row) for row in rows] for k, rows in found.items()}


def _cumulative(metric: str) -> bool:
    info = catalogue().get(metric)
    return bool(info and info.cumulative)


def reconcile_by_series(
    points: list[ClaimPoint],
    accepted: frozenset[int] = frozenset(),
    disputes: dict[tuple[str, str], list[Dispute]] | None = None,
    quality: dict[str, SourceQuality] | None = None,
) -> list[SeriesPoint]:
    """Truth discovery run separately per entity and metric: a source's weight is what it
    earned in that series, so one series can be computed alone (`metric_points`) with the same
    result as here."""
    groups: dict[tuple[str, str], list[ClaimPoint]] = {}
    for p in points:
        groups.setdefault((p.entity, p.metric), []).append(p)
    disputes = disputes or {}
    return [
        sp
        for key in sorted(groups)
        for sp in reconcile(
            groups[key],
            accepted,
            disputes=disputes.get(key, ()),
            quality=quality,
            cumulative=_cumulative(key[1]),
        )
    ]


def all_points(engine: Engine) -> list[SeriesPoint]:
    """Every series point of every entity and metric."""
    points, accepted = load_points(engine)
    return reconcile_by_series(points, accepted, disputes_of(engine), document_quality(engine))


def metric_points(engine: Engine, entity: str, metric: str) -> list[SeriesPoint]:
    """One entity's and metric's series points (stock and flows), reading only its claims."""
    points, accepted = load_points(engine, entity, metric)
    disputes = disputes_of(engine, entity, metric).get((entity, metric), ())
    return reconcile(
        points,
        accepted,
        disputes=disputes,
        quality=document_quality(engine),
        cumulative=_cumulative(metric),
    )


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
            "qualifier": p.qualifier,
            "disputed": p.disputed,
        }
