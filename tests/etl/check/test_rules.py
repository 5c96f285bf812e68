"""The conflict rules on arrays: the pairs they find, and the bounded search finding the same
pairs as the one written a figure at a time."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from etl.check import rules
from etl.check.rules import Thresholds, disagree_pairs


def test_disagree_pairs_on_arrays() -> None:
    t = np.array([0, 10, 100])
    low, high = np.array([10.0, 20.0, 30.0]), np.array([11.0, 21.0, 31.0])
    pairs = disagree_pairs(t, low, high, Thresholds())
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]


def _disagree_pairs_one_by_one(t, low, high, th: Thresholds) -> list[tuple[int, int, float]]:
    """The rule as first written: a figure at a time, the window's extremes kept in deques."""
    from collections import deque

    out: list[tuple[int, int, float]] = []
    tl, lo_l, hi_l = t.tolist(), low.tolist(), high.tolist()
    max_low: deque[int] = deque()
    min_high: deque[int] = deque()
    start = 0
    for j in range(len(tl)):
        while tl[j] - tl[start] > th.disagree_window_days:
            start += 1
        for q in (max_low, min_high):
            while q and q[0] < start:
                q.popleft()
        partners = {*range(max(start, j - th.disagree_nearest), j)}
        partners.update(q[0] for q in (max_low, min_high) if q)
        for i in sorted(partners):
            ratio = rules._disagree(tl, lo_l, hi_l, i, j, th)
            if ratio is not None:
                out.append((i, j, ratio))
        while max_low and lo_l[max_low[-1]] <= lo_l[j]:
            max_low.pop()
        max_low.append(j)
        while min_high and hi_l[min_high[-1]] >= hi_l[j]:
            min_high.pop()
        min_high.append(j)
    return out


@given(
    st.lists(
        st.tuples(
            st.integers(0, 400),
            st.sampled_from([0.0, -0.0, 1.0, 5.0, 100.0, 101.0, 150.0, 1e9, -3.0]),
            st.sampled_from([0.0, 0.5, 1.0, 10.0, 60.0]),
        ),
        max_size=250,
    ),
    st.integers(1, 4),
)
def test_partners_found_at_once_are_the_ones_found_one_by_one(figures, nearest: int) -> None:
    figures.sort(key=lambda f: f[0])
    t = np.array([f[0] for f in figures], dtype=np.int64)
    low = np.array([f[1] for f in figures], dtype=float)
    high = low + np.array([f[2] for f in figures], dtype=float)
    th = Thresholds(disagree_nearest=nearest)
    assert disagree_pairs(t, low, high, th) == _disagree_pairs_one_by_one(t, low, high, th)


@given(st.lists(st.integers(-(2**40), 2**40)), st.sampled_from([np.int64, np.int32]))
def test_sorted_unique_is_numpys_unique(values: list[int], dtype: type) -> None:
    a = np.array(values, dtype=np.int64).astype(dtype)  # int32: wrapped, still integers
    got, want = rules.sorted_unique(a), np.unique(a)
    assert got.dtype == want.dtype
    assert got.tolist() == want.tolist()
