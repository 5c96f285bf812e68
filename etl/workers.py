"""Reading and extracting files for the writer: here (`prepared`), by a crew of worker
processes (etl.crew), or ahead in a process of its own (etl.ahead, a lone file).

A process that reads and extracts for the writer ignores Ctrl-C (`as_helper`): the writer (the
main process) stops, rolls back the file it was storing and ends that process, so no half
document is ever stored. What such a process sends (`answer`) becomes what `prepare` gives
once the writer knows which bytes are stored already (`received`).
"""

from __future__ import annotations

import gc
import signal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from operator import attrgetter
from pathlib import Path
from typing import Any, Protocol

from db.oneline import shown
from db.records import Claim, ReadDocument, Section
from etl.read import IngestError, ManifestEntry, fails_alone

SLOW_READ_BYTES = 1 << 20  # a file this large may take a while to read in this process
# Read and extracted before the workers are forked (`warm_up`).
WARM_UP_TEXT = "Hong Kong, 1 June 2024 – Cyberport is home to over 2,000 start-ups, it said.\n"


class Idle:
    """Yielded before the next file keeps the writer waiting: a moment to commit."""


IDLE = Idle()


@dataclass(frozen=True)
class Task:
    path: Path
    manifest: ManifestEntry | None
    max_bytes: int


@dataclass(frozen=True)
class Prepared:
    """A file read (and extracted, unless its bytes are stored already: claims None)."""

    doc: ReadDocument
    claims: tuple[Claim, ...] | None


@dataclass(frozen=True)
class Failed:
    """A file that could not be read: its name and the one line to show."""

    file: str
    error: str


class PreparedAhead(Protocol):
    """A task being prepared already, elsewhere (etl.ahead.Ahead)."""

    task: Task

    def result(self, stored_shas: frozenset[str] = ...) -> Prepared | Failed: ...


def prepare(task: Task, stored_shas: frozenset[str] = frozenset()) -> Prepared | Failed:
    """Read one file and, unless this extractor stored its bytes before (`stored_shas`),
    extract its claims."""
    doc, claims, why = _attempt(task, stored_shas)
    return Failed(*why) if doc is None or why is not None else Prepared(doc, claims)


def answer(task: Task, stored_shas: frozenset[str] = frozenset()) -> tuple:
    """What a process preparing `task` for the writer sends: (True, what came of it, as plain
    tuples) or (False, a fault, not a bad file, which the writer raises). Unlike `prepare`, it
    tells new bytes whose claims could not be extracted with the document: the writer may know
    them stored by then (`received`)."""
    try:
        doc, claims, why = _attempt(task, stored_shas)
        if doc is None:
            return True, why
        sections = [_section_values(s) for s in doc.sections]
        values = None if claims is None else [_claim_values(c) for c in claims]
        return True, (_doc_values(doc), sections, values, why)
    except Exception as e:  # a fault, not a bad file: the writer raises it
        return False, e


def _attempt(
    task: Task, stored_shas: frozenset[str]
) -> tuple[ReadDocument | None, tuple[Claim, ...] | None, tuple[str, str] | None]:
    """The task's file read (None if it could not be), its claims unless its bytes are in
    `stored_shas` (None also when they could not be extracted), and why it failed, if it did."""
    from etl.read import read_document  # loaded when first needed (with their patterns)

    try:
        doc = read_document(task.path, manifest=task.manifest, max_bytes=task.max_bytes)
    except IngestError as e:
        return None, None, _why(task, e)
    if doc.sha256 in stored_shas:
        return doc, None, None
    try:
        return doc, claims_of(doc), None
    except IngestError as e:
        return doc, None, _why(task, e)


def received(sent: tuple, stored_shas: frozenset[str]) -> Prepared | Failed:
    """What `prepare(task, stored_shas)` gives, from what `answer` sent for the task (its
    sender may have taken bytes in `stored_shas` for new: their claims are not wanted)."""
    ok, got = sent
    if not ok:
        raise got
    if len(got) == 2:
        return Failed(*got)
    doc_values, sections, claims, failed = got
    doc = _record(ReadDocument, _DOC_NAMES, doc_values)
    doc.__dict__["sections"] = tuple(_record(Section, _SECTION_NAMES, s) for s in sections)
    if doc.sha256 in stored_shas:
        return Prepared(doc, None)
    if failed is not None:
        return Failed(*failed)
    if claims is not None:
        claims = tuple(_record(Claim, _CLAIM_NAMES, c) for c in claims)
    return Prepared(doc, claims)


def read_sha(sent: tuple) -> str | None:
    """The bytes (sha256) of the file `answer` sent about, None if it could not be read."""
    ok, got = sent
    return got[0][_DOC_NAMES.index("sha256")] if ok and len(got) == 4 else None


# An answer crosses a pipe as plain tuples, which pickle and unpickle in a fraction of the time
# the records take (each record field by field, by name).
_DOC_NAMES = tuple(f.name for f in fields(ReadDocument) if f.name != "sections")
_SECTION_NAMES = tuple(f.name for f in fields(Section))
_CLAIM_NAMES = tuple(f.name for f in fields(Claim))
_doc_values, _section_values, _claim_values = (
    attrgetter(*names) for names in (_DOC_NAMES, _SECTION_NAMES, _CLAIM_NAMES)
)


def _record(kind: type, names: tuple[str, ...], values: tuple) -> Any:
    """A record of `kind` with these field values, made as unpickling makes it (its fields set
    directly, not through its __init__)."""
    record = object.__new__(kind)
    record.__dict__.update(zip(names, values, strict=True))
    return record


def _why(task: Task, e: IngestError) -> tuple[str, str]:
    """The task's file's name and the one line to show for `e`."""
    return task.path.name, f"{shown(str(task.path))}: {e.reason}"


def claims_of(doc: ReadDocument) -> tuple[Claim, ...]:
    """The claims of `doc`; an error extracting them is the file's (IngestError)."""
    from etl.extract import extract_claims  # loaded when first needed (by Ahead's process)

    with fails_alone(doc.file_name, "extracted"):
        return tuple(extract_claims(doc))


def extractor_version() -> str:
    """The version of the extractor this code is (etl.extract, loaded for it)."""
    from etl.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def warm_up() -> None:
    """Read and extract a one-sentence document, so that the patterns and word lists that
    every file needs (built on first use) are built once, here, and not again in each worker
    forked from this process."""
    from etl.read import read_bytes

    claims_of(read_bytes(WARM_UP_TEXT.encode(), "warm-up.txt"))


def as_helper() -> None:
    """Make this process, forked to read and extract for the writer, one: Ctrl-C is the
    writer's to handle, and collection resumes if `python -m etl` paused it while loading its
    modules (what they made kept out of it, as etl.cli.loaded does)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def prepared(
    items: Iterable[Task | object],
    stored_shas: frozenset[str] = frozenset(),
    ahead: PreparedAhead | None = None,
) -> Iterator[Prepared | Failed | object]:
    """Each task prepared in this process (anything else passed through), in the order given,
    and IDLE before a file that may take a while to read (a crew of worker processes does it
    with more than one job: etl.crew). `stored_shas`: bytes stored by this extractor, are only
    read (the caller tells whether they are unchanged). `ahead`: a task prepared already
    (etl.ahead.Ahead), its answer taken for it."""
    for item in items:
        if isinstance(item, Task):
            if _size(item.path) >= SLOW_READ_BYTES:
                yield IDLE
            if ahead is not None and item == ahead.task:
                yield ahead.result(stored_shas)
                ahead = None
            else:
                yield prepare(item, stored_shas)
        else:
            yield item


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it will say why
