"""Review actions from the Conflicts page: the login check, validation, the log, the checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from dashboards.auth import require_reviewer
from dashboards.checks import check_touched
from db.conflicts import open_conflicts_by_series
from db.reviews import STATUS_ACTIONS, add_review, series_of

CLAIM_ACTIONS = ("accept", "reject", "flag", "comment", "reopen")
CONFLICT_ACTIONS = ("comment", "resolve", "reopen")
ACTIONS = {"claim": CLAIM_ACTIONS, "conflict": CONFLICT_ACTIONS}
NEEDS_NOTE = ("comment", "flag")  # these say nothing without a note
MAX_NOTE = 2000
REFUSED = "Log in as a reviewer to review claims and conflicts."
PAST = {
    "accept": "accepted",
    "reject": "rejected",
    "flag": "flagged",
    "comment": "commented on",
    "reopen": "reopened",
    "resolve": "resolved",
}


@dataclass(frozen=True)
class ReviewOutcome:
    ok: bool
    message: str  # one line for the page
    refused: bool = False  # nobody (valid) was logged in
    resolved: tuple[int, ...] = ()  # conflicts this decision resolved
    reopened: tuple[int, ...] = ()  # conflicts it opened again


def open_conflicts(engine: Engine, series: tuple[str, str]) -> set[int]:
    """Ids of the open conflicts of one series (entity, metric)."""
    found = open_conflicts_by_series(engine, *series)
    return {cid for cid, *_ in found.get(series, ())}


def consequence_text(resolved: tuple[int, ...], reopened: tuple[int, ...]) -> str:
    """' This resolved conflict #1.' — what a decision did to the queue, in words."""
    parts = []
    for ids, verb in ((resolved, "resolved"), (reopened, "opened again")):
        if ids:
            listed = ", ".join(f"#{i}" for i in ids)
            parts.append(f"{verb} conflict{'s' if len(ids) > 1 else ''} {listed}")
    return f" This {' and '.join(parts)}." if parts else ""


def check_review(target_type: str, target_id: object, action: str, note: str) -> str | None:
    """Why this review cannot be recorded, or None when it can."""
    if target_type not in ACTIONS:
        return f"Unknown kind of item {target_type!r}."
    if action not in ACTIONS[target_type]:
        allowed = ", ".join(ACTIONS[target_type])
        return f"A {target_type} cannot be {action!r}ed (choose one of {allowed})."
    if not isinstance(target_id, int) or isinstance(target_id, bool) or target_id <= 0:
        return f"Unknown {target_type} {target_id!r}."
    if len(note) > MAX_NOTE:
        return f"The note is longer than {MAX_NOTE} characters."
    if action in NEEDS_NOTE and not note:
        return f"Write a note to {action} this {target_type}."
    return None


def submit_review(
    engine: Engine,
    reviewer: str | None,
    target_type: str,
    target_id: object,
    action: str,
    note: str | None = "",
    *,
    refresh: Callable[[Engine, list[tuple[str, str]]], None] = check_touched,
) -> ReviewOutcome:
    """Record one review by `reviewer` (None: refused), then check the one series it touched
    (`refresh`: now if small, else in the background; never the whole database).

    `reviewer` must come from the server's session (`dashboards.auth.current_reviewer()`),
    never from anything the browser sent.
    """
    if not reviewer:
        return ReviewOutcome(False, REFUSED, refused=True)
    note = (note or "").strip()
    problem = check_review(target_type, target_id, action, note)
    if problem:
        return ReviewOutcome(False, problem)
    series = (
        series_of(engine, target_type, target_id) if action in STATUS_ACTIONS[target_type] else None
    )
    before = open_conflicts(engine, series) if series else set()
    try:
        add_review(engine, target_type, target_id, action, reviewer, note)
    except (LookupError, ValueError) as e:
        return ReviewOutcome(False, str(e) or f"Unknown {target_type} {target_id}.")
    if series is None:
        return ReviewOutcome(True, f"{target_type.capitalize()} {target_id} {PAST[action]}.")
    refresh(engine, [series])
    after = open_conflicts(engine, series)
    resolved, reopened = tuple(sorted(before - after)), tuple(sorted(after - before))
    message = f"{target_type.capitalize()} {target_id} {PAST[action]}."
    message += consequence_text(resolved, reopened)
    return ReviewOutcome(True, message, resolved=resolved, reopened=reopened)


def review_as_logged_in(
    engine: Engine, target_type: str, target_id: object, action: str, note: str | None = ""
) -> ReviewOutcome:
    """What the page's callback calls: the reviewer is whoever the server's session says."""
    try:
        reviewer = require_reviewer()
    except PermissionError:
        return ReviewOutcome(False, REFUSED, refused=True)
    return submit_review(engine, reviewer, target_type, target_id, action, note)
