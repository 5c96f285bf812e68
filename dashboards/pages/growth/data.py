"""What the Growth page shows, read through `db` and `etl`: chart points, consensus, KPI cards."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Engine

from db.claims import ClaimFilter, count_claims, page_claims
from db.conflicts import in_open_conflicts
from db.dirty import dirty_series
from db.metrics import catalogue
from db.series_store import read_series
from db.version import data_version

FALLBACK_ENTITY = "Cyberport"
DISPUTING = ("high", "medium")  # conflicts that mark a KPI disputed (a low one is a mere jump)
KPI_METRICS = ("companies", "listed_companies", "unicorns", "funding_raised")
MAX_POINTS = 2000  # newest first; a chart with more points than this is unreadable anyway
POINT_COLUMNS = (
    "claim_id",
    "document_id",
    "document",
    "publisher",
    "title",
    "as_of",
    "value",
    "unit",
    "qualifier",
    "value_low",
    "value_high",
    "value_hkd",
    "quote",
    "flags",
    "status",
    "period",
)


@cache
def tracked_entity() -> str:
    """The organisation the product tracks (etl.config), else Cyberport."""
    try:
        from etl.config import load_config

        return load_config().name or FALLBACK_ENTITY
    except (ImportError, OSError, ValueError):
        return FALLBACK_ENTITY


@dataclass(frozen=True)
class ChartPoint:
    """One claim as the chart draws it."""

    claim_id: int
    document_id: int
    document: str
    publisher: str | None
    as_of: date
    value: float
    value_low: float
    value_high: float
    unit: str
    qualifier: str
    quote: str
    status: str  # auto, accepted, rejected
    in_conflict: bool
    period: str | None = None
    garbled: bool = False  # the source text is mangled: drawn apart, never as a clean value


@dataclass(frozen=True)
class ConsensusPoint:
    as_of: date
    value: float
    value_low: float
    value_high: float
    method: str = ""
    supporting: tuple[int, ...] = ()  # claim ids


@dataclass(frozen=True)
class ChartData:
    entity: str
    metric: str
    label: str
    unit: str
    points: tuple[ChartPoint, ...]
    consensus: tuple[ConsensusPoint, ...]
    total: int  # claims in range, of which `points` holds at most MAX_POINTS (newest)


@dataclass(frozen=True)
class Kpi:
    metric: str
    label: str
    unit: str
    value: float | None
    as_of: date | None
    change: float | None  # since the previous consensus point
    previous_as_of: date | None
    disputed: bool = False  # the value or the one before is in an open, serious conflict


def _money(row: dict[str, Any]) -> tuple[float, float, float, str]:
    """Money in HKD (value_hkd), so USD and HKD claims share one axis."""
    value, low, high, unit = row["value"], row["value_low"], row["value_high"], row["unit"]
    hkd = row.get("value_hkd")
    if unit in ("USD", "RMB") and hkd and value:
        rate = hkd / value
        return hkd, low * rate, high * rate, "HKD"
    return value, low, high, unit


def point_from_row(row: dict[str, Any]) -> ChartPoint:
    value, low, high, unit = _money(row)
    flags = [f for f in (row.get("flags") or "").split(";") if f]
    return ChartPoint(
        claim_id=row["claim_id"],
        document_id=row["document_id"],
        document=row["document"],
        publisher=row.get("publisher"),
        as_of=row["as_of"],
        value=value,
        value_low=low,
        value_high=high,
        unit=unit,
        qualifier=row["qualifier"],
        quote=row["quote"],
        status=row["status"],
        in_conflict="conflict" in flags,
        period=row.get("period"),
        garbled="garbled" in flags,
    )


def consensus_points(engine: Engine, entity: str, metric: str) -> tuple[ConsensusPoint, ...]:
    """The consensus series of one metric (stock figures, by date) as the checks stored it; a
    series not stored yet (waiting for its first check) is computed from its claims."""
    rows = [r for r in read_series(engine, entity, metric) if not r["period"]]
    if rows:
        return tuple(
            ConsensusPoint(r["as_of"], r["value"], r["value_low"], r["value_high"], r["method"],
                           tuple(int(c) for c in r["claim_ids"].split(";") if c))
            for r in sorted(rows, key=lambda r: r["as_of"])
        )  # fmt: skip
    if (entity, metric) not in set(dirty_series(engine)):
        return ()
    from etl.check import series_points

    return tuple(
        ConsensusPoint(p.as_of, p.value, p.value_low, p.value_high, p.method, p.supporting)
        for p in series_points(engine, entity, metric)
    )


CHART_CACHE_SIZE = 64
_chart_cache: OrderedDict[tuple, tuple[tuple, ChartData]] = OrderedDict()


def chart_data(
    engine: Engine,
    metric: str,
    *,
    entity: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> ChartData:
    """Claims (newest MAX_POINTS) and consensus of one metric of the tracked entity; the last
    charts asked for are kept until the stored data changes (any claim, review or conflict)."""
    info = catalogue().get(metric)
    if info is None:
        raise ValueError(f"unknown metric {metric!r}")
    entity = entity or tracked_entity()
    key = (str(engine.url), entity, metric, date_from, date_to)
    version = data_version(engine)
    hit = _chart_cache.get(key)
    if hit is not None and hit[0] == version:
        _chart_cache.move_to_end(key)
        return hit[1]
    data = _chart_data(engine, info, entity, metric, date_from, date_to)
    _chart_cache[key] = (version, data)
    while len(_chart_cache) > CHART_CACHE_SIZE:
        _chart_cache.popitem(last=False)
    return data


def _chart_data(
    engine: Engine, info: Any, entity: str, metric: str, date_from: date | None,
    date_to: date | None,
) -> ChartData:  # fmt: skip
    filt = ClaimFilter(metric=metric, entity=entity, date_from=date_from, date_to=date_to)
    rows = page_claims(
        engine, filt, sort=(("as_of", "desc"),), limit=MAX_POINTS + 1, columns=POINT_COLUMNS
    )
    total = len(rows) if len(rows) <= MAX_POINTS else count_claims(engine, filt)
    points = tuple(
        sorted((point_from_row(r) for r in rows[:MAX_POINTS]), key=lambda p: (p.as_of, p.claim_id))
    )
    consensus = tuple(
        c
        for c in consensus_points(engine, entity, metric)
        if (date_from is None or c.as_of >= date_from) and (date_to is None or c.as_of <= date_to)
    )
    return ChartData(entity, metric, info.label, info.unit, points, consensus, total)


def kpi(engine: Engine, metric: str, entity: str | None = None) -> Kpi:
    """The newest consensus value of `metric` and its change since the point before."""
    info = catalogue()[metric]
    series = consensus_points(engine, entity or tracked_entity(), metric)
    if not series:
        return Kpi(metric, info.label, info.unit, None, None, None, None)
    last = series[-1]
    prev = series[-2] if len(series) > 1 else None
    compared = (*last.supporting, *(prev.supporting if prev else ()))
    return Kpi(
        metric,
        info.label,
        info.unit,
        last.value,
        last.as_of,
        None if prev is None else last.value - prev.value,
        None if prev is None else prev.as_of,
        bool(in_open_conflicts(engine, compared, DISPUTING)),
    )


def kpis(engine: Engine, entity: str | None = None) -> list[Kpi]:
    return [kpi(engine, m, entity) for m in KPI_METRICS if m in catalogue()]


def export_href(
    kind: str,
    metric: str | None,
    entity: str | None,
    date_from: date | str | None,
    date_to: date | str | None,
    *,
    bundle: bool = False,
) -> str:
    """URL of the CSV (or zip bundle) holding what the chart shows."""
    params = {
        "metric": metric,
        "entity": entity,
        "from": str(date_from)[:10] if date_from else None,
        "to": str(date_to)[:10] if date_to else None,
    }
    query = urlencode({k: v for k, v in params.items() if v})
    return f"/export/{kind}.{'zip' if bundle else 'csv'}" + (f"?{query}" if query else "")


def source_href(click_data: dict[str, Any] | None) -> str | None:
    """The source page of a clicked claim point (its customdata starts with claim, document)."""
    try:
        point = (click_data or {})["points"][0]
        document_id = int(point["customdata"][1])
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return f"/sources/{document_id}"
