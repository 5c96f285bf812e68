"""Login throttling: failed attempts counted per account and per client address.

The counts live in the database (`db.login_failures`), so they hold across gunicorn workers.
(Flask-Limiter was considered: its storage library, `limits`, keeps counts in process memory,
Redis, Memcached or MongoDB, none of which this app otherwise needs.) An attempt over either
limit is refused before its password is hashed.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine

from db.login_failures import Limit, begin_attempt, clear_after_success, forget_attempt
from db.users import HashingBusy, verify_user


@dataclass(frozen=True)
class LoginLimits:
    """At most this many failed logins per account, and per client address, in the window."""

    per_account: int = 5
    per_address: int = 20  # higher: an office behind one address shares it
    window: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class LoginOutcome:
    ok: bool
    error: str | None = None  # wrong, throttled or busy
    retry_after_s: int = 0


def account_key(username: str) -> str:
    """The account's key: a digest, so that a password typed as a name is never stored."""
    digest = hashlib.sha256(username.strip().casefold().encode("utf-8", "replace")).hexdigest()
    return f"account:{digest}"


def address_key(address: str | None) -> str:
    """The client's key: its IPv4 address, or its IPv6 /64 (one customer's whole block)."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return "address:unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return f"address:{ip.ipv4_mapped}"
        return f"address:{ipaddress.ip_network(f'{ip}/64', strict=False)}"
    return f"address:{ip}"


def attempt_login(
    engine: Engine, username: str, password: str, address: str | None, limits: LoginLimits
) -> LoginOutcome:
    """Check a login under the limits: refused unhashed when either is used up."""
    account = account_key(username)
    attempt = begin_attempt(
        engine,
        [Limit(account, limits.per_account), Limit(address_key(address), limits.per_address)],
        limits.window,
    )
    if not attempt.allowed:
        return LoginOutcome(False, "throttled", attempt.retry_after_s)
    try:
        ok = verify_user(engine, username, password)
    except HashingBusy:
        forget_attempt(engine, attempt)
        return LoginOutcome(False, "busy", 5)
    if not ok:
        return LoginOutcome(False, "wrong")
    clear_after_success(engine, attempt, account)
    return LoginOutcome(True)


def login_error_message(error: str | None, wait_s: str | int | None = None) -> str | None:
    """The login page's one line for `?error=...` (None: no error to show)."""
    if not error:
        return None
    if error == "throttled":
        longest = math.ceil(LoginLimits().window.total_seconds() / 60)
        try:
            minutes = min(longest, max(1, math.ceil(int(str(wait_s)) / 60)))
        except ValueError:
            minutes = longest
        unit = "minute" if minutes == 1 else "minutes"
        return (
            "Too many failed logins for this account or from this address: "
            f"try again in {minutes} {unit}."
        )
    if error == "busy":
        return "The server is busy checking other logins: try again in a moment."
    return "Wrong username or password."
