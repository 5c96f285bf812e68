"""The claims CSV for big exports: each claim's line is formatted once, when it is stored.

A claim's cells never change after ingest except two derived from other tables: its review
status and the `conflict` flag. So `claim_lines` keeps every claim's CSV line as it reads while
the claim is unreviewed (with the status it was stored with) and in no open conflict, formatted
by the generic writer (`csv.writer` over `db.csvout.format_cell` cells). An export streams
those lines in id order and formats again only the claims a reviewer has decided on or an open
conflict holds (few).
The result is byte for byte what the generic writer gives for the same rows.

Lines are written in the transaction that stores their claims (db.document_group); a claim that
has none (rows from before this table, or inserted by other means) gets it before the next
export. A claim's line goes with it (ON DELETE CASCADE). A change of the line format ships
with a migration that empties the table.
"""

from __future__ import annotations

import csv
import io
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    and_,
    bindparam,
    exists,
    func,
    insert,
    select,
    union,
)
from sqlalchemy.exc import IntegrityError

from db.batches import chunks
from db.claims import (
    ANY_STATUS,
    CLAIM_COLUMNS,
    ClaimFilter,
    Sort,
    claims_by_id,
    claims_select,
    finish_row,
    ordered_ids,
    quote_candidates,
)
from db.csvout import BY_TYPE, float_cell, format_cell, format_row
from db.models import Claim, ClaimLine, Review
from db.status import CLAIM_STATUS_BY_ACTION, hidden_claim_ids, open_conflict_claim_ids

LINE_END = "\r\n"  # csv.writer's default line terminator
# The status a stored line shows is the one the claim was stored with.
STORED_COLUMNS = (*(c for c in CLAIM_COLUMNS if c != "status"), "initial_status")
FILL_BATCH = 2000
LOOKAHEAD = 2000  # special lines formatted per query, ahead of the rows that need them


def _lines(rows: Iterable[dict]) -> list[str]:
    """Each row's CSV line as the generic writer gives it."""
    return _csv_lines(format_row(row, CLAIM_COLUMNS) for row in rows)


def _csv_lines(cells: Iterable[list[str]]) -> list[str]:
    """The CSV line of each list of formatted cells, as csv.writer writes it."""
    buf = io.StringIO()
    write = csv.writer(buf).writerow
    # writerow gives what the buffer's write gives: the length of the line it wrote.
    sizes = [write(row) for row in cells]
    text, out, at = buf.getvalue(), [], 0
    for size in sizes:
        out.append(text[at : at + size])
        at += size
    return out


@cache
def _stored_select() -> Select:
    """The stored columns of the claims with ids `:ids`, built once (it is built per document)."""
    every = ClaimFilter(status=ANY_STATUS)
    stmt = claims_select(every, STORED_COLUMNS).add_columns(Claim.id.label("_id"))
    return stmt.where(Claim.id.in_(bindparam("ids", expanding=True)))


def write_claim_lines(conn: Connection, ids: Sequence[int]) -> int:
    """Store the base export line of each of these claims (inside the caller's transaction)."""
    done = 0
    stmt = _stored_select()
    for part in chunks(ids, FILL_BATCH):
        rows = conn.execute(stmt, {"ids": part}).mappings().all()
        found = [{**finish_row(dict(r)), "status": r["initial_status"]} for r in rows]
        lines = _lines(found)
        values = [{"claim_id": r["_id"], "line": line} for r, line in zip(rows, lines, strict=True)]
        if values:
            conn.execute(insert(ClaimLine), values)
        done += len(values)
    return done


FLOAT_COLUMNS = ("value", "value_low", "value_high", "value_hkd")


def _as_read(value: Any, is_float: bool) -> Any:
    """A value as the database gives it back: REAL for a float column (NaN is NULL), a date
    for a Date column."""
    if value is None:
        return None
    if is_float:
        value = float(value)
        return None if value != value else value
    if isinstance(value, datetime):
        return value.date()
    return value


def _cell(value: Any) -> str:
    return BY_TYPE.get(type(value), format_cell)(value)


