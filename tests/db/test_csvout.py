"""CSV formatting: numbers without float noise, dates as ISO, formula cells neutralised."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from db.csvout import format_cell, format_row, iter_csv, neutralise, write_csv


def test_formula_cells_are_neutralised() -> None:
    for bad in ('=HYPERLINK("x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(bad) == "'" + bad
    assert neutralise("over 2,000 companies") == "over 2,000 companies"


def test_numbers_are_not_neutralised_or_noisy() -> None:
    assert format_cell(43_400_000_000.0) == "43400000000"
    assert format_cell(-5.0) == "-5"
    assert format_cell(36.75) == "36.75"
    assert format_cell(date(2025, 6, 5)) == "2025-06-05"
    assert format_cell(None) == ""


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_streamed_csv_round_trips_safe_text(cells: list[str]) -> None:
    header = [f"c{i}" for i in range(len(cells))]
    row = dict(zip(header, cells, strict=True))
    text = "".join(iter_csv(header, [row], batch=1))
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed[0] == header
    assert parsed[1] == [neutralise(c) for c in cells]
    for cell in parsed[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_write_csv_counts_rows() -> None:
    out = io.StringIO()
    assert write_csv(out, ["a"], [{"a": 1}, {"a": 2}]) == 2
    assert out.getvalue() == "a\r\n1\r\n2\r\n"


class _Text(str):
    """A str subclass: format_row falls back to format_cell for it."""


_CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.text().map(_Text),
    st.dates(),
    st.datetimes(),
    st.sampled_from([1e18, -1e18, 1e17, -0.0, 0.5, "=1+1", "-3", "\tx", "@a", "+1"]),
)


@given(st.lists(_CELLS, max_size=8))
def test_format_row_is_format_cell_of_each_column(values: list) -> None:
    columns = [f"c{k}" for k in range(len(values) + 1)]  # the last one missing from the row
    row = dict(zip(columns, values, strict=False))
    assert format_row(row, columns) == [format_cell(v) for v in values] + [""]


def test_format_row_types() -> None:
    row = {"b": True, "f": 4.34e10, "d": date(2025, 6, 5), "t": datetime(2025, 6, 5, 7, 8, 9, 10)}
    assert format_row(row, ["b", "f", "d", "t", "x"]) == [
        "true", "43400000000", "2025-06-05", "2025-06-05T07:08:09", ""
    ]  # fmt: skip
