"""Database URL resolution, engine creation (SQLite WAL + busy timeout) and migrations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, Row, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql import Executable

from db.metrics import sync_catalogue
from db.urls import ROOT, database_url

if TYPE_CHECKING:
    from alembic.config import Config

VERSIONS = ROOT / "db" / "migrations" / "versions"
_REVISION_RE = re.compile(r"^revision(?:: [\w |]+)? = [\"']([^\"']+)[\"']", re.M)
_DOWN_REVISION_RE = re.compile(r"^down_revision(?:: [\w |]+)? = [\"']([^\"']+)[\"']", re.M)
SQLITE_BUSY_TIMEOUT_MS = 30_000


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


_ENGINES: list[Engine] = []


def dispose_all() -> None:
    """Close every pooled connection of the engines this process made."""
    for engine in _ENGINES:
        engine.dispose()


@cache
def get_engine(url: str | None = None) -> Engine:
    """One engine per URL for the life of the process."""
    url = database_url(url)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    _ENGINES.append(engine)
    return engine


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "db" / "migrations"))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


@cache
def head_revision() -> str | None:
    """The newest migration, read from the migration files themselves (without loading
    Alembic): the one revision no other revises. None when that is not one revision."""
    revisions, revised = set(), set()
    for path in VERSIONS.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = _REVISION_RE.search(text)
        if found is None:
            return None
        revisions.add(found.group(1))
        revised.update(_DOWN_REVISION_RE.findall(text))
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def _at_head(engine: Engine) -> bool:
    """Whether the database's schema is the newest migration's (one cheap query)."""
    head = head_revision()
    if head is None:
        return False
    try:
        with engine.connect() as conn:
            stored = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except Exception:  # no such table yet: a new database
        return False
    return [tuple(r) for r in stored] == [(head,)]


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration and sync the metric catalogue. A database
    already there costs one query (Alembic is loaded only to upgrade)."""
    if not _at_head(engine):
        from alembic import command

        with engine.begin() as conn:
            cfg = alembic_config(engine)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    sync_catalogue(engine)


@cache
def _sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def open_db(url: str | None = None) -> Engine:
    """The engine for `url`, migrated and ready."""
    engine = get_engine(url)
    migrate(engine)
    return engine


def read_all(bind: Engine | Connection, stmt: Executable) -> list[Row]:
    """Every row of `stmt`: on a connection of its own (an engine), or in the caller's."""
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            return conn.execute(stmt).all()
    return bind.execute(stmt).all()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session in one transaction: committed on success, rolled back on any error."""
    with _sessionmaker(engine)() as session, session.begin():
        yield session
