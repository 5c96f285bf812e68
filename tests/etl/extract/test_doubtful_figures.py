"""Figures whose metric the words around them put in doubt: each test alone, then whole texts
where such a figure becomes a candidate for a reviewer and its neighbours stay claims."""

from __future__ import annotations

from datetime import date

import pytest

from db.records import Claim, ReadDocument
from etl.extract import extract_claims
from etl.extract.doubtful_figures import (
    cluster_size,
    cohort_founders,
    events_in_period,
    given_money,
    group_record_after,
    intake_part_after,
    intake_set_part,
    joins_one_cohort,
    one_company,
    one_groups_record,
    one_intake,
    part_of_intake,
    part_of_untracked_kind,
    rate,
    share_of_sum,
    unit_subject,
    untracked_sector,
)
from etl.extract.metrics import MetricMatch
from etl.extract.sentence_figures import find_figures
from tests.etl.extract.test_claims import inline


def _end(s: str, figure: str) -> int:
    return s.index(figure) + len(figure)


@pytest.mark.parametrize(
    ("sentence", "figure", "metric", "before", "expected"),
    [
        ("In spring 60 teams were admitted, 22 of them in e-sports.", "22", "companies",
         "incubatees", True),
        ("The hub admitted 70 teams last year, of which 25 were in fintech.", "25",
         "fintech_companies", "startups", True),  # the verb says the 70 are an intake
        ("The hub has 900 members, 300 of them in fintech.", "300", "fintech_companies",
         "companies", False),  # a part of a level is a cluster
        ("In spring 60 teams were admitted, 22 of them in e-sports.", "22", "incubatees",
         "incubatees", False),  # a part of an intake counted as an intake
        ("It admitted 60 teams, and 22 firms work in e-sports.", "22", "companies",
         "incubatees", False),  # no part
    ],
)  # fmt: skip
def test_a_part_of_an_intake_is_no_level(
    sentence: str, figure: str, metric: str, before: str, expected: bool
) -> None:
    first = sentence.index(next(w for w in sentence.split() if w[0].isdigit()))
    span = (sentence.index(figure), _end(sentence, figure))
    assert part_of_intake(sentence, span, metric, (before, first)) is expected


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("The park has 1,500 tenants, 40 of them hospital spin-outs set up this year.", "40", True),
        ("Of 700 members, 12 of these family offices joined in May.", "12", True),
        ("Roughly 900 of them work from the campus itself.", "900", False),
        ("Nine of them have become unicorns.", "Nine", False),
        ("About 500 of them start-ups, the rest larger firms.", "500", False),
        ("Close to 70% of those companies are home-grown.", "70%", False),
        ("Some 300 of them physically on site.", "300", False),
    ],
)
def test_a_part_named_by_a_kind_no_metric_counts(
    sentence: str, figure: str, expected: bool
) -> None:
    assert part_of_untracked_kind(sentence, _end(sentence, figure)) is expected


@pytest.mark.parametrize(
    ("clause", "sentence", "expected"),
    [
        (" amounted to HK$300 million", "The Administration's funding for the park's "
         "youth schemes amounted to HK$300 million.", True),
        (" a total of HK$5 million", "Forty teams were chosen, each given a HK$125,000 "
         "grant, a total of HK$5 million.", True),
        ("they have raised HK$2 billion", "Helped by early grants, they have raised "
         "HK$2 billion.", False),  # raised in its own clause
        ("members raised HK$8 billion", "Members raised HK$8 billion last year.", False),
        (" a total funding of HK$50 million", "The two schemes, with a total funding of "
         "HK$50 million, supported events.", True),  # a scheme's own funding
    ],
)  # fmt: skip
def test_money_given_is_no_money_raised(clause: str, sentence: str, expected: bool) -> None:
    assert given_money(clause, sentence) is expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("Tidewave, a robotics firm that moved in last year, has raised ", True),
        ("Bright Labs, which rents desks on the campus, recently closed ", True),
        ("Community companies, which now number 1,900, have raised ", False),
        ("The hub's community, which spans 1,900 firms, has raised ", False),
        ("Tidewave said the community had raised ", False),
    ],
)
def test_one_companys_money(before: str, expected: bool) -> None:
    assert one_company(before) is expected


