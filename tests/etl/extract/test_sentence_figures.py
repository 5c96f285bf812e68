"""The figures of one sentence: unit, qualifier, metric, and the flags on mangled text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.sentence_figures import _SIGNED, find_figures


def figs(s: str) -> list[tuple[str, float, str, str, str, bool]]:
    return [
        (s[f.start : f.end], f.number.value, f.unit, f.qualifier, f.metric.metric, f.garbled)
        for f in find_figures(s)
    ]


def test_one_sentence_many_claims() -> None:
    s = (
        "The hub is home to over 2,200 start-ups and technology companies, including 5 listed "
        "companies and 7 unicorns, with total financing exceeding HK\\$ 43.4 billion."
    )
    assert [(f[1], f[2], f[3], f[4]) for f in figs(s)] == [
        (2200, "count", "over", "companies"),
        (5, "count", "exact", "listed_companies"),
        (7, "count", "exact", "unicorns"),
        (43.4e9, "HKD", "over", "funding_raised"),
    ]


def test_shared_noun_after_coordinated_figures() -> None:
    s = "It has 1,800 members, including 700 onsite and 1,100 offsite start-ups."
    assert [f[4] for f in figs(s)] == ["companies", "companies_onsite", "companies_offsite"]


def test_not_metrics() -> None:
    s = (
        "In 2019 the 5th forum drew 3,000 visitors to 12,000 square feet of halls over 3 days; "
        "call (852) 2345 6789. The budget allocated HK$20 million to it."
    )
    assert figs(s) == []


def test_changes_and_plans_are_not_levels() -> None:
    assert figs("The park added 300 more companies and grew by 250 members.") == []
    assert figs("Cyberport aims to host 3,000 companies.") == []


def test_garbled_text_is_flagged_for_the_whole_sentence() -> None:
    got = figs("The park hosted more than 1500,2019 companies, and 40% of them are local.")
    assert [(f[1], f[4], f[5]) for f in got] == [
        (1500, "companies", True),
        (40, "local_share_pct", True),
    ]
    assert all(f[5] for f in figs("There are over 2 Web240 companies in the park."))
    assert figs("It won more than <>,<> awards.") == []


def test_plus_and_number_of() -> None:
    assert figs("The park has 2,000-plus members.")[0][3] == "over"
    s = "The number of start-ups at the park rose to 1,200."
    assert [(f[1], f[4]) for f in figs(s)] == [(1200, "startups")]


def test_comparison_takes_the_metric_of_the_figure_before() -> None:
    got = figs("It hosts 1,000 companies, up from about 500 in 2013.")
    assert [(f[1], f[3], f[4]) for f in got] == [
        (1000, "exact", "companies"),
        (500, "about", "companies"),
    ]


@pytest.mark.parametrize(
    ("sentence", "earlier"),
    [
        ("Its companies raised HK$5.3 billion, up 26% from HK$4.2 billion a year earlier.", 4.2e9),
        ("They raised HK$13.5 billion, nearly double the HK$6.9 billion recorded in 2017.", 6.9e9),
    ],
)
def test_a_comparison_after_a_change_or_a_multiple_counts_the_figure_befores(
    sentence: str, earlier: float
) -> None:
    got = figs(sentence)
    assert [(f[1], f[4]) for f in got][-1] == (earlier, "funding_raised")


def test_a_group_acting_together_is_no_size_and_its_money_is_its_own() -> None:
    s = "The 14 start-ups in the programme together raised HK$186 million."
    got = find_figures(s, keep_bare=True)
    assert [(f.number.value, f.source) for f in got] == [(14, "activity"), (186e6, "activity")]
    kept = "Incubatees have won nine awards to date and together hold 14 patents."
    assert [f[4] for f in figs(kept)][:1] == ["awards"]  # "and together": the subject's


def test_a_cluster_opening_the_sentence_names_what_its_first_count_counts() -> None:
    s = "Our Web3 cluster, set up last year with HK$50 million, already gathered 152 companies."
    assert [(f[1], f[4]) for f in figs(s)] == [(152, "web3_companies")]
    two = (
        "The park's Web3 cluster has grown to more than 270 companies, one of the largest in "
        "Asia, and some 400 companies here work in artificial intelligence."
    )
    assert "web3_companies" not in [f[4] for f in figs(two)][1:]


def test_interns_placed_with_companies_are_no_count_of_companies() -> None:
    assert figs("The internship schemes placed 620 interns with community companies.") == []
    assert figs("We subsidised around 600 internships at community companies.") == []


def test_the_share_of_non_local_companies_is_no_local_share() -> None:
    assert figs("Non-local and overseas companies: 32%") == []
    assert [f[4] for f in figs("Local companies: 68%")] == ["local_share_pct"]


def test_a_plural_noun_right_before_a_bare_figure_names_what_it_counts() -> None:
    got = figs("Cyberport cos ~600 as of end-June; fintech cos ~150, mgmt says.")
    assert [(f[1], f[4]) for f in got] == [(600, "companies"), (150, "fintech_companies")]
    assert figs("The hub has 600 and more.") == []  # no noun before it
    assert figs("Startup 300 opened.") == []  # a singular names a thing by its number


def test_a_comparison_with_a_figure_that_counts_nothing_counts_nothing() -> None:
    s = "We received 1,480 applications, compared with 1,120 in 2018/19."
    assert figs(s) == []
    assert 1120 not in [f.number.value for f in find_figures(s, keep_bare=True)]


def test_a_relative_clause_states_its_own_fact_beside_a_plan() -> None:
    fact = "The new studio will serve the gaming cluster, which already counts 150 companies."
    assert [(f[1], f[4]) for f in figs(fact)] == [(150, "digital_entertainment_companies")]
    present = "A hub will open for the members, who have raised HK$2 billion so far."
    assert [(f[1], f[4]) for f in figs(present)] == [(2e9, "funding_raised")]
    # A plan inside the relative clause, or after it, is still a plan.
    assert figs("The park is building a tower, which would house 400 companies.") == []
    assert figs("The scheme, which began in 2017, will admit 60 start-ups.") == []
    assert figs("Cyberport will open a hub for 300 AI start-ups.") == []


def test_a_fact_sheet_label_names_the_figure() -> None:
    assert [(f[1], f[3], f[4]) for f in figs("- Unicorns: 3")] == [(3, "exact", "unicorns")]
    assert [(f[1], f[3], f[4]) for f in figs("• Start-ups in the community: 640")] == [
        (640, "exact", "startups")
    ]
    assert [(f[1], f[3], f[4]) for f in figs("Member companies: 1,300+")] == [
        (1300, "over", "companies")
    ]
    # Labels that name no metric stay out: money set aside, areas, years, phone numbers.
    for line in (
        "Budget: HK$750,000",
        "Gross floor area: 35,000 square feet",
        "Founded: 1999",
        "Enquiries: 2345 6789",
        "Seats: 120",
    ):
        assert figs(line) == [], line


def test_a_label_may_end_in_a_dash() -> None:
    assert [(f[1], f[3], f[4]) for f in figs("- FinTech — over 400 companies, the biggest")] == [
        (400, "over", "fintech_companies")
    ]
    assert [(f[1], f[4]) for f in figs("- Unicorns – 7")] == [(7, "unicorns")]
    # A dash inside a sentence is no label: the noun after the figure says what it counts.
    assert [(f[1], f[4]) for f in figs("Cyberport — now home to 1,900 companies")] == [
        (1900, "companies")
    ]


def test_a_signed_figure_is_a_change() -> None:
    found = find_figures("- Fintech: +35", keep_bare=True)
    assert [f.increment for f in found] == [True]
    assert [f.increment for f in find_figures("- Fintech: 510", keep_bare=True)] == [False]
    # "200+" is a level over 200, not a change.
    assert [f.increment for f in find_figures("- Fintech: 200+", keep_bare=True)] == [False]


def test_a_count_in_a_span_of_time_is_a_rate_not_a_level() -> None:
    rate = find_figures('"Two listings in one month tell you how far we have come," he said.')
    assert [f.increment for f in rate] == [True]
    for level in (
        "Cyberport had 12 listings in 2023.",  # a dated level
        "Cyberport has 2,000 companies in a year of growth.",  # the year of something
    ):
        assert [f.increment for f in find_figures(level)] == [False], level


def test_a_clause_about_an_intake_counts_the_intake() -> None:
    found = metrics("This year's intake to the incubation programme stands at 38 start-ups.")
    assert found == [(38, "incubatees", "subject")]
    assert metrics("Admissions stood at 88 start-ups last year.")[0][1] == "incubatees"
    assert metrics("Its first intake was 14 start-ups.")[0][1] == "incubatees"
    assert metrics("Its community is 2,000 start-ups.")[0][1] == "startups"
    # An intake named on the way is not the subject: the community is.
    said = "Cyberport said the admissions approved this week mean it now stands at 2,400 companies."
    assert metrics(said)[0][1] == "companies"
    assert metrics("The community stands at 2,000 start-ups.")[0][1] == "startups"


def test_wire_shorthand_and_a_label_after_a_clause() -> None:
    found = metrics("* 7 unicorns to date; AI/data cos >200", keep_bare=True)
    assert [(v, m) for v, m, _ in found] == [(7, "unicorns"), (200, "ai_companies")]
    assert metrics("cos in the community sell into >30 mkts")[0][:2] == (30, "markets")


def test_a_figure_in_brackets_after_a_part_is_a_part_too() -> None:
    s = "AI ventures made up 53 of the admissions, followed by fintech (21) and Web3 (14)."
    assert [m for _, m, _ in metrics(s, keep_bare=True) if m == "incubatees"] == []


def test_a_membership_counts_companies_and_a_few_dozen_counts_nothing() -> None:
    assert metrics("The hub has a 1,700-odd membership today.") == [(1700, "companies", "noun")]
    assert metrics("It received 500 membership applications.") == []
    assert metrics("We grew from a few dozen companies to many more.") == []
    assert metrics("We have a dozen unicorns.") == [(12, "unicorns", "noun")]


def test_the_biggest_group_named_by_a_cluster_is_the_clusters_size() -> None:
    s = "Fintech is still the biggest group, close to 500 companies."
    assert metrics(s) == [(500, "fintech_companies", "cluster")]
    # A group that names no cluster is still no size of the community.
    assert metrics("The largest group, 300 companies, joined the trip.")[0][2] == "activity"


def test_one_companys_round_named_by_its_possessive_is_no_community_funding() -> None:
    s = "More than 1,500 companies now belong, and WeLab's US$156 million funding round made it."
    assert [src for v, _, src in metrics(s) if v == 156e6] == ["activity"]
    assert metrics("Cyberport's companies have raised HK$40 billion.")[0][2] == "noun"


def test_a_part_that_was_acquired_is_an_event_but_a_part_that_joined_is_not() -> None:
    s = "And a dozen of our alumni have been acquired by larger companies."
    assert [src for _, _, src in metrics(s)] == ["activity"]
    assert metrics("Of our 2,000 companies, 800 are on the campus.")[1][1:] == (
        "companies_onsite",
        "predicate",
    )


def test_a_count_in_a_where_clause_after_a_field_is_the_fields() -> None:
    s = (
        "The fastest growth has come in artificial intelligence and data science, where we now "
        "have about 200 companies, and in smart living, where some 300 firms are building."
    )
    assert [m for _, m, _ in metrics(s)] == ["ai_companies", "smart_living_companies"]
    assert metrics("We opened a lab in Shenzhen, where 40 companies work.")[0][1] == "companies"


@given(
    st.lists(
        st.sampled_from(["wh", "WH", "Wh", "w", "h", "ich", "o", "ere", ", ", ",", " ", "x"]),
        max_size=12,
    ).map("".join)
)
def test_own_clause_skips_only_clauses_without_a_relative_word(clause: str) -> None:
    from etl.extract.figure_words import RELATIVE as _RELATIVE
    from etl.extract.figure_words import own_clause as _own_clause

    starts = [m.start() for m in _RELATIVE.finditer(clause)]
    assert _own_clause(clause) == (clause[starts[-1] :] if starts else clause)


def metrics(s: str, keep_bare: bool = False) -> list[tuple[float, str | None, str]]:
    return [
        (f.number.value, f.metric.metric if f.metric else None, f.source)
        for f in find_figures(s, keep_bare=keep_bare)
    ]


def test_a_strong_membership_and_bold_number_words() -> None:
    assert metrics("We have a 1.7k-strong membership now.") == [(1700, "companies", "noun")]
    assert metrics("**seven** of Hong Kong's unicorns came out of our community.") == [
        (7, "unicorns", "partitive")
    ]


def test_a_hyphenated_measure_is_no_count() -> None:
    assert metrics("From two-person studios to a 24-month programme.", keep_bare=True) == []
    assert metrics("The hub's 1,800-square-metre venue hosted tournaments.", keep_bare=True) == []


def test_the_whole_a_part_is_counted_from_is_someone_elses() -> None:
    assert metrics("Nine of the 14 awards won this year went to its companies.") == [
        (9, "awards", "partitive")
    ]


def test_a_phrasal_verb_is_no_change_but_a_change_is() -> None:
    assert metrics("Its start-ups picked up 27 awards last year.") == [(27, "awards", "noun")]
    assert metrics("They shone abroad, picking up 8 awards.") == [(8, "awards", "noun")]
    assert metrics("Its founders have racked up 40 patents.") == [(40, "ip_rights", "noun")]
    assert metrics("Local companies make up some 80 per cent of the community.") == [
        (80, "local_share_pct", "noun")
    ]
    assert metrics("The cluster grew by 300 companies.") == []
    assert metrics("Its robots cut picking times by 35 per cent for a local firm.") == []


def test_target_markets_are_no_markets_reached() -> None:
    assert metrics("It offers soft-landing support in 15 target markets.") == []
    assert metrics("Its start-ups have reached 15 markets.") == [(15, "markets", "noun")]


def test_the_second_year_of_a_fiscal_year_is_no_figure() -> None:
    found = metrics("The programme admitted 82 start-ups in the 2015-16 intake year.", True)
    assert [v for v, _, _ in found] == [82]


def test_an_addition_is_kept_bare_and_marked_for_a_flow_only() -> None:
    (f,) = find_figures("In the first quarter 40 more joined.", keep_bare=True)
    assert f.increment and f.metric is None
    assert find_figures("In the first quarter 40 more joined.") == []


def test_a_portfolio_and_one_of_the_largest_are_no_community_counts() -> None:
    assert metrics("The fund has invested in 10 companies so far.") == []
    assert metrics("It has become one of the fastest-growing clusters on the campus.") == []


def test_a_general_noun_gives_way_to_a_narrower_predicate() -> None:
    assert metrics("Seven community companies are now listed on exchanges.") == [
        (7, "listed_companies", "predicate")
    ]
    assert metrics("Including more than 400 in fintech, the community grew.") == [
        (400, "fintech_companies", "predicate")
    ]


def test_a_number_word_after_the_names_known_things() -> None:
    assert metrics("The two companies have now established a partnership.") == []
    assert metrics("Two companies have now established a partnership.") == [
        (2, "companies", "noun")
    ]


def test_a_label_and_its_value_on_one_line() -> None:
    assert metrics("Unicorns nurtured 3") == [(3, "unicorns", "label")]
    assert metrics("Companies in the Cyberport community 1,550+") == [(1550, "companies", "label")]
    assert metrics("The venue has room for 300.") == []  # a sentence, not a label


def test_a_figure_picked_out_by_an_ordinal_totals_nothing() -> None:
    assert metrics("Start-ups no longer struggle to raise their first HK$500,000.") == []
    assert metrics("The first 10 start-ups moved in today.") == []
    assert metrics("Start-ups have raised HK$500,000 so far.") == [
        (500000, "funding_raised", "noun")
    ]


@pytest.mark.parametrize(
    ("line", "metric"),
    [
        ("- of which on campus: 640", "companies_onsite"),
        ("- of which off campus: 410", "companies_offsite"),
        ("- Fintech: 210", "fintech_companies"),
        ("Unicorns nurtured: 5", "unicorns"),
        ("Start-ups taken into incubation 88", "incubatees"),
    ],
)
def test_a_short_label_names_its_value_as_a_heading_would(line: str, metric: str) -> None:
    assert [f[4] for f in figs(line)] == [metric]


def test_a_long_clause_before_a_colon_is_no_label() -> None:
    s = (
        "At year end, the community had grown to more than 1,200 companies: "
        "over 600 of them on site"
    )
    assert [(f[1], f[4]) for f in figs(s)] == [(1200, "companies"), (600, "companies_onsite")]


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        # The measure words translated text keeps (家, 只), and its noun before the figure.
        ("the community has company more than 1,500 home", [(1500, "over", "companies")]),
        ("among them start-up enterprise about 800 home", [(800, "about", "startups")]),
        ("Financial technology company also near 350 home", [(350, "nearly", "fintech_companies")]),
        ("cultivate unicorn 4 only, include online travel", [(4, "exact", "unicorns")]),
        ("already incubated out 6 home unicorn enterprise", [(6, "exact", "unicorns")]),
        ("community company exceed 1,800 many home", [(1800, "over", "companies")]),
        # Singular after a plural figure.
        ("the park currently have more than 1200 company", [(1200, "over", "companies")]),
        # A verb or a subject pronoun between the noun and the figure, a place after the noun.
        ("unicorn enterprise has 9 only", [(9, "exact", "unicorns")]),
        ("fintech company we have more than 75 home", [(75, "over", "fintech_companies")]),
        ("the blockchain company in Pok Fu Lam have 90 homes", [(90, "exact", "web3_companies")]),
        # The noun after the measure word in quotes; "family" (家) as a measure word.
        ('already grow 5 home "unicorn" enterprise', [(5, "exact", "unicorns")]),
        ("the resident enterprise approximately 420 family", [(420, "about", "companies_onsite")]),
        # Origins in the singular.
        ("the founders come from 14 country and district", [(14, "exact", "founder_origins")]),
    ],
)
def test_translated_word_order(s: str, expected: list[tuple]) -> None:
    assert [(f[1], f[3], f[4]) for f in figs(s)] == expected


@pytest.mark.parametrize(
    "s",
    [
        "subsidy 100 name young people to go north",  # no measure word, no metric
        "the forum attract 8,000 person-time participate",
        "each person each month get subsidy 10,000 yuan",
        "the museum has 40 only",  # a measure word, but no noun of ours before it
        "Hong Kong families have 3 home",
    ],
)
def test_translated_figures_of_nothing_we_count(s: str) -> None:
    assert figs(s) == []


def sources(s: str) -> list[tuple[float, str, str]]:
    return [(f.number.value, f.metric.metric, f.source) for f in find_figures(s)]


@pytest.mark.parametrize(
    "s",
    [
        "Eighteen community start-ups joined the trip to Tokyo.",
        "Over 40 members of the community have operations in the European Union.",
        "Two community companies reached a valuation of US$1 billion during the year.",
        "The agency is leading a pavilion of 60 start-ups at the fair.",
        "The park signed agreements with five universities and 14 companies.",
        "The network has channelled HK$800 million into 70 start-ups since 2015.",
        "At the show, 25 start-ups pitched to investors.",
    ],
)
def test_companies_taking_part_in_something_are_no_size_of_a_community(s: str) -> None:
    assert all(src == "activity" for _, m, src in sources(s) if m in ("companies", "startups"))
    assert any(m in ("companies", "startups") for _, m, _ in sources(s))


@pytest.mark.parametrize(
    "s",
    [
        "The park is home to 2,000 start-ups and technology companies.",
        "Some 1,800 companies now make up the community.",
        "The community comprised 1,450 companies at year end.",
        "With 900 members, it is the largest hub of its kind.",
    ],
)
def test_a_community_size_is_no_activity(s: str) -> None:
    assert [src for _, m, src in sources(s) if m in ("companies", "startups")] == ["noun"]


@pytest.mark.parametrize(
    ("s", "metric"),
    [
        ("This brings the number of start-ups the programme has taken in to 242.", "incubatees"),
        ("The number of member companies that have gone public rose to six.", "listed_companies"),
        ("The number of companies in the community rose to 1,200.", "companies"),
    ],
)
def test_the_number_of_a_noun_is_narrowed_by_the_words_after_it(s: str, metric: str) -> None:
    assert [m for _, m, _ in sources(s)] == [metric]


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("home to 1,650 members, including over 700 companies on site and 950 off site",
         [(1650, "companies"), (700, "companies_onsite"), (950, "companies_offsite")]),
        ("its 2.3k-strong membership includes 11 unicorns",
         [(2300, "companies"), (11, "unicorns")]),
        ("nine community companies have gone on to list", [(9, "listed_companies")]),
        ("The network now has 120 investor members.", []),
        ("about 100 of them physically on the campus", [(100, "companies_onsite")]),
    ],
)  # fmt: skip
def test_the_words_right_after_a_general_noun_narrow_it(s: str, expected: list) -> None:
    assert [(v, m) for v, m, _ in sources(s)] == expected


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("- Of which start-ups: 700", [(700, "startups")]),
        ("held 700 IP rights as at 31 March 2021 and won 85 awards in 2020-21",
         [(700, "ip_rights"), (85, "awards")]),
        ("Members at the end of June 2024 numbered 2,100 companies", [(2100, "companies")]),
    ],
)  # fmt: skip
def test_labels_of_parts_and_years_after_months(s: str, expected: list) -> None:
    assert [(v, m) for v, m, _ in sources(s)] == expected


@pytest.mark.parametrize(
    ("s", "metric"),
    [
        ("- AI & data science: 260", "ai_companies"),
        ("- Digital entertainment & e-sports: 175", "digital_entertainment_companies"),
        ("- Web3: 190+", "web3_companies"),
    ],
)
def test_a_short_label_that_names_a_cluster_is_the_cluster(s: str, metric: str) -> None:
    assert [m for _, m, _ in sources(s)] == [metric]


@pytest.mark.parametrize("s", ["- Visitors over two days: 4,500", "- Opening hours: 9 to 6"])
def test_a_label_that_names_no_cluster_counts_nothing(s: str) -> None:
    assert sources(s) == []


@pytest.mark.parametrize(
    "s",
    [
        "Roughly 65% of our companies are Hong Kong firms.",
        "About 68% of members were Hong Kong-founded.",
        "Some 70% of the teams are home-grown.",
    ],
)
def test_shares_of_local_companies(s: str) -> None:
    assert [m for _, m, _ in sources(s)] == ["local_share_pct"]


def test_a_part_of_those_named_after_its_verb() -> None:
    s = "Just under 500 of those are start-ups, and roughly 300 of the start-ups work on site."
    assert [(v, m) for v, m, _ in sources(s)] == [(500, "startups"), (300, "companies_onsite")]


def test_a_sub_row_label_is_read_after_its_parent_row() -> None:
    # "Alumni" alone names no metric; under "Unicorns nurtured" it counts unicorns.
    assert find_figures("- - Alumni: 3", keep_bare=True) == []
    (f,) = find_figures("- - Alumni: 3", keep_bare=True, parent="Unicorns nurtured")
    assert f.metric is not None and f.metric.metric == "unicorns"
    # A label that names its own metric keeps it.
    (g,) = find_figures("- - off-campus members: 900", parent="Listed companies")
    assert g.metric is not None and g.metric.metric == "companies_offsite"


@pytest.mark.parametrize(
    ("line", "metric"),
    [
        ("- on the Harbour campus: about 650", "companies_onsite"),  # a name before "campus"
        ("- on-campus members: 650", "companies_onsite"),
        ("- off-campus members: 850", "companies_offsite"),
    ],
)
def test_campus_labels(line: str, metric: str) -> None:
    (f,) = find_figures(line)
    assert f.metric is not None and f.metric.metric == metric


def test_a_label_is_read_whole_for_whose_set_it_counts() -> None:
    (f,) = find_figures("- Countries/regions of Web3 founders: 30")
    assert f.metric is not None and f.metric.metric == "web3_founder_origins"
    (g,) = find_figures("- Countries/regions of founders: 30")
    assert g.metric is not None and g.metric.metric == "founder_origins"


def test_a_label_that_opens_with_what_no_metric_counts_counts_none() -> None:
    assert find_figures("- Events held on campus in 2024: about 1,000") == []
    assert find_figures("- Speakers at the forum: 300+") == []
    (f,) = find_figures("- Companies held on campus: 700")  # (the same words after a metric)
    assert f.metric is not None


def test_nurturing_a_community_of_is_its_size_not_an_intake() -> None:
    s = "It is an incubator for entrepreneurship, nurturing a community of over 900 start-ups."
    (f,) = find_figures(s)
    assert f.metric is not None and f.metric.metric != "incubatees"
    (g,) = find_figures("The incubator nurtured 90 start-ups last year.")
    assert g.metric is not None and g.metric.metric == "incubatees"


def test_a_figure_compared_n_years_earlier_keeps_the_metric_it_is_compared_with() -> None:
    s = "The hub counts 300 companies, up from 200 three years earlier."
    got = [(f.number.value, f.metric.metric, f.comparison) for f in find_figures(s)]
    assert got == [(300.0, "companies", False), (200.0, "companies", True)]


def test_a_count_of_financial_years_is_no_figure() -> None:
    s = "Admissions to the incubation programme have risen over the past three financial years."
    assert find_figures(s, keep_bare=True) == []


@pytest.mark.parametrize(
    ("s", "metric"),
    [
        ("About 90 enterprises are stationed in the Harbour office towers.", "companies_onsite"),
        ("Some 210 firms located in the Westside office buildings renewed.", "companies_onsite"),
        ("Its 300 resident companies employ 4,000 people.", "companies_onsite"),
    ],
)
def test_companies_in_the_office_buildings_are_on_site(s: str, metric: str) -> None:
    assert [f[4] for f in figs(s)][:1] == [metric]


def test_companies_in_a_city_are_no_onsite_count() -> None:
    assert [f[4] for f in figs("About 90 enterprises are based in Kowloon Bay.")] == ["companies"]


@pytest.mark.parametrize(
    "s",
    [
        "The hub signed a pact with four universities as fintech start-ups multiply.",
        "It signed MoUs with 5 overseas AI associations to help community companies grow.",
    ],
)
def test_a_count_of_other_bodies_takes_no_metric_from_words_after_it(s: str) -> None:
    assert figs(s) == []


def test_a_count_of_companies_still_takes_the_narrower_metric_after_it() -> None:
    s = "Some 420 companies are housed on the campus, next to partner universities."
    assert [f[4] for f in figs(s)] == ["companies_onsite"]


@pytest.mark.parametrize(
    "s",
    [
        "Its members number about 900 firms, four of which - a lender and an app among them - "
        "are valued at more than US$1 billion.",
        "Five of its companies have been valued at over $1 billion.",
    ],
)
def test_a_valuation_over_a_billion_dollars_makes_unicorns(s: str) -> None:
    assert [(f[1], f[4]) for f in figs(s) if f[2] == "count"][-1] == (
        4 if s.startswith("Its") else 5,
        "unicorns",
    )


def test_a_part_of_a_set_is_never_the_set_s_own_count() -> None:
    s = "The community numbers about 900 firms, four of which - a lender and an app - moved."
    assert [(f[1], f[4]) for f in figs(s)] == [(900, "companies")]


def test_a_side_by_side_column_is_no_part_of_the_row_label() -> None:
    # The right-hand column's figure takes nothing from the left-hand column's label.
    assert figs("Unicorns 3 | Office buildings 4") == []
    assert figs("Listed companies 5 | Hotel rooms 173") == []
    assert figs("Floor area 52,000 m2") == []
    assert figs("Office space 8,400 sqm on the campus") == []


def test_a_spelt_number_before_a_singular_is_a_name() -> None:
    assert figs("She left a Big Four firm to build the start-up.") == []
    assert [f[4] for f in figs("the park have more than 1200 company")] == ["companies"]


@pytest.mark.parametrize(
    ("s", "metric"),
    [
        ("Our booth hosted a pavilion of 35 fintech start-ups at the expo.", "fintech_companies"),
        ("The relief scheme ran all year, benefiting some 310 companies.", "companies"),
        ("The export scheme supported 26 companies with trips abroad.", "companies"),
        ("Thanks go to the 12 member companies that sponsored the gala dinner.", "companies"),
        ("Representatives of the 19 graduating companies took the stage.", "companies"),
    ],
)
def test_groups_at_an_event_or_a_scheme_are_no_size_of_a_cluster(s: str, metric: str) -> None:
    assert (metric, "activity") in [(m, src) for _, m, src in sources(s)]


@pytest.mark.parametrize(
    ("s", "metric"),
    [
        ("The cluster now counts over 35 fintech start-ups.", "fintech_companies"),
        ("The park is home to some 310 companies.", "companies"),
        ("The park, which supports its tenants, is home to 310 companies.", "companies"),
    ],
)
def test_a_cluster_s_size_is_no_event_group(s: str, metric: str) -> None:
    assert (metric, "noun") in [(m, src) for _, m, src in sources(s)]


def test_those_that_left_a_set_are_no_count_of_it() -> None:
    s = "In all, 210 start-ups have been admitted to the scheme, and 140 of them have graduated."
    assert sources(s) == [(210, "incubatees", "noun"), (140, "incubatees", "activity")]
    s = "In all, 210 start-ups have been admitted to the scheme, and 40 of them joined this year."
    assert sources(s)[1] == (40, "incubatees", "subject")


def test_one_picked_out_of_a_counted_whole_is_no_count() -> None:
    s = "She joined the incubation scheme in 2015, one of 95 start-ups admitted that year."
    assert [v for v, _, _ in sources(s)] == [95]
    s = "The firm is one of more than 1,300 companies in the community."
    assert [v for v, _, _ in sources(s)] == [1300]
    s = "Nine of the 14 awards went to the park's companies."  # a part of a whole: the part
    assert [v for v, _, _ in sources(s)] == [9]
    s = "NovaLend is one of six unicorns to have emerged from the Cyberport community."
    assert sources(s) == [(6, "unicorns", "noun")]  # (a whole in words, as in digits)


def test_the_words_before_one_of_a_set_are_the_members_not_the_sets() -> None:
    s = "The firm joined the incubation programme and is one of 1,300 companies in the hub."
    assert sources(s) == [(1300, "companies", "noun")]  # not the programme's intake
    s = "The firm joined the incubation programme with 1,300 start-ups."
    assert sources(s)[0][1] == "incubatees"


@pytest.mark.parametrize(
    "s",
    [
        "Acme, a start-up at the park, has raised US$12 million in a Series A round.",
        "The robotics firm raised HK$8 million in a seed round, the company said.",
        "The company raised HK$30 million in its pre-IPO funding round.",
    ],
)
def test_one_company_s_round_is_no_community_funding(s: str) -> None:
    assert [src for _, m, src in sources(s) if m == "funding_raised"] == ["activity"]


def test_community_funding_rounds_are_still_funding() -> None:
    s = "Community companies raised HK$2 billion in Series A and B rounds last year."
    assert sources(s) == [(2e9, "funding_raised", "noun")]


def test_a_list_item_s_number_is_no_figure() -> None:
    s = "2. **Founders go abroad early.** Our missions reached 12 markets."
    assert [v for v, _, _ in sources(s)] == [12]
    assert find_figures("1. Corporates want in.", keep_bare=True) == []
    s = "Growth:\n3. 450 companies joined the community."
    assert [v for v, _, _ in sources(s)] == [450]
    assert [v for v, _, _ in sources("There were\n2 unicorns by year end.")] == [2]


@pytest.mark.parametrize(
    ("s", "value", "metric"),
    [
        ("Acme Park Brings 25 Fintech Start-ups to Singapore Expo", 25, "fintech_companies"),
        ("The trade mission took 30 start-ups to Riyadh and Dubai.", 30, "startups"),
        (
            "The park is bringing 35 start-ups from its programmes to meet buyers in Tokyo.",
            35,
            "startups",
        ),
    ],
)
def test_companies_carried_to_an_event_are_a_group_at_it(s: str, value: int, metric: str) -> None:
    assert sources(s) == [(value, metric, "activity")]


@pytest.mark.parametrize(
    "s",
    [
        "The programme took in 90 start-ups this year.",  # an intake, not a trip
        "The new wing takes the community to 1,200 companies.",  # the total after "to"
        "The hub brought together 300 start-ups under one roof.",
        "The expansion brings 300 start-ups from overseas, taking the community to 2,000.",
    ],
)
def test_a_count_not_carried_anywhere_is_no_event_group(s: str) -> None:
    assert all(src != "activity" for _, _, src in sources(s))


@pytest.mark.parametrize(
    ("s", "value", "metric"),
    [
        (
            "Its Web3 Pavilion presented 28 companies from the community to investors.",
            28,
            "companies",
        ),
        (
            "The figures came out at the opening of the Acme FinTech Showcase, where 45 start-ups "
            "are demonstrating products.",
            45,
            "startups",
        ),
        ("The Demo Day welcomed 60 start-ups and 200 investors.", 60, "startups"),
    ],
)
def test_companies_an_event_shows_are_a_group_at_it(s: str, value: int, metric: str) -> None:
    assert (value, metric, "activity") in sources(s)


def test_where_the_people_at_an_event_come_from_is_no_market_of_the_community() -> None:
    s = "The showcase put 120 start-ups before over 300 investors from 27 markets."
    assert (27, "markets", "activity") in sources(s)
    s = "Community companies have reached 27 markets, and founders come from 30 countries."
    assert all(src != "activity" for _, _, src in sources(s))


@pytest.mark.parametrize(
    "s",
    [
        "The campus, where 800 companies work, is the largest in the city.",  # no event
        "At the forum, Acme said its community had grown to 2,000 companies.",  # a size
        "The park now hosts 1,700 start-ups.",
    ],
)
def test_a_count_no_event_shows_is_not_a_group_at_one(s: str) -> None:
    assert all(src != "activity" for _, _, src in sources(s))


def test_a_predicate_ends_at_the_next_count() -> None:
    s = "Acme Welcomes 30 Start-ups To Its Intake Programme graduates have won 12 awards"
    assert (30, "awards") not in [(v, m) for v, m, _ in sources(s)]
    assert (12, "awards", "noun") in sources(s)
    s = "two of its community companies are now valued at more than US$1 billion"
    assert sources(s)[0] == (2, "unicorns", "predicate")  # an amount after a sign stays


def test_a_named_group_of_the_community_is_no_size_of_it() -> None:
    s = "E-commerce was the busiest segment on campus, numbering about 70 companies."
    assert sources(s) == [(70, "companies", "activity")]
    s = "The park is the largest group of tech firms in the city, with 1,900 companies."
    assert sources(s) == [(1900, "companies", "noun")]  # "a group of": the whole


def _counted(s: str) -> list[tuple[float, str | None, str]]:
    return [
        (f.number.value, f.metric and f.metric.metric, f.source)
        for f in find_figures(s, keep_bare=True)
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("It counts 1,900 members, roughly 700 of which operate out of the campus towers.", 700),
        ("We host 1,100 firms today, around 450 of them working right here on our campus.", 450),
        ("The network has 600 companies, some 220 of them based at the park.", 220),
        ("We count 300 firms, and 140 of them work from desks right on the campus.", 140),
        ("At year end, 64 of these firms were tenants on the Pok Fu Lam campus.", 64),
    ],
)
def test_a_part_working_from_the_campus_counts_companies_on_site(
    sentence: str, value: float
) -> None:
    assert (value, "companies_onsite", "predicate") in _counted(sentence)


def test_a_part_working_elsewhere_is_not_on_site() -> None:
    s = "We host 1,100 firms today, around 450 of them working from home offices in Kowloon."
    assert all(m != "companies_onsite" for _, m, _ in _counted(s))


@pytest.mark.parametrize(
    "sentence",
    [
        "The hub had 400 companies, 250 of them on the campus and 150 outside it.",
        "The hub had 400 firms: 250 were tenants, and 150 were associate firms based elsewhere.",
        "The hub had 400 firms, of which 250 were located on site and 150 were located outside.",
    ],
)
def test_a_part_outside_the_campus_counts_companies_off_site(sentence: str) -> None:
    assert (150, "companies_offsite", "predicate") in _counted(sentence)


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        (
            "Our biggest group by far: over 310 of the campus's companies work in fintech.",
            "fintech_companies",
        ),
        ("The headline: about 90 of the community's start-ups are now unicorns.", "unicorns"),
    ],
)
def test_a_part_after_a_colon_is_a_clause_not_a_labels_value(
    sentence: str, metric: str | None
) -> None:
    found = [f for f in _counted(sentence) if f[0] in (310, 90)]
    assert found, "the figure is kept for its clause to name what it counts"
    assert found[0][1] == metric


def test_a_labels_value_is_still_read_as_one() -> None:
    assert _counted("Unicorns nurtured: 9") == [(9, "unicorns", "label")]
    assert _counted("Opening remarks: 12") == []  # a label naming no metric counts none


@pytest.mark.parametrize(
    "sentence",
    [
        "Last spring one of its start-ups closed a funding round of HK$30 million.",
        "A robotics member recently completed a round of financing worth US$4 million.",
    ],
)
def test_one_funding_round_is_no_community_total(sentence: str) -> None:
    (f,) = find_figures(sentence)
    assert f.source == "activity"


def test_funds_raised_over_rounds_are_a_total() -> None:
    (f,) = find_figures("Its companies raised HK$900 million across many funding rounds.")
    assert (f.metric and f.metric.metric, f.source) == ("funding_raised", "noun")


@pytest.mark.parametrize(
    "sentence",
    [
        "This spring alone its members secured HK$700 million from new backers.",
        "Last year they brought in over US$90 million, most of it from abroad.",
        "Its start-ups attracted RMB 200 million from mainland funds.",
    ],
)
def test_money_secured_or_brought_in_is_funding_raised(sentence: str) -> None:
    (f,) = find_figures(sentence)
    assert f.metric is not None and f.metric.metric == "funding_raised"


def test_money_secured_in_a_contract_is_no_funding() -> None:
    assert find_figures("The studio secured a HK$12 million contract from a bank.") == []


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        (
            "This year its start-ups raised US$80 million, taking the running total to US$1.1 "
            "billion.",
            "funding_raised",
        ),
        ("Members won nine prizes in May; their combined total now stands at 210.", "awards"),
        ("Its start-ups won 12 awards, taking the total they have earned to 140.", "awards"),
    ],
)
def test_a_running_total_counts_what_the_figure_before_it_counts(
    sentence: str, metric: str
) -> None:
    first, total = find_figures(sentence, keep_bare=True)
    assert first.metric is not None and first.metric.metric == metric
    assert total.metric is not None and (total.metric.metric, total.source) == (metric, "total")


def test_a_total_of_what_the_companies_before_it_did_counts_that() -> None:
    s = "Two companies from the hub also went public this year, bringing the total to five."
    total = find_figures(s, keep_bare=True)[-1]
    assert total.metric is not None and (total.metric.metric, total.source) == (
        "listed_companies",
        "total",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # a stock ("companies") has no running total: a later figure is no sum of it
        "It admitted 40 companies, bringing the total to 900.",
        "Forty companies joined this year, bringing the total to 900.",
        # a total in another unit is not the figure before's
        "Members raised HK$50 million; the total is now 300.",
    ],
)
def test_a_total_of_a_stock_or_another_unit_takes_no_metric(sentence: str) -> None:
    figures = find_figures(sentence, keep_bare=True)
    assert all(f.source != "total" for f in figures)


@pytest.mark.parametrize(
    "sentence",
    [
        "Since January a further 25 fintech start-ups were admitted to its incubation scheme.",
        "Another 12 AI start-ups were accepted into the incubation programme this spring.",
    ],
)
def test_an_addition_admitted_to_a_programme_is_an_intake(sentence: str) -> None:
    (f,) = find_figures(sentence, keep_bare=True)
    assert f.increment and f.metric is not None
    assert f.metric.metric == "incubatees" and f.source in ("noun", "predicate")


def test_an_addition_that_did_something_else_is_no_intake() -> None:
    (f,) = find_figures("Since January a further 25 start-ups signed leases.", keep_bare=True)
    assert f.increment and f.metric is None


def test_parts_after_a_colon_that_ends_a_counted_set_are_its_parts() -> None:
    s = "It now hosts 1,800 companies: 700 on campus and about 1,100 working elsewhere."
    assert _counted(s) == [
        (1800, "companies", "noun"),
        (700, "companies_onsite", "predicate"),
        (1100, "companies_offsite", "predicate"),
    ]


def test_a_colon_after_other_words_opens_no_set() -> None:
    assert _counted("Our message to the forum was simple: 700 on campus.") == []


@pytest.mark.parametrize(
    "s",
    [
        "From January to April its incubation scheme recruited 47 start-ups.",
        "Its incubation programme has recruited 35 companies this spring.",
    ],
)
def test_start_ups_recruited_into_incubation_are_incubatees(s: str) -> None:
    assert [m for _, m, _ in sources(s)] == ["incubatees"]


@pytest.mark.parametrize(
    "s",
    [
        "The park recruited 47 start-ups for its trade delegation to Osaka.",
        "Start-ups in the community recruited 900 engineers last year.",
    ],
)
def test_recruiting_outside_incubation_counts_no_incubatees(s: str) -> None:
    assert "incubatees" not in [m for _, m, _ in sources(s)]


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        (
            "Since March, 24 start-ups working in games, animation and mobile content have been"
            " admitted to it.",
            "incubatees",
        ),
        ("Some 30 fintech start-ups were admitted to the accelerator this year.", "incubatees"),
        (
            "About 45 start-ups working in games, animation and mobile content are based here.",
            "digital_entertainment_companies",
        ),
        (
            "Over 40 start-ups working in games took part, and 12 were admitted later.",
            "digital_entertainment_companies",
        ),
    ],
)
def test_start_ups_of_a_field_said_to_be_admitted_are_an_intake(sentence: str, metric: str) -> None:
    f = find_figures(sentence, keep_bare=True)[0]
    assert f.metric is not None and f.metric.metric == metric


@pytest.mark.parametrize(
    "sentence",
    [
        "It is home to more than 100 ICT and digital content companies.",
        "The campus houses 700 technology and digital media companies.",
    ],
)
def test_a_coordinated_description_before_companies_counts_companies(sentence: str) -> None:
    (f,) = find_figures(sentence)
    assert f.metric is not None and f.metric.metric == "companies"


def test_words_after_a_figure_that_name_no_companies_count_none() -> None:
    s = "Fifty-two of those came in during the last twelve months, more than in any year."
    assert all(f.metric is None for f in find_figures(s, keep_bare=True))


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("Smart living is about 250 companies.", "smart_living_companies"),
        ("The fintech crowd alone is roughly 400 firms strong.", "fintech_companies"),
        ("The community is over 2,000 companies.", "companies"),
        (
            "A fintech cluster of over 400 companies sits within a community that is now close"
            " to 1,900 companies.",
            "companies",
        ),
    ],
)
def test_a_cluster_said_to_be_a_count_of_companies_is_what_it_counts(
    sentence: str, metric: str
) -> None:
    assert find_figures(sentence)[-1].metric.metric == metric  # type: ignore[union-attr]


def test_start_ups_incubated_at_the_organisation_are_an_intake() -> None:
    s = "The intake brings the total number of start-ups incubated at Cyberport to 87."
    assert find_figures(s, keep_planned=True)[0].metric.metric == "incubatees"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The community has 1,500 members, including four companies valued at US$1 billion.", 4),
        ("It has 400 companies, with six now valued at US$1 billion or more.", 6),
    ],
)
def test_companies_valued_at_a_billion_us_dollars_are_unicorns(sentence: str, value: int) -> None:
    (f,) = [f for f in find_figures(sentence, keep_bare=True) if f.number.value == value]
    assert f.metric is not None and f.metric.metric == "unicorns"


def test_a_company_valued_at_a_billion_is_no_count_and_others_off_site_are_off_site() -> None:
    assert all(f.metric is None for f in find_figures("The firm was valued at US$1 billion."))
    s = "About 1,200 are on campus; some 800 others are off-site members."
    assert [f.metric.metric for f in find_figures(s)] == ["companies_onsite", "companies_offsite"]  # type: ignore[union-attr]


def test_a_graduating_class_is_no_count_of_the_community() -> None:
    (f,) = find_figures(
        "Cyberport Marks Graduation of Twenty-One Digital Start-ups", keep_bare=True
    )
    assert f.source == "activity"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("We admitted 130 start-ups to our incubation programmes, and 25 of them were AI teams.",
         "doubtful"),
        ("Since 2005, 230 start-ups have been admitted, and 42 of them joined us in 2012 alone.",
         "subject"),
    ],
)  # fmt: skip
def test_a_part_of_an_intake_said_to_be_of_a_kind_is_doubtful(sentence: str, source: str) -> None:
    part = find_figures(sentence, keep_bare=True)[-1]
    assert part.metric is not None and part.source == source


def test_a_predicate_naming_a_cluster_in_two_words_joined_by_and_counts_it() -> None:
    s = "Roughly 300 are AI and data-science start-ups, and more than 270 are in Web3."
    assert [f.metric.metric for f in find_figures(s)] == ["ai_companies", "web3_companies"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 75 per cent of the firms in our community were founded here.",
        "About 65 per cent of the community's companies were founded by Hong Kong people.",
    ],
)
def test_a_share_of_companies_founded_here_is_the_local_share(sentence: str) -> None:
    (f,) = find_figures(sentence)
    assert f.metric is not None and f.metric.metric == "local_share_pct"


@pytest.mark.parametrize(
    "sentence",
    [
        "The community has 180 companies, and more than 70 of them have set up on the campus.",
        "It counts 1,500 companies, of which 800-plus are on the Pok Fu Lam campus.",
        "It has 2,100 members, roughly 1,000 of them based on its Pok Fu Lam campus.",
    ],
)
def test_a_part_said_to_be_on_a_campus_of_several_words_is_on_site(sentence: str) -> None:
    f = find_figures(sentence, keep_bare=True)[-1]
    assert f.metric is not None and f.metric.metric == "companies_onsite"


def test_events_on_the_campus_are_no_companies_on_site() -> None:
    assert all(f.metric is None for f in find_figures("It hosted 300 events on the campus."))


def test_it_in_capitals_before_companies_is_information_technology() -> None:
    (f,) = find_figures("Cyberport houses more than 100 IT and digital media companies.")
    assert f.metric is not None and f.metric.metric == "companies"


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("In the financial year 2019-20 the hub admitted 158 start-ups.", "incubatees"),
        ("Its incubation schemes are taking in 96 start-ups a year.", "incubatees"),
        ("We took in 75 start-ups between March and May.", "incubatees"),
        ("They took in something like 120 start-ups last year alone.", "incubatees"),
        ("The festival admitted 40 start-ups to its pavilion.", "startups"),
        ("The fair took in 40 start-ups for its pavilion.", "startups"),
    ],
)
def test_start_ups_the_organisation_admitted_are_its_intake(sentence: str, metric: str) -> None:
    (f,) = find_figures(sentence)
    assert f.metric is not None and f.metric.metric == metric


@pytest.mark.parametrize(
    ("sentence", "value", "metric"),
    [
        ("The park has 700 fintech firms and close to 90 working in artificial intelligence.",
         90, "ai_companies"),
        ("Of its members, some 250 are working in fintech.", 250, "fintech_companies"),
        ("Roughly 120 working within smart living joined last year.", 120,
         "smart_living_companies"),
    ],
)  # fmt: skip
def test_a_count_and_the_field_it_is_working_in(sentence: str, value: int, metric: str) -> None:
    found = {f.number.value: f.metric.metric for f in find_figures(sentence) if f.metric}
    assert found.get(value) == metric


def test_money_before_a_participle_is_no_count_of_a_field() -> None:
    found = find_figures("The hub reported a HK$95 million operating deficit in 2018.")
    assert not any(f.metric and f.metric.metric == "funding_raised" for f in found)


@pytest.mark.parametrize(
    ("sentence", "values", "metric"),
    [
        ("The Web3 cluster reached around 270 by December.", [270], "web3_companies"),
        ("Digital entertainment and esports is around 150.", [150],
         "digital_entertainment_companies"),
        ("The Web3 cluster, which numbered 160 at the end of 2022, is now over 300.", [160, 300],
         "web3_companies"),
    ],
)  # fmt: skip
def test_a_count_with_no_noun_after_a_cluster_counts_its_companies(
    sentence: str, values: list[int], metric: str
) -> None:
    found = {f.number.value: f.metric.metric for f in find_figures(sentence) if f.metric}
    assert [found.get(v) for v in values] == [metric] * len(values)


@pytest.mark.parametrize(
    "sentence",
    [
        "AI ventures made up 53 of the admissions, followed by fintech (21).",
        "The smart living cluster has become one of the fastest-growing segments.",
        "The AI cluster had more than doubled in two yrs, its head said.",
    ],
)
def test_a_part_a_member_or_a_time_after_a_cluster_counts_no_cluster(sentence: str) -> None:
    assert not [f for f in find_figures(sentence) if f.source == "cluster"]


@given(st.text(alphabet="+−-.,a1 \né", max_size=10))
def test_a_sign_ending_the_words_is_found_as_by_the_plain_pattern(text: str) -> None:
    import re

    plain = re.compile(r"(?<![\w.,+\-−])[+−]$")
    assert [m.span() for m in _SIGNED.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_figures_joined_by_and_share_the_second_ones_noun() -> None:
    s = "It has over 1,800 members, with over 400 FinTech and more than 110 Web3 companies."
    assert [(f.number.value, f.metric.metric) for f in find_figures(s)] == [
        (1800, "companies"), (400, "fintech_companies"), (110, "web3_companies")
    ]  # fmt: skip


def test_what_an_incubation_programme_has_supported_is_its_intake() -> None:
    s = "Since 2005, the Cyberport Incubation Programme has supported over 660 start-ups."
    assert metrics(s) == [(660, "incubatees", "noun")]
    # Support of any other kind is an activity, whatever it counts.
    assert metrics("The relief scheme has supported 300 start-ups.")[0][2] == "activity"
    assert metrics("The accelerator scheme has supported 34 start-ups.")[0][2] == "activity"


def test_a_community_of_companies_that_has_grown_counts_companies() -> None:
    s = "Cyberport said its community of start-ups and technology companies had grown to 2,200."
    assert metrics(s) == [(2200, "companies", "subject")]
    assert metrics("Its community of technology companies has grown past 300.")[0][1] == (
        "companies"
    )


def test_a_membership_that_passes_a_figure_counts_companies() -> None:
    assert metrics("Four companies go public as membership passes 2,300", keep_bare=True)[-1][
        :2
    ] == (2300, "companies")
    assert metrics("The start-up community passes 470", keep_bare=True)[-1][1] != "companies"


def test_counts_that_name_their_cluster_after_them_are_that_clusters() -> None:
    s = (
        "There were 386 companies in the FinTech cluster, 214 in the smart living cluster and "
        "158 in the digital entertainment and e-sports cluster."
    )
    assert [m for _, m, _ in metrics(s, keep_bare=True)] == [
        "fintech_companies",
        "smart_living_companies",
        "digital_entertainment_companies",
    ]


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        (  # a ranking's next clusters, their verb left out, with or without a noun
            "FinTech remained the largest cluster with more than 400 companies, followed by smart "
            "living with about 290 and digital entertainment with around 180.",
            [(400, "fintech_companies"), (290, "smart_living_companies"),
             (180, "digital_entertainment_companies")],
        ),
        (
            "FinTech is the largest cluster, with over 380 companies, followed by smart living "
            "with about 300 companies and digital entertainment with 210 companies.",
            [(380, "fintech_companies"), (300, "smart_living_companies"),
             (210, "digital_entertainment_companies")],
        ),
        (  # a ranking of an intake's parts counts no cluster
            "Fintech was the most popular field, accounting for 38 of the new incubatees, "
            "followed by smart living with 29 and digital entertainment with 21.",
            [],
        ),
        (  # a ranking of places names no cluster
            "Cyberport has 2,000 companies, followed by Science Park with 1,000.",
            [(2000, "companies")],
        ),
    ],
)  # fmt: skip
def test_the_next_clusters_of_a_ranking(s: str, expected: list[tuple[float, str]]) -> None:
    assert [(f[1], f[4]) for f in figs(s)] == expected


def test_the_set_the_community_grows_is_counted_after_the() -> None:
    """ "the two companies signed": known things; "the four unicorns that have emerged from
    the community": all of the set, counted."""
    assert [
        (f[4], f[1]) for f in figs("He points to the four unicorns that have emerged from it.")
    ] == [("unicorns", 4)]
    assert figs("The two companies signed a partnership with the park.") == []


