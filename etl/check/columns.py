"""Claims as columns: what the checks compute on, with no object per claim until one is needed.

A check of a series of tens of thousands of claims spends most of its time making and walking
one ClaimPoint per claim. `ClaimColumns` holds the same claims one column per field (numbers as
numpy arrays) and is itself a sequence of ClaimPoints, each made only when asked for; the rules
and the consensus compute on the arrays and ask for the few points their words name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from itertools import compress, repeat
from operator import is_not, itemgetter
from typing import Any, overload

import numpy as np

from etl.check.points import ClaimPoint

EPOCH = date(1970, 1, 1)
FIELDS = ("claim_id", "uid", "entity", "metric", "value", "unit", "qualifier", "low", "high",
          "as_of", "period", "value_hkd", "kind", "publisher", "document", "quote")  # fmt: skip
RUNS_FROM = 64  # fewer positions are picked one by one (finding runs would cost more)
FALLBACK_RATES = {"HKD": 1.0, "USD": 7.8, "RMB": 1.08}  # when a claim carries no value_hkd


class ClaimColumns(Sequence[ClaimPoint]):
    """Claims, one list per ClaimPoint field (FIELDS), in the order given; `self[i]` is claim
    i's ClaimPoint (made once), `self[a:b]` the claims a to b, `take` any of them. Arrays for
    the arithmetic: `ids`, `low`, `high`, `t` (days since 1970-01-01), `comparable`
    (value_hkd, else value) and `has_hkd`. A part taken is a view: its lists are made only
    when asked for."""

    def __init__(
        self, columns: Mapping[str, Sequence[Any]], points: Sequence[ClaimPoint] | None = None
    ) -> None:
        n = len(columns["claim_id"])
        self._columns = {f: columns[f] for f in FIELDS}
        self._lists = list(self._columns.values())  # in FIELDS order, for making a point
        self._points: list[ClaimPoint | None] = list(points) if points else [None] * n
        self._rows: np.ndarray | None = None  # a view: these rows of `_base`
        self._base = self
        self._stored = _picker([])  # from_stored: picks the stored claims' places
        self.ids = np.asarray(columns["claim_id"], dtype=np.int64)
        self.low = np.asarray(columns["low"], dtype=np.float64)
        self.high = np.asarray(columns["high"], dtype=np.float64)
        hkd = columns["value_hkd"]
        self.has_hkd = np.fromiter(map(is_not, hkd, repeat(None)), dtype=bool, count=n)
        self.comparable = np.where(  # value_hkd, else value (None is NaN in the first array)
            self.has_hkd, np.array(hkd, dtype=np.float64), np.array(columns["value"], np.float64)
        )
        days = np.fromiter(map(date.toordinal, columns["as_of"]), dtype=np.int64, count=n)
        self.t = days - EPOCH.toordinal()

    @classmethod
    def of(cls, points: Sequence[ClaimPoint]) -> ClaimColumns:
        """These points as columns (a ClaimColumns is taken as it is)."""
        if isinstance(points, ClaimColumns):
            return points
        columns = {f: [getattr(p, f) for p in points] for f in FIELDS}
        return cls(columns, points)

    @classmethod
    def from_stored(
        cls, cols: Mapping[str, Sequence[Any]], keep: Sequence[int], quotes: Sequence[str]
    ) -> ClaimColumns:
        """The stored claims at positions `keep` of db.series_claims' columns, money in HKD
        as the checks compare it (the claim's own rate, else a fallback rate)."""
        pick = _picker(keep)
        value, unit, hkd = pick(cols["value"]), pick(cols["unit"]), pick(cols["value_hkd"])
        low, high = pick(cols["value_low"]), pick(cols["value_high"])
        for i in compress(range(len(unit)), map(FALLBACK_RATES.__contains__, unit)):  # few
            h, v = hkd[i], value[i]
            rate = h / v if h is not None and v else FALLBACK_RATES[unit[i]]
            hkd[i] = v * rate if h is None else h
            low[i], high[i] = low[i] * rate, high[i] * rate
        named = {"claim_id": "claim_id", "uid": "claim_uid", "entity": "entity",
                 "metric": "metric", "qualifier": "qualifier", "as_of": "as_of",
                 "period": "period", "kind": "kind", "publisher": "publisher",
                 "document": "document"}  # fmt: skip
        columns = {field: pick(cols[name]) for field, name in named.items()}
        columns.update(value=value, unit=unit, low=low, high=high, value_hkd=hkd)
        columns["quote"] = pick(quotes)
        out = cls(columns)
        out._stored = pick
        return out

    def stored(self, values: Sequence[Any]) -> list[Any]:
        """A column of the stored claims this was made from (from_stored), for these claims."""
        return self._stored(values)

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> ClaimPoint: ...

    @overload
    def __getitem__(self, i: slice) -> ClaimColumns: ...

    def __getitem__(self, i: int | slice) -> ClaimPoint | ClaimColumns:
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            return self.take(slice(start, stop) if step == 1 else np.arange(start, stop, step))
        if self._rows is not None:
            return self._base[int(self._rows[i])]
        point = self._points[i]
        if point is None:
            point = ClaimPoint.of(*[c[i] for c in self._lists])
            self._points[i] = point
        return point

    def __iter__(self) -> Iterator[ClaimPoint]:
        return (self[i] for i in range(len(self)))

    def take(self, index: Sequence[int] | np.ndarray | slice) -> ClaimColumns:
        """The claims at these positions, in this order (a view; of a run, given as a slice of
        step 1, its arrays are views of these)."""
        if isinstance(index, slice):
            if self._rows is None:
                rows = np.arange(*index.indices(len(self)), dtype=np.int64)
            else:
                rows = self._rows[index]
        else:
            index = np.asarray(index, dtype=np.int64)
            rows = index if self._rows is None else self._rows[index]
        out = object.__new__(ClaimColumns)
        out._base = self._base
        out._rows = rows
        out._columns = {}
        for name in ("ids", "low", "high", "has_hkd", "comparable", "t"):
            setattr(out, name, getattr(self, name)[index])
        return out

    def rows(self) -> np.ndarray:
        """Each claim's place in the claims this one is a view of (itself, if none)."""
        return np.arange(len(self)) if self._rows is None else self._rows

    def column(self, field: str) -> Sequence[Any]:
        """One field's values, in order (not to be changed)."""
        if self._rows is None:
            return self._columns[field]
        found = self._columns.get(field)
        if found is None:
            base = self._base._columns[field]
            found = self._columns[field] = _picker(self._rows.tolist())(base)
        return found


def _picker(keep: Sequence[int]):
    """A function giving a list of the items at positions `keep` (C speed, as a new list)."""
    if not keep:
        return lambda values: []
    if isinstance(keep, range) and keep.step == 1:  # a run: a slice
        return lambda values: list(values[keep.start : keep.stop])
    if len(keep) == 1:
        k = keep[0]
        return lambda values: [values[k]]
    at = np.asarray(keep, dtype=np.int64) if len(keep) >= RUNS_FROM else np.empty(0, np.int64)
    breaks = np.flatnonzero(np.diff(at) != 1) + 1
    if len(breaks) * 8 < len(at):  # long runs of neighbours (all but a few): slices
        runs = list(zip(at[np.r_[0, breaks]].tolist(), (at[np.r_[breaks - 1, -1]] + 1).tolist(),
                        strict=True))  # fmt: skip

        def by_runs(values: Sequence[Any]) -> list[Any]:
            out: list[Any] = []
            for a, b in runs:
                out += values[a:b]
            return out

        return by_runs
    get = itemgetter(*keep)
    return lambda values: list(get(values))
