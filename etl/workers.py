"""Read and extract files in worker processes; hand them back in order to the one writer.

Workers ignore Ctrl-C: the writer (the main process) stops, rolls back the file it was
storing and ends the workers, so no half document is ever stored. At most AHEAD_PER_JOB
files per worker (and HELD_BYTES of them in all) wait in memory for the writer.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from db.oneline import shown
from db.records import Claim, ReadDocument
from etl.read import IngestError, ManifestEntry, fails_alone

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

AHEAD_PER_JOB = 16  # files read ahead per worker while the writer stores
HELD_BYTES = 32 << 20  # answers taken off the pipes and held for the writer, at most
PATIENCE_SECONDS = 0.02  # how long the writer waits for the next file before saying IDLE
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

    def close(self) -> None: ...


def prepare(task: Task, stored_shas: frozenset[str] = frozenset()) -> Prepared | Failed:
    """Read one file and, unless this extractor stored its bytes before (`stored_shas`),
    extract its claims."""
    from etl.read import read_document  # loaded when first needed (with their patterns)

    try:
        doc = read_document(task.path, manifest=task.manifest, max_bytes=task.max_bytes)
        return Prepared(doc, None if doc.sha256 in stored_shas else claims_of(doc))
    except IngestError as e:
        return Failed(task.path.name, f"{shown(str(task.path))}: {e.reason}")


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


def _work(conn: Connection, stored_shas: frozenset[str], writers_ends: tuple) -> None:
    """A worker process: prepare each task the pipe brings and send back what came of it, in
    the order they came, until it brings None or the writer is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the writer decides what Ctrl-C stops
    for end in writers_ends:  # held here, they would keep a dead writer's pipes open
        end.close()
    while (task := _next(conn)) is not None:
        try:
            conn.send((True, prepare(task, stored_shas)))
        except Exception as e:  # a fault, not a bad file: the writer raises it
            conn.send((False, e))


def _next(conn: Connection) -> Task | None:
    """The next task, or None once the writer says so or has ended (killed, say)."""
    try:
        return conn.recv()
    except EOFError:
        return None


def prepared(
    items: Iterable[Task | object],
    jobs: int,
    stored_shas: frozenset[str] = frozenset(),
    ahead: PreparedAhead | None = None,
) -> Iterator[Prepared | Failed | object]:
    """Each task prepared (anything else passed through), in the order given, and IDLE before
    one that will keep the caller waiting. With one job, files are read and extracted here;
    with more, in `jobs` worker processes, each fed over a pipe
    of its own (task k goes to worker k mod jobs, so its answers come back in order; no helper
    thread competes with the caller for the interpreter). `stored_shas`: bytes stored by this
    extractor, are only read (the caller tells whether they are unchanged). `ahead`: a task
    prepared already (etl.ahead.Ahead), its answer taken for that task."""
    items = list(items)
    if jobs <= 1 or sum(isinstance(i, Task) for i in items) < 2:
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
        return
    if ahead is not None:
        ahead.close()
    warm_up()
    import multiprocessing  # loaded for the workers only

    ctx = multiprocessing.get_context("fork")
    pipes, procs = [], []
    try:
        for _ in range(jobs):
            mine, theirs = ctx.Pipe()
            ends = (*pipes, mine)
            proc = ctx.Process(target=_work, args=(theirs, stored_shas, ends), daemon=True)
            proc.start()
            theirs.close()
            pipes.append(mine)
            procs.append(proc)
        yield from _in_order(items, pipes)
        for pipe in pipes:
            pipe.send(None)
        for proc in procs:
            proc.join()
    finally:
        for proc in procs:
            if proc.is_alive():  # interrupted: nothing they hold is wanted
                proc.terminate()
                proc.join()
        for pipe in pipes:
            pipe.close()


def _in_order(items: list, pipes: list[Connection]) -> Iterator[Prepared | Failed | object]:
    """The items, tasks sent round the pipes a few ahead and answered in order. Answers
    already sent are taken off the pipes (up to HELD_BYTES) before each item is handed on,
    so a worker never waits on a full pipe while the caller stores."""
    from multiprocessing.reduction import ForkingPickler

    waiting: deque = deque()  # per item: the pipe its task went to, _Held, or _Passed
    asked: dict[Connection, deque[_Held]] = {pipe: deque() for pipe in pipes}  # unanswered
    todo = iter(items)
    sent = held = 0

    def send(item: object) -> None:
        nonlocal sent
        if isinstance(item, Task):
            pipe = pipes[sent % len(pipes)]
            pipe.send(item)
            slot = _Held(pipe)
            asked[pipe].append(slot)
            waiting.append(slot)
            sent += 1
        else:
            waiting.append(_Passed(item))

    def take_ready() -> None:
        nonlocal held
        for pipe, slots in asked.items():
            while slots and held < HELD_BYTES and pipe.poll(0):
                slot = slots.popleft()
                slot.answer = pipe.recv_bytes()
                held += len(slot.answer)

    for item in todo:
        send(item)
        if len(waiting) >= len(pipes) * AHEAD_PER_JOB:
            break
    while waiting:
        take_ready()
        head = waiting.popleft()
        if isinstance(head, _Passed):
            yield head.item
        else:
            if head.answer is None:
                if not head.pipe.poll(PATIENCE_SECONDS):
                    yield IDLE
                asked[head.pipe].popleft()
                head.answer = head.pipe.recv_bytes()
            else:
                held -= len(head.answer)
            ok, answer = ForkingPickler.loads(head.answer)
            head.answer = None
            if not ok:
                raise answer
            yield answer
        nxt = next(todo, None)
        if nxt is not None:
            send(nxt)


class _Held:
    """An item's task: the pipe it went to and, once taken off it, the answer's bytes."""

    __slots__ = ("answer", "pipe")

    def __init__(self, pipe: Connection) -> None:
        self.pipe, self.answer = pipe, None


@dataclass(frozen=True)
class _Passed:
    item: object


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it will say why
