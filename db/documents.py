"""Documents: one stored in a transaction of its own (db.document_writer writes), read back."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from db import records
from db.claims import ClaimFilter, claims_select
from db.dirty import mark_dirty
from db.document_rows import StoreResult, claim_uid
from db.document_writer import store_into, unchanged_in
from db.engine import read_all, session_scope
from db.locks import write_transaction
from db.models import Claim, Document, DocumentCount, Section

__all__ = ["StoreResult", "claim_uid", "store_document"]  # written by db.document_writer

DOCUMENT_COLUMNS = (
    "document",
    "sha256",
    "published_on",
    "date_source",
    "title",
    "publisher",
    "kind",
    "url",
    "source_format",
    "size_bytes",
    "sections",
    "claims",
    "ingested_at",
    "document_id",
)


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    file_name: str
    title: str | None
    publisher: str | None
    kind: str | None
    url: str | None
    published_on: date | None
    date_source: str
    claims: int


@dataclass(frozen=True)
class ClaimSpan:
    claim_id: int
    metric: str
    entity: str
    value: float
    unit: str
    qualifier: str
    as_of: date
    char_start: int
    char_end: int
    mention_start: int
    mention_end: int
    flags: str
    status: str = "auto"  # from the review log: auto, accepted, rejected
    period: str | None = None


@dataclass(frozen=True)
class DocumentDetail:
    summary: DocumentSummary
    text: str
    claims: tuple[ClaimSpan, ...]


def find_by_sha(engine: Engine, sha256: str) -> str | None:
    """The stored file name holding exactly these bytes, if any."""
    with engine.connect() as conn:
        return conn.execute(
            select(Document.file_name).where(Document.sha256 == sha256)
        ).scalar_one_or_none()


def known_documents(
    engine: Engine, extractor_version: str, among: Collection[str] | None = None
) -> frozenset[str]:
    """sha256 of every stored document this extractor made the claims of (of those `among`
    only, when given: each looked up, not every document read)."""
    stmt = select(Document.sha256).where(Document.extractor_version == extractor_version)
    if among is not None:
        if not among:
            return frozenset()
        stmt = stmt.where(Document.sha256.in_(sorted(among)))
    with engine.connect() as conn:
        return frozenset(conn.scalars(stmt))


def unchanged_as(engine: Engine, doc: records.ReadDocument, extractor_version: str) -> str | None:
    """The stored file name `doc` is unchanged as: the same bytes, extracted by this extractor
    (or stored under another name, which keeps them). None: extract and store it."""
    with engine.connect() as conn:
        same = unchanged_in(conn, doc, extractor_version)
    return None if same is None else same.file_name


def store_document(
    engine: Engine,
    doc: records.ReadDocument,
    claims: Sequence[records.Claim],
    extractor_version: str,
) -> StoreResult:
    """Add a document, or replace the earlier version of the same file, in one transaction
    (set-based statements) that also marks the series its old and new claims belong to."""
    with write_transaction(engine) as conn:
        result = store_into(conn, doc, claims, extractor_version)
        mark_dirty(conn, result.series)
    return result


def _summary_select():
    counts = (
        select(Claim.document_id, func.count().label("n")).group_by(Claim.document_id).subquery()
    )
    return (
        select(Document, func.coalesce(counts.c.n, 0).label("n"))
        .outerjoin(counts, counts.c.document_id == Document.id)
        .order_by(Document.published_on.desc().nulls_last(), Document.file_name)
    )


def _summary(d: Document, n: int) -> DocumentSummary:
    return DocumentSummary(
        d.id, d.file_name, d.title, d.publisher, d.kind, d.url, d.published_on, d.date_source, n
    )


def list_documents(engine: Engine) -> list[DocumentSummary]:
    """Every document, newest first, with its claim count."""
    with session_scope(engine) as s:
        return [_summary(d, n) for d, n in s.execute(_summary_select())]


def get_document(engine: Engine, document_id: int) -> DocumentDetail | None:
    """A document's text with the spans of its claims, or None."""
    with session_scope(engine) as s:
        found = s.execute(_summary_select().where(Document.id == document_id)).first()
        if found is None:
            return None
        d, n = found
        columns = ("claim_id", "metric", "entity", "value", "unit", "qualifier", "as_of",
                   "char_start", "char_end", "mention_start", "mention_end", "flags", "status",
                   "period")  # fmt: skip
        stmt = claims_select(ClaimFilter(), columns).where(Claim.document_id == document_id)
        spans = s.execute(stmt.order_by(Claim.mention_start, Claim.id)).all()
        return DocumentDetail(_summary(d, n), d.text, tuple(ClaimSpan(*r) for r in spans))


