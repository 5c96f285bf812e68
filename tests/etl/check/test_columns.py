"""ClaimColumns: picking stored columns, codes of shared values, dates given as days."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from db.series_documents import SeriesDocuments
from etl.check.columns import (
    DOCUMENT_FIELDS,
    EPOCH,
    RUNS_FROM,
    ClaimColumns,
    from_days,
    picker,
)
from etl.check.stored import columns_from_stored
from tests.factories import make_point as cp

N = 3 * RUNS_FROM


@given(st.lists(st.booleans(), min_size=N, max_size=N), st.integers(0, N))
def test_picking_all_but_a_few_or_a_few_gives_the_items_in_order(
    dropped: list[bool], cut: int
) -> None:
    values = [f"v{k}" for k in range(N)]
    for keep in (
        [k for k in range(N) if not dropped[k]],  # any subset
        [k for k in range(N) if not (dropped[k] and k % 17 == 0)],  # all but a few: runs
        list(range(cut)) + list(range(cut + 1, N)),  # one gap
        range(cut, N),
        [N - 1 - k for k in range(N) if k % 3],  # descending
    ):
        assert picker(keep)(values) == [values[k] for k in keep]


@given(
    st.lists(st.sampled_from([None, "P1Y", "P6M", ""]), min_size=1, max_size=40),
    st.data(),
)
def test_codes_and_distinct_values_of_claims_and_of_a_part(periods: list, data) -> None:
    d = date(2024, 1, 1)
    claims = ClaimColumns.of([cp(k, d, f"P{k % 3}", period=p) for k, p in enumerate(periods)])
    picked = data.draw(st.lists(st.integers(0, len(periods) - 1), min_size=1))
    for part in (claims, claims.take(picked), claims[1:]):
        codes, values = part.codes("period")
        assert [values[k] for k in codes.tolist()] == list(part.column("period"))
        assert sorted(part.distinct("period"), key=str) == sorted(set(part.column("period")),
                                                                  key=str)  # fmt: skip
        doc, docs = part.codes("documents")
        assert [docs[k] for k in doc.tolist()] == [(p.kind, p.publisher, p.document)
                                                   for p in part]  # fmt: skip


@given(st.lists(st.tuples(st.integers(-800, 30000), st.integers(0, 3)), max_size=25))
def test_stored_claims_given_as_days_and_document_ids_are_the_same_points(rows) -> None:
    """columns_from_stored with `days` and `documents` makes the points it makes from dates and each
    claim's own document columns."""
    documents = SeriesDocuments(np.array([10, 9, 8, 7]), [f"doc{k}.txt" for k in (3, 2, 1, 0)],
                                [f"kind{k % 2}" for k in (3, 2, 1, 0)],
                                ["pub3", None, "pub1", "pub0"], ["v"] * 4, [1] * 4, [0] * 4,
                                [0] * 4)  # fmt: skip
    n = len(rows)
    cols = {
        "claim_id": list(range(1, n + 1)), "claim_uid": [f"u{k}" for k in range(n)],
        "entity": ["E"] * n, "metric": ["m"] * n, "value": [1.0] * n, "unit": ["count"] * n,
        "qualifier": ["about"] * n, "value_low": [1.0] * n, "value_high": [2.0] * n,
        "value_hkd": [None] * n, "period": [None] * n,
        "document_id": [7 + doc for _, doc in rows], "days": [days for days, _ in rows],
    }  # fmt: skip
    plain = dict(cols, as_of=[from_days(t) for t in cols["days"]])
    del plain["days"]
    for name, values in (("document", documents.names), ("kind", documents.kinds),
                         ("publisher", documents.publishers)):  # fmt: skip
        plain[name] = [values[10 - i] for i in cols["document_id"]]
    keep = [k for k in range(n) if k % 4 != 1]
    stored = columns_from_stored(dict(cols, documents=documents), keep, [""] * n)
    given_plainly = columns_from_stored(plain, keep, [""] * n)
    assert list(stored) == list(given_plainly)
    assert stored.t.tolist() == given_plainly.t.tolist()
    assert list(stored.column("as_of")) == [EPOCH + timedelta(days=cols["days"][k]) for k in keep]
    for field in DOCUMENT_FIELDS:
        assert stored.column(field) == given_plainly.column(field)
    assert stored[1:].column("document") == given_plainly.column("document")[1:]