def test_a_share_of_a_larger_sum() -> None:
    s = "Deals its angels arranged make up HK$900 million of the money raised."
    assert share_of_sum(s, _end(s, "HK$900 million"))
    t = "Its members raised HK$900 million of new investment."
    assert not share_of_sum(t, _end(t, "HK$900 million"))
    u = "They have raised HK$120 million since 2003, about HK$35 million of it during 2009."
    assert share_of_sum(u, _end(u, "HK$35 million"))


@pytest.mark.parametrize(
    ("sentence", "after", "expected"),
    [
        ("Up to 20 desks per cohort will be set aside.", "20 desks", True),
        ("Winners get HK$50,000 each.", "HK$50,000", True),
        ("The hub had 600 companies each year since.", "600 companies", False),
        ("About 75 per cent of them are local.", "75", False),
        ("It admitted 100 start-ups per year.", "100 start-ups", False),
    ],
)
def test_a_rate_is_no_total(sentence: str, after: str, expected: bool) -> None:
    assert rate(sentence, _end(sentence, after)) is expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("The e-sports cluster, the youngest on campus, had grown to ", True),
        ("It is now the largest cluster here, with ", True),
        ("Cyberport is home to a cluster of over ", False),
        ("The clusters grew. Cyberport now has ", False),
    ],
)
def test_a_clusters_size_under_the_communitys_noun(before: str, expected: bool) -> None:
    assert cluster_size(before) is expected


@pytest.mark.parametrize(
    ("np", "expected"),
    [
        ("ed-tech start-ups", True),
        ("biomedical firms", True),
        ("healthtech companies", True),
        ("companies in the agritech space", True),
        ("fintech start-ups", False),
        ("technology companies", False),
    ],
)
def test_a_sector_the_catalogue_does_not_track(np: str, expected: bool) -> None:
    assert untracked_sector(np) is expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("The park's angel network now has ", True),
        ("Members of its alumni club have put in ", True),
        ("The hub, a network of ", False),
        ("Since the fund began, its companies have raised ", False),
        ("Bringing the total funds they have raised to ", False),
        ("Its investors network, which I joined early on, now has more than ", True),
        ("The Investors Network (CIN), which meets start-ups monthly, now has ", True),
        ("The community, which spans fintech and AI, now has more than ", False),
        ("Each gets access to our investor network, which has about ", True),
        ("We built an investor network, and the community now has ", False),
        ("Our mentors and our investor network of more than ", True),
        ("Our angel network of some ", True),
    ],
)
def test_a_units_own_figure(before: str, expected: bool) -> None:
    assert unit_subject(before) is expected


@pytest.mark.parametrize(
    ("metric", "generic", "clause", "expected"),
    [
        ("listed_companies", False, "Four member firms went public during the year", True),
        ("listed_companies", False, "including two listings completed this year", True),
        ("unicorns", False, "Two of them became unicorns in 2022", True),
        ("companies", True, "Two companies from the hub have also gone public this year", True),
        ("listed_companies", False, "Seven member firms have now gone public", False),
        ("listed_companies", False, "In 2022, the hub's listed firms numbered eleven", False),
        ("incubatees", False, "Forty start-ups were admitted in 2022", False),
        ("companies", True, "Forty companies joined the hub this year", False),
    ],
)
def test_events_that_make_a_total_counted_within_a_stretch_of_time(
    metric: str, generic: bool, clause: str, expected: bool
) -> None:
    assert events_in_period(metric, generic, clause) is expected


def _sources(s: str) -> dict[float, str]:
    return {f.number.value: f.source for f in find_figures(s, keep_bare=True)}


def test_a_doubtful_figure_keeps_its_metric_for_a_reviewer() -> None:
    got = _sources("Between May and July, 60 start-ups were admitted, 25 of them in fintech.")
    assert got == {60: "noun", 25: "doubtful"}
    got = _sources("The park now houses 1,900 companies, some 300 of them in fintech.")
    assert got == {1900: "noun", 300: "predicate"}


