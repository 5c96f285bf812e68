"""Claims as CSV text for the big exports: on SQLite the database writes each whole CSV line.

The lines are byte-identical to `csv.writer` over `etl.csvout.format_cell` cells (the generic
path, used on other databases and for the rows SQL leaves to Python): RFC 4180 quoting of
cells holding a comma, a double quote or a line break, the formula guard, integral floats as
integers and other floats as Python's shortest repr.

One `printf` per row writes the line. The free-text cells (quote, document) are guarded and
quoted in SQL; the short codes (entity, metric, unit, flags, ...) almost never need either, so
one test over all of them at once sends a row holding any such character, or a float SQL cannot
prove it prints the way Python does, to Python instead (its line comes back NULL).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence

from sqlalchemy import Connection, Engine, String, and_, case, cast, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

from db.claims import CLAIM_COLUMNS, ClaimFilter, claims_by_id, claims_select, iter_claims
from db.models import Claim

# Cells a spreadsheet would run as formulas (the same set as etl.csvout.FORMULA_PREFIXES).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_COLUMNS = frozenset({"value", "value_low", "value_high", "value_hkd"})
INTEGER_COLUMNS = frozenset({"claim_id", "char_start", "char_end", "mention_start",
                             "mention_end", "document_id"})  # fmt: skip
DATE_COLUMNS = frozenset({"as_of", "published_on"})
# A non-integral float prints in SQL when it has at most this many decimals and is small
# enough that no shorter decimal lies within its precision (then it is Python's repr too).
DECIMALS = 6
DECIMAL_MAX = 1e9  # a double's spacing below 1e9 is under 1.2e-7: finer than 6 decimals
DECIMAL_MIN = 1e-4  # Python's repr switches to exponent notation below this
INTEGRAL_MAX = 1e18  # etl.csvout.format_cell prints integral floats below this as integers
LINE_END = "\r\n"  # csv.writer's default line terminator


def _special(text: ColumnElement) -> ColumnElement[bool]:
    """Whether csv.QUOTE_MINIMAL quotes this cell: it holds a comma, a double quote, CR or LF."""
    return (
        (func.instr(text, ",") > 0)
        | (func.instr(text, '"') > 0)
        | (func.instr(text, "\n") > 0)
        | (func.instr(text, "\r") > 0)
    )


def _quoted_cell(col: ColumnElement) -> ColumnElement:
    """CSV quoting of a free-text column (the formula guard is checked with the short codes)."""
    quoted = literal('"') + func.replace(col, '"', '""') + literal('"')
    return case((_special(col), quoted), else_=col)


def _conflict_suffix(flags: ColumnElement, conflict: ColumnElement[bool]) -> ColumnElement:
    """What db.claims adds to the stored flags for a claim in an open conflict."""
    return case(
        (and_(conflict, func.instr(flags, "conflict") == 0),
         case((flags == "", literal("conflict")), else_=literal(";conflict"))),
        else_=literal(""),
    )  # fmt: skip


QUOTED_COLUMNS = frozenset({"quote", "document"})  # free text: guarded and quoted in SQL
SEPARATOR = "\x01"
# In a row's `heads`: a character that needs quoting, or a cell starting like a formula.
CARE = re.compile(f'[,"\\n\\r]|{SEPARATOR}[-=+@\\t\\r]')


def _integral(col: ColumnElement) -> ColumnElement[bool]:
    return and_(col == func.round(col), func.abs(col) < INTEGRAL_MAX)


def _decimal_ok(col: ColumnElement) -> ColumnElement[bool]:
    """Whether `_decimal` is the float's shortest decimal, i.e. Python's repr of it."""
    return and_(
        func.abs(col) >= DECIMAL_MIN,
        func.abs(col) < DECIMAL_MAX,
        cast(_decimal(col), Claim.value.type) == col,
    )


def _decimal(col: ColumnElement) -> ColumnElement:
    return func.rtrim(func.printf(f"%.{DECIMALS}f", col), "0")


def _number_cell(col: ColumnElement, exact: bool) -> ColumnElement:
    """A float as format_cell prints it: integral ones as integers (all of them when `exact`)."""
    if exact:
        return cast(col, Claim.id.type)
    return case(
        (col.is_(None), literal(None, String)),  # printf writes NULL as ''
        (_integral(col), cast(col, Claim.id.type)),
        else_=_decimal(col),
    )


def csv_line_select(filt: ClaimFilter | None = None, columns: Sequence[str] = CLAIM_COLUMNS):
    """SELECT (claim id, whole CSV line or NULL) for the claims `filt` lets through, by id."""
    base = claims_select(filt or ClaimFilter(), tuple(dict.fromkeys((*columns, "in_conflict"))))
    sub = base.add_columns(Claim.id.label("_id")).subquery()
    numbers = [sub.c[c] for c in columns if c in NUMBER_COLUMNS]
    lines = []
    for exact in (True, False):  # most rows hold only integral numbers: the cheaper line
        cells: list[ColumnElement] = []
        codes: list[ColumnElement] = []  # short text cells, checked at once
        starts: list[ColumnElement] = []  # every text cell: none may start like a formula
        for name in columns:
            col = sub.c[name]
            if name in NUMBER_COLUMNS:
                cells.append(_number_cell(col, exact))
            elif name in INTEGER_COLUMNS or name in DATE_COLUMNS or name == "status":
                cells.append(col)  # digits, ISO dates, auto|accepted|rejected: nothing to escape
            elif name in QUOTED_COLUMNS:
                cells.append(_quoted_cell(col))
                starts.append(col)
            elif name == "flags":
                flags = func.coalesce(col, "")
                cells.append(flags + _conflict_suffix(flags, sub.c.in_conflict))
                codes.append(flags)
            else:
                cells.append(col)
                codes.append(col)
        lines.append(func.printf(",".join("%s" for _ in cells) + LINE_END, *cells))
    # The short codes whole, the free text by its first character (%!.1s counts characters,
    # not bytes): Python checks these for what would need quoting or the guard (CARE).
    heads = func.printf(
        (SEPARATOR + "%s") * len(codes) + (SEPARATOR + "%!.1s") * len(starts), *codes, *starts
    )
    fast, slow = lines
    whole = [n.is_(None) | _integral(n) for n in numbers]
    some = [n.is_(None) | _integral(n) | _decimal_ok(n) for n in numbers]
    line = case(
        (and_(True, *whole), fast),
        (and_(True, *some), slow),
        else_=literal(None, String),
    )
    return select(sub.c._id, line.label("line"), heads.label("heads")).order_by(sub.c._id)


def _python_lines(conn: Connection, ids: list[int], columns: tuple[str, ...]) -> dict[int, str]:
    """The CSV lines of these claims formatted in Python (the rows SQL left NULL), read on the
    export's own connection: the same snapshot of the data."""
    from etl.csvout import format_cell

    out: dict[int, str] = {}
    buf = io.StringIO()
    writer = csv.writer(buf)
    for i in range(0, len(ids), 500):
        for claim_id, row in claims_by_id(conn, ids[i : i + 500], columns).items():
            writer.writerow([format_cell(row.get(c)) for c in columns])
            out[claim_id] = buf.getvalue()
            buf.seek(0)
            buf.truncate()
    return out


