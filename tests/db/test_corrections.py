"""Reviewer corrections: the label a `correct` review keeps and the claim row derived from it,
in step with the log through later reviews, re-ingests and concurrent reviewers."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Engine, event, func, select

from db.claims import ANY_STATUS, ClaimFilter, iter_claims
from db.corrections import correction_label, correction_text, derived_uid, unit_kind
from db.documents import store_document
from db.models import Claim
from db.reviews import add_correction, add_review, claim_status, history, iter_corrections
from tests.factories import make_claim, make_doc

TEXT = "Hong Kong, 5 June 2025 – Harbour Lab says 40 firms joined. Seven unicorns grew up here."
FIRMS = "Harbour Lab says 40 firms joined."
UNICORNS = "Seven unicorns grew up here."


def _claims(**extra) -> list:
    return [
        make_claim(value=40, qualifier="exact", quote=FIRMS, start=TEXT.index(FIRMS),
                   figure="40", status="candidate", unsure=("metric?",), **extra),
        make_claim("unicorns", 7, qualifier="exact", quote=UNICORNS, start=TEXT.index(UNICORNS),
                   figure="Seven"),
    ]  # fmt: skip


@pytest.fixture
def stored(engine: Engine) -> tuple[Engine, int]:
    """A document with a candidate (40 companies, metric unsure) and an auto claim; the
    candidate's id."""
    store_document(engine, make_doc("lab.txt", TEXT), _claims(), "t")
    return engine, _id(engine, "companies")


def _id(engine: Engine, metric: str, status: str = ANY_STATUS) -> int:
    (row,) = iter_claims(engine, ClaimFilter(metric=metric, status=status))
    return row["claim_id"]


def _rows(engine: Engine) -> list[tuple]:
    """(metric, as_of, status) of every claim, in id order."""
    filt = ClaimFilter(status=ANY_STATUS)
    return [(r["metric"], r["as_of"], r["status"]) for r in iter_claims(engine, filt)]


def _claim(engine: Engine, claim_id: int) -> dict:
    from db.corrections import claim_row

    with engine.connect() as conn:
        return dict(claim_row(conn, Claim.id == claim_id))


def test_the_label_keeps_the_figure_and_changes_only_what_is_given(stored) -> None:
    engine, cid = stored
    label = correction_label(_claim(engine, cid), metric="incubatees")
    assert label == {
        "document": "lab.txt", "mention_start": TEXT.index("40"),
        "mention_end": TEXT.index("40") + 2, "quote": FIRMS, "value": 40.0, "unit": "count",
        "period": None, "entity": "Cyberport", "metric": "incubatees", "as_of": "2025-06-05",
        "was": {"entity": "Cyberport", "metric": "companies", "as_of": "2025-06-05"},
    }  # fmt: skip
    label = correction_label(
        _claim(engine, cid), entity="  Harbour   Lab ", as_of=date(2025, 3, 31)
    )
    assert (label["entity"], label["metric"], label["as_of"]) == (
        "Harbour Lab", "companies", "2025-03-31")  # fmt: skip
    assert (
        correction_text(label) == "entity Cyberport -> Harbour Lab; as of 2025-06-05 -> 2025-03-31"
    )
    assert correction_text(None) == ""


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"metric": "no_such_metric"}, "unknown metric 'no_such_metric'"),
        ({"metric": "funding_raised"}, "funding_raised is counted in HKD, this figure in count"),
        ({"metric": "local_share_pct"}, "is counted in percent"),
        ({"entity": "   "}, "the owner is empty"),
        ({"entity": "x" * 301}, "longer than 300"),
        ({"metric": "companies", "entity": "Cyberport"}, "nothing to correct"),
        ({}, "nothing to correct"),
    ],
)
def test_a_label_that_cannot_be_is_refused(stored, given, message) -> None:
    engine, cid = stored
    with pytest.raises(ValueError, match=re.escape(message)):
        correction_label(_claim(engine, cid), **given)


