"""The database the running dashboard reads and writes (set once by `create_app`)."""

from __future__ import annotations

from sqlalchemy import Engine

_engine: Engine | None = None


def set_engine(engine: Engine) -> None:
    global _engine
    _engine = engine


def engine() -> Engine:
    """The app's engine; fails loudly if the app was not created through `create_app`."""
    if _engine is None:
        raise RuntimeError("no database: create the app with dashboards.app.create_app()")
    return _engine
