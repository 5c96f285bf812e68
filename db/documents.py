"""Store documents with their sections and claims, one document per transaction; read them back."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select

from db import records
from db.claims import ClaimFilter, claims_select
from db.claims_csv import write_claim_lines
from db.corrections import derive_for_document
from db.engine import session_scope
from db.models import Claim, Document, Section

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
class StoreResult:
    status: str  # added, replaced, unchanged
    document_id: int
    sections: int
    claims: int
    same_as: str | None = None  # for unchanged: the stored file holding these bytes


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


def claim_uid(file_name: str, c: records.Claim) -> str:
    """Stable id for a claim: same document name and same figure give the same uid."""
    key = f"{file_name}|{c.entity}|{c.metric}|{c.unit}|{c.value!r}|{c.as_of}|{c.period or ''}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def find_by_sha(engine: Engine, sha256: str) -> str | None:
    """The stored file name holding exactly these bytes, if any."""
    with engine.connect() as conn:
        return conn.execute(
            select(Document.file_name).where(Document.sha256 == sha256)
        ).scalar_one_or_none()


def unchanged_as(engine: Engine, doc: records.ReadDocument, extractor_version: str) -> str | None:
    """The stored file name `doc` is unchanged as: the same bytes, extracted by this extractor
    (or stored under another name, which keeps them). None: extract and store it."""
    with engine.connect() as conn:
        same = _unchanged(conn, doc, extractor_version)
    return None if same is None else same.file_name


def _unchanged(conn: Connection, doc: records.ReadDocument, extractor_version: str):
    """(id, file_name) of the stored document that makes `doc` unchanged, or None."""
    same = conn.execute(
        select(Document.id, Document.file_name, Document.extractor_version).where(
            Document.sha256 == doc.sha256
        )
    ).first()
    if same is None:
        return None
    if same.extractor_version == extractor_version or same.file_name != doc.file_name:
        return same
    return None  # the same file, extracted by another extractor: extract it again


def store_document(
    engine: Engine,
    doc: records.ReadDocument,
    claims: Sequence[records.Claim],
    extractor_version: str,
) -> StoreResult:
    """Add a document, or replace the earlier version of the same file, in one transaction."""
    with session_scope(engine) as s:
        same = _unchanged(s.connection(), doc, extractor_version)
        if same is not None:
            return StoreResult("unchanged", same.id, 0, 0, same_as=same.file_name)
        old_id = s.scalar(select(Document.id).where(Document.file_name == doc.file_name))
        if old_id is not None:
            s.execute(delete(Document).where(Document.id == old_id))
        row = Document(
            file_name=doc.file_name,
            sha256=doc.sha256,
            source_format=doc.source_format,
            title=doc.title,
            publisher=doc.publisher,
            kind=doc.kind,
            url=doc.url,
            published_on=doc.published_on,
            date_source=doc.date_source,
            text=doc.text,
            size_bytes=doc.size_bytes,
            extractor_version=extractor_version,
        )
        row.sections = [
            Section(
                idx=sec.index,
                char_start=sec.char_start,
                char_end=sec.char_end,
                published_on=sec.published_on,
                date_source=sec.date_source,
                heading=sec.heading,
            )
            for sec in doc.sections
        ]
        s.add(row)
        s.flush()
        section_ids = {sec.idx: sec.id for sec in row.sections}
        rows, seen = [], set()
        for c in claims:
            uid = claim_uid(doc.file_name, c)
            if uid in seen:
                continue
            seen.add(uid)
            rows.append(_claim_row(row.id, section_ids.get(c.section_index), uid, c))
            rows[-1]["extractor_version"] = extractor_version
        if rows:
            s.execute(insert(Claim), rows)
            ids = s.scalars(select(Claim.id).where(Claim.document_id == row.id)).all()
            write_claim_lines(s.connection(), ids)
            derive_for_document(s.connection(), row.id)  # reviewers' corrections stand
        status = "replaced" if old_id is not None else "added"
        return StoreResult(status, row.id, len(row.sections), len(rows))


def _claim_row(document_id: int, section_id: int | None, uid: str, c: records.Claim) -> dict:
    if c.status not in records.CLAIM_STATUSES:
        raise ValueError(f"claim status {c.status!r} is not one of {records.CLAIM_STATUSES}")
    odd = [r for r in c.unsure if r not in records.UNSURE_REASONS]
    if odd:
        raise ValueError(f"unsure reason {odd[0]!r} is not one of {records.UNSURE_REASONS}")
    return {
        "uid": uid,
        "document_id": document_id,
        "section_id": section_id,
        "entity": c.entity,
        "metric": c.metric,
        "value": c.value,
        "unit": c.unit,
        "qualifier": c.qualifier,
        "value_low": c.value_low,
        "value_high": c.value_high,
        "value_hkd": c.value_hkd,
        "as_of": c.as_of,
        "as_of_precision": c.as_of_precision,
        "period": c.period,
        "quote": c.quote,
        "char_start": c.char_start,
        "char_end": c.char_end,
        "mention_start": c.mention_start,
        "mention_end": c.mention_end,
        "flags": ";".join(c.flags),
        "initial_status": c.status,
        "unsure": ";".join(c.unsure),
    }


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


def document_signals(
    engine: Engine, file_names: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Per document (those named, or all): kind, publisher, how many claims it holds and how
    many of them are flagged garbled or implausible."""
    docs = select(Document.id, Document.file_name, Document.kind, Document.publisher)
    if file_names is not None:
        docs = docs.where(Document.file_name.in_(list(file_names)))
    counts = select(Claim.document_id, func.count()).group_by(Claim.document_id)
    flagged = select(Claim.document_id, Claim.flags).where(Claim.flags > "")  # ix_claims_flags
    with engine.connect() as conn:
        n = dict(conn.execute(counts).all())
        marks: dict[int, list[str]] = {}
        for doc_id, flags in conn.execute(flagged):
            marks.setdefault(doc_id, []).extend(flags.split(";"))
        return [
            {
                "document": name,
                "kind": kind,
                "publisher": publisher,
                "claims": n.get(doc_id, 0),
                "garbled": marks.get(doc_id, []).count("garbled"),
                "implausible": marks.get(doc_id, []).count("implausible"),
            }
            for doc_id, name, kind, publisher in conn.execute(docs)
        ]


def documents_version(engine: Engine) -> tuple:
    """Changes whenever a document is added, replaced or removed (even in a database emptied
    and filled again, where ids start over)."""
    with engine.connect() as conn:
        row = conn.execute(
            select(func.max(Document.id), func.count(Document.id), func.max(Document.ingested_at))
        ).one()
    return tuple(row)
