"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from db.engine import migrate
from db.metrics import catalogue
from db.models import Base


def test_upgrade_head_matches_models(engine: Engine) -> None:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_every_constraint_is_named(engine: Engine) -> None:
    insp = inspect(engine)
    for table in Base.metadata.tables:
        for fk in insp.get_foreign_keys(table):
            assert fk["name"], f"unnamed foreign key on {table}"
        for uq in insp.get_unique_constraints(table):
            assert uq["name"], f"unnamed unique constraint on {table}"


def test_migrate_twice_is_harmless_and_loads_the_catalogue(engine: Engine) -> None:
    migrate(engine)
    with engine.connect() as conn:
        keys = {r[0] for r in conn.exec_driver_sql("SELECT key FROM metrics")}
    assert keys == set(catalogue())
    assert {"companies", "unicorns", "funding_raised", "local_share_pct"} <= keys
