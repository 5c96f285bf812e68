"""Current status, derived from the append-only review log (never stored in place)."""

from __future__ import annotations

from sqlalchemy import CompoundSelect, Select, Subquery, case, exists, func, select, union_all
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from db.models import Claim, Conflict, ConflictClaim, Review

# Which review actions change a status, and to what. Other actions (flag, comment) only log.
# None: back to the status the claim was stored with (`auto`, or `candidate`).
CLAIM_STATUS_BY_ACTION = {
    "accept": "accepted",
    "reject": "rejected",
    "correct": "corrected",
    "reopen": None,
}
CONFLICT_STATUS_BY_ACTION = {"resolve": "resolved", "reopen": "open"}


def latest_status_action(target_type: str, actions: dict[str, str | None]) -> Subquery:
    """Per target uid, the newest review action that sets a status."""
    newest = (
        select(Review.target_uid, func.max(Review.id).label("review_id"))
        .where(Review.target_type == target_type, Review.action.in_(list(actions)))
        .group_by(Review.target_uid)
        .subquery()
    )
    return (
        select(
            Review.target_uid.label("target_uid"),
            Review.action.label("action"),
            Review.id.label("review_id"),
        )
        .join(newest, Review.id == newest.c.review_id)
        .subquery()
    )


def status_case(
    action_col: ColumnElement, actions: dict[str, str | None], default: str | ColumnElement
):
    return case(
        *((action_col == action, status) for action, status in actions.items() if status),
        else_=default,
    )


def claim_status_parts() -> tuple[Subquery, ColumnElement]:
    """(subquery to outer-join on Claim.uid, status column expression)."""
    sub = latest_status_action("claim", CLAIM_STATUS_BY_ACTION)
    return sub, status_case(sub.c.action, CLAIM_STATUS_BY_ACTION, Claim.initial_status)


def waiting_for_review() -> tuple[ColumnElement[bool], ...]:
    """Conditions on Claim for the claims waiting for a reviewer: stored as candidates and
    undecided since (read from the index over the candidates, whatever the number of claims)."""
    sub = latest_status_action("claim", CLAIM_STATUS_BY_ACTION)
    decided = select(sub.c.target_uid).where(sub.c.action != "reopen")
    return Claim.initial_status == "candidate", Claim.uid.not_in(decided)


def candidate_claim_ids() -> Select:
    """Ids of the claims waiting for a reviewer."""
    return select(Claim.id).where(*waiting_for_review())


def corrected_claim_ids() -> Select:
    """Ids of the claims a standing correction replaces: those a corrected row points back to
    (db.corrections keeps exactly one while the correction stands). An index range over the
    corrected rows, not a walk over the review log."""
    fixed = aliased(Claim)
    replaced = select(fixed.corrects_uid).where(fixed.corrects_uid.is_not(None))
    return select(Claim.id).where(Claim.uid.in_(replaced))


def hidden_claim_ids() -> CompoundSelect:
    """Claims that do not count and that default views leave out: candidates, and corrected
    claims (their corrected row counts instead)."""
    return union_all(candidate_claim_ids(), corrected_claim_ids())


def conflict_status_parts() -> tuple[Subquery, ColumnElement]:
    """(subquery to outer-join on Conflict.uid, status column expression).

    A conflict detection no longer finds (its claim was rejected or replaced) is resolved.
    """
    sub = latest_status_action("conflict", CONFLICT_STATUS_BY_ACTION)
    reviewed = status_case(sub.c.action, CONFLICT_STATUS_BY_ACTION, "open")
    return sub, case((Conflict.active.is_(False), "resolved"), else_=reviewed)


def open_conflict_claim_ids() -> Select:
    """Ids of the claims in an active conflict whose newest status review is not a resolve."""
    last_status = (
        select(func.max(Review.id))
        .where(
            Review.target_type == "conflict",
            Review.target_uid == Conflict.uid,
            Review.action.in_(list(CONFLICT_STATUS_BY_ACTION)),
        )
        .correlate(Conflict)
        .scalar_subquery()
    )
    resolved = select(Review.id).where(Review.id == last_status, Review.action == "resolve")
    return (
        select(ConflictClaim.claim_id)
        .join(Conflict, Conflict.id == ConflictClaim.conflict_id)
        .where(Conflict.active.is_(True), ~exists(resolved))
    )


def in_open_conflict() -> ColumnElement[bool]:
    """True for a claim that belongs to an active conflict no reviewer has resolved.

    A non-correlated IN: the database builds the set of such claims once per query instead of
    probing the conflict tables for every claim row (what keeps a million-row export fast).
    """
    return Claim.id.in_(open_conflict_claim_ids())
