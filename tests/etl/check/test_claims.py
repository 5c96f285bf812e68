"""points_from_columns: which stored claims count, money in HKD, the accepted ids."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from etl.check.claims import counts, points_from_columns
from etl.check.columns import EPOCH, FALLBACK_RATES

ROW = st.tuples(
    st.sampled_from(["auto", "accepted", "rejected", "corrected", "candidate"]),
    st.sampled_from(["", "garbled", "implausible", "implausible;garbled", "conflict"]),
    st.sampled_from(["count", "HKD", "USD", "RMB", "percent"]),
    st.one_of(st.none(), st.floats(1, 1e9)),
    st.floats(0, 1e9),
    st.dates(date(1990, 1, 1), date(2040, 1, 1)),
)


@given(st.lists(ROW, max_size=30))
def test_the_claims_that_count_and_their_values(rows: list[tuple]) -> None:
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
    points, accepted = points_from_columns(cols)
    keep = [k for k, r in enumerate(rows) if counts(r[0], r[1])]
    assert points.ids.tolist() == [cols["claim_id"][k] for k in keep]
    assert accepted == {cols["claim_id"][k] for k in keep if rows[k][0] == "accepted"}
    assert points.t.tolist() == [(rows[k][5] - EPOCH).days for k in keep]
    for p, k in zip(points, keep, strict=True):
        _, _, unit, hkd, value, _ = rows[k]
        assert p.uid == f"u{k}"
        if unit in FALLBACK_RATES:
            rate = hkd / value if hkd is not None and value else FALLBACK_RATES[unit]
            assert (p.value_hkd, p.low) == (value * rate if hkd is None else hkd, value * rate)
        else:
            assert (p.value_hkd, p.low) == (hkd, value)
    assert points.has_hkd.tolist() == [p.value_hkd is not None for p in points]
    want = [p.value_hkd if p.value_hkd is not None else p.value for p in points]
    assert points.comparable.tolist() == want
