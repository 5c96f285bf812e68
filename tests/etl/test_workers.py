"""Reading and extraction in worker processes: the same database as one process, in order;
Ctrl-C leaves whole documents only."""

from __future__ import annotations

import pickle
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError

from db.claims_csv import iter_claim_csv
from db.engine import get_engine, open_db
from db.models import Claim, Document
from etl import crew, workers
from etl.ahead import Ahead
from etl.ingest_files import Started, start_early
from etl.pipeline import ingest_paths
from etl.read import IngestError, load_manifest, read_bytes, read_document
from tests.etl.test_interruptions import wait_until, write_corpus
from tests.paths import ROOT, SEEDS


def _claims_csv(engine: Engine) -> str:
    return "".join(iter_claim_csv(engine))


def test_two_jobs_store_what_one_does_in_the_same_order(engine: Engine, tmp_path: Path) -> None:
    one = ingest_paths(engine, [SEEDS], jobs=1)
    other = open_db(f"sqlite:///{tmp_path / 'two.db'}")
    two = ingest_paths(other, [SEEDS], jobs=2)
    assert [o.file for o in two.outcomes] == [o.file for o in one.outcomes]
    assert two.line() == one.line()
    assert _claims_csv(other) == _claims_csv(engine)
    again = ingest_paths(other, [SEEDS], jobs=2)  # stored bytes are not extracted again
    assert again.count("unchanged") == len(one.outcomes)


@pytest.mark.parametrize(("ahead", "held"), [(1, 0), (2, 1), (8, 1 << 20)])
def test_answers_come_in_order_however_many_are_held(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ahead: int, held: int
) -> None:
    monkeypatch.setattr(crew, "AHEAD_PER_JOB", ahead)
    monkeypatch.setattr(crew, "HELD_BYTES", held)
    files = sorted(SEEDS.glob("*.txt"))
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    items = [workers.Task(f, None, 1 << 20) for f in files]
    items[2:2] = ["passed", workers.Task(bad, None, 1 << 20)]
    run = crew.Crew(items, 2, frozenset()).run(frozenset())
    got = [x for x in run if not isinstance(x, workers.Idle)]
    alone = list(workers.prepared(items))
    assert len(got) == len(alone) == len(items)
    assert got[2] == "passed" and isinstance(got[3], workers.Failed)
    assert got == alone


def _per_document(db_url: str) -> dict[str, int]:
    stmt = (
        select(Document.file_name, func.count(Claim.id))
        .outerjoin(Claim, Claim.document_id == Document.id)
        .group_by(Document.file_name)
    )
    with get_engine(db_url).connect() as conn:
        return {name: n for name, n in conn.execute(stmt)}


