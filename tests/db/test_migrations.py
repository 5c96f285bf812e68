"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select, text

from db.claims_listed import LISTED_INDEX
from db.documents import store_document
from db.engine import alembic_config, migrate
from db.metrics import catalogue
from db.models import Base, Document
from db.quote_search import FTS_SHADOW_TABLES, FTS_TABLE, TRGM_INDEX
from tests.factories import make_claim, make_doc

# The quote index is dialect-specific and lives in the migrations only (SQLite: an FTS5 table
# and the shadow tables FTS5 makes for it; PostgreSQL: a trigram GIN index); so does the partial
# index of the claims grid's default view (its condition is written per dialect). Nothing else
# may differ; tests/db/test_quote_search.py checks the quote index is there and in step,
# tests/db/test_claims_listed.py that the partial one is there.
SEARCH_TABLES = frozenset({FTS_TABLE, *FTS_SHADOW_TABLES})
SEARCH_INDEXES = frozenset({TRGM_INDEX, LISTED_INDEX})


def _not_search(name: str | None, type_: str, _parent: dict) -> bool:
    if type_ == "table":
        return name not in SEARCH_TABLES
    if type_ == "index":
        return name not in SEARCH_INDEXES
    return True


def test_upgrade_head_matches_models(engine: Engine) -> None:
    opts = {"compare_type": True, "include_name": _not_search}
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts=opts)
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_only_the_quote_index_is_left_out_of_the_comparison(engine: Engine) -> None:
    extra = set(inspect(engine).get_table_names()) - set(Base.metadata.tables) - {"alembic_version"}
    if engine.dialect.name == "sqlite":
        assert extra == SEARCH_TABLES
    else:
        assert extra == set()
    claim_indexes = {
        ix["name"]
        for ix in inspect(engine).get_indexes("claims")
        if not ix.get("duplicates_constraint")  # PostgreSQL lists the unique constraint's too
    }
    assert claim_indexes - SEARCH_INDEXES == {
        ix.name for ix in Base.metadata.tables["claims"].indexes
    }


def test_every_constraint_is_named(engine: Engine) -> None:
    insp = inspect(engine)
    for table in Base.metadata.tables:
        for fk in insp.get_foreign_keys(table):
            assert fk["name"], f"unnamed foreign key on {table}"
        for uq in insp.get_unique_constraints(table):
            assert uq["name"], f"unnamed unique constraint on {table}"


def test_migrate_twice_is_harmless_and_loads_the_catalogue(engine: Engine) -> None:
    migrate(engine)
    with engine.connect() as conn:
        keys = {r[0] for r in conn.exec_driver_sql("SELECT key FROM metrics")}
    assert keys == set(catalogue())
    assert {"companies", "unicorns", "funding_raised", "local_share_pct"} <= keys


def test_documents_stored_before_0004_take_their_claims_extractor(engine: Engine) -> None:
    store_document(engine, make_doc("a.txt"), [make_claim(as_of=date(2024, 1, 1))], "1.4")
    store_document(engine, make_doc("none.txt", text="No figures here."), [], "1.4")
    cfg = alembic_config(engine)
    for target in ("0003", "head"):
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            getattr(command, "downgrade" if target == "0003" else "upgrade")(cfg, target)
        if target == "0003":
            with engine.connect() as conn:
                cols = conn.execute(text("SELECT * FROM documents")).keys()
            assert "extractor_version" not in cols
    with engine.connect() as conn:
        got = dict(conn.execute(select(Document.file_name, Document.extractor_version)).all())
    assert got == {"a.txt": "1.4", "none.txt": None}  # none.txt is extracted again next time


def test_0007_keeps_stored_claims_auto_and_goes_back_cleanly(engine: Engine) -> None:
    from db.claims import ANY_STATUS, ClaimFilter, iter_claims
    from db.models import Claim, ClaimLine
    from db.reviews import add_correction

    claims = [make_claim(), make_claim("awards", 3, status="candidate", unsure=("metric?",))]
    store_document(engine, make_doc("a.txt"), claims, "1.4")
    awards = next(iter_claims(engine, ClaimFilter(status="candidate")))["claim_id"]
    add_correction(engine, awards, "ana", "IP rights", metric="ip_rights")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    with engine.connect() as conn:
        cols = set(conn.execute(text("SELECT * FROM claims")).keys())
        assert not cols & {"initial_status", "unsure", "corrects_uid"}
        assert conn.execute(text("SELECT count(*) FROM claims")).scalar_one() == 2
        assert conn.execute(text("SELECT count(*) FROM claim_lines")).scalar_one() == 0
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    # Claims from before 0007 are `auto` (the correction's row comes back with the document's
    # next re-ingest); their export lines are written again before the next export.
    rows = list(iter_claims(engine, ClaimFilter(status=ANY_STATUS)))
    assert {(r["metric"], r["status"], r["unsure"]) for r in rows} == {
        ("companies", "auto", ""), ("awards", "corrected", "")}  # fmt: skip
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(ClaimLine)) == 0
        assert conn.scalar(select(func.count()).select_from(Claim)) == 2


def test_the_head_read_from_the_files_is_alembics(engine: Engine) -> None:
    from alembic.script import ScriptDirectory

    from db.engine import _at_head, head_revision

    assert head_revision() == ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    assert _at_head(engine)  # migrated: the next start needs no Alembic
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0009")
    assert not _at_head(engine)
    migrate(engine)  # upgrades from there
    assert _at_head(engine)
    assert "ix_claims_series" in {ix["name"] for ix in inspect(engine).get_indexes("claims")}
