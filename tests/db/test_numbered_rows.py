"""Rows inserted with their ids given: the rows, and the ids, SQLite gives an insert."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, insert

from db import numbered_rows
from db.document_rows import claim_rows, document_row
from db.engine import open_db
from db.models import Claim, Document
from db.numbered_rows import insert_numbered, next_id, next_ids
from tests.factories import make_claim, make_doc


def _rows(engine: Engine, table: str) -> list[tuple]:
    """Every row as stored, each value with its storage class (created_at left out: a clock)."""
    path = engine.url.database
    with sqlite3.connect(path) as conn:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "created_at"]
        listed = ", ".join(f"{c}, typeof({c})" for c in cols)
        return conn.execute(f"SELECT {listed} FROM {table} ORDER BY id").fetchall()


def _documents(n: int) -> list[dict]:
    rows = []
    for k in range(n):
        text = f"Hong Kong, 5 June 2025 – {k} unicorns."
        row = document_row(make_doc(f"d{k}.txt", text=text), "t")
        row["ingested_at"] = rows[0]["ingested_at"] if rows else row["ingested_at"]
        rows.append(row)
    return rows


def _claims(document_id: int) -> list[dict]:
    quote = "Cyberport counts 2,000, 2,001 and 2,002 companies and 7.5 unicorns."
    claims = [make_claim(value=2000 + k, quote=quote, figure=f"{2000 + k:,}") for k in range(3)]
    claims.append(make_claim("unicorns", 7.5, qualifier="exact", quote=quote, figure="7.5"))
    rows, _ = claim_rows("d0.txt", claims, "t")
    for r in rows:
        r["document_id"], r["section_id"] = document_id, None
    return rows


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Engine, Engine]:
    return open_db(f"sqlite:///{tmp_path / 'a.db'}"), open_db(f"sqlite:///{tmp_path / 'b.db'}")


def test_the_rows_an_insert_stores(pair, monkeypatch: pytest.MonkeyPatch) -> None:
    by_insert, numbered = pair
    monkeypatch.setattr(numbered_rows, "PARAMETERS", 40)  # a few statements, not one
    documents = _documents(5)
    with by_insert.begin() as conn:
        conn.execute(insert(Document), [dict(r) for r in documents])
        conn.execute(insert(Claim), _claims(1))
    with numbered.begin() as conn:
        insert_numbered(conn, Document.__table__, documents, next_id(conn, Document.__table__))
        insert_numbered(conn, Claim.__table__, _claims(1), next_id(conn, Claim.__table__))
    for table in ("documents", "claims"):
        assert _rows(numbered, table) == _rows(by_insert, table)
    assert [r[0] for r in _rows(numbered, "claims")] == [1, 2, 3, 4]


def test_ids_are_the_ones_sqlite_gives_after_deletes(pair) -> None:
    by_insert, numbered = pair
    documents = _documents(4)
    rest = documents[1:]
    for engine in pair:
        with engine.begin() as conn:
            conn.execute(insert(Document), [dict(r) for r in documents])
            conn.execute(delete(Document).where(Document.id.in_([2, 4])))  # the last one too
    with by_insert.begin() as conn:
        conn.execute(insert(Document), [{**r, "file_name": f"n{k}.txt", "sha256": f"n{k}"}
                                        for k, r in enumerate(rest)])  # fmt: skip
    with numbered.begin() as conn:
        assert next_id(conn, Document.__table__) == 4
        rows = [{**r, "file_name": f"n{k}.txt", "sha256": f"n{k}"} for k, r in enumerate(rest)]
        insert_numbered(conn, Document.__table__, rows, 4)
    assert _rows(numbered, "documents") == _rows(by_insert, "documents")
    assert [r[0] for r in _rows(numbered, "documents")] == [1, 3, 4, 5, 6]


def test_next_ids_reads_each_tables_next_id_at_once(tmp_path: Path) -> None:
    engine = open_db(f"sqlite:///{tmp_path / 'n.db'}")
    with engine.begin() as conn:
        assert next_ids(conn, (Document.__table__, Claim.__table__)) == [1, 1]
        insert_numbered(conn, Document.__table__, _documents(3), 1)
        conn.execute(delete(Document).where(Document.id == 2))
        assert next_ids(conn, (Document.__table__, Claim.__table__)) == [4, 1]
        assert next_id(conn, Document.__table__) == 4
