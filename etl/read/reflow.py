"""Hard-wrapped lines joined into paragraphs: one line a paragraph, heading or list item.

Reflow rules (a line break inside a blank-line separated block):
- a break after ``word-`` joins the two halves (see `join_hyphenated` for the hyphen);
- label/value lines ("Listed companies ...... 10") are written "label: value" first
  (`etl.read.label_rows`), and a break before one is kept;
- a break is kept before and after a table row ("FinTech | Over 400 companies"), and
  between two short lines parted into as many cells by " / " ("2015-16 / 612 / 96");
- a break is kept before a date line ("Hong Kong, 5 June 2025 – ...", "Monday, 15 March"),
  a Markdown heading, a bare URL, or a list item that follows a finished line, and after a
  line that is only a date;
- the lines are joined when the first ends with a comma or a small function word ("the",
  "of", "over", ...) or the next starts in lower case, or the first is unfinished and the
  next opens with a figure ("3,100 start-ups", "HK$5 billion");
- an indented line after a finished sentence starts a new paragraph (PDF text does this), and
  so does a line without a letter that no rule above joins ("💬 27   🔁 88");
- otherwise the lines are joined when the first is long, at least `WRAP_FRACTION` of the
  document's wrap width (the 90th percentile of line lengths in multi-line blocks), since a
  short line ends a paragraph or is a heading ("Press Release", "For Immediate Release"),
  unless the next line is far longer than that width: a paragraph on one line, under a
  heading.
A blank line between a paragraph that stops mid-sentence (lower-case word, comma or "word-")
and one that starts in lower case is a page break, and the two are joined.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from etl.read.dates import parse_date_line, parse_yearless_line
from etl.read.label_rows import label_row

if TYPE_CHECKING:
    from spellchecker.spellchecker import WordFrequency

WRAP_FRACTION = 0.75
UNWRAPPED_FACTOR = 1.5  # a line this many times the wrap width long was never wrapped
MIN_WRAPPED_LINES = 4

_HYPHEN_END_RE = re.compile(r"(?<=[A-Za-z])-$")
_LAST_WORD_RE = re.compile(r"([A-Za-z]+)-$")
_FIRST_WORD_RE = re.compile(r"^([A-Za-z]+)")
PART_MARK = r"\((?:[a-z]{1,3}|\d{1,2})\)"  # "(a)", "(iv)", "(2)": the parts of a paper's list
_BULLET_RE = re.compile(rf"^(?:--|[-–•▪●◦*]|\d{{1,2}}[.)]|[a-z][.)]|{PART_MARK})\s")
_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_LIST_JOINER_RE = re.compile(r"[;,]\s+(?:and|or)$")  # a list item's end before the last one
_CELL_RULE = " | "  # between a table row's cells
SLASH_RULE = " / "  # between the cells of a row a reply may print as "2015-16 / 612 / 96"
_SLASH_ROW_WIDTH = 100  # a longer line holding SLASH_RULE is a sentence, not a row
_TERMINAL_RE = re.compile(r"[.!?:;。！？][\"'”’)\]]*$")
# A line that ends in one of these words goes on in the next line.
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "at",
        "in",
        "on",
        "for",
        "with",
        "by",
        "from",
        "between",
        "as",
        "into",
        "than",
        "that",
        "its",
        "their",
        # qualifiers: the figure they go with is on the next line
        "over",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "approximately",
        "roughly",
        "exceeding",
    ]
)
TAIL = 256  # characters of a paragraph's end that say whether it ends a sentence
# An unfinished line followed by a line that opens with a figure goes on ("over\n3,100").
_FIGURE_START_RE = re.compile(r"^(?:\d|(?:HK|US|RMB|S)?\$)")


def wrap_width(blocks: list[list[str]]) -> int | None:
    """The typical width of hard-wrapped lines, or None when the text is not hard-wrapped."""
    lengths = sorted(len(line) for block in blocks if len(block) > 1 for line in block)
    if len(lengths) < MIN_WRAPPED_LINES:
        return None
    return lengths[int(0.9 * (len(lengths) - 1))]


def reflow(lines: list[str]) -> str:
    """Join hard-wrapped lines into one line per paragraph (rules in the module docstring)."""
    bare = [line.strip() for line in lines]
    if not any(map(all, pairwise(bare))):  # no block of two lines: nothing to join
        kept = [line for line in bare if line]
        single: list[str] = []
        for line in kept:  # (each line a block of its own)
            single = _lists_together([line], single)
        return "\n\n".join(_join_page_breaks(single, "\n".join(kept)))
    blocks: list[list[str]] = [[]]
    indented: list[list[bool]] = [[]]
    for line, stripped in zip(lines, bare, strict=True):
        if not stripped:
            if blocks[-1]:
                blocks.append([])
                indented.append([])
            continue
        blocks[-1].append(stripped)
        indented[-1].append(line[:1].isspace())
    width = wrap_width(blocks)
    document = "\n".join(line for block in blocks for line in block)
    paragraphs: list[str] = []
    for block, flags in zip(blocks, indented, strict=True):
        if not block:
            continue
        out = [block[0]]
        for previous, line, is_indented in zip(block, block[1:], flags[1:], strict=False):
            joined = _join(out[-1], line, is_indented, width, document, len(previous))
            if joined is None:
                out.append(line)
            else:
                out[-1] = joined
        paragraphs = _lists_together(out, paragraphs)
    return "\n\n".join(_join_page_breaks(paragraphs, document))


def _lists_together(lines: list[str], paragraphs: list[str] | None = None) -> list[str]:
    """`paragraphs` with each of `lines` (one block) added as one, but a list's items kept
    together; a paper's parts ("(a)", "(b)") only within the block, not across blank lines."""
    paragraphs = [] if paragraphs is None else paragraphs
    first = len(paragraphs)
    for line in lines:
        mark = _BULLET_RE.match(line)
        before = _BULLET_RE.match(paragraphs[-1].rsplit("\n", 1)[-1]) if paragraphs else None
        kind = mark and before and _mark_kind(mark.group())
        if (
            kind
            and kind == _mark_kind(before.group())
            and (kind != "part" or len(paragraphs) > first)
        ):
            paragraphs[-1] += "\n" + line  # a list stays together (not "2. THE NUMBERS" after
            # a bulleted line: a numbered heading of its own)
        else:
            paragraphs.append(line)
    return paragraphs