def test_on_and_off_campus_is_the_whole_community() -> None:
    assert [(f[4], f[1]) for f in figs("It is around 1,800 companies now, on and off campus.")] == [
        ("companies", 1800)
    ]
    assert [(f[4], f[1]) for f in figs("Some 800 companies are based off campus.")] == [
        ("companies_offsite", 800)
    ]


def test_a_community_so_many_strong_is_its_size() -> None:
    got = figs("Today it has more than 400, and the community as a whole is some 1,700 strong.")
    assert ("companies", 1700) in [(f[4], f[1]) for f in got]
    assert figs("The team is some 40 strong.") == []  # no community's


def test_a_sentence_before_a_colon_is_no_label() -> None:
    """ "... stands at around 560 companies: 320 are housed on our campus": the parts of the set
    the words before the colon count, not a label's value ("Community companies: 560" is)."""
    got = figs(
        "The community stands at around 560 companies: 320 are housed on our campus and 240 "
        "are based elsewhere."
    )
    assert [(f[4], f[1]) for f in got] == [
        ("companies", 560),
        ("companies_onsite", 320),
        ("companies_offsite", 240),
    ]
    assert [(f[4], f[1]) for f in figs("2019 highlights: 1,300 companies")] == [("companies", 1300)]


@pytest.mark.parametrize("mark", ["·", "•", "|", ";"])
def test_pairs_of_a_label_and_its_figure_in_one_line_each_take_their_own_label(mark: str) -> None:
    got = metrics(f"- Unicorns: 3 {mark} Listed companies: 2")
    assert [(v, m) for v, m, _ in got] == [(3, "unicorns"), (2, "listed_companies")]


