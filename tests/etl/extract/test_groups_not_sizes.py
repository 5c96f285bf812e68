"""Counts of a group that is no size of the community: one intake's make-up, those a survey
asked or a session met, those taken to an event, a capacity, and targets under a heading of
plans. Each stays out of the charts; the community's own figures beside them stay claims."""

from __future__ import annotations

from datetime import date

import pytest

from db.records import ReadDocument
from etl.extract.claims import claims_with_evidence
from etl.extract.doubtful_figures import cohort_part
from tests.etl.extract.test_claims import inline

D = date(2024, 5, 2)
LEAD = "Cyberport welcomes new start-ups\n\nCyberport welcomed 40 start-ups in its latest intake. "


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Of the 2023 cohort, 14 are building AI tools.", "14"),
        ("Among the newly admitted start-ups, 9 work on payments.", "9"),
        ("FinTech is the biggest group in the intake, with 11 start-ups.", "11"),
        ("By sector, the batch includes 8 smart-living start-ups.", "8"),
        ("Web3 leads, with 6 of the new incubatees building wallets.", "6"),
    ],
)
def test_a_count_within_one_intake_is_its_make_up(sentence: str, figure: str) -> None:
    at = sentence.index(figure)
    assert cohort_part(sentence, at, at + len(figure), "count")
    assert not cohort_part(sentence, at, at + len(figure), "HKD")  # counts only


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("With the arrival of the new incubatees, the AI cluster has passed 300 firms.", "300"),
        ("Of the start-ups admitted since 2005, 40 have been acquired.", "40"),  # over the years
        ("Cyberport now hosts 400 FinTech companies, and this cohort adds more.", "400"),
    ],
)
def test_a_count_beside_an_intake_is_no_part_of_it(sentence: str, figure: str) -> None:
    at = sentence.index(figure)
    assert not cohort_part(sentence, at, at + len(figure), "count")


def test_an_intakes_make_up_is_no_cluster_size_in_a_whole_text() -> None:
    text = LEAD + (
        "Of the newly admitted start-ups, 12 are developing FinTech solutions. "
        "Cyberport's FinTech cluster now counts more than 400 companies."
    )
    got = inline(text, D)
    assert ("fintech_companies", 400, "over", D, None) in got
    assert not any(c[1] == 12 for c in got)


@pytest.mark.parametrize(
    "sentence",
    [
        "A survey of 230 community companies conducted by Cyberport in March found that most "
        "had cut costs.",
        "Delegates joined a business matching session with 25 Cyberport start-ups working in AI.",
        "Cyberport brought 30 of its FinTech start-ups to Hong Kong FinTech Week.",
        "The new Cyberport building can accommodate more than 600 companies.",
    ],
)
def test_those_asked_met_or_taken_somewhere_or_room_for_more_are_no_size(sentence: str) -> None:
    assert inline(f"Cyberport news\n\n{sentence}", D) == []


def test_the_communitys_size_beside_a_survey_stays_a_claim() -> None:
    text = (
        "Cyberport news\n\nCyberport is home to more than 2,100 companies. A survey of 230 "
        "community companies found that most had cut costs."
    )
    assert inline(text, D) == [("companies", 2100, "over", D, None)]


def test_figures_under_a_heading_of_plans_or_in_an_item_of_aims_are_targets() -> None:
    plans = (
        "Cyberport review of 2025\n\n## Highlights\n\n- Cyberport admitted 210 start-ups to its "
        "incubation programmes in 2025.\n\n## Priorities for 2026\n\n- Admit at least 250 "
        "start-ups to Cyberport's incubation programmes."
    )
    assert [c[1] for c in inline(plans, date(2026, 1, 20))] == [210]
    aims = (
        "Cyberport work plan\n\n(a) start-up support: to admit about 180 start-ups to "
        "Cyberport's incubation programmes;\n\n(b) Cyberport admitted 170 start-ups in 2023."
    )
    assert [c[1] for c in inline(aims, D)] == [170]


def test_applications_beside_admissions_are_no_admissions() -> None:
    text = (
        "Cyberport work report\n\nThe number of start-ups admitted to Cyberport's incubation "
        "programme each year rose from 40 in 2015-16 to 90 in 2018-19, while the number of "
        "applications received rose from 300 to 800 over the same period."
    )
    got = inline(text, D)
    assert any(c[1] == 40 for c in got)
    assert not any(c[1] in (300, 800) for c in got)
    later = (
        "Cyberport work report\n\nCyberport's annual intake grew from 100 start-ups in 2019-20 "
        "to 140 start-ups in 2022-23, while the number of applications has grown faster, to 900 "
        "in 2022-23."
    )
    assert not any(c[1] == 900 for c in inline(later, D))


