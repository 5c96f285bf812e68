"""The append-only review log: add an action, read the history, derive current status.

Nothing here updates or deletes a review. Reviews point at the target's uid, so a decision
survives a re-ingest that gives the claim or conflict a new integer id. A correction's claim row
is derived in the same transaction as its review (db.corrections).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, and_, insert, literal, select, union_all

from db.batches import chunks
from db.claims import ClaimFilter
from db.corrections import (
    claim_row,
    correction_label,
    correction_text,
    derived_uid,
    label_record,
    same_figure,
    sync_claim,
)
from db.dirty import mark_dirty
from db.locks import write_transaction
from db.models import Claim, Conflict, Review, utcnow
from db.records import Correction
from db.status import (
    CLAIM_STATUS_BY_ACTION,
    CONFLICT_STATUS_BY_ACTION,
    claim_status_parts,
    conflict_status_parts,
    latest_status_action,
)

REVIEW_COLUMNS = (
    "review_id",
    "created_at",
    "reviewer",
    "target_type",
    "target_id",
    "target_uid",
    "action",
    "note",
    "entity",
    "metric",
    "correction",
)
ACTIONS = {
    "claim": ("accept", "reject", "correct", "flag", "comment", "reopen"),
    "conflict": ("resolve", "reopen", "flag", "comment"),
}
# Actions that change a status, and so what the checks and the consensus of a series see.
STATUS_ACTIONS = {"claim": CLAIM_STATUS_BY_ACTION, "conflict": CONFLICT_STATUS_BY_ACTION}
SYSTEM_REVIEWER = "system"  # the name automatic entries (a conflict reopened by new data) use
MAX_REVIEWER = 100


@dataclass(frozen=True)
class ReviewRecord:
    id: int
    target_type: str
    target_id: int | None  # the target's current integer id (None once it no longer exists)
    target_uid: str
    action: str
    reviewer: str
    note: str
    created_at: datetime
    correction: dict[str, Any] | None = None  # a `correct` action's label (db.corrections)


def _model(target_type: str) -> type[Claim] | type[Conflict]:
    if target_type == "claim":
        return Claim
    if target_type == "conflict":
        return Conflict
    raise ValueError(f"unknown review target {target_type!r} (claim or conflict)")


def _check(target_type: str, action: str, reviewer: str) -> str:
    _model(target_type)
    if action not in ACTIONS[target_type]:
        allowed = ", ".join(ACTIONS[target_type])
        raise ValueError(f"a {target_type} cannot be given {action!r} (one of: {allowed})")
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise ValueError("the reviewer is empty")
    if len(reviewer) > MAX_REVIEWER:
        raise ValueError(f"the reviewer name is longer than {MAX_REVIEWER} characters")
    return reviewer


def target_uid(engine: Engine, target_type: str, target_id: int) -> str:
    """The uid behind an integer id; LookupError when there is none."""
    model = _model(target_type)
    with engine.connect() as conn:
        uid = conn.execute(select(model.uid).where(model.id == target_id)).scalar_one_or_none()
    if uid is None:
        raise LookupError(f"no {target_type} with id {target_id}")
    return uid


def add_review(
    engine: Engine,
    target_type: str,
    target_id: int,
    action: str,
    reviewer: str,
    note: str = "",
) -> ReviewRecord:
    """Append one action to the log (its own short transaction: concurrent reviewers never
    overwrite each other, every action gets its own row and id)."""
    reviewer = _check(target_type, action, reviewer)
    uid = target_uid(engine, target_type, target_id)
    return append(engine, target_type, uid, action, reviewer, note, target_id=target_id)


def append(
    engine: Engine,
    target_type: str,
    uid: str,
    action: str,
    reviewer: str,
    note: str = "",
    *,
    target_id: int | None = None,
) -> ReviewRecord:
    """Append an action for a target known by uid (used by the checks to reopen a conflict)."""
    reviewer = _check(target_type, action, reviewer)
    if action == "correct":
        raise ValueError("a correction names the metric, owner or date (add_correction)")
    with write_transaction(engine) as conn:
        return _insert(conn, target_type, uid, action, reviewer, note, target_id)


def _insert(
    conn: Connection,
    target_type: str,
    uid: str,
    action: str,
    reviewer: str,
    note: str | None,
    target_id: int | None,
    correction: dict[str, Any] | None = None,
) -> ReviewRecord:
    """Insert one review; a claim's status action also brings its derived row in step."""
    now = utcnow()
    rid = conn.execute(
        insert(Review)
        .values(
            target_type=target_type,
            target_uid=uid,
            action=action,
            reviewer=reviewer,
            note=note or "",
            created_at=now,
            correction=correction,
        )
        .returning(Review.id)
    ).scalar_one()
    if action in STATUS_ACTIONS[target_type]:
        # The series the target (and the row a correction derives) is in, before and after:
        # their checks and consensus follow the decision.
        touched = _series_of(conn, target_type, uid)
        if target_type == "claim":
            sync_claim(conn, uid)
            touched |= _series_of(conn, target_type, uid)
        mark_dirty(conn, touched)
    return ReviewRecord(
        rid, target_type, target_id, uid, action, reviewer, note or "", now, correction
    )


