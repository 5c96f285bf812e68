"""A document's standing as a witness: its kind and publisher, less its flagged figures."""

from __future__ import annotations

from etl.check.quality import (
    FLOOR,
    NEWS,
    OFFICIAL,
    OWN_RELEASE,
    UNKNOWN,
    DocumentSignals,
    qualities,
    source_quality,
)

OWN = ("Cyberport", "Hong Kong Cyberport")


def sig(**kw) -> DocumentSignals:
    return DocumentSignals(document=kw.pop("document", "d.txt"), **kw)


def test_the_organisations_own_release_stands_highest() -> None:
    q = source_quality(sig(kind="press release", publisher="cyberport", claims=7), OWN)
    assert q.score == OWN_RELEASE
    assert q.words == "published by the organisation itself"
    other = source_quality(sig(kind="press release", publisher="HKSAR Government"), OWN)
    assert (other.score, other.words) == (OFFICIAL, "published by HKSAR Government")


def test_a_news_report_retells() -> None:
    q = source_quality(sig(kind="news report", claims=1), OWN)
    assert (q.score, q.words) == (NEWS, "reported in the news")
    assert source_quality(sig(kind="news feature", publisher="Daily"), OWN).words == (
        "reported by Daily"
    )
    assert source_quality(sig(), OWN).score == UNKNOWN


def test_garbled_and_impossible_figures_weaken_the_whole_text() -> None:
    q = source_quality(
        sig(kind="news feature", publisher="t.com", claims=8, garbled=3, implausible=1), OWN
    )
    assert q.score == NEWS * 0.5
    assert "3 garbled (machine-translation debris) and 1 impossible among its 8 figures" in q.words
    debris = source_quality(sig(kind="news feature", claims=2, garbled=2), OWN)
    assert debris.score == NEWS * FLOOR


def test_qualities_by_file_name() -> None:
    found = qualities([sig(document="a.txt", kind="press release", publisher="Cyberport")], OWN)
    assert found["a.txt"].score == OWN_RELEASE
