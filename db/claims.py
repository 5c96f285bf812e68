"""Read claims: filters, paging and streaming, with status and flags derived on the fly."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Engine,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.sql.elements import ColumnElement

from db.models import Claim, Document, Review
from db.status import claim_status_parts, in_open_conflict

# The export contract (DESIGN.md) first, then useful extras.
CLAIM_COLUMNS = (
    "claim_id", "document", "published_on", "as_of", "entity", "metric", "value", "unit",
    "qualifier", "period", "value_low", "value_high", "value_hkd", "quote", "char_start",
    "char_end", "flags", "status", "as_of_precision", "mention_start", "mention_end",
    "document_id", "claim_uid", "extractor_version",
)  # fmt: skip

# The grid operators `ColumnCondition` understands (AG Grid's names), by kind of column.
TEXT_OPS = ("contains", "notContains", "equals", "notEqual", "startsWith", "endsWith",
            "blank", "notBlank")  # fmt: skip
RANGE_OPS = ("equals", "notEqual", "lessThan", "lessThanOrEqual", "greaterThan",
             "greaterThanOrEqual", "inRange", "blank", "notBlank")  # fmt: skip


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


DOCUMENT_FIELDS = frozenset({"document", "published_on", "publisher", "title"})


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


def claims_select(
    filt: ClaimFilter = ClaimFilter(),
    columns: tuple[str, ...] = CLAIM_COLUMNS,
    *,
    csv_cells: bool = False,
) -> Select:
    """SELECT of the named export columns for the claims `filt` lets through.

    With `csv_cells` every column comes out as its CSV cell (see `iter_claim_csv_rows`).
    """
    cols, status_sub = _columns()
    unknown = [c for c in columns if c not in cols]
    if unknown:
        raise ValueError(f"unknown claim column(s): {', '.join(unknown)}")
    exprs = [
        (_csv_cell(c, cols[c], cols["in_conflict"]) if csv_cells else cols[c]).label(c)
        for c in columns
    ]
    stmt = select(*exprs).select_from(Claim)
    # Join documents and the review log only when a column or filter needs them: both joins
    # are many-to-one, so leaving them out never changes which claims come back.
    used = {*columns, *(c.column for c in filt.conditions)}
    if used & DOCUMENT_FIELDS or filt.document:
        stmt = stmt.join(Document, Document.id == Claim.document_id)
    if "status" in used or filt.status:
        stmt = stmt.outerjoin(status_sub, status_sub.c.target_uid == Claim.uid)
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
    keys = tuple(dict.fromkeys(col for col, _ in (*sort, ("claim_id", "asc"))))
    unknown = [c for c in keys if c not in columns and c != "claim_id"]
    if unknown:
        raise ValueError(f"cannot sort on {unknown[0]!r}")
    # First the page's ids, from as few columns as the sort and filter need (an index walk even
    # deep into the table), then the full rows of just those ids.
    ids_stmt = claims_select(filt, tuple(dict.fromkeys(("claim_id", *keys))))
    order = []
    for col, direction in (*sort, ("claim_id", "asc")):
        c = ids_stmt.selected_columns[col]
        order.append(c.desc() if direction == "desc" else c.asc())
    ids_stmt = ids_stmt.order_by(*order).offset(offset).limit(limit)
    with engine.connect() as conn:
        ids = conn.execute(ids_stmt).scalars().all()  # fetchall: one driver call, not one a row
        by_id = claims_by_id(conn, ids, columns)
    return [by_id[i] for i in ids]


def claims_by_id(
    conn: Connection, ids: Sequence[int], columns: tuple[str, ...] = CLAIM_COLUMNS
) -> dict[int, dict[str, Any]]:
    """Claim id -> its row (the named columns), read on an open connection."""
    if not ids:
        return {}
    stmt = claims_select(ClaimFilter(), _with_conflict(columns)).where(Claim.id.in_(list(ids)))
    rows = conn.execute(stmt.add_columns(Claim.id.label("_id"))).mappings().all()
    return {row["_id"]: _finish({k: v for k, v in row.items() if k != "_id"}) for row in rows}


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


# Cells a spreadsheet would run as formulas (the same set as etl.csvout.FORMULA_PREFIXES).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_COLUMNS = frozenset({"value", "value_low", "value_high", "value_hkd"})
_PLAIN_COLUMNS = frozenset({"claim_id", "char_start", "char_end", "mention_start",
                            "mention_end", "document_id", "status"})  # fmt: skip


def _csv_cell(name: str, col: ColumnElement, conflict: ColumnElement[bool]) -> ColumnElement:
    """`col` formatted in SQL exactly as etl.csvout.format_cell formats it in Python."""
    if name in _PLAIN_COLUMNS:
        return col
    if name in _NUMBER_COLUMNS:  # integral floats print as integers: 43400000000, not 4.34e10
        integral = and_(col == func.round(col), func.abs(col) < 1e18)
        return case((integral, cast(col, BigInteger)), else_=col)
    if name in ("as_of", "published_on"):
        return cast(col, String)
    if name == "flags":
        with_conflict = case((col == "", literal("conflict")), else_=col + literal(";conflict"))
        col = case((and_(conflict, ~col.contains("conflict")), with_conflict), else_=col)
    return case((func.substr(col, 1, 1).in_(_FORMULA_STARTS), literal("'") + col), else_=col)


def iter_claim_csv_rows(
    engine: Engine,
    filt: ClaimFilter = ClaimFilter(),
    *,
    columns: tuple[str, ...] = CLAIM_COLUMNS,
    batch: int = 5000,
) -> Iterator[list[Sequence[Any]]]:
    """The rows of `iter_claims` as batches of CSV-ready cells, in id order (fast exports).

    On SQLite the database formats the cells, so a csv writer takes the rows as they come;
    elsewhere each cell goes through etl.csvout.format_cell.
    """
    from etl.csvout import format_cell

    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            stmt = claims_select(filt, columns, csv_cells=True).order_by(Claim.id)
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
            for part in result.partitions(batch):
                yield part
            return
        stmt = claims_select(filt, _with_conflict(columns)).order_by(Claim.id)
        result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
        for part in result.partitions(batch):
            rows = [_finish(dict(r._mapping)) for r in part]
            yield [[format_cell(row.get(c)) for c in columns] for row in rows]


def series_touched_since(engine: Engine, claim_id: int, review_id: int) -> set[tuple[str, str]]:
    """(entity, metric) of the claims stored after `claim_id` or reviewed after `review_id`."""
    added = select(Claim.entity, Claim.metric).where(Claim.id > claim_id)
    reviewed = (
        select(Claim.entity, Claim.metric)
        .join(Review, Review.target_uid == Claim.uid)
        .where(Review.target_type == "claim", Review.id > review_id)
    )
    with engine.connect() as conn:
        return {(e, m) for e, m in conn.execute(added.union(reviewed))}
