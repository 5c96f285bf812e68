"""CSV output shared by the CLI and the web exports: stable formatting, formula-safe cells."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
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
