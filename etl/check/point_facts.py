"""The numbers each consensus point is made from, for every point of a series at once (pure).

A point's words name a few claims, but what they say (which claims support the believed
interval, the best of them, how many independent witnesses agree) is arithmetic over all of
its claims. It is done here on the arrays of the whole series, one pass each, instead of a
few dozen small array operations per point.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SUPPORT_TOLERANCE = 0.01  # a claim within 1 % of the believed interval supports it


@dataclass(frozen=True)
class PointFacts:
    """Per object (a run of claims, `starts`), and per claim where said."""

    starts: np.ndarray  # each object's first claim, and the end
    low: np.ndarray  # the believed interval, narrowed to what every supporting claim allows
    high: np.ndarray
    fits: np.ndarray  # per claim: within the tolerance of its object's interval
    best: np.ndarray  # the best claim's position: fitting, accepted, inside, heaviest, first
    witnesses: np.ndarray  # independent witnesses
    supporting: np.ndarray  # independent witnesses among the fitting claims
    top: np.ndarray  # the heaviest fitting claim's weight (0 when none fits)
    lightest: np.ndarray  # the lightest weight of a claim that does not fit
    accepted: np.ndarray  # whether any claim is accepted
    hkd: np.ndarray  # whether any claim states money converted to HKD
    fit_ids: np.ndarray  # the fitting claims' ids, by object and id
    fit_bounds: np.ndarray  # each object's part of fit_ids, and the end
    lost: np.ndarray  # the positions of the claims that do not fit, in order
    lost_ids: np.ndarray  # their ids, by object and id
    lost_bounds: np.ndarray  # each object's part of lost and lost_ids, and the end


def point_facts(
    starts: np.ndarray,
    ids: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    comparable: np.ndarray,
    has_hkd: np.ndarray,
    accepted: np.ndarray,
    witness: np.ndarray,
    weight: np.ndarray,
    t_low: np.ndarray,
    t_high: np.ndarray,
) -> PointFacts:
    """The facts of every object: claims in object order (`starts`: where each begins, and the
    end), with each claim's witness label and weight; `t_low`/`t_high`: the interval truth
    discovery found per object."""
    m, n = len(starts) - 1, len(ids)
    obj = np.repeat(np.arange(m, dtype=np.int64), np.diff(starts))
    first = starts[:-1]
    scale = np.maximum(np.maximum(np.abs(t_low), np.abs(t_high)), 1e-12)
    gap = np.maximum(np.maximum(low - t_high[obj], t_low[obj] - high), 0.0)
    fits = gap / scale[obj] <= SUPPORT_TOLERANCE
    # The interval is what every supporting claim allows, when they share one.
    any_fit = np.logical_or.reduceat(fits, first) if n else np.zeros(0, bool)
    s_low = _first_extreme(low, fits, obj, first, np.maximum, -np.inf)
    s_high = _first_extreme(high, fits, obj, first, np.minimum, np.inf)
    narrow = any_fit & (s_low <= s_high)
    b_low, b_high = np.where(narrow, s_low, t_low), np.where(narrow, s_high, t_high)
    inside = (b_low[obj] <= comparable) & (comparable <= b_high[obj])
    best = np.lexsort((-weight, ~inside, ~accepted, ~fits, obj))[first] if n else first
    top = np.maximum.reduceat(np.where(fits, weight, -np.inf), first) if n else np.zeros(0)
    lightest = np.minimum.reduceat(np.where(fits, np.inf, weight), first) if n else np.zeros(0)
    fit_at = np.flatnonzero(fits)
    lost = np.flatnonzero(~fits)
    return PointFacts(
        starts=starts,
        low=b_low,
        high=b_high,
        fits=fits,
        best=best,
        witnesses=_distinct(obj, witness, m),
        supporting=_distinct(obj[fit_at], witness[fit_at], m),
        top=np.where(any_fit, top, 0.0),
        lightest=lightest,
        accepted=np.logical_or.reduceat(accepted, first) if n else np.zeros(0, bool),
        hkd=np.logical_or.reduceat(has_hkd, first) if n else np.zeros(0, bool),
        fit_ids=_by_object_and_id(obj[fit_at], ids[fit_at]),
        fit_bounds=np.searchsorted(obj[fit_at], np.arange(m + 1)),
        lost=lost,
        lost_ids=_by_object_and_id(obj[lost], ids[lost]),
        lost_bounds=np.searchsorted(obj[lost], np.arange(m + 1)),
    )


def _first_extreme(values, mask, obj, first, pick, fill) -> np.ndarray:
    """Per object, the largest (np.maximum) or smallest (np.minimum) of the masked values as
    the first masked value equal to it (so 0.0 or -0.0, as it stands first); `fill` where
    none is masked."""
    if not len(values):
        return np.zeros(0)
    found = pick.reduceat(np.where(mask, values, fill), first)
    at = np.flatnonzero(mask & (values == found[obj]))
    o = obj[at]
    firsts = at[np.r_[True, o[1:] != o[:-1]]] if len(at) else at
    out = np.full(len(first), fill)
    out[obj[firsts]] = values[firsts]
    return out


def _distinct(obj: np.ndarray, labels: np.ndarray, m: int) -> np.ndarray:
    """How many distinct labels each object holds."""
    if not len(obj):
        return np.zeros(m, dtype=np.int64)
    order = np.lexsort((labels, obj))
    o, v = obj[order], labels[order]
    new = np.r_[True, (o[1:] != o[:-1]) | (v[1:] != v[:-1])]
    return np.bincount(o[new], minlength=m)


def _by_object_and_id(obj: np.ndarray, ids: np.ndarray) -> np.ndarray:
    return ids[np.lexsort((ids, obj))]
