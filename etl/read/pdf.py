"""A PDF's text layer in reading order, with its tables kept as rows.

pypdf lays each page out as lines of fixed-width text (`extraction_mode="layout"`), so that
what stands side by side on the page stands side by side in the text. From that layout:
- a page set in two columns (a gutter of blank space down the middle of most lines, with
  running text on both sides) is read column after column;
- figures set as tiles, each over its caption ("2,000+" over "start-ups and tech
  companies"), are read as one line a tile: "- 2,000+ start-ups and tech companies"
  (`etl.read.tiles`);
- a run of lines whose cells are set apart by wide gaps, at least one of them holding a
  figure, is a table: its rows go to `etl.read.tables.table_lines` ("Unicorns nurtured   3"
  becomes "- Unicorns nurtured: 3"), its first row being the header when it holds no figure;
- other lines lose the spaces that justified them, a line that is only a page number goes,
  and a running header or footer repeated on the following pages is kept once.
A scanned PDF without a text layer gives no text; the caller refuses it.
"""

from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader

from etl.read.errors import IngestError
from etl.read.limits import pdf_limit_problem
from etl.read.tables import (
    LAID_OUT_CELL_RE,
    indent,
    is_part_heading,
    is_time_cell,
    label_over_row,
    long_value,
    spaced_header,
    spaced_row,
    split_trailing_figure,
    table_lines,
    value_first,
)
from etl.read.tiles import tiles_at

# pypdf logs what it repairs or cannot read; the one-line IngestError is what the user sees.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)

CELL_GAP = 4  # spaces between two cells of a table row (justified prose has 1-3)
MIN_COLUMN_CHARS = 20  # text on each side of a gutter, in a page set in two columns
MIN_COLUMN_LETTERS = 12  # and letters in it: a table's columns of figures are no text columns
GUTTER_SHARE = 0.6  # of the long lines of a two-column block that the gutter runs through
MIN_SPLIT_LINES = 6  # lines a gutter splits, at least, for a block set in two columns
MIN_SPACED_ROWS = 3  # lines of a label and its figure one space apart, one under the other
MIN_HEADED_ROWS = 2  # such lines under a line of times, one figure a time
_ROW_GAP = 2  # lines from one such row to the next (a blank one between)

_GAP_RE = re.compile(rf" {{{CELL_GAP},}}")
# A rule drawn as "  |  " parts cells too, in a row laid out by gaps ("Unicorns     7  |  6")
# and in the rows under one ("Funds raised   HK$35.6 billion  |  HK$32.4 billion").
_RULED_GAP_RE = re.compile(rf" +\| +| {{{CELL_GAP},}}")  # (a pipe with all its spaces first)
_SPACES_RE = re.compile(r" {2,}")
_COLON_ROW_RE = re.compile(r"(?![-•*▪●])([^:]{2,80}?):\s+(\S.*)")  # "Unicorns: 8"
_PIPED_RE = re.compile(r"\S +\| +\S.* +\| +\S")  # cells parted by two spaced pipes, or more
# A figure then its label after a narrower gap: "1,900+    start-ups and technology companies".
_VALUE_GAP_RE = re.compile(r"(\S+(?: (?:bn|mn|billion|million)\+?)?) {3,}(\S.*)")
_DIGIT_RE = re.compile(r"\d")
_RULE_LINE_RE = re.compile(r"\s*[-=_–—]{3,}\s*")
_PAGE_NUMBER_RE = re.compile(  # "12", "- 12 -", "Page 1 of 2", "p. 3/8"
    r"\s*(?:[-–]\s*)?(?:(?i:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–])?\s*"
)


