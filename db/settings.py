"""Small key/value settings kept in the database (e.g. the generated session secret)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from db.engine import session_scope
from db.models import Setting


def get_setting(engine: Engine, key: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(Setting.value).where(Setting.key == key)).scalar_one_or_none()


def get_or_create_setting(engine: Engine, key: str, make: Callable[[], str]) -> str:
    """The stored value of `key`; on first use store `make()` (the first writer wins a race)."""
    found = get_setting(engine, key)
    if found is not None:
        return found
    try:
        with session_scope(engine) as s:
            s.add(Setting(key=key, value=make()))
    except IntegrityError:  # another process stored it first
        pass
    value = get_setting(engine, key)
    assert value is not None
    return value
