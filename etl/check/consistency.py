"""Re-run the checks over the stored claims and store what they find (idempotent)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from db.conflicts import StoreSummary, current_claims, store_findings
from db.metrics import catalogue
from etl.check.checks import Thresholds, detect_all
from etl.check.points import ClaimPoint

# Claims whose number is known to be mangled say nothing about the series.
EXCLUDED_FLAGS = frozenset({"garbled"})
FALLBACK_RATES = {"HKD": 1.0, "USD": 7.8, "RMB": 1.08}  # when a claim carries no value_hkd
RETRIES = 5
_lock = threading.Lock()


@dataclass(frozen=True)
class RefreshSummary:
    claims: int  # claims the checks looked at
    found: int  # conflicts found now
    new: int
    reactivated: int
    deactivated: int
    reopened: int  # resolved by a reviewer, re-created by new claims

    def line(self) -> str:
        return (
            f"{self.found} conflicts over {self.claims} claims: {self.new} new, "
            f"{self.reactivated} back, {self.deactivated} gone, {self.reopened} reopened"
        )


def to_point(row: dict[str, Any]) -> ClaimPoint:
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


def load_points(
    engine: Engine, entity: str | None = None, metric: str | None = None
) -> tuple[list[ClaimPoint], frozenset[int]]:
    """Claims that count (not rejected, not garbled) and the ids of the accepted ones; of one
    entity and metric when given."""
    points, accepted = [], set()
    for row in current_claims(engine, entity, metric):
        flags = set(filter(None, (row["flags"] or "").split(";")))
        if row["status"] == "rejected" or flags & EXCLUDED_FLAGS:
            continue
        points.append(to_point(row))
        if row["status"] == "accepted":
            accepted.add(row["claim_id"])
    return points, frozenset(accepted)


def metric_rules() -> dict[str, tuple[str, bool]]:
    return {k: (m.label, m.cumulative) for k, m in catalogue().items()}


def refresh(engine: Engine, th: Thresholds | None = None) -> RefreshSummary:
    """Detect conflicts over the current claims and store them: same conflict, same id."""
    th = th or Thresholds()
    for attempt in range(RETRIES):
        try:
            with _lock:  # one refresh at a time in this process
                points, _ = load_points(engine)
                findings = detect_all(points, metric_rules(), th)
                stored: StoreSummary = store_findings(engine, findings)
            break
        except (OperationalError, IntegrityError):  # another process refreshed meanwhile
            if attempt == RETRIES - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
    return RefreshSummary(
        len(points),
        stored.found,
        stored.new,
        stored.reactivated,
        stored.deactivated,
        stored.reopened,
    )
