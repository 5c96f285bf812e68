"""Reading claims: filters, grid conditions, paging, derived status and conflict flag."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, insert, select, text

from db.claims import (
    CLAIM_COLUMNS,
    ClaimFilter,
    ColumnCondition,
    claims_select,
    count_claims,
    iter_claims,
    page_claims,
)
from db.documents import store_document
from db.models import Claim, Conflict, ConflictClaim, Review
from db.quote_search import TRGM_INDEX
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


# --- "quote contains" through the quote index -----------------------------------------------

QUOTES = (
    "Cyberport's 數碼港 hosts over 1,900 start-ups.",
    "CYBERPORT'S community counted 2,200 companies",
    "cyberport’s curly apostrophe and a 50% jump",
    "Growth of 50% to 100 unicorns; a_b and a-b are not alike",
    'He called it "the HK$43.4 billion milestone"',
    "Ab",
    "ÉCOLE and école and ecole",
    "Straße STRASSE strasse",
    "Kelvin sign: \u212a, long s: \u017f, dotted \u0130stanbul",
    "%_%/\\ symbols: 100% / 5_000 \\ done",
    "Community, COMMUNITY, CoMmUnItY.",
)
NEEDLES = (
    "cyberport's", "CYBERPORT", "數碼港", "s 數碼", "’s", "50%", "0%", "%", "_", "a_b", "5_0",
    '"the', 'he"', "'s", "ab", "Ab", "abc", "école", "ÉCOLE", "COL", "straße", "STRASSE", "ß",
    "kelvin sign: k", "k, l", "\u212a, long", "long s: s", "\u017f", "istanbul", "i̇stanbul",
    "/\\", "\\ d", "% /", "community", "COMMUNITY", "unity,", "zzz-not-there",
)  # fmt: skip


@pytest.fixture
def quoted(engine: Engine) -> Engine:
    claims = [
        make_claim(value=100 + i, as_of=date(2024, 1, 1 + i), quote=q) for i, q in enumerate(QUOTES)
    ]
    store_document(engine, make_doc("quotes.txt", text=" ".join(QUOTES)), claims, "t")
    return engine


def _plain(engine: Engine, filt: ClaimFilter) -> list[int]:
    """The claims the filter's own SQL lets through, no index involved."""
    with engine.connect() as conn:
        stmt = claims_select(filt, ("claim_id",)).order_by(Claim.id)
        return list(conn.scalars(stmt))


@pytest.mark.parametrize("probe", [10_000, 1])  # rare texts (index) / common ones (walk)
def test_quote_contains_through_the_index_is_the_plain_filter(
    quoted: Engine, probe: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("db.claims.INDEX_PROBE", probe)
    for needle in NEEDLES:
        for op in ("contains", "notContains"):
            filt = ClaimFilter(conditions=(ColumnCondition("quote", op, needle),))
            expected = _plain(quoted, filt)
            rows = page_claims(quoted, filt, sort=(("claim_id", "asc"),), limit=100)
            assert [r["claim_id"] for r in rows] == expected, (op, needle)
            assert count_claims(quoted, filt) == len(expected), (op, needle)
            for at_most in (1, 2, 5):
                assert count_claims(quoted, filt, at_most=at_most) == min(len(expected), at_most)
    # The texts the test relies on do reach both paths.
    assert (
        len(
            _plain(
                quoted, ClaimFilter(conditions=(ColumnCondition("quote", "contains", "community"),))
            )
        )
        == 2
    )


def test_quote_contains_combines_with_other_conditions(quoted: Engine, monkeypatch) -> None:
    for probe in (10_000, 1):
        monkeypatch.setattr("db.claims.INDEX_PROBE", probe)
        filt = ClaimFilter(
            date_from=date(2024, 1, 3),
            conditions=(
                ColumnCondition("quote", "contains", "cyberport"),
                ColumnCondition("quote", "contains", "50%"),
                ColumnCondition("value", "lessThan", 110),
            ),
        )
        expected = _plain(quoted, filt)
        assert len(expected) == 1
        rows = page_claims(quoted, filt, sort=(("as_of", "desc"),))
        assert [r["claim_id"] for r in rows] == expected
        assert count_claims(quoted, filt) == count_claims(quoted, filt, at_most=3) == 1


def _scan_plan(conn, stmt, settings: str) -> tuple[list[int], str]:
    for setting in settings.split():
        conn.exec_driver_sql(f"SET LOCAL {setting}")
    plan = "\n".join(r[0] for r in conn.execute(text("EXPLAIN " + _sql(conn, stmt))))
    return list(conn.scalars(stmt)), plan


def _sql(conn, stmt) -> str:
    return str(stmt.compile(conn, compile_kwargs={"literal_binds": True})).replace("%", "%%")


def test_postgresql_trigram_index_answers_like_the_scan(quoted: Engine) -> None:
    if quoted.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's pg_trgm index")
    with quoted.connect() as conn:
        if (
            conn.exec_driver_sql(
                "SELECT 1 FROM pg_indexes WHERE indexname = %s", (TRGM_INDEX,)
            ).first()
            is None
        ):
            pytest.skip("pg_trgm is not installed on this server")
    used = 0
    for needle in NEEDLES:
        filt = ClaimFilter(conditions=(ColumnCondition("quote", "contains", needle),))
        stmt = claims_select(filt, ("claim_id",)).order_by(Claim.id)
        with quoted.begin() as conn:
            indexed, plan = _scan_plan(conn, stmt, "enable_seqscan=off enable_indexscan=off")
        used += TRGM_INDEX in plan
        with quoted.begin() as conn:
            scanned, plan = _scan_plan(conn, stmt, "enable_bitmapscan=off enable_indexscan=off")
        assert TRGM_INDEX not in plan
        assert indexed == scanned, needle
    assert used >= len([n for n in NEEDLES if len(n) >= 3]) // 2  # the index does get used


# --- candidates and corrected claims --------------------------------------------------------


def test_default_views_leave_candidates_and_corrected_claims_out(stored: Engine) -> None:
    from db.claims import ANY_STATUS
    from db.reviews import add_correction

    store_document(
        stored,
        make_doc("c.txt", "Hong Kong, 1 May 2025 – 12 firms, 3 awards."),
        [
            make_claim("awards", 3, status="candidate", unsure=("metric?",)),
            make_claim(value=12, status="candidate", unsure=("owner?", "date?")),
        ],
        "t",
    )
    assert count_claims(stored) == 4  # as before the candidates came
    waiting = list(iter_claims(stored, ClaimFilter(status="candidate")))
    assert [(r["metric"], r["unsure"]) for r in waiting] == [
        ("awards", "metric?"), ("companies", "owner?;date?")]  # fmt: skip
    assert count_claims(stored, ClaimFilter(status=ANY_STATUS)) == 6
    # A condition on the status column decides alone (the grid's filter).
    named = ClaimFilter(conditions=(ColumnCondition("status", "equals", "candidate"),))
    assert count_claims(stored, named) == 2
    assert [r["claim_id"] for r in page_claims(stored, ClaimFilter(status="candidate"))] == [
        r["claim_id"] for r in waiting
    ]
    add_correction(stored, waiting[0]["claim_id"], "ana", "IP, not awards", metric="ip_rights")
    assert count_claims(stored) == 5  # the corrected row counts, the corrected claim not
    assert count_claims(stored, ClaimFilter(status="corrected")) == 1
    assert count_claims(stored, ClaimFilter(metric="awards")) == 0
    assert count_claims(stored, ClaimFilter(metric="ip_rights", status="accepted")) == 1
    assert count_claims(stored, ClaimFilter(status="candidate")) == 1
