"""The parsers' own limits, named in the one-line error when a file reaches one.

libxml2 (under trafilatura) stops an HTML page at 256 levels of nesting and at a text or
script block of 10,000,000 bytes, unless told to lift its protections; what it read up to there
would be a silently cut page, so such a page is refused with the limit it met. pypdf stops at
its limits (a stream that unpacks to more than 75 MB, a loop in the page tree); Python stops at
its recursion limit on objects nested too deep.
"""

from __future__ import annotations

import re
import sys

from lxml import etree

HTML_MAX_DEPTH = 256  # libxml2's nesting limit (without XML_PARSE_HUGE)
HTML_MAX_TEXT = 10_000_000  # libxml2's largest text node, in bytes (XML_MAX_TEXT_LENGTH)

_DEPTH_RE = re.compile(r"depth[^0-9]*(\d+)", re.I)
_TEXT_LIMIT_RE = re.compile(r"huge text|buffer size limit|text node", re.I)
_SCRIPT_RE = re.compile(r"<(script|style)\b[^>]*>(.*?)(?:</\1\s*>|$)", re.I | re.S)


def html_limit_problem(html: str) -> str | None:
    """Why the HTML parser cannot read the whole page (the limit it met), or None."""
    parser = etree.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True)
    try:
        parser.feed(html)
        parser.close()
    except etree.Error:
        pass  # an empty or odd page: the reader says what it finds
    for error in parser.feed_error_log:
        message = error.message or ""
        if error.type_name != "ERR_RESOURCE_LIMIT" and "XML_PARSE_HUGE" not in message:
            continue
        if "depth" in message.lower():
            depth = _DEPTH_RE.search(message)
            limit = int(depth.group(1)) if depth else HTML_MAX_DEPTH
            return f"HTML nested too deep (more than {limit} levels, the HTML parser's limit)"
        if _TEXT_LIMIT_RE.search(message):
            return _text_block_problem(html)
        return f"the HTML parser stopped at one of its limits ({' '.join(message.split())})"
    return None


def _text_block_problem(html: str) -> str:
    biggest = max(_SCRIPT_RE.finditer(html), key=lambda m: len(m.group(2)), default=None)
    size = len(biggest.group(2).encode("utf-8")) if biggest else 0
    if biggest is not None and size > HTML_MAX_TEXT:
        tag = biggest.group(1).lower()
        return (
            f"a <{tag}> block is too large ({size:,} bytes; "
            f"the HTML parser's limit is {HTML_MAX_TEXT:,})"
        )
    return f"a block of text is too large (the HTML parser's limit is {HTML_MAX_TEXT:,} bytes)"


def pdf_limit_problem(exc: BaseException) -> str | None:
    """The limit a PDF reached (from pypdf's or Python's error), or None for another failure."""
    if isinstance(exc, RecursionError):
        return (
            "PDF objects nested too deep "
            f"(more than Python's recursion limit of {sys.getrecursionlimit()} levels)"
        )
    if type(exc).__name__ != "LimitReachedError":
        return None
    message = " ".join(str(exc).split())
    if "decompress" in message.lower():
        limit = _pdf_decompression_limit()
        stated = f" of {limit / 1_000_000:g} MB" if limit else ""
        return f"a compressed stream unpacks to more than the PDF reader's limit{stated}"
    return f"the PDF reader stopped at one of its limits ({message})"


def _pdf_decompression_limit() -> int | None:
    """pypdf's cap on one decompressed stream, where this pypdf version says it."""
    try:
        from pypdf._configuration import get_configuration  # pypdf 7

        return int(get_configuration().zlib_maximum_output_length)
    except (ImportError, AttributeError):
        pass
    try:
        from pypdf import filters  # pypdf 5 and 6

        return int(filters.ZLIB_MAX_OUTPUT_LENGTH)
    except (ImportError, AttributeError):
        return None
