"""Store detected conflicts (stable uid, history kept) and read them for export and review."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import Engine, delete, insert, select

from db.claims import ClaimFilter, claims_select
from db.engine import session_scope
from db.models import Claim, Conflict, ConflictClaim, Review, utcnow
from db.status import (
    CONFLICT_STATUS_BY_ACTION,
    conflict_status_parts,
    open_conflict_claim_ids,
)

CONFLICT_COLUMNS = (
    "conflict_id",
    "entity",
    "metric",
    "kind",
    "severity",
    "status",
    "claim_ids",
    "explanation",
    "active",
    "detected_at",
    "last_seen_at",
    "conflict_uid",
)
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


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


@dataclass(frozen=True)
class ConflictClaimView:
    claim_id: int
    claim_uid: str
    value: float
    unit: str
    qualifier: str
    value_low: float
    value_high: float
    value_hkd: float | None
    as_of: date
    period: str | None
    quote: str
    status: str
    document_id: int
    document: str
    publisher: str | None
    kind: str | None
    published_on: date | None
    title: str | None = None


@dataclass(frozen=True)
class ConflictView:
    id: int
    uid: str
    entity: str
    metric: str
    kind: str
    severity: str
    status: str
    active: bool
    explanation: str
    detected_at: datetime
    last_seen_at: datetime
    claims: tuple[ConflictClaimView, ...]


# What the consistency checks read of each claim.
CHECK_COLUMNS = ("claim_id", "claim_uid", "entity", "metric", "value", "unit", "qualifier",
                 "value_low", "value_high", "value_hkd", "as_of", "period", "quote", "flags",
                 "document", "kind", "publisher", "status")  # fmt: skip


def current_claims(
    engine: Engine, entity: str | None = None, metric: str | None = None
) -> list[dict[str, Any]]:
    """Every claim (of one entity and metric, when given; an index lookup) with its document's
    kind and publisher and its derived status, in id order."""
    filt = ClaimFilter(entity=entity, metric=metric)
    stmt = claims_select(filt, CHECK_COLUMNS).order_by(Claim.id)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


def in_open_conflicts(
    engine: Engine, claim_ids: Sequence[int], severities: Sequence[str] | None = None
) -> set[int]:
    """Which of these claims an open conflict (of one of these severities) holds."""
    if not claim_ids:
        return set()
    stmt = open_conflict_claim_ids().where(ConflictClaim.claim_id.in_(list(claim_ids)))
    if severities is not None:
        stmt = stmt.where(Conflict.severity.in_(list(severities)))
    with engine.connect() as conn:
        return set(conn.scalars(stmt))


def _last_status_action(s, uids: Sequence[str]) -> dict[str, str]:
    rows = s.execute(
        select(Review.target_uid, Review.action, Review.id)
        .where(
            Review.target_type == "conflict",
            Review.target_uid.in_(list(uids)),
            Review.action.in_(list(CONFLICT_STATUS_BY_ACTION)),
        )
        .order_by(Review.id)
    )
    return {r.target_uid: r.action for r in rows}


def store_findings(engine: Engine, findings: Sequence[FindingLike]) -> StoreSummary:
    """Upsert conflicts by uid, deactivate the ones no longer found, rebuild the claim links.

    A conflict a reviewer resolved that comes back with claims it did not hold when resolved
    is reopened by an entry in the review log (nothing is changed in place).
    """
    now = utcnow()
    new = reactivated = deactivated = reopened = 0
    with session_scope(engine) as s:
        existing = {c.uid: c for c in s.scalars(select(Conflict))}
        last = _last_status_action(s, list(existing))
        seen: set[str] = set()
        for f in findings:
            if f.uid in seen:
                continue
            seen.add(f.uid)
            uids = ";".join(sorted(f.claim_uids))
            row = existing.get(f.uid)
            if row is None:
                s.add(
                    Conflict(
                        uid=f.uid,
                        entity=f.entity,
                        metric=f.metric,
                        kind=f.kind,
                        severity=f.severity,
                        explanation=f.explanation,
                        claim_uids=uids,
                        active=True,
                        detected_at=now,
                        last_seen_at=now,
                    )
                )
                new += 1
                continue
            added = set(f.claim_uids) - set(row.claim_uids.split(";"))
            if not row.active:
                reactivated += 1
            if last.get(f.uid) == "resolve" and added:
                s.add(
                    Review(
                        target_type="conflict",
                        target_uid=f.uid,
                        action="reopen",
                        reviewer="system",
                        created_at=now,
                        note=f"reopened: {len(added)} new claim(s) re-create this conflict",
                    )
                )
                reopened += 1
            if row.claim_uids != uids or not row.active or row.explanation != f.explanation:
                row.claim_uids, row.explanation, row.active = uids, f.explanation, True
                row.severity = f.severity
            row.last_seen_at = now
        for uid, row in existing.items():
            if uid not in seen and row.active:
                row.active = False
                deactivated += 1
        s.flush()
        _rebuild_links(s)
    return StoreSummary(len(seen), new, reactivated, deactivated, reopened)


def _rebuild_links(s) -> None:
    """conflict_claims from each conflict's claim uids, to the claim rows that exist now."""
    claim_ids = {uid: cid for uid, cid in s.execute(select(Claim.uid, Claim.id))}
    rows = []
    for cid, uids in s.execute(select(Conflict.id, Conflict.claim_uids)):
        for uid in dict.fromkeys(u for u in uids.split(";") if u):
            if uid in claim_ids:
                rows.append({"conflict_id": cid, "claim_id": claim_ids[uid]})
    s.execute(delete(ConflictClaim))
    if rows:
        s.execute(insert(ConflictClaim), rows)


