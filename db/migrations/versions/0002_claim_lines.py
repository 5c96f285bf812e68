"""claim_lines: each claim's export line, written at ingest

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 06:00:00

Existing claims get their lines before the next claims export (db.claims_csv.fill_claim_lines).
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_lines",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_lines_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_lines")),
    )


def downgrade() -> None:
    op.drop_table("claim_lines")
