"""refresh(): conflicts stored with stable ids, history kept, reopened by new claims."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from db.claims import ClaimFilter, iter_claims
from db.conflicts import get_conflict, iter_conflicts, list_conflicts
from db.documents import store_document
from db.reviews import add_review, history
from etl.check.consistency import refresh
from tests.factories import make_claim, make_doc

DEC23, JUN25 = date(2023, 12, 7), date(2025, 6, 5)


def _funding(value: float, as_of: date, quote: str, **kw):
    return make_claim("funding_raised", value, unit="HKD", as_of=as_of, low=value,
                      high=value + 0.1e9, quote=quote, **kw)  # fmt: skip


def _store(engine: Engine, name: str, claims, published: date, kind: str) -> None:
    text = " ".join(c.quote for c in claims)
    store_document(engine, make_doc(name, text, published, kind=kind), claims, "t")


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    _store(engine, "feature.txt", [_funding(375.7e9, DEC23, "It drew HK$375.7 billion.")],
           DEC23, "news feature")  # fmt: skip
    _store(engine, "release.txt", [_funding(43.4e9, JUN25, "Financing exceeds HK$43.4 billion.")],
           JUN25, "press release")  # fmt: skip
    return engine


def _claim_id(engine: Engine, value: float) -> int:
    return next(r["claim_id"] for r in iter_claims(engine) if r["value"] == value)


def test_refresh_stores_the_conflict_and_flags_its_claims(seeded: Engine) -> None:
    summary = refresh(seeded)
    assert (summary.found, summary.new) == (1, 1)
    (row,) = iter_conflicts(seeded)
    assert (row["kind"], row["severity"], row["status"]) == ("decrease", "high", "open")
    ids = {_claim_id(seeded, 375.7e9), _claim_id(seeded, 43.4e9)}
    assert set(map(int, row["claim_ids"].split(";"))) == ids
    assert row["explanation"].startswith("Funding raised fell from more than HK$375.7bn")
    flagged = {r["claim_id"] for r in iter_claims(seeded, ClaimFilter(flag="conflict"))}
    assert flagged == ids
    (view,) = list_conflicts(seeded)
    assert [c.document for c in view.claims] == ["feature.txt", "release.txt"]
    assert view.claims[0].kind == "news feature"
    assert get_conflict(seeded, row["conflict_id"]) == view
    assert get_conflict(seeded, 999) is None


def test_refresh_is_idempotent_and_keeps_ids_and_history(seeded: Engine) -> None:
    refresh(seeded)
    (before,) = iter_conflicts(seeded)
    add_review(seeded, "conflict", before["conflict_id"], "comment", "ana", "looking")
    again = refresh(seeded)
    assert (again.found, again.new, again.deactivated) == (1, 0, 0)
    (after,) = iter_conflicts(seeded)
    assert (after["conflict_id"], after["conflict_uid"]) == (
        before["conflict_id"], before["conflict_uid"])  # fmt: skip
    assert [r.note for r in history(seeded, "conflict", after["conflict_id"])] == ["looking"]


def test_rejecting_a_claim_resolves_its_conflict_and_a_new_claim_brings_it_back(
    seeded: Engine,
) -> None:
    refresh(seeded)
    (row,) = iter_conflicts(seeded)
    add_review(seeded, "claim", _claim_id(seeded, 375.7e9), "reject", "ana", "mistranslated")
    assert refresh(seeded).deactivated == 1
    (gone,) = iter_conflicts(seeded)
    assert (gone["status"], gone["active"]) == ("resolved", False)
    assert list(iter_claims(seeded, ClaimFilter(flag="conflict"))) == []
    # Another outlet repeats the same figure for the same date: the same conflict comes back.
    _store(seeded, "reprint.txt", [_funding(375.7e9, DEC23, "A reprint: HK$375.7 billion.")],
           DEC23, "news report")  # fmt: skip
    summary = refresh(seeded)
    assert (summary.new, summary.reactivated) == (0, 1)
    (back,) = iter_conflicts(seeded)
    assert (back["conflict_id"], back["status"]) == (row["conflict_id"], "open")


def test_a_new_claim_reopens_a_conflict_a_reviewer_resolved(seeded: Engine) -> None:
    refresh(seeded)
    (row,) = iter_conflicts(seeded)
    add_review(seeded, "conflict", row["conflict_id"], "resolve", "ana", "known mistake")
    refresh(seeded)
    assert next(iter_conflicts(seeded))["status"] == "resolved"
    assert list(iter_claims(seeded, ClaimFilter(flag="conflict"))) == []
    _store(seeded, "reprint.txt", [_funding(43.4e9, JUN25, "Reprinted: HK$43.4 billion.")],
           JUN25, "news report")  # fmt: skip
    assert refresh(seeded).reopened == 1
    (back,) = iter_conflicts(seeded)
    assert back["status"] == "open"
    assert len(back["claim_ids"].split(";")) == 3
    log = history(seeded, "conflict", row["conflict_id"])
    assert [(r.action, r.reviewer) for r in log] == [("resolve", "ana"), ("reopen", "system")]
    # nothing new: a second refresh does not reopen it again
    assert refresh(seeded).reopened == 0


def test_garbled_claims_stay_out_of_the_checks(engine: Engine) -> None:
    first = make_claim(value=1900, low=1850, high=1950, as_of=date(2024, 1, 1))
    _store(engine, "a.txt", [first], date(2024, 1, 1), "x")
    _store(engine, "b.txt", [make_claim(value=2018, as_of=date(2024, 1, 2), flags=("garbled",),
                                        quote="more than 2000,2018 companies")],
           date(2024, 1, 2), "y")  # fmt: skip
    assert refresh(engine).found == 0


def test_a_correction_marks_and_checks_the_series_it_leaves_and_the_one_it_joins(
    seeded: Engine,
) -> None:
    from db.dirty import dirty_series
    from db.reviews import add_correction
    from db.series_store import read_series
    from etl.check import settle

    refresh(seeded)
    wrong = _claim_id(seeded, 375.7e9)
    add_correction(seeded, wrong, "ana", "a different total", entity="Science Park")
    assert sorted(dirty_series(seeded)) == [("Cyberport", "funding_raised"),
                                            ("Science Park", "funding_raised")]  # fmt: skip
    settle(seeded)
    assert dirty_series(seeded) == []
    assert [r["value"] for r in read_series(seeded, "Science Park", "funding_raised")] == [375.7e9]
    assert [r["value"] for r in read_series(seeded, "Cyberport", "funding_raised")] == [43.4e9]
    assert all(not c["active"] for c in iter_conflicts(seeded))  # nothing falls any more