def pdf_text(data: bytes, name: str) -> str:
    """The text of a PDF's pages, in reading order; broken PDFs are an `IngestError`."""
    if b"%PDF-" not in data[:1024]:
        raise IngestError(name, "not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise IngestError(name, "PDF is encrypted with a password")
        layouts = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on a damaged file
        reason = pdf_limit_problem(exc) or f"malformed PDF ({type(exc).__name__}: {_short(exc)})"
        raise IngestError(name, reason) from exc
    pages = [reading_order(layout.split("\n")) for layout in layouts]
    return "\n\n".join(_drop_running_lines(pages))


def reading_order(lines: list[str]) -> list[str]:
    """One page's layout lines as text lines: columns one after the other, tables as rows (a
    title or a table across the page above or below the columns read in its place)."""
    lines = [line.rstrip() for line in lines]
    found = _gutter(lines)
    if found is None:
        return _page_lines(lines)
    column, first, last = found
    block = lines[first : last + 1]
    return [
        *_page_lines(lines[:first]),
        *_page_lines([line[:column] for line in block]),
        "",
        *_page_lines([line[column:] for line in block]),
        *_page_lines(lines[last + 1 :]),
    ]


def _gutter(lines: list[str]) -> tuple[int, int, int] | None:
    """The column of the blank band that splits a page's lines in two columns of running text,
    and the first and last line it splits; None when there is none."""
    long = [i for i, line in enumerate(lines) if len(line.strip()) >= 2 * MIN_COLUMN_CHARS]
    if len(long) < MIN_SPLIT_LINES:
        return None
    width = max(len(lines[i]) for i in long)
    split_at: dict[int, list[int]] = {}  # gutter column -> the lines it splits as prose
    for i in long:
        line = lines[i]
        for gap in _GAP_RE.finditer(line):
            left, right = line[: gap.start()].strip(), line[gap.end() :].strip()
            if _prose(left) and _prose(right):
                for c in range(gap.start() + 1, gap.end() - 1):
                    if width // 4 <= c <= 3 * width // 4:
                        split_at.setdefault(c, []).append(i)
    if not split_at:
        return None
    column, rows = max(split_at.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    first, last = rows[0], rows[-1]
    in_block = [i for i in long if first <= i <= last]
    if len(rows) < MIN_SPLIT_LINES or len(rows) < GUTTER_SHARE * len(in_block):
        return None
    while last + 1 < len(lines) and lines[last + 1].strip() and _open_at(lines[last + 1], column):
        last += 1  # a column's last lines, where the other has ended or ends
    while first > 0 and _open_at(lines[first - 1], column):
        first -= 1  # a running header set on both sides ("Review ... November 2017")
    return column, first, last


def _open_at(line: str, column: int) -> bool:
    """Whether `line` is blank at `column` and the character before it (the gutter's place)."""
    return not line[column - 1 : column + 1].strip()


def _prose(text: str) -> bool:
    """Enough letters to be a column of running text (not the figures of a table's columns)."""
    return sum(c.isalpha() for c in text) >= MIN_COLUMN_LETTERS


def _page_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    k = 0
    while k < len(lines):
        end, tiles = tiles_at(lines, k, _heads_table)
        if tiles:
            out += ["", *tiles]
            k = end
            continue
        end, rows = _table_at(lines, k)
        if not rows:
            end, rows = _spaced_rows_at(lines, k)
        if not rows:
            end, rows = _colon_rows_at(lines, k)
        if rows:
            out += ["", *table_lines(rows), ""]
            k = end
            continue
        line = lines[k].strip()
        if not _PAGE_NUMBER_RE.fullmatch(line):
            out.append(_SPACES_RE.sub(_one_space, line))
        k += 1
    return out


def _one_space(gap: re.Match[str]) -> str:
    """A run of spaces in a line as one, or as two between two figures ("2022/23  2021/22")."""
    text, a, b = gap.string, gap.start(), gap.end()
    return "  " if a and b < len(text) and text[a - 1].isdigit() and text[b].isdigit() else " "


def _spaced_rows_at(lines: list[str], k: int) -> tuple[int, list[list[str]]]:
    """(end, rows) of a run of at least MIN_SPACED_ROWS lines from line `k`, one under the
    other, each a short label and a figure one space after it ("Unicorns 4", "Funding raised
    since 2005 HK$33.2 billion"): a key figures page set without gaps. The rows come under a
    blank header (no lead-in of a time), or under a line of a label and times one space
    apart ("Community (as at 31 March) 2022/23 2021/22"), each row then giving a figure a time
    ("Unicorns 7 6"); none when no such run starts there."""
    header = spaced_header(lines[k])
    if header is not None:  # "Community (as at 31 March) 2022/23 2021/22" over its rows
        rows, j, end = [], k + 1, k + 1
        while j < len(lines):
            if not lines[j].strip() and j - end < _ROW_GAP:
                j += 1  # (a blank line the layout sets between rows)
                continue
            row = spaced_row(lines[j], len(header) - 1)
            if row is None:
                break
            rows.append(row)
            j = end = j + 1
        if len(rows) >= MIN_HEADED_ROWS:
            return end, [header, *rows]
    rows = []
    j = k
    while j < len(lines) and (row := spaced_row(lines[j])) is not None:
        rows.append(row)
        j += 1
    if len(rows) < MIN_SPACED_ROWS:
        return k, []
    return j, [["", ""], *rows]


def _colon_rows_at(lines: list[str], k: int) -> tuple[int, list[list[str]]]:
    """(end, rows) of a run of at least MIN_SPACED_ROWS lines from line `k`, each a short
    label, a colon and a short value with a figure ("Unicorns: 8"): a key figures block."""
    rows = []
    j = k
    while j < len(lines) and (m := _COLON_ROW_RE.fullmatch(lines[j].strip())) is not None:
        if not _DIGIT_RE.search(m[2]) or long_value(m[2]) or "|" in m[2]:
            break  # (a figure a column, parted by pipes: a table, read as one)
        rows.append([m[1], m[2]])
        j += 1
    if len(rows) < MIN_SPACED_ROWS:
        return k, []
    return j, [["", ""], *rows]


def _heads_table(lines: list[str], k: int) -> bool:
    """Whether a table starts at line `k` ("2024   2023" over "Companies   2,025   1,860")."""
    return bool(_table_at(lines, k)[1])


def _cells(line: str, ruled: bool = False) -> list[str] | None:
    """The cells of a table row, or None when `line` is no row (one cell, or long values);
    `ruled`: the rows above part their cells by gaps and spaced pipes too."""
    line = line.strip()
    wide = _GAP_RE.search(line) is not None
    cells = (_RULED_GAP_RE if wide or ruled else _GAP_RE).split(line)
    narrow = _VALUE_GAP_RE.fullmatch(line) if len(cells) == 1 else None
    if narrow and value_first(*narrow.groups()):  # "1,900+    start-ups ...": a narrower gap
        cells = list(narrow.groups())
    if len(cells) == 2 and (row := value_first(*cells)):  # "2,300+      start-ups and ..."
        return [_SPACES_RE.sub(" ", c) for c in row]
    if len(cells) < 2 or any(map(long_value, cells[1:])):
        return None
    return [_SPACES_RE.sub(" ", c) for c in cells]


def _table_at(lines: list[str], k: int) -> tuple[int, list[list[str]]]:
    """(end, rows) of a table starting at line `k`; rows is empty when none starts there."""
    rows: list[list[str]] = []
    end = first = k
    j = k
    ruled = False  # the rows so far part their cells by spaced pipes as well as by gaps
    narrow = False  # a header of times parts its cells by narrower gaps or spaced pipes
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        if len(rows) == 1 and _RULE_LINE_RE.fullmatch(lines[j]):
            j += 1  # a rule under the header
            continue
        cells = _cells(lines[j], ruled)
        if cells is None and not rows and (head := _times_over_gaps(lines, j)) is not None:
            cells, narrow = head, True  # "Indicator | 2023-24 | 2024-25", "Indicator   End-2023
            # End-2024   End-2025": its rows part their cells by narrower gaps
        if cells is None and rows:  # "Start-ups admitted to incubation    1,200+" under a row
            cells = _under_columns(lines[j], lines[end - 1], len(rows[-1]))
            if cells is not None and len(cells) == 2:  # "HK$42 billion+    raised by ..."
                cells = value_first(*cells) or cells
        if cells is None and rows and narrow:
            cells = _narrow_cells(lines[j], len(rows[0]))  # "Unicorns   7   8"
        if cells is None and rows and (below := _label_over(lines, j)) is not None:
            cells, j = below[0], j + below[1] - 1  # "Start-ups admitted to incubation" /
            # "  (cumulative)  1,012": the row, on its last line
        if cells is None and len(rows) > 1 and _label_goes_on(lines[j], lines[end - 1]):
            rows[-1][0] += " " + lines[j].strip()  # "Unicorns   5  |  4" / "  (cumulative)"
            j += 1
            end = j
            continue
        if cells is None and _part_heading(rows, lines[j]):
            j += 1  # "Community" between rows under "Financial year   2023/24   2024/25"
            continue
        if cells is None:
            break
        ruled = ruled or (" | " in lines[j] and _GAP_RE.search(lines[j].strip()) is not None)
        if len(rows) > 1 and not lines[j - 1].strip() and all(map(is_time_cell, cells[1:])):
            break  # "Clusters   2024" after a blank line: the next table's header
        if len(rows) == 1 and len(cells) > len(rows[0]):  # a header whose cells sit closer
            rows[0] = _under_columns(lines[first], lines[j], len(cells)) or rows[0]
        if not rows:
            first = j
        rows.append(cells)
        j += 1
        end = j
    figures = [r for r in rows if any(_DIGIT_RE.search(c) for c in r[1:])]
    if len(rows) < 2 or not figures:
        return k, []
    width = max(len(r) for r in rows)
    header = rows[0]
    if header in figures and not _heads_times(header):
        header = [""] * width
    else:
        rows = rows[1:]
        if len(header) < width and is_time_cell(header[0]) and _heads_times(["", *header]):
            header = [""] * (width - len(header)) + header  # "   2024   2023": over the values
    # Values sit on the right: a row with fewer cells is missing the ones after its label;
    # under times that words over no time follow ("2019/20   2018/19   Change"), the last ones.
    header += [""] * (width - len(header))
    right = is_time_cell(header[-1]) or not _heads_times(header)
    rows = [split_trailing_figure(r, width) for r in rows]
    pads = [[""] * (width - len(r)) for r in rows]
    table = [[r[0], *p, *r[1:]] if right else [*r, *p] for r, p in zip(rows, pads, strict=True)]
    return end, [header, *table]


def _times_over_gaps(lines: list[str], k: int) -> list[str] | None:
    """The cells of line `k` when it heads a table of times parted by spaced pipes or narrow
    gaps ("Indicator   End-2023   End-2024") over rows parted by narrow gaps ("Unicorns   7
    8"); None otherwise."""
    line = lines[k].strip()
    piped = _PIPED_RE.search(line) is not None
    head = (_RULED_GAP_RE if piped else _SPACES_RE).split(line)
    if len(head) < (2 if piped else 3) or not all(map(is_time_cell, head[1:])):
        return None  # (a row of figures, or prose)
    below = next((x for x in lines[k + 1 : k + 4] if x.strip() and not is_part_heading(x)), "")
    if " | " in below or _narrow_cells(below, len(head)) is None:
        return None
    return [_SPACES_RE.sub(" ", c) for c in head]


def _narrow_cells(line: str, width: int) -> list[str] | None:
    """The cells of `line` parted by narrower gaps ("Unicorns   7   8"), under a header whose
    `width` cells spaced pipes part ("Indicator   |   2023-24   |   2024-25"): a label, then a
    figure in every other cell."""
    cells = _SPACES_RE.split(line.strip())
    if len(cells) != width or any(map(long_value, cells[1:])):
        return None
    return cells if all(_DIGIT_RE.search(c) for c in cells[1:]) else None


def _under_columns(line: str, above: str, width: int) -> list[str] | None:
    """The cells of `line` when a narrower gap parts them where the cells of the row `above`
    start or end (a long label leaves its figure fewer spaces: "Start-ups admitted to
    incubation    1,200+" under "Community companies          2,100+"; dates over figures
    set flush right); None otherwise."""
    parts = list(LAID_OUT_CELL_RE.finditer(line))
    cells = list(LAID_OUT_CELL_RE.finditer(above))
    if len(parts) != width or len(cells) != width or width < 2:
        return None
    for m, c in zip(parts[1:], cells[1:], strict=True):  # set flush left or flush right
        if abs(m.start() - c.start()) > _COLUMN_SLACK and abs(m.end() - c.end()) > _COLUMN_SLACK:
            return None
    return [_SPACES_RE.sub(" ", m.group()) for m in parts]


_COLUMN_SLACK = 2  # how far a cell's start or end may be from those of the cell above it


def _part_heading(rows: list[list[str]], line: str) -> bool:
    """Whether `line` heads a part of a table whose header (the only row so far, or the first)
    gives times: a few words alone, no figure ("Community", "Achievements of companies")."""
    return bool(rows) and len(rows[0]) > 1 and _heads_times(rows[0]) and is_part_heading(line)


def _heads_times(header: list[str]) -> bool:
    """Whether a table's first row gives times after its label, each cell a time or words
    without a figure ("2019/20   2018/19   Change")."""
    cells = header[1:]
    times = any(map(is_time_cell, cells))
    return times and all(is_time_cell(c) or not _DIGIT_RE.search(c) for c in cells)


def _label_goes_on(line: str, row: str) -> bool:
    """Whether `line`, under a table's `row`, ends that row's label: a few words alone set in
    deeper than the label, or a note in brackets ("(cumulative since 2005)")."""
    return indent(line) > indent(row) and is_part_heading(line)


def _label_over(lines: list[str], j: int) -> tuple[list[str], int] | None:
    """A row whose label starts a line or more above its figures (`label_over_row`), with a
    figure among its values; and the lines it takes."""
    found = label_over_row(lines, j, _cells)
    return found if found is not None and any(_DIGIT_RE.search(c) for c in found[0][1:]) else None


def _drop_running_lines(pages: list[list[str]]) -> list[str]:
    """The pages' text, with a first or last line repeated on later pages kept only once."""
    seen: set[str] = set()
    out: list[str] = []
    for lines in pages:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        edges = {filled[0], filled[-1]} if filled else set()
        kept = [line for i, line in enumerate(lines) if i not in edges or line.strip() not in seen]
        seen.update(lines[i].strip() for i in edges)
        out.append("\n".join(kept))
    return out


def _opens_without_password(reader: PdfReader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:  # e.g. AES without the optional crypto library
        return False


def _short(exc: Exception, limit: int = 80) -> str:
    message = " ".join(str(exc).split()) or "no details"
    return message if len(message) <= limit else message[: limit - 1] + "…"
