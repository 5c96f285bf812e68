"""Alembic environment: runs on a connection handed in by `db.engine.migrate`, or on a URL."""

from alembic import context
from sqlalchemy import create_engine

from db.engine import database_url
from db.models import Base

config = context.config
target_metadata = Base.metadata


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    url = config.get_main_option("sqlalchemy.url") or database_url()
    with create_engine(url).connect() as conn:
        run(conn)
        conn.commit()
