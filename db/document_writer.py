"""Store documents with their sections, claims and claim lines: each whole or not at all.

`store_into` writes one document inside the caller's transaction with a handful of set-based
statements (built once per process). `BatchWriter` stores documents one after another in one
write transaction, each under a savepoint of its own, and commits every few documents or
fractions of a second: a file stored is always whole (a savepoint rolled back leaves nothing of
it), a file is never half-committed, and the database's per-commit work (the write-ahead log,
the indexes' pages) is shared by the documents of one commit. The series a document touches are
marked dirty in the same transaction.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import (
    Connection,
    Engine,
    Insert,
    Row,
    Select,
    bindparam,
    delete,
    insert,
    or_,
    select,
)
from sqlalchemy.exc import SQLAlchemyError

from db import records
from db.claims_csv import write_new_claim_lines
from db.corrections import any_corrections, derive_for_document, has_corrections
from db.dirty import mark_dirty
from db.models import Claim, Document, Section, utcnow

COMMIT_DOCUMENTS = 32  # documents per commit, at most
COMMIT_CLAIMS = 20_000  # claims per commit, at most (a few documents of many figures)
COMMIT_SECONDS = 0.5  # a commit at least this often while documents keep coming


@dataclass(frozen=True)
class StoreResult:
    status: str  # added, replaced, unchanged
    document_id: int
    sections: int
    claims: int
    same_as: str | None = None  # for unchanged: the stored file holding these bytes
    series: frozenset[tuple[str, str]] = frozenset()  # (entity, metric) it touched


def claim_uid(file_name: str, c: records.Claim) -> str:
    """Stable id for a claim: same document name and same figure give the same uid."""
    key = f"{file_name}|{c.entity}|{c.metric}|{c.unit}|{c.value!r}|{c.as_of}|{c.period or ''}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


@cache
def _existing() -> Select:
    """Stored documents with the bytes `:sha` or the file name `:name`."""
    cols = (Document.id, Document.file_name, Document.sha256, Document.extractor_version)
    return select(*cols).where(
        or_(Document.sha256 == bindparam("sha"), Document.file_name == bindparam("name"))
    )


@cache
def _inserts() -> tuple[Insert, Insert, Insert]:
    """The document, section and claim inserts, each returning the new ids in order."""
    return (
        insert(Document).returning(Document.id),
        insert(Section).returning(Section.id, sort_by_parameter_order=True),
        insert(Claim).returning(Claim.id, sort_by_parameter_order=True),
    )


@cache
def _old_series() -> Select:
    """The series of the claims of document `:doc`."""
    stmt = select(Claim.entity, Claim.metric).where(Claim.document_id == bindparam("doc"))
    return stmt.distinct()


def _unchanged(found: Sequence[Row], doc: records.ReadDocument, extractor_version: str):
    """The row of `found` (`_existing`'s) that makes `doc` unchanged: the same bytes, extracted
    by this extractor (or stored under another name, which keeps them). None: store it."""
    same = next((r for r in found if r.sha256 == doc.sha256), None)
    if same is not None and (
        same.extractor_version == extractor_version or same.file_name != doc.file_name
    ):
        return same
    return None


def unchanged_in(conn: Connection, doc: records.ReadDocument, extractor_version: str):
    """(id, file_name, ...) of the stored document that makes `doc` unchanged, or None."""
    found = conn.execute(_existing(), {"sha": doc.sha256, "name": doc.file_name}).all()
    return _unchanged(found, doc, extractor_version)


def store_into(
    conn: Connection,
    doc: records.ReadDocument,
    claims: Sequence[records.Claim],
    extractor_version: str,
    corrections: bool = True,
) -> StoreResult:
    """Add a document, or replace the earlier version of the same file, inside the caller's
    transaction. The series its old and new claims belong to are in the result (not marked).
    `corrections`: whether any reviewer's correction may be stored (False: none to derive)."""
    found = conn.execute(_existing(), {"sha": doc.sha256, "name": doc.file_name}).all()
    same = _unchanged(found, doc, extractor_version)
    if same is not None:
        return StoreResult("unchanged", same.id, 0, 0, same_as=same.file_name)
    rows, sections, seen = [], [], set()
    for c in claims:  # checked before anything is written
        uid = claim_uid(doc.file_name, c)
        if uid not in seen:
            seen.add(uid)
            rows.append(_claim_row(uid, c, extractor_version))
            sections.append(c.section_index)
    series: set[tuple[str, str]] = {(r["entity"], r["metric"]) for r in rows}
    old_id = next((r.id for r in found if r.file_name == doc.file_name), None)
    if old_id is not None:
        series.update(tuple(r) for r in conn.execute(_old_series(), {"doc": old_id}))
        conn.execute(delete(Document).where(Document.id == old_id))
    add_document, add_sections, add_claims = _inserts()
    doc_id = conn.execute(add_document, [_document_row(doc, extractor_version)]).scalar_one()
    section_ids: dict[int, int] = {}
    if doc.sections:
        ids = conn.execute(add_sections, [_section_row(doc_id, s) for s in doc.sections]).scalars()
        section_ids = {sec.index: sid for sec, sid in zip(doc.sections, ids, strict=True)}
    if rows:
        for r, index in zip(rows, sections, strict=True):
            r["document_id"], r["section_id"] = doc_id, section_ids.get(index)
        ids = conn.execute(add_claims, rows).scalars().all()
        write_new_claim_lines(conn, doc.file_name, doc.published_on, rows, ids)
        if corrections and has_corrections(conn, [r["uid"] for r in rows]):
            derive_for_document(conn, doc_id)  # reviewers' corrections stand
            series.update(tuple(r) for r in conn.execute(_old_series(), {"doc": doc_id}))
    status = "replaced" if old_id is not None else "added"
    return StoreResult(status, doc_id, len(doc.sections), len(rows), series=frozenset(series))


def _undo_document(conn: Connection) -> None:
    """Roll back to the document's savepoint: nothing of it stays. A connection broken
    meanwhile (a Ctrl-C in mid-statement) is left as it is: its whole uncommitted batch is
    rolled back when the writer ends, and the error that broke it is the one raised."""
    if conn.invalidated:
        return
    try:
        conn.exec_driver_sql("ROLLBACK TO SAVEPOINT document")
        conn.exec_driver_sql("RELEASE SAVEPOINT document")
    except SQLAlchemyError:
        pass


class BatchWriter:
    """Documents stored one after another in shared write transactions (see the module)."""

    def __init__(self, engine: Engine, extractor_version: str) -> None:
        self.engine, self.extractor_version = engine, extractor_version
        self._conn: Connection | None = None
        self._touched: dict[tuple[str, str], datetime] = {}  # series -> last stored
        self._docs = self._claims = 0
        self._since = 0.0
        self._corrections = True

    def store(self, doc: records.ReadDocument, claims: Sequence[records.Claim]) -> StoreResult:
        """Store one document under its savepoint; committed now or with the next ones."""
        if self._conn is None:
            self._begin()
        assert self._conn is not None
        conn = self._conn
        conn.exec_driver_sql("SAVEPOINT document")
        try:
            result = store_into(conn, doc, claims, self.extractor_version, self._corrections)
            # Marked with the document (a Ctrl-C after it still commits both or neither).
            if new := result.series - self._touched.keys():
                mark_dirty(conn, new)
        except BaseException:
            _undo_document(conn)
            raise
        conn.exec_driver_sql("RELEASE SAVEPOINT document")
        now = utcnow()
        self._touched.update(dict.fromkeys(result.series, now))
        self._docs += result.status != "unchanged"
        self._claims += result.claims
        if self.due():
            self.commit()
        return result

    def due(self) -> bool:
        """Whether the open batch should be committed now."""
        return self._conn is not None and (
            self._docs >= COMMIT_DOCUMENTS
            or self._claims >= COMMIT_CLAIMS
            or time.monotonic() - self._since >= COMMIT_SECONDS
        )

    @property
    def pending(self) -> bool:
        """Whether documents wait in an uncommitted transaction."""
        return self._conn is not None

    def commit(self) -> None:
        """Commit everything stored so far."""
        if self._conn is None:
            return
        conn, self._conn = self._conn, None
        try:
            # Each series as marked by the last document touching it, as if each document
            # had been committed alone (series are checked in the order of their marks).
            mark_dirty(conn, self._touched, self._touched)
            conn.commit()
        finally:
            conn.close()
            self._touched, self._docs, self._claims = {}, 0, 0

    def rollback(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            try:
                conn.rollback()
            finally:
                conn.close()
                self._touched, self._docs, self._claims = {}, 0, 0

    def unchanged_as(self, doc: records.ReadDocument) -> str | None:
        """The stored file name `doc` is unchanged as (db.documents.unchanged_as), read in
        the batch's transaction: what it stored already counts."""
        if self._conn is None:
            self._begin()
        assert self._conn is not None
        same = unchanged_in(self._conn, doc, self.extractor_version)
        return None if same is None else same.file_name

    def _begin(self) -> None:
        conn = self.engine.connect()
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        self._conn, self._since = conn, time.monotonic()
        # No writer can add a correction meanwhile: asked once a batch, not once a document.
        self._corrections = any_corrections(conn)

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, kind, error, tb) -> None:
        """Commit the whole documents stored (also on Ctrl-C or an error: the document being
        stored then was rolled back to its savepoint); roll back if that fails."""
        try:
            self.commit()
        except BaseException:
            self.rollback()
            if kind is None:
                raise


def _document_row(doc: records.ReadDocument, extractor_version: str) -> dict:
    return {
        "file_name": doc.file_name,
        "sha256": doc.sha256,
        "source_format": doc.source_format,
        "title": doc.title,
        "publisher": doc.publisher,
        "kind": doc.kind,
        "url": doc.url,
        "published_on": doc.published_on,
        "date_source": doc.date_source,
        "text": doc.text,
        "size_bytes": doc.size_bytes,
        "ingested_at": utcnow(),
        "extractor_version": extractor_version,
    }


def _section_row(document_id: int, sec: records.Section) -> dict:
    return {
        "document_id": document_id,
        "idx": sec.index,
        "char_start": sec.char_start,
        "char_end": sec.char_end,
        "published_on": sec.published_on,
        "date_source": sec.date_source,
        "heading": sec.heading,
    }


def _claim_row(uid: str, c: records.Claim, extractor_version: str) -> dict:
    if c.status not in records.CLAIM_STATUSES:
        raise ValueError(f"claim status {c.status!r} is not one of {records.CLAIM_STATUSES}")
    odd = [r for r in c.unsure if r not in records.UNSURE_REASONS]
    if odd:
        raise ValueError(f"unsure reason {odd[0]!r} is not one of {records.UNSURE_REASONS}")
    return {
        "uid": uid,
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
        "extractor_version": extractor_version,
    }
