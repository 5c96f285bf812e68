"""Label/value lines, as fact sheets lay them out, written the way a table's rows are read.

A line that holds a label, a leader and a short value with a figure in it,

    Listed companies ........ 10
    Total funds raised ...... over HK$24 billion
    Unicorns<tab>6            Markets reached      40

(the leader: dots, middle dots, ellipses or underscores, a run of two or more spaces, or a
tab) becomes "Listed companies: 10", as `etl.read.tables.table_lines` writes a table's rows.
A "Label: value" line keeps its colon. A row indented deeper than the label/value row just
above it is a sub-row of that row ("- on the campus ..... about 650" under "Companies .....
1,500") and is written as a nested item, "- - on the campus: about 650".

A line with more than one gap (a table of several columns), a value with no figure, or a
"label" that is a number or a date is left as it is.

A table laid out by spaces, a header of three or more cells with no figure over rows of a
label and a figure in every other cell,

    KEY CLUSTERS          Companies     Share of community
      FinTech             400+          27%

is written as `etl.read.tables.table_lines` writes a table ("Companies:", "- FinTech: 400+").

A fact sheet laid out in two columns side by side, each line split by one "|" at the same
place,

    Community companies   1,000+ | Office buildings    4
    Unicorns                   2 | Hotel rooms      173

is read column by column: the left column's lines, then the right one's (a ruled line
between blocks becomes a blank line). A label wrapped onto one deeper-indented line that
holds the value ("Incubatees admitted" over "  since 2005   681", "Funds raised" over
"  (cumulative) .... HK$8.4 billion") is joined into one row.
"""

from __future__ import annotations

import re

from etl.read.tables import (
    CELL_GAP_RE,
    MAX_VALUE_CHARS,
    NO_VALUE_RE,
    heads_value_columns,
    indent,
    is_time_cell,
    table_lines,
)

_MARKS = r"(?:(?:--|[-–•▪●◦*])[ \t]+)*"
MAX_LEADER_VALUE_WORDS = 6  # "The hub grew fast... to 900 firms in the year to March": prose
# Dots, middle dots or underscores (spaced or not), ellipses, a tab or a run of spaces.
# A lone spaced dot or two are a leader the label left no room for: "(cumulative) . 700+".
_LEADER = (
    r"[ \t]*(?:[.·_][ \t]*){3,}|[ \t]*(?:…[ \t]*)+|[ \t]*\t[ \t]*|[ \t]{2,}|[ \t]+[.·]{1,2}[ \t]+"
)
_ROW_RE = re.compile(
    rf"(?P<indent>[ \t\u00a0]*)(?P<marks>{_MARKS})"
    rf"(?P<label>[^\W\d_][^\n:|]*?[^\s.·…_:])"
    rf"(?:(?P<leader>{_LEADER})|[ \t]*:[ \t]*)"
    r"(?P<value>[^\n:|\t]*\d[^\n:|\t]*?)[ \t]*"
)
_CUES = (":", "  ", "\t", "...", ". .", " .. ", "…", "·", "__")
_LEADER_END_RE = re.compile(r"[.·_…:\t]|  ")
_DECIMAL_RE = re.compile(r"\d")  # a decimal digit (Unicode category Nd)
_GAP_RE = re.compile(r"[ \t]{2,}|\t|(?:[.·_][ \t]*){3,}|…")


def label_row(line: str) -> re.Match[str] | None:
    """The parts of a label/value line (indent, marks, label, value), if `line` is one."""
    return parse_row(line) if _may_be_row(line) else None


def parse_row(line: str) -> re.Match[str] | None:
    """`label_row` without its cheap test first (slow on long prose lines)."""
    m = _ROW_RE.fullmatch(line)
    if m is None or len(m.group("value")) > MAX_VALUE_CHARS:
        return None
    if m.group("leader") and len(m.group("value").split()) > MAX_LEADER_VALUE_WORDS:
        return None
    if _GAP_RE.search(m.group("value")) or _GAP_RE.search(m.group("label")):
        return None  # more than two cells: a table, not a label and its value
    return m


