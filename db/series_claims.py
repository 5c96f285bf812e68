"""A series' claims as the checks read them, fast however many there are.

The claims of one entity and metric are read from one covering index (ix_claims_series) in
its order, never row by row from the table; their documents once each; the few reviews that
set a status apart. Quotes are read only for the claims asked for (the copy detection needs
them where a point's claims changed).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import cache
from itertools import compress, repeat
from operator import is_not, itemgetter
from typing import Any

import numpy as np
from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Dialect,
    Integer,
    Select,
    bindparam,
    case,
    cast,
    extract,
    func,
    literal,
    select,
)

from db.batches import chunks
from db.models import Claim, Document, DocumentCount, Review
from db.status import CLAIM_STATUS_BY_ACTION

# What series_claims gives, one list each, in claim id order (`days`: the claim's date as days
# since 1970-01-01).
SERIES_COLUMNS = ("claim_id", "claim_uid", "entity", "metric", "value", "unit", "qualifier",
                  "value_low", "value_high", "value_hkd", "has_hkd", "days", "period", "flags",
                  "document_id", "status", "document", "kind", "publisher")  # fmt: skip
_READ = ("id", "uid", "value", "unit", "qualifier", "value_low", "value_high", "value_hkd",
         "days", "period", "flags", "document_id", "initial_status")  # fmt: skip
NUMBER_COLUMNS = {"id": np.int64, "value": np.float64, "value_low": np.float64,
                  "value_high": np.float64, "days": np.int64, "document_id": np.int64}  # fmt: skip
DOCUMENT_COLUMNS = ("document", "kind", "publisher")  # each claim's, from `documents`
NAMED_AT_MOST = 500  # more documents than this are read in one pass over all of them
EPOCH = date(1970, 1, 1)


@cache
def _claims(dialect: str) -> Select:
    """The series' claims (all of them: candidates and corrected claims are sorted out after),
    every column from ix_claims_series; the date as a number of days, worked out by the
    database (no date is made per claim)."""
    if dialect == "postgresql":
        days: ColumnElement[int] = Claim.as_of - literal(EPOCH, Date)
    else:  # SQLite's dates are ISO text; its julian days are the proleptic Gregorian calendar's
        days = cast(func.julianday(Claim.as_of) - 2440587.5, Integer)
    cols = [days if c == "days" else getattr(Claim, c) for c in _READ]
    return select(*cols).where(Claim.entity == bindparam("e"), Claim.metric == bindparam("m"))


@cache
def _reviewed() -> Select:
    """(claim uid, action) of every status-setting review of a claim, oldest first: one pass
    over the reviews, matched to the series' claims by uid in Python (a join would look each
    reviewed claim up in the claims table)."""
    return (
        select(Review.target_uid, Review.action)
        .where(Review.target_type == "claim", Review.action.in_(list(CLAIM_STATUS_BY_ACTION)))
        .order_by(Review.id)
    )


@cache
def _corrected() -> Select:
    """The uids of the claims a standing correction replaces (few: an index range)."""
    return select(Claim.corrects_uid).where(Claim.corrects_uid.is_not(None))


def series_claims(conn: Connection, entity: str, metric: str) -> SeriesColumns:
    """The claims of a series that count (as db.claims' default filter: not a candidate waiting
    for a reviewer, not a corrected claim), as columns (SERIES_COLUMNS) in id order: the
    numbers as arrays (NUMBER_COLUMNS; `value_hkd` NaN where there is none, `has_hkd`), the rest
    as lists, with each claim's derived status and its document's name, kind and publisher;
    `documents`: each of those documents' name, kind, publisher and version (the time it was
    stored, as text) by id; and `signals`: each of those documents' signals
    (db.documents.SIGNAL_FIELDS), what its standing as a witness is worked out from."""
    rows = _raw(conn, _claims(conn.dialect.name), {"e": entity, "m": metric}, binary=True)
    last = dict(_raw(conn, _reviewed(), {}))  # uid -> the newest status-setting action
    corrected = set(conn.scalars(_corrected()))
    n = len(rows)
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(_READ)
    del rows
    # Drop the candidates still waiting, and the claims a correction replaced (their corrected
    # row counts instead); the rest by id.
    kept = np.ones(n, dtype=bool)
    uids = cols[1]
    for k in places(cols[12], "candidate"):
        kept[k] = last.get(uids[k]) not in (None, "reopen")
    if corrected:
        kept[list(compress(range(n), map(corrected.__contains__, uids)))] = False
    ids = np.fromiter(cols[0], np.int64, n)
    order = np.argsort(ids, kind="stable")
    order = order[kept[order]]
    out: dict[str, Any] = {}
    for k, name in enumerate(_READ):
        if name in NUMBER_COLUMNS:
            out[name] = np.fromiter(cols[k], NUMBER_COLUMNS[name], n)[order]
        elif name == "value_hkd":
            out["has_hkd"] = np.fromiter(map(is_not, cols[k], repeat(None)), bool, n)[order]
            out[name] = np.array(cols[k], dtype=np.float64)[order]  # None: NaN
        else:
            out[name] = _picked(cols[k], order)
    del cols
    out["claim_id"], out["claim_uid"] = out.pop("id"), out.pop("uid")
    status = out["status"] = out.pop("initial_status")
    if last:  # the few reviewed claims
        uids = out["claim_uid"]
        for k in compress(range(len(order)), map(last.__contains__, uids)):
            status[k] = CLAIM_STATUS_BY_ACTION.get(last[uids[k]]) or status[k]
    out["entity"], out["metric"] = [entity] * len(order), [metric] * len(order)
    docs = series_documents(conn, np.unique(out["document_id"]).tolist())
    out["documents"] = {i: d[:4] for i, d in docs.items()}
    out["signals"] = [(*d[:3], *d[4:]) for d in docs.values()]
    return SeriesColumns(out)


def _picked(values: Sequence[Any], order: np.ndarray) -> list[Any]:
    """The values at these places, in order, as a list."""
    if len(order) == 1:
        return [values[int(order[0])]]
    return list(itemgetter(*order.tolist())(values)) if len(order) else []


def places(values: Sequence[Any], value: Any) -> Iterator[int]:
    """Where `value` stands in `values`, in order (each found by index: few of many)."""
    k = -1
    while True:
        try:
            k = values.index(value, k + 1)
        except ValueError:
            return
        yield k


class SeriesColumns(dict[str, Any]):
    """series_claims' columns; each claim's document's name, kind and publisher (`document`,
    `kind`, `publisher`) are made from `documents` and `document_id` when first asked for."""

    def __missing__(self, key: str) -> list[Any]:
        if key not in DOCUMENT_COLUMNS:
            raise KeyError(key)
        k = DOCUMENT_COLUMNS.index(key)
        of = {i: d[k] for i, d in self["documents"].items()}
        self[key] = found = list(map(of.__getitem__, self["document_id"].tolist()))
        return found


def _raw(
    conn: Connection, stmt: Select, params: dict[str, Any], *, binary: bool = False
) -> list[tuple]:
    """Every row as the database driver gives it (no per-row processing: dates may be text).
    `binary` (for a statement made once: its SQL is kept): PostgreSQL sends the rows in its
    binary format, no number written out as text by the server and read back by the driver."""
    if not binary or conn.dialect.name != "postgresql":
        return conn.execute(stmt, params).cursor.fetchall()
    sql, defaults = _compiled(stmt, conn.dialect)
    with conn.connection.driver_connection.cursor(binary=True) as cur:  # type: ignore[union-attr]
        cur.execute(sql, {**defaults, **params})
        return cur.fetchall()


@cache
def _compiled(stmt: Select, dialect: Dialect) -> tuple[str, dict[str, Any]]:
    """A statement's SQL for the driver, and its parameters' own values."""
    compiled = stmt.compile(dialect=dialect)
    return str(compiled), dict(compiled.params)


def series_documents(conn: Connection, ids: Iterable[int]) -> dict[int, tuple]:
    """Document id -> (file name, kind, publisher, version: when it was stored as text, and
    db.documents' signals: how many claims it holds, how many flagged garbled, implausible)."""
    wanted = set(ids)
    stmt, flagged = _documents(conn.dialect.name), _flagged()
    named = len(wanted) <= NAMED_AT_MOST
    if named:
        stmt = stmt.where(Document.id.in_(sorted(wanted)))
        flagged = flagged.where(Claim.document_id.in_(sorted(wanted)))
    marks: dict[int, list[int]] = {}
    for doc_id, flags in _raw(conn, flagged, {}, binary=not named):
        found = flags.split(";")
        mark = marks.setdefault(doc_id, [0, 0])
        mark[0] += found.count("garbled")
        mark[1] += found.count("implausible")
    docs = {
        i: (name, kind, publisher, str(at), claims, 0, 0)
        for i, name, kind, publisher, at, claims in _raw(conn, stmt, {}, binary=not named)
        if i in wanted
    }
    for i, (garbled, implausible) in marks.items():
        if i in docs:
            docs[i] = (*docs[i][:5], garbled, implausible)
    return docs


@cache
def _documents(dialect: str) -> Select:
    """Every document's name, kind, publisher, version and number of claims."""
    cols = (Document.id, Document.file_name, Document.kind, Document.publisher,
            _version(dialect), func.coalesce(DocumentCount.claims, 0))  # fmt: skip
    return select(*cols).outerjoin(DocumentCount, DocumentCount.document_id == Document.id)


def _version(dialect: str) -> ColumnElement[str]:
    """When a document was stored, as str() of what the driver gives writes it: SQLite's is
    that text; PostgreSQL's is written by the database (as str() writes the datetime the driver
    would make of it, in the session's time zone), not by Python once per document."""
    at = Document.ingested_at
    if dialect != "postgresql":
        return at
    fraction = case((extract("microseconds", at) % 1_000_000 == 0, ""),
                    else_=func.to_char(at, ".US"))  # fmt: skip
    return func.concat(func.to_char(at, "YYYY-MM-DD HH24:MI:SS"), fraction,
                       func.to_char(at, "TZH:TZM"))  # fmt: skip


@cache
def _flagged() -> Select:
    """The flags of every flagged claim, with its document (ix_claims_flags)."""
    return select(Claim.document_id, Claim.flags).where(Claim.flags > "")


def claim_quotes(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    """Claim id -> its quote, for these claims."""
    out: dict[int, str] = {}
    ids = sorted(set(ids))
    stmt = select(Claim.id, Claim.quote).where(Claim.id.in_(bindparam("ids", expanding=True)))
    for part in chunks(ids):
        out.update(conn.execute(stmt, {"ids": part}).all())
    return out
