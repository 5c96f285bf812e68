"""Which rows each CSV export holds: one registry for the command line and the web routes."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from db.claims import ClaimFilter

EXPORT_KINDS = ("claims", "series", "conflicts", "documents", "reviews")
Rows = Callable[["Engine", "ClaimFilter"], Iterator[dict[str, Any]]]


def exporter(kind: str) -> tuple[Sequence[str], Rows]:
    """Header and row source of one export kind."""
    if kind == "claims":
        from db.claims import CLAIM_COLUMNS, iter_claims

        return CLAIM_COLUMNS, iter_claims
    if kind == "documents":
        from db.documents import DOCUMENT_COLUMNS, iter_documents

        return DOCUMENT_COLUMNS, lambda engine, _filt: iter_documents(engine)
    if kind == "conflicts":
        from db.conflicts import CONFLICT_COLUMNS, iter_conflicts

        return CONFLICT_COLUMNS, iter_conflicts
    if kind == "series":
        from etl.check import SERIES_COLUMNS, iter_series

        return SERIES_COLUMNS, iter_series
    if kind == "reviews":
        from db.reviews import REVIEW_COLUMNS, iter_reviews

        return REVIEW_COLUMNS, iter_reviews
    raise ValueError(f"unknown export {kind!r}; one of: {', '.join(EXPORT_KINDS)}")