def test_a_count_before_and_the_next_figure_does_not_take_that_figures_verb() -> None:
    s = "Its community now numbers over 400 companies and that 190 start-ups have been admitted."
    assert [(v, m) for v, m, _ in metrics(s)] == [(400, "companies"), (190, "incubatees")]
    money = "It raised HK$1.05 billion in its IPO and its shares rose 26 per cent on the first day."
    assert all(m != "funding_raised" for _, m, _ in metrics(money))


def test_start_ups_that_joined_the_programme_are_its_intake() -> None:
    s = "In the past year alone, 31 start-ups joined the programme, the largest intake so far."
    assert metrics(s) == [(31, "incubatees", "noun")]
    s = "Some 18 start-ups joined the programme's trip to London."  # its trip, no intake
    assert [m for _, m, _ in metrics(s)] != ["incubatees"]
    s = "Twelve start-ups joined the accelerator programme."  # another programme
    assert [m for _, m, _ in metrics(s)] != ["incubatees"]


@pytest.mark.parametrize(
    "s",
    [
        "Two of our alumni, a lending platform and a logistics app, have become unicorns.",
        "Two of our alumni - a lending platform and a logistics app - have become unicorns.",
    ],
)
def test_an_aside_between_the_set_and_its_verb_leaves_the_verb_to_say_what_counts(s: str) -> None:
    assert [(v, m) for v, m, _ in sources(s)] == [(2, "unicorns")]


