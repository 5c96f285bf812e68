"""Reading: a file (txt, md, html, pdf) in, a `db.records.ReadDocument` out.

The text is decoded, repaired and normalised; the document is dated (manifest, HTML metadata,
dateline, inline) and split into dated sections. A bad file raises `IngestError` with the
one-line reason shown to the user.
"""

from typing import Any

from etl.read.errors import IngestError, fails_alone
from etl.read.formats import DEFAULT_MAX_BYTES, SUPPORTED
from etl.read.manifest import MANIFEST_NAME, ManifestEntry, load_manifest

_READERS = ("read_bytes", "read_document")  # loaded when first asked for (and their patterns)


def __getattr__(name: str) -> Any:
    if name in _READERS:
        from etl.read import readers

        return getattr(readers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_MAX_BYTES",
    "MANIFEST_NAME",
    "SUPPORTED",
    "IngestError",
    "ManifestEntry",
    "fails_alone",
    "load_manifest",
    "read_bytes",
    "read_document",
]
