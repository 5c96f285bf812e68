"""The review log: append-only, validated, derived status, and no action lost under load."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import Engine, event, func, select

from db.claims import iter_claims
from db.conflicts import iter_conflicts
from db.documents import store_document
from db.models import Review
from db.reviews import (
    REVIEW_COLUMNS,
    add_review,
    claim_status,
    conflict_status,
    history,
    iter_reviews,
    latest_claim_reviews,
)
from db.status import CLAIM_STATUS_BY_ACTION, CONFLICT_STATUS_BY_ACTION
from etl.check.consistency import refresh
from tests.factories import make_claim, make_doc

THREADS, ACTIONS_EACH = 20, 50


@pytest.fixture
def targets(engine: Engine) -> tuple[Engine, int, int]:
    """A database with one claim pair in conflict: (engine, claim id, conflict id)."""
    for name, value, day in (("a.txt", 1900, 1), ("b.txt", 2300, 5)):
        d = date(2024, 1, day)
        claim = make_claim(value=value, low=value - 50, high=value + 50, as_of=d,
                           quote=f"It counts {value} companies.")  # fmt: skip
        store_document(engine, make_doc(name, claim.quote, d), [claim], "t")
    refresh(engine)
    claim_id = next(iter_claims(engine))["claim_id"]
    conflict_id = next(iter_conflicts(engine))["conflict_id"]
    return engine, claim_id, conflict_id


def test_actions_set_the_derived_status(targets) -> None:
    engine, claim_id, conflict_id = targets
    assert claim_status(engine, claim_id) == "auto"
    rec = add_review(engine, "claim", claim_id, "accept", " ana ", "checked the release")
    assert (rec.reviewer, rec.target_id, rec.action) == ("ana", claim_id, "accept")
    assert len(rec.target_uid) == 20
    add_review(engine, "claim", claim_id, "comment", "bo", "fine by me")
    assert claim_status(engine, claim_id) == "accepted"  # a comment does not change it
    add_review(engine, "claim", claim_id, "reject", "bo")
    assert claim_status(engine, claim_id) == "rejected"
    add_review(engine, "claim", claim_id, "reopen", "ana")
    assert claim_status(engine, claim_id) == "auto"
    assert conflict_status(engine, conflict_id) == "open"
    add_review(engine, "conflict", conflict_id, "resolve", "ana", "the 2,300 is a later count")
    assert conflict_status(engine, conflict_id) == "resolved"
    assert [r.action for r in history(engine, "claim", claim_id)] == [
        "accept", "comment", "reject", "reopen"]  # fmt: skip
    rows = list(iter_reviews(engine))
    assert len(rows) == 5
    assert set(REVIEW_COLUMNS) <= set(rows[0])
    assert rows[-1]["target_type"] == "conflict" and rows[-1]["metric"] == "companies"


def test_bad_input_is_refused(targets) -> None:
    engine, claim_id, conflict_id = targets
    with pytest.raises(LookupError):
        add_review(engine, "claim", 10_000, "accept", "ana")
    with pytest.raises(ValueError, match="cannot be given"):
        add_review(engine, "claim", claim_id, "resolve", "ana")
    with pytest.raises(ValueError, match="cannot be given"):
        add_review(engine, "conflict", conflict_id, "accept", "ana")
    with pytest.raises(ValueError, match="unknown review target"):
        add_review(engine, "document", 1, "comment", "ana")
    with pytest.raises(ValueError, match="reviewer is empty"):
        add_review(engine, "claim", claim_id, "comment", "  ")
    assert list(iter_reviews(engine)) == []


def test_reviews_are_never_updated_or_deleted(targets) -> None:
    engine, claim_id, conflict_id = targets
    statements: list[str] = []

    def spy(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", spy)
    try:
        add_review(engine, "claim", claim_id, "reject", "ana")
        add_review(engine, "conflict", conflict_id, "resolve", "ana")
        refresh(engine)
        add_review(engine, "claim", claim_id, "reopen", "ana")
        refresh(engine)
        history(engine, "claim", claim_id)
    finally:
        event.remove(engine, "before_cursor_execute", spy)
    touching = [s for s in statements if re.search(r"\b(UPDATE|DELETE FROM)\s+reviews\b", s, re.I)]
    assert touching == []
    assert any(re.search(r"INSERT INTO reviews", s, re.I) for s in statements)


def test_concurrent_reviewers_lose_nothing(targets) -> None:
    engine, claim_id, conflict_id = targets
    claim_actions = ("accept", "reject", "comment", "flag", "reopen")
    conflict_actions = ("resolve", "reopen", "comment", "flag")

    def work(worker: int) -> list[int]:
        ids = []
        for n in range(ACTIONS_EACH):
            if n % 2:
                action = conflict_actions[(worker + n) % len(conflict_actions)]
                rec = add_review(
                    engine, "conflict", conflict_id, action, f"r{worker}", f"{worker}:{n}"
                )
            else:
                action = claim_actions[(worker + n) % len(claim_actions)]
                rec = add_review(engine, "claim", claim_id, action, f"r{worker}", f"{worker}:{n}")
            ids.append(rec.id)
        return ids

    with ThreadPoolExecutor(THREADS) as pool:
        returned = [i for ids in pool.map(work, range(THREADS)) for i in ids]

    total = THREADS * ACTIONS_EACH
    assert len(set(returned)) == total
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Review)).scalar_one() == total
    log = history(engine, "claim", claim_id) + history(engine, "conflict", conflict_id)
    assert {r.note for r in log} == {
        f"{w}:{n}" for w in range(THREADS) for n in range(ACTIONS_EACH)
    }
    # The derived status is the one the newest status-setting action implies (a reopen: the
    # status the claim was stored with, here "auto"), whichever thread came last.
    claim_log = [
        r for r in history(engine, "claim", claim_id) if r.action in CLAIM_STATUS_BY_ACTION
    ]
    expected = CLAIM_STATUS_BY_ACTION[claim_log[-1].action] or "auto"
    assert claim_status(engine, claim_id) == expected
    conf_log = [r for r in history(engine, "conflict", conflict_id)
                if r.action in CONFLICT_STATUS_BY_ACTION]  # fmt: skip
    assert conflict_status(engine, conflict_id) == CONFLICT_STATUS_BY_ACTION[conf_log[-1].action]
    ids = [r.id for r in history(engine, "claim", claim_id)]
    assert ids == sorted(ids)


def test_latest_claim_reviews_gives_each_reviewed_claim_its_newest(targets) -> None:
    engine, claim_id, conflict_id = targets
    other = next(r["claim_id"] for r in iter_claims(engine) if r["claim_id"] != claim_id)
    add_review(engine, "claim", claim_id, "accept", "ana")
    add_review(engine, "conflict", conflict_id, "comment", "bo", "not a claim's")
    add_review(engine, "claim", claim_id, "reject", "bo", "a miscount")
    newest = latest_claim_reviews(engine, [claim_id, other, claim_id, 10**9])
    assert list(newest) == [claim_id]  # the other claim, and an unknown id, have none
    assert (newest[claim_id].action, newest[claim_id].reviewer, newest[claim_id].note) == (
        "reject", "bo", "a miscount")  # fmt: skip
    assert latest_claim_reviews(engine, []) == {}
