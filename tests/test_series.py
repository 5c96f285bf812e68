"""The consensus series read from the database: accepted first, rejected never, conflicts named."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from db.claims import ClaimFilter, iter_claims
from db.documents import store_document
from db.reviews import add_review
from etl.consistency import refresh
from etl.series import SERIES_COLUMNS, iter_series, series_points
from tests.factories import make_claim, make_doc

D = date(2025, 6, 5)


def _store(engine: Engine, name: str, value: float, publisher: str, **kw) -> None:
    quote = kw.pop("quote", f"{publisher} says there are {value:g} firms ({name}).")
    claim = make_claim(value=value, low=value, high=value, qualifier="exact", as_of=D,
                       quote=quote, **kw)  # fmt: skip
    store_document(engine, make_doc(name, quote, D, publisher=publisher), [claim], "t")


def _id(engine: Engine, document: str) -> int:
    return next(iter_claims(engine, ClaimFilter(document=document)))["claim_id"]


def test_consensus_then_accepted_then_rejected(engine: Engine) -> None:
    _store(engine, "a.txt", 2200, "A")
    _store(engine, "b.txt", 2200, "B")
    _store(engine, "c.txt", 2600, "C")
    refresh(engine)
    (point,) = series_points(engine, "Cyberport", "companies")
    assert (point.method, point.value) == ("consensus", 2200)
    assert point.overridden == (_id(engine, "c.txt"),)
    (row,) = iter_series(engine, ClaimFilter(metric="companies"))
    assert tuple(row) == SERIES_COLUMNS
    assert row["claim_ids"] == f"{_id(engine, 'a.txt')};{_id(engine, 'b.txt')}"
    assert row["conflict_ids"] != ""  # 2,200 and 2,600 on one day are an open conflict

    add_review(engine, "claim", _id(engine, "c.txt"), "accept", "ana")
    (point,) = series_points(engine, "Cyberport", "companies")
    assert (point.method, point.value, point.supporting) == (
        "accepted",
        2600,
        (_id(engine, "c.txt"),),
    )

    add_review(engine, "claim", _id(engine, "c.txt"), "reject", "ana")
    refresh(engine)
    (point,) = series_points(engine, "Cyberport", "companies")
    assert (point.method, point.value, point.overridden) == ("consensus", 2200, ())
    (row,) = iter_series(engine)
    assert row["conflict_ids"] == ""


def test_filters_and_flows(engine: Engine) -> None:
    _store(engine, "a.txt", 2200, "A")
    _store(engine, "u.txt", 7, "A", metric="unicorns", period="P1Y")
    assert [r["metric"] for r in iter_series(engine)] == ["companies", "unicorns"]
    assert list(iter_series(engine, ClaimFilter(date_from=date(2026, 1, 1)))) == []
    assert series_points(engine, "Cyberport", "unicorns") == []
    (flow,) = series_points(engine, "Cyberport", "unicorns", include_flows=True)
    assert (flow.period, flow.method) == ("P1Y", "single")
