"""Tables in a document's text: Markdown rows ("| Unicorns | 8 |"), columns aligned by spaces
and cells parted by slashes ("2015-16 / 612 / 96").

A table is a run of rows with the same number of cells; its first row is its header. Each
cell is a span of the text, so a figure found in a cell keeps pointing at the stored text.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from etl.read.reflow import SLASH_RULE, slash_cells

_PIPE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.MULTILINE)
_RULE_CELL = re.compile(r"\s*:?-{2,}:?\s*")
_RULE_LINE = re.compile(r"^[ \t|:]*-{2,}", re.MULTILINE)
_GAP = re.compile(r"[ \t]{2,}|\t")
_DIGIT = re.compile(r"\d")
_SLASH = re.compile(re.escape(SLASH_RULE))


class Row(NamedTuple):
    """One row: its span and the spans of its cells (left to right)."""

    start: int
    end: int
    cells: tuple[tuple[int, int], ...]


class Table(NamedTuple):
    """A table: its header row, its body rows and the span they cover."""

    start: int
    end: int
    header: Row
    rows: tuple[Row, ...]

    def row_at(self, pos: int) -> Row | None:
        return next((r for r in self.rows if r.start <= pos < r.end), None)


def find_tables(text: str) -> list[Table]:
    """The Markdown, space-aligned and slash-parted tables of `text`, in order."""
    if "|" in text:
        tables = _group(text, [r for m in _PIPE_ROW.finditer(text) for r in _pipe_rows(text, m)])
    else:
        tables = []
    if "  " in text or "\t" in text:
        tables += _group(text, _aligned_rows(text), aligned=True)
    if SLASH_RULE in text:
        tables += _group(text, _slash_rows(text, tables), aligned=True)
    return sorted(tables)


def _pipe_rows(text: str, m: re.Match[str]) -> list[Row]:
    """The rows of one "|"-delimited line (a header and its rule may share a line)."""
    a = m.start(1)
    bounds = [a - 1] + [a + i for i, c in enumerate(m.group(1)) if c == "|"] + [m.end(1)]
    cells = [_trim(text, x + 1, y) for x, y in pairwise(bounds)]
    rows, current = [], []
    for c in cells:
        if _RULE_CELL.fullmatch(text, *c):
            if current:
                rows.append(current)
            current = []
            continue
        if c[0] == c[1] and current and len(rows) == 0 and _rule_follows(text, c[1], m.end(1)):
            rows.append(current)
            current = []
            continue
        current.append(c)
    if current and not (rows and all(x[0] == x[1] for x in current)):
        rows.append(current)
    start, end = m.start(), m.end()
    return [Row(start, end, tuple(c for c in r if c[0] < c[1] or r is rows[0])) for r in rows]


def _rule_follows(text: str, pos: int, end: int) -> bool:
    return bool(re.match(r"[\s|]*:?-{2,}", text[pos:end]))


def _aligned_rows(text: str) -> list[Row]:
    """Lines split into two or more cells by runs of spaces, with a figure in some cell."""
    rows, pos = [], 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        parts = [(m.end(), 0) for m in _GAP.finditer(text, a, b)]
        if not parts or not text[a:b].strip():
            continue
        bounds = [a, *[p for p, _ in parts]]
        cells = []
        for x, y in zip(bounds, [*[m.start() for m in _GAP.finditer(text, a, b)], b], strict=False):
            c = _trim(text, x, y)
            if c[0] < c[1]:
                cells.append(c)
        if len(cells) >= 2:
            rows.append(Row(a, b, tuple(cells)))
    return rows


def _slash_rows(text: str, found: list[Table]) -> list[Row]:
    """Short lines split into cells by " / " ("2015-16 / 612 / 96", as a reply may print a
    table), outside the tables already found."""
    rows, pos = [], 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if slash_cells(line) < 2 or any(t.start <= a < t.end for t in found):
            continue
        seps = list(_SLASH.finditer(text, a, b))
        starts, ends = [a, *[m.end() for m in seps]], [*[m.start() for m in seps], b]
        cells = [_trim(text, x, y) for x, y in zip(starts, ends, strict=True)]
        if all(c[0] < c[1] for c in cells):
            rows.append(Row(a, b, tuple(cells)))
    return rows


def _group(text: str, rows: list[Row], aligned: bool = False) -> list[Table]:
    """Consecutive rows (blank lines between allowed) with as many cells as their header."""
    tables, run = [], []
    for i, r in enumerate(rows):
        gap = text[run[-1].end : r.start] if run else ""
        nxt = rows[i + 1].start if i + 1 < len(rows) else len(text)
        heads = _RULE_LINE.search(text, r.end, nxt) is not None or "|--" in text[r.start : r.end]
        if run and (gap.strip(" \t\n|:-") or len(r.cells) != len(run[0].cells) or heads):
            tables.append(run)  # a row with a rule under it heads a table of its own
            run = []
        run.append(r)
    if run:
        tables.append(run)
    out = []
    for t in tables:
        body = t[1:]
        if not body:
            continue
        if aligned and (
            len(t) < 3 or not any(_DIGIT.search(text, *c) for r in body for c in r.cells[1:])
        ):
            continue
        out.append(Table(t[0].start, t[-1].end, t[0], tuple(body)))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t*_":
        a += 1
    while b > a and text[b - 1] in " \t*_":
        b -= 1
    return a, b
