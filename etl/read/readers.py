"""Read one file (.txt, .md, .html, .pdf) into a `ReadDocument`, or fail with an `IngestError`.

Text files must be UTF-8 (with or without a BOM) or UTF-16/UTF-32 with a BOM. Other
encodings (Windows-1252, Big5, GB18030, UTF-16 without a BOM) are refused with a reason
rather than guessed, because a wrong guess silently garbles the quotes every claim keeps;
an HTML page may instead name its encoding in a `<meta charset>`, which is then used.
HTML keeps its main text only (trafilatura: no scripts, styles or navigation; fact boxes inside
the article are kept, see `etl.read.html`) and its title,
site name, canonical URL and published date (`<time datetime>`, meta tags) from the markup.
PDF keeps its text layer in reading order, tables as rows (`etl.read.pdf`); a scanned PDF
without one is refused. Markdown's front matter gives the title and date (`etl.read.markdown`).
"""

from __future__ import annotations

import codecs
import hashlib
import re
import stat
from datetime import date
from pathlib import Path
from typing import BinaryIO

from db.records import ReadDocument, Section
from etl.read.dates import FoundDate, parse_date_phrase
from etl.read.errors import IngestError, fails_alone
from etl.read.formats import DEFAULT_MAX_BYTES, FORMATS, SUPPORTED
from etl.read.manifest import ManifestEntry
from etl.read.markdown import FrontMatter, front_matter
from etl.read.normalise import normalise_text
from etl.read.sections import date_sections, first_heading