@pytest.mark.parametrize(
    "text",
    [
        "Since 2005, Cyberport's incubation programme has admitted a total of 600 start-ups, "
        "of which 380 have graduated.",
        "Since 2005, Cyberport's incubation programme has admitted a total of 600 start-ups, "
        "of which 380, including this year's class, have completed the programme.",
        "Cyberport incubation in numbers:\n\n- Start-ups admitted: 600\n- Incubatees "
        "graduated: 380",
    ],
)
def test_graduates_are_no_count_of_incubatees(text: str) -> None:
    got = [c[1] for c in inline(f"Cyberport news\n\n{text}", D)]
    assert 600 in got and 380 not in got


def test_awards_at_one_competition_without_a_period_go_to_a_reviewer() -> None:
    one = (
        "Cyberport news\n\nCyberport FinTech start-ups picked up 5 awards at the Asia Smart "
        "App Awards in March. Cyberport companies have won more than 900 awards in all."
    )
    assert [c[1] for c in inline(one, D)] == [900]
    many = (
        "Cyberport news\n\nOver the past year, Cyberport start-ups won 31 awards at the Hong "
        "Kong ICT Awards, the APICTA Awards and other competitions."
    )
    assert [c[1] for c in inline(many, D)] == [31]  # several competitions over a year
    part = (
        "Cyberport news\n\nMr Lam noted that Cyberport companies had won 34 local and "
        "international awards, 11 of them at the Hong Kong ICT Awards 2015."
    )
    assert [c[1] for c in inline(part, D)] == [34]  # a part won at one competition


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Approved local users can receive a subsidy of up to 60 per cent of the cost.", 60),
        ("About 45 per cent of our Web3 companies are local.", 45),
        ("Around 35 of the cluster's members are game studios.", 35),
        (
            "Our digital entertainment cluster now has more than 150 companies, around 30 of "
            "which are esports companies.",
            30,
        ),
        ("AI start-ups in the Cyberport community raised around HK$5.5 billion in 2024.", 5.5e9),
    ],
)
def test_a_ceiling_or_a_part_of_one_cluster_is_no_community_figure(
    sentence: str, value: float
) -> None:
    text = f"Cyberport news\n\nCyberport is home to 2,200 companies. {sentence}"
    got = [c[1] for c in inline(text, D)]
    assert 2200 in got and value not in got


def test_the_communitys_share_and_a_clusters_size_stay_claims() -> None:
    text = (
        "Cyberport news\n\nAbout 70 per cent of Cyberport's community companies are local. "
        "Cyberport's digital entertainment cluster now has more than 150 companies."
    )
    got = {(c[0], c[1]) for c in inline(text, D)}
    assert {("local_share_pct", 70), ("digital_entertainment_companies", 150)} <= got


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # one company, whatever its verb: "whose", an appositive, "our company, X", "the
        # studio's", "a ... developer", "One ... alumnus, X", "she"
        ("Among the winners was Corvia, whose payments app now handles HK$900 million a "
         "month.", 9e8),
        ("Another winner was Quillstone Labs, a language-learning developer whose courses "
         "are sold in 14 markets.", 14),
        ("Our company, Brightmoor, now employs 30 people and operates in six markets.", 6),
        ("Two years later, the studio's racing game has been released in 11 markets.", 11),
        ("One winner sells to banks, while a robotics developer now ships its arms to 9 "
         "markets.", 9),
        ("One Cyberport graduate, the drone maker Skylark, listed in March, raising HK$700 "
         "million.", 7e8),
        ("After joining the programme, she received HK$100,000 in seed funding.", 1e5),
    ],
)  # fmt: skip
def test_one_companys_money_or_markets_is_no_community_figure(sentence: str, value: float) -> None:
    text = f"Cyberport news\n\nCyberport is home to 2,200 companies. {sentence}"
    got = [c[1] for c in inline(text, D)]
    assert 2200 in got and value not in got


