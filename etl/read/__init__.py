"""Reading: a file (txt, md, html, pdf) in, a `db.records.ReadDocument` out.

The text is decoded, repaired and normalised; the document is dated (manifest, HTML metadata,
dateline, inline) and split into dated sections. A bad file raises `IngestError` with the
one-line reason shown to the user.
"""

from etl.read.errors import IngestError, fails_alone
from etl.read.manifest import MANIFEST_NAME, ManifestEntry, load_manifest
from etl.read.readers import DEFAULT_MAX_BYTES, SUPPORTED, read_bytes, read_document

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
