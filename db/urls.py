"""Which database a command uses, told without loading the database code."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE = ROOT / "data" / "cyberport.db"


def database_url(explicit: str | None = None) -> str:
    """`--db` if given, else `DATABASE_URL`, else the embedded SQLite file under `data/`."""
    url = explicit or os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE}"
    if url.startswith("postgres://"):  # the form many hosts hand out
        url = "postgresql+psycopg://" + url.removeprefix("postgres://")
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def new_database(url: str) -> bool:
    """Whether `url` names a SQLite file not made yet (nor its write-ahead log): a database
    that holds nothing."""
    if not url.startswith("sqlite") or "///" not in url:
        return False
    path = url.split("///", 1)[1].split("?", 1)[0]
    if not path or path == ":memory:":
        return False
    return not Path(path).exists() and not Path(f"{path}-wal").exists()
