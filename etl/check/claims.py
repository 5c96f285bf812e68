"""The stored claims as the checks and the consensus see them (read through `db`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import compress, filterfalse
from typing import Any

from sqlalchemy import Engine

from db.series_claims import claim_quotes, places, series_claims
from etl.check.columns import ClaimColumns
from etl.check.stored import columns_from_stored

# Claims whose number is known to be mangled say nothing about the series.
EXCLUDED_FLAGS = frozenset({"garbled"})


def counts(status: str, flags: str | None) -> bool:
    """Whether a claim takes part in the checks: not rejected, not garbled."""
    return status != "rejected" and not set(filter(None, (flags or "").split(";"))) & EXCLUDED_FLAGS


def points_from_columns(cols: Mapping[str, Sequence[Any]]) -> tuple[ClaimColumns, frozenset[int]]:
    """The claims that count (db.series_claims.series_claims columns; quotes "" when there are
    none: the checks read them only where needed), money in HKD, and the accepted ids."""
    status, flags, ids = cols["status"], cols["flags"], cols["claim_id"]
    drop = set(places(status, "rejected"))
    drop.update(k for k in compress(range(len(flags)), flags) if not counts(status[k], flags[k]))
    keep = list(filterfalse(drop.__contains__, range(len(ids)))) if drop else range(len(ids))
    quotes = cols["quote"] if "quote" in cols else [""] * len(ids)
    accepted = frozenset(int(ids[k]) for k in places(status, "accepted") if k not in drop)
    return columns_from_stored(cols, keep, quotes), accepted


def load_points(engine: Engine, entity: str, metric: str) -> tuple[ClaimColumns, frozenset[int]]:
    """One series' claims that count (not rejected, not garbled) and the ids of the accepted
    ones, with their quotes, read through the one selection the checks use
    (db.series_claims.series_claims)."""
    with engine.connect() as conn:
        cols = series_claims(conn, entity, metric)
        ids = cols["claim_id"].tolist()
        quotes = claim_quotes(conn, ids)
    cols["quote"] = [quotes[i] for i in ids]
    return points_from_columns(cols)
