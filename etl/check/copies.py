"""Copy detection (pure): which claims repeat one another, so that they count as one witness.

The same document twice is one witness; so is a quote that is a near-duplicate of another
document's (a news story reprinting a press release, the boilerplate "About" paragraph).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from itertools import compress
from operator import add, not_
from typing import TYPE_CHECKING, Any

import numpy as np

from etl.check.columns import ClaimColumns, coded
from etl.check.points import ClaimPoint
from etl.check.union_find import Groups

if TYPE_CHECKING:
    from db.series_documents import SeriesDocuments

COPY_SIMILARITY = 0.7  # share of word 3-shingles in common above which one quote repeats another
DENSE_MIN = 16  # fewer claims are compared pair by pair (the same groups, sooner)
DENSE_MAX = 2048  # claims compared as one matrix (n x n floats)
# Known labels are kept under this (a change of the rule or its threshold finds none known).
VERSION = f"copies 3 {COPY_SIMILARITY}".encode()


def shingles(text: str, k: int = 3) -> frozenset[tuple[str, ...]]:
    """Word k-shingles of a quote, case, accents and punctuation folded away."""
    folded = (text if text.isascii() else unicodedata.normalize("NFKC", text)).lower()
    words = re.findall(r"[^\W_]+", folded)
    if len(words) < k:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(zip(*(words[i:] for i in range(k)), strict=False))  # k-word windows


def similarity(a: frozenset, b: frozenset) -> float:
    """Overlap of the smaller shingle set with the larger: a quote padded or lightly edited by
    the text that repeats it still scores high."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def copy_groups(points: Sequence[ClaimPoint], threshold: float = COPY_SIMILARITY) -> list[int]:
    """A witness label per claim: one document's claims, or near-duplicate quotes, share one.

    The label is the smallest index of the claim's group. All pairs are compared at once: the
    shingle overlaps are one matrix product, the groups found by spreading the smallest label.
    """
    documents = [p.document for p in points]
    return copy_labels(documents, lambda: [shingles(p.quote) for p in points], threshold)


def copy_labels(
    documents: Sequence[str],
    shingled: Callable[[], Sequence[frozenset]],
    threshold: float = COPY_SIMILARITY,
) -> list[int]:
    """copy_groups of claims given as their documents and (when needed) their quotes'
    shingles."""
    n = len(documents)
    if n > 1 and documents[0] and all(d == documents[0] for d in documents):
        return [0] * n  # one document: one witness, nothing to compare
    sh = list(shingled())
    if n < DENSE_MIN or n > DENSE_MAX:
        return _labels_pairwise(documents, sh, threshold)
    vocab: dict[tuple[str, ...], int] = {}
    rows = [i for i, s in enumerate(sh) for _ in s]
    cols = [vocab.setdefault(x, len(vocab)) for s in sh for x in s]
    m = np.zeros((n, max(len(vocab), 1)))
    m[rows, cols] = 1.0
    with one_blas_thread():
        common = m @ m.T  # shingles in common: small integers, exact in floating point
    size = np.array([len(s) for s in sh], dtype=float)
    smaller = np.minimum.outer(size, size)
    with np.errstate(divide="ignore", invalid="ignore"):  # the same division as similarity()
        close = np.where(smaller > 0, common / smaller, 0.0) >= threshold
    docs = {d: k for k, d in enumerate(dict.fromkeys(d for d in documents if d))}
    doc = np.array([docs[d] if d else -1 - i for i, d in enumerate(documents)])
    close |= doc[:, None] == doc[None, :]
    label = np.arange(n)
    while True:
        new = np.where(close, label[None, :], n).min(axis=1)
        new = new[new]  # jump to the label's own label: the paths halve each round
        if np.array_equal(new, label):
            return label.tolist()
        label = new


@cache
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController  # loaded when a product is first needed

    return ThreadpoolController()


def one_blas_thread() -> Any:
    """A context in which the linear algebra library computes on one thread: the checks run
    beside other work (the dashboard's requests, other processes) and their products are
    small."""
    return _blas().limit(limits=1, user_api="blas")


def _copy_groups_pairwise(points: Sequence[ClaimPoint], threshold: float) -> list[int]:
    """copy_groups for a group too small or too big for an all-pairs matrix, pair by pair."""
    return _labels_pairwise(
        [p.document for p in points], [shingles(p.quote) for p in points], threshold
    )


