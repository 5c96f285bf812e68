"""Decisions as the "To confirm" page submits them: refused without a reviewer, validated,
logged with who and why, followed by the consistency refresh."""

from __future__ import annotations

from datetime import date

import pytest

from dashboards import checks
from dashboards.pages.confirm.actions import (
    MAX_NOTE,
    REFUSED,
    card_fields,
    check_decision,
    decide,
    decide_as_logged_in,
    parse_day,
)
from db.claims import ANY_STATUS, ClaimFilter, iter_claims
from db.dirty import dirty_series
from db.documents import store_document
from db.reviews import claim_status, history, iter_reviews
from etl.check.consistency import mark_series
from tests.factories import make_claim, make_doc
from tests.review_fixtures import Spy, session_requests


@pytest.fixture
def candidate(engine) -> int:
    claim = make_claim(value=40, qualifier="exact", quote="Harbour Lab counts 40 firms.",
                       status="candidate", unsure=("owner?",), figure="40")  # fmt: skip
    store_document(engine, make_doc("lab.txt", claim.quote), [claim], "t")
    return next(iter_claims(engine, ClaimFilter(status="candidate")))["claim_id"]


def test_parse_day() -> None:
    assert parse_day("2024-03-31") == date(2024, 3, 31)
    assert parse_day(" ") is None and parse_day(None) is None
    with pytest.raises(ValueError, match="Not a date: '31/03/2024'"):
        parse_day("31/03/2024")


@pytest.mark.parametrize(
    ("claim_id", "action", "note", "expected"),
    [
        (1, "flag", "", "A candidate cannot be 'flag'ed"),
        ("1", "accept", "", "Unknown claim '1'."),
        (True, "accept", "", "Unknown claim True."),
        (0, "reject", "", "Unknown claim 0."),
        (1, "reject", "x" * (MAX_NOTE + 1), "The note is longer than"),
    ],
)
def test_check_decision(claim_id, action, note, expected) -> None:
    assert check_decision(claim_id, action, note).startswith(expected)
    assert check_decision(1, "accept", "") is None


def test_card_fields_picks_the_clicked_cards_inputs() -> None:
    states = [
        [{"id": {"type": "confirm-metric", "id": 1}, "value": "awards"},
         {"id": {"type": "confirm-metric", "id": 2}, "value": "unicorns"}],
        [{"id": {"type": "confirm-entity", "id": 2}, "value": "Harbour Lab"}],
        [{"id": {"type": "confirm-as-of", "id": 2}, "value": "2024-03-31"}],
        [{"id": {"type": "confirm-note", "id": 2}, "value": "why"},
         {"id": {"type": "elsewhere", "id": 2}, "value": "ignored"}],
    ]  # fmt: skip
    expected = {"metric": "unicorns", "entity": "Harbour Lab", "as_of": "2024-03-31", "note": "why"}
    assert card_fields(states, 2) == expected
    assert card_fields(states, 3) == {}


@pytest.mark.parametrize("reviewer", [None, ""])
def test_nobody_logged_in_is_refused_and_nothing_is_logged(engine, candidate, reviewer) -> None:
    spy = Spy()
    out = decide(engine, reviewer, candidate, "accept", refresh=spy)
    assert (out.ok, out.refused, out.message) == (False, True, REFUSED)
    assert list(iter_reviews(engine)) == [] and spy.calls == 0
    assert claim_status(engine, candidate) == "candidate"


@pytest.mark.parametrize(("action", "status"), [("accept", "accepted"), ("reject", "rejected")])
def test_one_click_accept_or_reject(engine, candidate, action, status) -> None:
    spy = Spy()
    out = decide(engine, "mei", candidate, action, {"note": " checked "}, refresh=spy)
    assert out.ok and out.message == f"Claim {candidate} {status}."
    assert claim_status(engine, candidate) == status and spy.calls == 1
    (rec,) = history(engine, "claim", candidate)
    assert (rec.reviewer, rec.action, rec.note) == ("mei", action, "checked")
    again = decide(engine, "ann", candidate, "reject", refresh=spy)  # decided already
    assert not again.ok and again.message == f"Claim {candidate} is {status} already."
    assert len(history(engine, "claim", candidate)) == 1 and spy.calls == 1


def test_correct_with_another_metric_owner_and_date(engine, candidate) -> None:
    spy = Spy()
    fields = {"metric": "incubatees", "entity": "Harbour Lab", "as_of": "2024-01-31",
              "note": "its incubation count"}  # fmt: skip
    out = decide(engine, "mei", candidate, "correct", fields, refresh=spy)
    assert out.ok and spy.calls == 1
    assert spy.series == [("Cyberport", "companies"), ("Harbour Lab", "incubatees")]
    assert out.message == (
        f"Claim {candidate} corrected: metric companies -> incubatees; entity Cyberport -> "
        "Harbour Lab; as of 2025-06-05 -> 2024-01-31."
    )
    assert claim_status(engine, candidate) == "corrected"
    (row,) = iter_claims(engine, ClaimFilter(metric="incubatees"))
    assert (row["entity"], row["as_of"], row["status"]) == (
        "Harbour Lab", date(2024, 1, 31), "accepted")  # fmt: skip
    (rec,) = history(engine, "claim", candidate)
    assert (rec.reviewer, rec.note, rec.correction["metric"]) == (
        "mei", "its incubation count", "incubatees")  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"metric": "incubatees"}, "A correction needs a note saying why"),
        ({"metric": "companies", "note": "x"}, "Nothing to correct"),
        ({"metric": "funding_raised", "note": "x"}, "Funding_raised is counted in HKD"),
        ({"as_of": "tomorrow", "note": "x"}, "Not a date: 'tomorrow'"),
        ({"entity": " ", "note": "x"}, "The owner is empty"),
        ({"metric": 7, "entity": ["x"], "note": "x"}, "Unknown metric '7'"),
    ],
)
def test_a_correction_that_cannot_be_is_refused(engine, candidate, fields, message) -> None:
    spy = Spy()
    out = decide(engine, "mei", candidate, "correct", fields, refresh=spy)
    assert not out.ok and not out.refused and out.message.startswith(message)
    assert list(iter_reviews(engine)) == [] and spy.calls == 0
    assert len(list(iter_claims(engine, ClaimFilter(status=ANY_STATUS)))) == 1


def test_an_unknown_claim_is_refused(engine, candidate) -> None:
    out = decide(engine, "mei", candidate + 100, "accept", refresh=Spy())
    assert not out.ok and out.message == f"No claim with id {candidate + 100}"


def test_the_reviewer_is_the_one_the_session_names(engine, candidate) -> None:
    as_user = session_requests(engine)
    with as_user(None):
        assert decide_as_logged_in(engine, candidate, "accept").refused
    with as_user("gone"):  # deactivated since logging in
        assert decide_as_logged_in(engine, candidate, "accept").refused
    assert list(iter_reviews(engine)) == []
    with as_user("mei"):
        assert decide_as_logged_in(engine, candidate, "reject", {"note": "not ours"}).ok
    (rec,) = history(engine, "claim", candidate)
    assert (rec.reviewer, rec.action) == ("mei", "reject")


def test_a_decision_checks_only_the_series_it_touched(engine, candidate, monkeypatch) -> None:
    monkeypatch.setattr(checks.background, "request", lambda _engine: 1 / 0)  # small: inline
    mark_series(engine, [("Cyberport", "unicorns")])  # left by someone else: not this click's
    fields = {"metric": "incubatees", "note": "its incubation count"}
    assert decide(engine, "mei", candidate, "correct", fields).ok
    assert dirty_series(engine) == [("Cyberport", "unicorns")]
