"""Copy detection: a reprint or the same document twice is one witness."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from db.series_documents import SeriesDocuments
from etl.check.columns import ClaimColumns
from etl.check.copies import (
    ClaimKeys,
    KnownCopies,
    _copy_groups_pairwise,
    copy_groups,
    shingles,
    similarity,
)
from tests.factories import make_point as cp


def test_near_duplicate_quotes_are_copies() -> None:
    release = "Cyberport is home to over 2,200 start-ups and technology companies, it said."
    reprint = "Cyberport is now home to over 2,200 start-ups and technology companies, it said."
    other = "The park hosts more than 2,300 firms according to its latest count."
    assert similarity(shingles(release), shingles(reprint)) >= 0.7
    assert similarity(shingles(release), shingles(other)) < 0.2
    d = date(2025, 6, 5)
    pts = [
        cp(2200, d, "Cyberport", quote=release),
        cp(2200, d + timedelta(days=2), "Daily News", quote=reprint),
        cp(2300, d, "Weekly", quote=other),
        cp(2300, d, "Weekly", quote="Another sentence naming 2,300.", document="Weekly-x.txt"),
    ]
    labels = copy_groups(pts)
    assert labels[0] == labels[1]
    assert labels[2] != labels[0]
    assert labels[3] != labels[2]  # same publisher, other document, other words: not a copy


WORDS = ["Cyberport", "hosts", "over", "2,200", "start-ups", "the", "park", "said", "firms",
         "community", "members", "and"]  # fmt: skip


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(st.lists(st.sampled_from(WORDS), max_size=9), st.sampled_from(["a", "b", ""])),
        max_size=14,
    )
)
def test_all_pairs_at_once_group_like_pair_by_pair(items) -> None:
    d = date(2024, 1, 1)
    pts = [
        cp(1, d, "P", quote=" ".join(words), document=doc or f"own-{k}.txt")
        for k, (words, doc) in enumerate(items)
    ]
    assert copy_groups(pts) == _copy_groups_pairwise(pts, 0.7)


@given(
    st.lists(
        st.tuples(st.sampled_from(["a.txt", "b'.txt", "é.md", ""]), st.sampled_from(["1", "2"])),
        max_size=12,
    )
)
def test_claim_keys_are_each_uid_and_its_documents_version(rows: list[tuple[str, str]]) -> None:
    """Made once per document when each document has one version, per pair when not."""
    uids = [f"u{k}" for k in range(len(rows))]
    docs, versions = [d for d, _ in rows], [v for _, v in rows]
    keys = ClaimKeys(list(range(len(rows))), uids, docs, versions)
    assert keys.keys == [u + repr(pair) for u, pair in zip(uids, rows, strict=True)]
    assert keys.sizes.tolist() == [[len(u), len(k)] for u, k in zip(uids, keys.keys, strict=True)]


def test_products_are_computed_on_one_blas_thread() -> None:
    from etl.check.copies import _blas, one_blas_thread

    with one_blas_thread():
        assert all(c["num_threads"] == 1 for c in _blas().info() if c["user_api"] == "blas")


NAMES = ["a.txt", "b'.txt", "é.md", "", "c.pdf"]


@given(
    st.lists(st.tuples(st.integers(0, 4), st.sampled_from(["", "x", "é"])), max_size=14),
    st.lists(st.sampled_from(NAMES), min_size=5, max_size=5, unique=True),
)
def test_keys_by_document_are_the_keys_of_each_claims_document(
    rows: list[tuple[int, str]], names: list[str]
) -> None:
    """Made from document ids and each document's name and version, the keys, sizes,
    documents and digests are those made from each claim's own name and version."""
    versions = [f"2025-0{k + 1}-01" for k in range(len(names))]
    n = len(names)
    documents = SeriesDocuments(np.arange(14, 9, -1), names, [None] * n, ["pub"] * n, versions,
                                [1] * n, [0] * n, [0] * n)  # fmt: skip
    doc_ids = [14 - k for k, _ in rows]
    uids = [f"u{k}{extra}" for k, (_, extra) in enumerate(rows)]
    ids = list(range(100, 100 + len(rows)))
    by_doc = ClaimKeys.by_document(ids, uids, doc_ids, documents)
    plain = ClaimKeys(ids, uids, [names[k] for k, _ in rows], [versions[k] for k, _ in rows])
    assert by_doc.keys == plain.keys
    assert by_doc.sizes.tolist() == plain.sizes.tolist()
    same = by_doc.document[:, None] == by_doc.document[None, :]
    assert (same == (plain.document[:, None] == plain.document[None, :])).all()
    assert ((by_doc.document == -1) == (plain.document == -1)).all()
    if rows:
        at = np.arange(len(rows))[::-1]
        starts = np.array([0, len(rows) // 2, len(rows)])
        assert by_doc.digests(at, starts, [0, 1]) == [
            plain.digest_rows(at[starts[k] : starts[k + 1]]) for k in (0, 1)
        ]


@settings(max_examples=40)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2)), min_size=1, max_size=30),
       st.data())  # fmt: skip
def test_labels_of_every_run_at_once_are_each_runs_own(rows: list[tuple[int, int]], data) -> None:
    """KnownCopies.labels gives what calling it on each run in turn gives, known or not,
    and keeps the same labels for the next time."""
    d = date(2024, 1, 1)
    quote = "Cyberport hosts {} start-ups, the park said."
    pts = [cp(1, d, "P", quote=quote.format(q), document=f"d{doc}.txt") for doc, q in rows]
    claims = ClaimColumns.of(pts)
    cuts = sorted(data.draw(st.sets(st.integers(1, len(pts) - 1), max_size=5))) if rows[1:] else []
    starts = np.array([0, *cuts, len(pts)])
    order = np.array(data.draw(st.permutations(range(len(pts)))))
    view = claims.take(order)
    keys = ClaimKeys([p.claim_id for p in pts], [p.uid for p in pts],
                     [p.document for p in pts], ["v"] * len(pts))  # fmt: skip
    quotes = {p.claim_id: p.quote for p in pts}
    known = {}
    one_by_one = KnownCopies(known, keys, lambda ids: {i: quotes[i] for i in ids})
    expected = [label for k in range(len(starts) - 1)
                for label in one_by_one(view[starts[k] : starts[k + 1]])]  # fmt: skip
    learned = dict(list(one_by_one.used.items())[::2])  # some known before, some not
    for known_before in ({}, learned):
        at_once = KnownCopies(known_before, keys, lambda ids: {i: quotes[i] for i in ids})
        assert at_once.labels(view, starts).tolist() == expected
        assert list(at_once.used.items()) == list(one_by_one.used.items())