def test_money_metrics_take_any_currency() -> None:
    assert unit_kind("USD") == unit_kind("HKD") == unit_kind("RMB") == "money"
    assert unit_kind("count") != unit_kind("percent")


def test_a_correction_derives_the_row_that_counts(stored) -> None:
    engine, cid = stored
    rec = add_correction(engine, cid, " ana ", "a count of incubatees", metric="incubatees",
                         as_of=date(2025, 3, 31))  # fmt: skip
    assert (rec.action, rec.reviewer, rec.target_id, rec.note) == (
        "correct", "ana", cid, "a count of incubatees")  # fmt: skip
    assert rec.correction["metric"] == "incubatees"
    assert claim_status(engine, cid) == "corrected"
    derived = next(iter_claims(engine, ClaimFilter(metric="incubatees")))
    assert derived["status"] == "accepted" and derived["as_of"] == date(2025, 3, 31)
    assert (derived["value"], derived["quote"], derived["unsure"]) == (40, FIRMS, "")
    assert derived["claim_uid"] == derived_uid(rec.target_uid, rec.id)
    assert (derived["mention_start"], derived["mention_end"]) == (
        TEXT.index("40"), TEXT.index("40") + 2)  # fmt: skip
    # By default only what counts: the corrected row and the auto claim.
    assert {r["metric"] for r in iter_claims(engine)} == {"incubatees", "unicorns"}
    assert [r["claim_id"] for r in iter_claims(engine, ClaimFilter(status="corrected"))] == [cid]
    with pytest.raises(ValueError, match="is itself a correction"):
        add_correction(engine, derived["claim_id"], "bo", "again", metric="companies")


def test_later_reviews_keep_one_row_in_step_with_the_log(stored) -> None:
    engine, cid = stored
    add_correction(engine, cid, "ana", "incubatees", metric="incubatees")
    add_correction(engine, cid, "bo", "no: listed", metric="listed_companies")
    metrics = [m for m, _, s in _rows(engine) if s == "accepted"]
    assert metrics == ["listed_companies"]  # the newer correction replaced the first row
    add_review(engine, "claim", cid, "comment", "ana", "fine")  # no status change: row stays
    assert [m for m, _, s in _rows(engine) if s == "accepted"] == ["listed_companies"]
    add_review(engine, "claim", cid, "reopen", "ana")
    day = date(2025, 6, 5)
    assert _rows(engine) == [("companies", day, "candidate"), ("unicorns", day, "auto")]
    add_correction(engine, cid, "ana", "incubatees after all", metric="incubatees")
    add_review(engine, "claim", cid, "reject", "bo", "not a figure of ours")
    assert [s for _, _, s in _rows(engine)] == ["rejected", "auto"]
    assert [r.action for r in history(engine, "claim", cid)] == [
        "correct", "correct", "comment", "reopen", "correct", "reject"]  # fmt: skip


def test_a_correction_needs_a_reason_a_claim_and_no_twin(stored) -> None:
    engine, cid = stored
    with pytest.raises(ValueError, match="needs a note"):
        add_correction(engine, cid, "ana", "  ", metric="incubatees")
    with pytest.raises(ValueError, match="reviewer is empty"):
        add_correction(engine, cid, "", "why", metric="incubatees")
    with pytest.raises(LookupError):
        add_correction(engine, 10_000, "ana", "why", metric="incubatees")
    with pytest.raises(ValueError, match="names the metric"):
        add_review(engine, "claim", cid, "correct", "ana", "why")
    # A document stating seven unicorns, and a candidate reading the same seven as companies:
    # correcting it to unicorns would count that figure twice.
    twin = replace(_claims()[1], status="candidate", metric="companies", unsure=("metric?",))
    store_document(engine, make_doc("twin.txt", TEXT + " "), [_claims()[1], twin], "t")
    with engine.connect() as conn:
        twin_id = conn.scalar(select(Claim.id).where(Claim.metric == "companies", Claim.value == 7))
    with pytest.raises(ValueError, match="of the same document says this already: reject this one"):
        add_correction(engine, twin_id, "ana", "it is the unicorns", metric="unicorns")
    assert claim_status(engine, twin_id) == "candidate"


