"""The quote index: built by the migrations, in step with the claims, escaping its queries."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import Engine, delete, insert, inspect, select, text, update

from db.documents import store_document
from db.engine import alembic_config
from db.models import Claim
from db.quote_search import (
    FTS_SHADOW_TABLES,
    FTS_TABLE,
    FTS_TRIGGERS,
    TRGM_INDEX,
    candidates,
    fts_phrase,
    has_quote_index,
)
from tests.factories import make_claim, make_doc


def _sqlite_only(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the FTS5 quote index is SQLite's")


def _ids(engine: Engine, needle: str) -> set[int]:
    phrase = fts_phrase(needle)
    assert phrase is not None
    with engine.connect() as conn:
        return set(conn.scalars(candidates(phrase)))


def _claim_ids(engine: Engine, quote: str) -> set[int]:
    with engine.connect() as conn:
        return set(conn.scalars(select(Claim.id).where(Claim.quote == quote)))


def _check_integrity(engine: Engine) -> None:
    """FTS5 compares the index with the claims table (rank 1: external content too)."""
    with engine.begin() as conn:
        conn.execute(
            text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)")
        )


def _store(engine: Engine, name: str, quotes: list[str], body: str = "") -> None:
    claims = [
        make_claim(value=100 + i, as_of=date(2024, 1, 1 + i), quote=q) for i, q in enumerate(quotes)
    ]
    store_document(engine, make_doc(name, text=f"{name}: {body}{' '.join(quotes)}"), claims, "t")


def test_fts_phrase_is_literal_and_needs_three_characters() -> None:
    assert fts_phrase("ab") is None
    assert fts_phrase("abc") == '"abc"'
    assert fts_phrase('say "hi" * OR NEAR(') == '"say ""hi"" * OR NEAR("'


def test_sqlite_index_and_triggers_exist_after_migrating(engine: Engine) -> None:
    _sqlite_only(engine)
    with engine.connect() as conn:
        assert has_quote_index(conn)
        names = {
            r[0]
            for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert set(FTS_TRIGGERS) <= names
    assert set(FTS_SHADOW_TABLES) <= set(inspect(engine).get_table_names())


def test_postgresql_trigram_index_exists_when_pg_trgm_is_there(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    with engine.connect() as conn:
        available = conn.exec_driver_sql(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
        ).first()
        indexdef = conn.exec_driver_sql(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", (TRGM_INDEX,)
        ).scalar()
    if available is None:
        assert indexdef is None  # degraded: no index, and the migration went through
    else:
        assert "gin" in indexdef and "lower(quote)" in indexdef and "gin_trgm_ops" in indexdef


def test_index_follows_insert_update_delete_and_replace(engine: Engine) -> None:
    _sqlite_only(engine)
    _store(engine, "a.txt", ["Cyberport's 數碼港 hosts over 1,900 start-ups.", "Six unicorns."])
    _store(engine, "b.txt", ["Funding reached HK$43.4 billion."])
    _check_integrity(engine)
    assert _ids(engine, "數碼港") == _claim_ids(
        engine, "Cyberport's 數碼港 hosts over 1,900 start-ups."
    )
    assert _ids(engine, "unicorns") == _claim_ids(engine, "Six unicorns.")

    with engine.begin() as conn:  # an edited quote: the old text is gone, the new one found
        conn.execute(
            update(Claim).where(Claim.quote == "Six unicorns.").values(quote="Seven unicorns.")
        )
    _check_integrity(engine)
    assert _ids(engine, "six unicorns") == set()
    assert _ids(engine, "seven unicorns") == _claim_ids(engine, "Seven unicorns.")

    with engine.begin() as conn:
        conn.execute(delete(Claim).where(Claim.quote == "Seven unicorns."))
    _check_integrity(engine)
    assert _ids(engine, "unicorns") == set()

    # A new version of a.txt: its old claims go (cascade), its new ones come in.
    _store(engine, "a.txt", ["Cyberport now hosts over 2,000 start-ups."], body="revised ")
    _check_integrity(engine)
    assert _ids(engine, "數碼港") == set()
    assert _ids(engine, "2,000 start") == _claim_ids(
        engine, "Cyberport now hosts over 2,000 start-ups."
    )
    assert _ids(engine, "43.4 billion") == _claim_ids(engine, "Funding reached HK$43.4 billion.")


def test_downgrade_drops_and_upgrade_fills_the_index(engine: Engine) -> None:
    _sqlite_only(engine)
    _store(engine, "a.txt", ["Over 1,900 start-ups call Cyberport home."])
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    with engine.connect() as conn:
        assert not has_quote_index(conn)
        triggers = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        assert not {r[0] for r in triggers} & set(FTS_TRIGGERS)
    with engine.begin() as conn:  # a claim stored while there is no index
        quote = "Six unicorns were born at Cyberport."
        conn.execute(insert(Claim), [{
            "uid": "b1", "document_id": conn.scalar(select(Claim.document_id).limit(1)),
            "entity": "Cyberport", "metric": "unicorns", "value": 6.0, "unit": "count",
            "qualifier": "exact", "value_low": 6.0, "value_high": 6.0,
            "as_of": date(2024, 1, 1), "quote": quote, "char_start": 0, "char_end": len(quote),
            "mention_start": 0, "mention_end": 3, "extractor_version": "t",
        }])  # fmt: skip
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    _check_integrity(engine)  # the claims stored before the index exists are in it
    assert _ids(engine, "start-ups") == _claim_ids(
        engine, "Over 1,900 start-ups call Cyberport home."
    )
    assert _ids(engine, "unicorns") == _claim_ids(engine, "Six unicorns were born at Cyberport.")
