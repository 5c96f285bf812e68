"""Store one series' detected conflicts: stable ids and history, set-based statements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Protocol

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from db.batches import chunks
from db.models import Conflict, ConflictClaim, Review, utcnow
from db.status import CONFLICT_STATUS_BY_ACTION


class FindingLike(Protocol):
    """What storing needs from a detected conflict (etl.check.checks.Finding has it)."""

    uid: str
    kind: str
    severity: str
    entity: str
    metric: str
    explanation: str

    @property
    def claim_uids(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class StoreSummary:
    found: int
    new: int
    reactivated: int
    deactivated: int
    reopened: int


def _last_status_action(conn: Connection, uids: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in chunks(list(uids)):
        rows = conn.execute(
            select(Review.target_uid, Review.action)
            .where(
                Review.target_type == "conflict",
                Review.target_uid.in_(part),
                Review.action.in_(list(CONFLICT_STATUS_BY_ACTION)),
            )
            .order_by(Review.id)
        )
        out.update({uid: action for uid, action in rows})
    return out


@dataclass(frozen=True)
class StoredConflict:
    """A series' conflict as stored, what matching a new finding to it needs."""

    id: int
    uid: str
    kind: str
    severity: str
    explanation: str
    claim_uids: str
    active: bool

    @property
    def claims(self) -> frozenset[str]:
        return frozenset(u for u in self.claim_uids.split(";") if u)


def match_stored(
    findings: Sequence[FindingLike], stored: Sequence[StoredConflict]
) -> list[StoredConflict | None]:
    """The stored conflict each finding continues: the one with its uid, else the one of the
    same kind sharing most of its claims (lowest id on a tie), each taken once; None: new.

    A group that gains or loses a claim keeps its id and history this way."""
    by_uid = {c.uid: c for c in stored}
    out: list[StoredConflict | None] = [by_uid.get(f.uid) for f in findings]
    taken = {c.id for c in out if c is not None}
    for k, f in enumerate(findings):
        if out[k] is not None:
            continue
        mine = set(f.claim_uids)
        best = max(
            (c for c in stored if c.kind == f.kind and c.id not in taken and mine & c.claims),
            key=lambda c: (len(mine & c.claims), -c.id),
            default=None,
        )
        if best is not None:
            out[k] = best
            taken.add(best.id)
    return out


def store_series_conflicts(
    conn: Connection,
    entity: str,
    metric: str,
    findings: Sequence[FindingLike],
    claim_ids: dict[str, int],
) -> StoreSummary:
    """Store one series' findings in the caller's transaction, with set-based statements:
    continue the stored conflicts they match (same id and history), add the new ones,
    deactivate the ones no longer found, and bring the claim links in step. `claim_ids`
    maps the uid of every claim of the series that exists now to its id.

    A conflict a reviewer resolved that comes back with claims it did not hold when resolved
    is reopened by an entry in the review log (nothing is changed in place).
    """
    now = utcnow()
    cols = [getattr(Conflict, f.name) for f in fields(StoredConflict)]
    where = (Conflict.entity == entity, Conflict.metric == metric)
    stored = [StoredConflict(*r) for r in conn.execute(select(*cols).where(*where))]
    findings = list({f.uid: f for f in findings}.values())
    matched = match_stored(findings, stored)
    last = _last_status_action(conn, [c.uid for c in matched if c is not None])
    inserts, updates, reopens, seen = [], [], [], []
    reactivated = 0
    for f, row in zip(findings, matched, strict=True):
        uids = ";".join(sorted(set(f.claim_uids)))
        values = {"severity": f.severity, "explanation": f.explanation, "claim_uids": uids}
        if row is None:
            inserts.append({**values, "uid": f.uid, "entity": entity, "metric": metric,
                            "kind": f.kind, "active": True, "detected_at": now,
                            "last_seen_at": now})  # fmt: skip
            continue
        seen.append(row.id)
        reactivated += not row.active
        added = set(f.claim_uids) - row.claims
        if last.get(row.uid) == "resolve" and added:
            note = f"reopened: {len(added)} new claim(s) re-create this conflict"
            reopens.append({"target_type": "conflict", "target_uid": row.uid, "action": "reopen",
                            "reviewer": "system", "created_at": now, "note": note})  # fmt: skip
        if (row.claim_uids, row.explanation, row.severity, row.active) != (
            uids,
            f.explanation,
            f.severity,
            True,
        ):
            updates.append({**values, "active": True, "_id": row.id})
    if inserts:
        conn.execute(insert(Conflict), inserts)
    if updates:
        conn.execute(update(Conflict).where(Conflict.id == bindparam("_id")), updates)
    for part in chunks(seen):
        conn.execute(update(Conflict).where(Conflict.id.in_(part)).values(last_seen_at=now))
    gone = [c.id for c in stored if c.active and c.id not in set(seen)]
    for part in chunks(gone):
        conn.execute(update(Conflict).where(Conflict.id.in_(part)).values(active=False))
    if reopens:
        conn.execute(insert(Review), reopens)
    _sync_links(conn, where, claim_ids)
    return StoreSummary(len(findings), len(inserts), reactivated, len(gone), len(reopens))


def _sync_links(conn: Connection, where: tuple, claim_ids: dict[str, int]) -> None:
    """conflict_claims of the series' conflicts: each conflict's claim uids that exist now."""
    want = {
        (cid, claim_ids[u])
        for cid, uids in conn.execute(select(Conflict.id, Conflict.claim_uids).where(*where))
        for u in uids.split(";")
        if u in claim_ids
    }
    have_stmt = (
        select(ConflictClaim.conflict_id, ConflictClaim.claim_id)
        .join(Conflict, Conflict.id == ConflictClaim.conflict_id)
        .where(*where)
    )
    have = {tuple(r) for r in conn.execute(have_stmt)}
    drop = sorted(have - want)
    if drop:
        stmt = delete(ConflictClaim).where(
            ConflictClaim.conflict_id == bindparam("a"), ConflictClaim.claim_id == bindparam("b")
        )
        conn.execute(stmt, [{"a": a, "b": b} for a, b in drop])
    add = sorted(want - have)
    if add:
        conn.execute(insert(ConflictClaim), [{"conflict_id": a, "claim_id": b} for a, b in add])