def _mark_kind(mark: str) -> str:
    """What a list item's mark is: a number ("2."), a letter ("b)"), a bullet, or a part of a
    paper ("(a)", "(iv)"), which may run to paragraphs of its own: kept apart."""
    first = mark[0]
    if first == "(":
        return "part"
    if first.isdigit():
        return "number"
    if first.isalpha():
        return "letter"
    return "bullet"


def _join(
    prev: str, nxt: str, nxt_indented: bool, width: int | None, document: str, prev_width: int
) -> str | None:
    """`prev` (ending in a physical line `prev_width` long) and `nxt` as one, or None."""
    if _URL_RE.match(prev.rsplit(None, 1)[-1]) or _URL_RE.match(nxt.split(None, 1)[0]):
        return None
    # Both patterns look at the end of `prev` only: search its tail, not a growing paragraph.
    if _HYPHEN_END_RE.search(prev[-3:]) and nxt[:1].isalnum():
        return join_hyphenated(prev, nxt, document)
    finished = bool(_TERMINAL_RE.search(prev[-TAIL:]))
    if label_row(nxt) and label_row(prev[-prev_width:]):
        return None  # "of which start-ups ..... 1,760" under a row: a row, however it opens
    if slash_cells(nxt) > 1 and slash_cells(prev[-prev_width:]) == slash_cells(nxt):
        return None  # "2015-16 / 612 / 96" under "Financial year / ... / ...": a table's rows
    if _LIST_JOINER_RE.search(prev[-TAIL:]) and _BULLET_RE.match(nxt) and _BULLET_RE.match(prev):
        return None  # "(d) smart living: about 280 companies; and" over "(e) ...": items
    last_word = prev.rsplit(None, 1)[-1].lower()
    if not finished and (prev.endswith(",") or last_word in _FUNCTION_WORDS or nxt[:1].islower()):
        return f"{prev} {nxt}"
    if nxt.startswith("#") or _is_date_line(nxt) or _is_date_only(prev):
        return None
    if label_row(nxt):  # "Unicorns: 6": a row of a fact box, never a wrapped line's end
        return None
    if _CELL_RULE in nxt or _CELL_RULE in prev[-prev_width:]:
        return None  # "FinTech | Over 400 companies": a table's row, a line of its own
    if not finished and _FIGURE_START_RE.match(nxt) and not _BULLET_RE.match(nxt):
        return f"{prev} {nxt}"
    if _BULLET_RE.match(nxt) and (finished or _BULLET_RE.match(prev)):
        return None
    if nxt_indented and finished:
        return None
    if not any(ch.isalpha() for ch in nxt):
        return None  # "💬 27   🔁 88   ❤️ 540": a post's counters, a line of their own
    if width is not None and prev_width >= WRAP_FRACTION * width:
        # (a next line far longer than the wrap width is not wrapped: the line before it is
        # a line of its own, a heading over a paragraph written on one line)
        return f"{prev} {nxt}" if len(nxt) <= UNWRAPPED_FACTOR * width else None
    return None


