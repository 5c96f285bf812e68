"""A lone file read and extracted in a process of its own while the command loads the rest.

`python -m etl ingest FILE` first loads what storing and checking need (the database layer,
the checks), then stores and checks. Reading and extracting the file needs neither, so a
process forked at the start (when --jobs allows a second) reads and extracts it meanwhile and
hands over what `etl.workers.prepare` would give, with the extractor's version: the command
itself never loads the reader's patterns or the extractor.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
from collections.abc import Iterable
from pathlib import Path

from db.oneline import shown
from etl.read import IngestError, load_manifest
from etl.read.folders import find_files
from etl.workers import Failed, Prepared, Task, claims_of, extractor_version, prepare


class Ahead:
    """The process reading and extracting one file, and what it sent."""

    def __init__(self, task: Task, fd: int, pid: int) -> None:
        self.task = task
        self._fd: int | None = fd  # the pipe's end its answer comes on
        self._pid: int | None = pid
        self._got: tuple | None = None  # what it sent (empty if it sent nothing)

    @classmethod
    def start(cls, paths: Iterable[Path], jobs: int, max_bytes: int) -> Ahead | None:
        """Start it for the one file `paths` name, if they name one and `jobs` allows a
        second process (else, or when its folder's manifest cannot be read: None)."""
        if jobs <= 1:
            return None
        found = find_files(paths)
        if len(found.files) != 1 or found.skipped:
            return None
        path = found.files[0]
        try:
            entry = load_manifest(path.parent).get(path.name)
        except IngestError:
            return None  # told by the ingest itself, in its place
        task = Task(path, entry, max_bytes)
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
        return got[2] if got else extractor_version()

    def read(self) -> frozenset[str] | None:
        """The bytes (sha256) of the file it read (none if it could not), None if it did not
        answer."""
        got = self._received()
        if not got:
            return None
        ok, answer, _ = got
        return frozenset({answer[0].sha256}) if ok and isinstance(answer, tuple) else frozenset()

    def result(self, stored_shas: frozenset[str] = frozenset()) -> Prepared | Failed:
        """What prepare(task, stored_shas) gives: a file whose bytes this extractor stored
        before without its claims (the caller tells whether it is unchanged)."""
        got = self._received()
        if not got:  # the process ended without an answer: prepared here instead
            return prepare(self.task, stored_shas)
        ok, answer, _ = got
        if not ok:
            raise answer
        if isinstance(answer, Failed):
            return answer
        doc, failed, claims = answer
        if doc.sha256 in stored_shas:
            return Prepared(doc, None)
        if failed is not None:
            return Failed(self.task.path.name, f"{shown(str(self.task.path))}: {failed}")
        return Prepared(doc, claims)

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
    """Read and extract the task's file and send what came of it (a Failed read, or the
    document with the reason its extraction failed (None) and its claims) and the extractor's
    version."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the command decides what Ctrl-C stops
    if not gc.isenabled():  # paused by `python -m etl` while it loads its modules (as cli.loaded)
        gc.freeze()
        gc.enable()
    from etl.read import read_document

    version = extractor_version()
    try:
        doc = read_document(task.path, manifest=task.manifest, max_bytes=task.max_bytes)
    except IngestError as e:
        answer: tuple = (True, Failed(task.path.name, f"{shown(str(task.path))}: {e.reason}"))
    except Exception as e:  # a fault, not a bad file: the command raises it
        answer = (False, e)
    else:
        try:
            answer = (True, (doc, None, claims_of(doc)))
        except IngestError as e:  # told only if the bytes are new (else not extracted)
            answer = (True, (doc, e.reason, None))
    with open(fd, "wb") as f:
        f.write(pickle.dumps((*answer, version), protocol=pickle.HIGHEST_PROTOCOL))
