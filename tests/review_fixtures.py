"""Helpers for the review tests: a real conflict in the database, requests with a session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date

from flask import Flask, session
from sqlalchemy import Engine

from dashboards import context
from dashboards.auth import SESSION_KEY
from db.documents import store_document
from db.users import add_user, set_active
from tests.factories import make_claim, make_doc


class Spy:
    """Stands in for the refresh to see whether it ran, and on which series."""

    def __init__(self) -> None:
        self.calls = 0
        self.series: list[tuple[str, str]] = []

    def __call__(self, _engine, series=()) -> None:
        self.calls += 1
        self.series += series


HIGH_TEXT = "Hong Kong, 5 June 2025 – The park is home to over 2,200 companies."
LOW_TEXT = "Hong Kong, 10 June 2025 – A reporter counted 1,500 companies there."


def seed_disagreement(engine: Engine) -> tuple[int, int]:
    """Store the two documents, run the checks; returns the two claim ids (high, low)."""
    from etl.pipeline import refresh_checks

    hi_at, lo_at = HIGH_TEXT.index("The park"), LOW_TEXT.index("A reporter")
    high = store_document(
        engine,
        make_doc("high.txt", HIGH_TEXT, publisher="Cyberport", kind="press release"),
        [make_claim(quote=HIGH_TEXT[hi_at:], start=hi_at)],
        "test",
    )
    low = store_document(
        engine,
        make_doc("low.txt", LOW_TEXT, date(2025, 6, 10), publisher="Daily Bugle", kind="news"),
        [
            make_claim(
                value=1500,
                qualifier="exact",
                as_of=date(2025, 6, 10),
                quote=LOW_TEXT[lo_at:],
                start=lo_at,
            )
        ],
        "test",
    )
    refresh_checks(engine)
    return _claim_id(engine, high.document_id), _claim_id(engine, low.document_id)


def _claim_id(engine: Engine, document_id: int) -> int:
    from db.documents import get_document

    detail = get_document(engine, document_id)
    assert detail is not None and len(detail.claims) == 1
    return detail.claims[0].claim_id


def session_requests(engine: Engine) -> Callable[[str | None], AbstractContextManager[None]]:
    """`with as_user("mei"):` runs code inside a Flask request whose session names that user.

    Users: "mei" (active) and "gone" (deactivated); the dashboard reads `engine`.
    """
    context.set_engine(engine)
    add_user(engine, "mei", "a long passphrase")
    add_user(engine, "gone", "another passphrase")
    set_active(engine, "gone", False)
    server = Flask(__name__)
    server.secret_key = "test only"

    @contextmanager
    def as_user(user: str | None) -> Iterator[None]:
        with server.test_request_context("/_dash-update-component", method="POST"):
            if user:
                session[SESSION_KEY] = user
            yield

    return as_user
