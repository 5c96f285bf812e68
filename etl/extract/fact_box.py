"""Fact boxes: runs of label/value lines ("Unicorns: 8", "- Listed companies: 5") or of short
list items that open with their figure ("- 8 unicorns nurtured").

A fact box is read as a table is: a line of it that names no owner is the document's main
organisation's (the "table_document" owner), unless the heading it sits under names another
organisation; a sub-row (a nested item, or a label that opens in lower case: "- on campus:
650", "of which start-ups: 1,700") is read with the label of the row it hangs from.
"""

from __future__ import annotations

import re

# A label, a colon, then a short value holding a figure.
_VALUE_LINE = re.compile(
    r"[ \t]*(?:[-•*–]\s+)*([^:\n]{2,80}?)[ \t]*:[ \t]*([^:\n]{0,40}\d[^:\n]{0,40})"
)
# A short list item that opens with its figure: "- 8 unicorns nurtured", "- HK$3 bn raised".
_FIGURE_ITEM = re.compile(
    r"[ \t]*[-•*–][ \t]+((?:[A-Z]{0,3}\$|RMB|€|£)?\d[\d,.]*\S*)(?:[ \t]+[^\s:;.!?]+){1,8}[ \t]*"
)
_SUB_ROW = re.compile(r"[ \t]*(?:[-•*–][ \t]+){2,}|[ \t]*(?:[-•*–][ \t]+)?[a-z]")


def _line(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b


def _neighbour(text: str, a: int, b: int, step: int) -> tuple[int, int] | None:
    """The nearest non-blank line before (step -1) or after (step 1) the line a:b."""
    pos = a - 1 if step < 0 else b + 1
    while 0 <= pos <= len(text) and (pos < len(text) or step < 0):
        la, lb = _line(text, pos) if pos < len(text) else (pos, pos)
        if text[la:lb].strip():
            return la, lb
        pos = la - 1 if step < 0 else lb + 1
        if pos < 0 or pos > len(text):
            return None
    return None


def box_value(text: str, pos: int) -> int | None:
    """Where the value of the fact-box row at `pos` starts: after the label of a label/value
    line, or the figure opening a short list item; None on any other line."""
    a, b = _line(text, pos)
    m = _VALUE_LINE.fullmatch(text, a, b) or _FIGURE_ITEM.fullmatch(text, a, b)
    return None if m is None else m.start(2) if m.re is _VALUE_LINE else m.start(1)


def in_fact_box(text: str, pos: int) -> bool:
    """Whether `pos` is on a fact-box row (see `box_value`) next to another one."""
    a, b = _line(text, pos)
    if box_value(text, a) is None:
        return False
    for step in (-1, 1):
        n = _neighbour(text, a, b, step)
        if n is not None and box_value(text, n[0]) is not None:
            return True
    return False


def parent_label(text: str, pos: int) -> str | None:
    """The label of the row a sub-row at `pos` hangs from, if it is a sub-row."""
    a, b = _line(text, pos)
    if not _VALUE_LINE.fullmatch(text, a, b) or not _SUB_ROW.match(text, a, b):
        return None
    n = _neighbour(text, a, b, -1)
    while n is not None:
        m = _VALUE_LINE.fullmatch(text, *n)
        if m is None:
            return None
        if not _SUB_ROW.match(text, *n):
            return m.group(1)
        n = _neighbour(text, n[0], n[1], -1)
    return None
