"""What the figures before one in its sentence say of it: own sentences."""

from __future__ import annotations

from datetime import date

from etl.extract.earlier_figures import counted_start, earlier, group_before, whole_before_parts
from etl.extract.sentence_figures import find_figures
from tests.etl.extract.test_claims import inline


def test_the_last_figure_before_its_start_and_metric() -> None:
    s = "The hub has 2,000 companies and nine unicorns."
    figures = find_figures(s)
    assert earlier(figures) == ("unicorns", s.index("nine"))
    assert counted_start(figures) == s.index("nine")
    assert earlier([]) is None and counted_start([]) is None


def test_an_amount_after_a_group_that_acted_jointly_is_the_groups() -> None:
    s = "The 28 companies have together raised HK$1.9 billion."
    figures = find_figures(s, keep_bare=True)
    assert group_before(s, figures[:1], s.index("HK$"))
    t = "The hub has 28 companies. Its members raised HK$1.9 billion."
    assert not group_before(t, find_figures(t)[:1], t.index("HK$"))


D = date(2024, 7, 23)


def test_a_comparison_after_a_breakdown_is_of_the_whole() -> None:
    s = (
        "As at end-June 2024, the Cyberport community had grown to more than 2,100 companies, "
        "including over 900 onsite and over 1,200 offsite, compared with 1,952 a year earlier."
    )
    assert ("companies", 1952, "exact", date(2023, 6, 30), None) in inline(s, D)
    assert not any(m == "companies_offsite" and v == 1952 for m, v, *_ in inline(s, D))


def test_a_comparison_after_parts_set_apart_by_dashes_is_of_the_whole() -> None:
    s = (
        "As at December 2019, the Cyberport community comprised more than 1,500 companies – "
        "around 650 on the Cyberport campus and some 850 based elsewhere in Hong Kong – up "
        "from about 1,000 at the end of 2017."
    )
    got = {v: m for m, v, *_ in inline(s, D)}
    assert got == {
        1500: "companies", 650: "companies_onsite", 850: "companies_offsite", 1000: "companies"
    }  # fmt: skip


def test_a_comparison_after_parts_told_as_of_them_is_of_the_whole() -> None:
    s = (
        "As at 30 June 2009, the community comprised 118 companies, 71 of them operating from "
        "offices on the campus and 47 offsite members, against 97 at the end of 2008."
    )
    got = {v: m for m, v, *_ in inline(s, D)}
    assert got[97] == "companies" and got[71] == "companies_onsite"


def test_the_whole_is_found_only_before_parts_by_place_or_cluster() -> None:
    s = "It had 2,100 companies, including 900 onsite and 1,200 offsite, up from 1,952."
    figures = find_figures(s)
    assert whole_before_parts(s, figures[:3], s.index("1,952")) == 0
    s = "It had 2,100 companies, including 900 onsite, and 30 unicorns, up from 20."
    figures = find_figures(s)
    assert whole_before_parts(s, figures[:3], s.index("20.")) is None  # unicorns: no part
    s = "It had 2,100 companies and 900 onsite, up from 800."
    assert whole_before_parts(s, find_figures(s)[:2], s.index("800")) is None  # no "including"