def _read_back(is_float: bool) -> Callable[[Any], str]:
    """The cell of a stored column's value as the database gives it back (`_as_read`)."""
    return lambda value: _cell(_as_read(value, is_float))


def _flags_cell(value: Any) -> str:
    """The cell of the stored flags as `finish_row` leaves them (no empty flag)."""
    return _cell(";".join(f for f in (_as_read(value, False) or "").split(";") if f))


def _float_read(value: float) -> str:
    """`_read_back(True)` of a float."""
    return "" if value != value else float_cell(value)


_NONE: type = type(None)
# `_read_back`'s cell by the value's exact type, where that type alone tells it; any other
# type goes through `_read_back` itself.
_PLAIN_READ: dict[type, Callable[[Any], str]] = {
    **{t: f for t, f in BY_TYPE.items() if t is not datetime},  # a datetime reads as a date
    datetime: lambda value: value.date().isoformat(),
}
_FLOAT_READ: dict[type, Callable[[Any], str]] = {_NONE: BY_TYPE[_NONE], float: _float_read}

# Each export column of a claim just inserted: the key of its claim row, its cell by the
# value's type and, for any other type, how its cell is formatted; the first three are given
# with the rows.
_GIVEN = ("claim_id", "document", "published_on")
_KEYS = {"claim_uid": "uid", "status": "initial_status"}
_SOURCES = tuple(
    (_KEYS.get(c, c), BY_TYPE, _cell) if c in _KEYS
    else (c, {}, _flags_cell) if c == "flags"
    else (c, _FLOAT_READ, _read_back(True)) if c in FLOAT_COLUMNS
    else (c, _PLAIN_READ, _read_back(False))
    for c in CLAIM_COLUMNS[len(_GIVEN):]
)  # fmt: skip
assert CLAIM_COLUMNS[: len(_GIVEN)] == _GIVEN


def claim_line_values(
    document: str,
    published_on: date | None,
    rows: Sequence[dict[str, Any]],
    ids: Sequence[int],
) -> list[dict[str, Any]]:
    """The claim_lines rows of claims just inserted from `rows` as ids `ids`, formatted from
    the rows themselves: what the stored columns read back as (`_as_read`; the flags as
    `finish_row` leaves them), with the status the claim was stored with and no conflict yet
    (a new claim is in none). The same lines as `_lines` gives for those read-back rows."""
    head = [_cell(document), _cell(_as_read(published_on, False))]
    found = []
    for row, claim_id in zip(rows, ids, strict=True):
        cells = [_cell(claim_id), *head]
        for key, by_type, other in _SOURCES:
            value = row.get(key)
            cells.append(by_type.get(type(value), other)(value))
        found.append(cells)
    return [{"claim_id": i, "line": text} for i, text in zip(ids, _csv_lines(found), strict=True)]


def missing_line_ids(conn: Connection) -> list[int]:
    has_line = exists().where(ClaimLine.claim_id == Claim.id)
    return list(conn.scalars(select(Claim.id).where(~has_line).order_by(Claim.id)))


def fill_claim_lines(engine: Engine) -> int:
    """Write the lines claims lack; how many. Cheap when none is missing (two counts)."""
    with engine.connect() as conn:
        claims = conn.scalar(select(func.count()).select_from(Claim))
        lines = conn.scalar(select(func.count()).select_from(ClaimLine))
    if claims == lines:  # lines cannot outlive their claim, so equal counts mean complete
        return 0
    try:
        with engine.begin() as conn:
            return write_claim_lines(conn, missing_line_ids(conn))
    except IntegrityError:  # another export filled them at the same moment
        return 0


def _exception_ids(conn: Connection) -> list[int]:
    """Sorted ids of the claims whose line is not the stored one: a reviewer decided on them
    or an open conflict holds them."""
    reviewed = select(Claim.id).join(
        Review,
        and_(
            Review.target_uid == Claim.uid,
            Review.target_type == "claim",
            Review.action.in_(list(CLAIM_STATUS_BY_ACTION)),
        ),
    )
    return sorted(set(conn.scalars(union(reviewed, open_conflict_claim_ids()))))


