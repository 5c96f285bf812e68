"""Read the stored conflicts for export and review (db.conflict_store stores them)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    case,
    func,
    select,
)

from db.batches import chunks
from db.claims import ClaimFilter, claims_select
from db.engine import read_all, session_scope
from db.models import Claim, Conflict, ConflictClaim
from db.records import SEVERITY_ORDER
from db.status import (
    CONFLICT_STATUS_BY_ACTION,
    conflict_status_parts,
    latest_status_action,
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


def _conflict_select(filt: ClaimFilter, conflict_id: int | None = None) -> Select:
    sub, status = conflict_status_parts()
    stmt = select(Conflict, status.label("status")).outerjoin(sub, sub.c.target_uid == Conflict.uid)
    if filt.metric:
        stmt = stmt.where(Conflict.metric == filt.metric)
    if filt.entity:
        stmt = stmt.where(Conflict.entity == filt.entity)
    if filt.status:
        stmt = stmt.where(status == filt.status)
    if conflict_id is not None:
        stmt = stmt.where(Conflict.id == conflict_id)
    return stmt


def _conflict_rows(conn, filt: ClaimFilter, conflict_id: int | None = None):
    return conn.execute(_conflict_select(filt, conflict_id).order_by(Conflict.id)).all()


def _queue_order(stmt: Select) -> Select:
    """Open first, then by severity (high, medium, low) and id."""
    status = stmt.selected_columns["status"]
    rank = case(*((Conflict.severity == k, v) for k, v in SEVERITY_ORDER.items()), else_=9)
    return stmt.order_by(case((status == "open", 0), else_=1), rank, Conflict.id)


def _links(conn, conflict_ids: Sequence[int] | None = None) -> dict[int, list[int]]:
    """Conflict id -> its claim ids (of these conflicts, or of all)."""
    stmt = select(ConflictClaim.conflict_id, ConflictClaim.claim_id)
    parts = [stmt] if conflict_ids is None else [
        stmt.where(ConflictClaim.conflict_id.in_(part)) for part in chunks(list(conflict_ids))
    ]  # fmt: skip
    out: dict[int, list[int]] = {}
    for part in parts:
        for cid, claim in conn.execute(part):
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


def _views_of(s, rows) -> list[ConflictView]:
    links = _links(s, [c.id for c, _ in rows])
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


def _views(engine: Engine, filt: ClaimFilter, conflict_id: int | None = None) -> list[ConflictView]:
    with session_scope(engine) as s:
        return _views_of(s, _conflict_rows(s, filt, conflict_id))


def list_conflicts(engine: Engine, status: str | None = None) -> list[ConflictView]:
    """The review queue: open first, then by severity and id, each with its claims side by side."""
    return page_conflicts(engine, status)[0]


def page_conflicts(
    engine: Engine, status: str | None = None, *, offset: int = 0, limit: int | None = None
) -> tuple[list[ConflictView], int]:
    """One page of the review queue (open first, then by severity and id) and how many
    conflicts the status filter holds in all; only the page's claims are read."""
    with session_scope(engine) as s:
        if status == "open":
            rows, total = _open_page(s, offset, limit)
        else:
            stmt = _conflict_select(ClaimFilter(status=status))
            total = s.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
            page = _queue_order(stmt).offset(offset)
            rows = s.execute(page if limit is None else page.limit(limit)).all()
        return _views_of(s, rows), total


def _open_page(s, offset: int, limit: int | None) -> tuple[list, int]:
    """The open queue's page read severity by severity along the index (active, severity,
    id): no sort of every open conflict, however many there are."""
    sub = latest_status_action("conflict", CONFLICT_STATUS_BY_ACTION)
    resolved = select(sub.c.target_uid).where(sub.c.action == "resolve")  # reviewers' few
    # By id, so that the walk along the index never reads a conflict's row.
    resolved_ids = select(Conflict.id).where(Conflict.uid.in_(resolved))
    is_open = (Conflict.active.is_(True), Conflict.id.not_in(resolved_ids))
    known = list(SEVERITY_ORDER)
    groups = [Conflict.severity == k for k in known] + [Conflict.severity.not_in(known)]
    counts = dict(
        s.execute(
            select(Conflict.severity, func.count()).where(*is_open).group_by(Conflict.severity)
        ).all()
    )
    sizes = [counts.get(k, 0) for k in known] + [
        sum(n for k, n in counts.items() if k not in SEVERITY_ORDER)
    ]
    rows: list = []
    skip, want = offset, limit if limit is not None else sum(sizes)
    for group, size in zip(groups, sizes, strict=True):
        if len(rows) >= want:
            break
        if skip >= size:
            skip -= size
            continue
        stmt = select(Conflict).where(*is_open, group).order_by(Conflict.id)
        found = s.scalars(stmt.offset(skip).limit(want - len(rows))).all()
        rows += [(c, "open") for c in found]
        skip = 0
    return rows, sum(sizes)


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
    bind: Engine | Connection, entity: str | None = None, metric: str | None = None
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
    for cid, ent, met, kind, severity, claim in read_all(bind, stmt):
        found.setdefault(cid, (ent, met, kind, severity, []))[4].append(claim)
    out: dict[tuple[str, str], list[tuple[int, str, str, tuple[int, ...]]]] = {}
    for cid, (ent, met, kind, severity, claims) in found.items():
        out.setdefault((ent, met), []).append((cid, kind, severity, tuple(claims)))
    return out
