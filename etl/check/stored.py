"""The stored claims of a series (db.series_claims' columns) as ClaimColumns computes on.

The numbers come as arrays and stay arrays: the claims that count are taken, money converted
to HKD and the comparable values found on the arrays, with no object per claim; the lists of
the other fields are picked once, and the numbers' lists made only if a point is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import repeat
from operator import is_not
from typing import TYPE_CHECKING, Any

import numpy as np

from etl.check.columns import (
    DOCUMENT_FIELDS,
    EPOCH_ORDINAL,
    ClaimColumns,
    Codes,
    Days,
    coded,
    picker,
)

if TYPE_CHECKING:
    from db.series_documents import SeriesDocuments

FALLBACK_RATES = {"HKD": 1.0, "USD": 7.8, "RMB": 1.08}  # when a claim carries no value_hkd
_LISTED = {"uid": "claim_uid", "entity": "entity", "metric": "metric", "unit": "unit",
           "qualifier": "qualifier", "period": "period"}  # fmt: skip


def columns_from_stored(
    cols: Mapping[str, Any], keep: Sequence[int], quotes: Sequence[str]
) -> ClaimColumns:
    """The stored claims at positions `keep` of db.series_claims' columns, money in HKD as
    the checks compare it."""
    return ClaimColumns.of_stored(stored_claims(cols, keep, quotes), keep)


def stored_claims(
    cols: Mapping[str, Any], keep: Sequence[int], quotes: Sequence[str]
) -> tuple[dict[str, Any], dict[str, Codes], dict[str, np.ndarray]]:
    """The claims at positions `keep` of db.series_claims' columns (numbers as arrays or
    lists; `days`, else `as_of` dates; `documents` and `document_id`, else the columns of
    DOCUMENT_FIELDS): ClaimColumns' columns, codes and arrays, money in HKD as the checks
    compare it (the claim's own rate, else a fallback rate)."""
    pick = picker(keep)
    at = np.asarray(keep, dtype=np.int64)
    columns: dict[str, Any] = {f: pick(cols[name]) for f, name in _LISTED.items()}
    columns["quote"] = pick(quotes)
    ids = _numbers(cols["claim_id"], np.int64)[at]
    value = _numbers(cols["value"], np.float64)[at]
    low = _numbers(cols["value_low"], np.float64)[at]
    high = _numbers(cols["value_high"], np.float64)[at]
    hkd, has = _optional(cols, at)
    unit, units = coded(columns["unit"])
    rates = np.array([FALLBACK_RATES.get(u, np.nan) for u in units], dtype=np.float64)[unit]
    money = ~np.isnan(rates)
    if money.any():  # few: their own rate (value_hkd / value), else the fallback
        own = money & has & (value != 0)
        with np.errstate(over="ignore", invalid="ignore"):  # as Python's floats: inf, nan
            rate = np.where(own, np.divide(hkd, value, out=np.ones_like(hkd), where=own), rates)
            hkd = np.where(money & ~has, value * rate, hkd)
            low, high = np.where(money, low * rate, low), np.where(money, high * rate, high)
        has = has | money
    if "days" in cols:  # dates as days since 1970-01-01: a date is made when asked for
        t = _numbers(cols["days"], np.int64)[at]
        columns["as_of"] = Days(t)
    else:
        columns["as_of"] = pick(cols["as_of"])
        t = np.fromiter((d.toordinal() for d in columns["as_of"]), np.int64, len(at))
        t -= EPOCH_ORDINAL
    columns.update(claim_id=ids, value=value, low=low, high=high, value_hkd=hkd)
    codes: dict[str, Codes] = {"unit": (unit, units)}
    if "documents" in cols:
        codes["documents"] = _documents(cols["documents"], _numbers(cols["document_id"],
                                                                    np.int64)[at])  # fmt: skip
    else:
        columns.update({f: pick(cols[f]) for f in DOCUMENT_FIELDS})
    comparable = np.where(has, hkd, value)
    arrays = {"ids": ids, "low": low, "high": high, "has_hkd": has, "comparable": comparable,
              "t": t}  # fmt: skip
    return columns, codes, arrays


def _numbers(values: Sequence[Any], dtype: type) -> np.ndarray:
    return values if isinstance(values, np.ndarray) else np.asarray(values, dtype=dtype)


def _optional(cols: Mapping[str, Any], at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """value_hkd (NaN where there is none) and whether there is one, for these claims."""
    hkd = cols["value_hkd"]
    if isinstance(hkd, np.ndarray):
        return hkd[at], cols["has_hkd"][at]
    has = np.fromiter(map(is_not, hkd, repeat(None)), dtype=bool, count=len(hkd))
    return np.array(hkd, dtype=np.float64)[at], has[at]


def _documents(documents: SeriesDocuments, doc_ids: np.ndarray) -> Codes:
    """Each claim's document as a code of (kind, publisher, name), from the documents."""
    found = list(zip(documents.kinds, documents.publishers, documents.names, strict=True))
    return documents.positions(doc_ids), found