def _series_of(conn: Connection, target_type: str, uid: str) -> set[tuple[str, str]]:
    model = _model(target_type)
    stmt = select(model.entity, model.metric).where(model.uid == uid)
    if model is Claim:
        stmt = stmt.union(select(Claim.entity, Claim.metric).where(Claim.corrects_uid == uid))
    return {(e, m) for e, m in conn.execute(stmt)}


def add_correction(
    engine: Engine,
    claim_id: int,
    reviewer: str,
    note: str,
    *,
    metric: str | None = None,
    entity: str | None = None,
    as_of: date | None = None,
) -> ReviewRecord:
    """Correct a claim's metric, owner or date (what is not given stays): the review keeps the
    corrected label, and the claim row that counts from now on is derived from it in the same
    transaction. ValueError (one line) when it cannot be recorded; LookupError: no such claim."""
    reviewer = _check("claim", "correct", reviewer)
    note = (note or "").strip()
    if not note:
        raise ValueError("a correction needs a note saying why")
    with write_transaction(engine) as conn:
        claim = claim_row(conn, Claim.id == claim_id)
        if claim is None:
            raise LookupError(f"no claim with id {claim_id}")
        label = correction_label(claim, metric, entity, as_of)
        twin = same_figure(conn, claim, label)
        if twin is not None:
            raise ValueError(
                f"claim {twin} of the same document says this already: reject this one"
            )
        return _insert(conn, "claim", claim["uid"], "correct", reviewer, note, claim_id, label)


def series_of(engine: Engine, target_type: str, target_id: int) -> tuple[str, str] | None:
    """(entity, metric) of a claim or conflict, None for an unknown id."""
    model = _model(target_type)
    with engine.connect() as conn:
        row = conn.execute(
            select(model.entity, model.metric).where(model.id == target_id)
        ).one_or_none()
    return None if row is None else (row[0], row[1])


def _targets():
    """(type, uid, id, entity, metric) of every claim and conflict, to join reviews on."""
    return union_all(
        select(
            literal("claim").label("t"),
            Claim.uid.label("uid"),
            Claim.id.label("id"),
            Claim.entity.label("entity"),
            Claim.metric.label("metric"),
        ),
        select(
            literal("conflict").label("t"),
            Conflict.uid,
            Conflict.id,
            Conflict.entity,
            Conflict.metric,
        ),
    ).subquery()


def _select():
    tg = _targets()
    stmt = (
        select(
            Review.id.label("review_id"),
            Review.created_at,
            Review.reviewer,
            Review.target_type,
            tg.c.id.label("target_id"),
            Review.target_uid,
            Review.action,
            Review.note,
            tg.c.entity,
            tg.c.metric,
            Review.correction,
        )
        .select_from(Review)
        .outerjoin(tg, and_(tg.c.t == Review.target_type, tg.c.uid == Review.target_uid))
        .order_by(Review.id)
    )
    return stmt, tg


def _record(row: Any) -> ReviewRecord:
    return ReviewRecord(
        row.review_id,
        row.target_type,
        row.target_id,
        row.target_uid,
        row.action,
        row.reviewer,
        row.note,
        row.created_at,
        row.correction,
    )


def history(engine: Engine, target_type: str, target_id: int) -> list[ReviewRecord]:
    """Every action on one claim or conflict, oldest first."""
    uid = target_uid(engine, target_type, target_id)
    stmt, _ = _select()
    stmt = stmt.where(Review.target_type == target_type, Review.target_uid == uid)
    with engine.connect() as conn:
        return [_record(r) for r in conn.execute(stmt)]


