"""Truth discovery over intervals, source reliability and copy detection."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from etl.check.consensus import (
    _first_seen,
    _group_sizes,
    assign_objects,
    reconcile,
    truth_discovery,
)
from etl.check.points import ClaimPoint
from tests.factories import make_point as cp


def test_reliable_sources_win_a_two_against_one_contest_they_have_earned() -> None:
    """Known answer: A and B agree on ten dates; C is 30 % high and E 25 % low, each on its
    own. On the eleventh date A alone faces C and E, who happen to agree: by head count it is
    1 against 2, but A has earned a weight higher than C's and E's together."""
    day0 = date(2024, 1, 1)
    pts: list[ClaimPoint] = []
    for k in range(10):
        d = day0 + timedelta(days=30 * k)
        truth = 1000 + 50 * k
        pts += [
            cp(truth, d, "A"),
            cp(truth, d, "B"),
            cp(truth * 1.3, d, "C"),
            cp(truth * 0.75, d, "E"),
        ]
    last = day0 + timedelta(days=400)
    pts += [cp(1600, last, "A"), cp(2100, last, "C"), cp(2100, last, "E")]
    series = {p.as_of: p for p in reconcile(pts)}
    for k in range(10):
        point = series[day0 + timedelta(days=30 * k)]
        assert point.value == 1000 + 50 * k
        assert point.method == "consensus"
        assert len(point.overridden) == 2
    final = series[last]
    assert final.value == 1600
    assert "1 of 3 independent sources agree" in final.explanation
    assert "overrides 2,100 (C, 4 Feb 2025), 2,100 (E, 4 Feb 2025)" in final.explanation


def test_head_count_decides_between_sources_of_equal_standing() -> None:
    d = date(2024, 1, 1)
    (point,) = reconcile([cp(1600, d, "A"), cp(2100, d, "C"), cp(2100, d, "E")])
    assert point.value == 2100


def test_overlapping_intervals_support_each_other() -> None:
    d = date(2025, 6, 5)
    pts = [
        cp(2000, d, "A", low=2000, high=3000, qualifier="over"),
        cp(2200, d, "B", low=2200, high=2300, qualifier="over"),
        cp(1500, d, "C", low=1450, high=1550),
    ]
    (point,) = reconcile(pts)
    assert (point.value_low, point.value_high) == (2200, 2300)
    assert point.value == 2200
    assert len(point.supporting) == 2
    assert len(point.overridden) == 1


def test_single_and_accepted_points() -> None:
    d = date(2025, 6, 5)
    one = cp(7, d, "A", metric="unicorns")
    (point,) = reconcile([one])
    assert (point.method, point.value, point.supporting) == ("single", 7, (one.claim_id,))
    a, b, c = cp(10, d, "A"), cp(10, d, "B"), cp(12, d, "C")
    (point,) = reconcile([a, b, c], accepted=frozenset({c.claim_id}))
    assert point.method == "accepted"
    assert point.value == 12
    assert point.supporting == (c.claim_id,)
    assert set(point.overridden) == {a.claim_id, b.claim_id}


def test_a_reprint_is_not_an_independent_witness() -> None:
    """Two copies of one press release against two independent reports: the reports win,
    where counting every text as a witness would give 3 against 2."""
    release = "Cyberport now hosts over 2,200 start-ups and technology companies in its community."
    d = date(2025, 6, 5)
    pts = [
        cp(2200, d, "Cyberport", quote=release, low=2200, high=2300),
        cp(2200, d, "Paper A", quote=release, low=2200, high=2300),
        cp(2200, d, "Paper B", quote="Paper B: " + release, low=2200, high=2300),
        cp(1800, d, "Survey X", quote="A survey counted 1,800 firms at the park."),
        cp(1800, d, "Survey Y", quote="Our own count found about 1,800 companies there."),
    ]
    (point,) = reconcile(pts)
    assert point.value == 1800
    assert "repeated texts counted once" in point.explanation


def test_the_same_document_twice_is_one_witness() -> None:
    d = date(2025, 6, 5)
    pts = [
        cp(35, d, "Cyberport", document="r.txt", quote="It expanded to 35 global markets."),
        cp(35, d, "Cyberport", document="r.txt", quote="About: over 35 markets.", low=35, high=36),
    ]
    (point,) = reconcile(pts)
    assert point.method == "single"


def test_claims_a_few_days_apart_form_one_point() -> None:
    s = np.array([0, 0, 0, 0, 1])
    t = np.array([0, 3, 7, 8, 8])
    assert assign_objects(s, t, window=7).tolist() == [0, 0, 0, 1, 2]


def test_truth_discovery_on_arrays() -> None:
    obj = np.array([0, 0, 0, 1, 1, 1])
    src = np.array([0, 1, 2, 0, 1, 2])
    low = np.array([10.0, 10.0, 20.0, 5.0, 5.0, 9.0])
    res = truth_discovery(obj, src, low, low.copy(), np.ones(6))
    assert res.low.tolist() == [10.0, 5.0]
    assert res.source_weight[2] < res.source_weight[0]


def _objects_one_claim_at_a_time(series: list[int], t: list[int], window: int) -> list[int]:
    """The rule as first written: a claim at a time."""
    out, cur, first, prev = [], -1, 0, None
    for s, d in zip(series, t, strict=True):
        if s != prev or d - first > window:
            cur, first, prev = cur + 1, d, s
        out.append(cur)
    return out


@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(-50, 400)), max_size=300),
    st.integers(0, 30),
)
def test_objects_found_a_window_at_a_time_are_the_rules(pairs, window: int) -> None:
    pairs.sort()
    series, t = [s for s, _ in pairs], [d for _, d in pairs]
    found = assign_objects(np.array(series, dtype=np.int64), np.array(t, dtype=np.int64), window)
    assert found.tolist() == _objects_one_claim_at_a_time(series, t, window)


@given(st.lists(st.integers(0, 6), max_size=30))
def test_codes_renumbered_in_order_of_first_appearance(codes: list[int]) -> None:
    order = {c: k for k, c in enumerate(dict.fromkeys(codes))}
    assert _first_seen(np.array(codes, dtype=np.int64)).tolist() == [order[c] for c in codes]


@given(st.lists(st.integers(-3, 40), max_size=30))
def test_group_sizes_are_how_many_share_each_value(values: list[int]) -> None:
    expected = [values.count(v) for v in values]
    assert _group_sizes(np.array(values, dtype=np.int64)).tolist() == expected
