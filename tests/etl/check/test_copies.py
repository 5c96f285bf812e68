"""Copy detection: a reprint or the same document twice is one witness."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.check.copies import (
    ClaimKeys,
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
