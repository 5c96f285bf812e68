"""Which series wait for their checks: marked with the change, cleared with the result."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import cache
from typing import NamedTuple

from sqlalchemy import Connection, Engine, Insert, delete, select, union

from db.models import Claim, Conflict, DirtySeries, StoredSeriesPoint, utcnow


class SeriesKey(NamedTuple):
    entity: str
    metric: str


def mark_dirty(
    conn: Connection,
    series: Iterable[tuple[str, str]],
    at: Mapping[tuple[str, str], datetime] | None = None,
) -> int:
    """Mark these series for checking, inside the caller's transaction; how many. `at`: when
    each was marked (series are checked oldest mark first), else now."""
    keys = sorted(set(series))
    if not keys:
        return 0
    token, now = uuid.uuid4().hex, utcnow()
    rows = [{"entity": e, "metric": m, "token": token,
             "marked_at": at[(e, m)] if at else now} for e, m in keys]  # fmt: skip
    conn.execute(_upsert(conn.dialect.name), rows)
    return len(keys)


@cache
def _upsert(dialect: str) -> Insert:
    """The dialect's insert of a mark that replaces the series' mark, built once (a writer
    marks series with each batch it commits)."""
    if dialect == "postgresql":  # each dialect's upsert, loaded when used
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    ins = insert(DirtySeries)
    return ins.on_conflict_do_update(
        index_elements=["entity", "metric"],
        set_={"token": ins.excluded.token, "marked_at": ins.excluded.marked_at},
    )


def dirty_series(engine: Engine) -> list[SeriesKey]:
    """The series waiting for their checks, oldest mark first."""
    stmt = select(DirtySeries.entity, DirtySeries.metric).order_by(
        DirtySeries.marked_at, DirtySeries.entity, DirtySeries.metric
    )
    with engine.connect() as conn:
        return [SeriesKey(*r) for r in conn.execute(stmt)]


def dirty_token(conn: Connection, key: tuple[str, str]) -> str | None:
    """The series' current mark, None when it is not dirty."""
    stmt = select(DirtySeries.token).where(
        DirtySeries.entity == key[0], DirtySeries.metric == key[1]
    )
    return conn.execute(stmt).scalar_one_or_none()


def clear_dirty(conn: Connection, key: tuple[str, str], token: str) -> None:
    """Remove the mark if it is still `token` (a newer mark stays)."""
    conn.execute(
        delete(DirtySeries).where(
            DirtySeries.entity == key[0],
            DirtySeries.metric == key[1],
            DirtySeries.token == token,
        )
    )


def all_series(conn: Connection) -> set[SeriesKey]:
    """Every series with claims, conflicts or stored points."""
    stmt = union(
        select(Claim.entity, Claim.metric),
        select(Conflict.entity, Conflict.metric),
        select(StoredSeriesPoint.entity, StoredSeriesPoint.metric),
    )
    return {SeriesKey(*r) for r in conn.execute(stmt)}
