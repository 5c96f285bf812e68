"""`export series`: the stored consensus series, with the open conflicts of its claims."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

from db.claims import ClaimFilter
from db.conflicts import open_conflict_ids
from db.series_store import read_series
from etl.check.consistency import settle
from etl.check.series import SERIES_COLUMNS


def iter_series(engine: Engine, filt: ClaimFilter | None = None) -> Iterator[dict[str, Any]]:
    """Rows for `export series` from the stored series (metric, entity and date filters
    apply), after finishing any series still waiting for its checks."""
    filt = filt or ClaimFilter()
    settle(engine)
    conflicts = open_conflict_ids(engine)
    rows = read_series(engine, filt.entity, filt.metric, date_from=filt.date_from,
                       date_to=filt.date_to)  # fmt: skip
    rows.sort(key=lambda r: (r["entity"], r["metric"], r["period"] or "", r["as_of"]))
    for r in rows:
        supporting = [int(c) for c in r["claim_ids"].split(";") if c]
        ids = sorted({c for claim in supporting for c in conflicts.get(claim, ())})
        r["conflict_ids"] = ";".join(map(str, ids))
        yield {k: r[k] for k in SERIES_COLUMNS}
