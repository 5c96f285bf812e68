"""What the Growth page shows, read through `db` and `etl`: chart points, believed series, KPIs.

Every series the page shows comes through `believed_series`, which reads the stored series.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Engine

from db.claims import ClaimFilter, claim_entities, count_claims, page_claims
from db.documents import documents_version
from db.metrics import catalogue
from db.version import data_version
from etl.check.consensus import SeriesPoint
from etl.check.series import document_quality
from etl.report.kpis import HEADLINE_METRICS, Kpi, make_kpi
from etl.report.words import STATUS_WORDS, claim_decisions, figure_text, row_document_name

FALLBACK_ENTITY = "Cyberport"
KPI_METRICS = HEADLINE_METRICS
MAX_POINTS = 2000  # newest first; a chart with more points than this is unreadable anyway
POINT_COLUMNS = (
    "claim_id",
    "document_id",
    "document",
    "publisher",
    "title",
    "kind",
    "published_on",
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
    garbled: bool = False  # the source text is mangled: hidden unless asked for, never counted
    title: str = ""  # the document as a reader knows it
    believed: bool = True  # supports a point of the believed series
    decision: str = ""  # the newest review: "rejected by ana, 2026-02-14 09:30 UTC: why"
    printed: str = ""  # the figure as its source printed it: "over US$10bn"

    @property
    def as_printed(self) -> str:
        return self.printed or figure_text(self.value, self.unit, self.qualifier)


@dataclass(frozen=True)
class ChartSource:
    """A document behind the chart: what it is and how it stands as a witness."""

    document_id: int
    title: str
    publisher: str | None
    kind: str | None
    published_on: date | None
    figures: int  # claims of this chart from it
    standing: str  # "published by the organisation itself", ...


@dataclass(frozen=True)
class ChartData:
    entity: str
    metric: str
    label: str
    unit: str
    points: tuple[ChartPoint, ...]
    series: tuple[SeriesPoint, ...]  # the believed stock series in range (flows apart)
    total: int  # claims in range, of which `points` holds at most MAX_POINTS (newest)
    sources: tuple[ChartSource, ...] = ()  # the documents of `points`, newest first

    @property
    def documents(self) -> int:
        return len(self.sources)


def _money(row: dict[str, Any]) -> tuple[float, float, float, str]:
    """Money in HKD (value_hkd), so USD and HKD claims share one axis."""
    value, low, high, unit = row["value"], row["value_low"], row["value_high"], row["unit"]
    hkd = row.get("value_hkd")
    if unit in ("USD", "RMB") and hkd and value:
        rate = hkd / value
        return hkd, low * rate, high * rate, "HKD"
    return value, low, high, unit


def point_from_row(row: dict[str, Any], believed: bool = True, decision: str = "") -> ChartPoint:
    value, low, high, unit = _money(row)
    flags = [f for f in (row.get("flags") or "").split(";") if f]
    title = row_document_name(row)
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
        title=title,
        believed=believed,
        decision=decision,
        printed=figure_text(row["value"], row["unit"], row["qualifier"]),
    )


Series = tuple[SeriesPoint, ...]


def believed_series(engine: Engine, entity: str, metric: str) -> Series:
    """The believed series of one metric (stock and flow points, by date): the one place the
    page reads series from, as the checks stored it."""
    from etl.check.series import stored_series

    return tuple(stored_series(engine, entity, metric))


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
    """Claims (newest MAX_POINTS) and believed series of one metric of an entity; the last
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
    engine: Engine,
    info: Any,
    entity: str,
    metric: str,
    date_from: date | None,
    date_to: date | None,
) -> ChartData:
    filt = ClaimFilter(metric=metric, entity=entity, date_from=date_from, date_to=date_to)
    rows = page_claims(
        engine, filt, sort=(("as_of", "desc"),), limit=MAX_POINTS + 1, columns=POINT_COLUMNS
    )
    total = len(rows) if len(rows) <= MAX_POINTS else count_claims(engine, filt)
    rows = rows[:MAX_POINTS]
    series = believed_series(engine, entity, metric)
    believed = {c for p in series for c in p.supporting}
    decisions = claim_decisions(engine, [r["claim_id"] for r in rows])
    points = tuple(
        sorted(
            (
                point_from_row(r, r["claim_id"] in believed, decisions.get(r["claim_id"], ""))
                for r in rows
            ),
            key=lambda p: (p.as_of, p.claim_id),
        )
    )
    in_range = tuple(
        p
        for p in series
        if not p.period
        and (date_from is None or p.as_of >= date_from)
        and (date_to is None or p.as_of <= date_to)
    )
    sources = chart_sources(rows, document_quality(engine))
    return ChartData(entity, metric, info.label, info.unit, points, in_range, total, sources)


def chart_sources(
    rows: Sequence[dict[str, Any]], quality: dict[str, Any]
) -> tuple[ChartSource, ...]:
    """The documents behind these claim rows, newest first, with their standing as witnesses."""
    figures = Counter(r["document_id"] for r in rows)
    seen: dict[int, ChartSource] = {}
    for r in rows:
        if r["document_id"] in seen:
            continue
        q = quality.get(r["document"])
        title = row_document_name(r)
        seen[r["document_id"]] = ChartSource(
            r["document_id"],
            title,
            r.get("publisher"),
            r.get("kind"),
            r.get("published_on"),
            figures[r["document_id"]],
            q.words if q else "",
        )
    return tuple(sorted(seen.values(), key=lambda s: s.published_on or date.min, reverse=True))


def kpi(engine: Engine, metric: str, entity: str | None = None) -> Kpi:
    """The card of one metric: its latest believed figure against about a year earlier."""
    from etl.check.series import disputes_of

    info = catalogue()[metric]
    entity = entity or tracked_entity()
    series = believed_series(engine, entity, metric)
    disputes = disputes_of(engine, entity, metric).get((entity, metric), ())
    return make_kpi(metric, info.label, info.unit, series, disputes)


_kpi_cache: dict[tuple[str, str], tuple[tuple, list[Kpi]]] = {}


def kpis(engine: Engine, entity: str | None = None) -> list[Kpi]:
    """The headline cards, kept until the stored data changes."""
    entity = entity or tracked_entity()
    key, version = (str(engine.url), entity), data_version(engine)
    hit = _kpi_cache.get(key)
    if hit is None or hit[0] != version:
        hit = (version, [kpi(engine, m, entity) for m in KPI_METRICS if m in catalogue()])
        _kpi_cache[key] = hit
    return hit[1]


_entities_cache: dict[str, tuple[tuple, list[str]]] = {}


def entities(engine: Engine) -> list[str]:
    """The entities claims are about, the tracked one first (kept until claims change)."""
    key, version = str(engine.url), documents_version(engine)
    hit = _entities_cache.get(key)
    if hit is None or hit[0] != version:
        hit = (version, claim_entities(engine))
        _entities_cache[key] = hit
    tracked = tracked_entity()
    return [tracked, *(e for e in hit[1] if e != tracked)]


def status_words(p: ChartPoint) -> str:
    return STATUS_WORDS.get(p.status, p.status)


def source_href(click_data: dict[str, Any] | None) -> str | None:
    """The source page of a clicked claim point (its customdata starts with claim, document),
    scrolled to the claim's mark."""
    try:
        point = (click_data or {})["points"][0]
        claim_id, document_id = int(point["customdata"][0]), int(point["customdata"][1])
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return f"/sources/{document_id}#sources-claim-{claim_id}"