MAX_CONTROL_SHARE = 0.01  # more control characters than this: binary, not text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])  # as _CONTROL_RE
_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def read_document(
    path: Path,
    *,
    manifest: ManifestEntry | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    file_name: str | None = None,
) -> ReadDocument:
    """Read the file at `path`; `file_name` overrides the name it is reported under."""
    path = Path(path)
    name = Path(file_name).name if file_name else path.name
    try:
        status = path.stat()
    except FileNotFoundError as exc:
        raise IngestError(name, "file not found") from exc
    except OSError as exc:
        raise IngestError(name, f"cannot read the file ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(status.st_mode):
        raise IngestError(name, "is a folder, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise IngestError(name, "not a regular file")
    _check_type(name)
    _check_size(name, status.st_size, max_bytes)
    try:
        with path.open("rb") as handle:
            data = read_up_to(handle, max_bytes + 1, status.st_size)
    except OSError as exc:
        raise IngestError(name, f"cannot read the file ({exc.strerror or exc})") from exc
    return read_bytes(data, name, manifest=manifest, max_bytes=max_bytes)


def read_up_to(handle: BinaryIO, limit: int, size: int) -> bytes:
    """`handle.read(limit)`, reading `size` (the file's size, limit - 1 at most) and a byte
    first: a buffer of `limit` bytes is only set aside for a file that grew meanwhile."""
    data = handle.read(size + 1)
    if len(data) > size:
        data += handle.read(limit - len(data))
    return data


def read_bytes(
    data: bytes,
    file_name: str,
    *,
    manifest: ManifestEntry | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ReadDocument:
    """Read a file's bytes (an upload, say) as if from a file called `file_name`."""
    name = Path(file_name).name
    with fails_alone(name, "read"):
        return _read_bytes(data, name, manifest, max_bytes)


def _read_bytes(
    data: bytes, name: str, manifest: ManifestEntry | None, max_bytes: int
) -> ReadDocument:
    # Load inputs.
    source_format = _check_type(name)
    _check_size(name, len(data), max_bytes)
    if not data.strip():
        raise IngestError(name, "file is empty")

    # Process data.
    title = publisher = url = None
    external: FoundDate | None = None
    if source_format == "pdf":
        from etl.read.pdf import pdf_text  # the PDF and HTML libraries load when first needed

        text = normalise_text(pdf_text(data, name))
        if not text:
            raise IngestError(name, "PDF has no text layer (a scan?); run OCR on it first")
    elif source_format == "html":
        from etl.read.limits import html_limit_problem

        html = _decode(data, name, html=True)
        limit = html_limit_problem(html)  # a page cut at a parser limit is refused, not half-read
        if limit:
            raise IngestError(name, limit)
        try:
            text, title, publisher, url, external = _html_parts(html)
        except Exception as exc:  # trafilatura/lxml on a page they cannot parse
            raise IngestError(name, f"unreadable HTML ({type(exc).__name__})") from exc
        if not text:
            raise IngestError(name, "HTML page has no main text")
    else:
        raw = _decode(data, name)
        if source_format == "md":
            header, raw = front_matter(raw)
            title, external = _front_matter_parts(header)
        text = normalise_text(raw, markdown=source_format == "md")
        if not text:
            raise IngestError(name, "file is empty (whitespace only)")
    if manifest is not None and manifest.published_on is not None:
        external = FoundDate(manifest.published_on, "manifest")
    sections, published_on, date_source = date_sections(text, external)

    # Save outputs.
    known = manifest or ManifestEntry(None, None, None, None, None)
    return ReadDocument(
        file_name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        source_format=source_format,
        text=text,
        title=known.title or title or _first_heading(text, sections),
        publisher=known.publisher or publisher,
        kind=known.kind,
        url=known.url or url,
        published_on=published_on,
        date_source=date_source,
        sections=sections,
        size_bytes=len(data),
    )


def _first_heading(text: str, sections: tuple[Section, ...]) -> str | None:
    """`first_heading(text)`: the heading of a text of one section is already that."""
    return sections[0].heading if len(sections) == 1 else first_heading(text)


def _check_type(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in FORMATS:
        what = repr(suffix) if suffix else "without an extension"
        raise IngestError(name, f"unsupported file type {what} (supported: {' '.join(SUPPORTED)})")
    return FORMATS[suffix]


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise IngestError(
            name, f"file is too large ({_megabytes(size)}; the limit is {_megabytes(max_bytes)})"
        )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _decode(data: bytes, name: str, *, html: bool = False) -> str:
    """The text of `data` (encodings in the module docstring); binary data is refused."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:
        raise IngestError(name, "binary file (NUL bytes), not text")
    declared = None
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(data) if html and encoding is None else None
        if declared is None:
            raise IngestError(
                name,
                f"not UTF-8 text (undecodable byte at offset {exc.start}); save it as UTF-8",
            ) from exc
        try:
            text = data.decode(declared)
        except UnicodeDecodeError as again:
            raise IngestError(name, f"not valid {declared} text as the page declares") from again
    utf8 = declared is None and encoding in (None, "utf-8-sig")
    if _control_count(data, text, utf8=utf8) > MAX_CONTROL_SHARE * len(text):
        raise IngestError(name, "binary file (control characters), not text")
    return text


def _control_count(data: bytes, text: str, *, utf8: bool) -> int:
    """How many control characters `text`, decoded from `data`, holds. In UTF-8 each is one
    byte of `data` and no other character has such a byte: they are counted there, faster."""
    if utf8:
        return len(data) - len(data.translate(None, _CONTROL_BYTES))
    return len(_CONTROL_RE.findall(text))


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET_RE.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def _html_parts(
    html: str,
) -> tuple[str, str | None, str | None, str | None, FoundDate | None]:
    """Main text, title, site name, canonical URL and markup date of a page."""
    import trafilatura

    from etl.read.html import with_fact_boxes

    body = trafilatura.extract(
        with_fact_boxes(html),
        output_format="markdown",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
    )
    text = normalise_text(body or "", markdown=True)
    meta = trafilatura.extract_metadata(html, extensive=False)
    found = None
    if meta is not None and meta.date:
        try:
            found = FoundDate(date.fromisoformat(meta.date[:10]), "html-meta")
        except ValueError:
            found = None
    if meta is None:
        return text, None, None, None, found
    return text, meta.title or None, meta.sitename or None, meta.url or None, found


def _front_matter_parts(header: FrontMatter | None) -> tuple[str | None, FoundDate | None]:
    """The title and date a Markdown front-matter header gives."""
    if header is None:
        return None, None
    stamp = header.get("date", "published", "published_on", "pubdate")
    when = (parse_date_phrase(stamp) or parse_date_phrase(stamp[:10])) if stamp else None
    return header.get("title"), FoundDate(when, "front-matter") if when else None
