"""The stored claims as the checks and the consensus see them (read through `db`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Engine

from db.conflicts import current_claims
from etl.check.points import ClaimPoint

# Claims whose number is known to be mangled say nothing about the series.
EXCLUDED_FLAGS = frozenset({"garbled"})
FALLBACK_RATES = {"HKD": 1.0, "USD": 7.8, "RMB": 1.08}  # when a claim carries no value_hkd


def to_point(row: Mapping[str, Any]) -> ClaimPoint:
    """A stored claim row as the checks see it: money compared in HKD."""
    value, hkd = row["value"], row["value_hkd"]
    rate = 1.0
    if row["unit"] in FALLBACK_RATES:
        rate = hkd / value if hkd is not None and value else FALLBACK_RATES[row["unit"]]
        hkd = value * rate if hkd is None else hkd
    return ClaimPoint(
        row["claim_id"],
        row["claim_uid"],
        row["entity"],
        row["metric"],
        value,
        row["unit"],
        row["qualifier"],
        row["value_low"] * rate,
        row["value_high"] * rate,
        row["as_of"],
        row["period"],
        hkd,
        row["kind"],
        row["publisher"],
        row["document"],
        row["quote"],
    )


def counts(status: str, flags: str | None) -> bool:
    """Whether a claim takes part in the checks: not rejected, not garbled."""
    return status != "rejected" and not set(filter(None, (flags or "").split(";"))) & EXCLUDED_FLAGS


def points_from_columns(
    cols: Mapping[str, Sequence[Any]],
) -> tuple[list[ClaimPoint], frozenset[int]]:
    """The claims that count (db.conflicts.series_claims columns) and the accepted ids."""
    names = list(cols)
    points, accepted = [], set()
    for values in zip(*(cols[n] for n in names), strict=True):
        row = dict(zip(names, values, strict=True))
        if not counts(row["status"], row["flags"]):
            continue
        points.append(to_point(row))
        if row["status"] == "accepted":
            accepted.add(row["claim_id"])
    return points, frozenset(accepted)


def load_points(
    engine: Engine, entity: str | None = None, metric: str | None = None
) -> tuple[list[ClaimPoint], frozenset[int]]:
    """Claims that count (not rejected, not garbled) and the ids of the accepted ones; of one
    entity and metric when given."""
    points, accepted = [], set()
    for row in current_claims(engine, entity, metric):
        if not counts(row["status"], row["flags"]):
            continue
        points.append(to_point(row))
        if row["status"] == "accepted":
            accepted.add(row["claim_id"])
    return points, frozenset(accepted)
