"""The metric a figure with no noun carries over from a figure before it."""

from __future__ import annotations

from etl.extract.carried_metrics import carried_metric
from etl.extract.sentence_figures import find_figures


def _carried(s: str, figure: str, unit: str, kind: str, value: float) -> tuple[str, str] | None:
    start = s.index(figure)
    before = s[:start]
    out = [f for f in find_figures(s) if f.end <= start]
    found = carried_metric(s, before, before.lower(), out, (unit, kind, value), (0, len(s)))
    return (found[0].metric, found[1]) if found else None


def test_a_running_total_takes_the_metric_of_the_amount_it_adds_to() -> None:
    s = "Its companies raised HK$2 billion in 2024, taking the total to HK$40 billion."
    assert _carried(s, "HK$40", "HKD", "money", 4e10) == ("funding_raised", "total")


def test_a_total_after_a_count_of_companies_is_of_what_they_did() -> None:
    s = "Two companies from the hub went public this year, bringing the total to five."
    assert _carried(s, "five", "count", "count", 5) == ("listed_companies", "total")


def test_a_share_of_an_amount_in_a_stretch_of_time_is_that_amounts() -> None:
    s = "Its companies have raised HK$30 billion, and HK$4 billion of that in 2024 alone."
    assert _carried(s, "HK$4", "HKD", "money", 4e9) == ("funding_raised", "share")
    s = "Its companies have raised HK$30 billion, and HK$4 billion of that came from abroad."
    assert _carried(s, "HK$4", "HKD", "money", 4e9) is None  # no stretch of time
