"""How good a witness each document is, from what its own claims show (pure).

A figure is only as good as the text it comes from. Two signals are at hand for every document:
what kind of text it is and who published it (the organisation's own release says what the
organisation counts; a news report retells it), and how its other figures came through (a text
whose figures are garbled, the debris machine translation leaves, or impossible is a weaker
witness for the figures that look clean too).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

# What a witness starts from, by kind of text (the words a manifest uses for `kind`).
OWN_RELEASE = 1.0  # the organisation's own release, fact sheet or report: its own count
OFFICIAL = 0.8  # a release or report from someone else (a government, a partner)
NEWS = 0.6  # a news report or feature: a retelling, often of the release itself
UNKNOWN = 0.5  # nothing is known of the text
OFFICIAL_KINDS = ("press release", "release", "annual report", "report", "fact sheet",
                  "statement", "speech", "factsheet")  # fmt: skip
NEWS_KINDS = ("news", "feature", "article", "digest", "blog", "interview")
# Every flagged figure in a text takes its share of the text's standing, down to this floor: a
# text with half its figures garbled keeps half; one with nothing but debris keeps a fifth.
FLOOR = 0.2


@dataclass(frozen=True)
class DocumentSignals:
    """What a document's claims say about it (counted over all its claims, every metric)."""

    document: str  # file name
    kind: str | None = None
    publisher: str | None = None
    claims: int = 0
    garbled: int = 0
    implausible: int = 0


@dataclass(frozen=True)
class SourceQuality:
    """A document's standing as a witness (0-1] and the words that say why."""

    score: float
    words: str  # "published by the organisation itself", "reported by X, with 3 garbled ..."


NEUTRAL = SourceQuality(1.0, "")


def _is_own(publisher: str | None, own_names: Iterable[str]) -> bool:
    name = (publisher or "").strip().lower()
    return bool(name) and any(name == n.strip().lower() for n in own_names)


def _base(sig: DocumentSignals, own_names: Iterable[str]) -> tuple[float, str]:
    kind = (sig.kind or "").strip().lower()
    own = _is_own(sig.publisher, own_names)
    by = f" by {sig.publisher.strip()}" if sig.publisher and sig.publisher.strip() else ""
    if kind and any(k in kind for k in NEWS_KINDS):
        return NEWS, f"reported{by or ' in the news'}"
    if kind and any(k in kind for k in OFFICIAL_KINDS):
        if own:
            return OWN_RELEASE, "published by the organisation itself"
        return OFFICIAL, f"published{by or ' by another body'}"
    if own:
        return OWN_RELEASE, "published by the organisation itself"
    return UNKNOWN, f"a {kind}{by}" if kind else f"a text of unknown kind{by}"


def source_quality(sig: DocumentSignals, own_names: Iterable[str] = ()) -> SourceQuality:
    """The standing of one document: its kind and publisher, less its flagged figures."""
    score, words = _base(sig, own_names)
    flagged = sig.garbled + sig.implausible
    if sig.claims and flagged:
        score *= max(1.0 - flagged / sig.claims, FLOOR)
        parts = []
        if sig.garbled:
            parts.append(f"{sig.garbled} garbled (machine-translation debris)")
        if sig.implausible:
            parts.append(f"{sig.implausible} impossible")
        words += f", with {' and '.join(parts)} among its {sig.claims} figures"
    return SourceQuality(round(score, 4), words)


def qualities(
    signals: Iterable[DocumentSignals], own_names: Iterable[str] = ()
) -> dict[str, SourceQuality]:
    """Document file name -> its standing."""
    rows = ((s.document, s.kind, s.publisher, s.claims, s.garbled, s.implausible) for s in signals)
    return qualities_of_rows(rows, own_names)


def qualities_of_rows(
    rows: Iterable[tuple], own_names: Iterable[str] = ()
) -> dict[str, SourceQuality]:
    """Document file name -> its standing, from signals as rows (DocumentSignals' fields in
    order); worked out once per distinct kind, publisher and counts (documents alike are
    many)."""
    names = tuple(own_names)
    rows = rows if isinstance(rows, list) else list(rows)
    keys = list(map(itemgetter(slice(1, None)), rows))  # all but the name
    seen = {k: source_quality(DocumentSignals("", *k), names) for k in dict.fromkeys(keys)}
    return dict(zip(map(itemgetter(0), rows), map(seen.__getitem__, keys), strict=True))