D = date(2021, 3, 9)


def _claims(text: str) -> set[tuple]:
    doc = ReadDocument("t.txt", "0" * 64, "txt", text, None, None, None, None, D, "manifest", ())
    found: list[Claim] = extract_claims(doc)
    return {(c.entity, c.metric, c.value, c.status, c.unsure) for c in found}


def test_whole_text_doubtful_figures_are_candidates_and_the_rest_claims() -> None:
    got = _claims(
        "Cyberport welcomes its spring cohort\n\n"
        "Cyberport now counts more than 1,700 companies in its community. "
        "Between January and March, 52 start-ups were admitted to its incubation programme, "
        "19 of them in smart living. "
        "The Government's subvention for Cyberport's youth schemes came to HK$150 million. "
        "Cyberport also counts about 40 ed-tech start-ups."
    )
    assert ("Cyberport", "companies", 1700, "auto", ()) in got
    assert ("Cyberport", "smart_living_companies", 19, "candidate", ("metric?",)) in got
    assert not any(r[1] == "funding_raised" and r[3] == "auto" for r in got)
    assert not any(r[2] == 40 and r[3] == "auto" for r in got)


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("The hub welcomed 48 start-ups into the latest cohort.", "48", True),
        ("The 25 newcomers bring the total admitted since 2005 to 172.", "25", True),
        ("We met the 32 start-ups of the new intake at orientation day.", "32", True),
        ("The programme's new intake takes the number admitted since 2005 to 400.", "400", False),
        ("The new cohort brings the total admitted to date to 400.", "400", False),
        ("The hub has admitted 400 start-ups to its incubation programmes.", "400", False),
    ],
)
def test_one_intake_is_no_count_of_the_admitted(sentence: str, figure: str, expected: bool) -> None:
    end = _end(sentence, figure)
    assert one_intake(sentence, end, MetricMatch("incubatees", False)) is expected
    assert not one_intake(sentence, end, MetricMatch("companies", False))  # no intake metric


def test_a_ceiling_is_no_count_of_the_admitted_nor_money_raised() -> None:
    s = "Up to 25 start-ups will be admitted, each with funding of up to HK$500,000."
    admitted, money = MetricMatch("incubatees", False), MetricMatch("funding_raised", False)
    assert one_intake(s, 8, admitted, "up_to")
    assert one_intake(s, 70, money, "up_to", "HKD")
    assert not one_intake(s, 70, money, "over", "HKD")
    companies = MetricMatch("companies", False)
    assert one_intake(s, 8, companies, "up_to")  # a ceiling said with a modal verb
    t = "Digital Port gathers up to 1,700 start-ups and technology companies."
    assert not one_intake(t, 28, companies, "up_to")  # a translation's "up to": a level


def test_an_intake_named_by_its_number_is_one_cohort() -> None:
    found = _claims("Cyberport Incubation Programme Welcomes 28 Start-ups in Tenth Intake")
    assert ("Cyberport", "incubatees", 28, "candidate", ("metric?",)) in found
    found = _claims("Cyberport Incubation Programme Welcomes 12 Start-ups in First Intake")
    assert ("Cyberport", "incubatees", 12, "auto", ()) in found  # the first is all there is


def test_a_count_it_said_it_aimed_to_reach_is_a_plan() -> None:
    found = _claims("Cyberport said it aimed to reach 2,600 companies by the end of the year.")
    assert not any(v == 2600 and status == "auto" for _, _, v, status, _ in found)


def test_a_clusters_count_that_joined_one_cohort_is_the_cohorts_make_up() -> None:
    s = "In addition, 11 smart-living start-ups joined the latest Cyberport Incubation Programme "
    s += "intake."
    end = s.index("11") + 2
    assert joins_one_cohort(s, end, "smart_living_companies")
    assert not joins_one_cohort(s, end, "incubatees")  # (an intake's own size is its count)
    since = "Some 280 smart-living start-ups have joined the community since 2015."
    assert not joins_one_cohort(since, since.index("280") + 3, "smart_living_companies")


