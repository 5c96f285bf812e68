"""claims.initial_status, unsure and corrects_uid; reviews.correction

Revision ID: 0007
Revises: 0008
Create Date: 2026-11-23 09:00:00

A claim the extractor was unsure of is stored as a candidate with its reasons (`unsure`) and
waits for a reviewer. A reviewer's correction is a `correct` review holding the corrected label;
the claim row that then counts is derived from it (`corrects_uid` points at the claim it
corrects). Claims stored before this are `auto`. The claims export gained the `unsure` column,
so the stored export lines are emptied: they are written again before the next export.

Columns are added and dropped in place (no batch copy of claims on SQLite: a copy would lose
the quote index's triggers and cascade-delete the claim lines).
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "claims",
        sa.Column("initial_status", sa.String(length=16), server_default="auto", nullable=False),
    )
    op.add_column(
        "claims", sa.Column("unsure", sa.String(length=64), server_default="", nullable=False)
    )
    op.add_column("claims", sa.Column("corrects_uid", sa.String(length=32), nullable=True))
    op.create_index("ix_claims_initial_status", "claims", ["initial_status", "id", "uid"])
    op.create_index("ix_claims_corrects_uid", "claims", ["corrects_uid"], unique=True)
    op.add_column("reviews", sa.Column("correction", sa.JSON(), nullable=True))
    op.execute("DELETE FROM claim_lines")


def downgrade() -> None:
    op.execute("DELETE FROM claim_lines")
    # Rows derived from corrections exist only through the review log being read this way.
    op.execute("DELETE FROM claims WHERE corrects_uid IS NOT NULL")
    op.drop_index("ix_claims_corrects_uid", table_name="claims")
    op.drop_index("ix_claims_initial_status", table_name="claims")
    for table, column in (
        ("reviews", "correction"),
        ("claims", "corrects_uid"),
        ("claims", "unsure"),
        ("claims", "initial_status"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
