"""documents.extractor_version: the extractor that made a document's claims

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 06:30:00

Ingest extracts a stored file again when a newer extractor meets it. Documents stored before
this take the version of their claims; one without claims is extracted again once.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("extractor_version", sa.String(length=32)))
    op.execute(
        "UPDATE documents SET extractor_version = (SELECT max(claims.extractor_version)"
        " FROM claims WHERE claims.document_id = documents.id)"
    )


def downgrade() -> None:
    # In place on SQLite too (3.35+): a batch copy of documents would cascade-delete claims.
    op.execute("ALTER TABLE documents DROP COLUMN extractor_version")