def _labels_pairwise(
    documents: Sequence[str], sh: Sequence[frozenset], threshold: float
) -> list[int]:
    groups = Groups(len(documents))
    for i in range(len(documents)):
        for j in range(i + 1, len(documents)):
            if groups.find(i) == groups.find(j):
                continue
            same_doc = documents[i] == documents[j] and documents[i]
            if same_doc or similarity(sh[i], sh[j]) >= threshold:
                groups.join((i, j))
    return [groups.find(i) for i in range(len(documents))]


class ClaimKeys:
    """What identifies each stored claim row, for KnownCopies: its id and uid, its document and
    the time that document was stored (a stored claim never changes; a replaced document's
    claims come with a new time). In the order of the claims the check computes on.

    A claim's key is its uid and repr((document, version)); the second is made once per
    document, and keys are joined only as a digest asks for them."""

    def __init__(
        self,
        ids: Sequence[int],
        uids: Sequence[str],
        documents: Sequence[str],
        versions: Sequence[str],
    ) -> None:
        pairs = list(zip(documents, versions, strict=True))
        distinct = list(dict.fromkeys(pairs))
        place = {p: k for k, p in enumerate(distinct)}
        at = np.fromiter(map(place.__getitem__, pairs), np.int64, len(pairs))
        self._set(ids, uids, at, [d for d, _ in distinct], [v for _, v in distinct])

    @classmethod
    def by_document(
        cls,
        ids: Sequence[int],
        uids: Sequence[str],
        document_ids: Sequence[int],
        documents: SeriesDocuments,
    ) -> ClaimKeys:
        """The same keys from each claim's document id and the documents
        (db.series_documents), each one's name and version."""
        out = object.__new__(cls)
        at = documents.positions(np.asarray(document_ids, dtype=np.int64))
        out._set(ids, uids, at, documents.names, documents.versions)
        return out

    def _set(
        self,
        ids: Sequence[int],
        uids: Sequence[str],
        at: np.ndarray,
        documents: Sequence[str],
        versions: Sequence[str],
    ) -> None:
        """`at`: each claim's place in `documents` and `versions` (its document's name and
        version), made once each."""
        n = len(at)
        self.ids = np.asarray(ids, dtype=np.int64)
        self.uids = uids
        self._at = at
        self._texts = list(map(repr, zip(documents, versions, strict=True)))
        # Each claim's document as a number (-1 for none), to tell one document's claims fast.
        code, _ = coded(documents)
        code[list(compress(range(len(documents)), map(not_, documents)))] = -1
        self.document = code[at] if n else np.empty(0, np.int64)
        # Each key's uid length and whole length make the joined keys unambiguous.
        uid_size = np.fromiter(map(len, uids), np.int64, n)
        text_size = np.fromiter(map(len, self._texts), np.int64, len(self._texts))
        self.sizes = np.stack([uid_size, uid_size + text_size[at]], axis=1)
        self._position: tuple[np.ndarray, np.ndarray] | None = None

    @property
    def keys(self) -> list[str]:
        """Each claim's key: its uid and repr((document, version))."""
        return self._joined(np.arange(len(self._at)), apart=True)

    def _joined(self, rows: np.ndarray, apart: bool = False) -> Any:
        """The keys of the claims at these places, in order, as one string (as a list,
        `apart`)."""
        uids = list(map(self.uids.__getitem__, rows.tolist()))
        texts = list(map(self._texts.__getitem__, self._at[rows].tolist()))
        if apart:
            return list(map(add, uids, texts))
        parts = [""] * (2 * len(uids))
        parts[0::2], parts[1::2] = uids, texts
        return "".join(parts)

    def rows(self, members: Sequence[ClaimPoint]) -> list[int]:
        """The members' places in this order."""
        if isinstance(members, ClaimColumns):
            return members.rows().tolist()
        if self._position is None:  # the claims by id (a check's come in id order)
            order = np.argsort(self.ids, kind="stable")
            self._position = (order, self.ids[order])
        order, ids = self._position
        wanted = np.fromiter((p.claim_id for p in members), np.int64, len(members))
        return order[np.searchsorted(ids, wanted, side="right") - 1].tolist()  # the last

    def digest(self, members: Sequence[ClaimPoint]) -> str:
        """The members' keys, in order, as a digest."""
        at = members.rows() if isinstance(members, ClaimColumns) else self.rows(members)
        return self.digest_rows(np.asarray(at, dtype=np.int64))

    def digests(self, rows: np.ndarray, starts: np.ndarray, which: Sequence[int]) -> list[str]:
        """digest() of the runs `which` of the claims at `rows` (run k: starts[k] to
        starts[k + 1]), the keys joined and encoded once for all."""
        ids, sizes = self.ids[rows], self.sizes[rows]
        text = self._joined(rows)
        if not text.isascii():  # a character's place is not its byte's: run by run
            return [self.digest_rows(rows[starts[k] : starts[k + 1]]) for k in which]
        data = text.encode()
        ends = np.r_[0, np.cumsum(sizes[:, 1])].tolist()
        at = starts.tolist()
        out = []
        for k in which:
            a, b = at[k], at[k + 1]
            h = hashlib.blake2b(ids[a:b].tobytes(), digest_size=16, key=VERSION)
            h.update(sizes[a:b].tobytes())
            h.update(data[ends[a] : ends[b]])
            out.append(h.hexdigest())
        return out

    def digest_rows(self, rows: np.ndarray) -> str:
        """The digest of the claims at these places."""
        h = hashlib.blake2b(self.ids[rows].tobytes(), digest_size=16, key=VERSION)
        h.update(self.sizes[rows].tobytes())
        h.update(self._joined(rows).encode())
        return h.hexdigest()


