"""claims.flags indexed: the few flagged claims found without reading every claim

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-04 22:50:00

The believed series weighs each document by how many of its figures are garbled or impossible;
with the index those claims are a range read (flags > '') instead of a pass over a million.
"""

from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_claims_flags"), "claims", ["flags", "document_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_claims_flags"), table_name="claims")