def test_a_list_under_one_groups_record_is_the_groups() -> None:
    assert one_groups_record("Between them, the 21 graduates have:")
    assert one_groups_record("This year's cohort has already:")
    assert one_groups_record("During their two years of incubation the graduating companies:")
    assert not one_groups_record("As at 30 June, the Cyberport community had:")
    assert not one_groups_record("The graduates thanked their mentors.")  # no list under it
    text = (
        "Hong Kong, 20 November 2009 – Twenty-one young companies received their certificates "
        "today at the Cyberport Incubation Programme Graduation Ceremony 2009.\n\n"
        "The graduating class entered the programme in late 2007 and spent 24 months at "
        "Cyberport. Between them, the 21 graduates have:\n\n"
        "  - raised HK$48 million from angel investors and venture funds;\n"
        "  - won 9 industry awards, including two Hong Kong ICT Awards.\n\n"
        "More than 130 companies now make up the Cyberport community."
    )
    auto = {(c[0], c[1]) for c in inline(text, date(2009, 11, 20))}
    assert auto == {("companies", 130)}


def test_a_clusters_count_after_an_intake_is_the_intakes_make_up() -> None:
    intake = ("Cyberport admitted 30 start-ups in March.", find_figures("admitted 30 start-ups")[0])
    level = ("Cyberport is home to 2,000 companies.", find_figures("home to 2,000 companies")[0])
    for s, figure in [
        ("Eleven of them are developing FinTech solutions.", "Eleven"),
        ("The remainder include 11 Web3 projects, 9 FinTech companies and others.", "9"),
        ("Among them are 12 AI start-ups.", "12"),
    ]:
        span = (s.index(figure), _end(s, figure))
        assert intake_part_after(s, span, "fintech_companies", lambda: intake)
        assert not intake_part_after(
            s, span, "fintech_companies", lambda: level
        )  # a part of a level
        assert not intake_part_after(s, span, "incubatees", lambda: intake)  # (no cluster)
    s = "Among them fintech leads, the hub's 350 fintech companies."
    assert not intake_part_after(
        s, (s.index("350"), _end(s, "350")), "fintech_companies", lambda: intake
    )


def test_a_clusters_part_of_the_intake_to_date_is_no_size() -> None:
    s = "Of the 104 start-ups admitted since 2005, 57 work in games and animation."
    span = (s.index("57"), _end(s, "57"))
    assert intake_set_part(s, *span, "count", "digital_entertainment_companies")
    assert not intake_set_part(s, *span, "count", "companies")  # (a total to date: its part)


def test_a_list_under_an_intake_that_leans_to_a_field_is_its_make_up() -> None:
    text = (
        "Cyberport welcomed 34 start-ups into its incubation programme today.\n\n"
        "The intake leans heavily towards FinTech, reflecting the sector's growth:\n\n"
        "- FinTech – 13 start-ups, from robo-advisers to payment gateways\n"
        "- Smart living – 8 start-ups working on home automation\n\n"
        "Cyberport is home to over 640 companies."
    )
    auto = {(c[0], c[1]) for c in inline(text, date(2016, 4, 18))}
    assert ("fintech_companies", 13) not in auto
    assert ("companies", 640) in auto


def test_founders_of_one_cohort_or_field_are_no_communitys() -> None:
    intake = ("Cyberport admitted 25 start-ups in March.", find_figures("admitted 25 start-ups")[0])
    level = ("Cyberport is home to 2,000 companies.", find_figures("home to 2,000 companies")[0])
    opens = "Their founders come from 8 countries and regions."
    at = opens.index("8")
    assert cohort_founders(opens, at, "founder_origins", lambda: intake)
    assert not cohort_founders(opens, at, "founder_origins", lambda: level)
    s = "The cohort was chosen from 220 applications, and its founders come from nine economies."
    assert cohort_founders(s, s.index("nine"), "founder_origins", lambda: level)
    s = "Our AI founders alone come from 18 countries and regions."
    assert cohort_founders(s, s.index("18"), "founder_origins", lambda: None)
    s = "Community companies reached 60 markets, and their founders come from 38 countries."
    assert not cohort_founders(s, s.index("38"), "founder_origins", lambda: intake)  # (theirs)
    s = "Nine of them work on Web3 and six in AI; their founders come from 12 economies."
    assert cohort_founders(s, s.index("12"), "web3_founder_origins", lambda: intake)
    s = "Web3 founders come from 25 countries."  # the Web3 cluster's, what the metric counts
    assert not cohort_founders(s, s.index("25"), "web3_founder_origins", lambda: level)


