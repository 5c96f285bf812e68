"""conflicts: an index for the review queue's pages (active, severity, id)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 22:05:00
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_conflicts_active_severity_id", "conflicts", ["active", "severity", "id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_conflicts_active_severity_id", table_name="conflicts")
