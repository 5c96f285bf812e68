"""Store documents with their sections, claims and claim lines: each whole or not at all.

`store_into` writes one document inside the caller's transaction with a handful of set-based
statements (built once per process). `BatchWriter` stores documents one after another in one
write transaction, each under a savepoint of its own (or a group of new ones together:
db.document_group), and commits every few hundred documents or
every second: a file stored is always whole (a savepoint rolled back leaves nothing of
it), a file is never half-committed, and the database's per-commit work (the write-ahead log,
the indexes' pages) is shared by the documents of one commit. The series a document touches are
marked dirty in the same transaction.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import (
    Connection,
    Engine,
    Row,
    Select,
    bindparam,
    delete,
    or_,
    select,
)
from sqlalchemy.exc import SQLAlchemyError

from db import records
from db.corrections import any_corrections, derive_for_document, has_corrections
from db.dirty import mark_dirty
from db.document_group import add_group, insert_new
from db.document_rows import StoreResult, claim_rows
from db.models import Claim, Document, utcnow

# A commit writes every index page its claims touched: the pages of indexes keyed by uid, date
# or value are spread over the whole index, so a commit of more documents writes each of them
# for more claims (and fewer times in all, however big the database has grown).
COMMIT_DOCUMENTS = 512  # documents per commit, at most
COMMIT_CLAIMS = 20_000  # claims per commit, at most (a few documents of many figures)
COMMIT_SECONDS = 1.0  # a commit at least this often while documents keep coming


@cache
def _existing() -> Select:
    """Stored documents with the bytes `:sha` or the file name `:name`."""
    cols = (Document.id, Document.file_name, Document.sha256, Document.extractor_version)
    return select(*cols).where(
        or_(Document.sha256 == bindparam("sha"), Document.file_name == bindparam("name"))
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
    rows, sections = claim_rows(doc.file_name, claims, extractor_version)  # checked first
    series: set[tuple[str, str]] = {(r["entity"], r["metric"]) for r in rows}
    old_id = next((r.id for r in found if r.file_name == doc.file_name), None)
    if old_id is not None:
        series.update(tuple(r) for r in conn.execute(_old_series(), {"doc": old_id}))
        conn.execute(delete(Document).where(Document.id == old_id))
    (doc_id,) = insert_new(conn, [(doc, rows, sections)], extractor_version)
    if rows and corrections and has_corrections(conn, [r["uid"] for r in rows]):
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
        self._last_mark: datetime | None = None
        self._docs = self._claims = 0
        self._since = 0.0
        self._corrections = True

    def store(self, doc: records.ReadDocument, claims: Sequence[records.Claim]) -> StoreResult:
        """Store one document under its savepoint; committed now or with the next ones."""
        conn = self._connection()
        return self._saved(
            lambda: [store_into(conn, doc, claims, self.extractor_version, self._corrections)]
        )[0]

    def store_many(
        self, items: Sequence[tuple[records.ReadDocument, Sequence[records.Claim]]]
    ) -> list[StoreResult]:
        """Store several documents, in order: new ones together, with one statement per table
        (db.document_group), under one savepoint; one by one when one of them needs more than
        adding. Committed now or with the next ones."""
        if len(items) > 1:
            conn = self._connection()
            args = (conn, items, self.extractor_version, self._corrections)
            added = self._saved(lambda: add_group(*args) or [])
            if added:
                return added
        return [self.store(doc, claims) for doc, claims in items]

    def _connection(self) -> Connection:
        if self._conn is None:
            self._begin()
        assert self._conn is not None
        return self._conn

    def _saved(self, write: Callable[[], list[StoreResult]]) -> list[StoreResult]:
        """What `write` stored, under a savepoint: all of it, marked dirty, or none of it."""
        conn = self._connection()
        conn.exec_driver_sql("SAVEPOINT document")
        try:
            results = write()
            series = set().union(*(r.series for r in results))
            # Marked with the documents (a Ctrl-C after them still commits both or neither).
            if new := series - self._touched.keys():
                mark_dirty(conn, new)
        except BaseException:
            _undo_document(conn)
            raise
        conn.exec_driver_sql("RELEASE SAVEPOINT document")
        for result in results:  # a group's documents one after another, as if stored alone
            self._touched.update(dict.fromkeys(result.series, self._next_mark()))
        self._docs += sum(r.status != "unchanged" for r in results)
        self._claims += sum(r.claims for r in results)
        if self.due():
            self.commit()
        return results

    def _next_mark(self) -> datetime:
        """Now, or a moment after the last document's mark when the clock has not moved on:
        each document's series are marked strictly after the one's before it, so the order
        of the checks follows the order of the files, however they were grouped."""
        now = utcnow()
        if self._last_mark is not None and now <= self._last_mark:
            now = self._last_mark + timedelta(microseconds=1)
        self._last_mark = now
        return now

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
        same = unchanged_in(self._connection(), doc, self.extractor_version)
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
