"""The stored claims as the checks and the consensus see them (read through `db`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Engine

from db.series_claims import claim_quotes, series_claims
from etl.check.points import ClaimPoint

# Claims whose number is known to be mangled say nothing about the series.
EXCLUDED_FLAGS = frozenset({"garbled"})
FALLBACK_RATES = {"HKD": 1.0, "USD": 7.8, "RMB": 1.08}  # when a claim carries no value_hkd


POINT_COLUMNS = ("claim_id", "claim_uid", "entity", "metric", "value", "unit", "qualifier",
                 "value_low", "value_high", "as_of", "period", "value_hkd", "kind", "publisher",
                 "document", "quote")  # fmt: skip


def _point(cid, uid, entity, metric, value, unit, qual, low, high, as_of, period, hkd, kind,
           publisher, document, quote) -> ClaimPoint:  # fmt: skip
    """POINT_COLUMNS' values as the checks see them: money compared in HKD."""
    rate = 1.0
    if unit in FALLBACK_RATES:
        rate = hkd / value if hkd is not None and value else FALLBACK_RATES[unit]
        hkd = value * rate if hkd is None else hkd
    return ClaimPoint(cid, uid, entity, metric, value, unit, qual, low * rate, high * rate,
                      as_of, period, hkd, kind, publisher, document, quote)  # fmt: skip


def counts(status: str, flags: str | None) -> bool:
    """Whether a claim takes part in the checks: not rejected, not garbled."""
    return status != "rejected" and not set(filter(None, (flags or "").split(";"))) & EXCLUDED_FLAGS


def points_from_columns(
    cols: Mapping[str, Sequence[Any]],
) -> tuple[list[ClaimPoint], frozenset[int]]:
    """The claims that count (db.series_claims.series_claims columns; quotes "" when there are
    none: the checks read them only where needed) and the accepted ids."""
    points, accepted = [], set()
    quotes = cols["quote"] if "quote" in cols else [""] * len(cols["claim_id"])
    columns = [cols[c] for c in POINT_COLUMNS[:-1]]
    rows = zip(*columns, quotes, cols["status"], cols["flags"], strict=True)
    for *values, status, flags in rows:
        if status == "rejected" or (flags and not counts(status, flags)):
            continue
        points.append(_point(*values))
        if status == "accepted":
            accepted.add(values[0])
    return points, frozenset(accepted)


def load_points(
    engine: Engine, entity: str, metric: str
) -> tuple[list[ClaimPoint], frozenset[int]]:
    """One series' claims that count (not rejected, not garbled) and the ids of the accepted
    ones, with their quotes, read through the one selection the checks use
    (db.series_claims.series_claims)."""
    with engine.connect() as conn:
        cols = series_claims(conn, entity, metric)
        quotes = claim_quotes(conn, cols["claim_id"])
    cols["quote"] = [quotes[i] for i in cols["claim_id"]]
    return points_from_columns(cols)
