"""CSV output shared by the CLI and the web exports: stable formatting, formula-safe cells."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TextIO

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix a cell a spreadsheet would treat as a formula with a quote, so it stays text."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def format_cell(value: Any) -> str:
    """Numbers without float noise (43400000000, not 4.34e10), ISO dates, safe text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e18 else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


def float_cell(value: float) -> str:
    """`format_cell` of a float."""
    return str(int(value)) if value.is_integer() and abs(value) < 1e18 else repr(value)


# format_cell by a value's exact type: one lookup instead of a chain of isinstance tests.
BY_TYPE: dict[type, Callable[[Any], str]] = {
    type(None): lambda _: "",
    str: neutralise,
    int: int.__str__,
    float: float_cell,
    bool: lambda v: "true" if v else "false",
    date: date.isoformat,
    datetime: lambda v: v.isoformat(timespec="seconds"),
}


def format_row(row: Mapping[str, Any], columns: Sequence[str]) -> list[str]:
    """`format_cell` of each of these columns of `row` (a missing one is None): the same cells,
    faster for the plain types a database gives."""
    by_type, get = BY_TYPE, row.get
    out = []
    for c in columns:
        value = get(c)
        out.append(by_type.get(type(value), format_cell)(value))
    return out


def iter_csv(
    header: Sequence[str], rows: Iterable[Mapping[str, Any]], batch: int = 1000
) -> Iterator[str]:
    """CSV text in chunks of `batch` rows, header first, for streaming responses."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    for n, row in enumerate(rows, start=1):
        writer.writerow([format_cell(row.get(col)) for col in header])
        if n % batch == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def write_csv(out: TextIO, header: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> int:
    """Write rows to `out`; returns how many."""
    n = 0
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([format_cell(row.get(col)) for col in header])
        n += 1
    return n
