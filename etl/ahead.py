"""A lone file read and extracted in a process of its own while the command loads the rest.

`python -m etl ingest FILE` first loads what storing and checking need (the database layer,
the checks), then stores and checks. Reading and extracting the file needs neither, so a
process forked at the start (when --jobs allows a second) reads and extracts it meanwhile and
hands over what `etl.workers.prepare` would give, with the extractor's version: the command
itself never loads the reader's patterns or the extractor.
"""

from __future__ import annotations

import os
import pickle
import signal

from etl.workers import (
    Failed,
    Prepared,
    Task,
    answer,
    as_helper,
    extractor_version,
    prepare,
    read_sha,
    received,
)


class Ahead:
    """The process reading and extracting one file, and what it sent."""

    def __init__(self, task: Task, fd: int, pid: int) -> None:
        self.task = task
        self._fd: int | None = fd  # the pipe's end its answer comes on
        self._pid: int | None = pid
        self._got: tuple | None = None  # what it sent (empty if it sent nothing)

    @classmethod
    def fork(cls, task: Task) -> Ahead | None:
        """Start it for `task` (None when no second process is to be had)."""
        theirs, mine = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no second process to be had: the file is read here, in its turn
            os.close(theirs)
            os.close(mine)
            return None
        if pid == 0:  # the process ahead: it answers, then ends without any teardown
            try:
                os.close(theirs)
                _answer(mine, task)
            finally:
                os._exit(0)
        os.close(mine)
        return cls(task, theirs, pid)

    def extractor_version(self) -> str:
        """The version of the extractor that extracted the file (this code's: the process is
        this one forked), told with its answer."""
        got = self._received()
        return got[0] if got else extractor_version()

    def read(self) -> frozenset[str] | None:
        """The bytes (sha256) of the file it read (none if it could not), None if it did not
        answer."""
        got = self._received()
        if not got:
            return None
        sha = read_sha(got[1])
        return frozenset() if sha is None else frozenset({sha})

    def result(self, stored_shas: frozenset[str] = frozenset()) -> Prepared | Failed:
        """What prepare(task, stored_shas) gives: a file whose bytes this extractor stored
        before without its claims (the caller tells whether it is unchanged)."""
        got = self._received()
        if not got:  # the process ended without an answer: prepared here instead
            return prepare(self.task, stored_shas)
        return received(got[1], stored_shas)

    def _received(self) -> tuple:
        if self._got is None:
            with open(self._fd, "rb") as f:  # type: ignore[arg-type]
                data = f.read()
            self._fd = None
            self._reap()
            try:
                self._got = pickle.loads(data) if data else ()
            except Exception:  # an answer cut short: as none
                self._got = ()
        return self._got

    def close(self) -> None:
        """End the process if it is still there (its answer is not wanted)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            if self._pid is not None:
                os.kill(self._pid, signal.SIGTERM)
        self._reap()

    def _reap(self) -> None:
        if self._pid is not None:
            os.waitpid(self._pid, 0)
            self._pid = None


def _answer(fd: int, task: Task) -> None:
    """Read and extract the task's file and send the extractor's version and what came of it
    (etl.workers.answer, claims extracted whatever the database holds)."""
    as_helper()
    sent = (extractor_version(), answer(task))
    with open(fd, "wb") as f:
        f.write(pickle.dumps(sent, protocol=pickle.HIGHEST_PROTOCOL))
