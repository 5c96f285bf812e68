"""Storing documents: add, skip unchanged bytes, replace a changed file atomically."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from db.documents import (
    claim_uid,
    get_document,
    iter_documents,
    known_documents,
    list_documents,
    store_document,
    unchanged_as,
)
from db.models import Claim, Document, Section
from tests.factories import make_claim, make_doc


def _count(engine: Engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def test_store_then_same_bytes_is_unchanged(engine: Engine) -> None:
    doc = make_doc()
    first = store_document(engine, doc, [make_claim()], "t")
    assert (first.status, first.sections, first.claims) == ("added", 1, 1)
    again = store_document(engine, doc, [make_claim()], "t")
    assert again.status == "unchanged" and again.same_as == "a.txt"
    assert _count(engine, Document) == 1 and _count(engine, Claim) == 1


def test_a_newer_extractor_extracts_the_same_file_again(engine: Engine) -> None:
    doc = make_doc()
    store_document(engine, doc, [make_claim()], "1")
    assert unchanged_as(engine, doc, "1") == "a.txt" and unchanged_as(engine, doc, "2") is None
    again = store_document(engine, doc, [make_claim(), make_claim("unicorns", 7)], "2")
    assert again.status == "replaced" and again.claims == 2
    with engine.connect() as conn:
        assert set(conn.scalars(select(Claim.extractor_version))) == {"2"}
        assert conn.scalar(select(Document.extractor_version)) == "2"
    assert store_document(engine, doc, [], "2").status == "unchanged"
    # The same bytes under another name stay stored once, whatever the extractor.
    copy = store_document(engine, make_doc("copy.txt", text=doc.text), [], "3")
    assert copy.status == "unchanged" and copy.same_as == "a.txt"


def test_changed_file_replaces_document_and_claims(engine: Engine) -> None:
    store_document(
        engine, make_doc(), [make_claim(), make_claim("unicorns", 7, qualifier="exact")], "t"
    )
    newer = make_doc(text="Hong Kong, 5 June 2025 – Cyberport is home to over 2,300 companies.")
    result = store_document(engine, newer, [make_claim(value=2300)], "t")
    assert result.status == "replaced"
    assert _count(engine, Document) == 1 and _count(engine, Section) == 1
    with engine.connect() as conn:
        values = conn.execute(select(Claim.value)).scalars().all()
    assert values == [2300]


def test_duplicate_claims_in_one_document_are_stored_once(engine: Engine) -> None:
    result = store_document(engine, make_doc(), [make_claim(), make_claim(start=40)], "t")
    assert result.claims == 1


def test_claim_uid_is_stable_and_distinguishes_figures() -> None:
    assert claim_uid("a.txt", make_claim()) == claim_uid("a.txt", make_claim(start=99))
    assert claim_uid("a.txt", make_claim()) != claim_uid("b.txt", make_claim())
    assert claim_uid("a.txt", make_claim()) != claim_uid("a.txt", make_claim(value=2300))


def test_failed_store_leaves_nothing_behind(engine: Engine) -> None:
    store_document(engine, make_doc(), [make_claim()], "t")
    broken = make_doc(text="Hong Kong, 6 June 2025 – another version.")
    bad_claim = make_claim(metric=None)  # type: ignore[arg-type]  # NOT NULL violation
    with pytest.raises(Exception):  # noqa: B017 - any database error will do
        store_document(engine, broken, [bad_claim], "t")
    # The earlier version and its claim are still there, untouched.
    docs = list_documents(engine)
    assert [(d.file_name, d.claims) for d in docs] == [("a.txt", 1)]
    detail = get_document(engine, docs[0].id)
    assert detail is not None and "2,200" in detail.text


def test_list_and_export_documents(engine: Engine) -> None:
    store_document(engine, make_doc("old.txt", "Old text.", date(2023, 3, 21)), [], "t")
    store_document(engine, make_doc("new.txt"), [make_claim()], "t")
    assert [d.file_name for d in list_documents(engine)] == ["new.txt", "old.txt"]
    rows = list(iter_documents(engine))
    assert [(r["document"], r["claims"], r["published_on"]) for r in rows] == [
        ("old.txt", 0, date(2023, 3, 21)),
        ("new.txt", 1, date(2025, 6, 5)),
    ]
    assert all(len(r["sha256"]) == 64 for r in rows)


def test_get_document_returns_claim_spans(engine: Engine) -> None:
    result = store_document(engine, make_doc(), [make_claim(start=3)], "t")
    detail = get_document(engine, result.document_id)
    assert detail is not None
    assert [(c.metric, c.char_start) for c in detail.claims] == [("companies", 3)]
    assert get_document(engine, 9999) is None


def test_candidates_are_stored_with_their_reasons(engine: Engine) -> None:
    claims = [
        make_claim(),
        make_claim("unicorns", 7, status="candidate", unsure=("owner?", "date?")),
    ]
    store_document(engine, make_doc(), claims, "t")
    with engine.connect() as conn:
        got = set(conn.execute(select(Claim.metric, Claim.initial_status, Claim.unsure)))
    assert got == {("companies", "auto", ""), ("unicorns", "candidate", "owner?;date?")}


@pytest.mark.parametrize(
    ("extra", "message"),
    [({"status": "maybe"}, "claim status 'maybe'"), ({"unsure": ("who?",)}, "unsure reason 'who")],
)
def test_an_unknown_status_or_reason_stores_nothing(engine: Engine, extra, message) -> None:
    with pytest.raises(ValueError, match=message):
        store_document(engine, make_doc(), [make_claim(**extra)], "t")
    assert _count(engine, Document) == 0 and _count(engine, Claim) == 0


def test_known_documents_all_or_those_asked_about(engine: Engine) -> None:
    a, b = make_doc("a.txt", "Hong Kong, 1 May 2025 – a."), make_doc("b.txt", "Hong Kong – b.")
    store_document(engine, a, [make_claim()], "1.0")
    store_document(engine, b, [make_claim()], "0.9")
    assert known_documents(engine, "1.0") == {a.sha256}
    assert known_documents(engine, "1.0", {a.sha256, b.sha256, "f" * 64}) == {a.sha256}
    assert known_documents(engine, "0.9", [a.sha256]) == set()
    assert known_documents(engine, "1.0", ()) == set()
