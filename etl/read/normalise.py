"""One clean text per document, the text that every stored span and quote points into.

`normalise_text` fixes mojibake and ligatures (ftfy, keeping curly quotes), drops Markdown
escapes and emphasis markers, collapses stray whitespace, and reflows hard-wrapped lines so
that each line is a whole paragraph, heading or list item, and paragraphs (headings too) are
separated by exactly one blank line; the items of a list stay on consecutive lines.

Reflow rules (a line break inside a blank-line separated block):
- a break after ``word-`` joins the two halves (see `join_hyphenated` for the hyphen);
- label/value lines ("Listed companies ...... 10") are written "label: value" first
  (`etl.read.label_rows`), and a break before one is kept;
- a break is kept before a date line ("Hong Kong, 5 June 2025 – ...", "Monday, 15 March"),
  a Markdown heading, a bare URL, or a list item that follows a finished line, and after a
  line that is only a date;
- the lines are joined when the first ends with a comma or a small function word ("the",
  "of", "over", ...) or the next starts in lower case, or the first is unfinished and the
  next opens with a figure ("3,100 start-ups", "HK$5 billion");
- an indented line after a finished sentence starts a new paragraph (PDF text does this);
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
from etl.read.label_rows import label_row, write_label_rows
from etl.read.markdown import aligned_tables, bare_pipe_rows, pipe_tables, unruled_tables

if TYPE_CHECKING:
    import ftfy
    from spellchecker.spellchecker import WordFrequency

WRAP_FRACTION = 0.75
UNWRAPPED_FACTOR = 1.5  # a line this many times the wrap width long was never wrapped
MIN_WRAPPED_LINES = 4

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_SPACE_CHARS = r" \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
# A run of spaces becomes one plain space; a run that is one already is left alone (matched
# are the runs that change: two or more, or one other space character). Written to start
# with the rarer characters: a plain space is only tried when another space follows it.
_SPACES_RE = re.compile(rf"[{_SPACE_CHARS[1:]}][{_SPACE_CHARS}]*| [{_SPACE_CHARS}]+")
# The space characters other than a plain space, tab, form feed and vertical tab.
_WIDE_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_BLANK_LINES_RE = re.compile(r"\n{3,}")

# Markdown: a backslash before ASCII punctuation, emphasis, and (for .md) the block syntax.
_MD_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPAN_NO_BLANK = r"(?:[^\n]|\n(?![ \t]*\n))+?"
_BOLD_RE = re.compile(rf"(?<![\\*])\*\*(?=\S)({_SPAN_NO_BLANK})(?<=[^\s\\])\*\*")
_UNDERLINE_BOLD_RE = re.compile(rf"(?<![\\\w])__(?=\S)({_SPAN_NO_BLANK})(?<=[^\s\\])__(?!\w)")
_STRAY_BOLD_RE = re.compile(r"(?<!\\)\*\*+")
_ITALIC_RE = re.compile(r"(?<![\\*\w])\*(?=[^\s*])([^\n*]+?)(?<=[^\s\\])\*(?![*\w])")
_UNDERLINE_ITALIC_RE = re.compile(r"(?<![\\\w])_(?=[^\s_])([^\n_]+?)(?<=[^\s\\])_(?!\w)")
_MD_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_RULE_RE = re.compile(r"^[ \t]*(?:[-*_=][ \t]*){3,}$", re.MULTILINE)
_MD_BULLET_RE = re.compile(r"^([ \t]*)[*+][ \t]+", re.MULTILINE)
_MD_QUOTE_RE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_MD_IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_MD_REF_LINK_RE = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_LINK_DEF_RE = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]+\S+.*$", re.MULTILINE)
_MD_CODE_RE = re.compile(r"`([^`\n]+)`")

# Reflow.
_HYPHEN_END_RE = re.compile(r"(?<=[A-Za-z])-$")
_LAST_WORD_RE = re.compile(r"([A-Za-z]+)-$")
_FIRST_WORD_RE = re.compile(r"^([A-Za-z]+)")
_BULLET_RE = re.compile(r"^(?:--|[-–•▪●◦*]|\d{1,2}[.)]|[a-z][.)])\s")
_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
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


# ftfy leaves a line as it is when it holds only printable ASCII, tabs and line ends, no '&'
# (an entity), and no other character than these dashes, quotes and marks (TYPOGRAPHIC): no
# mojibake pattern of ftfy's (ftfy.badness) can match such a line, as each needs a character
# outside them, and no fixer or NFC changes them. Any other character makes the line suspect.
TYPOGRAPHIC = "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u2022"  # –—‘’“”…·•
_NOT_PLAIN_RE = re.compile(rf"[^\t\n\x20-\x25\x27-\x7e{TYPOGRAPHIC}]")
_PLAIN_ASCII = bytes(c for c in range(128) if not _NOT_PLAIN_RE.match(chr(c)))


def fix_text(raw: str) -> str:
    """ftfy's fix (mojibake, ligatures, entities, NFC; curly quotes kept) on the lines a cheap
    test finds suspect: the same result as on the whole text, as ftfy fixes line by line."""
    if _all_plain(raw):
        return raw
    out: list[str] = []
    unescape: str | bool = "auto"  # as ftfy: entities stay once a line holds a '<'
    pos = 0
    while pos < len(raw):
        odd = _NOT_PLAIN_RE.search(raw, pos)
        if odd is None:
            out.append(raw[pos:])  # the lines left are all plain
            break
        start = raw.rfind("\n", pos, odd.start()) + 1 or pos  # the suspect line starts there
        end = raw.find("\n", odd.start()) + 1 or len(raw)
        if unescape and "<" in raw[pos:end]:
            unescape = False
        out.append(raw[pos:start])
        out.append(_ftfy_line(raw[start:end], unescape))
        pos = end
    return "".join(out)


def _all_plain(raw: str) -> bool:
    """Whether `_NOT_PLAIN_RE` finds nothing in `raw`: its plain ASCII bytes dropped, only
    TYPOGRAPHIC characters are left (quicker than the pattern's scan of a whole text)."""
    rest = raw.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
    return all(ch in TYPOGRAPHIC for ch in rest.decode("utf-8", "surrogatepass"))


def _ftfy_line(line: str, unescape: str | bool) -> str:
    """`ftfy.fix_text` of one line, without building its settings for every line."""
    import ftfy  # loaded when a line needs it

    config = _ftfy_config(unescape)
    if len(line) > config.max_decode_length:  # ftfy cuts a line this long in pieces
        return ftfy.fix_text(line, config)
    return ftfy.fix_and_explain(line, config).text  # what fix_text does with one piece


@lru_cache(maxsize=2)
def _ftfy_config(unescape: str | bool) -> ftfy.TextFixerConfig:
    import ftfy

    return ftfy.TextFixerConfig(
        uncurl_quotes=False, normalization="NFC", unescape_html=unescape, explain=False
    )


def normalise_text(raw: str, *, markdown: bool = False) -> str:
    """The clean text of `raw`; `markdown` also strips Markdown block and link syntax."""
    text = fix_text(raw)
    if not text.isascii() and any(ch in text for ch in _INVISIBLE):  # they are not ASCII
        text = _INVISIBLE_RE.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_markdown(text, blocks=markdown)
    if not markdown and "|" in text:
        text = bare_pipe_rows(unruled_tables(pipe_tables(text, plain=True)))
    spaced = "  " in text or "\t" in text
    if not markdown and spaced:
        text = aligned_tables(text)
    text = write_label_rows(text)  # it writes no two spaces or tab in a text that had none
    # Runs of spaces never span a line end.
    lines = (collapse_spaces(text) if spaced else _collapse_other_spaces(text)).split("\n")
    text = reflow(lines)
    if "\n\n\n" in text:
        text = _BLANK_LINES_RE.sub("\n\n", text)
    return text.strip()


def collapse_spaces(text: str) -> str:
    """`text` with each run of spaces that is not a single plain space written as one."""
    if "  " in text or "\t" in text:
        return _SPACES_RE.sub(" ", text)
    return _collapse_other_spaces(text)


def _collapse_other_spaces(text: str) -> str:
    """`collapse_spaces` of a text with no two plain spaces in a row and no tab."""
    if (
        "\f" in text
        or "\v" in text
        or (not text.isascii() and any(ch in text for ch in _WIDE_SPACES))
    ):
        return _SPACES_RE.sub(" ", text)
    return text  # nothing to collapse: the common case, found without a regex scan


def strip_markdown(text: str, *, blocks: bool) -> str:
    """Drop escapes and emphasis markers; with `blocks`, also headings, links, rules, quotes.

    With `blocks`, pipe tables are written out as lines first (`etl.read.markdown`).
    """
    if blocks:
        text = pipe_tables(text)
        text = _MD_LINK_DEF_RE.sub("", text)
        text = _MD_RULE_RE.sub("", text)
        text = _MD_HEADING_RE.sub(lambda m: m.group(1) or "", text)
        text = _MD_QUOTE_RE.sub("", text)
        text = _MD_BULLET_RE.sub(r"\1- ", text)
        text = _MD_IMAGE_RE.sub(r"\1", text)
        text = _MD_LINK_RE.sub(r"\1", text)
        text = _MD_REF_LINK_RE.sub(r"\1", text)
        text = _MD_CODE_RE.sub(r"\1", text)
    # Each pattern needs its marker: skip the ones that cannot match (a one-character test
    # first: it is much quicker than looking for two).
    if "*" in text and "**" in text:
        text = _BOLD_RE.sub(r"\1", text)
    if "_" in text and "__" in text:
        text = _UNDERLINE_BOLD_RE.sub(r"\1", text)
    if "*" in text and "**" in text:
        text = _STRAY_BOLD_RE.sub("", text)
    if blocks:
        text = _ITALIC_RE.sub(r"\1", text)
        text = _UNDERLINE_ITALIC_RE.sub(r"\1", text)
    return _MD_ESCAPE_RE.sub(r"\1", text) if "\\" in text else text


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
        return "\n\n".join(_join_page_breaks(_lists_together(kept), "\n".join(kept)))
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
    """`paragraphs` with each of `lines` added as one, but a list's items kept together."""
    paragraphs = [] if paragraphs is None else paragraphs
    for line in lines:
        mark = _BULLET_RE.match(line)
        before = _BULLET_RE.match(paragraphs[-1].rsplit("\n", 1)[-1]) if paragraphs else None
        if mark and before and _numbered(mark.group()) == _numbered(before.group()):
            paragraphs[-1] += "\n" + line  # a list stays together (not "2. THE NUMBERS" after
            # a bulleted line: a numbered heading of its own)
        else:
            paragraphs.append(line)
    return paragraphs


def _numbered(mark: str) -> bool:
    """Whether a list item's mark is a number or letter ("2.", "b)"), not a bullet ("-")."""
    return mark[0].isalnum()


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
    last_word = prev.rsplit(None, 1)[-1].lower()
    if not finished and (prev.endswith(",") or last_word in _FUNCTION_WORDS or nxt[:1].islower()):
        return f"{prev} {nxt}"
    if nxt.startswith("#") or _is_date_line(nxt) or _is_date_only(prev):
        return None
    if label_row(nxt):  # "Unicorns: 6": a row of a fact box, never a wrapped line's end
        return None
    if not finished and _FIGURE_START_RE.match(nxt) and not _BULLET_RE.match(nxt):
        return f"{prev} {nxt}"
    if _BULLET_RE.match(nxt) and (finished or _BULLET_RE.match(prev)):
        return None
    if nxt_indented and finished:
        return None
    if width is not None and prev_width >= WRAP_FRACTION * width:
        # (a next line far longer than the wrap width is not wrapped: the line before it is
        # a line of its own, a heading over a paragraph written on one line)
        return f"{prev} {nxt}" if len(nxt) <= UNWRAPPED_FACTOR * width else None
    return None


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
