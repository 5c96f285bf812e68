"""Figures a PDF page sets as tiles, each over its caption ("2,000+" over "start-ups and tech
companies"), read as one line a tile: "- 2,000+ start-ups and tech companies". A row of tiles
holds two or more figures side by side; a stack holds single tiles one under the other."""

from __future__ import annotations

import re
from collections.abc import Callable

from etl.read.tables import FIGURE_CELL_RE, LAID_OUT_CELL_RE, is_time_cell

CAPTION_GAP = 2  # lines from a tile's figure to its caption (a blank one between)
MIN_STACKED_TILES = 3  # single tiles one under the other, read as tiles ("8" over "unicorns")
MAX_CAPTION_CHARS = 60  # a stacked tile's caption: one short line
# A tile's figure, a qualifier before it or not ("2,000+", "Over HK$46 billion", "Nearly 70%").
_TILE_FIGURE_RE = re.compile(
    rf"(?:(?i:over|more\s+than|nearly|almost|about|around|some|close\s+to|up\s+to)\s+)?"
    rf"(?:{FIGURE_CELL_RE.pattern})(?:\s(?i:sq\.?\s?m|sq\.?\s?ft|hectares|acres))?"
)  # (or a measure: "120,000 sq m")


def tiles_at(
    lines: list[str], k: int, heads_table: Callable[[list[str], int], bool]
) -> tuple[int, list[str]]:
    """(end, lines) of figures set as tiles from line `k`, each over its caption ("2,000+"
    over "start-ups and tech companies"), read as "- 2,000+ start-ups and tech companies";
    lines is empty when no tiles start there. A row of tiles holds two or more figures, or
    one right after another row of tiles; a stack of single tiles, one under the other,
    holds at least MIN_STACKED_TILES, each under a caption of one short line. `heads_table`:
    whether a table starts at a line (its header of years is no row of tiles)."""
    end, out = _tile_rows(lines, k, heads_table, stacked=False)
    if out:
        return end, out
    end, out = _tile_rows(lines, k, heads_table, stacked=True)
    return (end, out) if len(out) >= 2 * MIN_STACKED_TILES else (k, [])


def _tile_rows(
    lines: list[str], k: int, heads_table: Callable[[list[str], int], bool], stacked: bool
) -> tuple[int, list[str]]:
    out: list[str] = []
    j = end = k
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        starts = _tile_starts(lines[j], single=stacked or bool(out))
        if not starts or (stacked and not _stacked_figure(lines, j, starts)):
            break
        figures = [lines[j][a:b].strip() for a, b in starts]
        if not out and all(map(is_time_cell, figures)) and heads_table(lines, j):
            break  # "2024   2023" over "Companies   2,025   1,860": a table's header
        captions = [""] * len(starts)
        j += 1
        figure_line = j
        while j < len(lines) and j < figure_line + CAPTION_GAP and not lines[j].strip():
            j += 1  # (a blank line may stand between a figure and its caption)
        while j < len(lines) and lines[j].strip() and not _tile_starts(lines[j], single=True):
            for m in LAID_OUT_CELL_RE.finditer(lines[j]):
                # (a caption centred under its figure may start left of it: the nearest centre)
                mid = m.start() + m.end()
                col = min(range(len(starts)), key=lambda i: abs(sum(starts[i]) - mid))
                captions[col] = f"{captions[col]} {m.group()}".strip()
            j += 1
        if not all(captions):
            break
        out += [x for f, c in zip(figures, captions, strict=True) for x in (f"- {f} {c}", "")]
        end = j
    return end, out


def _stacked_figure(lines: list[str], j: int, starts: list[tuple[int, int]]) -> bool:
    """Whether line `j` is one tile of a stack: a figure alone, no year and no paragraph's
    number ("2023", "6."), over one short caption line that opens with no figure."""
    figure = lines[j].strip()
    if len(starts) != 1 or is_time_cell(figure) or figure[-1] in ".)":
        return False
    below = [line for line in lines[j + 1 : j + 2 + CAPTION_GAP] if line.strip()][:1]
    return (
        bool(below)
        and len(below[0].strip()) <= MAX_CAPTION_CHARS
        and FIGURE_CELL_RE.match(below[0].strip()) is None
    )


def _tile_starts(line: str, single: bool) -> list[tuple[int, int]]:
    """The spans of a row of tile figures ("2,000+", "HK$38.9 bn"), or [] for any other line."""
    spans = [m.span() for m in LAID_OUT_CELL_RE.finditer(line)]
    if not spans or (len(spans) < 2 and not single):
        return []
    if not all(_TILE_FIGURE_RE.fullmatch(line, a, b) for a, b in spans):
        return []
    return spans
