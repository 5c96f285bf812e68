"""The date a table's or fact box's label or heading gives."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.table_figures import _metric, label_date

REF = date(2022, 5, 10)


@pytest.mark.parametrize(
    ("words", "as_of"),
    [
        ("Start-ups admitted in 2020-21", date(2021, 3, 31)),
        ("Admissions, 2020-21", date(2021, 3, 31)),
        ("CLUSTERS (at the end of last year)", date(2021, 12, 31)),
        ("Events in 2019", date(2019, 12, 31)),
        ("As at 30 June 2021", date(2021, 6, 30)),
    ],
)
def test_a_date_anywhere_in_a_label(words: str, as_of: date) -> None:
    found = label_date(words, REF)
    assert found is not None and found.as_of == as_of


@pytest.mark.parametrize(
    "words",
    [
        "Admitted since 2005",  # the start of a count
        "Unicorns nurtured",
        "Between 2019 and 2021",  # two years: which one is unsaid
        "HK$2019 million",
    ],
)
def test_no_date_for_a_label_that_gives_none(words: str) -> None:
    assert label_date(words, REF) is None


def test_a_label_that_counts_no_companies_names_no_metric_where_it_happens() -> None:
    assert _metric("Events held on campus and online", "", "count", 690) is None
    assert _metric("- Visitors to the campus", "", "count", 2) is None
    found = _metric("Companies on campus", "", "count", 860)
    assert found is not None and found.metric == "companies_onsite"
