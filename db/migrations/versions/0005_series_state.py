"""dirty_series and series_points: checks per series, and the stored consensus series

Revision ID: 0005
Revises: 0007
Create Date: 2026-12-04 22:00:00

Every series already holding claims is marked dirty, so the next command (or the app at
start) checks it and stores its consensus series once.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dirty_series",
        sa.Column("entity", sa.String(length=300), nullable=False),
        sa.Column("metric", sa.String(length=64), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("entity", "metric", name=op.f("pk_dirty_series")),
    )
    op.create_table(
        "series_points",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=300), nullable=False),
        sa.Column("metric", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("value_low", sa.Float(), nullable=False),
        sa.Column("value_high", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("claim_ids", sa.Text(), nullable=False),
        sa.Column("overridden_claim_ids", sa.Text(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("disputed", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series_points")),
    )
    op.create_index(
        "ix_series_points_entity_metric",
        "series_points",
        ["entity", "metric", "period", "as_of"],
        unique=False,
    )
    op.execute(
        "INSERT INTO dirty_series (entity, metric, token, marked_at)"
        " SELECT DISTINCT entity, metric, 'migrated', CURRENT_TIMESTAMP FROM claims"
    )


def downgrade() -> None:
    op.drop_index("ix_series_points_entity_metric", table_name="series_points")
    op.drop_table("series_points")
    op.drop_table("dirty_series")
