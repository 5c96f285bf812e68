"""Review actions as the Conflicts page submits them: refused without a reviewer, validated,
logged, followed by the consistency refresh."""

from __future__ import annotations

import pytest

from dashboards.pages.conflicts.actions import (
    MAX_NOTE,
    REFUSED,
    check_review,
    review_as_logged_in,
    submit_review,
)
from db.conflicts import list_conflicts
from db.reviews import claim_status, conflict_status, history, iter_reviews
from tests.review_fixtures import Spy, seed_disagreement, session_requests


@pytest.mark.parametrize("reviewer", [None, ""])
def test_nobody_logged_in_is_refused_and_nothing_is_logged(engine, reviewer) -> None:
    _, low = seed_disagreement(engine)
    spy = Spy()
    out = submit_review(engine, reviewer, "claim", low, "reject", "wrong", refresh=spy)
    assert not out.ok and out.refused
    assert out.message == REFUSED
    assert list(iter_reviews(engine)) == []
    assert claim_status(engine, low) == "auto"
    assert spy.calls == 0


@pytest.mark.parametrize(
    ("target_type", "target_id", "action", "note", "expected"),
    [
        ("claim", 1, "delete", "", "A claim cannot be 'delete'ed"),
        ("conflict", 1, "accept", "", "A conflict cannot be 'accept'ed"),
        ("document", 1, "reject", "", "Unknown kind of item 'document'."),
        ("claim", "1", "reject", "", "Unknown claim '1'."),
        ("claim", True, "reject", "", "Unknown claim True."),
        ("claim", 0, "reject", "", "Unknown claim 0."),
        ("claim", 1, "comment", "", "Write a note to comment this claim."),
        ("claim", 1, "reject", "x" * (MAX_NOTE + 1), "The note is longer than"),
    ],
)
def test_invalid_reviews_are_refused(engine, target_type, target_id, action, note, expected):
    seed_disagreement(engine)
    spy = Spy()
    out = submit_review(engine, "ann", target_type, target_id, action, note, refresh=spy)
    assert not out.ok and not out.refused
    assert out.message.startswith(expected)
    assert list(iter_reviews(engine)) == []
    assert spy.calls == 0


def test_check_review_accepts_every_listed_action() -> None:
    for action in ("accept", "reject", "flag", "reopen"):
        assert check_review("claim", 3, action, "why") is None
    assert check_review("conflict", 3, "resolve", "") is None


def test_unknown_target_gives_a_message_not_an_exception(engine) -> None:
    out = submit_review(engine, "ann", "claim", 999, "accept", "", refresh=Spy())
    assert not out.ok
    assert "999" in out.message


def test_reject_logs_refreshes_and_closes_the_conflicts(engine) -> None:
    high, low = seed_disagreement(engine)
    assert len(list_conflicts(engine, "open")) >= 1
    out = submit_review(engine, "ann", "claim", low, "reject", "  a miscount  ")
    assert out.ok, out.message
    resolved = tuple(sorted(v.id for v in list_conflicts(engine, None)))
    assert resolved
    assert out.resolved == resolved and out.reopened == ()
    listed = ", ".join(f"#{i}" for i in resolved)
    plural = "s" if len(resolved) > 1 else ""
    assert out.message == f"Claim {low} rejected. This resolved conflict{plural} {listed}."
    assert claim_status(engine, low) == "rejected"
    assert claim_status(engine, high) == "auto"
    (entry,) = history(engine, "claim", low)
    assert (entry.reviewer, entry.action, entry.note) == ("ann", "reject", "a miscount")
    # The real refresh ran: without the rejected claim nothing disagrees any more.
    assert list_conflicts(engine, "open") == []
    assert all(v.status == "resolved" for v in list_conflicts(engine, None))

    back = submit_review(engine, "bob", "claim", low, "reopen", "second look")
    assert back.ok and back.reopened == resolved and "opened again" in back.message
    assert claim_status(engine, low) == "auto"
    assert len(list_conflicts(engine, "open")) >= 1


def test_resolve_and_reopen_a_conflict(engine) -> None:
    seed_disagreement(engine)
    conflict = list_conflicts(engine, "open")[0]
    assert submit_review(engine, "ann", "conflict", conflict.id, "resolve", "both fine").ok
    assert conflict_status(engine, conflict.id) == "resolved"
    assert submit_review(engine, "ann", "conflict", conflict.id, "comment", "noted").ok
    assert conflict_status(engine, conflict.id) == "resolved"
    assert submit_review(engine, "bob", "conflict", conflict.id, "reopen", "").ok
    assert conflict_status(engine, conflict.id) == "open"
    actions = [(r.reviewer, r.action) for r in history(engine, "conflict", conflict.id)]
    assert actions == [("ann", "resolve"), ("ann", "comment"), ("bob", "reopen")]


@pytest.fixture
def request_as(engine):
    return session_requests(engine)


@pytest.mark.parametrize("user", [None, "gone", "nobody-by-that-name"])
def test_review_from_a_request_without_a_valid_reviewer_is_refused(engine, request_as, user):
    _, low = seed_disagreement(engine)
    with request_as(user):
        out = review_as_logged_in(engine, "claim", low, "reject", "not mine to judge")
    assert out.refused and out.message == REFUSED
    assert list(iter_reviews(engine)) == []


def test_review_from_a_logged_in_request_names_the_session_user(engine, request_as):
    _, low = seed_disagreement(engine)
    with request_as("mei"):
        out = review_as_logged_in(engine, "claim", low, "accept", "checked")
    assert out.ok
    assert [(r.reviewer, r.action) for r in history(engine, "claim", low)] == [("mei", "accept")]