def test_corrections_stand_after_a_re_ingest_and_go_with_their_claim(stored) -> None:
    engine, cid = stored
    add_correction(engine, cid, "ana", "incubatees", metric="incubatees")
    # The file changes but the figure is found again: the correction is derived anew.
    store_document(engine, make_doc("lab.txt", TEXT + " More soon."), _claims(), "t")
    assert [(m, s) for m, _, s in _rows(engine)] == [
        ("companies", "corrected"), ("unicorns", "auto"), ("incubatees", "accepted")]  # fmt: skip
    # A newer extractor states the figure otherwise: the old claim is gone, so is its row;
    # the label stays in the log for training.
    store_document(engine, make_doc("lab.txt", TEXT), _claims()[1:], "t2")
    assert [(m, s) for m, _, s in _rows(engine)] == [("unicorns", "auto")]
    assert [c.metric for c in iter_corrections(engine)] == ["incubatees"]


def test_iter_corrections_gives_the_standing_labels(stored) -> None:
    engine, cid = stored
    assert list(iter_corrections(engine)) == []
    add_correction(engine, cid, "ana", "incubatees", metric="incubatees")
    add_correction(engine, cid, "ana", "listed", metric="listed_companies", entity="Harbour Lab")
    (label,) = iter_corrections(engine)
    assert (label.document, label.quote, label.value, label.unit, label.period) == (
        "lab.txt", FIRMS, 40.0, "count", None)  # fmt: skip
    assert (label.entity, label.metric, label.as_of) == (
        "Harbour Lab", "listed_companies", date(2025, 6, 5))  # fmt: skip
    assert TEXT[label.mention_start : label.mention_end] == "40"
    # A reviewer who rejects the corrected row takes the label back.
    derived = _id(engine, "listed_companies")
    add_review(engine, "claim", derived, "reject", "bo", "not a figure at all")
    assert list(iter_corrections(engine)) == []
    unicorns = _id(engine, "unicorns")
    add_correction(engine, unicorns, "bo", "a count of firms", metric="companies")
    add_review(engine, "claim", unicorns, "reopen", "bo")  # no longer standing
    assert list(iter_corrections(engine)) == []


def test_the_log_is_only_appended_to(stored) -> None:
    engine, cid = stored
    statements: list[str] = []

    def spy(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", spy)
    try:
        add_correction(engine, cid, "ana", "incubatees", metric="incubatees")
        add_correction(engine, cid, "ana", "listed", metric="listed_companies")
        add_review(engine, "claim", cid, "reopen", "ana")
    finally:
        event.remove(engine, "before_cursor_execute", spy)
    touching = [s for s in statements if re.search(r"\b(UPDATE|DELETE FROM)\s+reviews\b", s, re.I)]
    assert touching == []


def test_concurrent_corrections_leave_one_row_for_the_newest(stored) -> None:
    engine, cid = stored
    metrics = ("incubatees", "listed_companies", "unicorns", "startups", "ai_companies")

    def work(n: int) -> None:
        for k in range(6):
            metric = metrics[(n + k) % len(metrics)]
            if k % 3 == 2:
                add_review(engine, "claim", cid, "reopen", f"r{n}")
            else:
                add_correction(engine, cid, f"r{n}", f"{n}:{k}", metric=metric)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(work, range(8)))
    log = [r for r in history(engine, "claim", cid) if r.action in ("correct", "reopen")]
    assert len(log) == 48
    with engine.connect() as conn:
        derived = conn.execute(
            select(Claim.metric, Claim.uid).where(Claim.corrects_uid.is_not(None))
        ).all()
        assert conn.scalar(select(func.count()).select_from(Claim)) == 2 + len(derived)
    newest = log[-1]
    if newest.action == "reopen":
        assert derived == [] and claim_status(engine, cid) == "candidate"
    else:
        assert derived == [(newest.correction["metric"], derived_uid(newest.target_uid, newest.id))]
