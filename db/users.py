"""Reviewers who may log in; passwords are kept only as Argon2 hashes (argon2-cffi).

Each hash takes 64 MiB for a moment, so a process runs at most `HASH_SLOTS` at once: a flood
of logins waits its turn (or is told the server is busy) instead of exhausting memory.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, select

from db.engine import session_scope
from db.models import User

_hasher = PasswordHasher()
HASH_SLOTS = 2  # Argon2 hashes at once per process: 2 x 64 MiB
HASH_WAIT_S = 10.0  # how long a login waits for a free slot before the server says it is busy
_slots = threading.BoundedSemaphore(HASH_SLOTS)
T = TypeVar("T")


class HashingBusy(RuntimeError):
    """Every hashing slot stayed taken for `HASH_WAIT_S`: try again shortly."""


def bounded(work: Callable[[], T], wait_s: float | None = None) -> T:
    """Run a password hash or check in one of the process's `HASH_SLOTS`."""
    if not _slots.acquire(timeout=HASH_WAIT_S if wait_s is None else wait_s):
        raise HashingBusy("the server is busy checking other logins; try again in a moment")
    try:
        return work()
    finally:
        _slots.release()


# Verifying against a hash when the user is unknown keeps the timing the same as a wrong
# password. This one is written out, since hashing at import cost every start a tenth of a
# second and 64 MiB; should the hasher's parameters ever differ from it, one is made with them
# on first need.
_WRITTEN_DUMMY = (
    "$argon2id$v=19$m=65536,t=3,p=4$BLfXTakBqznlLgPj67P6FQ"
    "$WqyDZcqO7cRoHOnFRt3V8bjCxIW2KwhC08q7VtUJF0Y"
)


@cache
def dummy_hash() -> str:
    """A hash made with the hasher's own parameters, of a password nobody has."""
    if _hasher.check_needs_rehash(_WRITTEN_DUMMY):
        return _hasher.hash("not a real password")
    return _WRITTEN_DUMMY


MAX_USERNAME = 100
MAX_PASSWORD = 1024  # characters; a longer one is refused before it is hashed


def add_user(engine: Engine, username: str, password: str) -> None:
    """Add an active reviewer; ValueError for an empty name or password, or a taken name."""
    username = username.strip()
    if not username:
        raise ValueError("the username is empty")
    if len(username) > MAX_USERNAME:
        raise ValueError(f"the username is longer than {MAX_USERNAME} characters")
    if not password or not password.strip():
        raise ValueError("the password is empty")
    if len(password) > MAX_PASSWORD:
        raise ValueError(f"the password is longer than {MAX_PASSWORD} characters")
    with session_scope(engine) as s:
        if s.scalar(select(User.id).where(User.username == username)) is not None:
            raise ValueError(f"user {username!r} already exists")
        s.add(User(username=username, password_hash=bounded(lambda: _hasher.hash(password))))


def verify_user(engine: Engine, username: str, password: str) -> bool:
    """True when `username` is an active reviewer and `password` is theirs (`HashingBusy` when
    no hashing slot came free in time)."""
    with engine.connect() as conn:
        row = conn.execute(
            select(User.password_hash, User.is_active).where(User.username == username.strip())
        ).first()
    if len(password) > MAX_PASSWORD:
        return False
    stored = row.password_hash if row else dummy_hash()
    return bounded(lambda: _check(stored, password)) and row is not None and bool(row.is_active)


def _check(stored: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False


def is_active_user(engine: Engine, username: str) -> bool:
    with engine.connect() as conn:
        active = conn.execute(
            select(User.is_active).where(User.username == username)
        ).scalar_one_or_none()
    return bool(active)


def set_active(engine: Engine, username: str, active: bool) -> None:
    """Disable (or re-enable) a reviewer; LookupError if there is no such user."""
    with session_scope(engine) as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise LookupError(f"no user {username!r}")
        user.is_active = active
