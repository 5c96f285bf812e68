"""document_counts: each document's number of claim rows, kept by the database itself."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, delete, func, insert, select, update

from db.documents import store_document
from db.models import Claim, Document, DocumentCount
from db.reviews import add_correction, add_review
from tests.factories import make_claim, make_doc


def _counted(engine: Engine) -> dict[int, int]:
    with engine.connect() as conn:
        return dict(conn.execute(select(DocumentCount.document_id, DocumentCount.claims)).all())


def _counts(engine: Engine) -> dict[int, int]:
    stmt = select(Claim.document_id, func.count()).group_by(Claim.document_id)
    with engine.connect() as conn:
        found = dict(conn.execute(stmt).all())
        docs = conn.scalars(select(Document.id)).all()
    return {d: found.get(d, 0) for d in docs}


def _same(engine: Engine) -> None:
    counted = _counted(engine)
    assert {d: counted.get(d, 0) for d in _counts(engine)} == _counts(engine)
    assert set(counted) <= set(_counts(engine))  # no count outlives its document


def test_every_way_claims_come_and_go_keeps_the_counts(engine: Engine) -> None:
    claims = [make_claim(value=100.0 + i, quote=f"Over {100 + i} firms.") for i in range(5)]
    store_document(engine, make_doc("a.txt", text="text a"), claims, "t")
    store_document(engine, make_doc("b.txt", text="text b"), claims[:2], "t")
    _same(engine)
    store_document(engine, make_doc("a.txt", text="text a, changed"), claims[:3], "t")  # replaced
    _same(engine)
    with engine.connect() as conn:
        ids = conn.scalars(select(Claim.id).order_by(Claim.id)).all()
    add_correction(engine, ids[0], "rev", "these are incubatees", metric="incubatees")  # + a row
    _same(engine)
    add_review(engine, "claim", ids[0], "reopen", "rev")  # the derived row goes
    _same(engine)
    with engine.begin() as conn:  # rows written by other means count too
        doc = conn.scalar(select(Document.id).where(Document.file_name == "b.txt"))
        conn.execute(insert(Claim), [{
            "uid": f"x{i}", "document_id": doc, "entity": "Cyberport", "metric": "companies",
            "value": 1.0, "unit": "count", "qualifier": "exact", "value_low": 1.0,
            "value_high": 1.0, "as_of": date(2024, 1, 1), "quote": "q", "char_start": 0,
            "char_end": 1, "mention_start": 0, "mention_end": 1, "extractor_version": "t",
        } for i in range(4)])  # fmt: skip
        conn.execute(delete(Claim).where(Claim.uid == "x0"))
        other = conn.scalar(select(Document.id).where(Document.file_name == "a.txt"))
        conn.execute(update(Claim).where(Claim.uid == "x1").values(document_id=other))
    _same(engine)
    with engine.begin() as conn:
        conn.execute(delete(Document).where(Document.file_name == "b.txt"))
    _same(engine)
    assert sum(_counted(engine).values()) == sum(_counts(engine).values()) > 0
