"""Derived status: a candidate until a reviewer decides, back to it on reopen; which claims the
default views leave out."""

from __future__ import annotations

from sqlalchemy import Engine, select

from db.claims import ANY_STATUS, ClaimFilter, iter_claims
from db.documents import store_document
from db.reviews import add_correction, add_review, claim_status
from db.status import candidate_claim_ids, corrected_claim_ids, hidden_claim_ids
from tests.factories import make_claim, make_doc


def _store(engine: Engine) -> dict[str, int]:
    claims = [
        make_claim(value=2200),
        make_claim("unicorns", 7, status="candidate", unsure=("owner?",)),
        make_claim("awards", 30, status="candidate", unsure=("metric?", "date?")),
    ]
    store_document(engine, make_doc(), claims, "t")
    rows = iter_claims(engine, ClaimFilter(status=ANY_STATUS))
    return {r["metric"]: r["claim_id"] for r in rows}


def _ids(engine: Engine, stmt) -> set[int]:
    with engine.connect() as conn:
        return set(conn.scalars(select(stmt.subquery())))


def test_a_candidate_stays_one_until_a_reviewer_decides(engine: Engine) -> None:
    ids = _store(engine)
    unicorns = ids["unicorns"]
    assert claim_status(engine, unicorns) == "candidate"
    add_review(engine, "claim", unicorns, "comment", "ana", "looks like ours")
    assert claim_status(engine, unicorns) == "candidate"
    add_review(engine, "claim", unicorns, "accept", "ana")
    assert claim_status(engine, unicorns) == "accepted"
    add_review(engine, "claim", unicorns, "reopen", "ana")
    assert claim_status(engine, unicorns) == "candidate"  # back to how it was stored
    add_review(engine, "claim", ids["companies"], "reopen", "ana")
    assert claim_status(engine, ids["companies"]) == "auto"


def test_hidden_claims_are_the_waiting_candidates_and_the_corrected(engine: Engine) -> None:
    ids = _store(engine)
    assert _ids(engine, candidate_claim_ids()) == {ids["unicorns"], ids["awards"]}
    assert _ids(engine, corrected_claim_ids()) == set()
    add_review(engine, "claim", ids["unicorns"], "reject", "ana")
    add_correction(engine, ids["awards"], "ana", "it counts IP rights", metric="ip_rights")
    assert _ids(engine, candidate_claim_ids()) == set()
    assert _ids(engine, corrected_claim_ids()) == {ids["awards"]}
    assert _ids(engine, hidden_claim_ids()) == {ids["awards"]}
    add_review(engine, "claim", ids["unicorns"], "reopen", "ana")
    assert _ids(engine, hidden_claim_ids()) == {ids["awards"], ids["unicorns"]}
