"""A cheap fingerprint of the stored data, for caches that must drop when anything changes."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from db.models import Claim, Conflict, Document, Review, StoredSeriesPoint


def data_version(engine: Engine) -> tuple:
    """Changes whenever documents, claims, reviews, conflicts or stored series points are added,
    replaced or removed.

    Claims are only ever inserted (a replaced document's claims get new ids) and reviews are
    append-only, so newest ids plus row counts of the small tables say it all; each is an
    index lookup, not a scan.
    """
    with engine.connect() as conn:
        return tuple(
            conn.execute(
                select(
                    select(func.max(Claim.id)).scalar_subquery(),
                    select(func.max(Document.id)).scalar_subquery(),
                    select(func.count(Document.id)).scalar_subquery(),
                    select(func.max(Review.id)).scalar_subquery(),
                    select(func.max(Conflict.last_seen_at)).scalar_subquery(),
                    select(func.count(Conflict.id))
                    .where(Conflict.active.is_(True))
                    .scalar_subquery(),
                    # A point stored anew gets a new, higher id (db.series_store).
                    select(func.max(StoredSeriesPoint.id)).scalar_subquery(),
                    select(func.count(StoredSeriesPoint.id)).scalar_subquery(),
                )
            ).one()
        )
