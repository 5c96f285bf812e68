"""Killed at any moment, ingest again: the same conflicts and series as a run never stopped.
Two processes checking at once: the same result as one."""

from __future__ import annotations

import random
import re
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.dirty import dirty_series
from db.engine import get_engine
from db.models import Conflict, Document, StoredSeriesPoint
from tests.paths import ROOT

DOCS = 48


def write_corpus(folder: Path, docs: int = DOCS, seed: int = 5) -> Path:
    """Releases restating companies, unicorns and funding, some figures off: conflicts."""
    rnd = random.Random(seed)
    folder.mkdir()
    for i in range(docs):
        day = date(2022, 1, 3) + timedelta(days=rnd.randrange(900))
        companies = 1500 + (day - date(2022, 1, 3)).days + rnd.choice((0, 0, 0, 900))
        unicorns = rnd.choice((7, 8, 9, 3))
        text = (
            f"Hong Kong, {day.day} {day:%B %Y} – Press release {i}.\n\n"
            f"Cyberport is home to over {companies:,} start-ups and technology companies. "
            f"The community includes {unicorns} unicorns.\n\n"
            f"Cyberport start-ups have raised more than HK${rnd.uniform(20, 45):.1f} billion.\n\n"
            f"Cyberport companies have expanded to over {rnd.choice((30, 40, 90))} global markets. "
            f"The community counts {rnd.choice((5, 6, 14))} listed companies. "
            f"Cyberport has admitted {rnd.choice((900, 1000, 100))} incubatees.\n"
        )
        (folder / f"release_{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def ingest(folder: Path, db_url: str) -> subprocess.Popen:
    argv = [sys.executable, "-m", "etl", "ingest", str(folder), "--db", db_url, "--no-progress"]
    return subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def state(db_url: str) -> tuple[list, list]:
    """Conflicts by uid and the stored series, a conflict named by its uid rather than its id
    (a PostgreSQL sequence is not rolled back with a killed transaction, so ids may skip)."""
    engine = get_engine(db_url)
    c, p = Conflict, StoredSeriesPoint
    with engine.connect() as conn:
        conflicts = conn.execute(
            select(c.uid, c.kind, c.severity, c.claim_uids, c.explanation, c.active).order_by(c.uid)
        ).all()
        uids = dict(conn.execute(select(c.id, c.uid)).all())
        points = conn.execute(
            select(
                p.entity, p.metric, p.period, p.as_of, p.value, p.method, p.explanation
            ).order_by(p.entity, p.metric, p.period, p.as_of)
        ).all()

    def by_uid(found: re.Match) -> str:  # '#N' in an explanation names conflict N
        return uids.get(int(found[1]), found[0])

    def named(row: tuple) -> tuple:
        return (*row[:-1], re.sub(r"#(\d+)", by_uid, row[-1] or ""))

    return [tuple(r) for r in conflicts], [named(tuple(r)) for r in points]


def wait_until(check, timeout: float = 60.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.002)
    return False


@pytest.fixture(scope="module")
def expected(tmp_path_factory) -> tuple[Path, tuple[list, list]]:
    """The corpus and what one uninterrupted run stores (always on SQLite: ids differ by
    database, but uids, claims and words do not)."""
    base = tmp_path_factory.mktemp("uninterrupted")
    folder = write_corpus(base / "docs")
    url = f"sqlite:///{base / 'once.db'}"
    assert ingest(folder, url).wait(timeout=300) == 0
    found = state(url)
    assert found[0], "the corpus must raise conflicts"
    return folder, found


def _documents(db_url: str) -> int:
    with get_engine(db_url).connect() as conn:
        return conn.scalar(select(func.count()).select_from(Document)) or 0


def _empty(db_url: str) -> None:
    """The test database emptied and migrated again, for another try."""
    from db.engine import open_db
    from tests.conftest import reset_postgres

    engine = get_engine(db_url)
    engine.dispose()
    if db_url.startswith("sqlite"):
        path = Path(db_url.split("///", 1)[1])
        for extra in ("", "-wal", "-shm"):
            Path(f"{path}{extra}").unlink(missing_ok=True)
    else:
        reset_postgres(db_url)
    open_db(db_url)


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if entry.name.isdigit() and int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    """Whether `pid` is a process that has not ended (a zombie has)."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _moment(kill_when: str, db_url: str):
    if kill_when == "a third stored":
        return lambda: _documents(db_url) >= DOCS // 3
    if kill_when == "all stored":
        return lambda: _documents(db_url) == DOCS
    most = [0]

    def checks_under_way() -> bool:  # some series checked, others still marked
        left = len(dirty_series(get_engine(db_url)))
        most[0] = max(most[0], left)
        return _documents(db_url) == DOCS and 0 < left < most[0]

    return checks_under_way


@pytest.mark.parametrize(
    "kill_when",
    ["a third stored", "all stored", "checks under way"],
)
def test_kill_9_then_ingest_again_gives_the_uninterrupted_result(
    engine, db_url: str, expected, kill_when: str
) -> None:
    folder, want = expected
    for attempt in range(4):  # a fast machine may finish before the moment: try again
        if attempt:
            _empty(db_url)
        proc = ingest(folder, db_url)
        moment = _moment(kill_when, db_url)
        assert wait_until(lambda: moment() or proc.poll() is not None)  # noqa: B023
        if proc.poll() is None:
            break
        proc.wait()
    assert proc.poll() is None, f"the run ended before the moment '{kill_when}', four times"
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert wait_until(lambda: not any(_running(w) for w in workers)), "workers outlived the kill"
    again = ingest(folder, db_url)
    assert again.wait(timeout=300) == 0, again.stderr.read()
    assert dirty_series(get_engine(db_url)) == []
    assert state(db_url) == want


def test_two_processes_checking_at_once_store_what_one_does(engine, db_url: str, expected) -> None:
    folder, want = expected
    assert ingest(folder, db_url).wait(timeout=300) == 0
    script = (
        "import sys\nfrom db.engine import get_engine\nfrom etl.check import refresh\n"
        "refresh(get_engine(sys.argv[1]))\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, db_url], cwd=ROOT) for _ in range(2)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    assert state(db_url) == want