def iter_claim_csv(
    engine: Engine,
    filt: ClaimFilter | None = None,
    *,
    columns: Sequence[str] = CLAIM_COLUMNS,
    batch: int = 5000,
    header: bool = True,
    on_rows: Callable[[int], None] | None = None,
) -> Iterator[str]:
    """The claims CSV (header first) in chunks of `batch` rows, streamed with flat memory;
    `on_rows` hears how many rows each chunk holds."""
    columns, filt = tuple(columns), filt or ClaimFilter()
    head = ",".join(columns) + LINE_END if header else ""  # column names need no quoting
    for chunk in _chunks(engine, filt, columns, batch, on_rows):
        yield head + chunk  # the header rides with the first rows: the query runs first
        head = ""
    if head:
        yield head


def _chunks(
    engine: Engine,
    filt: ClaimFilter,
    columns: tuple[str, ...],
    batch: int,
    on_rows: Callable[[int], None] | None,
) -> Iterator[str]:
    if engine.dialect.name != "sqlite":
        from etl.csvout import format_cell

        buf = io.StringIO()
        writer = csv.writer(buf)
        for part in _batched(iter_claims(engine, filt, columns=columns, batch=batch), batch):
            writer.writerows([format_cell(row.get(c)) for c in columns] for row in part)
            if on_rows is not None:
                on_rows(len(part))
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
        return
    stmt = csv_line_select(filt, columns)
    with engine.connect() as conn:
        # The driver's cursor steps through the rows as they are fetched (sqlite3 holds no
        # result set in memory); reading it directly saves a Row object per line. No
        # stream_results here: its buffered strategy would take the first rows from the cursor.
        result = conn.execute(stmt)
        cursor = result.cursor
        while rows := cursor.fetchmany(batch):
            if on_rows is not None:
                on_rows(len(rows))
            if CARE.search("".join([heads for _, _, heads in rows])):
                rows = [(i, None if CARE.search(h) else line, "") for i, line, h in rows]
            missing = [i for i, line, _ in rows if line is None]
            if missing:
                fixed = _python_lines(conn, missing, columns)
                yield "".join([fixed[i] if line is None else line for i, line, _ in rows])
            else:
                yield "".join([line for _, line, _ in rows])
        result.close()


def _batched(rows, n: int):
    part = []
    for row in rows:
        part.append(row)
        if len(part) == n:
            yield part
            part = []
    if part:
        yield part