def test_the_communitys_money_and_markets_stay_claims_beside_one_company() -> None:
    text = (
        "Cyberport news\n\nCyberport, a hub whose 2,200 companies have raised HK$40 billion, "
        "reaches 30 markets. Corvia, whose app handles HK$900 million a month, is one of them."
    )
    got = [c[1] for c in inline(text, D)]
    assert {2200, 4e10, 30} <= set(got) and 9e8 not in got


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Of the 150 start-ups admitted to Cyberport's incubation programmes so far this "
         "year, 42 are fintech ventures.", 42),
        ("Cyberport admitted 95 start-ups to its incubation programme in 2024, including 30 "
         "working in artificial intelligence.", 30),
        ("Our AI cluster counts some 400 companies, of which about 90 are working on "
         "computer vision.", 90),
        ("At this year's showcase, about 45 Cyberport Web3 start-ups are demonstrating "
         "wallets.", 45),
        ("Some 35 Cyberport start-ups will be recruiting at the fair.", 35),
        ("One community company completed its listing on the Main Board in April.", 1),
    ],
)  # fmt: skip
def test_a_part_of_an_intake_or_cluster_or_those_at_an_event_are_no_size(
    sentence: str, value: float
) -> None:
    text = f"Cyberport news\n\nCyberport is home to 2,200 companies. {sentence}"
    got = [c[1] for c in inline(text, D)]
    assert 2200 in got and value not in got


def test_an_intake_so_far_this_year_and_its_parts() -> None:
    text = (
        "Cyberport news\n\nOf the 150 start-ups admitted to Cyberport's incubation programmes "
        "so far this year, 42 are fintech ventures. Of the 900 start-ups admitted since 2005, "
        "300 have graduated."
    )
    got = [c[1] for c in inline(text, D)]
    assert 150 in got and 42 not in got


@pytest.mark.parametrize(
    "sentence",
    [
        "Hong Kong's asset managers had capital under management of about US$4 trillion.",
        "The new wing, with an approved funding of about HK$2.1 billion, opens in 2027.",
        "The bureau proposes a new commitment of HK$80 million for the scheme.",
        "Global investment in AI ventures reached US$90 billion in 2023.",
    ],
)
def test_money_that_is_no_one_raising_is_no_funding_raised(sentence: str) -> None:
    text = f"Cyberport news\n\nCyberport's companies have raised HK$40 billion. {sentence}"
    got = [c[1] for c in inline(text, D) if c[0] == "funding_raised"]
    assert got == [4e10]


def test_money_a_unit_of_the_organisation_put_into_its_community_stays_a_claim() -> None:
    text = (
        "Cyberport news\n\nThe Cyberport Investors Network, whose membership has passed 170 "
        "investors, has facilitated more than HK$1.4 billion of investment in Cyberport "
        "start-ups."
    )
    assert ("funding_raised", 1.4e9) in [c[:2] for c in inline(text, D)]


def test_rows_under_a_lead_in_that_breaks_an_intake_down_are_its_make_up() -> None:
    rows = "- AI and data science: 450\n- FinTech: 420\n- Web3 and digital assets: 260\n"
    intake = (
        "Cyberport newsletter\n\nCyberport is home to 2,200 companies.\n\n"
        "The 740 new incubatees break down by sector as follows:\n\n" + rows
    )
    assert [c[1] for c in inline(intake, D)] == [2200]
    community = intake.replace("The 740 new incubatees", "Our community companies")
    assert {c[1] for c in inline(community, D)} == {2200, 450, 420, 260}


def test_a_part_of_those_it_admitted_is_the_intakes_make_up() -> None:
    text = (
        "Cyberport news\n\nOf the more than 170 start-ups it admitted to its incubation "
        "programmes last year, around 55 were building AI products, the hub said."
    )
    assert [c[1] for c in inline(text, D)] == [170]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("As at the same date, eight Cyberport companies had been listed, of which five are "
         "listed on the Main Board, two on the NASDAQ and one on the NYSE.", 5),
        ("At the Cyberport demo day on Friday, 28 Web3 start-ups will demo their products.", 28),
        ("Judges at Cyberport reviewed 410 entries across 14 award categories.", 14),
    ],
)  # fmt: skip
def test_a_breakdown_a_demo_or_award_categories_are_no_figures(sentence: str, value: float) -> None:
    text = f"Cyberport news\n\nCyberport is home to 2,200 companies. {sentence}"
    got = [c[1] for c in inline(text, D)]
    assert 2200 in got and value not in got
    if value == 5:
        assert 8 in got  # (the whole stays)