def iter_reviews(engine: Engine, filt: ClaimFilter | None = None) -> Iterator[dict[str, Any]]:
    """Rows for `export reviews`, the audit trail (metric and entity filters apply)."""
    filt = filt or ClaimFilter()
    stmt, tg = _select()
    if filt.metric:
        stmt = stmt.where(tg.c.metric == filt.metric)
    if filt.entity:
        stmt = stmt.where(tg.c.entity == filt.entity)
    with engine.connect() as conn:
        for r in conn.execute(stmt):
            yield {**r._mapping, "correction": correction_text(r.correction)}


def iter_corrections(engine: Engine) -> Iterator[Correction]:
    """The labels reviewers' corrections give, oldest first: the newest status-setting review of
    each claim that is a correction whose derived row no reviewer rejected since. Read from the
    log alone, so a label outlives its claim (a re-ingest that no longer finds it)."""
    sub = latest_status_action("claim", CLAIM_STATUS_BY_ACTION)
    standing = (
        select(sub.c.target_uid, sub.c.review_id, Review.correction)
        .join(Review, Review.id == sub.c.review_id)
        .where(sub.c.action == "correct")
        .order_by(sub.c.review_id)
    )
    rejected = select(sub.c.target_uid).where(sub.c.action == "reject")
    with engine.connect() as conn:
        undone = set(conn.scalars(rejected))
        rows = conn.execute(standing).all()
    for uid, review_id, label in rows:
        if label and derived_uid(uid, review_id) not in undone:
            yield label_record(label)


def reviews_of(engine: Engine, targets: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """The reviews of these (target_type, target_uid) targets, oldest first."""
    wanted: dict[str, list[str]] = {}
    for kind, uid in set(targets):
        wanted.setdefault(kind, []).append(uid)
    cols = (Review.id, Review.created_at, Review.reviewer, Review.target_type,
            Review.target_uid, Review.action, Review.note)  # fmt: skip
    out: list[dict[str, Any]] = []
    with engine.connect() as conn:
        for kind, uids in wanted.items():
            for part in chunks(uids):
                stmt = select(*cols).where(Review.target_type == kind, Review.target_uid.in_(part))
                out.extend(dict(r._mapping) for r in conn.execute(stmt))
    return sorted(out, key=lambda r: r["id"])


def _status_of(engine: Engine, target_type: str, target_id: int) -> str:
    """The derived status of one claim or conflict; LookupError for an unknown id."""
    model, (sub, status) = (
        (Claim, claim_status_parts())
        if target_type == "claim"
        else (Conflict, conflict_status_parts())
    )
    stmt = (
        select(status)
        .select_from(model)
        .outerjoin(sub, sub.c.target_uid == model.uid)
        .where(model.id == target_id)
    )
    with engine.connect() as conn:
        found = conn.execute(stmt).scalar_one_or_none()
    if found is None:
        raise LookupError(f"no {target_type} with id {target_id}")
    return found


def claim_status(engine: Engine, claim_id: int) -> str:
    """auto, accepted or rejected, from the newest status-setting action in the log."""
    return _status_of(engine, "claim", claim_id)


def conflict_status(engine: Engine, conflict_id: int) -> str:
    """open or resolved: resolved once detection no longer finds it or a reviewer resolved it."""
    return _status_of(engine, "conflict", conflict_id)


def latest_claim_reviews(engine: Engine, claim_ids: Sequence[int]) -> dict[int, ReviewRecord]:
    """Claim id -> its newest review (any action), for the claims that have one. The claims'
    uids first, then their reviews through the review index (joined, the planner probes every
    claim id once per review)."""
    cols = (Review.id, Review.target_uid, Review.action, Review.reviewer, Review.note,
            Review.created_at)  # fmt: skip
    newest: dict[str, Row] = {}
    with engine.connect() as conn:
        id_of: dict[str, int] = {}
        for part in chunks(sorted(set(claim_ids))):
            id_of.update(conn.execute(select(Claim.uid, Claim.id).where(Claim.id.in_(part))).all())
        for part in chunks(list(id_of)):
            stmt = select(*cols).where(Review.target_type == "claim", Review.target_uid.in_(part))
            for row in conn.execute(stmt):
                if row.target_uid not in newest or row.id > newest[row.target_uid].id:
                    newest[row.target_uid] = row
    return {
        id_of[uid]: ReviewRecord(
            r.id, "claim", id_of[uid], uid, r.action, r.reviewer, r.note or "", r.created_at
        )
        for uid, r in newest.items()
    }
