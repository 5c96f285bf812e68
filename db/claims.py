"""Read claims: filters, paging and streaming, with status and flags derived on the fly."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine, Select, String, and_, cast, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from db.models import Claim, Document
from db.status import claim_status_parts, in_open_conflict

# The export contract (DESIGN.md) first, then useful extras.
CLAIM_COLUMNS = (
    "claim_id", "document", "published_on", "as_of", "entity", "metric", "value", "unit",
    "qualifier", "period", "value_low", "value_high", "value_hkd", "quote", "char_start",
    "char_end", "flags", "status", "as_of_precision", "mention_start", "mention_end",
    "document_id", "claim_uid", "extractor_version",
)  # fmt: skip

TEXT_OPS = ("contains", "notContains", "equals", "notEqual", "startsWith", "endsWith")
RANGE_OPS = ("equals", "notEqual", "lessThan", "lessThanOrEqual", "greaterThan",
             "greaterThanOrEqual", "inRange")  # fmt: skip


@dataclass(frozen=True)
class ColumnCondition:
    """One grid-style condition on an export column (AG Grid's operator names)."""

    column: str
    op: str
    value: Any = None
    value_to: Any = None


@dataclass(frozen=True)
class ClaimFilter:
    metric: str | None = None
    entity: str | None = None
    date_from: date | None = None  # on as_of, inclusive
    date_to: date | None = None
    status: str | None = None  # auto, accepted, rejected
    document: str | None = None  # file name
    flag: str | None = None  # garbled, implausible, conflict
    conditions: tuple[ColumnCondition, ...] = field(default_factory=tuple)


def _columns() -> tuple[dict[str, ColumnElement], Any]:
    status_sub, status = claim_status_parts()
    conflict = in_open_conflict()
    cols: dict[str, ColumnElement] = {
        "claim_id": Claim.id,
        "document": Document.file_name,
        "published_on": Document.published_on,
        "as_of": Claim.as_of,
        "entity": Claim.entity,
        "metric": Claim.metric,
        "value": Claim.value,
        "unit": Claim.unit,
        "qualifier": Claim.qualifier,
        "period": Claim.period,
        "value_low": Claim.value_low,
        "value_high": Claim.value_high,
        "value_hkd": Claim.value_hkd,
        "quote": Claim.quote,
        "char_start": Claim.char_start,
        "char_end": Claim.char_end,
        "flags": Claim.flags,
        "status": status,
        "as_of_precision": Claim.as_of_precision,
        "mention_start": Claim.mention_start,
        "mention_end": Claim.mention_end,
        "document_id": Claim.document_id,
        "claim_uid": Claim.uid,
        "extractor_version": Claim.extractor_version,
        "in_conflict": conflict,
        # Not exported, but selectable for views (hover text, citations).
        "publisher": Document.publisher,
        "title": Document.title,
    }
    return cols, status_sub


def _condition(col: ColumnElement, cond: ColumnCondition) -> ColumnElement[bool]:
    op, v, v2 = cond.op, cond.value, cond.value_to
    text = cast(col, String)
    if op == "contains":
        return func.lower(text).contains(str(v).lower(), autoescape=True)
    if op == "notContains":
        return ~func.lower(text).contains(str(v).lower(), autoescape=True)
    if op == "startsWith":
        return func.lower(text).startswith(str(v).lower(), autoescape=True)
    if op == "endsWith":
        return func.lower(text).endswith(str(v).lower(), autoescape=True)
    if op == "equals":
        return col == v
    if op == "notEqual":
        return col != v
    if op == "lessThan":
        return col < v
    if op == "lessThanOrEqual":
        return col <= v
    if op == "greaterThan":
        return col > v
    if op == "greaterThanOrEqual":
        return col >= v
    if op == "inRange":
        return and_(col >= v, col <= v2)
    if op == "blank":
        return col.is_(None)
    if op == "notBlank":
        return col.is_not(None)
    raise ValueError(f"unknown filter operator {op!r}")


def claims_select(filt: ClaimFilter = ClaimFilter(), columns: tuple[str, ...] = CLAIM_COLUMNS) -> Select:
    """SELECT of the named export columns for the claims `filt` lets through."""
    cols, status_sub = _columns()
    unknown = [c for c in columns if c not in cols]
    if unknown:
        raise ValueError(f"unknown claim column(s): {', '.join(unknown)}")
    stmt = (
        select(*(cols[c].label(c) for c in columns))
        .select_from(Claim)
        .join(Document, Document.id == Claim.document_id)
        .outerjoin(status_sub, status_sub.c.target_uid == Claim.uid)
    )
    where: list[ColumnElement[bool]] = []
    if filt.metric:
        where.append(Claim.metric == filt.metric)
    if filt.entity:
        where.append(Claim.entity == filt.entity)
    if filt.date_from:
        where.append(Claim.as_of >= filt.date_from)
    if filt.date_to:
        where.append(Claim.as_of <= filt.date_to)
    if filt.document:
        where.append(Document.file_name == filt.document)
    if filt.status:
        where.append(cols["status"] == filt.status)
    if filt.flag == "conflict":
        where.append(cols["in_conflict"])
    elif filt.flag:
        where.append(or_(Claim.flags == filt.flag, Claim.flags.contains(filt.flag)))
    for cond in filt.conditions:
        if cond.column not in cols:
            raise ValueError(f"unknown claim column {cond.column!r}")
        where.append(_condition(cols[cond.column], cond))
    return stmt.where(*where) if where else stmt


def _finish(row: dict[str, Any]) -> dict[str, Any]:
    """Add the derived `conflict` flag to the stored flags."""
    if "flags" in row:
        flags = [f for f in (row.get("flags") or "").split(";") if f]
        if row.pop("in_conflict", False) and "conflict" not in flags:
            flags.append("conflict")
        row["flags"] = ";".join(flags)
    return row


def _with_conflict(columns: tuple[str, ...]) -> tuple[str, ...]:
    return (*columns, "in_conflict") if "flags" in columns else columns


def count_claims(engine: Engine, filt: ClaimFilter = ClaimFilter()) -> int:
    sub = claims_select(filt, ("claim_id",)).subquery()
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(sub)).scalar_one()


def page_claims(
    engine: Engine,
    filt: ClaimFilter = ClaimFilter(),
    *,
    sort: tuple[tuple[str, str], ...] = (("as_of", "asc"), ("claim_id", "asc")),
    offset: int = 0,
    limit: int = 100,
    columns: tuple[str, ...] = CLAIM_COLUMNS,
) -> list[dict[str, Any]]:
    """One page of claims as dicts, sorted by (column, 'asc'|'desc') pairs."""
    stmt = claims_select(filt, _with_conflict(columns))
    order = []
    for col, direction in (*sort, ("claim_id", "asc")):
        c = stmt.selected_columns[col] if col in columns else None
        if c is None:
            raise ValueError(f"cannot sort on {col!r}")
        order.append(c.desc() if direction == "desc" else c.asc())
    stmt = stmt.order_by(*order).offset(offset).limit(limit)
    with engine.connect() as conn:
        return [_finish(dict(r._mapping)) for r in conn.execute(stmt)]


def iter_claims(
    engine: Engine,
    filt: ClaimFilter = ClaimFilter(),
    *,
    columns: tuple[str, ...] = CLAIM_COLUMNS,
    batch: int = 5000,
) -> Iterator[dict[str, Any]]:
    """Every claim `filt` lets through, streamed in id order with flat memory."""
    stmt = claims_select(filt, _with_conflict(columns)).order_by(Claim.id)
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
        for row in result:
            yield _finish(dict(row._mapping))