def _conflict_rows(conn, filt: ClaimFilter, conflict_id: int | None = None):
    sub, status = conflict_status_parts()
    stmt = (
        select(Conflict, status.label("status"))
        .outerjoin(sub, sub.c.target_uid == Conflict.uid)
        .order_by(Conflict.id)
    )
    if filt.metric:
        stmt = stmt.where(Conflict.metric == filt.metric)
    if filt.entity:
        stmt = stmt.where(Conflict.entity == filt.entity)
    if filt.status:
        stmt = stmt.where(status == filt.status)
    if conflict_id is not None:
        stmt = stmt.where(Conflict.id == conflict_id)
    return conn.execute(stmt).all()


def _links(conn) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    rows = conn.execute(select(ConflictClaim.conflict_id, ConflictClaim.claim_id))
    for cid, claim in rows:
        out.setdefault(cid, []).append(claim)
    return out


def iter_conflicts(engine: Engine, filt: ClaimFilter | None = None) -> Iterator[dict[str, Any]]:
    """Rows for `export conflicts`: metric, entity and status (open|resolved) filters apply."""
    filt = filt or ClaimFilter()
    with session_scope(engine) as s:
        links = _links(s)
        rows = _conflict_rows(s, filt)
    for c, status in rows:
        yield {
            "conflict_id": c.id,
            "entity": c.entity,
            "metric": c.metric,
            "kind": c.kind,
            "severity": c.severity,
            "status": status,
            "claim_ids": ";".join(str(i) for i in sorted(links.get(c.id, []))),
            "explanation": c.explanation,
            "active": c.active,
            "detected_at": c.detected_at,
            "last_seen_at": c.last_seen_at,
            "conflict_uid": c.uid,
        }


def _claim_views(s, ids: list[int]) -> dict[int, ConflictClaimView]:
    if not ids:
        return {}
    columns = tuple(f.name for f in fields(ConflictClaimView))  # named as claims_select names them
    stmt = claims_select(ClaimFilter(), columns).where(Claim.id.in_(ids))
    return {r[0]: ConflictClaimView(*r) for r in s.execute(stmt)}


def _views(engine: Engine, filt: ClaimFilter, conflict_id: int | None = None) -> list[ConflictView]:
    with session_scope(engine) as s:
        links = _links(s)
        rows = _conflict_rows(s, filt, conflict_id)
        wanted = sorted({i for c, _ in rows for i in links.get(c.id, [])})
        claims = _claim_views(s, wanted)
    views = []
    for c, status in rows:
        members = sorted(
            (claims[i] for i in links.get(c.id, []) if i in claims),
            key=lambda v: (v.as_of, v.claim_id),
        )
        views.append(
            ConflictView(
                c.id,
                c.uid,
                c.entity,
                c.metric,
                c.kind,
                c.severity,
                status,
                c.active,
                c.explanation,
                c.detected_at,
                c.last_seen_at,
                tuple(members),
            )
        )
    return views


def list_conflicts(engine: Engine, status: str | None = None) -> list[ConflictView]:
    """The review queue: open first, then by severity and id, each with its claims side by side."""
    views = _views(engine, ClaimFilter(status=status))
    return sorted(
        views, key=lambda v: (v.status != "open", SEVERITY_ORDER.get(v.severity, 9), v.id)
    )


def get_conflict(engine: Engine, conflict_id: int) -> ConflictView | None:
    found = _views(engine, ClaimFilter(), conflict_id)
    return found[0] if found else None


def open_conflict_ids(engine: Engine) -> dict[int, list[int]]:
    """Claim id -> the ids of the open conflicts it belongs to."""
    sub, status = conflict_status_parts()
    stmt = (
        select(ConflictClaim.claim_id, Conflict.id)
        .join(Conflict, Conflict.id == ConflictClaim.conflict_id)
        .outerjoin(sub, sub.c.target_uid == Conflict.uid)
        .where(status == "open")
        .order_by(Conflict.id)
    )
    out: dict[int, list[int]] = {}
    with engine.connect() as conn:
        for claim, conflict in conn.execute(stmt):
            out.setdefault(claim, []).append(conflict)
    return out


def open_conflicts_by_series(
    engine: Engine, entity: str | None = None, metric: str | None = None
) -> dict[tuple[str, str], list[tuple[int, str, str, tuple[int, ...]]]]:
    """(entity, metric) -> its open conflicts as (conflict id, kind, severity, claim ids); of
    one series when `entity` and `metric` are given."""
    sub, status = conflict_status_parts()
    stmt = (
        select(Conflict.id, Conflict.entity, Conflict.metric, Conflict.kind, Conflict.severity,
               ConflictClaim.claim_id)
        .join(ConflictClaim, ConflictClaim.conflict_id == Conflict.id)
        .outerjoin(sub, sub.c.target_uid == Conflict.uid)
        .where(status == "open")
        .order_by(Conflict.id, ConflictClaim.claim_id)
    )  # fmt: skip
    if entity is not None:
        stmt = stmt.where(Conflict.entity == entity)
    if metric is not None:
        stmt = stmt.where(Conflict.metric == metric)
    found: dict[int, tuple[str, str, str, str, list[int]]] = {}
    with engine.connect() as conn:
        for cid, ent, met, kind, severity, claim in conn.execute(stmt):
            found.setdefault(cid, (ent, met, kind, severity, []))[4].append(claim)
    out: dict[tuple[str, str], list[tuple[int, str, str, tuple[int, ...]]]] = {}
    for cid, (ent, met, kind, severity, claims) in found.items():
        out.setdefault((ent, met), []).append((cid, kind, severity, tuple(claims)))
    return out
