"""What the Conflicts page shows: each conflict as a card, its claims side by side, histories."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from db.conflicts import ConflictClaimView, ConflictView, page_conflicts
from db.metrics import catalogue
from db.reviews import reviews_of
from etl.report.words import (
    conflict_kind_text,
    document_name,
    format_amount,
    format_date,
    format_value,
    format_when,
    period_text,
)

STATUS_FILTERS = ("open", "resolved", "all")
# Buttons offered for each current status: the action that would change nothing is left out.
CLAIM_BUTTONS = {
    "auto": ("accept", "reject", "flag", "comment"),
    "accepted": ("reject", "reopen", "flag", "comment"),
    "rejected": ("accept", "reopen", "flag", "comment"),
}
CONFLICT_BUTTONS = {"open": ("resolve", "comment"), "resolved": ("reopen", "comment")}


@dataclass(frozen=True)
class HistoryEntry:
    reviewer: str
    action: str
    note: str
    when: str  # "2026-02-14 09:30 UTC"


@dataclass(frozen=True)
class ClaimCard:
    claim_id: int
    value_text: str  # "over HK$43.4bn"
    interval_text: str  # "HK$43.4bn – HK$43.5bn"
    as_of: str
    period: str | None
    status: str
    document_id: int
    document: str  # the document as a reader knows it: its title
    source: str  # "Cyberport · press release"
    published_on: str
    href: str  # the document view, scrolled to this claim
    quote: str
    history: tuple[HistoryEntry, ...]
    actions: tuple[str, ...]


@dataclass(frozen=True)
class ConflictCard:
    conflict_id: int
    metric: str
    metric_label: str
    entity: str
    kind: str
    kind_words: str  # "a running total falls"
    severity: str
    status: str
    explanation: str
    claims: tuple[ClaimCard, ...]
    history: tuple[HistoryEntry, ...]
    actions: tuple[str, ...]


def histories(rows: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], tuple[HistoryEntry, ...]]:
    """(target_type, target_uid) -> its reviews, oldest first."""
    out: dict[tuple[str, str], list[HistoryEntry]] = {}
    for r in rows:
        entry = HistoryEntry(
            r["reviewer"], r["action"], r["note"] or "", format_when(r["created_at"])
        )
        out.setdefault((r["target_type"], r["target_uid"]), []).append(entry)
    return {k: tuple(v) for k, v in out.items()}


def interval_text(c: ConflictClaimView) -> str:
    low, high = format_amount(c.value_low, c.unit), format_amount(c.value_high, c.unit)
    return low if low == high else f"{low} – {high}"


def claim_card(c: ConflictClaimView, history: tuple[HistoryEntry, ...] = ()) -> ClaimCard:
    return ClaimCard(
        claim_id=c.claim_id,
        value_text=format_value(c.value, c.unit, c.qualifier),
        interval_text=interval_text(c),
        as_of=format_date(c.as_of),
        period=period_text(c.period) or None,
        status=c.status,
        document_id=c.document_id,
        document=document_name(
            c.title, c.document, publisher=c.publisher, kind=c.kind, published_on=c.published_on
        ),
        source=" · ".join(x for x in (c.publisher, c.kind) if x) or "unknown source",
        published_on=format_date(c.published_on),
        href=f"/sources/{c.document_id}#sources-claim-{c.claim_id}",
        quote=c.quote,
        history=history,
        actions=CLAIM_BUTTONS.get(c.status, CLAIM_BUTTONS["auto"]),
    )


def conflict_card(
    v: ConflictView, hist: Mapping[tuple[str, str], tuple[HistoryEntry, ...]] | None = None
) -> ConflictCard:
    hist = hist or {}
    info = catalogue().get(v.metric)
    return ConflictCard(
        conflict_id=v.id,
        metric=v.metric,
        metric_label=info.label if info else v.metric,
        entity=v.entity,
        kind=v.kind,
        kind_words=conflict_kind_text(v.kind),
        severity=v.severity,
        status=v.status,
        explanation=v.explanation,
        claims=tuple(claim_card(c, hist.get(("claim", c.claim_uid), ())) for c in v.claims),
        history=hist.get(("conflict", v.uid), ()),
        actions=CONFLICT_BUTTONS.get(v.status, CONFLICT_BUTTONS["open"]),
    )


@dataclass(frozen=True)
class ConflictQueue:
    cards: tuple[ConflictCard, ...]
    total: int  # how many conflicts the filter holds (cards holds at most the limit)
    offset: int = 0  # of the first card in the queue


def conflict_cards(
    engine: Engine, status: str = "open", limit: int | None = None, offset: int = 0
) -> ConflictQueue:
    """One page of the review queue for a status filter (open, resolved or all), open
    conflicts first; only the page's claims and histories are read."""
    if status not in STATUS_FILTERS:
        raise ValueError(f"unknown status filter {status!r} (one of {', '.join(STATUS_FILTERS)})")
    shown, total = page_conflicts(
        engine, None if status == "all" else status, offset=offset, limit=limit
    )
    targets = [("conflict", v.uid) for v in shown]
    targets += [("claim", c.claim_uid) for v in shown for c in v.claims]
    hist = histories(reviews_of(engine, targets)) if shown else {}
    return ConflictQueue(tuple(conflict_card(v, hist) for v in shown), total, offset)


def conflict_page(
    engine: Engine, status: str, page: int, size: int
) -> tuple[ConflictQueue, int, int]:
    """Page `page` (from 1) of the queue, `size` cards a page: the queue, the page shown and how
    many pages there are. Past the end (its last conflicts settled meanwhile): the last page."""
    page = max(page, 1)
    queue = conflict_cards(engine, status, limit=size, offset=(page - 1) * size)
    pages = max(-(-queue.total // size), 1)
    if page > pages:
        return conflict_page(engine, status, pages, size)
    return queue, page, pages


def note_for(states: Sequence[Mapping[str, Any]], key: Mapping[str, Any]) -> str:
    """The note typed next to the button `key` ({conflict, target, id, ...}) from ALL states."""
    for s in states:
        sid = s.get("id") or {}
        if all(sid.get(k) == key.get(k) for k in ("conflict", "target", "id")):
            return (s.get("value") or "").strip()
    return ""
