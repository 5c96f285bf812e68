"""Read claims: filters, paging and streaming, with status and flags derived on the fly."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    String,
    and_,
    cast,
    func,
    or_,
    select,
)
from sqlalchemy.sql.elements import ColumnElement

from db.claims_listed import listed_page_ids
from db.models import Claim, Conflict, Document, Review
from db.quote_search import candidates, count_candidates, fts_phrase, has_quote_index
from db.status import (
    claim_status_parts,
    hidden_claim_ids,
    in_open_conflict,
    waiting_for_review,
)

# The export contract (DESIGN.md) first, then useful extras.
CLAIM_COLUMNS = (
    "claim_id", "document", "published_on", "as_of", "entity", "metric", "value", "unit",
    "qualifier", "period", "value_low", "value_high", "value_hkd", "quote", "char_start",
    "char_end", "flags", "status", "unsure", "as_of_precision", "mention_start", "mention_end",
    "document_id", "claim_uid", "extractor_version",
)  # fmt: skip
# ClaimFilter.status for every claim whatever its status (the default leaves some out).
ANY_STATUS = "any"

# The grid operators `ColumnCondition` understands (AG Grid's names), by kind of column.
TEXT_OPS = ("contains", "notContains", "equals", "notEqual", "startsWith", "endsWith",
            "blank", "notBlank")  # fmt: skip
RANGE_OPS = ("equals", "notEqual", "lessThan", "lessThanOrEqual", "greaterThan",
             "greaterThanOrEqual", "inRange", "blank", "notBlank")  # fmt: skip
# "quote contains" texts the quote index narrows to at most this many claims are answered
# from the index; commoner ones by walking the claims in the order asked for.
INDEX_PROBE = 10_000


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
    # auto, accepted, rejected, corrected, candidate or ANY_STATUS. None: every claim but the
    # candidates and the corrected ones (neither counts), unless a condition names the status.
    status: str | None = None
    document: str | None = None  # file name
    flag: str | None = None  # garbled, implausible, conflict
    conditions: tuple[ColumnCondition, ...] = field(default_factory=tuple)


DOCUMENT_FIELDS = frozenset({"document", "published_on", "publisher", "title", "kind"})


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
        "unsure": Claim.unsure,
        "as_of_precision": Claim.as_of_precision,
        "mention_start": Claim.mention_start,
        "mention_end": Claim.mention_end,
        "document_id": Claim.document_id,
        "claim_uid": Claim.uid,
        "extractor_version": Claim.extractor_version,
        "in_conflict": conflict,
        "initial_status": Claim.initial_status,
        # Not exported, but selectable for views (hover text, citations).
        "publisher": Document.publisher,
        "title": Document.title,
        "kind": Document.kind,
    }
    return cols, status_sub


def _condition(col: ColumnElement, cond: ColumnCondition) -> ColumnElement[bool]:
    op, v, v2 = cond.op, cond.value, cond.value_to
    # Text columns as they are: PostgreSQL's index on lower(quote) matches only that expression.
    text = col if isinstance(col.type, String) else cast(col, String)
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
    if op == "in":  # not a grid operator: the page turns a label filter into keys
        return col.in_(list(v))
    if op == "blank":
        return col.is_(None)
    if op == "notBlank":
        return col.is_not(None)
    raise ValueError(f"unknown filter operator {op!r}")


def claims_select(
    filt: ClaimFilter = ClaimFilter(),
    columns: tuple[str, ...] = CLAIM_COLUMNS,
    *,
    among: Select | None = None,
) -> Select:
    """SELECT of the named export columns for the claims `filt` lets through.

    `among` (a SELECT of claim ids holding every answer, from an index) only narrows the
    search: the filter's own conditions still decide.
    """
    cols, status_sub = _columns()
    unknown = [c for c in columns if c not in cols]
    if unknown:
        raise ValueError(f"unknown claim column(s): {', '.join(unknown)}")
    exprs = [cols[c].label(c) for c in columns]
    stmt = select(*exprs).select_from(Claim)
    # Join documents and the review log only when a column or filter needs them: both joins
    # are many-to-one, so leaving them out never changes which claims come back.
    used = {*columns, *(c.column for c in filt.conditions)}
    if used & DOCUMENT_FIELDS or filt.document:
        stmt = stmt.join(Document, Document.id == Claim.document_id)
    if "status" in used or filt.status not in (None, "candidate", ANY_STATUS):
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
    if filt.status == "candidate":  # an index range, not a walk over every claim's status
        where.extend(waiting_for_review())
    elif filt.status and filt.status != ANY_STATUS:
        where.append(cols["status"] == filt.status)
    elif not filt.status and all(c.column != "status" for c in filt.conditions):
        where.append(Claim.id.not_in(hidden_claim_ids()))
    if filt.flag == "conflict":
        where.append(cols["in_conflict"])
    elif filt.flag:
        where.append(or_(Claim.flags == filt.flag, Claim.flags.contains(filt.flag)))
    for cond in filt.conditions:
        if cond.column not in cols:
            raise ValueError(f"unknown claim column {cond.column!r}")
        where.append(_condition(cols[cond.column], cond))
    if among is not None:
        where.append(Claim.id.in_(among))
    return stmt.where(*where) if where else stmt


def _indexed_quote(conn: Connection, filt: ClaimFilter) -> tuple[str, bool] | None:
    """The quote index's query for the rarest "quote contains" condition of `filt` and whether
    it narrows the claims to at most INDEX_PROBE; None when the index cannot help."""
    phrases = {
        phrase
        for c in filt.conditions
        if c.column == "quote" and c.op == "contains"
        if (phrase := fts_phrase(str(c.value).lower()))
    }
    if not phrases or not has_quote_index(conn):
        return None
    counted = [(count_candidates(conn, p, INDEX_PROBE + 1), p) for p in sorted(phrases)]
    known = sorted((n, p) for n, p in counted if n is not None)
    return (known[0][1], known[0][0] <= INDEX_PROBE) if known else None


def quote_candidates(conn: Connection, filt: ClaimFilter) -> Select | None:
    """For a rare "quote contains" text of `filt`, the quote index's few candidate ids (to pass
    as `among`); None when the index cannot narrow the search."""
    indexed = _indexed_quote(conn, filt)
    return candidates(indexed[0]) if indexed is not None and indexed[1] else None


def _count(conn: Connection, stmt: Select) -> int:
    return conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()


def finish_row(row: dict[str, Any]) -> dict[str, Any]:
    """Add the derived `conflict` flag to the stored flags."""
    if "flags" in row:
        flags = [f for f in (row.get("flags") or "").split(";") if f]
        if row.pop("in_conflict", False) and "conflict" not in flags:
            flags.append("conflict")
        row["flags"] = ";".join(flags)
    return row


def _with_conflict(columns: tuple[str, ...]) -> tuple[str, ...]:
    return (*columns, "in_conflict") if "flags" in columns else columns


def count_claims(
    engine: Engine, filt: ClaimFilter = ClaimFilter(), *, at_most: int | None = None
) -> int:
    """How many claims `filt` lets through; with `at_most`, counting stops there (the answer
    is then min(count, at_most)), so a filter matching a million claims is not counted out."""
    with engine.connect() as conn:
        if filt == ClaimFilter():  # all claims (a count the database keeps) less the few hidden
            every = conn.scalar(select(func.count()).select_from(Claim))
            n = every - _count(conn, hidden_claim_ids())
            return n if at_most is None else min(n, at_most)
        indexed = _indexed_quote(conn, filt)
        if indexed is not None and indexed[1]:  # a rare text: count the index's few candidates
            n = _count(conn, claims_select(filt, ("claim_id",), among=candidates(indexed[0])))
            return n if at_most is None else min(n, at_most)
        if indexed is not None and at_most is not None:
            # A common text: when the first `at_most` candidates all match, that is the answer.
            first = candidates(indexed[0], at_most)
            if _count(conn, claims_select(filt, ("claim_id",), among=first)) >= at_most:
                return at_most
        stmt = claims_select(filt, ("claim_id",))
        return _count(conn, stmt if at_most is None else stmt.limit(at_most))


Sort = tuple[tuple[str, str], ...]


def ordered_ids(filt: ClaimFilter, sort: Sort, among: Select | None = None) -> Select:
    """SELECT of the ids of the claims `filt` lets through, in the order `sort` asks for (then
    by id), reading as few columns as the sort and filter need."""
    keys = tuple(dict.fromkeys(col for col, _ in (*sort, ("claim_id", "asc"))))
    stmt = claims_select(filt, tuple(dict.fromkeys(("claim_id", *keys))), among=among)
    order = []
    for col, direction in (*sort, ("claim_id", "asc")):
        c = stmt.selected_columns[col]
        order.append(c.desc() if direction == "desc" else c.asc())
    return stmt.with_only_columns(stmt.selected_columns["claim_id"]).order_by(*order)


def _listed_order(sort: Sort) -> str | None:
    """'asc' or 'desc' when `sort` (then by id ascending) orders by date then id, both one way,
    as db.claims_listed walks; else None."""
    first: dict[str, str] = {}
    for col, direction in (*sort, ("claim_id", "asc")):
        first.setdefault(col, direction)  # a column's first mention decides its order
    if list(first) == ["as_of", "claim_id"] and first["as_of"] == first["claim_id"]:
        return first["as_of"]
    return None


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
    with engine.connect() as conn:
        # A rare quote text: only the quote index's candidates are read. A common one: the walk
        # in sort order below meets a page of matches soon.
        among = quote_candidates(conn, filt)
        # First the page's ids, from as few columns as the sort and filter need (an index walk
        # even deep into the table), then the full rows of just those ids.
        listed = _listed_order(sort) if filt == ClaimFilter() and among is None else None
        if listed is not None:  # the default view by date: a walk along its own index
            ids = listed_page_ids(conn, offset, limit, descending=listed == "desc")
        else:
            ids_stmt = ordered_ids(filt, sort, among).offset(offset).limit(limit)
            ids = conn.execute(ids_stmt).scalars().all()  # fetchall: one driver call
        by_id = claims_by_id(conn, ids, columns)
    return [by_id[i] for i in ids]


def claims_by_id(
    conn: Connection, ids: Sequence[int], columns: tuple[str, ...] = CLAIM_COLUMNS
) -> dict[int, dict[str, Any]]:
    """Claim id -> its row (the named columns), read on an open connection."""
    if not ids:
        return {}
    every = ClaimFilter(status=ANY_STATUS)
    stmt = claims_select(every, _with_conflict(columns)).where(Claim.id.in_(list(ids)))
    rows = conn.execute(stmt.add_columns(Claim.id.label("_id"))).mappings().all()
    return {row["_id"]: finish_row({k: v for k, v in row.items() if k != "_id"}) for row in rows}


def iter_claims(
    engine: Engine,
    filt: ClaimFilter = ClaimFilter(),
    *,
    columns: tuple[str, ...] = CLAIM_COLUMNS,
    batch: int = 5000,
    sort: Sort = (),
) -> Iterator[dict[str, Any]]:
    """Every claim `filt` lets through, streamed in id order (or `sort`'s) with flat memory."""
    stmt = claims_select(filt, _with_conflict(columns))
    if sort:
        order = []
        for col, direction in (*sort, ("claim_id", "asc")):
            c = stmt.selected_columns[col] if col in columns else Claim.id
            order.append(c.desc() if direction == "desc" else c.asc())
        stmt = stmt.order_by(*order)
    else:
        stmt = stmt.order_by(Claim.id)
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
        for row in result:
            yield finish_row(dict(row._mapping))


def claim_documents(engine: Engine, filt: ClaimFilter = ClaimFilter()) -> set[str]:
    """File names of the documents the claims `filt` lets through come from."""
    sub = claims_select(filt, ("document",)).subquery()
    with engine.connect() as conn:
        return set(conn.scalars(select(sub.c.document).distinct()))


def series_touched_since(engine: Engine, claim_id: int, review_id: int) -> set[tuple[str, str]]:
    """(entity, metric) of the claims stored after `claim_id`, and of the claims or conflicts
    reviewed after `review_id`."""
    added = select(Claim.entity, Claim.metric).where(Claim.id > claim_id)
    reviewed = (
        select(Claim.entity, Claim.metric)
        .join(Review, Review.target_uid == Claim.uid)
        .where(Review.target_type == "claim", Review.id > review_id)
    )
    decided = (
        select(Conflict.entity, Conflict.metric)
        .join(Review, Review.target_uid == Conflict.uid)
        .where(Review.target_type == "conflict", Review.id > review_id)
    )
    with engine.connect() as conn:
        return {(e, m) for e, m in conn.execute(added.union(reviewed, decided))}


def claim_entities(engine: Engine) -> list[str]:
    """Every entity some claim is about, A to Z."""
    with engine.connect() as conn:
        return list(conn.scalars(select(Claim.entity).distinct().order_by(Claim.entity)))
