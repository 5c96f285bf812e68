"""Rows inserted with their ids given, through the driver: SQLite's fast way to add many.

SQLite gives a new row of a table keyed by an integer the id one above the table's largest.
Inside a write transaction (which the writers hold: db.locks, db.document_writer) those ids can
be handed out before inserting, so rows need no RETURNING and no statement built per group: one
prepared INSERT per table, run over plain tuples. The values are bound exactly as SQLAlchemy
binds them (its bind processors: dates as ISO text, floats as floats) and the columns a row
leaves out get their Python-side defaults, so the stored rows are the ones `insert(table)`
would store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.engine import Dialect

PARAMETERS = 30_000  # bound values per statement, at most (SQLite allows 32,766)
Processor = Callable[[Any], Any]
Plan = tuple[str, tuple[tuple[int, Processor], ...], tuple[Callable[[], Any], ...]]


def next_id(conn: Connection, table: Table) -> int:
    """The id SQLite gives the table's next new row."""
    return next_ids(conn, (table,))[0]


def next_ids(conn: Connection, tables: Sequence[Table]) -> list[int]:
    """The id SQLite gives each table's next new row, read in one statement."""
    quote = conn.dialect.identifier_preparer.quote
    sql = ", ".join(f"(SELECT max(id) FROM {quote(t.name)})" for t in tables)
    row = conn.exec_driver_sql(f"SELECT {sql}").one()
    return [(top or 0) + 1 for top in row]


@cache
def _plan(table: Table, keys: tuple[str, ...], numbered: bool, dialect: Dialect) -> Plan:
    """The INSERT for rows with these keys (the id first when `numbered`, then the keys, then
    the columns left out that have a Python-side default), the place and bind processor of
    each column that has one, and those defaults."""
    own = ("id", *keys) if numbered else keys
    left_out = [c for c in table.columns if c.name not in own and c.default is not None]
    defaults = []
    for c in left_out:
        arg = c.default.arg  # type: ignore[union-attr]
        # A callable default takes the execution context, which none of these defaults read.
        defaults.append((lambda f=arg: f(None)) if callable(arg) else (lambda v=arg: v))
    names = (*own, *(c.name for c in left_out))
    quote = dialect.identifier_preparer.quote
    sql = f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, names))}) VALUES "
    found = ((k, table.c[n].type._cached_bind_processor(dialect)) for k, n in enumerate(names))
    return sql, tuple((k, p) for k, p in found if p is not None), tuple(defaults)


def insert_numbered(
    conn: Connection, table: Table, rows: Sequence[dict], first_id: int | None
) -> None:
    """Insert `rows` (each with the same keys) as ids first_id, first_id + 1, ... (None: the
    rows hold their keys), inside the caller's write transaction."""
    if not rows:
        return
    keys = tuple(rows[0])
    sql, processors, defaults = _plan(table, keys, first_id is not None, conn.dialect)
    get = itemgetter(*keys) if len(keys) > 1 else (lambda row: (row[keys[0]],))
    ids = [()] * len(rows) if first_id is None else [(first_id + k,) for k in range(len(rows))]
    values = []
    for own, row in zip(ids, rows, strict=True):
        value = [*own, *get(row), *[d() for d in defaults]]
        for at, process in processors:
            if value[at] is not None:
                value[at] = process(value[at])
        values.append(value)
    # Many rows a statement, not a statement a row: the quote search index (a trigger on
    # claims) writes out what it holds at the end of each statement.
    width = len(values[0])
    per = max(PARAMETERS // width, 1)
    row_marks = f"({', '.join('?' * width)})"
    for at in range(0, len(values), per):
        part = values[at : at + per]
        marks = ", ".join([row_marks] * len(part))
        conn.exec_driver_sql(sql + marks, tuple(chain.from_iterable(part)))
