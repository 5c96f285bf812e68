"""Shared fixtures: a fresh migrated database per test (SQLite, or PostgreSQL when asked)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Engine, text

from db.engine import get_engine, open_db
from db.models import Base

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")

# Property tests judge results, not speed: a loaded CI machine must not fail them on time.
settings.register_profile("project", deadline=None)
settings.load_profile("project")


def reset_postgres(url: str) -> Engine:
    """Drop every table of the test database so each test starts from an empty schema."""
    engine = get_engine(url)
    with engine.begin() as conn:
        Base.metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    return engine


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """URL of an empty database: PostgreSQL if TEST_DATABASE_URL is set, else a new SQLite file."""
    if TEST_DATABASE_URL:
        reset_postgres(TEST_DATABASE_URL)
        return TEST_DATABASE_URL
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def engine(db_url: str) -> Engine:
    """A fresh database, migrated to the newest schema."""
    return open_db(db_url)
