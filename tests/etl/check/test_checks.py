"""Conflict detection: one test per kind, and series that must raise nothing."""

from __future__ import annotations

from datetime import date

from etl.check import rules
from etl.check.checks import ClaimPoint, build_figures, detect, detect_all
from etl.check.rules import Thresholds

_ids = iter(range(1, 10_000))


def cp(
    metric: str,
    value: float,
    as_of: date,
    *,
    low: float | None = None,
    high: float | None = None,
    unit: str = "count",
    qualifier: str = "exact",
    period: str | None = None,
    kind: str = "press release",
    hkd_rate: float = 1.0,
    entity: str = "Cyberport",
) -> ClaimPoint:
    i = next(_ids)
    lo = value if low is None else low
    hi = value if high is None else high
    money = unit in ("HKD", "USD", "RMB")
    return ClaimPoint(
        i, f"u{i}", entity, metric, value, unit, qualifier, lo * hkd_rate, hi * hkd_rate,
        as_of, period, value * hkd_rate if money else None, kind, None, f"doc{i}.txt",
    )  # fmt: skip


def over(metric: str, value: float, step: float, as_of: date, **kw) -> ClaimPoint:
    return cp(metric, value, as_of, low=value, high=value + step, qualifier="over", **kw)


def kinds(found) -> list[str]:
    return sorted(f.kind for f in found)


def seed_funding() -> list[ClaimPoint]:
    return [
        over("funding_raised", 375.7e9, 0.1e9, date(2023, 12, 7), unit="HKD", kind="news feature"),
        over("funding_raised", 10e9, 1e9, date(2023, 12, 7), unit="USD", period="P1Y",
             kind="news feature", hkd_rate=7.8),
        over("funding_raised", 43.4e9, 0.1e9, date(2025, 6, 5), unit="HKD"),
    ]  # fmt: skip


def test_the_seed_funding_figures_give_a_decrease_and_a_flow_above_the_stock() -> None:
    found = detect(seed_funding(), label="Funding raised", cumulative=True)
    assert kinds(found) == ["decrease", "flow_exceeds_stock"]
    dec = next(f for f in found if f.kind == "decrease")
    assert dec.severity == "high"
    assert [c.value for c in dec.claims] == [375.7e9, 43.4e9]
    assert dec.explanation == (
        "Funding raised fell from more than HK$375.7bn (news feature, 7 Dec 2023) to more than "
        "HK$43.4bn (press release, 5 Jun 2025); a cumulative total cannot fall — one figure is "
        "probably off by a factor of ten."
    )
    flow = next(f for f in found if f.kind == "flow_exceeds_stock")
    assert [c.value for c in flow.claims] == [10e9, 43.4e9]
    assert "US$10bn (about HK$78bn)" in flow.explanation
    assert "in one year" in flow.explanation


def test_companies_growing_with_over_figures_raise_nothing() -> None:
    pts = [
        over("companies", 1900, 100, date(2023, 3, 21)),
        over("companies", 2000, 1000, date(2023, 12, 7)),
        over("companies", 2000, 1000, date(2024, 9, 23)),
        over("companies", 2200, 100, date(2025, 6, 5)),
        over("companies", 2300, 100, date(2025, 10, 21)),
    ]
    assert detect(pts, label="Companies", cumulative=False) == []


def test_over_2000_and_over_2200_can_both_hold_but_two_exact_figures_cannot() -> None:
    same_time = [over("companies", 2000, 1000, date(2024, 1, 1)),
                 over("companies", 2200, 100, date(2024, 1, 20))]  # fmt: skip
    assert detect(same_time, label="Companies", cumulative=False) == []
    exact = [
        cp("companies", 1900, date(2024, 1, 1), low=1850, high=1950),
        cp("companies", 2300, date(2024, 1, 20), low=2250, high=2350),
    ]
    (found,) = detect(exact, label="Companies", cumulative=False)
    assert found.kind == "disagree"
    assert found.explanation.startswith("Companies: 1,900 (press release, 1 Jan 2024) and 2,300")
    assert "19 days apart, cannot both hold" in found.explanation


def test_disagreement_only_within_the_window() -> None:
    far = [cp("companies", 1900, date(2024, 1, 1), low=1850, high=1950),
           cp("companies", 1500, date(2024, 6, 1), low=1450, high=1550)]  # fmt: skip
    assert kinds(detect(far, label="Companies", cumulative=False)) == ["decrease"]
    assert (
        detect(far, label="Companies", cumulative=False, th=Thresholds(shrink_window_days=30)) == []
    )


def test_a_small_restatement_of_a_cumulative_total_is_no_decrease() -> None:
    pts = [cp("unicorns", 100, date(2024, 1, 1)), cp("unicorns", 99.5, date(2024, 6, 1))]
    assert detect(pts, label="Unicorns", cumulative=True) == []
    pts.append(cp("unicorns", 90, date(2024, 9, 1)))
    assert kinds(detect(pts, label="Unicorns", cumulative=True)) == ["decrease"]