def _generic_lines(conn: Connection, ids: list[int]) -> dict[int, str]:
    """Lines formatted now from the claims' current rows, read on the export's connection."""
    out: dict[int, str] = {}
    for part in chunks(ids, FILL_BATCH):
        rows = claims_by_id(conn, part, CLAIM_COLUMNS)
        out.update(zip(rows, _lines(rows.values()), strict=True))
    return out


def iter_claim_csv(
    engine: Engine,
    filt: ClaimFilter | None = None,
    *,
    batch: int = 5000,
    on_rows: Callable[[int], None] | None = None,
    sort: Sort = (),
) -> Iterator[str]:
    """The claims CSV (CLAIM_COLUMNS, header first) in chunks of `batch` rows, streamed with
    flat memory; `on_rows` hears how many rows each chunk holds. In id order, or as `sort`
    asks ((column, 'asc'|'desc'), ...: the grid's order)."""
    head = ",".join(CLAIM_COLUMNS) + LINE_END  # column names need no quoting
    chunks = _sorted(engine, filt or ClaimFilter(), sort, batch) if sort else None
    for rows_text, n in chunks or _stored(engine, filt or ClaimFilter(), batch):
        if on_rows is not None:
            on_rows(n)
        yield head + rows_text  # the header rides with the first rows: the query runs first
        head = ""
    if head:
        yield head


def _stored(engine: Engine, filt: ClaimFilter, batch: int) -> Iterator[tuple[str, int]]:
    fill_claim_lines(engine)
    stmt = select(ClaimLine.claim_id, ClaimLine.line).order_by(ClaimLine.claim_id)
    first = itemgetter(0)
    with engine.connect() as conn:
        if filt != ClaimFilter():
            among = quote_candidates(conn, filt)
            ids = claims_select(filt, ("claim_id",), among=among)
            stmt = stmt.where(ClaimLine.claim_id.in_(ids))
        else:  # what claims_select leaves out by default, without walking every claim's status
            stmt = stmt.where(ClaimLine.claim_id.not_in(hidden_claim_ids()))
        special = _exception_ids(conn)
        ready: dict[int, str] = {}  # generic lines of the next few special ids
        for rows in _fetch(conn, stmt, batch):
            lo = bisect_left(special, rows[0][0])
            hi = bisect_right(special, rows[-1][0])
            if lo < hi and special[hi - 1] not in ready:  # one query per LOOKAHEAD ids
                ahead = special[lo : max(hi, lo + LOOKAHEAD)]
                ready = _generic_lines(conn, ahead)
            for claim_id in special[lo:hi]:
                at = bisect_left(rows, claim_id, key=first)
                if rows[at][0] == claim_id:  # else the filter left it out
                    rows[at] = (claim_id, ready[claim_id])
            yield "".join([line for _, line in rows]), len(rows)


def _sorted(engine: Engine, filt: ClaimFilter, sort: Sort, batch: int) -> Iterator[tuple[str, int]]:
    """The stored lines in the order `sort` asks for: the ids stream from one connection in
    that order, each batch's lines are read on a second one."""
    fill_claim_lines(engine)
    with engine.connect() as ids_conn, engine.connect() as conn:
        stmt = ordered_ids(filt, sort, among=quote_candidates(ids_conn, filt))
        special = set(_exception_ids(conn))
        for rows in _fetch(ids_conn, stmt, batch):
            ids = [r[0] for r in rows]
            stored = select(ClaimLine.claim_id, ClaimLine.line).where(ClaimLine.claim_id.in_(ids))
            lines = dict(conn.execute(stored).all())
            lines.update(_generic_lines(conn, [i for i in ids if i in special]))
            yield "".join(lines[i] for i in ids), len(ids)


def _fetch(conn: Connection, stmt, batch: int) -> Iterator[list]:
    """The rows in lists of `batch`, with flat memory."""
    if conn.dialect.name == "sqlite":
        # sqlite3's cursor steps through the rows as they are fetched; reading it directly
        # saves a Row object per line (stream_results would pre-fetch rows from it first).
        cursor = conn.execute(stmt).cursor
        while rows := cursor.fetchmany(batch):
            yield rows
        return
    result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
    for part in result.partitions(batch):
        yield [tuple(r) for r in part]
