"""point_facts over all objects at once says what each object's own arithmetic says."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.check.point_facts import SUPPORT_TOLERANCE, point_facts


def _first(values: np.ndarray, pick) -> float:
    found = values.max() if pick is max else values.min()
    return float(values[np.flatnonzero(values == found)[0]])


def _one(low, high, comparable, has_hkd, acc, witness, weights, ids, t_low, t_high) -> dict:
    """One object's facts, computed on its own claims."""
    scale = max(abs(t_low), abs(t_high), 1e-12)
    gap = np.maximum(np.maximum(low - t_high, t_low - high), 0.0)
    fits = gap / scale <= SUPPORT_TOLERANCE
    if fits.any():
        s_low, s_high = _first(low[fits], max), _first(high[fits], min)
        if s_low <= s_high:
            t_low, t_high = s_low, s_high
    inside = (t_low <= comparable) & (comparable <= t_high)
    best = int(np.lexsort((-weights, ~inside, ~acc, ~fits))[0])
    return {
        "low": t_low,
        "high": t_high,
        "fits": fits.tolist(),
        "best": best,
        "witnesses": len(set(witness.tolist())),
        "supporting": len(set(witness[fits].tolist())),
        "top": float(weights[fits].max()) if fits.any() else 0.0,
        "lightest": float(weights[~fits].min()) if (~fits).any() else None,
        "accepted": bool(acc.any()),
        "hkd": bool(has_hkd.any()),
        "fit_ids": sorted(ids[fits].tolist()),
        "lost": np.flatnonzero(~fits).tolist(),
        "lost_ids": sorted(ids[~fits].tolist()),
    }


values = st.sampled_from([0.0, -0.0, 1.0, 99.5, 100.0, 100.5, 101.0, 110.0, 1000.0])
claim = st.tuples(values, st.floats(0, 20), values, st.booleans(), st.booleans(),
                  st.integers(0, 3), st.sampled_from([0.5, 1.0, 2.0]))  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(claim, min_size=1, max_size=7), min_size=1, max_size=6),
       st.lists(st.tuples(values, values), min_size=6, max_size=6))  # fmt: skip
def test_facts_of_all_objects_match_each_object_alone(objects, intervals) -> None:
    rows = [c for obj in objects for c in obj]
    starts = np.cumsum([0] + [len(o) for o in objects])
    low = np.array([r[0] for r in rows])
    high = low + np.array([r[1] for r in rows])
    comparable = np.array([r[2] for r in rows])
    has_hkd, acc = np.array([r[3] for r in rows]), np.array([r[4] for r in rows])
    witness = np.array([starts[k] + r[5] for k, o in enumerate(objects) for r in o])
    weights = np.array([r[6] for r in rows])
    ids = np.array([(7 * i) % 101 + 1000 * k for k, o in enumerate(objects) for i in range(len(o))])
    t_low = np.array([min(a, b) for a, b in intervals[: len(objects)]])
    t_high = np.array([max(a, b) for a, b in intervals[: len(objects)]])
    f = point_facts(starts, ids, low, high, comparable, has_hkd, acc, witness, weights,
                    t_low, t_high)  # fmt: skip
    for o in range(len(objects)):
        a, b = starts[o], starts[o + 1]
        want = _one(low[a:b], high[a:b], comparable[a:b], has_hkd[a:b], acc[a:b], witness[a:b],
                    weights[a:b], ids[a:b], float(t_low[o]), float(t_high[o]))  # fmt: skip
        la, lb = f.lost_bounds[o], f.lost_bounds[o + 1]
        got = {
            "low": float(f.low[o]),
            "high": float(f.high[o]),
            "fits": f.fits[a:b].tolist(),
            "best": int(f.best[o]) - a,
            "witnesses": int(f.witnesses[o]),
            "supporting": int(f.supporting[o]),
            "top": float(f.top[o]),
            "lightest": float(f.lightest[o]) if lb > la else None,
            "accepted": bool(f.accepted[o]),
            "hkd": bool(f.hkd[o]),
            "fit_ids": f.fit_ids[f.fit_bounds[o] : f.fit_bounds[o + 1]].tolist(),
            "lost": (f.lost[la:lb] - a).tolist(),
            "lost_ids": f.lost_ids[la:lb].tolist(),
        }
        assert got == want
        # 0.0 and -0.0 are equal: the sign kept is the one the object's claims give first.
        assert np.signbit(f.low[o]) == np.signbit(want["low"])
        assert np.signbit(f.high[o]) == np.signbit(want["high"])
