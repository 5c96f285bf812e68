"""Failed reviewer logins, kept in the database so that the limits hold across worker processes.

An attempt first reserves a row under each of its keys (its account, its client address) and
commits it, then counts: concurrent attempts see each other, so no more than the limit get
through even when they arrive at once. A refused attempt leaves nothing behind; a failed one
leaves its rows as failures; a successful one clears its account's failures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, func, or_, select

from db.engine import session_scope
from db.models import LoginFailure, utcnow


@dataclass(frozen=True)
class Limit:
    """At most `max_attempts` failed (or in-flight) logins under `key` within the window."""

    key: str
    max_attempts: int


@dataclass(frozen=True)
class Attempt:
    allowed: bool
    retry_after_s: int = 0  # when refused: seconds until one more try fits under every limit
    ids: tuple[int, ...] = ()  # the rows this attempt holds (they stay if it fails)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _wait(times: list[datetime], limit: int, window: timedelta, now: datetime) -> int:
    """Seconds until one more attempt fits, given the other attempts' times in the window."""
    if len(times) < limit:
        return 0
    must_expire = sorted(times)[len(times) - limit]
    return max(1, math.ceil((must_expire + window - now).total_seconds()))


def begin_attempt(
    engine: Engine,
    limits: Sequence[Limit],
    window: timedelta,
    *,
    now: datetime | None = None,
) -> Attempt:
    """Reserve one login attempt under every limit, or refuse it when any limit is used up."""
    now = now or utcnow()
    cutoff = now - window
    with session_scope(engine) as s:
        s.execute(delete(LoginFailure).where(LoginFailure.failed_at <= cutoff))
        rows = [LoginFailure(key=limit.key, failed_at=now) for limit in limits]
        s.add_all(rows)
        s.flush()
        ids = tuple(row.id for row in rows)
    wait = 0
    with engine.connect() as conn:
        for limit in limits:
            others = conn.execute(
                select(LoginFailure.failed_at).where(
                    LoginFailure.key == limit.key,
                    LoginFailure.failed_at > cutoff,
                    LoginFailure.id.not_in(ids),
                )
            ).scalars()
            wait = max(wait, _wait([_utc(t) for t in others], limit.max_attempts, window, now))
    if wait:
        forget_attempt(engine, Attempt(True, ids=ids))
        return Attempt(False, wait)
    return Attempt(True, ids=ids)


def forget_attempt(engine: Engine, attempt: Attempt) -> None:
    """Drop an attempt's rows (it never reached the password check)."""
    if attempt.ids:
        with session_scope(engine) as s:
            s.execute(delete(LoginFailure).where(LoginFailure.id.in_(attempt.ids)))


def clear_after_success(engine: Engine, attempt: Attempt, account_key: str) -> None:
    """A right password: the attempt's rows and its account's earlier failures go."""
    with session_scope(engine) as s:
        s.execute(
            delete(LoginFailure).where(
                or_(LoginFailure.id.in_(attempt.ids), LoginFailure.key == account_key)
            )
        )


def failures(engine: Engine, key: str) -> int:
    """How many failures are stored under `key` (old ones included until the next attempt)."""
    with engine.connect() as conn:
        return conn.execute(
            select(func.count()).select_from(LoginFailure).where(LoginFailure.key == key)
        ).scalar_one()
