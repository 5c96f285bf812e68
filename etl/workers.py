"""Read and extract files in worker processes; hand them back in order to the one writer.

Workers ignore Ctrl-C: the writer (the main process) stops, rolls back the file it was
storing and ends the pool, so no half document is ever stored. At most a few files per
worker wait in memory for the writer.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from pathlib import Path

from db.oneline import shown
from db.records import Claim, ReadDocument
from etl.extract import extract_claims
from etl.read import IngestError, ManifestEntry, read_document

AHEAD_PER_JOB = 4  # files read ahead per worker while the writer stores
PATIENCE_SECONDS = 0.02  # how long the writer waits for the next file before saying IDLE
SLOW_READ_BYTES = 1 << 20  # a file this large may take a while to read in this process


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


_stored_shas: frozenset[str] = frozenset()


def _start_worker(stored_shas: frozenset[str]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _stored_shas
    _stored_shas = stored_shas


def prepare(task: Task, extract: bool = True) -> Prepared | Failed:
    """Read one file and, if asked and its bytes are new, extract its claims."""
    try:
        doc = read_document(task.path, manifest=task.manifest, max_bytes=task.max_bytes)
    except IngestError as e:
        return Failed(task.path.name, f"{shown(str(task.path))}: {e.reason}")
    if not extract or doc.sha256 in _stored_shas:
        return Prepared(doc, None)
    return Prepared(doc, tuple(extract_claims(doc)))


def prepared(
    items: Iterable[Task | object], jobs: int, stored_shas: frozenset[str] = frozenset()
) -> Iterator[Prepared | Failed | object]:
    """Each task prepared (anything else passed through), in the order given, and IDLE before
    one that will keep the caller waiting. With one job, files are only read here (the caller
    extracts); with more, read and extracted in `jobs` worker processes. `stored_shas`: bytes
    stored by this extractor, not extracted again."""
    items = list(items)
    if jobs <= 1 or sum(isinstance(i, Task) for i in items) < 2:
        for item in items:
            if isinstance(item, Task):
                if _size(item.path) >= SLOW_READ_BYTES:
                    yield IDLE
                yield prepare(item, extract=False)
            else:
                yield item
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs, initializer=_start_worker, initargs=(stored_shas,)) as pool:
        waiting: deque = deque()
        todo = iter(items)
        for item in todo:
            waiting.append(pool.apply_async(prepare, (item,)) if isinstance(item, Task) else item)
            if len(waiting) >= jobs * AHEAD_PER_JOB:
                break
        while waiting:
            head = waiting.popleft()
            if isinstance(head, AsyncResult) and not head.ready():
                head.wait(PATIENCE_SECONDS)
                if not head.ready():
                    yield IDLE
            yield head.get() if isinstance(head, AsyncResult) else head
            nxt = next(todo, None)
            if nxt is not None:
                waiting.append(pool.apply_async(prepare, (nxt,)) if isinstance(nxt, Task) else nxt)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it will say why
