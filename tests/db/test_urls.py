"""Which database a command uses, and whether it is a new one, told without the database code."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.engine import open_db
from db.urls import database_url, new_database


def test_a_host_s_postgres_url_gets_the_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert database_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert database_url().startswith("sqlite:///")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///x.db")
    assert database_url() == "sqlite:///x.db"


def test_a_new_database_is_a_sqlite_file_not_made_yet(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    assert new_database(url) and new_database(url + "?timeout=5")
    open_db(url)
    assert not new_database(url)
    (tmp_path / "b.db-wal").write_bytes(b"")  # a log left without its file: not new
    assert not new_database(f"sqlite:///{tmp_path / 'b.db'}")
    for other in ("sqlite://", "sqlite:///:memory:", "postgresql+psycopg://u@h/d"):
        assert not new_database(other)
