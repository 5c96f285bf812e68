"""Reviewers who may log in; passwords are kept only as Argon2 hashes (argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, select

from db.engine import session_scope
from db.models import User

_hasher = PasswordHasher()
# Verifying against this when the user is unknown keeps the timing the same as a wrong password.
_DUMMY_HASH = _hasher.hash("not a real password")
MAX_USERNAME = 100


def add_user(engine: Engine, username: str, password: str) -> None:
    """Add an active reviewer; ValueError for an empty name or password, or a taken name."""
    username = username.strip()
    if not username:
        raise ValueError("the username is empty")
    if len(username) > MAX_USERNAME:
        raise ValueError(f"the username is longer than {MAX_USERNAME} characters")
    if not password or not password.strip():
        raise ValueError("the password is empty")
    with session_scope(engine) as s:
        if s.scalar(select(User.id).where(User.username == username)) is not None:
            raise ValueError(f"user {username!r} already exists")
        s.add(User(username=username, password_hash=_hasher.hash(password)))


def verify_user(engine: Engine, username: str, password: str) -> bool:
    """True when `username` is an active reviewer and `password` is theirs."""
    with engine.connect() as conn:
        row = conn.execute(
            select(User.password_hash, User.is_active).where(User.username == username.strip())
        ).first()
    try:
        ok = _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return bool(ok and row is not None and row.is_active)


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
