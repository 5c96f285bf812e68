"""Decisions from the "To confirm" page: the login check, validation, the log, the refresh."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine

from dashboards.auth import require_reviewer
from dashboards.checks import check_touched
from db.corrections import correction_text
from db.reviews import add_correction, add_review, claim_status, series_of

DECISIONS = ("accept", "reject", "correct")
FIELDS = ("metric", "entity", "as_of", "note")  # what a card's inputs hold, by input type
MAX_NOTE = 2000
REFUSED = "Log in as a reviewer to confirm claims."
PAST = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}


@dataclass(frozen=True)
class DecisionOutcome:
    ok: bool
    message: str  # one line for the page
    refused: bool = False  # nobody (valid) was logged in


def parse_day(text: object) -> date | None:
    """The date field's value (YYYY-MM-DD; empty: none); ValueError for anything else."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise ValueError(f"Not a date: {text!r} (YYYY-MM-DD).") from None


def check_decision(claim_id: object, action: str, note: str) -> str | None:
    """Why this decision cannot be recorded, or None when it can."""
    if action not in DECISIONS:
        return f"A candidate cannot be {action!r}ed (accept, reject or correct)."
    if not isinstance(claim_id, int) or isinstance(claim_id, bool) or claim_id <= 0:
        return f"Unknown claim {claim_id!r}."
    if len(note) > MAX_NOTE:
        return f"The note is longer than {MAX_NOTE} characters."
    return None


def card_fields(states: Sequence[Sequence[Mapping[str, Any]]], claim_id: int) -> dict[str, Any]:
    """The values of one card's inputs (metric, entity, as_of, note) from the callback's ALL
    states, one list per input type."""
    out: dict[str, Any] = {}
    for group in states:
        for s in group:
            sid = s.get("id") or {}
            kind = str(sid.get("type", "")).removeprefix("confirm-").replace("-", "_")
            if sid.get("id") == claim_id and kind in FIELDS:
                out[kind] = s.get("value")
    return out


def _text(value: object) -> str | None:
    """A field's value as text (whatever the browser sent); None when it sent none."""
    return None if value is None else str(value)


def decide(
    engine: Engine,
    reviewer: str | None,
    claim_id: object,
    action: str,
    fields: Mapping[str, Any] | None = None,
    *,
    refresh: Callable[[Engine, list[tuple[str, str]]], None] = check_touched,
) -> DecisionOutcome:
    """Accept, reject or correct one candidate as `reviewer` (None: refused), then check the
    series it touched (`refresh`: each now if small, else in the background). `fields` holds
    the card's metric, entity, as_of and note.

    `reviewer` must come from the server's session, never from anything the browser sent.
    """
    if not reviewer:
        return DecisionOutcome(False, REFUSED, refused=True)
    fields = fields or {}
    note = str(fields.get("note") or "").strip()
    problem = check_decision(claim_id, action, note)
    if problem:
        return DecisionOutcome(False, problem)
    try:
        status = claim_status(engine, claim_id)
        if status != "candidate":  # another reviewer was quicker
            return DecisionOutcome(False, f"Claim {claim_id} is {status} already.")
        if action == "correct":
            review = add_correction(
                engine,
                claim_id,
                reviewer,
                note,
                metric=_text(fields.get("metric")),
                entity=_text(fields.get("entity")),
                as_of=parse_day(fields.get("as_of")),
            )
        else:
            review = add_review(engine, "claim", claim_id, action, reviewer, note)
    except (LookupError, ValueError) as e:
        text = str(e) or f"Unknown claim {claim_id}."
        return DecisionOutcome(False, text[0].upper() + text[1:])
    touched = [series_of(engine, "claim", claim_id)]
    if review.correction:
        touched.append((review.correction["entity"], review.correction["metric"]))
    refresh(engine, [s for s in touched if s is not None])
    change = f": {correction_text(review.correction)}" if review.correction else ""
    return DecisionOutcome(True, f"Claim {claim_id} {PAST[action]}{change}.")


def decide_as_logged_in(
    engine: Engine, claim_id: object, action: str, fields: Mapping[str, Any] | None = None
) -> DecisionOutcome:
    """What the page's callback calls: the reviewer is whoever the server's session says."""
    try:
        reviewer = require_reviewer()
    except PermissionError:
        return DecisionOutcome(False, REFUSED, refused=True)
    return decide(engine, reviewer, claim_id, action, fields)
