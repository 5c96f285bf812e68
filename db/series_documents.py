"""The documents of a series' claims, as the checks read them: one column per field.

Documents are read once each, all of them in one pass when the claims name many (faster than
looking each up); what the checks work out per document (its standing, its key, its source)
is then worked out on these columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from operator import itemgetter

import numpy as np
from sqlalchemy import Connection, Select, func, select

from db.models import Claim, Document, DocumentCount
from db.raw_rows import raw_rows

NAMED_AT_MOST = 500  # more documents than this are read in one pass over all of them


@dataclass(frozen=True)
class SeriesDocuments:
    """Documents, one column each (in the order read): id, file name, kind, publisher, version
    (when it was stored, as text) and db.documents' signals: how many claims it holds, how many
    of them are flagged garbled, implausible."""

    ids: np.ndarray
    names: list[str]
    kinds: list[str | None]
    publishers: list[str | None]
    versions: list[str]
    claims: list[int]
    garbled: list[int]
    implausible: list[int]

    def __len__(self) -> int:
        return len(self.ids)

    def signals(self) -> list[tuple]:
        """Each document's db.documents.SIGNAL_FIELDS."""
        return list(zip(self.names, self.kinds, self.publishers, self.claims, self.garbled,
                        self.implausible, strict=True))  # fmt: skip

    def positions(self, ids: np.ndarray) -> np.ndarray:
        """Each of these documents' place in the columns."""
        order = self._order
        return order[np.searchsorted(self.ids, ids, sorter=order)] if len(order) else ids

    @cached_property
    def _order(self) -> np.ndarray:
        return np.argsort(self.ids)

    def rows(self) -> Iterator[tuple]:
        """Each document's (id, name, kind, publisher, version)."""
        return zip(self.ids.tolist(), self.names, self.kinds, self.publishers, self.versions,
                   strict=True)  # fmt: skip


def series_documents(conn: Connection, ids: np.ndarray) -> SeriesDocuments:
    """The documents with these ids (distinct, sorted)."""
    stmt, flagged = _documents(), _flagged()
    named = len(ids) <= NAMED_AT_MOST
    if named:
        stmt = stmt.where(Document.id.in_(ids.tolist()))
        flagged = flagged.where(Claim.document_id.in_(ids.tolist()))
    rows = raw_rows(conn, stmt, {}, binary=not named)
    cols = list(zip(*rows, strict=True)) if rows else [()] * 6
    read = np.fromiter(cols[0], np.int64, len(rows))
    at = np.flatnonzero(np.isin(read, ids)) if not named else np.arange(len(rows))
    pick = _picker(at)
    docs = SeriesDocuments(read[at], *map(pick, cols[1:4]),
                           list(map(str, pick(cols[4]))),  # str: PostgreSQL gives a datetime
                           pick(cols[5]), [0] * len(at), [0] * len(at))  # fmt: skip
    marks: dict[int, list[int]] = {}
    for doc_id, flags in raw_rows(conn, flagged, {}, binary=not named):
        found = flags.split(";")
        mark = marks.setdefault(doc_id, [0, 0])
        mark[0] += found.count("garbled")
        mark[1] += found.count("implausible")
    flagged_ids = np.fromiter(marks, np.int64, len(marks))
    known = np.isin(flagged_ids, docs.ids)
    for k, doc_id in zip(docs.positions(flagged_ids[known]).tolist(),
                         flagged_ids[known].tolist(), strict=True):  # fmt: skip
        docs.garbled[k], docs.implausible[k] = marks[doc_id]
    return docs


def _picker(at: np.ndarray):
    """A function giving the items at these places, in order, as a list."""
    if len(at) == 0:
        return lambda values: []
    if len(at) == 1:
        k = int(at[0])
        return lambda values: [values[k]]
    get = itemgetter(*at.tolist())
    return lambda values: list(get(values))


@cache
def _documents() -> Select:
    """Every document's id, name, kind, publisher, time stored and number of claims."""
    cols = (Document.id, Document.file_name, Document.kind, Document.publisher,
            Document.ingested_at, func.coalesce(DocumentCount.claims, 0))  # fmt: skip
    return select(*cols).outerjoin(DocumentCount, DocumentCount.document_id == Document.id)


@cache
def _flagged() -> Select:
    """The flags of every flagged claim, with its document (ix_claims_flags)."""
    return select(Claim.document_id, Claim.flags).where(Claim.flags > "")
