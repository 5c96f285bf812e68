"""Reviewer accounts: Argon2 hashes, duplicates and empty passwords refused, login checks."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from db.models import User
from db.users import add_user, is_active_user, set_active, verify_user


def test_add_and_verify(engine):
    add_user(engine, "mei", "s3cret pass")
    assert verify_user(engine, "mei", "s3cret pass")
    assert not verify_user(engine, "mei", "s3cret pasS")
    assert not verify_user(engine, "nobody", "s3cret pass")
    assert is_active_user(engine, "mei") and not is_active_user(engine, "nobody")


def test_password_is_stored_only_as_argon2_hash(engine):
    add_user(engine, "mei", "s3cret pass")
    with engine.connect() as conn:
        stored = conn.execute(select(User.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$")
    assert "s3cret" not in stored


@pytest.mark.parametrize("password", ["", "   "])
def test_empty_password_refused(engine, password):
    with pytest.raises(ValueError, match="password is empty"):
        add_user(engine, "mei", password)


def test_empty_username_refused(engine):
    with pytest.raises(ValueError, match="username is empty"):
        add_user(engine, "  ", "pw")


def test_duplicate_refused(engine):
    add_user(engine, "mei", "one")
    with pytest.raises(ValueError, match="already exists"):
        add_user(engine, "mei", "two")
    assert verify_user(engine, "mei", "one")


def test_disabled_user_cannot_log_in(engine):
    add_user(engine, "mei", "pw")
    set_active(engine, "mei", False)
    assert not verify_user(engine, "mei", "pw")
    assert not is_active_user(engine, "mei")
    with pytest.raises(LookupError):
        set_active(engine, "ghost", True)


def test_cli_add_user(engine, db_url, monkeypatch, capsys):
    import io

    from etl.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("horse battery\n"))
    assert main(["add-user", "ana", "--password-stdin", "--db", db_url]) == 0
    assert verify_user(engine, "ana", "horse battery")
    monkeypatch.setattr("sys.stdin", io.StringIO("other\n"))
    assert main(["add-user", "ana", "--password-stdin", "--db", db_url]) == 2
    assert "already exists" in capsys.readouterr().err


def test_hashing_runs_in_a_bounded_number_of_slots() -> None:
    import threading
    import time

    from db.users import HASH_SLOTS, bounded

    running, peak, lock = [0], [0], threading.Lock()

    def work() -> None:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1

    threads = [threading.Thread(target=bounded, args=(work,)) for _ in range(4 * HASH_SLOTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == HASH_SLOTS


def test_no_free_slot_in_time_is_busy_not_a_hang() -> None:
    import threading

    from db.users import HASH_SLOTS, HashingBusy, bounded

    release = threading.Event()
    holders = [threading.Thread(target=bounded, args=(release.wait,)) for _ in range(HASH_SLOTS)]
    for t in holders:
        t.start()
    try:
        time.sleep(0.1)
        with pytest.raises(HashingBusy, match="busy"):
            bounded(lambda: None, wait_s=0.05)
    finally:
        release.set()
        for t in holders:
            t.join()
    assert bounded(lambda: "free again") == "free again"


def test_an_overlong_password_is_refused_unhashed(engine):
    from db.users import MAX_PASSWORD

    add_user(engine, "mei", "pw")
    assert not verify_user(engine, "mei", "x" * (MAX_PASSWORD + 1))
    with pytest.raises(ValueError, match="longer than"):
        add_user(engine, "ana", "x" * (MAX_PASSWORD + 1))


def test_an_unknown_user_is_checked_against_a_hash_of_the_hashers_own_parameters(monkeypatch):
    from argon2 import PasswordHasher

    from db import users

    assert not users._hasher.check_needs_rehash(users.dummy_hash())
    assert users._hasher.verify(users.dummy_hash(), "not a real password")
    # Other parameters (a newer argon2-cffi, say): the written hash is not used, one is made.
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8192))
    users.dummy_hash.cache_clear()
    try:
        made = users.dummy_hash()
        assert made != users._WRITTEN_DUMMY
        assert not users._hasher.check_needs_rehash(made)
    finally:
        users.dummy_hash.cache_clear()


def test_an_unknown_user_costs_a_hash_check(engine, monkeypatch):
    from db import users

    checked = []
    real = users._check
    monkeypatch.setattr(
        users, "_check", lambda stored, pw: checked.append(stored) or real(stored, pw)
    )
    assert not verify_user(engine, "nobody", "not a real password")
    assert checked == [users.dummy_hash()]
