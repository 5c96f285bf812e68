"""Reading claims: filters, grid conditions, paging, derived status and conflict flag."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, insert, select

from db.claims import (
    CLAIM_COLUMNS,
    ClaimFilter,
    ColumnCondition,
    count_claims,
    iter_claims,
    page_claims,
)
from db.documents import store_document
from db.models import Claim, Conflict, ConflictClaim, Review
from tests.factories import make_claim, make_doc

CONTRACT = (
    "claim_id",
    "document",
    "published_on",
    "as_of",
    "entity",
    "metric",
    "value",
    "unit",
    "qualifier",
    "period",
    "value_low",
    "value_high",
    "value_hkd",
    "quote",
    "char_start",
    "char_end",
    "flags",
    "status",
)


@pytest.fixture
def stored(engine: Engine) -> Engine:
    store_document(
        engine,
        make_doc("a.txt"),
        [
            make_claim(),
            make_claim("unicorns", 7, qualifier="exact"),
            make_claim("funding_raised", 43.4e9, unit="HKD"),
        ],
        "t",
    )
    store_document(
        engine,
        make_doc("b.txt", "Hong Kong, 21 March 2023 – over 1,900 start-ups.", date(2023, 3, 21)),
        [make_claim(value=1900, as_of=date(2023, 3, 21), flags=("garbled",))],
        "t",
    )
    return engine


def _review(engine: Engine, uid: str, action: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(Review).values(
                target_type="claim", target_uid=uid, action=action, reviewer="r", note=""
            )
        )


def test_export_columns_hold_the_contract() -> None:
    assert CLAIM_COLUMNS[: len(CONTRACT)] == CONTRACT


def test_filters(stored: Engine) -> None:
    assert count_claims(stored) == 4
    assert count_claims(stored, ClaimFilter(metric="companies")) == 2
    assert count_claims(stored, ClaimFilter(date_from=date(2024, 1, 1))) == 3
    assert count_claims(stored, ClaimFilter(date_to=date(2024, 1, 1))) == 1
    assert count_claims(stored, ClaimFilter(document="b.txt")) == 1
    assert count_claims(stored, ClaimFilter(flag="garbled")) == 1
    assert count_claims(stored, ClaimFilter(entity="Someone else")) == 0


def test_grid_conditions_and_sorting(stored: Engine) -> None:
    big = ClaimFilter(conditions=(ColumnCondition("value", "greaterThan", 1000),))
    rows = page_claims(stored, big, sort=(("value", "desc"),))
    assert [r["value"] for r in rows] == [43.4e9, 2200, 1900]
    text = ClaimFilter(conditions=(ColumnCondition("metric", "contains", "UNICORN"),))
    assert [r["metric"] for r in page_claims(stored, text)] == ["unicorns"]
    with pytest.raises(ValueError):
        page_claims(stored, ClaimFilter(conditions=(ColumnCondition("nope", "equals", 1),)))
    with pytest.raises(ValueError):
        page_claims(stored, sort=(("quote; DROP TABLE claims", "asc"),))


def test_paging_is_stable(stored: Engine) -> None:
    first = page_claims(stored, offset=0, limit=2)
    second = page_claims(stored, offset=2, limit=2)
    ids = [r["claim_id"] for r in first + second]
    assert len(set(ids)) == 4


def test_status_derives_from_the_latest_review(stored: Engine) -> None:
    with stored.connect() as conn:
        uid = conn.execute(select(Claim.uid).where(Claim.metric == "unicorns")).scalar_one()
    assert count_claims(stored, ClaimFilter(status="auto")) == 4
    _review(stored, uid, "reject")
    _review(stored, uid, "comment")  # does not change status
    assert count_claims(stored, ClaimFilter(status="rejected")) == 1
    _review(stored, uid, "reopen")
    _review(stored, uid, "accept")
    rows = list(iter_claims(stored, ClaimFilter(metric="unicorns")))
    assert rows[0]["status"] == "accepted"


def test_conflict_flag_follows_open_conflicts(stored: Engine) -> None:
    with stored.begin() as conn:
        claim_id = conn.execute(
            select(Claim.id).where(Claim.metric == "funding_raised")
        ).scalar_one()
        cid = conn.execute(
            insert(Conflict).values(
                uid="k1",
                entity="Cyberport",
                metric="funding_raised",
                kind="decrease",
                severity="high",
                explanation="x",
                claim_uids="",
                active=True,
            )
        ).inserted_primary_key[0]
        conn.execute(insert(ConflictClaim).values(conflict_id=cid, claim_id=claim_id))

    def flags() -> str:
        return next(iter_claims(stored, ClaimFilter(metric="funding_raised")))["flags"]

    assert flags() == "conflict"
    assert count_claims(stored, ClaimFilter(flag="conflict")) == 1
    with stored.begin() as conn:
        conn.execute(
            insert(Review).values(
                target_type="conflict", target_uid="k1", action="resolve", reviewer="r", note=""
            )
        )
    assert flags() == ""
    garbled = next(iter_claims(stored, ClaimFilter(document="b.txt")))
    assert garbled["flags"] == "garbled"