def test_the_whole_of_a_part_counts_when_it_is_the_communitys() -> None:
    s = "Roughly 55 of the 240 companies in its community now make games, Cyberport said."
    assert [(f.number.value, f.metric and f.metric.metric) for f in find_figures(s)] == [
        (55, "digital_entertainment_companies"),
        (240, "companies"),
    ]
    s = "Six of the 18 companies on the trade mission build payment apps."  # someone else's set
    assert 18 not in [f.number.value for f in find_figures(s)]


def test_more_after_a_placed_part_is_the_other_side() -> None:
    s = "The hub has 900 companies, about 400 on the campus and some 500 more working off site."
    assert (500, "companies_offsite", "predicate") in _counted(s)
    s = "Two start-ups listed on the campus this year, and two more will follow."  # no place
    assert all(m != "companies_offsite" for _, m, _ in _counted(s))


def test_a_limit_before_a_figure_counts_nothing() -> None:
    s = "The hub will lift the yearly intake quota of its programme from 40 to 50 places."
    assert 40 not in [v for v, _, _ in _counted(s)]
    s = "The programme has a cap of 30 start-ups at any one time."
    assert 30 not in [v for v, _, _ in _counted(s)]


def test_the_first_start_ups_a_programme_admitted_are_all_it_has_admitted() -> None:
    s = "Launched in March, the programme has admitted its first 13 start-ups."
    assert (13, "incubatees", "noun") in _counted(s)
    s = "Its first 13 start-ups will move in next month."  # no admission: the first few
    assert 13 not in [v for v, _, _ in _counted(s)]