@pytest.mark.parametrize(
    "sentence",
    [
        "The 36 start-ups in the cohort include founders from 12 countries and regions.",
        "The founders of the new incubatees come from 15 countries and regions.",
        "This year's graduating cohort raised a combined HK$620 million from investors.",
        "The programme, launched in 2005 with funding of HK$30 million, nurtures game studios.",
        "Backed by HK$20 million of funding over three years, the programme will grow.",
        "Cyberport invested HK$18 million in the first phase of the facility.",
    ],
)
def test_one_cohorts_founders_and_money_and_a_programmes_backing_are_no_claims(
    sentence: str,
) -> None:
    metrics = {c[0] for c in inline(LEAD + sentence, D)}
    assert not metrics & {"founder_origins", "web3_founder_origins", "funding_raised"}


def test_the_communitys_founders_and_money_stay_claims() -> None:
    text = (
        LEAD + "Community founders come from 40 countries and regions. Community companies "
        "have raised HK$30 billion to date. Incubatees and graduates have raised HK$600 million."
    )
    got = {(c[0], c[1]) for c in inline(text, D)}
    assert {("founder_origins", 40), ("funding_raised", 30e9), ("funding_raised", 600e6)} <= got


@pytest.mark.parametrize(
    ("cluster", "expected"),
    [("AI and data science", set()), ("Web3", {("web3_founder_origins", 25)})],
)
def test_founders_in_a_cluster_are_that_clusters(cluster: str, expected: set) -> None:
    text = (
        f"Cyberport {cluster} newsletter\n\nThe {cluster} cluster now counts 450 companies. "
        "Founders in the cluster come from 25 countries and regions."
    )
    got = {(c[0], c[1]) for c in inline(text, D) if "founder" in c[0]}
    assert got == expected


def test_a_share_of_founders_is_no_local_share_and_a_segment_no_cluster() -> None:
    text = (
        "Cyberport Web3 update\n\nThe Web3 cluster now counts 300 companies. Around 40 per cent "
        "of its founders are from Hong Kong. About 70 per cent of community companies are local."
    )
    assert {(c[0], c[1]) for c in inline(text, D) if c[0] == "local_share_pct"} == {
        ("local_share_pct", 70)
    }
    segment = (
        "Cyberport smart living newsletter\n\nThe smart living cluster now counts 250 "
        "companies. Proptech remains our largest segment with around 70 companies."
    )
    assert {(c[0], c[1]) for c in inline(segment, D)} == {("smart_living_companies", 250)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Up to 10 game start-ups can be accommodated at any one time.",
        "This year's graduates alone have filed 64 patent applications.",
        "This year, 42 companies, including 29 Cyberport incubatees, have signed up to host "
        "interns.",
        "Community companies picked up 120 awards during the year, including 31 at the Hong "
        "Kong ICT Awards 2022.",
    ],
)
def test_a_capacity_filings_a_groups_part_and_one_competitions_awards_are_no_claims(
    sentence: str,
) -> None:
    got = {(c[0], c[1]) for c in inline(LEAD + sentence, D)}
    assert not {v for _, v in got} & {10, 64, 29, 31}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Member companies employ 36,000 people, of whom about 16,000 work in community "
         "companies.", 16000),
        ("- Smart-Space co-working members: 640", 640),
        ("The expansion project, with funding of HK$5.5 billion approved by the Legislative "
         "Council, will add office space.", 5.5e9),
    ],
)  # fmt: skip
def test_people_co_working_members_and_approved_funding_are_no_claims(
    sentence: str, value: float
) -> None:
    assert value not in {c[1] for c in inline(LEAD + sentence, D)}


def test_a_set_ranging_from_one_kind_to_another_counts_its_own_noun() -> None:
    text = LEAD + "Its 2,200 member companies range from two-person start-ups to listed firms."
    assert {(c[0], c[1]) for c in inline(text, D) if c[1] == 2200} == {("companies", 2200)}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("A survey conducted by Cyberport in March among 420 community companies found that "
         "68 per cent had lost revenue.", 420),
        ("Cyberport hosted a showcase and business-matching day that brought 20 smart living "
         "start-ups together with property developers.", 20),
        ("Launched in September 2016 with HK$200 million of Cyberport's own capital, the fund "
         "invests in start-ups.", 2e8),
    ],
)  # fmt: skip
def test_a_surveys_sample_an_events_line_up_and_a_funds_capital_are_no_claims(
    sentence: str, value: float
) -> None:
    assert value not in {c[1] for c in inline(LEAD + sentence, D)}


