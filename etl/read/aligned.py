"""Tables laid out by spaces in plain text, written out as `etl.read.tables.table_lines`
writes a table: either rows that are times (a header "Financial year    Start-ups admitted"
over rows each led by a time, "2014-15    60") or columns that are times (a header "Indicator
    2017-18    2018-19" over rows of a label and figures). Column headings may wrap over
several lines, a label may wrap onto the lines under its row, and rules of dashes may stand
under the header or the last row.
"""

from __future__ import annotations

import re

from etl.read.tables import (
    CELL_GAP_RE,
    LAID_OUT_CELL_RE,
    MIN_UNRULED_ROWS,
    heads_value_columns,
    indent,
    is_part_heading,
    is_time_cell,
    label_over_row,
    split_trailing_figure,
    write_tables,
)

_DASHES_RE = re.compile(r"[ \t]*[-=–—]{3,}[ \t]*")
_NOTE_RE = re.compile(r"\([^()\n]{3,40}\)")  # under a table's times: "(as at 31 March)"


def aligned_tables(text: str) -> str:
    """`text` with each table laid out by spaces written out as lines: either rows that are
    times (a header of two or more columns, "Financial year    Start-ups admitted", over two
    or more rows each led by a time and holding a figure, "2014-15    60"), or columns that
    are times (a header "Indicator    2017-18    2018-19" over rows of a label and figures).
    In the second, a rule line of dashes may sit under the header or the last row, and an
    indented line of words under a row is its label wrapped ("Start-ups admitted to" /
    "  incubation programmes"); the label is written whole."""

    text = write_tables(text, _time_row_rows)
    return write_tables(text, _time_column_rows) if "--" in text or "  " in text else text


def _time_row_rows(lines: list[str], k: int) -> tuple[list[list[str]], int]:
    """The cells of a table whose rows are led by times and whose header is lines[k] (its
    column headings may wrap onto the lines under it, each word under the heading it stands
    below, and a rule of dashes may follow), and the line after it."""
    header = _aligned_cells(lines[k])
    width = len(header)
    if width < 2 or is_time_cell(header[0]):
        return [], k
    starts = [m.start() for m in LAID_OUT_CELL_RE.finditer(lines[k])]
    j = k + 1
    while j < len(lines) and j - k <= MAX_HEADING_LINES and _wraps_headings(lines[j], starts):
        for m in LAID_OUT_CELL_RE.finditer(lines[j]):  # "Financial year   Cyberport Incubation"
            col = max(i for i, at in enumerate(starts) if at <= m.start() + _HEADING_SLACK)
            header[col] = f"{header[col]} {m.group()}"  # / "                 Programme"
        j += 1
    if j < len(lines) and _COLUMN_RULE_RE.fullmatch(lines[j]):
        j += 1
    if j + 1 < len(lines) and not lines[j].strip() and _is_time_row(lines[j + 1], width):
        j += 1  # a blank line under the header
    end = j
    while end < len(lines) and _is_time_row(lines[end], width):
        end += 1
    if end - j < MIN_UNRULED_ROWS - 1:
        return [], k
    return [header, *(_aligned_cells(line) for line in lines[j:end])], end


_COLUMN_RULE_RE = re.compile(r"[ \t]*-{3,}(?:[ \t]+-{3,})*[ \t]*")  # one rule a column
_HEADING_SLACK = 2  # a wrapped heading's word may start this far left of its column
MAX_HEADING_LINES = 5


def _wraps_headings(line: str, starts: list[int]) -> bool:
    """Whether `line` goes on with the column headings above it: words under the headings
    after the first, with nothing under the first ("  the community   (cumulative, since"), or
    words with no figure under every heading, each where its heading starts ("Financial
    Community" / "year        companies")."""
    cells = list(LAID_OUT_CELL_RE.finditer(line))
    if len(starts) < 2 or not cells or _COLUMN_RULE_RE.fullmatch(line):
        return False
    if cells[0].start() + _HEADING_SLACK >= starts[1]:
        return True
    return (
        len(cells) == len(starts)
        and not any(ch.isdigit() for ch in line)
        and all(abs(m.start() - at) <= _HEADING_SLACK for m, at in zip(cells, starts, strict=True))
    )