def test_a_part_working_from_offices_across_the_city_is_off_site() -> None:
    s = "We count 1,400 firms, about 600 of them on our campus and some 800 working from offices "
    s += "across Hong Kong."
    assert (800, "companies_offsite", "predicate") in _counted(s)
    s = "There are now well over 1,000 technology start-ups across Hong Kong."  # the city's
    assert all(m != "companies_offsite" for _, m, _ in _counted(s))


def test_an_ordinal_after_a_general_noun_is_no_predicate_of_it() -> None:
    s = "Hub ends the year with 1,900-plus companies and its seventh unicorn"
    assert (1900, "companies", "noun") in _counted(s)


@pytest.mark.parametrize(
    "text",
    [
        "Kovra joined the programme in 2016 with a team of five and now has 300 staff.",
        "The start-up began with a staff of about 12 companies' veterans.",
        "It has a workforce of 40 across three start-ups.",
    ],
)
def test_the_size_of_a_group_of_people_is_no_count(text: str) -> None:
    counted = {f.number.value for f in find_figures(text, keep_bare=True)}
    assert not counted & {5.0, 12.0, 40.0}


def test_a_count_after_of_that_is_no_groups_size_still_counts() -> None:
    (f,) = find_figures("Cyberport has a community of 1,500 start-ups.")
    assert f.number.value == 1500 and f.metric is not None
