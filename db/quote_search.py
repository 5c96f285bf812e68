"""The quote index on SQLite: which claims may hold a text, from the FTS5 trigram table.

Migration 0003 builds it (`claims_fts`, kept in step with claims by triggers). It answers a
superset of "lower(quote) contains text": the trigram tokenizer folds case for every script,
SQLite's lower() and LIKE only for ASCII, so the exact condition is always applied on top.
PostgreSQL needs none of this: its planner picks the pg_trgm index on lower(quote) itself.
"""

from __future__ import annotations

from sqlalchemy import Connection, Select, column, func, select, table, text
from sqlalchemy.exc import OperationalError

FTS_TABLE = "claims_fts"
# Its shadow tables (FTS5 makes them; an external-content table has no `_content`).
FTS_SHADOW_TABLES = tuple(f"{FTS_TABLE}_{s}" for s in ("data", "idx", "docsize", "config"))
FTS_TRIGGERS = ("claims_fts_after_insert", "claims_fts_after_delete", "claims_fts_after_update")
MIN_CHARS = 3  # a trigram index cannot look up less
TRGM_INDEX = "ix_claims_quote_trgm"  # PostgreSQL's GIN index on lower(quote)

_fts = table(FTS_TABLE, column("rowid"), column(FTS_TABLE))


def fts_phrase(needle: str) -> str | None:
    """The FTS5 query for quotes that contain `needle`, or None when it is too short."""
    if len(needle) < MIN_CHARS:
        return None
    return '"' + needle.replace('"', '""') + '"'  # a phrase: every character is literal


def candidates(phrase: str, limit: int | None = None) -> Select:
    """Ids (ascending) of the claims whose quote may contain the phrase; every claim that
    does is among them."""
    stmt = select(_fts.c.rowid).where(_fts.c[FTS_TABLE].match(phrase))
    return stmt if limit is None else stmt.limit(limit)


def has_quote_index(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    found = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"
    return conn.execute(text(found), {"name": FTS_TABLE}).first() is not None


def count_candidates(conn: Connection, phrase: str, limit: int) -> int | None:
    """How many claims may contain the phrase, counting no further than `limit`; None when
    the index cannot answer."""
    try:
        sub = candidates(phrase, limit).subquery()
        return conn.execute(select(func.count()).select_from(sub)).scalar_one()
    except OperationalError:  # e.g. FTS5 missing from this SQLite build
        return None
