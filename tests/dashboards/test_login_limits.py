"""Login throttling: keys, the refusal before hashing, the messages."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dashboards import login_limits
from dashboards.login_limits import (
    LoginLimits,
    account_key,
    address_key,
    attempt_login,
    login_error_message,
)
from db.login_failures import failures
from db.users import HashingBusy, add_user

LIMITS = LoginLimits(per_account=2, per_address=10, window=timedelta(minutes=15))


def test_account_key_hides_the_name_and_ignores_case_and_spaces() -> None:
    key = account_key("Mei ")
    assert key == account_key("mei") and key.startswith("account:")
    assert "mei" not in key and len(key) == len("account:") + 64


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("203.0.113.7", "address:203.0.113.7"),
        ("::ffff:203.0.113.7", "address:203.0.113.7"),
        ("2001:db8:1:2:aaaa::1", "address:2001:db8:1:2::/64"),
        ("2001:db8:1:2:bbbb::9", "address:2001:db8:1:2::/64"),
        (None, "address:unknown"),
        ("not an address", "address:unknown"),
    ],
)
def test_address_key(address, key) -> None:
    assert address_key(address) == key


def test_a_throttled_attempt_is_not_hashed(engine, monkeypatch) -> None:
    add_user(engine, "mei", "right pw")
    for _ in range(LIMITS.per_account):
        assert attempt_login(engine, "mei", "guess", "203.0.113.7", LIMITS).error == "wrong"
    hashed = []
    monkeypatch.setattr(login_limits, "verify_user", lambda *a: hashed.append(a) or True)
    outcome = attempt_login(engine, "mei", "right pw", "203.0.113.7", LIMITS)
    assert (outcome.ok, outcome.error) == (False, "throttled")
    assert 0 < outcome.retry_after_s <= 15 * 60
    assert hashed == []


def test_a_busy_server_does_not_count_the_attempt(engine, monkeypatch) -> None:
    add_user(engine, "mei", "right pw")

    def busy(*_args):
        raise HashingBusy("busy")

    monkeypatch.setattr(login_limits, "verify_user", busy)
    for _ in range(LIMITS.per_account + 1):
        assert attempt_login(engine, "mei", "right pw", "203.0.113.7", LIMITS).error == "busy"
    assert failures(engine, account_key("mei")) == 0
    monkeypatch.undo()
    assert attempt_login(engine, "mei", "right pw", "203.0.113.7", LIMITS).ok


def test_success_clears_the_account_but_not_the_address(engine) -> None:
    add_user(engine, "mei", "right pw")
    attempt_login(engine, "mei", "guess", "203.0.113.7", LIMITS)
    assert attempt_login(engine, "mei", "right pw", "203.0.113.7", LIMITS).ok
    assert failures(engine, account_key("mei")) == 0
    assert failures(engine, address_key("203.0.113.7")) == 1


@pytest.mark.parametrize(
    ("error", "wait", "expected"),
    [
        (None, None, None),
        ("1", None, "Wrong username or password."),
        ("throttled", "61", "try again in 2 minutes."),
        ("throttled", "30", "try again in 1 minute."),
        ("throttled", "99999999", "try again in 15 minutes."),
        ("throttled", "soon", "try again in 15 minutes."),
        ("busy", None, "The server is busy checking other logins"),
    ],
)
def test_login_error_message(error, wait, expected) -> None:
    message = login_error_message(error, wait)
    if expected is None:
        assert message is None
    else:
        assert message is not None and expected in message
