"""A table as lines of text the extractor reads: a lead-in line, then "- Label: value" items.

Every reader (Markdown, HTML, PDF) hands its tables here, so a table reads the same whatever
the file format:
- a table whose first column gives times ("Year-end | Companies" / "2019 | 1,500") becomes
  one list a row, led in by that time ("Year-end 2019:" then "- Companies: 1,500");
- any other table becomes one list a value column, each led in by the column's heading
  ("31 Dec 2020:" then "- Community companies: 1,700"); a single value column with a
  heading that is no time ("Indicator | Figure") needs no lead-in and keeps to the
  paragraph above it, which usually names the table;
- a currency a label names in brackets ("Funds raised (HK$)") is written before a bare
  number in its row, so that "25.1 bn" reads as money.
A header row with nothing over the values ("Forum at a glance | |") is the table's title and
stays as a line of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from etl.calendar import month_re, phrase_words
from etl.read.dates import FULL_DATE_RE, MONTH_YEAR_RE, YEAR_IN_RE

_YEAR_RE = re.compile(r"(?<![\d.,$€£¥])(?:19|20)\d{2}(?:\s*[-–/]\s*\d{2}(?:\d{2})?)?(?![\d.,])")
_NOT_TIME_RE = re.compile(r"[\d$€£¥%]")
_NOTE_MARK_RE = re.compile(r"\s*\(\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]")  # a note's mark: "2015-16(1)", "2021¹"
_CURRENCY_RE = re.compile(
    r"\((?:[^()$,;]*[,;])?\s*((?:[A-Z]{1,3})?\$|RMB|HKD|USD|EUR|€|£|¥)\s*(billion|million|bn|mn|m)?"
    r"\s*(?:[,;][^()]*)?\)"
)
_SCALE_WORDS = {"m": "million", "mn": "million", "bn": "billion"}
_BARE_NUMBER_RE = re.compile(r"[~≈]?\d[\d,.]*")
_PERCENT_LABEL_RE = re.compile(r"\(\s*(?:%|per\s?cent|percent)(?:\s+of\s[^()]*)?\s*\)", re.I)
# A cell that is one figure: "2,000+", "~780", "HK$38.9 bn", "65%".
FIGURE_CELL_RE = re.compile(
    r"(?:[~≈]\s?)?(?:[A-Z]{0,3}\$|RMB|€|£)?\s?\d[\d,.]*"
    r"(?:\s?(?:bn|mn|m|k|billion|million))?\s?[+%]?"
)
MAX_TIME_CHARS = 40
MAX_VALUE_CHARS = 40  # a table's value cells are short
NO_VALUE_RE = re.compile(r"n/?a|[-–—]", re.IGNORECASE)  # a cell that holds no value
# What parts the cells of a line laid out by spaces: two spaces or more, or a tab.
CELL_GAP_RE = re.compile(r"[ \t]{2,}|\t")
MIN_UNRULED_ROWS = 3  # a header and two rows: fewer is no table without its rule
# A cell of a line laid out by spaces: words one space apart ("Start-ups in   the community").
LAID_OUT_CELL_RE = re.compile(r"\S+(?: \S+)*")
_TRAILING_FIGURE_RE = re.compile(rf"(.*[^\W\d_]\S*)\s+({FIGURE_CELL_RE.pattern})")


def indent(line: str) -> int:
    """How far `line` is indented (a tab as four spaces)."""
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def long_value(cell: str) -> bool:
    """Whether a cell is too long for a table's value: longer than MAX_VALUE_CHARS, unless it
    is a figure with a note in brackets ("320+ (founders from 25+ countries and regions)")."""
    if len(cell) <= MAX_VALUE_CHARS:
        return False
    m = FIGURE_CELL_RE.match(cell)
    return m is None or _NOTE_AFTER_RE.fullmatch(cell, m.end()) is None


_NOTE_AFTER_RE = re.compile(r"\s*\([^()\n]{1,80}\)\s*")


def value_first(value: str, label: str) -> list[str] | None:
    """A row of one figure then its label ("1,700+ | Start-ups and tech companies"), as cells
    label first; None when the first cell is no figure (a time then an event, "2005 |
    Incubation Programme launched") or the label is no words."""
    value, label = value.strip(), label.strip()
    if is_time_cell(value) or not FIGURE_CELL_RE.fullmatch(value):
        return None
    return [label, value] if label[:1].isalpha() and not CELL_GAP_RE.search(label) else None


def split_trailing_figure(cells: list[str], width: int) -> list[str]:
    """A row one cell short whose label its first value follows after a space or two only
    ("Funds raised (cumulative) HK$35.6 billion  |  HK$32.4 billion"): that value given its
    own cell; any other row as it is."""
    if len(cells) != width - 1 or len(cells) < 2:
        return cells
    m = _TRAILING_FIGURE_RE.fullmatch(cells[0])
    return [m.group(1), m.group(2).strip(), *cells[1:]] if m else cells


def spaced_row(line: str, figures: int = 1) -> list[str] | None:
    """[label, figure, ...] of a line that is a short label with no end mark and `figures`
    figures one space apart after it ("Unicorns 4", "Share of local companies 74%", "Unicorns
    7 6"); None for any other line."""
    label, cells = line.strip(), []
    for _ in range(figures - 1):
        label, _, last = label.rpartition(" ")
        if not FIGURE_CELL_RE.fullmatch(last):
            return None
        cells.insert(0, last)
    m = _SPACED_ROW_RE.fullmatch(label)
    stop, longest = (_LABEL_STOP_RE, _PART_HEADING_CHARS) if figures == 1 else (
        _HEADED_LABEL_STOP_RE, MAX_HEADED_LABEL_CHARS)  # fmt: skip
    if m is None or len(m.group(1)) > longest or stop.search(m.group(1)):
        return None
    last = m.group(1).rsplit(" ", 1)[-1]
    if FIGURE_CELL_RE.fullmatch(last) and not _YEAR_RE.fullmatch(last):
        return None  # "IP rights held 780 960": two figures, not a label ending in one
    return [m.group(1), m.group(2).strip(), *cells]


def spaced_header(line: str) -> list[str] | None:
    """[label, time, time, ...] of a line that ends in two or more times one space apart
    ("Community (as at 31 March) 2022/23 2021/22"); None for any other line."""
    words = line.split()
    times: list[str] = []
    while words and is_time_cell(words[-1]) and YEAR_IN_RE.search(words[-1]):
        times.insert(0, words.pop())
    if len(times) < 2 or not words or _LABEL_STOP_RE.search(" ".join(words)):
        return None
    return [" ".join(words), *times]


# (the label may end in a time: "Start-ups admitted since 2005 1,108")
_SPACED_ROW_RE = re.compile(rf"([^\W\d_].*\S)\s({FIGURE_CELL_RE.pattern})")
_LABEL_STOP_RE = re.compile(r"[.:;,!?]\s|[.:;,!?]$|\s{2,}|\|")  # a sentence, or cells set apart
# (a row of several figures under a line of times may name its measure after a comma:
# "Funding raised by community companies, cumulative (HK$ billion) 21.4 34.6")
_HEADED_LABEL_STOP_RE = re.compile(r"[.:;!?]\s|[.:;,!?]$|\s{2,}|\|")


def is_time_cell(cell: str) -> bool:
    """A short cell that names a time: "2019", "2019-20", "30 Jun 2021", "Year-end 2022", or
    the time of writing ("Today", "Now")."""
    cell = cell.strip()
    if not cell or len(cell) > MAX_TIME_CHARS:
        return False
    if phrase_words("present").fullmatch(cell):
        return True
    for pattern in (FULL_DATE_RE, MONTH_YEAR_RE, _YEAR_RE):
        match = pattern.search(cell)
        if match:
            rest = _NOTE_MARK_RE.sub("", cell[: match.start()] + cell[match.end() :])
            return _NOT_TIME_RE.search(rest) is None
    return False


def heads_value_columns(line: str, cells: list[str], width: int) -> bool:
    """Whether `line`, cut into `cells`, holds the headings of a table `width` columns wide
    over its value columns only ("      Cyberport   Kiln 9 (Lisbon)" over "Opened   2004
    2019"): indented, one cell fewer than its rows, none a figure or a time (a name may hold
    digits)."""
    return (
        line[:1] in (" ", "\t")
        and len(cells) == width - 1
        and not any(FIGURE_CELL_RE.fullmatch(c) or is_time_cell(c) for c in cells)
    )


def label_over_row(
    lines: list[str], k: int, cells_of: Callable[[str], list[str] | None]
) -> tuple[list[str], int] | None:
    """The row whose label starts on lines[k], a line of words alone, and ends on a line after
    it, set in deeper beside the row's figures ("Start-ups admitted to" / "  incubation
    programmes   120   138"), past up to two more lines of its words ("  incubation
    programmes" / "  (cumulative since 2005)   390   460"): its cells as `cells_of` cuts the
    last line, the label whole, and the number of lines it takes; None when the lines are not
    so (each reader then asks what its values must hold)."""
    if k + 1 >= len(lines) or not lines[k].strip() or indent(lines[k + 1]) <= indent(lines[k]):
        return None
    if CELL_GAP_RE.search(lines[k].strip()) or any(ch.isdigit() for ch in lines[k]):
        return None
    words = [lines[k].strip()]
    for j in range(k + 1, min(k + 1 + _LABEL_LINES, len(lines))):
        if indent(lines[j]) <= indent(lines[k]):
            return None
        cells = cells_of(lines[j])
        if cells and len(cells) >= 2:
            return [" ".join([*words, cells[0]]), *cells[1:]], j - k + 1
        part = lines[j].strip()
        if not part or CELL_GAP_RE.search(part) or any(ch.isdigit() for ch in part):
            return None
        words.append(part)  # "  incubation programmes": the label goes on
    return None


_LABEL_LINES = 3  # the lines under a label's first that may carry it on to its figures


def is_part_heading(line: str) -> bool:
    """Whether `line` may head a part of a table: a few words alone, no cells set apart, no
    figure but a day in a bracketed note, no end mark ("Community", "Achievements of
    companies", "Community companies (as at March 31)"). Each reader says where one may stand."""
    words = line.strip()
    return (
        0 < len(words) <= _PART_HEADING_CHARS
        and CELL_GAP_RE.search(words) is None
        and "|" not in words
        and not any(ch.isdigit() for ch in _BRACKETED_RE.sub("", words))
        and not words.endswith((".", ":"))
    )


_PART_HEADING_CHARS = 60
MAX_HEADED_LABEL_CHARS = 90  # a row's label under a line of times may say more
_BRACKETED_RE = re.compile(r"\([^()\n]*\)")


def table_lines(rows: list[list[str]]) -> list[str]:
    """The lines a table reads as; `rows` are its cells, the header row first.

    Blocks are separated by an empty string (a blank line). Empty rows are skipped; a table
    of one column is a plain list. A caption goes before the table, as a line of its own.
    """
    rows = [[_cell(c) for c in row] for row in rows]
    rows = rows[:1] + [row for row in rows[1:] if any(row)]  # (an empty header: no header)
    filled = [row for row in rows if any(row)]
    if not filled:
        return []
    width = max(len(row) for row in filled)
    rows = [(row + [""] * (width - len(row)))[:width] for row in rows]
    header, body = rows[0], rows[1:]
    if width == 2 and is_time_cell(header[1]) and phrase_words("event_words").search(header[0]):
        header, body = ["", ""], rows  # "Programme launched | 2005": a fact, not a heading
    out = []
    if width > 1 and header[0] and not any(header[1:]):  # "Forum at a glance | |": a title
        out, header = [header[0], ""], [""] * width
    if width == 1 or not body:
        return out + ["- " + " ".join(c for c in row if c) for row in rows if any(row)]
    if all(is_time_cell(row[0]) for row in body if row[0]):
        each = _day_of_each_year(header[0])  # "Year (as at 31 December)": each row's year's day
        if each:
            out += [header[0], ""]
        for row in body:
            out += [_lead_in(row[0] if each else f"{header[0]} {row[0]}"), ""]
            out += [_item(header[j], row[j]) for j in range(1, width) if row[j]] + [""]
        return out[:-1]
    if _day_of_each_year(header[0]) and any(map(is_time_cell, header[1:])):
        out += [header[0], ""]  # "Community (as at 31 March) | 2021 | 2020": each year's day
    if width == 2 and YEAR_IN_RE.search(header[0]) and not YEAR_IN_RE.search(header[1]):
        out += [_lead_in(header[0]), ""]  # "Indicator (as at 30 September 2019) | Figure"
    for j in range(1, width):
        items = [_item(row[0], row[j]) for row in body if row[j]]
        if not items:
            continue
        if width > 2 or is_time_cell(header[j]) or YEAR_IN_RE.search(header[j]):
            # (a two-column table's heading is said when it dates the column: "Community
            # companies (as at end-September 2021)")
            out += [_lead_in(header[j]), ""]
        out += [*items, ""]
    return out[:-1]


def _day_of_each_year(cell: str) -> bool:
    """Whether a label heading notes a day and month but no year ("Cyberport community (as at
    31 March)", "As at 31 March"): the day each year column stands at."""
    note = _BRACKETED_RE.search(cell) or _AS_AT_RE.match(cell)  # (or "As at 31 March" alone)
    return (
        note is not None
        and not YEAR_IN_RE.search(cell)
        and re.search(rf"\b(?:{month_re()})\b", note.group(), re.IGNORECASE) is not None
    )


_AS_AT_RE = re.compile(r"\s*as\s+(?:at|of)\s.*", re.IGNORECASE)


def _cell(cell: str) -> str:
    """A cell as the table's lines write it: one space between words, nothing for a cell that
    holds no value ("n/a", "-"), and thousands parted by a space written with a comma ("1 812",
    as official tables write them, is one number: "1,812")."""
    cell = " ".join(cell.split())
    if NO_VALUE_RE.fullmatch(cell):
        return ""
    return cell.replace(" ", ",") if _SPACED_THOUSANDS_RE.fullmatch(cell) else cell


_SPACED_THOUSANDS_RE = re.compile(r"\d{1,3}(?: \d{3})+")


def _lead_in(text: str) -> str:
    """A line that leads into the items under it, opening in capitals: a blank line before a
    lower-case line is read as a page break ("year 2017-18:" would join the item above)."""
    text = text.strip().rstrip(":")
    return text[:1].upper() + text[1:] + ":"


def _item(label: str, value: str) -> str:
    """ "- label: value", with a currency the label names put before a bare number."""
    label = label.rstrip(": ")  # "Unicorns nurtured:" in a table laid out by spaces
    if _PERCENT_LABEL_RE.search(label) and _BARE_NUMBER_RE.fullmatch(value):
        value += "%"  # "Share of local companies (%) | 68"
    unit = _CURRENCY_RE.search(label)
    if unit and _BARE_NUMBER_RE.fullmatch(value.split(" ")[0]):
        rest = value.lstrip("~≈")
        value = value[: len(value) - len(rest)] + unit.group(1) + rest
        if unit.group(2) and " " not in rest:  # "(HK$ billion)" over "9.1"
            value += f" {_SCALE_WORDS.get(unit.group(2).lower(), unit.group(2))}"  # "HK$m": million
    return f"- {label}: {value}" if label else f"- {value}"


Rows = Callable[[list[str], int], tuple[list[list[str]], int]]


def write_tables(text: str, rows_at: Rows) -> str:
    """`text` with each table `rows_at` finds (its rows and the line after it; no rows: none
    starts there) written out as `table_lines` writes a table."""
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


def rows_by(end_of: Callable[[list[str], int], int], cells: Callable[[str], list[str]]) -> Rows:
    """`rows_at` for tables whose lines are rows: lines[k:end_of(lines, k)] cut into `cells`."""

    def rows_at(lines: list[str], k: int) -> tuple[list[list[str]], int]:
        end = end_of(lines, k)
        return [cells(line) for line in lines[k:end]], end

    return rows_at