def iter_documents(engine: Engine) -> Iterator[dict[str, Any]]:
    """Rows for `export documents`."""
    sections = (
        select(Section.document_id, func.count().label("n")).group_by(Section.document_id)
    ).subquery()
    claims = (
        select(Claim.document_id, func.count().label("n")).group_by(Claim.document_id)
    ).subquery()
    stmt = (
        select(
            Document.file_name.label("document"),
            Document.sha256,
            Document.published_on,
            Document.date_source,
            Document.title,
            Document.publisher,
            Document.kind,
            Document.url,
            Document.source_format,
            Document.size_bytes,
            func.coalesce(sections.c.n, 0).label("sections"),
            func.coalesce(claims.c.n, 0).label("claims"),
            Document.ingested_at,
            Document.id.label("document_id"),
        )
        .outerjoin(sections, sections.c.document_id == Document.id)
        .outerjoin(claims, claims.c.document_id == Document.id)
        .order_by(Document.published_on.nulls_last(), Document.file_name)
    )
    with engine.connect() as conn:
        for r in conn.execute(stmt):
            yield dict(r._mapping)


NAMED_AT_MOST = 500  # more documents than this are read in one pass over all of them


SIGNAL_FIELDS = ("document", "kind", "publisher", "claims", "garbled", "implausible")


def document_signals(
    bind: Engine | Connection, file_names: Sequence[str] | None = None
) -> list[tuple[str, str | None, str | None, int, int, int]]:
    """Per document (those named, or all), SIGNAL_FIELDS: its name, kind, publisher, how many
    claims it holds (document_counts) and how many of them are flagged garbled or implausible.
    Many names are answered by one pass over the documents (faster than looking each up)."""
    n_claims = func.coalesce(DocumentCount.claims, 0)  # kept by the database (migration 0011)
    docs = select(Document.id, Document.file_name, Document.kind, Document.publisher, n_claims)
    docs = docs.outerjoin(DocumentCount, DocumentCount.document_id == Document.id)
    flagged = select(Claim.document_id, Claim.flags).where(Claim.flags > "")  # ix_claims_flags
    wanted = None if file_names is None else set(file_names)
    if wanted is not None and len(wanted) <= NAMED_AT_MOST:
        docs = docs.where(Document.file_name.in_(list(wanted)))
        ids = select(Document.id).where(Document.file_name.in_(list(wanted)))
        flagged = flagged.where(Claim.document_id.in_(ids))
    marks: dict[int, list[int]] = {}
    for doc_id, flags in read_all(bind, flagged):
        found = flags.split(";")
        mark = marks.setdefault(doc_id, [0, 0])
        mark[0] += found.count("garbled")
        mark[1] += found.count("implausible")
    none = (0, 0)
    return [
        (name, kind, publisher, claims, *marks.get(doc_id, none))
        for doc_id, name, kind, publisher, claims in read_all(bind, docs)
        if wanted is None or name in wanted
    ]


def documents_version(engine: Engine) -> tuple:
    """Changes whenever a document is added, replaced or removed (even in a database emptied
    and filled again, where ids start over)."""
    with engine.connect() as conn:
        row = conn.execute(
            select(func.max(Document.id), func.count(Document.id), func.max(Document.ingested_at))
        ).one()
    return tuple(row)
