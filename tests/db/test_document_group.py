"""New documents added together: the same rows as one by one, or nothing when one needs more."""

from __future__ import annotations

import dataclasses
from datetime import date

from sqlalchemy import Engine, select

from db.document_group import add_group
from db.document_writer import BatchWriter
from db.documents import store_document
from db.models import Claim, ClaimLine, Document, Section
from db.records import Section as ReadSection
from tests.factories import make_claim, make_doc

TEXT = "Hong Kong, 5 June 2025 – Cyberport is home to over {n:,} companies and {u} unicorns."


def _items(names: list[str], first: int = 0) -> list:
    out = []
    for k, name in enumerate(names, first):
        text = TEXT.format(n=2000 + k, u=k)
        doc = make_doc(name, text=text)
        claims = [
            make_claim(value=2000 + k, quote=text, figure=f"{2000 + k:,}"),
            make_claim("unicorns", k, qualifier="exact", quote=text, figure=f"{k} unicorns"),
        ]
        out.append((doc, claims))
    return out


def _two_sections(doc, cut: int):
    """`doc` split in two sections at `cut`, the second dated a day later."""
    first = ReadSection(0, 0, cut, doc.published_on, "dateline")
    second = ReadSection(1, cut, len(doc.text), date(2025, 6, 6), "date line")
    return dataclasses.replace(doc, sections=(first, second))


def _stored(engine: Engine) -> list[tuple]:
    """Every claim as stored, with its document's name, its section's start and its CSV
    line, ids left out."""
    stmt = (
        select(Document.file_name, Section.char_start, Claim.uid, Claim.value, ClaimLine.line)
        .join(Document, Claim.document_id == Document.id)
        .join(Section, Claim.section_id == Section.id)
        .join(ClaimLine, ClaimLine.claim_id == Claim.id)
        .order_by(Claim.uid)
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    # A line starts with the claim's id: compare the rest.
    return [(*r[:4], r[4].split(",", 1)[1]) for r in rows]


def test_a_group_stores_the_rows_one_by_one_storing_would(engine: Engine, tmp_path) -> None:
    items = _items(["a.txt", "b.txt", "c.txt"])
    doc, claims = items[1]
    cut = doc.text.index("unicorns") - 2  # the unicorns stand in a second section
    second = [
        dataclasses.replace(c, section_index=1) if c.metric == "unicorns" else c for c in claims
    ]
    items[1] = (_two_sections(doc, cut), second)
    with BatchWriter(engine, "t") as writer:
        results = writer.store_many(items)
    assert [r.status for r in results] == ["added"] * 3
    assert [r.claims for r in results] == [2, 2, 2] and [r.sections for r in results] == [1, 2, 1]
    assert results[0].series == {("Cyberport", "companies"), ("Cyberport", "unicorns")}
    grouped = _stored(engine)

    from db.engine import open_db

    alone = open_db(f"sqlite:///{tmp_path / 'alone.db'}")
    for doc, claims in items:
        store_document(alone, doc, claims, "t")
    assert grouped == _stored(alone) and len(grouped) == 6
    # Each claim is in the section its figure stands in.
    sections = {(name, start) for name, start, *_ in grouped}
    assert sections == {("a.txt", 0), ("b.txt", 0), ("b.txt", cut), ("c.txt", 0)}


def test_a_group_that_needs_more_than_adding_writes_nothing(engine: Engine) -> None:
    store_document(engine, *_items(["old.txt"])[0], "t")
    stored_bytes = make_doc("new.txt", text=TEXT.format(n=2000, u=0))  # old.txt's bytes
    cases = {
        "name stored": _items(["x.txt", "old.txt"]),
        "bytes stored": [*_items(["x.txt"]), (stored_bytes, [])],
        "name twice": _items(["y.txt", "y.txt"]),
    }
    with engine.begin() as conn:
        for why, items in cases.items():
            assert add_group(conn, items, "t", corrections=False) is None, why
        assert add_group(conn, _items(["z.txt"]), "t", corrections=True) is None
        assert conn.execute(select(Document.file_name)).scalars().all() == ["old.txt"]


def test_store_many_falls_back_to_one_by_one(engine: Engine) -> None:
    store_document(engine, *_items(["old.txt"])[0], "t")
    changed = make_doc("old.txt", text="Hong Kong, 5 June 2025 – Cyberport counts 9 unicorns.")
    items = [
        *_items(["new.txt"], first=1),
        (changed, [make_claim("unicorns", 9, quote=changed.text)]),
    ]
    with BatchWriter(engine, "t") as writer:
        results = writer.store_many(items)
    assert [r.status for r in results] == ["added", "replaced"]
    with engine.connect() as conn:
        names = conn.execute(select(Document.file_name).order_by(Document.file_name)).scalars()
        assert list(names) == ["new.txt", "old.txt"]


def test_a_bad_claim_in_a_group_stores_none_of_it(engine: Engine) -> None:
    items = _items(["a.txt", "b.txt"])
    bad = dataclasses.replace(items[1][1][0], status="maybe")
    items[1] = (items[1][0], [bad])
    writer = BatchWriter(engine, "t")
    try:
        writer.store_many(items)
    except ValueError as e:
        assert "maybe" in str(e)
    else:
        raise AssertionError("a claim status outside the catalogue was stored")
    writer.commit()
    with engine.connect() as conn:
        assert conn.execute(select(Document.id)).first() is None


def test_series_are_marked_in_the_order_of_the_documents_last_touching_them(
    engine: Engine,
) -> None:
    """However documents were grouped, the checks take series in the order a document last
    touched each (a group used to give all its series one mark, so name order decided)."""
    from db.dirty import dirty_series

    def item(name: str, metrics: list[str]):
        text = TEXT.format(n=2000 + len(name) * ord(name[0]), u=1)
        return make_doc(name, text=text), [make_claim(m, 7, quote=text) for m in metrics]

    items = [
        item("a.txt", ["unicorns", "companies"]),
        item("b.txt", ["listed_companies"]),
        item("c.txt", ["companies"]),
        item("d.txt", ["funding_raised"]),
    ]
    with BatchWriter(engine, "t") as writer:
        writer.store_many(items[:3])
        writer.store(*items[3])
        writer.commit()
    assert [m for _, m in dirty_series(engine)] == [
        "unicorns", "listed_companies", "companies", "funding_raised",
    ]  # fmt: skip
