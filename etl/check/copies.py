"""Copy detection (pure): which claims repeat one another, so that they count as one witness.

The same document twice is one witness; so is a quote that is a near-duplicate of another
document's (a news story reprinting a press release, the boilerplate "About" paragraph).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np

from etl.check.points import ClaimPoint

COPY_SIMILARITY = 0.7  # share of word 3-shingles in common above which one quote repeats another
DENSE_MAX = 2048  # claims compared as one matrix (n x n floats)


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
    n = len(points)
    if n < 2 or n > DENSE_MAX:
        return _copy_groups_pairwise(points, threshold)
    sh = [shingles(p.quote) for p in points]
    vocab: dict[tuple[str, ...], int] = {}
    rows = [i for i, s in enumerate(sh) for _ in s]
    cols = [vocab.setdefault(x, len(vocab)) for s in sh for x in s]
    m = np.zeros((n, max(len(vocab), 1)))
    m[rows, cols] = 1.0
    common = m @ m.T  # shingles in common: small integers, exact in floating point
    size = np.array([len(s) for s in sh], dtype=float)
    smaller = np.minimum.outer(size, size)
    with np.errstate(divide="ignore", invalid="ignore"):  # the same division as similarity()
        close = np.where(smaller > 0, common / smaller, 0.0) >= threshold
    docs = {d: k for k, d in enumerate(dict.fromkeys(p.document for p in points if p.document))}
    doc = np.array([docs[p.document] if p.document else -1 - i for i, p in enumerate(points)])
    close |= doc[:, None] == doc[None, :]
    label = np.arange(n)
    while True:
        new = np.where(close, label[None, :], n).min(axis=1)
        new = new[new]  # jump to the label's own label: the paths halve each round
        if np.array_equal(new, label):
            return label.tolist()
        label = new


def _copy_groups_pairwise(points: Sequence[ClaimPoint], threshold: float) -> list[int]:
    """copy_groups for a group too big for an all-pairs matrix, pair by pair."""
    parent = list(range(len(points)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sh = [shingles(p.quote) for p in points]
    for i in range(len(points)):
        for j in range(i + 1, len(points)):
            ri, rj = find(i), find(j)
            if ri == rj:
                continue
            same_doc = points[i].document == points[j].document and points[i].document
            if same_doc or similarity(sh[i], sh[j]) >= threshold:
                parent[max(ri, rj)] = min(ri, rj)
    return [find(i) for i in range(len(points))]
