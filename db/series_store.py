"""The stored consensus series: replaced per series by the checks, read by the dashboard; and
which claims of each point repeat one another, kept for the next check of the series."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select

from db.batches import chunks
from db.models import SeriesCopies, StoredSeriesPoint

POINT_FIELDS = ("entity", "metric", "period", "as_of", "value", "value_low", "value_high",
                "unit", "method", "claim_ids", "overridden_claim_ids", "explanation",
                "qualifier", "disputed")  # fmt: skip


def _columns():
    return [getattr(StoredSeriesPoint, f) for f in POINT_FIELDS]


def _where(stmt, entity: str, metric: str):
    return stmt.where(StoredSeriesPoint.entity == entity, StoredSeriesPoint.metric == metric)


def replace_series(
    conn: Connection, entity: str, metric: str, rows: Sequence[dict[str, Any]]
) -> bool:
    """Store a series' points (POINT_FIELDS each) in place of the old ones, inside the caller's
    transaction: the points not stored already are inserted, then the old points no longer
    there deleted (a point that changes gets a new, higher id, as db.version expects); False
    (and nothing written) when they are the same."""
    stmt = _where(select(StoredSeriesPoint.id, *_columns()), entity, metric)
    old: dict[tuple, list[int]] = {}
    for r in conn.execute(stmt):
        old.setdefault(tuple(r[1:]), []).append(r[0])
    added = []
    for row in (tuple(r[f] for f in POINT_FIELDS) for r in rows):
        same = old.get(row)
        if same:
            same.pop()
        else:
            added.append(dict(zip(POINT_FIELDS, row, strict=True)))
    gone = sorted(i for ids in old.values() for i in ids)
    if added:
        conn.execute(insert(StoredSeriesPoint), added)
    for part in chunks(gone):
        conn.execute(delete(StoredSeriesPoint).where(StoredSeriesPoint.id.in_(part)))
    return bool(added or gone)


def read_series(
    engine: Engine,
    entity: str | None = None,
    metric: str | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[dict[str, Any]]:
    """Stored points (of one entity and metric when given) by entity, metric, period and date."""
    p = StoredSeriesPoint
    stmt = select(*_columns()).order_by(p.entity, p.metric, p.period, p.as_of, p.id)
    if entity is not None:
        stmt = stmt.where(p.entity == entity)
    if metric is not None:
        stmt = stmt.where(p.metric == metric)
    if date_from is not None:
        stmt = stmt.where(p.as_of >= date_from)
    if date_to is not None:
        stmt = stmt.where(p.as_of <= date_to)
    with engine.connect() as conn:
        return [dict(zip(POINT_FIELDS, r, strict=True)) for r in conn.execute(stmt)]


def read_copies(conn: Connection, entity: str, metric: str) -> dict[str, str]:
    """The series' known copy labels: members digest -> labels (etl.check.copies.KnownCopies)."""
    c = SeriesCopies
    stmt = select(c.members, c.labels).where(c.entity == entity, c.metric == metric)
    return dict(conn.execute(stmt).all())


def replace_copies(conn: Connection, entity: str, metric: str, used: dict[str, str]) -> None:
    """Keep the copy labels the series' check used, and only those (caller's transaction)."""
    c = SeriesCopies
    where = (c.entity == entity, c.metric == metric)
    have = set(conn.scalars(select(c.members).where(*where)))
    gone = sorted(have - set(used))
    for part in chunks(gone):
        conn.execute(delete(c).where(*where, c.members.in_(part)))
    new = [{"entity": entity, "metric": metric, "members": k, "labels": v}
           for k, v in used.items() if k not in have]  # fmt: skip
    if new:
        conn.execute(insert(c), new)