def slash_cells(line: str) -> int:
    """How many cells a short line parted by SLASH_RULE holds (1 for any other line)."""
    return 1 if len(line) > _SLASH_ROW_WIDTH else line.count(SLASH_RULE) + 1


def _is_date_line(line: str) -> bool:
    """A date line, with a year or without one ("Monday, 15 March")."""
    return parse_date_line(line) is not None or parse_yearless_line(line) is not None


def _is_date_only(line: str) -> bool:
    mention = parse_date_line(line)
    if mention is None:
        found = parse_yearless_line(line)
        return found is not None and len(line) - found[4] <= 3
    return len(line) - mention.end <= 3


def join_hyphenated(prev: str, nxt: str, document: str) -> str:
    """Join a line ending in "word-" to the next, keeping the hyphen only if it is a real one.

    The hyphen stays before a capital or a digit ("Beijing-Hong Kong", "COVID-19"), when the
    document itself writes the hyphenated form elsewhere, or when the joined word is not an
    English word or is much rarer than its halves ("in-depth", "start-ups", "self-assessment").
    It goes when the document writes the joined word elsewhere or the halves are broken
    syllables of a common word ("devel-opment", "tech-nology", "co-operation").
    """
    left = _LAST_WORD_RE.search(prev)
    right = _FIRST_WORD_RE.match(nxt)
    if not left or not right or not nxt[:1].islower():
        return prev + nxt
    first, second = left.group(1), right.group(1)
    if f"{first}-{second}" in document.replace("\n", " "):
        return prev + nxt
    if re.search(rf"\b{first}{second}\b", document):
        return prev[:-1] + nxt
    return prev[:-1] + nxt if _is_syllable_break(first.lower(), second.lower()) else prev + nxt


def _is_syllable_break(first: str, second: str) -> bool:
    frequency = _english_frequencies()
    joined = frequency[first + second]
    if not joined:
        return False
    halves = min(frequency[first], frequency[second])
    return joined * 10 >= halves


@lru_cache(maxsize=1)
def _english_frequencies() -> WordFrequency:
    """pyspellchecker's English word counts, loaded once on first use (about 0.2 s)."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency


def _join_page_breaks(paragraphs: list[str], document: str) -> list[str]:
    out: list[str] = []
    for paragraph in paragraphs:
        starts_lower = paragraph[:1].islower() and not _URL_RE.match(paragraph.split(None, 1)[0])
        if out and starts_lower and _HYPHEN_END_RE.search(out[-1][-3:]):  # its end only
            out[-1] = join_hyphenated(out[-1], paragraph, document)
        elif out and starts_lower and _stops_mid_sentence(out[-1]):
            out[-1] = f"{out[-1]} {paragraph}"
        else:
            out.append(paragraph)
    return out


def _stops_mid_sentence(paragraph: str) -> bool:
    last_line = paragraph.rsplit("\n", 1)[-1]
    last_word = last_line.rsplit(" ", 1)[-1]
    return not _URL_RE.match(last_word) and (last_word[-1:].islower() or last_word.endswith(","))