def test_a_financial_year_is_a_time_not_the_word_that_makes_money_funding() -> None:
    spent = (
        "The expenditure of Cyberport on its start-up programmes in the 2021-22, 2022-23 and "
        "2023-24 financial years was about HK$151 million, HK$168 million and HK$182 million "
        "respectively."
    )
    assert not any(c[0] == "funding_raised" for c in inline(LEAD + spent, D))
    raised = "In the 2022-23 financial year, community companies raised about HK$4.8 billion."
    assert ("funding_raised", 4.8e9) in {(c[0], c[1]) for c in inline(LEAD + raised, D)}


@pytest.mark.parametrize(
    "text",
    [
        "The Cyberport Macro Fund has invested in 30 Cyberport start-ups, attracting private "
        "co-investment of over HK$3 billion.",
        "The Cyberport project was developed with a total investment of about HK$15.8 billion.",
        "Cyberport's programmes disbursed HK$131 million of funding to start-ups in the year.",
        "- Funding provided (HK$ million): 88.9",
    ],
)
def test_co_investment_and_a_projects_cost_are_no_funding_raised(text: str) -> None:
    assert inline(f"Cyberport news\n\n{text}", D) == []


def test_total_investment_attracted_is_funding_raised() -> None:
    text = "Start-ups in the Cyberport community had attracted total investment of HK$9.5 billion."
    assert [c[0] for c in inline(f"Cyberport news\n\n{text}", D)] == ["funding_raised"]


def test_companies_on_a_waiting_list_are_no_community_size() -> None:
    text = (
        "Cyberport news\n\nAs at end-May 2021, about 200 companies were on the waiting list "
        "for office space at Cyberport, which now hosts over 1,700 companies."
    )
    assert [c[1] for c in inline(text, D)] == [1700]


def test_start_ups_that_graduated_from_the_programme_are_no_intake() -> None:
    text = (
        "Cyberport celebrates latest class of incubation graduates\n\nHong Kong, 22 September "
        "2011 – Twenty-six start-ups graduated from the Cyberport Incubation Programme today "
        "at a ceremony at the Cyberport Auditorium.\n\nSince 2005, the programme has admitted "
        "168 start-ups."
    )
    assert [c[1] for c in inline(text, date(2011, 9, 22))] == [168]


def test_a_record_given_to_those_spoken_to_is_theirs() -> None:
    text = (
        'Cyberport news\n\nMr Lee, CEO of Cyberport, said: "Your class has set its own records. '
        "Between you, you have raised HK$1.3 billion during incubation and won 120 awards. Our "
        'community has raised more than HK$40 billion."'
    )
    assert [(c[0], c[1]) for c in inline(text, D)] == [("funding_raised", 40_000_000_000)]


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Among the graduates, 31 are FinTech companies and 19 work in smart living.", 31),
        ("Its HK$25 million relief package had so far reached 460 companies.", 460),
    ],
)
def test_a_class_or_a_schemes_reach_is_no_size(sentence: str, figure: int) -> None:
    got = inline(f"{LEAD}{sentence} Cyberport's community now has 1,900 companies.", D)
    assert ("companies", 1900, "exact", D, None) in got
    assert all(v != figure for _, v, *_ in got)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Staff from 14 companies began work at Cyberport this week.", 14),
        ("Cyberport said the number of companies that have completed it rose to 186.", 186),
        ("Cyberport's expo drew 180 exhibitors. Twenty-three of the exhibitors were tenants.", 23),
        ("The Cyberport scheme received 386 applications from 271 companies.", 271),
    ],
)
def test_those_whose_staff_came_those_who_left_or_a_cohort_are_read_as_a_group(
    sentence: str, figure: int
) -> None:
    text = f"Cyberport news\n\n{sentence} Cyberport's community now has 1,900 companies."
    doc = ReadDocument("t.txt", "0" * 64, "txt", text, None, None, None, None, D, "manifest", ())
    found = {c.value: (c.status, e.metric) for c, e in claims_with_evidence(doc)}
    assert found[1900] == ("auto", "noun")
    assert figure not in found or found[figure] == ("candidate", "activity")
