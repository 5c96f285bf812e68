"""A series' claims as the checks read them, fast however many there are.

The claims of one entity and metric are read from one covering index (ix_claims_series) in
its order, never row by row from the table; their documents once each; the few reviews that
set a status apart. Quotes are read only for the claims asked for (the copy detection needs
them where a point's claims changed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
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
    Integer,
    Select,
    bindparam,
    cast,
    func,
    literal,
    select,
)

from db.batches import chunks
from db.models import Claim, Review
from db.raw_rows import raw_rows
from db.series_documents import SeriesDocuments, series_documents
from db.status import CLAIM_STATUS_BY_ACTION

# What series_claims gives, one column each, in claim id order (`days`: the claim's date as days
# since 1970-01-01).
SERIES_COLUMNS = ("claim_id", "claim_uid", "entity", "metric", "value", "unit", "qualifier",
                  "value_low", "value_high", "value_hkd", "has_hkd", "days", "period", "flags",
                  "document_id", "status", "document", "kind", "publisher")  # fmt: skip
_READ = ("id", "uid", "value", "unit", "qualifier", "value_low", "value_high", "value_hkd",
         "days", "period", "flags", "document_id", "initial_status")  # fmt: skip
NUMBER_COLUMNS = {"id": np.int64, "value": np.float64, "value_low": np.float64,
                  "value_high": np.float64, "days": np.int64, "document_id": np.int64}  # fmt: skip
DOCUMENT_COLUMNS = ("document", "kind", "publisher")  # each claim's, from `documents`
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
    as tuples, with each claim's derived status (a list) and its document's name, kind and
    publisher; `documents`: those documents (db.series_documents); and `signals`: each one's
    signals (db.documents.SIGNAL_FIELDS), what its standing as a witness is worked out from."""
    rows = raw_rows(conn, _claims(conn.dialect.name), {"e": entity, "m": metric}, binary=True)
    last = dict(raw_rows(conn, _reviewed(), {}))  # uid -> the newest status-setting action
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
    pick = _picker(order)
    for k, name in enumerate(_READ):
        if name in NUMBER_COLUMNS:
            out[name] = np.fromiter(cols[k], NUMBER_COLUMNS[name], n)[order]
        elif name == "value_hkd":
            out["has_hkd"] = np.fromiter(map(is_not, cols[k], repeat(None)), bool, n)[order]
            out[name] = np.array(cols[k], dtype=np.float64)[order]  # None: NaN
        else:
            out[name] = pick(cols[k])
    del cols
    out["claim_id"], out["claim_uid"] = out.pop("id"), out.pop("uid")
    status = out["status"] = list(out.pop("initial_status"))
    if last:  # the few reviewed claims
        uids = out["claim_uid"]
        for k in compress(range(len(order)), map(last.__contains__, uids)):
            status[k] = CLAIM_STATUS_BY_ACTION.get(last[uids[k]]) or status[k]
    out["entity"], out["metric"] = [entity] * len(order), [metric] * len(order)
    docs = out["documents"] = series_documents(conn, _distinct(out["document_id"]))
    out["signals"] = docs.signals()
    return SeriesColumns(out)


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (as np.unique, whose first call in a process imports
    numpy.ma)."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def _picker(order: np.ndarray) -> Callable[[Sequence[Any]], tuple]:
    """A function giving the values at these places, in order, as a tuple."""
    if len(order) == 1:
        k = int(order[0])
        return lambda values: (values[k],)
    return itemgetter(*order.tolist()) if len(order) else lambda values: ()


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
        docs: SeriesDocuments = self["documents"]
        values = (docs.names, docs.kinds, docs.publishers)[DOCUMENT_COLUMNS.index(key)]
        found = list(map(values.__getitem__, docs.positions(self["document_id"]).tolist()))
        self[key] = found
        return found


def claim_quotes(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    """Claim id -> its quote, for these claims."""
    out: dict[int, str] = {}
    ids = sorted(set(ids))
    stmt = select(Claim.id, Claim.quote).where(Claim.id.in_(bindparam("ids", expanding=True)))
    for part in chunks(ids):
        out.update(conn.execute(stmt, {"ids": part}).all())
    return out
