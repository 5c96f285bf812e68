"""Reviewer accounts: Argon2 hashes, duplicates and empty passwords refused, login checks."""

from __future__ import annotations

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
