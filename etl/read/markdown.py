"""Markdown blocks that are not running text: a front-matter header and pipe tables.

`front_matter` takes a leading "---" block of "key: value" lines off the text (its title and
date describe the document, they are not part of it). `pipe_tables` rewrites each pipe table
as the lines `etl.read.tables.table_lines` makes of it, so that its rows read as text; the
rest of the text is left as it is. `unruled_tables` does the same in plain text for a table
without its rule whose rows are times ("Financial year | Companies" / "2014-15 | 570"), and
`bare_pipe_rows` for rows with no pipe at either end ("Unicorns nurtured | 9").
Emphasis, links and headings are dropped later, by `etl.read.normalise.strip_markdown`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from etl.read.tables import (
    FIGURE_CELL_RE,
    LAID_OUT_CELL_RE,
    indent,
    is_time_cell,
    split_trailing_figure,
    table_lines,
)

MIN_UNRULED_ROWS = 3  # a header and two rows: fewer is no table without its rule
MAX_VALUE_CHARS = 40  # a table's value cells are short

_FRONT_RE = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>(?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FIELD_RE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$", re.MULTILINE)
_ROW_RE = re.compile(r"^[ \t]*\|.*\|[ \t]*$|^[^|\n]+(?:\|[^|\n]*)+$")
_BARE_ROW_RE = re.compile(
    r"[ \t]*(?:[-*•][ \t]+)?[^\W\d_][^|\n]*(?:\|[^|\n]*[^|\s][^|\n]*)+"
)  # (a sub-row may be a list item: "  - of which onsite | 712 | 628")
_ROW_MARKER_RE = re.compile(r"[-*•][ \t]+")
# A row whose figure comes first, as on a fact sheet: "1,700+ | Start-ups and tech companies".
_VALUE_FIRST_RE = re.compile(
    r"[ \t]*(?P<value>[^|\n]*\d[^|\n]*?)[ \t]*\|[ \t]*(?P<label>[^\W\d_][^|\n]*)"
)
_FIGURE_RE = re.compile(r"(?<![^\W\d_])\d")  # a digit that opens a number ("Web3" has none)
_GAP_RE = re.compile(r"[ \t]{2,}|\t")
_JOINED_RULE = re.compile(r"-[ \t]*[|+][ \t]*-|^[ \t]*\||\|[ \t]*$")  # a rule with pipes or "+"
_DASHES_RE = re.compile(r"[ \t]*[-=–—]{3,}[ \t]*")
_NOTE_RE = re.compile(r"\([^()\n]{3,40}\)")  # under a table's times: "(as at 31 March)"
# (in plain text, "+" may join the dashes: "-----+-----", as database tools print a table)
_RULE_RE = re.compile(
    r"^[ \t]*[|+]?[ \t]*:?-{2,}:?[ \t]*(?:[|+][ \t]*:?-{2,}:?[ \t]*)*[|+]?[ \t]*$"
)


@dataclass(frozen=True)
class FrontMatter:
    """The fields of a front-matter header (lower-case keys, unquoted values)."""

    fields: dict[str, str]

    def get(self, *keys: str) -> str | None:
        """The first of `keys` the header has a non-empty value for."""
        return next((self.fields[k] for k in keys if self.fields.get(k)), None)


def front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """The front-matter header of `text` (None if it has none) and the text after it."""
    match = _FRONT_RE.match(text)
    if match is None:
        return None, text
    fields = {
        m["key"].lower(): m["value"].strip().strip("\"'") for m in _FIELD_RE.finditer(match["body"])
    }
    if not fields:
        return None, text
    return FrontMatter(fields), text[match.end() :]


def pipe_tables(text: str, *, plain: bool = False) -> str:
    """`text` with each pipe table (a header row, a |---| rule, rows) written out as lines.

    In `plain` text a table needs its rule written with pipes ("|---|---|") under a header of
    two or more cells: a line of dashes under a row of a two-column layout is no rule.
    """
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        if (
            k + 1 < len(lines)
            and _ROW_RE.match(lines[k])
            and _RULE_RE.match(lines[k + 1])
            and (not plain or (_JOINED_RULE.search(lines[k + 1]) and _filled(lines[k]) >= 2))
        ):
            end = k + 2
            while end < len(lines) and (_ROW_RE.match(lines[end]) or _RULE_RE.match(lines[end])):
                end += 1
            block = lines[k:end]
            caption = []
            # A caption row written as a header of its own: "| Title | |", "|---|", header.
            if len(block) > 3 and _RULE_RE.match(block[3]) and _filled(block[0]) == 1:
                caption, block = [" ".join(c for c in _cells(block[0]) if c), ""], block[2:]
            rows = [_cells(line) for line in block if not _RULE_RE.match(line)]
            out += ["", *caption, *table_lines(rows), ""]
            k = end
        else:
            out.append(lines[k])
            k += 1
    return "\n".join(out)


def unruled_tables(text: str) -> str:
    """`text` with each pipe table that has no |---| rule written out as lines: a header row
    and two or more rows with as many cells, each row led by a time ("2014-15 | 570 | 72")."""

    def end_of(lines: list[str], k: int) -> int:
        width = len(_cells(lines[k])) if _ROW_RE.match(lines[k]) else 0
        end = k + 1
        while (
            width > 1
            and end < len(lines)
            and _ROW_RE.match(lines[end])
            and len(_cells(lines[end])) == width
            and is_time_cell(_cells(lines[end])[0])
        ):
            end += 1
        return end if end - k >= MIN_UNRULED_ROWS else k

    return _write_tables(text, _rows_by(end_of, _cells))


def bare_pipe_rows(text: str) -> str:
    """`text` with each run of rows whose cells "|" separates, with no pipe at either end
    ("Unicorns nurtured | 9", "Listed companies | 4 | 6"), written out as lines: every row a
    label and short values with a figure in them (blank lines between rows allowed), under
    an optional header whose values hold no figure or each name a time ("Community |
    2018/19 | 2019/20")."""
    if "|" not in text:
        return text
    return _write_tables(text, _bare_rows)


def _bare_cells(line: str) -> list[str] | None:
    """The cells of a row with no pipe at either end, or None when `line` is no such row."""
    if "|" not in line:
        return None
    swapped = _value_first(line)
    if swapped is not None or not _BARE_ROW_RE.fullmatch(line):
        return swapped
    cells = [c.strip() for c in line.split("|")]
    # A last cell that only describes the row ("FinTech | 480+ companies | digital banking,
    # payments, insurtech") goes with the figure before it, in brackets.
    words = len(cells) > 2 and sum(ch.isalpha() for ch in cells[-1]) > 1
    about = cells.pop() if words and not _FIGURE_RE.search(cells[-1]) else ""
    if not all(cells) or any(len(c) > MAX_VALUE_CHARS for c in cells[1:]):
        return None
    if about:
        if not _FIGURE_RE.search(cells[-1]):
            return None
        cells[-1] += f" ({about})"
    cells[0] = _ROW_MARKER_RE.sub("", cells[0], count=1) if cells[0][0] in "-*•" else cells[0]
    if any(_GAP_RE.search(c) for c in cells):
        return None  # columns set apart by spaces as well: a layout of its own
    return cells


def _value_first(line: str) -> list[str] | None:
    """A row of one figure then its label, as cells label first; None for any other line
    (a time then an event, "2005 | Incubation Programme launched", is no figure)."""
    m = _VALUE_FIRST_RE.fullmatch(line.rstrip())
    if m is None or is_time_cell(m["value"]) or not FIGURE_CELL_RE.fullmatch(m["value"]):
        return None
    label = m["label"].strip()
    return None if _GAP_RE.search(label) else [label, m["value"]]


def _heads(cells: list[str]) -> bool:
    """Whether a row's values are headings: none holds a figure, or each names a time."""
    values = cells[1:]
    return not any(_FIGURE_RE.search(c) for c in values) or all(is_time_cell(c) for c in values)


def _bare_rows(lines: list[str], k: int) -> tuple[list[list[str]], int]:
    """The cells (header first) of the run of bare pipe rows at lines[k], and the line after."""
    first = _bare_cells(lines[k])
    if first is None:
        return [], k
    width = len(first)
    if _heads(first):
        rows, body = [first], []
    else:
        rows, body = [[""] * width], [first]
    end = j = k + 1
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        cells = _bare_cells(lines[j])
        if cells is None or len(cells) != width or _heads(cells):
            break  # (a row of headings heads a table of its own)
        body.append(cells)
        end = j = j + 1
    return ([*rows, *body], end) if body else ([], k)


def aligned_tables(text: str) -> str:
    """`text` with each table laid out by spaces written out as lines: either rows that are
    times (a header of two or more columns, "Financial year    Start-ups admitted", over two
    or more rows each led by a time and holding a figure, "2014-15    60"), or columns that
    are times (a header "Indicator    2017-18    2018-19" over rows of a label and figures).
    In the second, a rule line of dashes may sit under the header or the last row, and an
    indented line of words under a row is its label wrapped ("Start-ups admitted to" /
    "  incubation programmes"); the label is written whole."""

    text = _write_tables(text, _time_row_rows)
    return _write_tables(text, _time_column_rows) if "--" in text or "  " in text else text


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
    if j < len(lines) and j > k + 1 and _COLUMN_RULE_RE.fullmatch(lines[j]):
        j += 1
    end = j
    while end < len(lines) and _is_time_row(lines[end], width):
        end += 1
    if end - j < MIN_UNRULED_ROWS - 1:
        return [], k
    return [header, *(_aligned_cells(line) for line in lines[j:end])], end


_COLUMN_RULE_RE = re.compile(r"[ \t]*-{3,}(?:[ \t]+-{3,})*[ \t]*")  # one rule a column
_HEADING_SLACK = 2  # a wrapped heading's word may start this far left of its column
MAX_HEADING_LINES = 3


def _wraps_headings(line: str, starts: list[int]) -> bool:
    """Whether `line` goes on with the column headings above it: words under the headings
    after the first, with nothing under the first ("  the community   (cumulative, since")."""
    cells = list(LAID_OUT_CELL_RE.finditer(line))
    return (
        len(starts) > 1
        and bool(cells)
        and cells[0].start() + _HEADING_SLACK >= starts[1]
        and not _COLUMN_RULE_RE.fullmatch(line)
    )


def _time_column_rows(lines: list[str], k: int) -> tuple[list[list[str]], int]:
    """The cells of a time-column table whose header is lines[k], and the line after it."""
    header = _aligned_cells(lines[k])
    if header and lines[k][:1] in (" ", "\t") and all(is_time_cell(c) for c in header):
        header = ["", *header]  # "          2019/20    2020/21": the label column has no heading
    width = len(header)
    if width < 3 or not all(is_time_cell(c) for c in header[1:]) or is_time_cell(header[0]):
        return [], k
    if k and _headings_over(lines[k - 1], width):
        return [], k  # "Opened   2004   2002" under "   Cyberport   Science Park": a row
    rows, end = [header], k + 1
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
            rows.append(below)  # "Number of start-ups admitted to" / "  incubation ...  120  138"
            end += 1
        elif len(rows) > 1 and _wraps_label(line, lines[end - 1]):
            rows[-1][0] += " " + line.strip()
        else:
            break
        end += 1
    while end > k + 1 and _DASHES_RE.fullmatch(lines[end - 1]) is None and not lines[end - 1]:
        end -= 1
    if len(rows) < 2:
        return [], k  # (two or more time columns: one row will do)
    return ([[note], *rows] if note else rows), end  # (the note as a row of one cell)


def _headings_over(line: str, width: int) -> bool:
    """Whether `line` holds the column headings of a table `width` columns wide, over its
    label column too (indented, no time among them): then the line under it is a row."""
    cells = _aligned_cells(line)
    return (
        line[:1] in (" ", "\t")
        and len(cells) == width - 1
        and not any(is_time_cell(c) for c in cells)
    )


def _label_over_row(lines: list[str], k: int, width: int) -> list[str] | None:
    """The row whose label starts on lines[k], a line of words alone, and ends on the line
    after it, indented deeper, beside the row's figures; None when the lines are not so."""
    if k + 1 >= len(lines) or not lines[k].strip() or indent(lines[k + 1]) <= indent(lines[k]):
        return None
    if _GAP_RE.search(lines[k].strip()) or any(ch.isdigit() for ch in lines[k]):
        return None
    below = lines[k + 1]
    cells = split_trailing_figure(_aligned_cells(below), width)
    if len(cells) != width:
        return None
    if not all(any(ch.isdigit() for ch in c) for c in cells[1:]):
        return None
    return [f"{lines[k].strip()} {cells[0]}", *cells[1:]]


def _wraps_label(line: str, above: str) -> bool:
    """Whether `line` is an indented run of words under a table row's label (no figures)."""
    words = line.strip()
    return (
        bool(words)
        and line[:1] in (" ", "\t")
        and not _GAP_RE.search(words)
        and not _DASHES_RE.fullmatch(above)
    )


Rows = Callable[[list[str], int], tuple[list[list[str]], int]]


def _write_tables(text: str, rows_at: Rows) -> str:
    """`text` with each table `rows_at` finds (its rows and the line after it; no rows: none
    starts there) written out as `etl.read.tables.table_lines` writes a table."""
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        rows, end = rows_at(lines, k)
        if rows:
            note = rows.pop(0)[0] if len(rows[0]) == 1 else ""  # a note over the table
            out += ["", *([note, ""] if note else []), *table_lines(rows), ""]
            k = end
        else:
            out.append(lines[k])
            k += 1
    return "\n".join(out)


def _rows_by(end_of: Callable[[list[str], int], int], cells: Callable[[str], list[str]]) -> Rows:
    """`rows_at` for tables whose lines are rows: lines[k:end_of(lines, k)] cut into `cells`."""

    def rows_at(lines: list[str], k: int) -> tuple[list[list[str]], int]:
        end = end_of(lines, k)
        return [cells(line) for line in lines[k:end]], end

    return rows_at


def _aligned_cells(line: str) -> list[str]:
    return [c for c in _GAP_RE.split(line.strip()) if c] if "  " in line or "\t" in line else []


def _is_time_row(line: str, width: int) -> bool:
    cells = _aligned_cells(line)
    return (
        len(cells) == width
        and is_time_cell(cells[0])
        and all(any(c.isdigit() for c in cell) for cell in cells[1:])
    )


def _filled(line: str) -> int:
    return sum(1 for c in _cells(line) if c)


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)]
