"""Rows as the database driver gives them, for the reads that take many (a series' claims)."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Connection, Dialect, Select


def raw_rows(
    conn: Connection, stmt: Select, params: dict[str, Any], *, binary: bool = False
) -> list[tuple]:
    """Every row as the database driver gives it (no per-row processing: dates may be text).
    `binary` (for a statement made once: its SQL is kept): PostgreSQL sends the rows in its
    binary format, no number written out as text by the server and read back by the driver."""
    if not binary or conn.dialect.name != "postgresql":
        return conn.execute(stmt, params).cursor.fetchall()
    sql, defaults = _compiled(stmt, conn.dialect)
    with conn.connection.driver_connection.cursor(binary=True) as cur:  # type: ignore[union-attr]
        cur.execute(sql, {**defaults, **params})
        return cur.fetchall()


@cache
def _compiled(stmt: Select, dialect: Dialect) -> tuple[str, dict[str, Any]]:
    """A statement's SQL for the driver, and its parameters' own values."""
    compiled = stmt.compile(dialect=dialect)
    return str(compiled), dict(compiled.params)