def test_magnitude_outlier_against_its_neighbours() -> None:
    values = [30, 32, 340, 33, 35]
    pts = [
        cp("funding_raised", v * 1e9, date(2023, 2 * i + 1, 1), unit="HKD",
           low=v * 0.999e9, high=v * 1.001e9)
        for i, v in enumerate(values)
    ]  # fmt: skip
    found = detect(pts, label="Funding raised", cumulative=True)
    mag = [f for f in found if f.kind == "magnitude"]
    assert len(mag) == 1
    assert mag[0].claims[0].value == 340e9
    assert "factor of ten" in mag[0].explanation
    # the outlier does not also raise decreases and jumps of its own
    assert kinds(found) == ["magnitude"]


def test_implausible_share_and_negative_count() -> None:
    share = [over("local_share_pct", 500, 100, date(2023, 12, 7), unit="percent")]
    (found,) = detect(share, label="Share of local companies", cumulative=False)
    assert (found.kind, found.severity) == ("implausible", "high")
    assert "cannot be above 100%" in found.explanation
    neg = [cp("companies", -5, date(2024, 1, 1))]
    assert kinds(detect(neg, label="Companies", cumulative=False)) == ["implausible"]


def test_jump_is_low_severity_and_needs_a_real_step() -> None:
    pts = [
        cp("listed_companies", 5, date(2025, 6, 5)),
        cp("listed_companies", 12, date(2025, 10, 21)),
    ]
    (found,) = detect(pts, label="Listed companies", cumulative=True)
    assert (found.kind, found.severity) == ("jump", "low")
    assert "from 5 (press release, 5 Jun 2025) to 12" in found.explanation
    small = [cp("unicorns", 1, date(2025, 1, 1)), cp("unicorns", 3, date(2025, 4, 1))]
    assert detect(small, label="Unicorns", cumulative=True) == []
    steady = [cp("unicorns", 7, date(2025, 6, 5)), cp("unicorns", 10, date(2025, 10, 21))]
    assert detect(steady, label="Unicorns", cumulative=True) == []


def test_flow_within_the_stock_is_fine() -> None:
    pts = [
        cp("unicorns", 7, date(2023, 12, 7), period="P1Y"),
        cp("unicorns", 7, date(2025, 6, 5)),
        cp("unicorns", 10, date(2025, 10, 21)),
    ]
    assert detect(pts, label="Unicorns", cumulative=True) == []


def test_repeated_figures_collapse_and_identity_ignores_which_document() -> None:
    a = [cp("companies", 1900, date(2024, 1, 1), low=1850, high=1950),
         cp("companies", 2300, date(2024, 1, 2), low=2250, high=2350)]  # fmt: skip
    repeat = cp("companies", 2300, date(2024, 1, 2), low=2250, high=2350)
    assert len(build_figures([*a, repeat]).members) == 2
    (first,) = detect(a, label="Companies", cumulative=False)
    (second,) = detect([*a, repeat], label="Companies", cumulative=False)
    assert first.uid == second.uid
    assert len(second.claims) == 3


def test_detect_all_keeps_entities_and_metrics_apart() -> None:
    pts = [
        cp("companies", 1900, date(2024, 1, 1), low=1850, high=1950),
        cp("companies", 2300, date(2024, 1, 2), low=2250, high=2350, entity="Science Park"),
        cp("unicorns", 2300, date(2024, 1, 2)),
    ]
    assert detect_all(pts, {"companies": ("Companies", False)}) == []


def test_figures_that_cannot_all_hold_are_one_conflict_naming_each() -> None:
    totals = [30, 31, 45, 60]  # HK$ billion, within three months: 30/31 agree, the rest cannot
    pts = [
        cp("funding_raised", v * 1e9, date(2024, 3 + i // 2, 1 + 10 * (i % 2)), unit="HKD",
           low=v * 1e9, high=v * 1.001e9, qualifier="over")
        for i, v in enumerate(totals)
    ]  # fmt: skip
    found = [
        f for f in detect(pts, label="Funding raised", cumulative=False) if f.kind == "disagree"
    ]
    assert len(found) == 1  # one item for a reviewer, not five pairs
    (group,) = found
    assert sorted(c.value for c in group.claims) == [v * 1e9 for v in totals]
    for v in totals:
        assert f"HK${v}bn" in group.explanation
    assert group.explanation.endswith("cannot all hold.")
    assert group.severity == "high"  # 60 against 30 is twice
    # Identity comes from the figures, not the order they arrive in.
    assert detect(list(reversed(pts)), label="F", cumulative=False)[0].uid == group.uid


def test_two_thousand_figures_on_one_day_make_one_conflict_with_bounded_work(monkeypatch) -> None:
    calls = []
    real = rules._disagree
    monkeypatch.setattr(rules, "_disagree", lambda *a: calls.append(1) or real(*a))
    pts = [cp("companies", 1000 + 7 * i, date(2024, 1, 1)) for i in range(2000)]
    (found,) = detect(pts, label="Companies", cumulative=False)
    assert found.kind == "disagree" and len(found.claims) == 2000
    th = Thresholds()
    assert len(calls) <= 2000 * (th.disagree_nearest + 2)  # never all 2 million pairs
