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
"""

from __future__ import annotations

import re

MAX_VALUE_CHARS = 40
_MARKS = r"(?:[-–•▪●◦*][ \t]+)*"
MAX_LEADER_VALUE_WORDS = 6  # "The hub grew fast... to 900 firms in the year to March": prose
# Dots, middle dots or underscores (spaced or not), ellipses, a tab or a run of spaces.
_LEADER = r"[ \t]*(?:[.·_][ \t]*){3,}|[ \t]*(?:…[ \t]*)+|[ \t]*\t[ \t]*|[ \t]{2,}"
_ROW_RE = re.compile(
    rf"(?P<indent>[ \t\u00a0]*)(?P<marks>{_MARKS})"
    rf"(?P<label>[^\W\d_][^\n:|]*?[^\s.·…_:])"
    rf"(?:(?P<leader>{_LEADER})|[ \t]*:[ \t]*)"
    r"(?P<value>[^\n:|\t]*\d[^\n:|\t]*?)[ \t]*"
)
_CUES = (":", "  ", "\t", "...", ". .", "…", "·", "__")
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
    """A cheap test that `line` can be a label/value line: its short value, which holds a
    figure, stands right after a colon or a leader at its end (a prose line rarely does)."""
    tail = line.rstrip()[-(MAX_VALUE_CHARS + 2) :]
    if ":" in line and line.count(":") > 1:
        return False  # neither label nor value holds a colon: one colon, or none
    return (":" in tail or _GAP_RE.search(tail) is not None) and any(ch.isdigit() for ch in tail)


def write_label_rows(text: str) -> str:
    """`text` with each label/value line written as "label: value" (see the module doc)."""
    if not any(mark in text for mark in _CUES):
        return text
    out: list[str] = []
    parent_indent: int | None = None  # the indent of the last top-level label/value row
    for line in text.split("\n"):
        m = label_row(line) if line.strip() else None
        if m is None:
            if line.strip():
                parent_indent = None
            out.append(line)
            continue
        indent = len(m.group("indent").expandtabs(4))
        label, value = m.group("label"), m.group("value").strip()
        if parent_indent is not None and indent > parent_indent:
            out.append(f"{m.group('indent')}- - {label}: {value}")
            continue
        parent_indent = indent
        out.append(f"{m.group('indent')}{m.group('marks')}{label}: {value}")
    return "\n".join(out)