def _time_column_rows(lines: list[str], k: int) -> tuple[list[list[str]], int]:
    """The cells of a time-column table whose header is lines[k], and the line after it."""
    header = _aligned_cells(lines[k])
    stacked = _stacked_headings(lines, k)
    if stacked is not None:  # "As at" / "end-March" / "2018" over each column of values
        header, end = ["", *stacked[0]], stacked[1] + 1
    elif header and lines[k][:1] in (" ", "\t") and all(is_time_cell(c) for c in header):
        header, end = ["", *header], k + 1  # "          2019/20    2020/21": no label heading
    elif k and heads_value_columns(lines[k - 1], _aligned_cells(lines[k - 1]), len(header)):
        return [], k  # "Opened   2004   2002" under "   Cyberport   Science Park": a row
    else:
        end = k + 1
    width = len(header)
    if width < 3 or not all(is_time_cell(c) for c in header[1:]) or is_time_cell(header[0]):
        return [], k
    rows = [header]
    if end + 1 < len(lines) and not lines[end].strip() and lines[end + 1].strip():
        end += 1  # a blank line under the header
    note = lines[end].strip() if end < len(lines) else ""
    if _NOTE_RE.fullmatch(note):  # "(as at 31 March)" under the times: kept, before the table
        end += 1
    else:
        note = ""
    while end < len(lines):
        line = lines[end]
        cells = split_trailing_figure(_aligned_cells(line), width)  # "... (HK$ million) 5,500"
        if _DASHES_RE.fullmatch(line):
            end += 1
            continue
        if len(cells) == width and all(any(ch.isdigit() for ch in c) for c in cells[1:]):
            rows.append(cells)
        elif (below := _label_over_row(lines, end, width)) is not None:
            rows.append(below[0])  # "Number of start-ups admitted to" / "  incubation ...  120"
            end += below[1] - 1
        elif len(rows) > 1 and _wraps_label(line, lines[end - 1]):
            rows[-1][0] += " " + line.strip()
        elif not _part_heads(lines, end, width):  # "Community companies (as at March 31)"
            break
        end += 1
    while end > k + 1 and _DASHES_RE.fullmatch(lines[end - 1]) is None and not lines[end - 1]:
        end -= 1
    if len(rows) < 2:
        return [], k  # (two or more time columns: one row will do)
    return ([[note], *rows] if note else rows), end  # (the note as a row of one cell)


def _part_heads(lines: list[str], k: int, width: int) -> bool:
    """Whether lines[k] heads a part of a table: words alone, with nothing in the value columns
    (a bracketed note may hold a day: "(as at March 31)"), over rows set in deeper."""
    line, below = lines[k], lines[k + 1] if k + 1 < len(lines) else ""
    return (
        is_part_heading(line)
        and len(_aligned_cells(below)) == width
        and indent(below) > indent(line)
    )


def _stacked_headings(lines: list[str], k: int) -> tuple[list[str], int] | None:
    """Column headings over the values only, wrapped from lines[k] down to a line of times
    ("As at" / "end-March" / "2018"), each word under the one above: the heading of each
    column, and the line of times."""
    line = lines[k]
    if line[:1] not in (" ", "\t") or any(ch.isdigit() for ch in line):
        return None
    starts = [m.start() for m in LAID_OUT_CELL_RE.finditer(line)]
    words = [[m.group()] for m in LAID_OUT_CELL_RE.finditer(line)]
    if len(starts) < 2:
        return None
    for h in range(k + 1, min(k + 1 + MAX_HEADING_LINES, len(lines))):
        cells = list(LAID_OUT_CELL_RE.finditer(lines[h]))
        if len(cells) != len(starts) or any(
            abs(c.start() - at) > _HEADING_SLACK for c, at in zip(cells, starts, strict=True)
        ):
            return None
        for column, c in zip(words, cells, strict=True):
            column.append(c.group())
        if all(is_time_cell(c.group()) for c in cells):
            return [" ".join(column) for column in words], h
    return None


def _label_over_row(lines: list[str], k: int, width: int) -> tuple[list[str], int] | None:
    """A row whose label starts a line or more above its figures (`label_over_row`), every
    value a figure, as wide as the table; and the lines it takes."""
    found = label_over_row(
        lines, k, lambda line: split_trailing_figure(_aligned_cells(line), width)
    )
    if found is None or len(found[0]) != width:
        return None
    return found if all(any(ch.isdigit() for ch in c) for c in found[0][1:]) else None


def _wraps_label(line: str, above: str) -> bool:
    """Whether `line` is an indented run of words under a table row's label (no figures)."""
    words = line.strip()
    return (
        bool(words)
        and line[:1] in (" ", "\t")
        and not CELL_GAP_RE.search(words)
        and not _DASHES_RE.fullmatch(above)
    )


def _aligned_cells(line: str) -> list[str]:
    return [c for c in CELL_GAP_RE.split(line.strip()) if c] if "  " in line or "\t" in line else []


def _is_time_row(line: str, width: int) -> bool:
    cells = _aligned_cells(line)
    return (
        len(cells) == width
        and is_time_cell(cells[0])
        and all(any(c.isdigit() for c in cell) for cell in cells[1:])
    )
