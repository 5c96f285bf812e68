"""What a figure counts when its noun is elsewhere, far from it or shared: own sentences."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.sentence_figures import find_figures
from tests.etl.extract.test_claims import inline
from tests.etl.extract.test_plausible import statuses


def counted(s: str) -> list[tuple[float, str | None, str]]:
    """(value, metric, source) of each figure, bare ones included."""
    return [
        (f.number.value, f.metric.metric if f.metric else None, f.source)
        for f in find_figures(s, keep_bare=True)
    ]


def metrics(s: str) -> list[tuple[float, str | None]]:
    return [(v, m) for v, m, _ in counted(s)]


def test_odd_and_or_so_are_about() -> None:
    s = "The landlord wrote to its 2,300-odd member companies; a further note went out."
    (f,) = find_figures(s)
    assert (f.number.value, f.qualifier, f.metric.metric) == (2300, "about", "companies")
    s = "Roughly 400 sit on the campus, with 900 or so working from elsewhere."
    assert [f.qualifier for f in find_figures(s)][-1] == "about"


def test_a_further_part_after_a_part_is_another_part() -> None:
    s = "Some 500 are based on the campus, with a further 700 operating offsite."
    assert metrics(s) == [(500, "companies_onsite"), (700, "companies_offsite")]


def test_a_further_figure_alone_is_still_a_change() -> None:
    assert metrics("The hub expects a further 300 companies next year.") == []


def test_parts_coordinated_after_including() -> None:
    s = "It hosts 2,400 firms, including over 500 in FinTech and about 210 in Web3."
    assert metrics(s)[1:] == [(500, "fintech_companies"), (210, "web3_companies")]


def test_part_of_its_own_set_with_a_predicate() -> None:
    s = "Around 320 of its companies were in fintech last year."
    assert metrics(s) == [(320, "fintech_companies")]


def test_part_of_its_own_set_without_a_predicate_names_nothing() -> None:
    assert metrics("About 90 of our companies work in that field.") == [(90, None)]


def test_bracketed_abbreviation_inside_the_noun() -> None:
    s = "The park houses 140 information and communications technology (ICT) companies."
    assert metrics(s) == [(140, "companies")]
    assert metrics("The park houses 140 companies (as of May).") == [(140, "companies")]


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("The biggest group is still FinTech, with about 410 companies.", "fintech_companies"),
        ("Web3 remains its fastest-growing cluster, with 175 firms.", "web3_companies"),
        ("Smart living has grown to around 260 since 2019.", "smart_living_companies"),
        ("The e-sports cluster now numbers 95.", "digital_entertainment_companies"),
    ],
)
def test_a_cluster_named_before_its_figure(s: str, expected: str) -> None:
    assert metrics(s)[0] == (metrics(s)[0][0], expected)


def test_a_hub_for_a_cluster_is_no_cluster_size() -> None:
    assert metrics("Cyberport is a hub for fintech, with 1,500 companies.") == [(1500, "companies")]


def test_new_start_ups_into_incubation_are_an_intake() -> None:
    (f,) = find_figures("This year we welcomed 75 new start-ups into our incubation scheme.",
                        keep_bare=True)  # fmt: skip
    assert (f.metric.metric, f.increment) == ("incubatees", True)
    (g,) = find_figures("The community gained 75 new companies this year.", keep_bare=True)
    assert (g.metric, g.increment) == (None, True)


def test_desks_on_the_campus() -> None:
    s = "Some 610 of them have desks on the campus; the other 900 are off-site members."
    assert metrics(s) == [(610, "companies_onsite"), (900, "companies_offsite")]


def test_predicate_verb_narrows_a_part_of_a_set() -> None:
    s = "It counts 1,200 companies, of which about 480 are housed on site."
    assert metrics(s) == [(1200, "companies"), (480, "companies_onsite")]


def test_markets_in_countries() -> None:
    s = "Its members have reached markets in 48 countries, and two unicorns began here."
    assert metrics(s) == [(48, "markets"), (2, "unicorns")]


def test_shared_noun_needs_a_plain_coordination() -> None:
    assert metrics("There are 300 onsite and 500 offsite companies.") == [
        (300, "companies_onsite"),
        (500, "companies_offsite"),
    ]


@pytest.mark.parametrize(
    "s",
    [
        "The waiting list for office space is now 60 companies long.",
        "The delegation, which took 14 fintech start-ups to Shenzhen, met investors.",
    ],
)
def test_outside_sets_are_no_size(s: str) -> None:
    assert [src for _, _, src in counted(s)] == ["activity"]


def test_money_after_a_delegation_is_still_money() -> None:
    s = "At a lunch for a visiting delegation, it put members' funding at HK$9 billion."
    assert metrics(s) == [(9e9, "funding_raised")]


def test_a_row_with_columns_of_figures() -> None:
    assert metrics("Smart Living   310   18%") == [(310, "smart_living_companies"), (18, None)]


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("Roughly 75 start-ups work on artificial intelligence there.", "ai_companies"),
        ("It counts 900 members, including 210 firms operating in fintech.", "fintech_companies"),
        (
            "Some 60 companies specialising in the field of e-sports moved in.",
            "digital_entertainment_companies",
        ),
        ("About 45 start-ups focused on blockchain custody joined.", "web3_companies"),
    ],
)
def test_a_clause_after_the_companies_puts_them_in_a_cluster(s: str, expected: str) -> None:
    assert expected in [m for _, m in metrics(s)]


@pytest.mark.parametrize(
    "s",
    [
        "Some 300 companies working with the AI lab signed up.",  # with it, not in the field
        "About 50 firms operating in Wan Chai joined the scheme.",  # a place, not a cluster
    ],
)
def test_a_clause_naming_no_field_puts_companies_in_no_cluster(s: str) -> None:
    found = [m for _, m in metrics(s)]
    assert not any(m and m != "companies" and m.endswith("_companies") for m in found)


def test_a_count_that_did_something_jointly_is_a_group_not_a_size() -> None:
    s = "Last year 35 member firms between them won 48 industry prizes."
    assert counted(s) == [(35, "companies", "activity"), (48, "awards", "noun")]
    s = "Some 900 community start-ups have raised HK$3 billion between them."
    assert counted(s)[0][2] == "activity"
    s = "The park, home to 900 firms, now counts four unicorns among them."  # (a part of them)
    assert counted(s)[1] == (4, "unicorns", "noun")
    assert (
        counted("The 900 companies raised HK$3 billion, between them and others.")[0][2] == "noun"
    )


def test_a_label_that_gives_its_currency_and_scale_in_brackets() -> None:
    (f,) = find_figures("- Capital raised by members (US$ million, to date): 75.5")
    assert (f.number.value, f.unit, f.metric.metric) == (75_500_000, "USD", "funding_raised")
    (f,) = find_figures("Money raised (HK$): 900,000")
    assert (f.number.value, f.unit) == (900_000, "HKD")
    assert find_figures("Unicorns (to date): 4")[0].unit == "count"


def test_a_nounless_figure_listed_after_an_addition_is_one_too() -> None:
    s = "Members matured: three more became unicorns and four listed in Shenzhen."
    assert metrics(s) == [(3, None), (4, None)]
    assert metrics("Three more became unicorns. Four listed in Shenzhen.")[1] == (
        4,
        "listed_companies",
    )
    s = "Six more start-ups joined and 15 companies have now listed."
    assert metrics(s)[1] == (15, "listed_companies")


def test_one_of_a_set_is_a_member_and_the_set_is_counted() -> None:
    s = "It entered the incubation programme in 2019, one of 140 start-ups admitted that year."
    assert metrics(s) == [(140, "incubatees")]
    s = "Nimbus is one of more than 2,100 companies in the community."
    assert [v for v, _ in metrics(s)] == [2100]


def test_a_part_of_a_numbered_whole_stays_a_part() -> None:
    s = "Seven of the 30 awards went to community start-ups."
    assert [v for v, _ in metrics(s)] == [7]


@pytest.mark.parametrize(
    "s",
    [
        "Half the mission comes from the fintech cluster, which now counts about 410 companies.",
        "The delegation drew on the community, whose 1,900 companies span 30 markets.",
    ],
)
def test_a_relative_clause_about_what_a_group_is_drawn_from_counts_that(s: str) -> None:
    assert counted(s)[0][2] == "noun"


@pytest.mark.parametrize(
    "s",
    [
        "The delegation, which included 25 start-ups, met investors in Riyadh.",
        "The shortlist, which names 40 companies, is out.",
        "The waiting list for desks on the campus now stands at 60 companies.",
    ],
)
def test_a_group_formed_for_an_occasion_still_counts_no_community(s: str) -> None:
    assert counted(s)[0][2] == "activity"


def test_a_bare_count_takes_the_noun_a_clause_before_left_out() -> None:
    s = "Lingang hosts 900 start-ups; Nanshan hosts about 700."
    assert counted(s)[-1][1:] == ("startups", "gapped")
    s = "The AI cluster has 250 companies, and the fintech cluster has over 400."
    assert counted(s)[-1][1:] == ("fintech_companies", "cluster")  # the cluster it names


@pytest.mark.parametrize(
    "s",
    [
        "The hub has 300 start-ups, and the forum ran for 3.",  # no count in its clause's place
        "The hub has 300 start-ups and 40.",  # no clause of its own
        "The hub has 300 start-ups, and 40 of them are in fintech.",  # its own noun after it
    ],
)
def test_no_gapped_noun_without_a_parallel_clause_that_ends_with_the_figure(s: str) -> None:
    assert all(src != "gapped" for _, _, src in counted(s))


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("The hub now has some 320 companies in its fintech cluster.", "fintech_companies"),
        ("About 95 firms make up the smart living cluster.", "smart_living_companies"),
        (
            "It lists over 140 start-ups in digital entertainment and esports.",
            "digital_entertainment_companies",
        ),
        ("Some 60 members belong to the Web3 cluster.", "web3_companies"),
        ("There are 75 companies within the community's AI cluster.", "ai_companies"),
        # A group at an event in a cluster's name is no cluster's size.
        ("It brought 25 companies in the FinTech Week exhibition hall.", "companies"),
        ("More than 2,000 companies in the community raised money.", "companies"),
    ],
)
def test_companies_the_words_after_them_put_in_a_cluster(sentence: str, metric: str) -> None:
    assert [m for _, m in metrics(sentence)] == [metric]


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        (
            "Smart living is the campus's second cluster, with some 210 companies.",
            "smart_living_companies",
        ),
        (
            "Esports is now a cluster in its own right, with 95 firms.",
            "digital_entertainment_companies",
        ),
        # No cluster named, or two: the community's noun stays in doubt.
        ("Its largest cluster, with over 300 companies, keeps growing.", "companies"),
        ("Fintech and AI are its largest clusters, with 300 companies.", "companies"),
    ],
)
def test_a_count_in_a_clause_about_one_named_cluster_is_that_clusters(
    sentence: str, metric: str
) -> None:
    (got,) = counted(sentence)
    assert got[1:] == ((metric, "cluster") if metric != "companies" else (metric, "doubtful"))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Nearly 500 of the Cyberport firms are in financial technology.",
            [(500, "fintech_companies")],
        ),
        ("Some 120 of the companies are in smart living.", [(120, "smart_living_companies")]),
        (
            "About 90 of them work on AI, and roughly 200 are in fintech.",
            [(90, "ai_companies"), (200, "fintech_companies")],
        ),
        (
            "Sixty of the companies now on campus work in games and animation.",
            [(60, "digital_entertainment_companies")],
        ),
        # A part of an intake in a field is no cluster's size; "four in ten" is a share (40%),
        # no count and no metric's.
        ("Twelve of the new incubatees are building payment tools.", []),
        ("About four in ten of the companies work in fintech.", []),
    ],
)
def test_a_part_of_the_members_said_to_be_in_a_field_counts_the_field(
    sentence: str, expected: list[tuple[float, str | None]]
) -> None:
    assert [(v, m) for v, m in metrics(sentence) if m is not None or v < 10] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Three community companies went public during the year.", [(3, "listed_companies")]),
        ("More than 600 guests attended the gathering held on campus.", []),
        ("Some 40 founders work on campus.", []),
        ("About 700 member companies work on campus.", [(700, "companies_onsite")]),
    ],
)
def test_the_verb_and_the_people_a_noun_phrase_holds(
    sentence: str, expected: list[tuple[float, str]]
) -> None:
    assert [(v, m) for v, m in metrics(sentence) if m is not None] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Its companies have raised HK$30 billion, and HK$4 billion of that in the first "
            "half of this year alone.",
            [(3e10, "funding_raised"), (4e9, "funding_raised")],
        ),
        (
            "Its companies have raised HK$30 billion so far, and in the past year alone about "
            "HK$5 billion.",
            [(3e10, "funding_raised"), (5e9, "funding_raised")],
        ),
        # A share of a total the sentence doubts, or with no stretch of time, stays unread.
        (
            "Its network has facilitated HK$1.5 billion of investment, including HK$420 million "
            "in the first eleven months of the year.",
            [(1.5e9, "funding_raised")],
        ),
        (
            "Its companies have raised HK$30 billion, and HK$4 billion of that came from abroad.",
            [(3e10, "funding_raised")],
        ),
    ],
)
def test_a_share_of_a_total_over_a_stated_stretch_of_time_is_its_flow(
    sentence: str, expected: list[tuple[float, str]]
) -> None:
    assert [(v, m) for v, m in metrics(sentence) if m is not None] == expected


def test_companies_that_came_through_incubation_are_incubatees() -> None:
    assert metrics("Some 250 young companies have passed through its incubation programmes.") == [
        (250, "incubatees")
    ]
    assert metrics("So far 180 start-ups have come through our incubation doors.") == [
        (180, "incubatees")
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        (
            "Three of its alumni - Acme, Bolt and Cora - are each now valued at more than "
            "US$1 billion.",
            3,
        ),
        (
            "Two companies nurtured there - the app Acme and the lender Bolt - have reached "
            "valuations of more than US$1 billion.",
            2,
        ),
        ("Six have reached a valuation of a billion US dollars or more.", 6),
    ],
)
def test_companies_valued_at_a_billion_us_dollars_are_unicorns(sentence: str, value: int) -> None:
    assert (value, "unicorns") in metrics(sentence)


def test_one_of_the_things_is_no_count() -> None:
    assert [
        m
        for _, m in metrics(
            "The founders come from 20 places, which is one of the things I am proudest of."
        )
        if m != "founder_origins"
    ] == [None]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Twelve incubatees pitched to a panel of investors.", "activity"),
        ("Some 30 fintech start-ups exhibited at the fair.", "activity"),
        ("It is hosting 30 Web3 start-ups at its pavilion this week.", "activity"),
        ("Eleven Start-ups Graduate as Programme Records Its Largest Intake", "activity"),
        ("Two graduates have since gone on to list.", "predicate"),  # graduates, a noun
        ("In the past year, 90 start-ups were admitted.", "noun"),
        ("Some 300 start-ups are at the campus.", "predicate"),  # a place, no event
    ],
)
def test_a_count_on_show_at_an_event_is_no_size(sentence: str, source: str) -> None:
    assert [src for _, m, src in counted(sentence) if m is not None] == [source]


def test_applications_are_no_count_of_start_ups_nor_is_what_they_are_compared_with() -> None:
    assert metrics("The Cyberport Incubation Programme received 187 applications.") == []
    text = (
        "Cyberport has 2,100 companies. We received 1,480 applications across our programmes, "
        "compared with 1,120 in 2018/19."
    )
    assert {value for _, value in statuses(text, date(2020, 9, 15))} == {2100}


def test_start_ups_that_completed_a_programme_are_its_graduates_no_intake() -> None:
    text = (
        "Hong Kong, 18 June 2008 - Cyberport today held a graduation ceremony for 11 start-ups "
        "that have completed the Cyberport Incubation Programme, which has admitted 62 start-ups "
        "since 2005.\n"
    )
    found = {value: status for (_, value), status in statuses(text, date(2008, 6, 18)).items()}
    assert found.get(11, "candidate") == "candidate" and found[62] == "auto"


def test_intakes_and_cohorts_are_no_count_of_companies() -> None:
    assert [v for v, _ in metrics("It admitted 46 start-ups across two intakes.")] == [46]


def test_a_part_of_an_intake_described_by_its_field_is_no_intake() -> None:
    s = "This year 64 start-ups were admitted to the programme, 22 of them working on payments."
    assert metrics(s) == [(64, "incubatees"), (22, None)]
    s = "In all, 210 start-ups have been admitted to the scheme, and 40 of them joined this year."
    assert metrics(s) == [(210, "incubatees"), (40, "incubatees")]


def test_the_community_s_founders_after_a_clusters_size_are_the_whole_community_s() -> None:
    s = "Its Web3 cluster numbers 270 firms, and the community's founders come from 30 countries."
    assert metrics(s) == [(270, "web3_companies"), (30, "founder_origins")]
    s = "Its Web3 cluster numbers 270 firms, whose founders come from 30 countries."
    assert metrics(s) == [(270, "web3_companies"), (30, "web3_founder_origins")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The survey drew responses from 1,150 companies.",
        "This week, 30 of our companies are exhibiting on the FinTech Week floor.",
        "About 14,000 undergraduates were enrolled in its faculties.",
    ],
)
def test_a_sample_a_show_or_students_are_no_size(sentence: str) -> None:
    assert all(src in ("activity", "bare") or m is None for _, m, src in counted(sentence))


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        (
            "Smart living (proptech, healthtech and the like) accounts for 260 companies.",
            "smart_living_companies",
        ),
        ("The community numbers 2,000 companies.", "companies"),
        ("Fintech and AI together account for 700 companies.", "companies"),
    ],
)
def test_a_subject_measured_by_its_verb_is_what_is_counted(sentence: str, metric: str) -> None:
    assert [m for _, m in metrics(sentence)] == [metric]


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("AI/data-science cos at the hub number ~300, a spokeswoman said.", "ai_companies"),
        ("Fintech firms at the hub number about 400.", "fintech_companies"),
        ("The community numbers 2,000.", "companies"),
    ],
)
def test_a_subject_measured_by_its_verb_counts_a_figure_with_no_noun(
    sentence: str, metric: str
) -> None:
    assert [m for _, m in metrics(sentence)] == [metric]


@pytest.mark.parametrize(
    ("line", "metric"),
    [
        ("- FinTech: over 450 companies, from payments to regtech", "fintech_companies"),
        ("- AI & Data Science: 350+ start-ups", "ai_companies"),
        ("- Members: 2,000 companies", "companies"),
    ],
)
def test_a_label_naming_a_cluster_narrows_the_general_noun_of_its_value(
    line: str, metric: str
) -> None:
    assert [m for _, m in metrics(line)] == [metric]


def test_a_strong_community_is_its_size_whatever_it_then_does() -> None:
    text = (
        "Cyberport news\n\nCyberport's 1,750-strong community of start-ups will also benefit "
        "from the new scheme, the hub said."
    )
    assert statuses(text, date(2022, 11, 23)) == {("companies", 1750): "auto"}
    joined = "Cyberport news\n\nSome 40 Cyberport start-ups will also benefit from the scheme."
    assert statuses(joined, date(2022, 11, 23)).get(("startups", 40)) != "auto"


def test_a_clusters_count_told_as_a_change_from_one_figure_to_another() -> None:
    text = (
        "Cyberport news\n\nThe Cyberport AI community has expanded from over 300 companies in "
        "April 2024 to more than 460 companies as at end-March 2025."
    )
    got = statuses(text, date(2025, 5, 2))
    assert got.get(("ai_companies", 460)) == "auto" and ("companies", 460) not in got


@pytest.mark.parametrize(
    ("sentence", "metric", "value"),
    [
        # A relative clause between a cluster and its verb leaves the cluster the subject.
        (
            "Cyberport's FinTech cluster, which numbered about 20 companies at the end of 2013, "
            "has grown to more than 300.",
            "fintech_companies",
            300,
        ),
        # Fields listed after a general one: the whole community.
        (
            "Cyberport is home to more than 60 technology, media and digital entertainment "
            "companies.",
            "companies",
            60,
        ),
        (
            "Cyberport is home to 60 digital entertainment companies.",
            "digital_entertainment_companies",
            60,
        ),
        # The whole a part is of keeps its own noun, not the part's predicate.
        (
            "As at mid-December, 183 of Cyberport's 328 companies were based on the campus.",
            "companies",
            328,
        ),
        (
            "As at mid-December, 183 of Cyberport's 328 companies were based on the campus.",
            "companies_onsite",
            183,
        ),
    ],
)
def test_what_a_figure_counts_past_asides_lists_and_parts(
    sentence: str, metric: str, value: int
) -> None:
    got = inline(f"Cyberport news\n\n{sentence}", date(2018, 12, 28))
    assert (metric, value) in {(m, v) for m, v, *_ in got}


@pytest.mark.parametrize(
    ("sentence", "metric", "value"),
    [
        # The whole after "two of its": the owner's set, counted.
        (
            "Cyberport hosts 400 AI companies, and two of its nine unicorns work on AI.",
            "unicorns",
            9,
        ),
        # A cluster named as the subject of a rank.
        (
            "FinTech remains the largest cluster, with over 400 companies.",
            "fintech_companies",
            400,
        ),
        # A field the companies develop, named with a digit in it.
        (
            "More than 100 companies in the Cyberport community were developing Web3 applications.",
            "web3_companies",
            100,
        ),
        # Unicorns by their definition.
        (
            "Cyberport's start-ups did well: four of them have passed the US$1 billion valuation "
            "mark.",
            "unicorns",
            4,
        ),
    ],
)
def test_wholes_ranked_clusters_developed_fields_and_valuation_marks(
    sentence: str, metric: str, value: int
) -> None:
    got = inline(f"Cyberport news\n\n{sentence}", date(2022, 11, 14))
    assert (metric, value) in {(m, v) for m, v, *_ in got}


@pytest.mark.parametrize(
    ("text", "metric", "value"),
    [
        (
            "AI and data science is now the fastest-growing part of the community, with over 400 "
            "companies.",
            "ai_companies",
            400,
        ),
        (
            "Cyberport's Web3 cluster deserves special mention. It has grown to over 220 "
            "companies.",
            "web3_companies",
            220,
        ),
        (  # a pronoun after a sentence about the whole community: the community's
            "Cyberport's community is growing. It has grown to over 2,200 companies.",
            "companies",
            2200,
        ),
    ],
)
def test_a_cluster_as_a_part_of_the_community_or_as_the_subject_before_it(
    text: str, metric: str, value: int
) -> None:
    got = inline(f"Cyberport news\n\n{text}", date(2024, 12, 19))
    assert (metric, value) in {(m, v) for m, v, *_ in got}


def test_a_count_grown_to_in_its_own_clause_is_its_subjects() -> None:
    text = (
        "Cyberport news\n\nThe Cyberport community has grown to around 1,800 companies, and "
        "its unicorn count has risen to seven."
    )
    got = {(m, v) for m, v, *_ in inline(text, date(2022, 11, 9))}
    assert {("companies", 1800), ("unicorns", 7)} <= got


@pytest.mark.parametrize(
    ("sentence", "metric", "value"),
    [
        (
            "More than 80 Cyberport companies now work in financial technology.",
            "fintech_companies",
            80,
        ),
        ("More than 80 Cyberport companies now work in new offices.", "companies", 80),
        (
            "Since 2005, more than 530 start-ups have come through its programme, Cyberport said.",
            "incubatees",
            530,
        ),
    ],
)
def test_companies_that_now_work_in_a_field_or_came_through_the_programme(
    sentence: str, metric: str, value: int
) -> None:
    got = inline(f"Cyberport news\n\n{sentence}", date(2016, 6, 8))
    assert (metric, value) in {(m, v) for m, v, *_ in got}
