"""points_from_columns: which stored claims count, money in HKD, the accepted ids."""

from __future__ import annotations

from datetime import date

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from db.series_documents import SeriesDocuments
from etl.check.claims import counts, points_from_columns
from etl.check.columns import EPOCH
from etl.check.stored import FALLBACK_RATES

ROW = st.tuples(
    st.sampled_from(["auto", "accepted", "rejected", "corrected", "candidate"]),
    st.sampled_from(["", "garbled", "implausible", "implausible;garbled", "conflict"]),
    st.sampled_from(["count", "HKD", "USD", "RMB", "percent"]),
    st.one_of(st.none(), st.floats(1, 1e9)),
    st.floats(0, 1e9),
    st.dates(date(1990, 1, 1), date(2040, 1, 1)),
)


@given(st.lists(ROW, max_size=30), st.booleans())
def test_the_claims_that_count_and_their_values(rows: list[tuple], as_stored: bool) -> None:
    """Given as lists, or as db.series_claims gives them (numbers as arrays, dates as days,
    documents by id)."""
    n = len(rows)
    cols = {
        "claim_id": [10 * k + 3 for k in range(n)], "claim_uid": [f"u{k}" for k in range(n)],
        "status": [r[0] for r in rows], "flags": [r[1] for r in rows],
        "unit": [r[2] for r in rows], "value_hkd": [r[3] for r in rows],
        "value": [r[4] for r in rows], "value_low": [r[4] for r in rows],
        "value_high": [r[4] * 1.5 for r in rows], "as_of": [r[5] for r in rows],
        "entity": ["E"] * n, "metric": ["m"] * n, "qualifier": ["about"] * n,
        "period": [None] * n, "kind": [None] * n, "publisher": ["p"] * n,
        "document": [f"d{k % 3}" for k in range(n)],
    }  # fmt: skip
    if as_stored:
        cols = stored_form(cols)
    points, accepted = points_from_columns(cols)
    keep = [k for k, r in enumerate(rows) if counts(r[0], r[1])]
    assert points.ids.tolist() == [10 * k + 3 for k in keep]
    assert accepted == {10 * k + 3 for k in keep if rows[k][0] == "accepted"}
    assert points.t.tolist() == [(rows[k][5] - EPOCH).days for k in keep]
    for p, k in zip(points, keep, strict=True):
        _, _, unit, hkd, value, _ = rows[k]
        assert (p.uid, p.as_of, p.document) == (f"u{k}", rows[k][5], f"d{k % 3}")
        if unit in FALLBACK_RATES:
            rate = hkd / value if hkd is not None and value else FALLBACK_RATES[unit]
            assert (p.value_hkd, p.low) == (value * rate if hkd is None else hkd, value * rate)
        else:
            assert (p.value_hkd, p.low) == (hkd, value)
    assert points.has_hkd.tolist() == [p.value_hkd is not None for p in points]
    want = [p.value_hkd if p.value_hkd is not None else p.value for p in points]
    assert points.comparable.tolist() == want


def stored_form(cols: dict) -> dict:
    """These columns as db.series_claims gives them."""
    out = {k: v for k, v in cols.items() if k not in ("as_of", "kind", "publisher", "document")}
    for name, dtype in (("claim_id", np.int64), ("value", float), ("value_low", float),
                        ("value_high", float)):  # fmt: skip
        out[name] = np.array(cols[name], dtype=dtype)
    out["has_hkd"] = np.array([v is not None for v in cols["value_hkd"]], dtype=bool)
    out["value_hkd"] = np.array(cols["value_hkd"], dtype=float)
    out["days"] = np.array([(d - EPOCH).days for d in cols["as_of"]], dtype=np.int64)
    out["document_id"] = np.array([int(d[1:]) + 40 for d in cols["document"]], dtype=np.int64)
    out["documents"] = SeriesDocuments(np.array([42, 40, 41]), ["d2", "d0", "d1"], [None] * 3,
                                       ["p"] * 3, ["v"] * 3, [1] * 3, [0] * 3, [0] * 3)  # fmt: skip
    return out
