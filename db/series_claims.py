"""A series' claims as the checks read them, fast however many there are.

The claims of one entity and metric are read from one covering index (ix_claims_series) in
its order, never row by row from the table; their documents once each; the few reviews that
set a status apart. Quotes are read only for the claims asked for (the copy detection needs
them where a point's claims changed).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Select, bindparam, func, select

from db.batches import chunks
from db.models import Claim, Document, DocumentCount, Review
from db.status import CLAIM_STATUS_BY_ACTION

# What series_claims gives, one list each, in claim id order.
SERIES_COLUMNS = ("claim_id", "claim_uid", "entity", "metric", "value", "unit", "qualifier",
                  "value_low", "value_high", "value_hkd", "as_of", "period", "flags",
                  "document_id", "status", "document", "kind", "publisher",
                  "document_version")  # fmt: skip
_READ = ("id", "uid", "value", "unit", "qualifier", "value_low", "value_high", "value_hkd",
         "as_of", "period", "flags", "document_id", "initial_status")  # fmt: skip
NAMED_AT_MOST = 500  # more documents than this are read in one pass over all of them


@cache
def _claims() -> Select:
    """The series' claims (all of them: candidates and corrected claims are sorted out after),
    every column from ix_claims_series."""
    cols = [getattr(Claim, c) for c in _READ]
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


def series_claims(conn: Connection, entity: str, metric: str) -> dict[str, list[Any]]:
    """The claims of a series that count (as db.claims' default filter: not a candidate waiting
    for a reviewer, not a corrected claim), as columns (SERIES_COLUMNS -> one list each) in id
    order, with each claim's derived status and its document's name, kind, publisher and
    version (the time it was stored); and `signals`: each of those documents' signals
    (db.documents.SIGNAL_FIELDS), what its standing as a witness is worked out from."""
    rows = _raw(conn, _claims(), {"e": entity, "m": metric})
    last = dict(_raw(conn, _reviewed(), {}))  # uid -> the newest status-setting action
    corrected = set(conn.scalars(_corrected()))
    rows = [
        r
        for r in rows
        if not (r[12] == "candidate" and last.get(r[1]) in (None, "reopen"))  # waits
        and not (corrected and r[1] in corrected)  # its corrected row counts instead
    ]
    rows.sort(key=itemgetter(0))  # by claim id
    cols = [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in _READ]
    uids, status = cols[1], cols[12]
    if last:  # the few reviewed claims
        for k in [k for k, uid in enumerate(uids) if uid in last]:
            status[k] = CLAIM_STATUS_BY_ACTION.get(last[uids[k]]) or status[k]
    as_of = cols[8]
    if as_of and isinstance(as_of[0], str):  # SQLite's driver gives ISO text
        cols[8] = list(map(date.fromisoformat, as_of))
    n = len(cols[0])
    out = {name: cols[k] for k, name in enumerate(_READ) if name != "initial_status"}
    out["claim_id"], out["claim_uid"], out["status"] = out.pop("id"), out.pop("uid"), cols[12]
    out["entity"], out["metric"] = [entity] * n, [metric] * n
    docs = series_documents(conn, set(out["document_id"]))
    per_claim = list(map(docs.__getitem__, out["document_id"]))
    names = ("document", "kind", "publisher", "document_version")
    for name, col in zip(names, list(zip(*per_claim, strict=True))[:4] if n else [()] * 4,
                         strict=True):  # fmt: skip
        out[name] = list(col)
    out["signals"] = [(d[0], d[1], d[2], *d[4:]) for d in docs.values()]
    return out


def _raw(conn: Connection, stmt: Select, params: dict[str, Any]) -> list[tuple]:
    """Every row as the database driver gives it (no per-row processing: dates may be text)."""
    return conn.execute(stmt, params).cursor.fetchall()


def series_documents(conn: Connection, ids: Iterable[int]) -> dict[int, tuple]:
    """Document id -> (file name, kind, publisher, version: when it was stored as text, and
    db.documents' signals: how many claims it holds, how many flagged garbled, implausible)."""
    wanted = set(ids)
    cols = (Document.id, Document.file_name, Document.kind, Document.publisher,
            Document.ingested_at, func.coalesce(DocumentCount.claims, 0))  # fmt: skip
    stmt = select(*cols).outerjoin(DocumentCount, DocumentCount.document_id == Document.id)
    flagged = select(Claim.document_id, Claim.flags).where(Claim.flags > "")  # ix_claims_flags
    if len(wanted) <= NAMED_AT_MOST:
        stmt = stmt.where(Document.id.in_(sorted(wanted)))
        flagged = flagged.where(Claim.document_id.in_(sorted(wanted)))
    marks: dict[int, list[int]] = {}
    for doc_id, flags in _raw(conn, flagged, {}):
        found = flags.split(";")
        mark = marks.setdefault(doc_id, [0, 0])
        mark[0] += found.count("garbled")
        mark[1] += found.count("implausible")
    docs = {
        i: (name, kind, publisher, str(at), claims, 0, 0)  # str: PostgreSQL gives a datetime
        for i, name, kind, publisher, at, claims in _raw(conn, stmt, {})
        if i in wanted
    }
    for i, (garbled, implausible) in marks.items():
        if i in docs:
            docs[i] = (*docs[i][:5], garbled, implausible)
    return docs


def claim_quotes(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    """Claim id -> its quote, for these claims."""
    out: dict[int, str] = {}
    ids = sorted(set(ids))
    stmt = select(Claim.id, Claim.quote).where(Claim.id.in_(bindparam("ids", expanding=True)))
    for part in chunks(ids):
        out.update(conn.execute(stmt, {"ids": part}).all())
    return out
