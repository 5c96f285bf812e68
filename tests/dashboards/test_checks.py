"""A review's series is checked at once when small, in the background when large."""

from __future__ import annotations

from dashboards import checks
from dashboards.pages.conflicts.actions import submit_review
from db.conflicts import list_conflicts
from db.dirty import dirty_series
from tests.review_fixtures import seed_disagreement


def test_a_large_series_is_checked_in_the_background(engine, monkeypatch) -> None:
    _, low = seed_disagreement(engine)
    monkeypatch.setattr(checks, "INLINE_CLAIMS", 1)  # two claims: "large"
    assert submit_review(engine, "ann", "claim", low, "reject", "a miscount").ok
    assert checks.background.wait_idle(timeout=30)
    assert dirty_series(engine) == []
    assert list_conflicts(engine, "open") == []


def test_a_small_series_is_checked_within_the_review(engine, monkeypatch) -> None:
    _, low = seed_disagreement(engine)
    monkeypatch.setattr(checks.background, "request", lambda _engine: 1 / 0)  # never used
    assert submit_review(engine, "ann", "claim", low, "reject", "a miscount").ok
    assert dirty_series(engine) == []
    assert list_conflicts(engine, "open") == []


def test_a_comment_marks_and_checks_nothing(engine) -> None:
    seed_disagreement(engine)
    conflict = list_conflicts(engine, "open")[0]
    assert submit_review(engine, "ann", "conflict", conflict.id, "comment", "looking").ok
    assert dirty_series(engine) == []


def test_the_app_finishes_what_an_interrupted_run_left(engine) -> None:
    from dashboards.app import finish_interrupted_checks
    from db.documents import store_document
    from tests.factories import make_claim, make_doc

    assert not finish_interrupted_checks(engine)
    store_document(engine, make_doc("a.txt"), [make_claim()], "t")  # stored, never checked
    assert dirty_series(engine) == [("Cyberport", "companies")]
    assert finish_interrupted_checks(engine)
    assert checks.background.wait_idle(timeout=30)
    assert dirty_series(engine) == []
