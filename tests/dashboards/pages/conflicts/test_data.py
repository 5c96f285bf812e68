"""The Conflicts page's cards, built from the database without a browser."""

from __future__ import annotations

from datetime import date

import pytest

from dashboards.pages.conflicts.actions import submit_review
from dashboards.pages.conflicts.data import (
    ConflictQueue,
    conflict_cards,
    conflict_page,
    interval_text,
    note_for,
)
from db.conflicts import ConflictClaimView
from tests.review_fixtures import HIGH_TEXT, seed_disagreement


def test_open_queue_shows_claims_side_by_side(engine) -> None:
    high, low = seed_disagreement(engine)
    cards = conflict_cards(engine, "open").cards
    assert cards, "the two documents should disagree"
    card = next(c for c in cards if c.kind == "disagree")
    assert card.status == "open"
    assert card.metric_label != card.metric  # the catalogue's label, not the key
    assert card.explanation
    assert card.actions == ("resolve", "comment")
    first, second = card.claims
    assert (first.claim_id, second.claim_id) == (high, low)
    assert (first.value_text, second.value_text) == ("over 2,200", "exactly 1,500")
    assert (first.as_of, second.as_of) == ("2025-06-05", "2025-06-10")
    assert first.source == "Cyberport · press release"
    assert second.source == "Daily Bugle · news"
    assert first.quote == HIGH_TEXT[HIGH_TEXT.index("The park") :]
    assert first.href == f"/sources/{first.document_id}#sources-claim-{high}"
    assert first.actions == ("accept", "reject", "flag", "comment")
    assert first.history == () and card.history == ()


def test_a_decision_shows_in_status_actions_and_history(engine) -> None:
    _, low = seed_disagreement(engine)
    assert submit_review(engine, "ann", "claim", low, "reject", "typo in the report").ok
    assert conflict_cards(engine, "open").cards == ()
    resolved = conflict_cards(engine, "resolved").cards
    assert resolved and all(c.status == "resolved" for c in resolved)
    claim = next(c for c in resolved[0].claims if c.claim_id == low)
    assert claim.status == "rejected"
    assert claim.actions == ("accept", "reopen", "flag", "comment")
    (entry,) = claim.history
    assert (entry.reviewer, entry.action, entry.note) == ("ann", "reject", "typo in the report")
    assert entry.when.endswith(" UTC")
    assert resolved[0].actions == ("reopen", "comment")


def test_all_lists_open_conflicts_first(engine) -> None:
    seed_disagreement(engine)
    cards = conflict_cards(engine, "all").cards
    assert len(cards) >= 2
    last = cards[-1]
    assert submit_review(engine, "ann", "conflict", last.conflict_id, "resolve", "").ok
    after = conflict_cards(engine, "all").cards
    assert [c.status for c in after] == sorted((c.status for c in after), key=lambda s: s != "open")
    assert after[-1].conflict_id == last.conflict_id
    assert after[-1].history[0].action == "resolve"


def test_unknown_status_filter_is_an_error(engine) -> None:
    with pytest.raises(ValueError, match="unknown status filter"):
        conflict_cards(engine, "closed")


def test_empty_database_has_no_cards(engine) -> None:
    assert conflict_cards(engine, "all") == ConflictQueue((), 0)


def test_limit_keeps_the_first_cards_and_the_total(engine) -> None:
    seed_disagreement(engine)
    full = conflict_cards(engine, "all")
    assert full.total == len(full.cards) >= 2
    one = conflict_cards(engine, "all", limit=1)
    assert one.total == full.total
    assert one.cards == full.cards[:1]


def test_note_for_finds_the_note_beside_the_button() -> None:
    states = [
        {"id": {"type": "conflicts-note", "conflict": 1, "target": "claim", "id": 5}, "value": "a"},
        {
            "id": {"type": "conflicts-note", "conflict": 2, "target": "claim", "id": 5},
            "value": " b ",
        },
        {"id": {"type": "conflicts-note", "conflict": 2, "target": "conflict", "id": 2}},
    ]
    key = {"type": "conflicts-action", "conflict": 2, "target": "claim", "id": 5, "action": "x"}
    assert note_for(states, key) == "b"
    assert note_for(states, {**key, "target": "conflict", "id": 2}) == ""
    assert note_for(states, {**key, "conflict": 9}) == ""


def test_interval_text() -> None:
    v = ConflictClaimView(
        1,
        "u",
        36.7e9,
        "HKD",
        "over",
        36.7e9,
        36.8e9,
        36.7e9,
        date(2024, 1, 1),
        None,
        "q",
        "auto",
        1,
        "d.txt",
        None,
        None,
        None,
    )
    assert interval_text(v) == "HK$36.7bn – HK$36.8bn"


def test_the_queue_comes_in_pages_by_severity_then_id(engine) -> None:
    from db.conflict_store import store_series_conflicts
    from db.locks import write_transaction
    from etl.check.checks import Finding

    findings = [
        Finding("disagree", ("low", "high", "medium")[i % 3], "Cyberport", "companies", (),
                f"conflict {i}", f"key {i}")
        for i in range(7)
    ]  # fmt: skip
    with write_transaction(engine) as conn:
        store_series_conflicts(conn, "Cyberport", "companies", findings, {})
    everything = conflict_cards(engine, "open")
    assert everything.total == 7
    assert [c.severity for c in everything.cards] == ["high"] * 2 + ["medium"] * 2 + ["low"] * 3
    first, second = conflict_cards(engine, "open", limit=4), conflict_cards(engine, "open", 4, 4)
    assert (first.total, second.total, second.offset) == (7, 7, 4)
    assert first.cards + second.cards == everything.cards
    ids = [c.conflict_id for c in everything.cards if c.severity == "low"]
    assert ids == sorted(ids)
    # Paged past the end (its last conflicts settled meanwhile): the last page is shown.
    last, page, pages = conflict_page(engine, "open", 9, 4)
    assert (page, pages, last.offset, len(last.cards)) == (2, 2, 4, 3)
    assert conflict_page(engine, "resolved", 3, 4)[1:] == (1, 1)  # an empty queue: page 1
