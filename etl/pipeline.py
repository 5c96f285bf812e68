"""Ingest: files and folders -> read -> extract -> store, one transaction per file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from db.document_writer import BatchWriter
from db.documents import StoreResult, known_documents, store_document, unchanged_as
from db.records import Claim, ReadDocument
from etl.ingest_files import FileOutcome, Started, collect_files
from etl.read import DEFAULT_MAX_BYTES, IngestError
from etl.workers import Failed, Idle, Prepared, claims_of, extractor_version

__all__ = ["FileOutcome", "IngestSummary", "collect_files", "ingest_paths", "ingest_upload"]

GROUP_DOCUMENTS = 32  # new documents stored together (db.document_group), at most
GROUP_BYTES = 8 << 20  # bytes of their files, at most (a group is held in memory)


@dataclass(frozen=True)
class IngestSummary:
    outcomes: tuple[FileOutcome, ...] = field(default_factory=tuple)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def errors(self) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status == "error")

    @property
    def changed(self) -> bool:
        return any(o.status in ("added", "replaced") for o in self.outcomes)

    @property
    def unknown_dates(self) -> tuple[str, ...]:
        return tuple(o.file for o in self.outcomes if o.date_source == "unknown")

    def line(self) -> str:
        """The one-line summary printed at the end of an ingest."""
        stored = [o for o in self.outcomes if o.status in ("added", "replaced")]
        skipped = Counter(
            o.skipped.kind for o in self.outcomes if o.status == "skipped" and o.skipped
        )
        line = (
            f"{len(self.outcomes) - self.count('skipped')} files: {self.count('added')} added, "
            f"{self.count('replaced')} replaced, {self.count('unchanged')} unchanged; "
            f"{sum(o.sections for o in stored)} sections, {sum(o.claims for o in stored)} claims; "
            f"{len(self.unknown_dates)} without a date; {len(self.errors)} errors"
        )
        if skipped:
            kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(skipped.items()))
            line += f"; {skipped.total()} skipped on purpose ({kinds})"
        return line


def _store(engine: Engine, doc: ReadDocument) -> StoreResult:
    """Store `doc` alone unless unchanged; its claims are extracted here."""
    version = extractor_version()
    same = unchanged_as(engine, doc, version)
    if same is not None:  # skip the extraction too
        return StoreResult("unchanged", 0, 0, 0, same_as=same)
    return store_document(engine, doc, claims_of(doc), version)


def _store_in(
    writer: BatchWriter,
    doc: ReadDocument,
    claims: Sequence[Claim] | None,
    stored: frozenset[str],
) -> StoreResult:
    """Store `doc` with the writer's batch unless unchanged; its claims are extracted here
    unless given. `stored`: the bytes (sha256) this extractor stored before the run (only
    those can be unchanged, apart from bytes the run itself stores twice)."""
    if claims is not None:
        return writer.store(doc, claims)
    same = writer.unchanged_as(doc) if doc.sha256 in stored else None
    if same is None:
        result = writer.store(doc, claims_of(doc))
        if result.status != "unchanged":
            return result
        same = result.same_as  # the same bytes twice in this run
    return StoreResult("unchanged", 0, 0, 0, same_as=same)  # as _store tells it


def _outcome(doc: ReadDocument, result: StoreResult) -> FileOutcome:
    return FileOutcome(
        doc.file_name,
        result.status,
        result.sections,
        result.claims,
        doc.date_source,
        document_id=result.document_id or None,
    )


def ingest_upload(
    engine: Engine, data: bytes, file_name: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> FileOutcome:
    """Ingest bytes sent through the dashboard's upload, exactly as a file would be."""
    from etl.read import read_bytes  # the readers (and their patterns) load when first used

    try:
        doc = read_bytes(data, Path(file_name).name, max_bytes=max_bytes)
        outcome = _outcome(doc, _store(engine, doc))
    except IngestError as e:
        return FileOutcome(file_name, "error", error=str(e))
    refresh_checks(engine)  # also finishes what an interrupted run left
    return outcome


def ingest_paths(
    engine: Engine,
    paths: Sequence[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file: Callable[[FileOutcome], None] | None = None,
    jobs: int = 1,
    started: Started | None = None,
) -> IngestSummary:
    """Ingest every file under `paths`, in order, each file whole or not at all (a few files
    share a commit: db.document_writer.BatchWriter); with `jobs` above 1, files are read and
    extracted in that many worker processes while this one stores them (`started`: the files
    of `paths` collected, and being read and extracted already: etl.ingest_files.start_early).
    The series they touch are checked at the end (and any an interrupted run left)."""
    with started or Started(paths, max_bytes, jobs) as run:
        outcomes = list(run.not_taken)
        for o in outcomes:
            if on_file:
                on_file(o)
        version = run.extractor_version()
        stored = known_documents(engine, version, run.stored_among())
        with BatchWriter(engine, version) as writer:
            storing = _Storing(writer, stored, outcomes, on_file)
            try:
                for item in run.prepared(stored):
                    storing.take(item)
            except KeyboardInterrupt:  # the files read whole are stored whole, then it stops
                storing.store_group()
                raise
            storing.store_group()
            writer.commit()
    storing.tell()
    refresh_checks(engine)
    return IngestSummary(tuple(outcomes))


class _Storing:
    """The writer's side of an ingest: what `prepared` yields is stored in order (new
    documents a group at a time) and each file's outcome told once it is committed."""

    def __init__(
        self,
        writer: BatchWriter,
        stored: frozenset[str],
        outcomes: list[FileOutcome],
        on_file: Callable[[FileOutcome], None] | None,
    ) -> None:
        self.writer, self.stored, self.outcomes, self.on_file = writer, stored, outcomes, on_file
        self.told: list[FileOutcome] = []  # outcomes of files waiting for their commit
        self.group: list[tuple[ReadDocument, Sequence[Claim]]] = []  # new, not stored yet
        self.group_bytes = 0

    def take(self, item: Prepared | Failed | FileOutcome | Idle) -> None:
        if isinstance(item, Prepared) and item.claims is not None:  # new bytes, extracted
            self.group.append((item.doc, item.claims))
            self.group_bytes += item.doc.size_bytes
            if len(self.group) >= GROUP_DOCUMENTS or self.group_bytes >= GROUP_BYTES:
                self.store_group()
        else:
            self.store_group()  # first: files are told in order
            if isinstance(item, Idle):  # the next file keeps us waiting: commit meanwhile
                self.writer.commit()
            elif isinstance(item, FileOutcome):
                self.told.append(item)
            elif isinstance(item, Failed):
                self.told.append(FileOutcome(item.file, "error", error=item.error))
            else:  # bytes this extractor stored before: perhaps unchanged
                try:
                    result = _store_in(self.writer, item.doc, item.claims, self.stored)
                except IngestError as e:  # its claims could not be extracted: nothing stored
                    self.told.append(FileOutcome(item.doc.file_name, "error", error=str(e)))
                else:
                    self.told.append(_outcome(item.doc, result))
        if not self.writer.pending:
            self.tell()

    def store_group(self) -> None:
        if self.group:
            results = self.writer.store_many(self.group)
            pairs = zip(self.group, results, strict=True)
            self.told.extend(_outcome(doc, r) for (doc, _), r in pairs)
            self.group.clear()
            self.group_bytes = 0

    def tell(self) -> None:
        for o in self.told:
            self.outcomes.append(o)
            if self.on_file:
                self.on_file(o)
        self.told.clear()


def refresh_checks(engine: Engine) -> None:
    """Check the series the stored changes marked (and any an interrupted run left)."""
    from etl.check import settle

    settle(engine)