def _ctrl_c_default() -> None:
    """In the child: Ctrl-C as at a terminal, even under a runner that started the tests in the
    background (where the shell ignores it, and a child would inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stored_so_far(db_url: str) -> int:
    try:
        return len(_per_document(db_url))
    except OperationalError:  # a new database, not made yet
        return 0


@pytest.mark.parametrize("new", [False, True], ids=["database", "new database"])
def test_ctrl_c_with_workers_keeps_whole_documents(db_url: str, tmp_path: Path, new: bool) -> None:
    """(A new database is made while the workers are at work already.)"""
    folder = write_corpus(tmp_path / "docs", docs=1200)  # long enough to be interrupted midway
    whole = f"sqlite:///{tmp_path / 'whole.db'}"
    argv = [sys.executable, "-m", "etl", "ingest", str(folder), "--no-progress", "--jobs", "2"]
    subprocess.run([*argv, "--db", whole], cwd=ROOT, check=True, capture_output=True)
    if new:
        db_url = f"sqlite:///{tmp_path / 'new.db'}"
    else:
        open_db(db_url)
    proc = subprocess.Popen(
        [*argv, "--db", db_url], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True, preexec_fn=_ctrl_c_default,
    )  # fmt: skip
    assert wait_until(lambda: _stored_so_far(db_url) >= 20 or proc.poll() is not None)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    err = proc.communicate(timeout=60)[1]
    assert proc.returncode == 130
    assert "interrupted" in err and "Traceback" not in err
    stored, expected = _per_document(db_url), _per_document(whole)
    assert 20 <= len(stored) < len(expected)
    assert all(stored[name] == expected[name] for name in stored)  # no half document


def test_the_warm_up_document_reads_and_yields_a_claim() -> None:
    # (so that warming up goes down the path a press release takes, to its claims)
    workers.warm_up()
    doc = read_bytes(workers.WARM_UP_TEXT.encode(), "warm-up.txt")
    assert [c.entity for c in workers.claims_of(doc)] == ["Cyberport"]


def _ahead(path: Path) -> Ahead | None:
    """The process ahead for the lone file `path`, as `start_early` forks it."""
    return Ahead.fork(workers.Task(path, load_manifest(path.parent).get(path.name), 1 << 20))


def test_a_lone_file_prepared_ahead_is_what_prepare_gives(tmp_path: Path) -> None:
    """Read and extracted in a process of its own: the same answer as here, for new bytes,
    bytes stored before (not extracted) and a file that cannot be read."""
    release = sorted(SEEDS.glob("*.txt"))[0]
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    with start_early([release], 1 << 20, 1, None) as started:
        assert started.ahead is None  # one job: no second process
    assert Started([SEEDS], 1 << 20, 2).lone_task() is None  # more files: the workers do
    for path in (release, bad):
        task = workers.Task(path, load_manifest(path.parent).get(path.name), 1 << 20)
        here = workers.prepare(task)
        for stored in (frozenset(), frozenset({getattr(getattr(here, "doc", None), "sha256", "")})):
            ahead = _ahead(path)
            assert ahead is not None and ahead.task == task
            assert ahead.result(stored) == workers.prepare(task, stored)
            ahead.close()


def test_an_extraction_that_fails_ahead_fails_only_new_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = sorted(SEEDS.glob("*.txt"))[0]

    def broken(doc):
        raise IngestError(doc.file_name, "could not be extracted (internal error)")

    import etl.extract

    monkeypatch.setattr(etl.extract, "extract_claims", broken)  # the process forked takes it too
    task = workers.Task(release, load_manifest(SEEDS).get(release.name), 1 << 20)
    failed = workers.prepare(task)
    assert isinstance(failed, workers.Failed)
    ahead = _ahead(release)
    assert ahead is not None and ahead.result() == failed
    ahead = _ahead(release)
    assert ahead is not None
    doc = ahead.result(frozenset({read_document(release).sha256}))
    assert isinstance(doc, workers.Prepared) and doc.claims is None
    unused = _ahead(release)
    assert unused is not None
    unused.close()  # not wanted: ended
    assert unused._pid is None


def test_a_lone_files_ingest_leaves_the_extractor_to_its_own_process(tmp_path: Path) -> None:
    """The command that stores one file takes its claims and the extractor's version from the
    process that read it: it never loads the extractor itself."""
    from etl.extract import EXTRACTOR_VERSION

    release = sorted(SEEDS.glob("*.txt"))[0]
    ahead = _ahead(release)
    assert ahead is not None and ahead.extractor_version() == EXTRACTOR_VERSION
    ahead.close()
    code = (
        "import sys; from etl.cli import main; "
        f"main(['ingest', {str(release)!r}, '--db', 'sqlite:///{tmp_path / 'one.db'}', "
        "'--no-progress', '--jobs', '2']); print('etl.extract' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
    assert "1 added" in done.stderr


def test_no_process_ahead_when_none_can_be_forked(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    def no_fork() -> int:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert _ahead(sorted(SEEDS.glob("*.txt"))[0]) is None


def test_a_crew_answers_knowing_the_bytes_stored_when_the_caller_is_ready(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Workers started before the database was opened took it for empty: what they extracted
    of bytes stored meanwhile is answered as if they had known (not extracted)."""
    monkeypatch.setattr(crew, "AHEAD_PER_JOB", 1)
    files = sorted(SEEDS.glob("*.txt"))
    items = [workers.Task(f, None, 1 << 20) for f in files]
    stored = frozenset(read_document(f).sha256 for f in files[1:3])
    started = crew.Crew(items, 2, frozenset())
    try:
        # The caller is busy meanwhile: its thread keeps the workers at every file.
        assert wait_until(lambda: started._sent == len(items), timeout=60)
        started.ready(stored)
        got = [x for x in started.answers() if not isinstance(x, workers.Idle)]
    finally:
        started.close()
    assert got == list(workers.prepared(items, stored))
    assert [x.claims is None for x in got] == [f in files[1:3] for f in files]


def test_what_starts_before_the_database_is_opened(tmp_path: Path) -> None:
    """A lone file is read ahead; the files of an ingest into a new database are given to the
    workers; into a database that may hold some, nothing starts before it is asked which."""
    release = sorted(SEEDS.glob("*.txt"))[0]
    new, old = f"sqlite:///{tmp_path / 'new.db'}", f"sqlite:///{tmp_path / 'old.db'}"
    open_db(old)
    with start_early([release], 1 << 20, 2, old) as lone:
        assert lone.ahead is not None and lone.crew is None
        assert lone.ahead.task == lone.lone_task() and lone.files == 1
    with start_early([SEEDS], 1 << 20, 2, new) as early:
        assert early.ahead is None and early.crew is not None
    for paths, jobs, db in (([SEEDS], 2, old), ([SEEDS], 1, new), ([release], 1, new)):
        with start_early(paths, 1 << 20, jobs, db) as started:
            assert started.ahead is None and started.crew is None
            assert started.files == (1 if paths == [release] else early.files)


def test_a_failed_extraction_of_bytes_known_stored_is_only_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whoever sends the answer (a worker that took the database for empty, the process
    ahead), the writer knowing the bytes stored gets what prepare gives."""
    import etl.extract

    def broken(doc):
        raise RuntimeError("broken")

    monkeypatch.setattr(etl.extract, "extract_claims", broken)
    task = workers.Task(sorted(SEEDS.glob("*.txt"))[0], None, 1 << 20)
    sent = workers.answer(task)
    assert workers.received(sent, frozenset()) == workers.prepare(task)
    assert isinstance(workers.prepare(task), workers.Failed)
    stored = frozenset({read_document(task.path).sha256})
    assert workers.received(sent, stored) == workers.prepare(task, stored)


def test_an_answer_crosses_the_pipe_whole(tmp_path: Path) -> None:
    """What a worker or the process ahead sends (plain tuples) becomes what prepare gives:
    equal records, of the same types and hashes."""
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    for path in (sorted(SEEDS.glob("*.txt"))[0], bad):
        task = workers.Task(path, None, 1 << 20)
        here = workers.prepare(task)
        assert isinstance(here, workers.Failed) or (here.claims and here.doc.sections)
        for stored in (frozenset(), frozenset({getattr(getattr(here, "doc", None), "sha256", "")})):
            sent = pickle.loads(pickle.dumps(workers.answer(task, stored)))
            got, want = workers.received(sent, stored), workers.prepare(task, stored)
            assert got == want and type(got) is type(want)
            assert hash(getattr(got, "doc", got)) == hash(getattr(want, "doc", want))
