"""Read and extract files in worker processes; hand them back in order to the one writer.

Workers ignore Ctrl-C (etl.workers.as_helper). A crew of workers may start before the writer
is ready to store (`Crew`, `Crew.ready`: the database code still loading, a new database being
made): meanwhile a thread takes their answers off the pipes. Each worker has at most
AHEAD_PER_JOB files waiting to be read, and at most HELD_BYTES of answers are taken off the
pipes and held for the writer.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler

from etl.workers import IDLE, Failed, Prepared, Task, answer, as_helper, received, warm_up

AHEAD_PER_JOB = 16  # files sent to each worker and not answered yet, at most
HELD_BYTES = 32 << 20  # answers taken off the pipes and held for the writer, at most
# How long the writer waits for the next file before saying IDLE (and committing): shorter
# waits, common on a busy machine, would commit small batches, each writing out the index
# pages its claims touched.
PATIENCE_SECONDS = 0.1
_END = object()


class Crew:
    """`jobs` worker processes preparing the tasks among `items` (`stored_shas`: as the
    caller knows them now), each fed over a pipe of its own (task k goes to worker k mod
    jobs, so its answers come back in order); they work on while the caller gets ready."""

    def __init__(self, items: Iterable, jobs: int, stored_shas: frozenset[str]) -> None:
        self._todo: Iterator = iter(list(items))
        self._peeked: list = []  # the next item, when it had to wait for room
        self._waiting: deque = deque()  # per item: the _Held of its task, or _Passed
        self._stored: frozenset[str] | None = None  # as the caller knows them once ready
        self._sent = self._held = 0
        self._pipes: list[Connection] = []
        self._procs: list = []
        self._stop = threading.Event()
        self._meanwhile: threading.Thread | None = None
        warm_up()
        gc.freeze()  # what the warm-up built too: a worker's collections leave it alone
        ctx = multiprocessing.get_context("fork")
        try:
            for _ in range(jobs):
                mine, theirs = ctx.Pipe()
                ends = (*self._pipes, mine)
                proc = ctx.Process(target=_work, args=(theirs, stored_shas, ends), daemon=True)
                proc.start()
                theirs.close()
                self._pipes.append(mine)
                self._procs.append(proc)
        except BaseException:
            self.close()
            raise
        self._asked: dict[Connection, deque[_Held]] = {p: deque() for p in self._pipes}
        self._fill()
        self._meanwhile = threading.Thread(target=self._take_meanwhile, daemon=True)
        self._meanwhile.start()

    def run(self, stored_shas: frozenset[str]) -> Iterator[Prepared | Failed | object]:
        """`ready`, then the `answers`; the workers ended after (or when interrupted)."""
        try:
            self.ready(stored_shas)
            yield from self.answers()
        finally:
            self.close()

    def ready(self, stored_shas: frozenset[str]) -> None:
        """The caller is ready to take the answers, knowing the bytes stored before: the
        claims of those are not wanted (workers started before a new database was opened took
        it for empty, and another process may have filled it meanwhile)."""
        self._stop.set()
        if self._meanwhile is not None:
            self._meanwhile.join()
            self._meanwhile = None
        self._stored = stored_shas

    def answers(self) -> Iterator[Prepared | Failed | object]:
        """The items in order, and IDLE before one that will keep the caller waiting. Answers
        already sent are taken off the pipes (up to HELD_BYTES) before each item is handed on,
        so a worker never waits on a full pipe while the caller stores."""
        assert self._stored is not None, "ready() first"
        while self._waiting:
            self._take_ready()
            head = self._waiting.popleft()
            if isinstance(head, _Passed):
                yield head.item
            else:
                if head.answer is None:
                    if not head.pipe.poll(PATIENCE_SECONDS):
                        yield IDLE
                    self._asked[head.pipe].popleft()
                    head.answer = head.pipe.recv_bytes()
                else:
                    self._held -= len(head.answer)
                sent = ForkingPickler.loads(head.answer)
                head.answer = None
                yield received(sent, self._stored)
            self._fill()
        for pipe in self._pipes:
            pipe.send(None)
        for proc in self._procs:
            proc.join()

    def close(self) -> None:
        """End the workers (those still at work: interrupted, nothing they hold is wanted)."""
        self._stop.set()
        if self._meanwhile is not None:
            self._meanwhile.join()
        for proc in self._procs:
            if proc.is_alive():
                proc.terminate()
                proc.join()
        for pipe in self._pipes:
            pipe.close()

    def _fill(self) -> None:
        """Send the next items while the worker each task goes to has room for it."""
        while True:
            item = self._peeked.pop() if self._peeked else next(self._todo, _END)
            if item is _END:
                return
            if not isinstance(item, Task):
                self._waiting.append(_Passed(item))
                continue
            pipe = self._pipes[self._sent % len(self._pipes)]
            if len(self._asked[pipe]) >= AHEAD_PER_JOB:
                self._peeked.append(item)
                return
            pipe.send(item)
            slot = _Held(pipe)
            self._asked[pipe].append(slot)
            self._waiting.append(slot)
            self._sent += 1

    def _take_ready(self) -> None:
        for pipe, slots in self._asked.items():
            while slots and self._held < HELD_BYTES and pipe.poll(0):
                slot = slots.popleft()
                slot.answer = pipe.recv_bytes()
                self._held += len(slot.answer)

    def _take_meanwhile(self) -> None:
        """While the caller gets ready: answers taken off the pipes, more tasks sent."""
        while not self._stop.is_set():
            busy = [pipe for pipe, slots in self._asked.items() if slots]
            if not busy or self._held >= HELD_BYTES:
                self._stop.wait(PATIENCE_SECONDS)
                continue
            wait(busy, timeout=PATIENCE_SECONDS)
            self._take_ready()
            self._fill()


def _work(conn: Connection, stored_shas: frozenset[str], writers_ends: tuple) -> None:
    """A worker process: prepare each task the pipe brings and send back what came of it, in
    the order they came, until it brings None or the writer is gone."""
    as_helper()
    for end in writers_ends:  # held here, they would keep a dead writer's pipes open
        end.close()
    while (task := _next(conn)) is not None:
        sent = answer(task, stored_shas)
        try:
            conn.send(sent)
        except Exception as e:  # an answer that cannot be pickled: the writer raises why
            conn.send((False, e))


def _next(conn: Connection) -> Task | None:
    """The next task, or None once the writer says so or has ended (killed, say)."""
    try:
        return conn.recv()
    except EOFError:
        return None


class _Held:
    """An item's task: the pipe it went to and, once taken off it, the answer's bytes."""

    __slots__ = ("answer", "pipe")

    def __init__(self, pipe: Connection) -> None:
        self.pipe, self.answer = pipe, None


@dataclass(frozen=True)
class _Passed:
    item: object
