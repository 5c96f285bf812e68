"""Reviewer corrections: the review log keeps them, the claim row that counts is derived.

A `correct` review holds its label (`Review.correction`): the figure with the reviewer's metric,
owner and date, and what the claim said before. From it one claim row is derived: a copy of the
corrected claim with those three changed, `corrects_uid` pointing back, stored as `accepted`.
The row exists exactly while that correction is the newest status-setting review of the claim:
a later accept, reject, reopen or correction removes it (a newer correction derives its own),
and storing the document again derives it anew for the claims found again. Exports, series and
conflicts read the corrected figure like any other claim; the corrected claim itself has the
status `corrected` and, like a candidate, stays out of them. Nothing in the log is changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, bindparam, delete, insert, select
from sqlalchemy.sql.elements import ColumnElement

from db.batches import chunks
from db.claims_csv import write_claim_lines
from db.metrics import catalogue
from db.models import Claim, Document, Review, utcnow
from db.records import Correction
from db.status import CLAIM_STATUS_BY_ACTION, latest_status_action

MONEY_UNITS = frozenset({"HKD", "USD", "RMB"})
MAX_ENTITY = 300  # the claims.entity column
# Columns a derived row does not copy from the claim it corrects.
OWN_COLUMNS = frozenset({"id", "uid", "created_at", "corrects_uid", "initial_status", "unsure"})


def derived_uid(original_uid: str, review_id: int) -> str:
    """The uid of the row a correction derives: the same after every re-ingest."""
    return hashlib.sha256(f"{original_uid}|correct|{review_id}".encode()).hexdigest()[:20]


def unit_kind(unit: str) -> str:
    return "money" if unit in MONEY_UNITS else unit


def claim_row(conn: Connection, *where: ColumnElement[bool]) -> Mapping[str, Any] | None:
    """A stored claim's columns and its document's file name (`document`)."""
    stmt = (
        select(*Claim.__table__.columns, Document.file_name.label("document"))
        .join(Document, Document.id == Claim.document_id)
        .where(*where)
    )
    return conn.execute(stmt).mappings().first()


def correction_label(
    claim: Mapping[str, Any],
    metric: str | None = None,
    entity: str | None = None,
    as_of: date | None = None,
) -> dict[str, Any]:
    """The label a `correct` review keeps: the claim's figure with the metric, owner and date a
    reviewer gave (what is not given stays), and what it said before. ValueError (one line)
    for an unknown metric, one counting another unit, an empty owner, or no change at all."""
    if claim["corrects_uid"]:
        raise ValueError(
            f"claim {claim['id']} is itself a correction: correct the claim it corrects"
        )
    metric = (metric or "").strip() or claim["metric"]
    entity = " ".join((entity if entity is not None else claim["entity"]).split())
    as_of = as_of or claim["as_of"]
    info = catalogue().get(metric)
    if info is None:
        raise ValueError(f"unknown metric {metric!r} (see etl/data/metrics.csv)")
    if unit_kind(info.unit) != unit_kind(claim["unit"]):
        raise ValueError(f"{metric} is counted in {info.unit}, this figure in {claim['unit']}")
    if not entity:
        raise ValueError("the owner is empty")
    if len(entity) > MAX_ENTITY:
        raise ValueError(f"the owner is longer than {MAX_ENTITY} characters")
    was = {
        "entity": claim["entity"],
        "metric": claim["metric"],
        "as_of": claim["as_of"].isoformat(),
    }
    now = {"entity": entity, "metric": metric, "as_of": as_of.isoformat()}
    if now == was:
        raise ValueError("nothing to correct: the metric, owner and date are the same")
    figure = ("document", "mention_start", "mention_end", "quote", "value", "unit", "period")
    return {**{k: claim[k] for k in figure}, **now, "was": was}  # dates as text: JSON


def same_figure(conn: Connection, claim: Mapping[str, Any], label: Mapping[str, Any]) -> int | None:
    """Another claim of the same document already stating the corrected figure (its id); the
    row derived from an earlier correction of this claim does not count."""
    period = Claim.period.is_(None) if label["period"] is None else Claim.period == label["period"]
    return conn.scalar(
        select(Claim.id).where(
            Claim.document_id == claim["document_id"],
            Claim.id != claim["id"],
            Claim.corrects_uid.is_distinct_from(claim["uid"]),  # not its own corrected row
            Claim.entity == label["entity"],
            Claim.metric == label["metric"],
            Claim.unit == label["unit"],
            Claim.value == label["value"],
            Claim.as_of == date.fromisoformat(label["as_of"]),
            period,
        )
    )


def correction_text(label: Mapping[str, Any] | None) -> str:
    """What a correction changed, for the review export: "metric companies -> unicorns"."""
    if not label:
        return ""
    was = label.get("was") or {}
    changed = [
        f"{key.replace('_', ' ')} {was.get(key)} -> {label[key]}"
        for key in ("metric", "entity", "as_of")
        if was.get(key) != label.get(key)
    ]
    return "; ".join(changed)


def label_record(label: Mapping[str, Any]) -> Correction:
    return Correction(
        document=label["document"],
        mention_start=label["mention_start"],
        mention_end=label["mention_end"],
        quote=label["quote"],
        value=label["value"],
        unit=label["unit"],
        entity=label["entity"],
        metric=label["metric"],
        as_of=date.fromisoformat(label["as_of"]),
        period=label["period"],
    )


def _derive(conn: Connection, *where: ColumnElement[bool]) -> int:
    """Insert the rows of the standing corrections of the claims `where` selects; how many."""
    sub = latest_status_action("claim", CLAIM_STATUS_BY_ACTION)
    standing = conn.execute(
        select(sub.c.target_uid, sub.c.review_id, Review.correction)
        .join(Review, Review.id == sub.c.review_id)
        .where(sub.c.action == "correct", sub.c.target_uid.in_(select(Claim.uid).where(*where)))
    ).all()
    ids = []
    for uid, review_id, label in standing:
        claim = claim_row(conn, Claim.uid == uid)
        if claim is None or not label:
            continue
        row = {k: v for k, v in claim.items() if k in Claim.__table__.columns}
        row = {k: v for k, v in row.items() if k not in OWN_COLUMNS}
        as_of = date.fromisoformat(label["as_of"])
        row.update(
            uid=derived_uid(uid, review_id),
            corrects_uid=uid,
            initial_status="accepted",
            unsure="",
            created_at=utcnow(),
            entity=label["entity"],
            metric=label["metric"],
            as_of=as_of,
            as_of_precision="day" if as_of != claim["as_of"] else claim["as_of_precision"],
        )
        ids.append(conn.execute(insert(Claim).values(row).returning(Claim.id)).scalar_one())
    write_claim_lines(conn, ids)
    return len(ids)


def sync_claim(conn: Connection, uid: str) -> None:
    """Make the row derived from claim `uid` what its newest review says (in the caller's
    transaction, after that review was added)."""
    # Reviews of one claim derive one after another (PostgreSQL; SQLite has one writer).
    conn.execute(select(Claim.id).where(Claim.uid == uid).with_for_update())
    conn.execute(delete(Claim).where(Claim.corrects_uid == uid))
    _derive(conn, Claim.uid == uid)


@cache
def _corrections_among() -> Select:
    return (
        select(Review.id)
        .where(
            Review.target_type == "claim",
            Review.target_uid.in_(bindparam("uids", expanding=True)),
            Review.action == "correct",
        )
        .limit(1)
    )


@cache
def _any_correction() -> Select:
    stmt = select(Review.id).where(Review.target_type == "claim", Review.action == "correct")
    return stmt.limit(1)


def any_corrections(conn: Connection) -> bool:
    """Whether a reviewer ever corrected a claim."""
    return conn.execute(_any_correction()).first() is not None


def has_corrections(conn: Connection, uids: Sequence[str]) -> bool:
    """Whether a reviewer ever corrected one of these claims (only then can a stored
    document's claims need rows derived: a look at the review index first)."""
    stmt = _corrections_among()
    return any(conn.execute(stmt, {"uids": part}).first() for part in chunks(uids))


def derive_for_document(conn: Connection, document_id: int) -> int:
    """The rows of the standing corrections of a document's claims, just stored (in the
    storing transaction); how many."""
    return _derive(conn, Claim.document_id == document_id, Claim.corrects_uid.is_(None))
