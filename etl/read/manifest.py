"""The optional `sources.csv` beside the documents: what is known about each file from outside.

Columns: file, title, publisher, kind, url, published_on (YYYY-MM-DD). Only `file` is
required; blank cells mean "not known". The file is strict, because a silently misread
manifest would date claims wrongly: an unknown column (a typo), a row with the wrong number
of cells, a blank or repeated file name or a date that is not YYYY-MM-DD is an `IngestError`
naming sources.csv. Blank lines are skipped; UTF-8 with or without a BOM.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from db.oneline import shown
from etl.read.errors import IngestError

MANIFEST_NAME = "sources.csv"
COLUMNS = ("file", "title", "publisher", "kind", "url", "published_on")
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ManifestEntry:
    """What the manifest says about one file; None where it says nothing."""

    title: str | None
    publisher: str | None
    kind: str | None
    url: str | None
    published_on: date | None


def load_manifest(folder: Path) -> dict[str, ManifestEntry]:
    """The entries of `folder`/sources.csv by file name; {} when there is no manifest."""
    path = Path(folder) / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise IngestError(MANIFEST_NAME, f"cannot read the manifest ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise IngestError(MANIFEST_NAME, "the manifest is not UTF-8 text") from exc
    return parse_manifest(text)


def parse_manifest(text: str) -> dict[str, ManifestEntry]:
    """The entries of a manifest's text by file name (rules in the module docstring)."""
    reader = csv.reader(io.StringIO(text), strict=True)
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise IngestError(MANIFEST_NAME, f"not a readable CSV file ({exc})") from exc
    rows = [(n, row) for n, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return {}
    header = [cell.strip().lower() for cell in rows[0][1]]
    unknown = [name for name in header if name not in COLUMNS]
    if unknown or "file" not in header or len(set(header)) != len(header):
        raise IngestError(
            MANIFEST_NAME,
            f"header must name the columns {', '.join(COLUMNS)} (only file is required); "
            f"got {shown(', '.join(header))}",
        )
    entries: dict[str, ManifestEntry] = {}
    for line, row in rows[1:]:
        if len(row) != len(header):
            raise IngestError(
                MANIFEST_NAME, f"line {line} has {len(row)} cells, the header has {len(header)}"
            )
        cells = {name: (value.strip() or None) for name, value in zip(header, row, strict=True)}
        name = cells["file"]
        if name is None:
            raise IngestError(MANIFEST_NAME, f"line {line} has no file name")
        if name in entries:
            raise IngestError(MANIFEST_NAME, f"line {line} repeats the file {shown(name)}")
        entries[name] = ManifestEntry(
            title=cells.get("title"),
            publisher=cells.get("publisher"),
            kind=cells.get("kind"),
            url=cells.get("url"),
            published_on=_iso_date(cells.get("published_on"), line),
        )
    return entries


def _iso_date(value: str | None, line: int) -> date | None:
    if value is None:
        return None
    try:
        if not _ISO_DATE_RE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError as exc:
        raise IngestError(
            MANIFEST_NAME, f"line {line}: published_on {value!r} is not a YYYY-MM-DD date"
        ) from exc
