"""What an ingest works through: the files under its paths, a task each, and what reads and
extracts them, which can start before the database code loads (none is loaded here: the
processes are forked without it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from db.oneline import shown
from db.urls import database_url, new_database
from etl.read import IngestError, ManifestEntry, load_manifest
from etl.read.folders import Skipped, find_files
from etl.workers import Failed, Idle, Prepared, Task, extractor_version, prepared

if TYPE_CHECKING:
    from etl.ahead import Ahead
    from etl.crew import Crew


@dataclass(frozen=True)
class FileOutcome:
    file: str
    status: str  # added, replaced, unchanged, skipped (on purpose), error
    sections: int = 0
    claims: int = 0
    date_source: str | None = None
    error: str | None = None  # the one line shown to the user
    document_id: int | None = None
    skipped: Skipped | None = None  # why a folder's entry was not taken


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Expand folders (recursively, sorted); what is not taken: a skipped or an error outcome."""
    found = find_files(paths)
    return list(found.files), [_not_taken(s) for s in found.skipped]


def start_early(paths: Sequence[Path], max_bytes: int, jobs: int, db: str | None) -> Started:
    """The ingest of `paths` started before the database code loads, when `jobs` allows more
    than one process: a lone file read and extracted ahead (etl.ahead); the files of an
    ingest into a new database (`db`, as --db names it), where nothing is stored yet, by the
    workers (etl.crew), while the rest loads and the database is made. Else, only the files
    collected: the workers start once the bytes stored are known."""
    started = Started(paths, max_bytes, jobs)
    if jobs <= 1:
        return started
    lone = started.lone_task()
    if lone is not None:
        from etl.ahead import Ahead

        started.ahead = Ahead.fork(lone)
    elif started.task_count > 1 and new_database(database_url(db)):
        from etl.crew import Crew

        started.crew = Crew(started.items, jobs, frozenset())
    return started


def _not_taken(skip: Skipped) -> FileOutcome:
    if skip.on_purpose:
        return FileOutcome(str(skip.path), "skipped", skipped=skip)
    return FileOutcome(str(skip.path), "error", error=skip.line(), skipped=skip)


def file_tasks(files: Sequence[Path], max_bytes: int) -> list[Task | FileOutcome]:
    """A task per file, each with its folder's manifest entry; a folder's unreadable
    manifest is an error of its own, before its files."""
    tasks: list[Task | FileOutcome] = []
    manifests: dict[Path, dict[str, ManifestEntry]] = {}
    for path in files:
        folder = path.parent
        if folder not in manifests:
            try:
                manifests[folder] = load_manifest(folder)
            except IngestError as e:
                manifests[folder] = {}
                error = f"{shown(str(folder / e.file))}: {e.reason}"
                tasks.append(FileOutcome(e.file, "error", error=error))
        tasks.append(Task(path, manifests[folder].get(path.name), max_bytes))
    return tasks


class Started:
    """An ingest's files collected, a task each, and what reads and extracts them if started
    already (`start_early`): a lone file's process ahead (etl.ahead), or the workers (etl.crew)
    at the files of an ingest into a new database. Closing ends what is still at work."""

    def __init__(self, paths: Sequence[Path], max_bytes: int, jobs: int) -> None:
        files, self.not_taken = collect_files(paths)
        self.items = file_tasks(files, max_bytes)
        self.jobs = jobs
        self.ahead: Ahead | None = None
        self.crew: Crew | None = None

    @property
    def task_count(self) -> int:
        """How many files are to be read."""
        return sum(isinstance(i, Task) for i in self.items)

    @property
    def files(self) -> int:
        """How many entries the ingest tells an outcome of (files and entries not taken)."""
        return len(self.not_taken) + self.task_count

    def lone_task(self) -> Task | None:
        """The one file's task, when the ingest takes one file and nothing else."""
        if self.not_taken or len(self.items) != 1 or not isinstance(self.items[0], Task):
            return None
        return self.items[0]

    def extractor_version(self) -> str:
        """The version of the extractor: the process ahead's (so this one need not load it)."""
        return self.ahead.extractor_version() if self.ahead is not None else extractor_version()

    def stored_among(self) -> frozenset[str] | None:
        """The only bytes whose being stored matters, when known before the database is
        asked (the lone file read ahead), else None: all of them."""
        return self.ahead.read() if self.ahead is not None else None

    def prepared(
        self, stored_shas: frozenset[str]
    ) -> Iterator[Prepared | Failed | FileOutcome | Idle]:
        """Each item in order, its file read and extracted, knowing the bytes this extractor
        stored before (`stored_shas`): by the workers when `jobs` and the files are more than
        one (etl.crew), else here (etl.workers.prepared)."""
        if self.crew is None and self.jobs > 1 and self.task_count > 1:
            from etl.crew import Crew

            self.crew = Crew(self.items, self.jobs, stored_shas)
        if self.crew is not None:
            return self.crew.run(stored_shas)
        return prepared(self.items, stored_shas, self.ahead)

    def close(self) -> None:
        for started in (self.ahead, self.crew):
            if started is not None:
                started.close()

    def __enter__(self) -> Started:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