class KnownCopies:
    """copy_groups that reuses the labels found before for the same claims.

    A group of claims is known by a digest of its members' `keys` (ClaimKeys: the same keys
    in the same order mean the same quotes and documents, and so the same labels). Labels not
    known are computed with the quotes `fetch` gives (claim ids -> quotes): all of
    `everything` at the first miss when nothing is known yet, else the missing members'.
    `used` holds every group's labels asked for, to keep for the next time.
    """

    def __init__(
        self,
        known: Mapping[str, str],
        keys: ClaimKeys,
        fetch: Callable[[Sequence[int]], Mapping[int, str]],
        everything: Sequence[int] = (),
    ) -> None:
        self.known, self.keys, self.fetch = known, keys, fetch
        self.everything = everything
        self.shingled: dict[int, frozenset] = {}  # claim id -> its quote's shingles
        self.used: dict[str, str] = {}

    def __call__(self, members: Sequence[ClaimPoint]) -> list[int]:
        n = len(members)
        if n == 1:
            return [0]  # alone: its own witness (as copy_groups says)
        if isinstance(members, ClaimColumns):
            doc = self.keys.document[members.rows()]
            if doc[0] >= 0 and (doc == doc[0]).all():
                return [0] * n  # one document (as copy_groups says)
        elif members[0].document and all(p.document == members[0].document for p in members):
            return [0] * n
        key = self.keys.digest(members)
        text = self.known.get(key)
        if text is None:
            text = self._found(members)
        self.used[key] = text
        return list(map(int, text.split(";")))

    def labels(self, claims: ClaimColumns, starts: np.ndarray) -> np.ndarray:
        """The labels of each run of `claims` (run k: starts[k] to starts[k + 1]), as calling
        this on each run in order gives them, in one array: the claims alone or of one
        document are told apart on the arrays, the rest digested together."""
        rows = claims.rows()
        out = np.zeros(len(rows), dtype=np.int64)
        if len(starts) < 2:
            return out
        first, size = starts[:-1], np.diff(starts)
        doc = self.keys.document[rows]
        low, high = np.minimum.reduceat(doc, first), np.maximum.reduceat(doc, first)
        needed = (size > 1) & ~((low == high) & (low >= 0))
        need = np.flatnonzero(needed).tolist()
        at = starts.tolist()
        texts = []
        for k, key in zip(need, self.keys.digests(rows, starts, need), strict=True):
            text = self.known.get(key)
            if text is None:
                text = self._found(claims[at[k] : at[k + 1]])
            self.used[key] = text
            texts.append(text)
        if texts:  # the runs' labels in order, read at once
            where = np.repeat(needed, size)
            out[where] = np.fromiter(map(int, ";".join(texts).split(";")), np.int64,
                                     int(size[needed].sum()))  # fmt: skip
        return out

    def _found(self, members: Sequence[ClaimPoint]) -> str:
        """Labels not known: computed from the members' documents and quotes."""
        if isinstance(members, ClaimColumns):
            doc, docs = members.codes("documents")
            documents = [docs[k][2] for k in doc.tolist()]
            ids = members.ids.tolist()
        else:
            documents, ids = [p.document for p in members], [p.claim_id for p in members]
        return ";".join(map(str, copy_labels(documents, lambda: self._shingles(ids))))

    def _shingles(self, ids: Sequence[int]) -> list[frozenset]:
        need = [i for i in ids if i not in self.shingled]  # few: a miss
        if need:
            if not self.known and not self.shingled and len(self.everything):
                need = np.asarray(self.everything).tolist()  # a first check: every quote
            for claim_id, quote in self.fetch(need).items():
                self.shingled[claim_id] = shingles(quote)
        return [self.shingled[i] for i in ids]
