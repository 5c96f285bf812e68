"""ix_claims_series (a series' claims with what the checks read), series_copies and
ix_claims_listed (the claims grid's default view)

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-05 00:00:00

The checks of a big series read one covering index in order instead of each claim's row:
ix_claims_series replaces ix_claims_entity_metric_as_of (its first three columns are that
index). series_copies keeps, per point of a series, which of its claims repeat one another,
so a check reuses it where the point's claims are unchanged; it starts empty (the next check
of each series fills it). ix_claims_listed holds the claims not stored as candidates by date:
the claims grid's default view walks it without testing each claim (db.claims_listed).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None

SERIES_COLUMNS = ["entity", "metric", "as_of", "period", "value", "value_low", "value_high",
                  "value_hkd", "unit", "qualifier", "flags", "initial_status", "document_id",
                  "uid", "id"]  # fmt: skip


LISTED = "initial_status <> 'candidate'"


def upgrade() -> None:
    op.create_index("ix_claims_series", "claims", SERIES_COLUMNS, unique=False)
    op.create_index(
        "ix_claims_listed",
        "claims",
        ["as_of", "id"],
        unique=False,
        sqlite_where=sa.text(LISTED),
        postgresql_where=sa.text(LISTED),
    )
    op.drop_index("ix_claims_entity_metric_as_of", table_name="claims")
    op.create_table(
        "series_copies",
        sa.Column("entity", sa.String(length=300), nullable=False),
        sa.Column("metric", sa.String(length=64), nullable=False),
        sa.Column("members", sa.String(length=32), nullable=False),
        sa.Column("labels", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "metric", "members", name=op.f("pk_series_copies")),
    )


def downgrade() -> None:
    op.drop_table("series_copies")
    op.drop_index("ix_claims_listed", table_name="claims")
    op.create_index(
        "ix_claims_entity_metric_as_of", "claims", ["entity", "metric", "as_of"], unique=False
    )
    op.drop_index("ix_claims_series", table_name="claims")
