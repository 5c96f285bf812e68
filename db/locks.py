"""Write transactions that hold the database's own locks, so processes take turns.

On SQLite a write transaction starts with `BEGIN IMMEDIATE`: it takes the database's write
lock before reading, so what it reads cannot change under it and a second writer waits (busy
timeout) instead of failing when it commits. On PostgreSQL a series' checks also take a
transaction-scoped advisory lock keyed by the series, so two processes never check the same
series at once while other series go ahead in parallel.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, text


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in one write transaction: committed on success, rolled back on error."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()


def series_lock_key(entity: str, metric: str) -> int:
    """A signed 64-bit key for PostgreSQL's advisory locks, the same in every process."""
    digest = hashlib.sha256(f"{entity}\x1f{metric}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@contextmanager
def series_transaction(engine: Engine, series: Iterable[tuple[str, str]]) -> Iterator[Connection]:
    """A write transaction holding the lock of each of these (entity, metric) series."""
    with write_transaction(engine) as conn:
        if conn.dialect.name == "postgresql":
            for key in sorted({series_lock_key(e, m) for e, m in series}):  # one order: no deadlock
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})
        yield conn
