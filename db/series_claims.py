"""A series' claims as the checks read them, fast however many there are.

The claims of one entity and metric are read from one covering index (ix_claims_series) in
its order, never row by row from the table; their documents once each; the few reviews that
set a status apart. Quotes are read only for the claims asked for (the copy detection needs
them where a point's claims changed).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, bindparam, select

from db.models import Claim, Document, Review
from db.status import CLAIM_STATUS_BY_ACTION

# What series_claims gives, one list each, in claim id order.
SERIES_COLUMNS = ("claim_id", "claim_uid", "entity", "metric", "value", "unit", "qualifier",
                  "value_low", "value_high", "value_hkd", "as_of", "period", "flags",
                  "document_id", "status", "document", "kind", "publisher",
                  "document_version")  # fmt: skip
_READ = ("id", "uid", "value", "unit", "qualifier", "value_low", "value_high", "value_hkd",
         "as_of", "period", "flags", "document_id", "initial_status")  # fmt: skip
CHUNK = 5000  # ids per IN (...) list
NAMED_AT_MOST = 500  # more documents than this are read in one pass over all of them


@cache
def _claims() -> Select:
    """The series' claims (all of them: candidates and corrected claims are sorted out after),
    every column from ix_claims_series."""
    cols = [getattr(Claim, c) for c in _READ]
    return select(*cols).where(Claim.entity == bindparam("e"), Claim.metric == bindparam("m"))


@cache
def _reviewed() -> Select:
    """(claim id, action) of the status-setting reviews of the series' claims, oldest first."""
    return (
        select(Claim.id, Review.action)
        .join(Claim, Claim.uid == Review.target_uid)
        .where(
            Claim.entity == bindparam("e"),
            Claim.metric == bindparam("m"),
            Review.target_type == "claim",
            Review.action.in_(list(CLAIM_STATUS_BY_ACTION)),
        )
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
    version (the time it was stored)."""
    rows = conn.execute(_claims(), {"e": entity, "m": metric}).all()
    last = dict(conn.execute(_reviewed(), {"e": entity, "m": metric}).all())
    corrected = set(conn.scalars(_corrected()))
    kept = []
    for r in rows:
        action = last.get(r[0])
        if r[12] == "candidate" and action in (None, "reopen"):
            continue  # waits for a reviewer: counts nowhere
        if r[1] in corrected:
            continue  # its corrected row counts instead
        kept.append((*r[:12], CLAIM_STATUS_BY_ACTION.get(action or "") or r[12]))
    kept.sort()  # by claim id (unique)
    docs = series_documents(conn, {r[11] for r in kept})
    n = len(kept)
    columns = list(zip(*kept, strict=True)) if kept else [()] * 13
    out: dict[str, list[Any]] = {
        "claim_id": list(columns[0]),
        "claim_uid": list(columns[1]),
        "entity": [entity] * n,
        "metric": [metric] * n,
        "value": list(columns[2]),
        "unit": list(columns[3]),
        "qualifier": list(columns[4]),
        "value_low": list(columns[5]),
        "value_high": list(columns[6]),
        "value_hkd": list(columns[7]),
        "as_of": list(columns[8]),
        "period": list(columns[9]),
        "flags": list(columns[10]),
        "document_id": list(columns[11]),
        "status": list(columns[12]),
    }
    for k, name in enumerate(("document", "kind", "publisher", "document_version")):
        out[name] = [docs[d][k] for d in out["document_id"]]
    return out


def series_documents(conn: Connection, ids: Iterable[int]) -> dict[int, tuple]:
    """Document id -> (file name, kind, publisher, version: when it was stored, as text)."""
    wanted = set(ids)
    stmt = select(
        Document.id, Document.file_name, Document.kind, Document.publisher, Document.ingested_at
    )
    if len(wanted) <= NAMED_AT_MOST:
        stmt = stmt.where(Document.id.in_(sorted(wanted)))
    return {
        i: (name, kind, publisher, str(at))
        for i, name, kind, publisher, at in conn.execute(stmt)
        if i in wanted
    }


def claim_quotes(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    """Claim id -> its quote, for these claims."""
    out: dict[int, str] = {}
    ids = sorted(set(ids))
    stmt = select(Claim.id, Claim.quote).where(Claim.id.in_(bindparam("ids", expanding=True)))
    for i in range(0, len(ids), CHUNK):
        out.update(conn.execute(stmt, {"ids": ids[i : i + CHUNK]}).all())
    return out
