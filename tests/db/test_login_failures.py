"""Failed logins in the database: the sliding window, the wait, and several processes at once."""

from __future__ import annotations

import multiprocessing
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from db.login_failures import Limit, begin_attempt, clear_after_success, failures

WINDOW = timedelta(minutes=15)
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_the_window_slides(engine: Engine) -> None:
    limits = [Limit("account:a", 3)]
    for minute in (0, 1, 2):
        assert begin_attempt(engine, limits, WINDOW, now=T0 + timedelta(minutes=minute)).allowed
    refused = begin_attempt(engine, limits, WINDOW, now=T0 + timedelta(minutes=5))
    assert not refused.allowed
    assert refused.retry_after_s == 10 * 60  # the failure at 9:00 leaves the window at 9:15
    assert failures(engine, "account:a") == 3  # a refused attempt leaves nothing behind
    later = begin_attempt(engine, limits, WINDOW, now=T0 + timedelta(minutes=15, seconds=1))
    assert later.allowed
    assert failures(engine, "account:a") == 3  # the 9:00 one was pruned, this one added


def test_every_limit_must_have_room(engine: Engine) -> None:
    address = Limit("address:203.0.113.7", 2)
    for name in ("account:a", "account:b"):
        assert begin_attempt(engine, [Limit(name, 5), address], WINDOW, now=T0).allowed
    third = begin_attempt(engine, [Limit("account:c", 5), address], WINDOW, now=T0)
    assert not third.allowed
    assert failures(engine, "account:c") == 0


def test_success_clears_the_account(engine: Engine) -> None:
    limits = [Limit("account:a", 3), Limit("address:x", 10)]
    begin_attempt(engine, limits, WINDOW, now=T0)
    ok = begin_attempt(engine, limits, WINDOW, now=T0)
    clear_after_success(engine, ok, "account:a")
    assert failures(engine, "account:a") == 0
    assert failures(engine, "address:x") == 1


def _attempt_at(url: str, start: float) -> bool:
    """One worker process: its own engine, one attempt at the agreed moment."""
    from db.engine import get_engine

    engine = get_engine(url)
    time.sleep(max(0.0, start - time.time()))
    return begin_attempt(engine, [Limit("account:shared", 3)], WINDOW).allowed


def test_processes_at_once_never_get_past_the_limit(engine: Engine, db_url: str) -> None:
    workers = 6
    start = time.time() + 3.0  # after every process has started and imported
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        allowed = pool.starmap(_attempt_at, [(db_url, start)] * workers)
    assert sum(allowed) <= 3
    assert failures(engine, "account:shared") == sum(allowed)
    room = 3 - sum(allowed)
    after = [begin_attempt(engine, [Limit("account:shared", 3)], WINDOW).allowed for _ in range(4)]
    assert after == [True] * room + [False] * (4 - room)
