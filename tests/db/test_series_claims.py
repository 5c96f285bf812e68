"""series_claims reads what db.claims' default view lists for a series, status included."""

from __future__ import annotations

from datetime import date

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from db.claims import ClaimFilter, iter_claims
from db.documents import store_document
from db.reviews import add_correction, add_review
from db.series_claims import _distinct, series_claims
from tests.factories import make_claim, make_doc


def _listed(engine: Engine, entity: str, metric: str) -> list[tuple[int, str, str]]:
    rows = iter_claims(engine, ClaimFilter(entity=entity, metric=metric))
    return sorted((r["claim_id"], r["status"], r["document"]) for r in rows)


def _read(engine: Engine, entity: str, metric: str) -> list[tuple[int, str, str]]:
    with engine.connect() as conn:
        cols = series_claims(conn, entity, metric)
    return list(zip(cols["claim_id"], cols["status"], cols["document"], strict=True))


def test_reviews_candidates_and_corrections_agree_with_the_claims_view(engine: Engine) -> None:
    claims = [make_claim(value=v) for v in (1, 2, 3)]
    claims += [make_claim(value=v, status="candidate", unsure=("owner?",)) for v in (4, 5, 6, 7)]
    claims += [make_claim("awards", 8), make_claim("awards", 9, status="candidate")]
    store_document(engine, make_doc("a.txt", "Hong Kong, 1 May 2025 – figures."), claims, "t")
    store_document(engine, make_doc("b.txt", "Hong Kong, 2 May 2025 – more."),
                   [make_claim(value=10)], "t")  # fmt: skip
    ids = {r["value"]: r["claim_id"] for r in iter_claims(engine, ClaimFilter(status="any"))}
    add_review(engine, "claim", ids[1], "accept", "ana")
    add_review(engine, "claim", ids[2], "reject", "ana")
    add_review(engine, "claim", ids[2], "reopen", "ana")  # back to auto
    add_review(engine, "claim", ids[3], "accept", "ana")
    add_review(engine, "claim", ids[3], "reject", "bo")  # the newest decides
    add_review(engine, "claim", ids[4], "accept", "ana")  # a candidate taken in
    add_review(engine, "claim", ids[5], "accept", "ana")
    add_review(engine, "claim", ids[5], "reopen", "bo")  # waits again
    add_review(engine, "claim", ids[6], "comment", "ana")  # no status: still waits
    add_review(engine, "claim", ids[8], "reject", "ana")  # another series' review
    add_review(engine, "claim", ids[9], "accept", "ana")
    add_correction(engine, ids[10], "ana", "a later date", as_of=date(2025, 7, 1))
    expected = _listed(engine, "Cyberport", "companies")
    assert _read(engine, "Cyberport", "companies") == expected
    by_value = {r["claim_id"]: r["value"] for r in iter_claims(engine, ClaimFilter())}
    assert sorted(by_value[i] for i, _, _ in expected) == [1, 2, 3, 4, 10]
    assert [s for _, s, _ in expected[:4]] == ["accepted", "auto", "rejected", "accepted"]
    assert _read(engine, "Cyberport", "awards") == _listed(engine, "Cyberport", "awards")
    assert [s for _, s, _ in _read(engine, "Cyberport", "awards")] == ["rejected", "accepted"]


def test_days_and_each_documents_name_and_version_as_the_driver_gives_them(
    engine: Engine,
) -> None:
    """`days` counts from 1970-01-01; a document's version is str() of the time it was stored
    as the database driver gives it (a whole second written without a fraction)."""
    claims = [make_claim(value=1, as_of=date(1969, 12, 31)), make_claim(value=2)]
    store_document(engine, make_doc("a.txt", "Hong Kong, 1 May 2025 – figures."), claims, "t")
    with engine.begin() as conn:
        for stored_at in (None, "2025-05-01 10:00:00+00:00", "2025-05-01 10:00:00.25+00:00"):
            if stored_at is not None:
                conn.exec_driver_sql(f"UPDATE documents SET ingested_at = '{stored_at}'")
            cols = series_claims(conn, "Cyberport", "companies")
            at = conn.exec_driver_sql("SELECT id, ingested_at FROM documents").all()
            want = [(i, "a.txt", None, None, str(t)) for i, t in at]
            assert list(cols["documents"].rows()) == want
    by_value = dict(zip(cols["value"], cols["days"], strict=True))
    assert by_value == {1.0: -1, 2.0: (date(2025, 6, 5) - date(1970, 1, 1)).days}


@given(st.lists(st.integers(-5, 50), max_size=40))
def test_distinct_values_sorted(values: list[int]) -> None:
    assert _distinct(np.array(values, dtype=np.int64)).tolist() == sorted(set(values))