def _may_be_row(line: str) -> bool:
    """A cheap test that `line` can be a label/value line: its value (at most MAX_VALUE_CHARS,
    with a figure) ends the line, and the leader or colon before it ends in a mark, a colon or
    two blanks (a prose line rarely holds one there)."""
    if line.count(":") > 1:
        return False  # neither label nor value holds a colon: one colon, or none
    end = line.rstrip()
    if not has_digit(end[-MAX_VALUE_CHARS:]):
        return False
    # The leader's last character stands right before the value, at most MAX_VALUE_CHARS + 1
    # from the end; a blank there has a mark or another blank before it.
    return _LEADER_END_RE.search(end[-(MAX_VALUE_CHARS + 2) : -1]) is not None


def write_label_rows(text: str) -> str:
    """`text` with each label/value line written as "label: value" (see the module doc)."""
    if "|" in text:
        text = split_columns(text)
    if not any(mark in text for mark in _CUES):
        return text
    out: list[str] = []
    parent_indent: int | None = None  # the indent of the last top-level label/value row
    lines = text.split("\n")
    skip = 0
    for i, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        if not line.strip():  # a blank line starts no table, row or wrapped label
            out.append(line)
            continue
        table, used = _spaced_table(lines, i)
        if table:  # "KEY CLUSTERS   Companies   Share" over "FinTech   400+   27%"
            out += ["", *table_lines(table), ""]
            skip, parent_indent = used - 1, None
            continue
        m = label_row(line)
        if m is None and _wraps_onto(lines, i):  # "Incubatees admitted" / "  since 2005  681"
            m = label_row(f"{line.rstrip()} {lines[i + 1].lstrip()}")
            skip = 0 if m is None else 1
        if m is None:
            parent_indent = None
            out.append(line)
            continue
        depth = len(m.group("indent").expandtabs(4))
        label, value = m.group("label"), m.group("value").strip()
        if parent_indent is not None and depth > parent_indent:
            out.append(f"{m.group('indent')}- - {label}: {value}")
            continue
        parent_indent = depth
        out.append(f"{m.group('indent')}{m.group('marks')}{label}: {value}")
    return "\n".join(out)


MIN_TABLE_COLUMNS = 3
MIN_TABLE_ROWS = 2


def _spaced_table(lines: list[str], i: int) -> tuple[list[list[str]] | None, int]:
    """The rows (header first) of the table laid out by spaces that starts at lines[i], if
    any, and how many lines it takes. The header's cells after the first may all be times
    ("Indicator   2019-20   2020-21"); a ruled line may stand under it, and a label wrapped
    onto a deeper-indented line that holds the row's figures is joined into one row."""
    if "  " not in lines[i] and "\t" not in lines[i]:
        return None, 0  # no gap between cells: not a header (the cheap test first)
    header = _cells(lines[i])
    k = i + 1
    if k < len(lines) and _RULE_RE.fullmatch(lines[k]):
        k += 1
    over_values = k < len(lines) and heads_value_columns(lines[i], header, len(_cells(lines[k])))
    if over_values:
        header = ["", *header]
    if len(header) < MIN_TABLE_COLUMNS or not (over_values or _is_header(header)):
        return None, 0
    rows = [header]
    while k < len(lines):
        cells, used = _cells(lines[k]), 1
        if len(cells) == 1 and not has_digit(cells[0]) and k + 1 < len(lines):
            more = _cells(lines[k + 1])  # "Funds raised by companies," / "  cumulative  21.0"
            if len(more) == len(header) and indent(lines[k + 1]) > indent(lines[k]):
                cells, used = [f"{cells[0]} {more[0]}", *more[1:]], 2
        if len(cells) != len(header) or not cells[0][0].isalpha():  # "Web3", not "2019"
            break
        if not all(has_digit(c) or NO_VALUE_RE.fullmatch(c) for c in cells[1:]):
            break
        rows.append(cells)
        k += used
    return (rows, k - i) if len(rows) > MIN_TABLE_ROWS else (None, 0)


