"""Add several new documents at once: one statement per table for the whole group.

What a fresh ingest stores is mostly new documents, a few claims each; stored one by one, the
fixed cost of each statement outweighs the rows it writes. `add_group` writes a group of new
documents with their sections, claims and claim lines in five statements, exactly the rows
`db.document_writer.store_into` would write for each. It declines (None, nothing written)
whenever one of them needs more than adding: bytes or a file name stored already or repeated
in the group (unchanged, replaced), or a reviewer's correction that may apply to its claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from sqlalchemy import Connection, Insert, Select, bindparam, insert, or_, select

from db import records
from db.claims_csv import claim_line_values
from db.document_rows import StoreResult, claim_rows, document_row, section_row
from db.models import Claim, ClaimLine, Document, Section
from db.numbered_rows import insert_numbered, next_ids

Item = tuple[records.ReadDocument, Sequence[records.Claim]]


@cache
def _stored() -> Select:
    """Any stored document with one of the bytes `:shas` or file names `:names`."""
    return select(Document.id).where(
        or_(
            Document.sha256.in_(bindparam("shas", expanding=True)),
            Document.file_name.in_(bindparam("names", expanding=True)),
        )
    )


def _any_stored(conn: Connection, shas: list[str], names: list[str]) -> bool:
    """Whether a stored document has one of these bytes or file names (SQLite: the statement
    written out here, cheaper than expanding the built one's lists for each group)."""
    if conn.dialect.name != "sqlite":
        return conn.execute(_stored(), {"shas": shas, "names": names}).first() is not None
    sql = (
        f"SELECT id FROM documents WHERE sha256 IN ({', '.join('?' * len(shas))}) "
        f"OR file_name IN ({', '.join('?' * len(names))})"
    )
    return conn.exec_driver_sql(sql, (*shas, *names)).first() is not None


def _returned_ids(
    conn: Connection, stmt: Insert, rows: list[dict], key: tuple[str, ...]
) -> list[int]:
    """The new id of each of `rows`, in order. `stmt` returns the id and the `key` columns,
    which tell the rows apart: so the rows go in batches, in whatever order the database
    returns them (SQLite cannot return ids in the order of the rows without one statement
    per row)."""
    found = {tuple(r[1:]): r[0] for r in conn.execute(stmt, rows)}
    return [found[tuple(r[k] for k in key)] for r in rows]


@cache
def _inserts() -> tuple[Insert, Insert, Insert]:
    """The document, section and claim inserts, each returning the new ids and the columns that
    tell the new rows apart."""
    return (
        insert(Document).returning(Document.id, Document.file_name),
        insert(Section).returning(Section.id, Section.document_id, Section.idx),
        insert(Claim).returning(Claim.id, Claim.uid),
    )


def add_group(
    conn: Connection, items: Sequence[Item], extractor_version: str, corrections: bool
) -> list[StoreResult] | None:
    """Add every document of `items` inside the caller's transaction and say what each came
    to, or None (nothing written) when one needs more than adding (see the module).
    `corrections`: whether any reviewer's correction may be stored."""
    if corrections or not items:
        return None
    names = [doc.file_name for doc, _ in items]
    shas = [doc.sha256 for doc, _ in items]
    if len(set(names)) < len(names) or len(set(shas)) < len(shas):
        return None
    if _any_stored(conn, shas, names):
        return None
    found = [(doc, *claim_rows(doc.file_name, claims, extractor_version)) for doc, claims in items]
    doc_ids = insert_new(conn, found, extractor_version)
    return [
        _added(doc_id, len(doc.sections), rows)
        for (doc, rows, _), doc_id in zip(found, doc_ids, strict=True)
    ]


def insert_new(
    conn: Connection,
    found: Sequence[tuple[records.ReadDocument, list[dict], list[int]]],
    extractor_version: str,
) -> list[int]:
    """Insert documents no stored one holds (by bytes or name), each with its claim rows and
    the section index of each (`claim_rows`), with their sections and claim lines: their ids."""
    documents = [document_row(doc, extractor_version) for doc, _, _ in found]
    # SQLite: the ids it would give, handed out first (each table's, read at once).
    tables = (Document.__table__, Section.__table__, Claim.__table__)
    firsts = next_ids(conn, tables) if conn.dialect.name == "sqlite" else [None] * 3
    if firsts[0] is not None:
        doc_ids = list(range(firsts[0], firsts[0] + len(documents)))
        insert_numbered(conn, Document.__table__, documents, firsts[0])
    else:
        doc_ids = _returned_ids(conn, _inserts()[0], documents, ("file_name",))
    pairs = zip(found, doc_ids, strict=True)
    sections = [section_row(doc_id, s) for (doc, _, _), doc_id in pairs for s in doc.sections]
    ids = _insert(conn, Section.__table__, sections, ("document_id", "idx"), firsts[1])
    section_ids = {(s["document_id"], s["idx"]): i for s, i in zip(sections, ids, strict=True)}
    flat = []
    for doc_id, (_, rows, indexes) in zip(doc_ids, found, strict=True):
        for r, index in zip(rows, indexes, strict=True):
            r["document_id"], r["section_id"] = doc_id, section_ids.get((doc_id, index))
            flat.append(r)
    if flat:
        claim_ids = _insert(conn, Claim.__table__, flat, ("uid",), firsts[2])
        lines, k = [], 0
        for doc, rows, _ in found:
            ids = claim_ids[k : k + len(rows)]
            lines += claim_line_values(doc.file_name, doc.published_on, rows, ids)
            k += len(rows)
        if conn.dialect.name == "sqlite":
            insert_numbered(conn, ClaimLine.__table__, lines, None)
        else:
            conn.execute(insert(ClaimLine), lines)
    return doc_ids


def _insert(
    conn: Connection, table, rows: list[dict], key: tuple[str, ...], first: int | None
) -> list[int]:
    """Insert the section or claim `rows`: their new ids, in order (`first`: the first id,
    SQLite's; else `key` tells them apart in what the database returns)."""
    if not rows:
        return []
    if first is not None:
        insert_numbered(conn, table, rows, first)
        return list(range(first, first + len(rows)))
    stmt = _inserts()[1] if table is Section.__table__ else _inserts()[2]
    return _returned_ids(conn, stmt, rows, key)


def _added(doc_id: int, sections: int, rows: list[dict]) -> StoreResult:
    series = frozenset((r["entity"], r["metric"]) for r in rows)
    return StoreResult("added", doc_id, sections, len(rows), series=series)
