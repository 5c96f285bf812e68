"""One clean text per document, the text that every stored span and quote points into.

`normalise_text` fixes mojibake and ligatures (ftfy, keeping curly quotes), drops Markdown
escapes and emphasis markers, collapses stray whitespace, and reflows hard-wrapped lines so
that each line is a whole paragraph, heading or list item, and paragraphs (headings too) are
separated by exactly one blank line; the items of a list stay on consecutive lines.
The reflow itself is `etl.read.reflow`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from etl.read.aligned import aligned_tables
from etl.read.label_rows import write_label_rows
from etl.read.markdown import bare_pipe_rows, pipe_tables, unruled_tables
from etl.read.reflow import reflow

if TYPE_CHECKING:
    import ftfy


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
