"""The series lock holds across processes: two at once take turns on the same series."""

from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import Engine

from db.locks import series_lock_key
from tests.paths import ROOT

HOLD = """
import json, sys, time
from db.engine import get_engine
from db.locks import series_transaction
engine = get_engine(sys.argv[1])
with series_transaction(engine, [("Cyberport", "companies")]) as conn:
    start = time.time()
    time.sleep(0.6)
    end = time.time()
print(json.dumps([start, end]))
"""


def test_two_processes_never_hold_one_series_at_once(engine: Engine, db_url: str) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", HOLD, db_url], cwd=ROOT, stdout=subprocess.PIPE)
        for _ in range(2)
    ]
    spans = sorted(json.loads(p.communicate(timeout=60)[0]) for p in procs)
    assert all(p.returncode == 0 for p in procs)
    (a_start, a_end), (b_start, b_end) = spans
    assert a_end <= b_start  # the second waited for the first
    assert b_end - a_start >= 1.2


def test_lock_keys_are_stable_and_distinct() -> None:
    assert series_lock_key("Cyberport", "companies") == series_lock_key("Cyberport", "companies")
    assert series_lock_key("Cyberport", "companies") != series_lock_key("Cyberport", "unicorns")
    assert -(2**63) <= series_lock_key("a", "b") < 2**63
