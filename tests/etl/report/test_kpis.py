"""Headline cards: the latest believed figure as printed, against about a year earlier."""

from __future__ import annotations

from datetime import date

from etl.check.consensus import SeriesPoint
from etl.check.disputes import Dispute
from etl.report.kpis import BASIS, make_kpi, year_earlier


def sp(day: date, value: float, qualifier: str = "exact", *, high: float | None = None,
       disputed: str = "", ids=(1,), period: str | None = None) -> SeriesPoint:  # fmt: skip
    return SeriesPoint("Cyberport", "companies", period, day, value, value,
                       value if high is None else high, "count", "single", tuple(ids), (),
                       "why", qualifier, disputed)  # fmt: skip


def test_the_card_says_what_is_known():
    series = [
        sp(date(2023, 3, 21), 1900, "over", high=2000, ids=(25,)),
        sp(date(2024, 9, 23), 2000, "over", high=3000, ids=(1,)),
        sp(date(2025, 6, 5), 2200, "over", high=2300, ids=(4,)),
        sp(date(2025, 10, 21), 2300, "over", high=2400, ids=(19,)),
    ]
    k = make_kpi("companies", "Companies", "count", series)
    assert k.value_text() == "over 2,300"
    assert k.detail_text() == "2,300 to 2,400 · figure of 21 Oct 2025"
    # One basis for every card: the figure nearest a year before (23 Sep 2024, not June 2025).
    assert k.earlier.as_of == date(2024, 9, 23)
    assert k.change_text() == f"+300 {BASIS} (over 2,000 on 23 Sep 2024)"
    assert k.disputed_text() == ""


def test_no_figure_about_a_year_earlier_is_said_so():
    series = [sp(date(2025, 6, 5), 7), sp(date(2025, 10, 21), 10)]
    k = make_kpi("unicorns", "Unicorns", "count", series)
    assert k.earlier is None and k.change is None
    assert k.change_text() == "no figure from about a year earlier"
    assert year_earlier(series, series[-1]) is None
    assert year_earlier([sp(date(2024, 7, 21), 5), *series], series[-1]).value == 5
    assert year_earlier([sp(date(2024, 6, 1), 5), *series], series[-1]) is None  # 16 months


def test_disputed_with_its_severity_when_either_figure_is_in_an_open_conflict():
    series = [sp(date(2024, 10, 1), 5, ids=(5,)), sp(date(2025, 10, 21), 12, ids=(20,))]
    low = Dispute(3, "jump", "low", (5, 20))
    k = make_kpi("listed_companies", "Listed", "count", series, [low])
    assert (k.disputed, k.conflict_ids) == ("low", (3,))
    assert k.disputed_text() == "Disputed · low severity"
    high = make_kpi("funding_raised", "Funding", "HKD",
                    [sp(date(2025, 6, 5), 43.4e9, "over", disputed="high")])  # fmt: skip
    assert high.value_text() == "over HK$43.4bn" and high.disputed == "high"


def test_flows_are_not_the_total_and_no_data_is_a_dash():
    k = make_kpi("unicorns", "Unicorns", "count", [sp(date(2023, 12, 7), 7, period="P1Y")])
    assert k.latest is None and k.value_text() == "–" and k.detail_text() == "no figure yet"
