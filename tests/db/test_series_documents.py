"""series_documents: a series' documents as columns, named or read in one pass over all."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import Engine, select

import db.series_documents as series_documents_module
from db.documents import store_document
from db.models import Claim, Document
from db.raw_rows import raw_rows
from db.series_documents import series_documents
from tests.factories import make_claim, make_doc


@pytest.mark.parametrize("named_at_most", [500, 0])
def test_the_documents_asked_for_with_their_signals(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, named_at_most: int
) -> None:
    """Named in the statement, or read in one pass over all the documents: the same columns."""
    monkeypatch.setattr(series_documents_module, "NAMED_AT_MOST", named_at_most)
    flags = [("garbled",), ("implausible",), ("garbled", "implausible"), ()]
    flagged = [make_claim(value=k, flags=f) for k, f in enumerate(flags)]
    store_document(engine, make_doc("a.txt", "Hong Kong, 1 May 2025 – a.", publisher="P"),
                   flagged, "t")  # fmt: skip
    store_document(engine, make_doc("b.txt", "Hong Kong, 2 May 2025 – b."), [make_claim()], "t")
    store_document(engine, make_doc("c.txt", "Hong Kong, 3 May 2025 – c."), [make_claim()], "t")
    with engine.connect() as conn:
        ids = dict(conn.execute(select(Document.file_name, Document.id)).all())
        at = dict(conn.execute(select(Document.file_name, Document.ingested_at)).all())
        wanted = np.array(sorted([ids["a.txt"], ids["c.txt"]]))
        docs = series_documents(conn, wanted)
        raw = {i: t for i, t in conn.exec_driver_sql("SELECT id, ingested_at FROM documents")}
    assert sorted(docs.ids.tolist()) == wanted.tolist()
    by_name = {r[1]: r for r in docs.rows()}
    assert set(by_name) == {"a.txt", "c.txt"} and len(at) == 3
    assert by_name["a.txt"] == (ids["a.txt"], "a.txt", None, "P", str(raw[ids["a.txt"]]))
    signals = {s[0]: s[1:] for s in docs.signals()}
    assert signals == {"a.txt": (None, "P", 4, 2, 2), "c.txt": (None, None, 1, 0, 0)}
    assert docs.positions(wanted[::-1]).tolist() == [
        docs.ids.tolist().index(i) for i in wanted[::-1].tolist()
    ]


def test_rows_in_binary_are_the_rows_as_text(engine: Engine) -> None:
    """PostgreSQL's binary rows are the rows the driver gives otherwise (SQLite: the same)."""
    store_document(engine, make_doc("a.txt"), [make_claim(value=2.5, low=2.0, high=3.25)], "t")
    stmt = select(Claim.id, Claim.uid, Claim.value_low, Claim.value_hkd, Claim.as_of,
                  Document.ingested_at).join(Document)  # fmt: skip
    with engine.connect() as conn:
        assert raw_rows(conn, stmt, {}, binary=True) == raw_rows(conn, stmt, {})
