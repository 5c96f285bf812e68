"""While a serious conflict is open, its clearly weaker side stays off the believed line."""

from __future__ import annotations

from datetime import date

from etl.check.consensus import reconcile
from etl.check.disputes import Dispute, contests, set_aside, strength, worst_severity
from etl.check.quality import NEWS, OWN_RELEASE, SourceQuality
from tests.factories import make_point

D23, D25 = date(2023, 12, 7), date(2025, 6, 5)
OWN = SourceQuality(OWN_RELEASE, "published by the organisation itself")
WEAK = SourceQuality(NEWS * 0.5, "reported by t.com, with 3 garbled figures")


def funding(value: float, day: date, publisher: str, document: str):
    return make_point(value, day, publisher, unit="HKD", metric="funding_raised",
                      qualifier="over", high=value * 1.002, document=document)  # fmt: skip


def falls():
    news = funding(375.7e9, D23, "t.com", "news.txt")
    release = funding(43.4e9, D25, "Cyberport", "release.txt")
    return news, release, Dispute(1, "decrease", "high", (news.claim_id, release.claim_id))


def test_a_fall_in_a_running_total_has_two_sides() -> None:
    news, release, _ = falls()
    (contest,) = contests([news, release], cumulative=True)
    assert contest.kind == "decrease"
    assert {contest.side_a[0].claim_id, contest.side_b[0].claim_id} == {
        news.claim_id,
        release.claim_id,
    }
    assert contests([news, release], cumulative=False) == []  # a count may shrink: low only


def test_the_weaker_source_is_set_aside_and_the_stronger_believed_as_disputed() -> None:
    news, release, dispute = falls()
    quality = {"news.txt": WEAK, "release.txt": OWN}
    aside = set_aside([news, release], [dispute], quality, cumulative=True)
    assert set(aside) == {news.claim_id}
    assert aside[news.claim_id].winners == (release.claim_id,)
    assert "weaker witness" in aside[news.claim_id].reason
    (point,) = reconcile([news, release], disputes=[dispute], quality=quality, cumulative=True)
    assert (point.as_of, point.value, point.qualifier) == (D25, 43.4e9, "over")
    assert point.disputed == "high"
    assert news.claim_id in point.overridden
    assert "Believed over more than HK$375.7bn" in point.explanation
    assert "conflict #1 (high severity) awaits a reviewer" in point.explanation


def test_without_an_open_conflict_both_figures_stand() -> None:
    news, release, _ = falls()
    quality = {"news.txt": WEAK, "release.txt": OWN}
    points = reconcile([news, release], quality=quality, cumulative=True)
    assert [p.value for p in points] == [375.7e9, 43.4e9]
    assert all(p.disputed == "" for p in points)


def test_sources_of_equal_standing_both_stay_disputed() -> None:
    news, release, dispute = falls()
    quality = {"news.txt": OWN, "release.txt": OWN}
    assert set_aside([news, release], [dispute], quality, cumulative=True) == {}
    points = reconcile([news, release], disputes=[dispute], quality=quality, cumulative=True)
    assert [p.disputed for p in points] == ["high", "high"]


def test_an_accepted_claim_is_never_set_aside() -> None:
    news, release, dispute = falls()
    quality = {"news.txt": WEAK, "release.txt": OWN}
    accepted = frozenset({news.claim_id})
    aside = set_aside([news, release], [dispute], quality, accepted, cumulative=True)
    assert set(aside) == {release.claim_id}
    assert strength([news], quality, accepted) == float("inf")


def test_a_share_above_one_hundred_percent_cannot_be() -> None:
    bad = make_point(500, D23, "t.com", unit="percent", metric="local_share_pct")
    good = make_point(40, D25, "Cyberport", unit="percent", metric="local_share_pct")
    dispute = Dispute(4, "implausible", "high", (bad.claim_id,))
    aside = set_aside([bad, good], [dispute])
    assert aside[bad.claim_id].winners == ()
    assert "cannot be" in aside[bad.claim_id].reason
    assert [p.value for p in reconcile([bad, good], disputes=[dispute])] == [40]


def test_a_figure_ten_times_its_neighbours_loses_to_them() -> None:
    days = [date(2024, m, 1) for m in (1, 3, 5, 7, 9)]
    values = (1000, 1100, 12000, 1200, 1300)
    pts = [make_point(v, d, f"P{k}") for k, (v, d) in enumerate(zip(values, days, strict=True))]
    odd = pts[2]
    dispute = Dispute(9, "magnitude", "high", tuple(p.claim_id for p in pts))
    aside = set_aside(pts, [dispute])
    assert set(aside) == {odd.claim_id}


def test_sides_come_from_the_rules_however_conflicts_are_grouped() -> None:
    """One stored conflict holding two falls: each fall is decided on its own two figures."""
    a = funding(300e9, date(2023, 1, 1), "t.com", "n1.txt")
    b = funding(30e9, date(2023, 6, 1), "Cyberport", "r1.txt")
    c = funding(400e9, date(2024, 1, 1), "t.com", "n2.txt")
    d = funding(45e9, date(2024, 6, 1), "Cyberport", "r2.txt")
    quality = {"n1.txt": WEAK, "n2.txt": WEAK, "r1.txt": OWN, "r2.txt": OWN}
    grouped = Dispute(1, "decrease", "high", tuple(p.claim_id for p in (a, b, c, d)))
    aside = set_aside([a, b, c, d], [grouped], quality, cumulative=True)
    assert set(aside) == {a.claim_id, c.claim_id}


def test_a_low_severity_conflict_marks_but_sets_nothing_aside() -> None:
    five = make_point(5, D25, "Cyberport", metric="listed_companies")
    twelve = make_point(12, date(2025, 10, 21), "Cyberport", metric="listed_companies")
    dispute = Dispute(3, "jump", "low", (five.claim_id, twelve.claim_id))
    points = reconcile([five, twelve], disputes=[dispute], cumulative=True)
    assert [(p.value, p.disputed) for p in points] == [(5, "low"), (12, "low")]
    assert worst_severity(["low", "high", "medium"]) == "high"
    assert worst_severity([]) == ""
