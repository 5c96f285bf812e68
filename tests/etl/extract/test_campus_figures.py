"""Counts placed at the tracked organisation by its name are the companies on its campus."""

from __future__ import annotations

import pytest

from etl.extract import default_config
from etl.extract.campus_figures import campus_counts
from etl.extract.sentence_figures import find_figures

CONFIG = default_config()


def _metrics(sentence: str, parent: str | None = None) -> dict[float, str | None]:
    figures = find_figures(
        sentence, CONFIG.bare_dollar, keep_bare=True, keep_planned=True, parent=parent
    )
    found = campus_counts(sentence, figures, CONFIG)
    return {f.number.value: f.metric.metric if f.metric else None for f in found}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Of the 610 members, 270 were located at Cyberport as at June.", 270),
        ("About 350 of them are based at Cyberport itself.", 350),
        ("It has 610 members, of which 270 were housed in the Cyberport Park and the rest "
         "joined from elsewhere.", 270),
        ("The community comprised over 1,700 companies, of which around 820 were located at "
         "Cyberport.", 820),
        ("- Companies on the Cyberport campus: 690+", 690),
        ("Of these, 91 are housed in Cyberport's office towers and 41 work elsewhere.", 91),
        ("It had 353 companies, of which 214 were based in Cyberport's office buildings.", 214),
    ],
)  # fmt: skip
def test_a_count_at_the_organisation_by_name_is_on_its_campus(sentence: str, value: int) -> None:
    assert _metrics(sentence)[value] == "companies_onsite"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Her fund made 14 deals, four of them in Cyberport companies.", 4),  # a modifier
        ("About 450 of them are located at Cyberport or the Science Park.", 450),  # joint
        ("About 450 of them are located at Cyberport and Science Park.", 450),
        ("More than 300 at Cyberport.", 300),  # its count at the organisation, no campus
    ],
)
def test_a_name_that_is_no_place_of_its_own_places_nothing(sentence: str, value: int) -> None:
    assert _metrics(sentence).get(value) in (None, "companies")


def test_a_count_with_a_metric_of_its_own_keeps_it() -> None:
    got = _metrics("Cyberport now has 1,700 companies, 120 fintech start-ups at Cyberport.")
    assert got[1700] == "companies" and got[120] == "fintech_companies"


def test_a_row_of_companies_placed_at_or_outside_the_organisation_is_on_or_off_its_campus() -> None:
    parent = "Start-ups and technology companies"  # the row above, which they divide
    assert _metrics("- located at Cyberport: 731", parent)[731] == "companies_onsite"
    assert _metrics("- located outside Cyberport: 1,113", parent)[1113] == "companies_offsite"
    assert _metrics("- Companies: 1,844")[1844] == "companies"  # (no place: all of them)
