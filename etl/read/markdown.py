"""Markdown blocks that are not running text: a front-matter header and pipe tables.

`front_matter` takes a leading "---" block of "key: value" lines off the text (its title and
date describe the document, they are not part of it). `pipe_tables` rewrites each pipe table
as the lines `etl.read.tables.table_lines` makes of it, so that its rows read as text; the
rest of the text is left as it is. `unruled_tables` does the same in plain text for a table
without its rule whose rows are times ("Financial year | Companies" / "2014-15 | 570"), and
`bare_pipe_rows` for rows with no pipe at either end ("Unicorns nurtured | 9"). Tables laid
out by spaces are `etl.read.aligned`'s.
Emphasis, links and headings are dropped later, by `etl.read.normalise.strip_markdown`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.read.tables import (
    CELL_GAP_RE,
    MIN_UNRULED_ROWS,
    indent,
    is_part_heading,
    is_time_cell,
    long_value,
    rows_by,
    table_lines,
    value_first,
    write_tables,
)

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
_LABEL_PAIR_RE = re.compile(r"[^:|\d]{2,60}:\s*\S{0,4}\d[^:|]{0,30}")  # "Listed companies: 2"
_JOINED_RULE = re.compile(r"-[ \t]*[|+][ \t]*-|^[ \t]*\||\|[ \t]*$")  # a rule with pipes or "+"
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

    return write_tables(text, rows_by(end_of, _cells))


def bare_pipe_rows(text: str) -> str:
    """`text` with each run of rows whose cells "|" separates, with no pipe at either end
    ("Unicorns nurtured | 9", "Listed companies | 4 | 6"), written out as lines: every row a
    label and short values with a figure in them (blank lines between rows allowed), under
    an optional header whose values hold no figure or each name a time ("Community |
    2018/19 | 2019/20")."""
    if "|" not in text:
        return text
    return write_tables(_wrapped_labels_joined(text), _bare_rows)


def _wrapped_labels_joined(text: str) -> str:
    """`text` with each row label a table wrapped onto the next line put back on one line:
    a line with no "|" between two rows that have one, the second indented further or opening
    in lower case ("Cyberport community companies (onsite and" / "  offsite) | 910 | 1,180")."""
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if (
            out
            and "|" in out[-1]
            and "|" not in line
            and any(ch.isalpha() for ch in line)  # (no rule of "=" or "-")
            and "|" in nxt
            and (indent(nxt) > indent(line) or nxt.lstrip()[:1].islower())
            and not line.rstrip().endswith((".", ":"))
        ):
            out.append(f"{line.rstrip()} {nxt.lstrip()}")
            k += 2
            continue
        out.append(line)
        k += 1
    return "\n".join(out)


def _bare_cells(line: str) -> list[str] | None:
    """The cells of a row with no pipe at either end, or None when `line` is no such row."""
    if "|" not in line:
        return None
    swapped = _value_first(line)
    if swapped is not None or not _BARE_ROW_RE.fullmatch(line):
        return swapped
    cells = [c.strip() for c in line.split("|")]
    if all(_LABEL_PAIR_RE.fullmatch(_ROW_MARKER_RE.sub("", c, count=1)) for c in cells):
        return None  # "Unicorns: 3 | Listed companies: 2": pairs side by side, no table
    cells = _label_colon_split(cells)
    # A last cell that only describes the row ("FinTech | 480+ companies | digital banking,
    # payments, insurtech") goes with the figure before it, in brackets; not in a row of
    # headings ("Indicator | 31 Mar 2024 | 31 Mar 2023 | Change").
    words = len(cells) > 2 and sum(ch.isalpha() for ch in cells[-1]) > 1 and not _heads(cells)
    about = cells.pop() if words and not _FIGURE_RE.search(cells[-1]) else ""
    if not all(cells) or any(map(long_value, cells[1:])):
        return None
    if about:
        if not _FIGURE_RE.search(cells[-1]):
            return None
        cells[-1] += f" ({about})"
    cells[0] = _ROW_MARKER_RE.sub("", cells[0], count=1) if cells[0][0] in "-*•" else cells[0]
    if any(CELL_GAP_RE.search(c) for c in cells):
        return None  # columns set apart by spaces as well: a layout of its own
    return cells


def _label_colon_split(cells: list[str]) -> list[str]:
    """`cells` with a first cell that ends in a colon and a value split in two: the label, and
    a short value with a figure in it or a time ("Unicorns (as at 31 March): 9 | 8",
    "Financial year ended 31 March: 2024/25 | 2023/24")."""
    label, colon, value = cells[0].rpartition(": ")
    pairs = any(": " in c for c in cells[1:])  # ("Unicorns: 3 | Listed companies: 2": pairs)
    fits = colon and label and value and not long_value(value) and not pairs
    if fits and (_FIGURE_RE.search(value) or is_time_cell(value)):
        return [label.strip(), value.strip(), *cells[1:]]
    return cells


def _value_first(line: str) -> list[str] | None:
    """A row of one figure then its label, as cells label first; None for any other line
    (a time then an event, "2005 | Incubation Programme launched", is no figure)."""
    m = _VALUE_FIRST_RE.fullmatch(line.rstrip())
    return None if m is None else value_first(m["value"], m["label"])


def _heads(cells: list[str]) -> bool:
    """Whether a row's values are headings: none holds a figure, or each names a time or holds
    no figure ("31 Mar 2024 | 31 Mar 2023 | Change")."""
    values = cells[1:]
    return all(is_time_cell(c) or not _FIGURE_RE.search(c) for c in values)


# A row naming a part of the table, its value cells empty: "COMMUNITY | |".
_PART_ROW_RE = re.compile(r"[ \t]*[^|\n]*[^\W\d_][^|\n]*(?:\|[ \t]*)+")


def _row_after(lines: list[str], k: int, width: int) -> bool:
    """Whether the next line with words after lines[k] is a bare row `width` cells wide."""
    nxt = next((line for line in lines[k + 1 :] if line.strip()), "")
    cells = _bare_cells(nxt)
    return cells is not None and len(cells) == width and not _heads(cells)


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
        # (a part may open right under a header of times: "Year | 2024/25 | 2023/24", "Community")
        under = body or (rows[0][0] and all(map(is_time_cell, rows[0][1:])))
        heading = (under and is_part_heading(lines[j])) or _PART_ROW_RE.fullmatch(lines[j])
        if cells is None and heading and _row_after(lines, j, width):
            j += 1  # "Clusters" or "COMMUNITY | |" between the rows of one table
            continue
        if cells is None or len(cells) != width or _heads(cells):
            break  # (a row of headings heads a table of its own)
        body.append(cells)
        end = j = j + 1
    return ([*rows, *body], end) if body else ([], k)


def _filled(line: str) -> int:
    return sum(1 for c in _cells(line) if c)


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)]
