"""ix_claims_series (a series' claims with what the checks read), series_copies,
ix_claims_listed (the claims grid's default view) and document_counts

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-05 00:00:00

The checks of a big series read one covering index in order instead of each claim's row:
ix_claims_series replaces ix_claims_entity_metric_as_of (its first three columns are that
index). series_copies keeps, per point of a series, which of its claims repeat one another,
so a check reuses it where the point's claims are unchanged; it starts empty (the next check
of each series fills it). ix_claims_listed holds the claims not stored as candidates by date:
the claims grid's default view walks it without testing each claim (db.claims_listed).
document_counts holds each document's number of claim rows, kept by triggers on claims (SQLite
and PostgreSQL) and filled for the claims already stored.
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
TRIGGERS = ("document_counts_after_insert", "document_counts_after_delete",
            "document_counts_after_update")  # fmt: skip
_ADD = ("INSERT INTO document_counts (document_id, claims) VALUES ({0}.document_id, 1) "
        "ON CONFLICT (document_id) DO UPDATE SET claims = document_counts.claims + 1")  # fmt: skip
_TAKE = "UPDATE document_counts SET claims = claims - 1 WHERE document_id = {0}.document_id"
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON claims BEGIN {_ADD.format('new')}; END",
    f"CREATE TRIGGER {TRIGGERS[1]} AFTER DELETE ON claims BEGIN {_TAKE.format('old')}; END",
    f"CREATE TRIGGER {TRIGGERS[2]} AFTER UPDATE OF document_id ON claims BEGIN "
    f"{_TAKE.format('old')}; {_ADD.format('new')}; END",
)
POSTGRESQL_TRIGGERS = (
    f"""CREATE OR REPLACE FUNCTION document_counts_track() RETURNS trigger AS $$
    BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN {_TAKE.format('OLD')}; END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN {_ADD.format('NEW')}; END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER document_counts_track AFTER INSERT OR DELETE OR UPDATE OF document_id "
    "ON claims FOR EACH ROW EXECUTE FUNCTION document_counts_track()",
)


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
        "document_counts",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_counts_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_document_counts")),
    )
    op.execute(
        "INSERT INTO document_counts (document_id, claims)"
        " SELECT document_id, count(*) FROM claims GROUP BY document_id"
    )
    bind = op.get_bind()
    for statement in SQLITE_TRIGGERS if bind.dialect.name == "sqlite" else POSTGRESQL_TRIGGERS:
        bind.exec_driver_sql(statement)
    op.create_table(
        "series_copies",
        sa.Column("entity", sa.String(length=300), nullable=False),
        sa.Column("metric", sa.String(length=64), nullable=False),
        sa.Column("members", sa.String(length=32), nullable=False),
        sa.Column("labels", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "metric", "members", name=op.f("pk_series_copies")),
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in TRIGGERS:
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    else:
        bind.exec_driver_sql("DROP TRIGGER IF EXISTS document_counts_track ON claims")
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS document_counts_track()")
    op.drop_table("document_counts")
    op.drop_table("series_copies")
    op.drop_index("ix_claims_listed", table_name="claims")
    op.create_index(
        "ix_claims_entity_metric_as_of", "claims", ["entity", "metric", "as_of"], unique=False
    )
    op.drop_index("ix_claims_series", table_name="claims")
