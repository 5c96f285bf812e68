"""claim quote search: an index answering "quote contains <text>"

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 06:30:00

SQLite: an FTS5 table with the trigram tokenizer over claims.quote (external content: it
stores the index only), kept in step by three triggers and filled for the claims already
stored. PostgreSQL: the pg_trgm extension (trusted since PostgreSQL 13, so the database owner
may create it) and a GIN trigram index on lower(quote), the expression the grid filter
compares. Where neither is available the upgrade leaves a warning and no index: the filter
stays correct, only slower.

A later revision that rebuilds the claims table in batch mode (copy and rename, on SQLite)
drops these triggers with the old table and must create them again.
"""

import logging

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")

FTS = "claims_fts"
TRIGGERS = ("claims_fts_after_insert", "claims_fts_after_delete", "claims_fts_after_update")
TRGM_INDEX = "ix_claims_quote_trgm"

SQLITE_UP = (
    f"CREATE VIRTUAL TABLE {FTS} USING fts5("
    "quote, content='claims', content_rowid='id', tokenize='trigram')",
    f"""CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON claims BEGIN
        INSERT INTO {FTS}(rowid, quote) VALUES (new.id, new.quote);
    END""",
    f"""CREATE TRIGGER {TRIGGERS[1]} AFTER DELETE ON claims BEGIN
        INSERT INTO {FTS}({FTS}, rowid, quote) VALUES ('delete', old.id, old.quote);
    END""",
    f"""CREATE TRIGGER {TRIGGERS[2]} AFTER UPDATE OF id, quote ON claims BEGIN
        INSERT INTO {FTS}({FTS}, rowid, quote) VALUES ('delete', old.id, old.quote);
        INSERT INTO {FTS}(rowid, quote) VALUES (new.id, new.quote);
    END""",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",  # index the claims already stored
)


def _sqlite_upgrade(bind: sa.Connection) -> None:
    if not bind.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar():
        log.warning("SQLite without FTS5: quote search runs without an index")
        return
    for statement in SQLITE_UP:
        bind.exec_driver_sql(statement)


def _postgresql_upgrade(bind: sa.Connection) -> None:
    installed = "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"
    if bind.exec_driver_sql(installed).first() is None:
        available = "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
        if bind.exec_driver_sql(available).first() is None:
            log.warning("pg_trgm is not installed on the server: quote search runs unindexed")
            return
        try:
            with bind.begin_nested():  # a refusal must not abort the migration's transaction
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except sa.exc.DBAPIError as e:
            log.warning("cannot create extension pg_trgm (%s): quote search runs unindexed", e.orig)
            return
    bind.exec_driver_sql(
        f"CREATE INDEX {TRGM_INDEX} ON claims USING gin (lower(quote) gin_trgm_ops)"
    )


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _sqlite_upgrade(bind)
    elif bind.dialect.name == "postgresql":
        _postgresql_upgrade(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in TRIGGERS:
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS}")
    elif bind.dialect.name == "postgresql":
        # The extension stays: other objects may use it, and only its owner may drop it.
        bind.exec_driver_sql(f"DROP INDEX IF EXISTS {TRGM_INDEX}")
