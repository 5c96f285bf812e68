"""Claims as columns: what the checks compute on, with no object per claim until one is needed.

A check of a series of tens of thousands of claims spends most of its time making and walking
one ClaimPoint per claim. `ClaimColumns` holds the same claims one column per field (numbers as
numpy arrays) and is itself a sequence of ClaimPoints, each made only when asked for; the rules
and the consensus compute on the arrays and ask for the few points their words name. What many
claims share (their document, a unit, a period) is also given as codes: one number per claim
and the distinct values, so that what depends on it is worked out once per value.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import cache
from itertools import repeat
from operator import is_not, itemgetter
from typing import Any, overload

import numpy as np

from etl.check.points import ClaimPoint

EPOCH = date(1970, 1, 1)
EPOCH_ORDINAL = EPOCH.toordinal()
FIELDS = ("claim_id", "uid", "entity", "metric", "value", "unit", "qualifier", "low", "high",
          "as_of", "period", "value_hkd", "kind", "publisher", "document", "quote")  # fmt: skip
DOCUMENT_FIELDS = FIELDS[12:15]  # what a claim's document says: kind, publisher, name
ARRAYS = ("ids", "low", "high", "has_hkd", "comparable", "t")
RUNS_FROM = 64  # fewer positions are picked one by one (finding runs would cost more)
Codes = tuple[np.ndarray, list[Any]]  # a number per claim, and the distinct values it stands for


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
        hkd = columns["value_hkd"]
        has_hkd = np.fromiter(map(is_not, hkd, repeat(None)), dtype=bool, count=n)
        days = np.fromiter(map(date.toordinal, columns["as_of"]), dtype=np.int64, count=n)
        self._set(
            {f: columns[f] for f in FIELDS},
            ids=np.asarray(columns["claim_id"], dtype=np.int64),
            low=np.asarray(columns["low"], dtype=np.float64),
            high=np.asarray(columns["high"], dtype=np.float64),
            has_hkd=has_hkd,
            comparable=np.where(  # value_hkd, else value (None is NaN in the first array)
                has_hkd, np.array(hkd, dtype=np.float64), np.array(columns["value"], np.float64)
            ),
            t=days - EPOCH_ORDINAL,
        )
        if points:
            self._points = list(points)

    def _set(self, columns: dict[str, Any], codes: dict[str, Codes] | None = None,
             **arrays: np.ndarray) -> None:  # fmt: skip
        """These claims: `columns` by field, each a list or a Sequence, an array (a number's
        list made when asked for) or missing (DOCUMENT_FIELDS, from the "documents" codes);
        the arrays (ARRAYS) computed on."""
        self._columns = columns
        self._codes = codes or {}
        self._coded_documents = "document" not in columns  # DOCUMENT_FIELDS from their codes
        self._lists: list[Sequence[Any]] | None = None  # FIELDS' lists, for making a point
        self._rows: np.ndarray | None = None  # a view: these rows of `_base`
        self._base: ClaimColumns = None  # type: ignore[assignment]  # a view's (no cycle)
        self._stored: Any = None  # of_stored: the stored claims' places
        for name in ARRAYS:
            setattr(self, name, arrays[name])
        self._points: list[ClaimPoint | None] = [None] * len(self.ids)

    @classmethod
    def of(cls, points: Sequence[ClaimPoint]) -> ClaimColumns:
        """These points as columns (a ClaimColumns is taken as it is)."""
        if isinstance(points, ClaimColumns):
            return points
        columns = {f: [getattr(p, f) for p in points] for f in FIELDS}
        return cls(columns, points)

    @classmethod
    def of_stored(
        cls,
        parts: tuple[dict[str, Any], dict[str, Codes], dict[str, np.ndarray]],
        keep: Sequence[int],
    ) -> ClaimColumns:
        """The stored claims at positions `keep` of db.series_claims' columns, from the
        columns, codes and arrays etl.check.stored.stored_claims made of them."""
        out = object.__new__(cls)
        columns, codes, arrays = parts
        out._set(columns, codes, **arrays)
        out._stored = keep
        return out

    def stored(self, values: Sequence[Any]) -> Sequence[Any]:
        """A column of the stored claims this was made from (of_stored), for these claims:
        an array's as an array."""
        if isinstance(values, np.ndarray):
            return values[np.asarray(self._stored, dtype=np.int64)]
        return picker(self._stored)(values)

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
            if self._lists is None:
                own = [f for f in FIELDS if f not in DOCUMENT_FIELDS or not self._coded_documents]
                self._lists = [self.column(f) for f in own]
            values = [c[i] for c in self._lists]
            if self._coded_documents:  # the document's fields from its code
                codes, docs = self._codes["documents"]
                values[12:12] = docs[codes[i]]
            point = ClaimPoint.of(*values)
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
        out._base = self if self._rows is None else self._base
        out._rows = rows
        out._columns = {}
        out._codes = {}
        for name in ARRAYS:
            setattr(out, name, getattr(self, name)[index])
        return out

    def rows(self) -> np.ndarray:
        """Each claim's place in the claims this one is a view of (itself, if none)."""
        return np.arange(len(self)) if self._rows is None else self._rows

    def column(self, field: str) -> Sequence[Any]:
        """One field's values, in order (not to be changed)."""
        found = self._columns.get(field)
        if found is None and self._rows is not None:
            found = picker(self._rows.tolist())(self._base.column(field))
        elif found is None:  # a document's field, from the documents' codes
            codes, docs = self._codes["documents"]
            values = [d[DOCUMENT_FIELDS.index(field)] for d in docs]
            found = list(map(values.__getitem__, codes.tolist()))
        elif isinstance(found, np.ndarray):  # a number's list (value_hkd: None where none)
            if field != "value_hkd" or self.has_hkd.all():
                found = found.tolist()
            elif not self.has_hkd.any():
                found = [None] * len(found)
            else:
                found = np.where(self.has_hkd, found.astype(object), None).tolist()
        else:
            return found
        self._columns[field] = found
        return found

    def distinct(self, field: str) -> list[Any]:
        """The distinct values of one field among these claims."""
        codes, values = self.codes(field)
        if self._rows is None:
            return values
        return [values[k] for k in sorted(set(codes.tolist()))]

    def codes(self, field: str) -> Codes:
        """One field's values as a code per claim and the distinct values (in order of first
        appearance in the claims this one is a view of: a view's may hold values none of its
        claims has); "documents": each claim's (kind, publisher, document)."""
        found = self._codes.get(field)
        if found is None:
            if self._rows is not None:
                base, values = self._base.codes(field)
                found = (base[self._rows], values)
            elif field == "documents":
                found = coded(list(zip(*map(self.column, DOCUMENT_FIELDS), strict=True)))
            else:
                found = coded(self.column(field))
            self._codes[field] = found
        return found


class Days(Sequence[date]):
    """Dates given as days since 1970-01-01 (an array), each made when asked for."""

    def __init__(self, days: np.ndarray) -> None:
        self.days = days

    def __len__(self) -> int:
        return len(self.days)

    @overload
    def __getitem__(self, i: int) -> date: ...

    @overload
    def __getitem__(self, i: slice) -> list[date]: ...

    def __getitem__(self, i: int | slice) -> date | list[date]:
        if isinstance(i, slice):
            return list(map(from_days, self.days[i].tolist()))
        return from_days(int(self.days[i]))


@cache
def from_days(days: int) -> date:
    """The date `days` after 1970-01-01 (made once per day: a series' claims share few)."""
    return date.fromordinal(EPOCH_ORDINAL + days)


def coded(values: Sequence[Any]) -> Codes:
    """A code per value, and the distinct values in order of first appearance."""
    n = len(values)
    if n and values.count(values[0]) == n:  # one value for all (often: a unit, no period)
        return np.zeros(n, dtype=np.int64), [values[0]]
    distinct = list(dict.fromkeys(values))
    code = {v: k for k, v in enumerate(distinct)}
    return np.fromiter(map(code.__getitem__, values), np.int64, n), distinct


def picker(keep: Sequence[int]):
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
