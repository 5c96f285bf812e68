"""The consensus series: per entity, metric and date, the value the product believes and why.

Each entity's metric is reconciled on its own claims (source weights are learned per series),
so a series is computed, and stored by the checks (etl.check.consistency), on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Engine

from db.conflicts import open_conflicts_by_series
from db.dirty import dirty_series
from db.documents import document_signals, documents_version
from db.metrics import catalogue
from db.series_store import read_series
from etl.check.claims import load_points
from etl.check.columns import ClaimColumns
from etl.check.consensus import SeriesPoint, reconcile
from etl.check.disputes import Dispute
from etl.check.points import ClaimPoint
from etl.check.quality import SourceQuality, qualities_of_rows

__all__ = ["SERIES_COLUMNS", "SeriesPoint", "consensus_rows", "series_points"]

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


def document_quality(bind: Engine | Connection, names: Sequence[str] | None = None):
    """Each document's standing as a witness (of the documents named, or all), by file name;
    all of them kept until documents are added or replaced."""
    if names is not None or not isinstance(bind, Engine):
        return qualities_of_rows(document_signals(bind, names), own_names())
    key = str(bind.url)
    version = documents_version(bind)
    cached = _quality_cache.get(key)
    if cached is None or cached[0] != version:
        cached = (version, qualities_of_rows(document_signals(bind), own_names()))
        _quality_cache[key] = cached
    return cached[1]


def disputes_of(bind: Engine | Connection, entity: str | None = None, metric: str | None = None):
    """(entity, metric) -> the open conflicts of that series, as the consensus reads them."""
    found = open_conflicts_by_series(bind, entity, metric)
    return {k: [Dispute(*row) for row in rows] for k, rows in found.items()}


def consensus_inputs(
    bind: Engine | Connection,
    entity: str,
    metric: str,
    points: Sequence[ClaimPoint],
    signals: Sequence[tuple] | None = None,
) -> dict[str, Any]:
    """What consensus.reconcile weighs besides the claims, read for one series: its open
    conflicts, its documents' standing (from their `signals` when read already: rows of
    db.documents.SIGNAL_FIELDS), whether the metric is a running total."""
    if signals is None:
        quality = document_quality(bind, sorted({d for d in _documents(points) if d}))
    else:
        quality = qualities_of_rows(list(filter(itemgetter(0), signals)), own_names())
    return {
        "disputes": disputes_of(bind, entity, metric).get((entity, metric), ()),
        "quality": quality,
        "cumulative": _cumulative(metric),
    }


def _documents(points: Sequence[ClaimPoint]) -> Sequence[str]:
    if isinstance(points, ClaimColumns):
        return points.column("document")
    return [p.document for p in points]


def _cumulative(metric: str) -> bool:
    info = catalogue().get(metric)
    return bool(info and info.cumulative)


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
        "qualifier": p.qualifier,
        "disputed": p.disputed,
    }


def point_from_row(r: dict[str, Any]) -> SeriesPoint:
    """A stored row as the series point it was made from."""

    def ids(text: str) -> tuple[int, ...]:
        return tuple(int(c) for c in text.split(";") if c)

    return SeriesPoint(
        r["entity"], r["metric"], r["period"], r["as_of"], r["value"], r["value_low"],
        r["value_high"], r["unit"], r["method"], ids(r["claim_ids"]),
        ids(r["overridden_claim_ids"]), r["explanation"], r["qualifier"], r["disputed"],
    )  # fmt: skip


def consensus_rows(points: Sequence[ClaimPoint], accepted: frozenset[int], **inputs: Any):
    """The rows to store for one series, by period and date (`inputs`: see consensus.reconcile)."""
    found = reconcile(points, accepted, **inputs)
    return [stored_row(p) for p in sorted(found, key=lambda p: (p.period or "", p.as_of))]


def stored_series(engine: Engine, entity: str, metric: str) -> list[SeriesPoint]:
    """One series as the checks stored it (stock and flows, by period and date); a series
    waiting for its first check is computed from its claims."""
    rows = read_series(engine, entity, metric)
    if rows:
        found = [point_from_row(r) for r in rows]
    elif (entity, metric) in set(dirty_series(engine)):
        found = metric_points(engine, entity, metric)
    else:
        return []
    return sorted(found, key=lambda p: (p.period or "", p.as_of))


def metric_points(engine: Engine, entity: str, metric: str) -> list[SeriesPoint]:
    """One entity's and metric's series points (stock and flows), computed from its claims."""
    points, accepted = load_points(engine, entity, metric)
    return reconcile(points, accepted, **consensus_inputs(engine, entity, metric, points))


def series_points(
    engine: Engine, entity: str, metric: str, *, include_flows: bool = False
) -> list[SeriesPoint]:
    """One metric's consensus computed now: stock points by date (flows on request)."""
    found = [p for p in metric_points(engine, entity, metric) if include_flows or not p.period]
    return sorted(found, key=lambda p: (p.period or "", p.as_of))