def _is_header(cells: list[str]) -> bool:
    """Column headings: none holds a figure, or each after the label names a time."""
    if not any(has_digit(c) for c in cells):
        return True
    return not has_digit(cells[0]) and all(is_time_cell(c) for c in cells[1:])


def _cells(line: str) -> list[str]:
    return [c for c in CELL_GAP_RE.split(line.strip()) if c]


def has_digit(text: str) -> bool:
    """Whether a character of `text` is a digit (`str.isdigit`: "2", "٣", "²")."""
    if _DECIMAL_RE.search(text):
        return True  # a decimal digit is a digit
    return not text.isascii() and any(ch.isdigit() for ch in text)  # "²", "①" are digits too


_RULE_RE = re.compile(r"[ \t]*(?:[-=_*~][ \t]*){3,}")
MIN_COLUMN_LINES = 3


def split_columns(text: str) -> str:
    """`text` with each block of two columns side by side written column by column."""
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        col, end = _column_block(lines, k)
        if col is None:
            out.append(lines[k])
            k += 1
            continue
        block = [line.expandtabs(4) for line in lines[k:end]]
        for side in (slice(None, col), slice(col + 1, None)):
            out.append("")
            for line in block:
                if _RULE_RE.fullmatch(line):
                    out.append("")
                elif line[side].strip():
                    out.append(line[side].rstrip())
        out.append("")
        k = end
    return "\n".join(out)


def _column_block(lines: list[str], k: int) -> tuple[int | None, int]:
    """Where the "|" stands in the block of side-by-side columns starting at lines[k], and
    where the block ends: lines with one "|" at the same place (ruled lines between them)."""
    col = _bar(lines[k])
    if col is None:
        return None, k
    end, count = k, 0
    while end < len(lines):
        line = lines[end]
        if _RULE_RE.fullmatch(line):
            end += 1
            continue
        bar = _bar(line)
        if bar is None or abs(bar - col) > 1:
            break
        # A label and its value in one cell ("Unicorns   2 |"): no table of one column each.
        count += any(has_digit(h) and re.search(r"[^\W\d_]", h) for h in line.split("|"))
        end += 1
    while end > k and _RULE_RE.fullmatch(lines[end - 1]):
        end -= 1
    return (col, end) if count >= MIN_COLUMN_LINES else (None, k)


def _bar(line: str) -> int | None:
    """Where the one "|" of a line that has text before it stands (tabs at 4), else None."""
    line = line.expandtabs(4)
    if line.count("|") != 1 or not line.split("|", 1)[0].strip():
        return None
    return line.index("|")


_GOES_ON = "(["  # a wrapped label's second line may open with a bracket


def _wraps_onto(lines: list[str], i: int) -> bool:
    """Whether lines[i], a label with no figure, goes on in the next, deeper-indented line
    (alone: a second deeper line makes lines[i] a group's heading) that ends with a value."""
    if i + 1 >= len(lines) or not lines[i + 1][:1].isspace():
        return False  # no deeper line below (the cheap test first)
    if not lines[i].strip() or has_digit(lines[i]):
        return False
    if not lines[i].lstrip()[0].isalpha():
        return False
    depth, rest = indent(lines[i]), lines[i + 1].lstrip()
    if not rest or indent(lines[i + 1]) <= depth or not (rest[0].islower() or rest[0] in _GOES_ON):
        return False  # "(cumulative) ..... HK$8.4 billion" goes on; "Unicorns ... 3" does not
    if label_row(f"{lines[i].rstrip()} {rest}") is None:
        return False
    after = lines[i + 2] if i + 2 < len(lines) else ""
    return not after.strip() or indent(after) <= depth