def test_a_joint_record_by_pronoun_after_a_group_is_the_groups() -> None:
    group = ("This year's graduates are already part of that story.", None)
    community = ("Cyberport is home to over 2,000 companies.", None)
    s = "Between them they have raised HK$1.1 billion and filed 95 patents."
    assert group_record_after(s, lambda: group)
    assert not group_record_after(s, lambda: community)
    assert not group_record_after("Together they have raised HK$45 billion.", lambda: community)
    assert not group_record_after("The graduates have raised HK$1.1 billion.", lambda: group)


def test_the_parts_of_a_graduating_class_or_of_one_intake_are_its_make_up() -> None:
    d = date(2023, 11, 7)
    text = (
        "Cyberport is home to 2,100 companies. Thirty-one of today's graduates are FinTech "
        "companies, 22 work in artificial intelligence and data."
    )
    assert {(c[0], c[1]) for c in inline(text, d)} == {("companies", 2100)}
    s = "Nine of the 15 start-ups in the first intake of Cyberport's programme build games."
    assert intake_set_part(s, 0, 4, "count", "digital_entertainment_companies")


def test_a_clusters_count_admitted_to_a_programme_is_a_part_of_an_intake() -> None:
    d = date(2016, 7, 11)
    s = (
        '"We admitted 23 fintech start-ups to our incubation programmes last year," said Amy '
        "Chan, who heads Cyberport's fintech programme."
    )
    assert not any(m == "fintech_companies" for m, *_ in inline(s, d))
    s = "Cyberport's fintech cluster has grown to 150 start-ups."  # a size
    assert ("fintech_companies", 150, "exact", d, None) in inline(s, d)


def test_a_count_a_software_product_serves_is_no_communitys() -> None:
    d = date(2016, 3, 14)
    s = (
        "We met at Cyberport, whose community has grown to 600 companies. The company now has "
        "30 staff and says more than 3,000 small businesses use its software."
    )
    assert not any(v == 3000 for _, v, *_ in inline(s, d))


def test_one_cohorts_record_over_a_span_of_time_is_no_community_figure() -> None:
    d = date(2021, 7, 15)
    text = (
        "Cyberport held its graduation ceremony today. During their incubation, this year's "
        "graduating cohort filed 96 intellectual property applications and won 41 awards."
    )
    assert inline(text, d) == []
    # The community's own awards this year are still counted, and so is this year's intake.
    own = "Cyberport companies won 41 awards this year."
    assert [c[:2] for c in inline(own, d)] == [("awards", 41)]
    intake = "This year's intake of 38 start-ups joined the Cyberport Incubation Programme."
    assert [c[:2] for c in inline(intake, d)] == [("incubatees", 38)]


def test_one_intake_the_record_of_its_kind_since_a_year_is_still_one_intake() -> None:
    day = date(2012, 6, 6)
    lead = "Hong Kong, 6 June 2012 - Cyberport today welcomed 21 start-up teams into the third "
    got = inline(lead + "intake of its scheme, the largest intake since it began in 2010.", day)
    assert ("incubatees", 21.0) not in [(m, v) for m, v, *_ in got]
    got = inline(lead + "intake of its scheme, bringing to 60 the teams admitted since 2010.", day)
    assert ("incubatees", 60.0) in [(m, v) for m, v, *_ in got]


def test_a_part_of_the_start_ups_in_the_incubation_programme_is_its_make_up() -> None:
    got = inline(
        "Hong Kong, 18 June 2013 - Cyberport has a community of over 430 companies, and this year "
        "38 of the start-ups in our incubation programme are game studios.",
        date(2013, 6, 18),
    )
    assert [(m, v) for m, v, *_ in got] == [("companies", 430.0)]
