"""The Sources page's upload: check the reviewer and the size, decode, ingest, list the claims."""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from dashboards.auth import require_reviewer
from db.documents import find_by_sha, get_document, list_documents
from db.oneline import shown
from etl.report.words import format_date, format_value, metric_labels, period_text

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # a long PDF report is a few MB; refuse anything larger
# The largest request the server should read: the file travels base64-encoded (4/3 of its size)
# inside the callback's JSON, plus room for the rest of the request.
MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES * 4 // 3 + 1024 * 1024
ACCEPTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
REFUSED = "Log in as a reviewer to upload documents."


@dataclass(frozen=True)
class UploadedClaim:
    claim_id: int
    metric: str  # the catalogue's label
    value: str  # as a reader says it: "over 3,100"
    as_of: str
    quote: str
    status: str = "auto"
    notes: str = ""  # "garbled", "added in one year"


@dataclass(frozen=True)
class UploadResult:
    ok: bool
    message: str  # one line for the page: what happened, or why not
    document_id: int | None = None
    claims: tuple[UploadedClaim, ...] = ()


def too_large(label: str, max_bytes: int = MAX_UPLOAD_BYTES) -> str:
    """The one line for a file over the limit (the page says it before sending, too)."""
    return f"{label}: larger than {max_bytes // (1024 * 1024)} MB"


def decode_contents(contents: str) -> bytes:
    """The bytes of a `dcc.Upload` data URL ("data:<type>;base64,<data>"); ValueError if not one."""
    header, sep, data = contents.partition(",")
    if not sep or not header.startswith("data:") or not header.endswith(";base64"):
        raise ValueError("the upload is not a base64 data URL")
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError) as e:
        raise ValueError("the upload's base64 content is damaged") from e


def document_claims(engine: Engine, document_id: int) -> tuple[UploadedClaim, ...]:
    """A stored document's claims in text order, ready for a small table."""
    detail = get_document(engine, document_id)
    if detail is None:
        return ()
    labels = metric_labels()
    return tuple(
        UploadedClaim(
            c.claim_id,
            labels.get(c.metric, c.metric),
            format_value(c.value, c.unit, c.qualifier),
            format_date(c.as_of),
            detail.text[c.char_start : c.char_end],
            c.status,
            ", ".join(
                x
                for x in (
                    "garbled" if "garbled" in c.flags.split(";") else "",
                    "impossible" if "implausible" in c.flags.split(";") else "",
                    f"added {period_text(c.period)}" if c.period else "",
                )
                if x
            ),
        )
        for c in detail.claims
    )


def _document_id(engine: Engine, file_name: str) -> int | None:
    return next((d.id for d in list_documents(engine) if d.file_name == file_name), None)


def handle_upload(
    engine: Engine,
    reviewer: str | None,
    contents: str | None,
    file_name: str | None,
    *,
    max_bytes: int = MAX_UPLOAD_BYTES,
    announced_bytes: object = None,
) -> UploadResult:
    """Ingest an uploaded file for a logged-in reviewer, exactly as `python -m etl ingest` would.

    `announced_bytes`: the size the page measured when it kept a file over the limit back.
    """
    if reviewer is None:
        return UploadResult(False, REFUSED)
    name = Path(file_name).name if isinstance(file_name, str) else ""
    label = shown(name)  # control characters escaped: the message stays one line
    if name and not contents and isinstance(announced_bytes, int) and announced_bytes > max_bytes:
        return UploadResult(False, too_large(label, max_bytes))
    if not contents or not name:
        return UploadResult(False, "No file was received.")
    if Path(name).suffix.lower() not in ACCEPTED_SUFFIXES:
        kinds = ", ".join(ACCEPTED_SUFFIXES)
        return UploadResult(False, f"{label}: unsupported file type (use {kinds})")
    # Base64 takes 4 characters per 3 bytes: refuse before decoding anything too big.
    if len(contents) * 3 // 4 > max_bytes + 3:
        return UploadResult(False, too_large(label, max_bytes))
    try:
        data = decode_contents(contents)
    except ValueError as e:
        return UploadResult(False, f"{label}: {e}")
    if len(data) > max_bytes:
        return UploadResult(False, too_large(label, max_bytes))
    from etl.pipeline import ingest_upload  # the full ingest stack, loaded on first upload

    outcome = ingest_upload(engine, data, name, max_bytes=max_bytes)
    if outcome.status == "error":
        return UploadResult(False, outcome.error or f"{label}: could not be ingested")
    if outcome.status == "unchanged":
        same = find_by_sha(engine, hashlib.sha256(data).hexdigest()) or name
        doc_id = _document_id(engine, same)
        claims = document_claims(engine, doc_id) if doc_id is not None else ()
        return UploadResult(
            True, f"{label}: already stored as {shown(same)}; nothing changed.", doc_id, claims
        )
    doc_id = outcome.document_id
    claims = document_claims(engine, doc_id) if doc_id is not None else ()
    verb = "replaced the earlier version" if outcome.status == "replaced" else "added"
    found = f"{len(claims)} claim" + ("" if len(claims) == 1 else "s")
    when = (
        "no date found" if outcome.date_source == "unknown" else f"date from {outcome.date_source}"
    )
    return UploadResult(True, f"{label}: {verb}; {found}; {when}.", doc_id, claims)


def upload_as_logged_in(
    engine: Engine, contents: str | None, file_name: str | None, announced_bytes: object = None
) -> UploadResult:
    """What the page's callback calls: only a reviewer the server's session names may upload."""
    try:
        reviewer = require_reviewer()
    except PermissionError:
        return UploadResult(False, REFUSED)
    return handle_upload(engine, reviewer, contents, file_name, announced_bytes=announced_bytes)
