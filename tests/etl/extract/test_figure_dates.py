"""Which date of its sentence a figure stands at: own sentences."""

from __future__ import annotations

from datetime import date

from etl.extract.asof import find_dates
from etl.extract.figure_dates import date_for
from etl.extract.sentence_figures import find_figures


def _dated(s: str, ref: date) -> list[tuple[float, date | None, str | None]]:
    figures, found = find_figures(s, keep_bare=True), find_dates(s, 0, len(s), ref)
    out = []
    for i, f in enumerate(figures):
        d = date_for(s, f, figures, found, i)
        out.append((f.number.value, d.as_of if d else None, d.period if d else None))
    return out


def test_a_parts_date_after_of_them_is_the_parts_own() -> None:
    s = "The programme has admitted 368 start-ups, 74 of them in the first ten months of 2015."
    assert _dated(s, date(2015, 11, 18)) == [
        (368, None, None), (74, date(2015, 10, 31), "P10M")
    ]  # fmt: skip


def test_a_date_right_after_a_figure_is_its_own() -> None:
    s = "The hub had 1,000 companies in 2018 and 1,500 now."
    assert _dated(s, date(2020, 5, 1))[0][1] == date(2018, 12, 31)


def test_a_period_up_to_a_date_opening_the_sentence_dates_all_its_clauses() -> None:
    s = (
        "In the three months to 30 June 2024, community companies raised HK$1.3 billion, and "
        "Cyberport admitted 58 start-ups to its incubation programmes."
    )
    assert [d for _, d, _ in _dated(s, date(2024, 7, 25))] == [date(2024, 6, 30)] * 2


def test_a_date_labelling_a_value_in_brackets_is_that_values_not_the_one_before() -> None:
    s = "- Web3 companies: 260 (end of 2021: about 90)"
    assert [(v, d) for v, d, _ in _dated(s, date(2024, 12, 30))] == [
        (260, None), (90, date(2021, 12, 31))
    ]  # fmt: skip


def test_a_date_in_a_clause_on_some_of_the_members_is_theirs_not_the_counts() -> None:
    s = (
        "It hosts over 450 fintech companies, many of which moved to Hong Kong when the "
        "policy changed in 2022."
    )
    assert _dated(s, date(2024, 10, 28)) == [(450, None, None)]
    s = "It hosts over 450 fintech companies, up from 300 in 2022."
    assert _dated(s, date(2024, 10, 28))[1][1] == date(2022, 12, 31)
