"""A stock figure too small for the whole organisation goes to a reviewer, not to a chart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.records import Claim, ReadDocument
from etl.config import load_config
from etl.extract import default_config, extract_claims, plausible
from etl.extract.plausible import (
    doubt_fractions,
    doubt_implausible,
    no_community_funding,
    too_small,
)


def claim(metric: str, value: float, unit: str = "count", **kw) -> Claim:
    base = Claim(0, "Cyberport", metric, value, unit, "exact", value, value,
                 value if unit == "HKD" else None, date(2024, 5, 2), "day", None, "q", 0, 1,
                 0, 1)  # fmt: skip
    return replace(base, **kw)


def statuses(text: str, day: date) -> dict[tuple[str, float], str]:
    """(metric, value) -> status of each claim extracted from a release `text` of `day`."""
    doc = ReadDocument("pr.txt", "0" * 64, "txt", text, None, None, None, None, day,
                       "manifest", ())  # fmt: skip
    return {(c.metric, c.value): c.status for c in extract_claims(doc)}


@pytest.mark.parametrize(
    ("c", "small"),
    [
        (claim("companies", 35), True),  # an event's recruiters
        (claim("companies", 2100), False),
        (claim("companies", 35, period="P1Y"), False),  # a flow has no floor
        (claim("companies", 35, entity="Science Park"), False),  # not the tracked one
        (claim("awards", 3), True),
        (claim("unicorns", 1), False),  # no floor: one unicorn is a real figure
        (claim("funding_raised", 5e6, "USD", value_hkd=3.9e7), False),
        (claim("funding_raised", 1e6, "USD", value_hkd=7.8e6), True),  # one start-up's round
        (claim("funding_raised", 8e6, "HKD"), True),
        (claim("funding_raised", 180, "HKD"), True),  # a unit lost in translation
    ],
)
def test_too_small_is_below_the_metrics_least_for_a_stock(c: Claim, small: bool) -> None:
    assert too_small(c, default_config()) is small


def test_a_small_figure_becomes_a_candidate_and_others_stay_as_they_are() -> None:
    config = default_config()
    doubted = doubt_implausible(claim("companies", 35), config)
    assert (doubted.status, doubted.unsure) == ("candidate", ("metric?",))
    assert doubt_implausible(claim("companies", 2100), config).status == "auto"
    already = claim("companies", 35, status="candidate", unsure=("owner?",))
    assert doubt_implausible(already, config) == already  # its own reason stays


def test_without_a_least_table_nothing_is_too_small(tmp_path) -> None:
    path = tmp_path / "tracked.toml"
    path.write_text('[tracked]\nname = "Cyberport"\n', encoding="utf-8")
    assert not too_small(claim("companies", 3), load_config(path))


def test_a_document_keeps_the_community_figure_and_doubts_the_events() -> None:
    text = (
        "Hong Kong, 2 May 2024 - Cyberport is now home to over 2,100 community companies. "
        "At the Talent Corner, 35 community companies recruited for 200 vacancies.\n"
    )
    found = statuses(text, date(2024, 5, 2))
    assert found[("companies", 2100)] == "auto"
    assert found.get(("companies", 35)) in (None, "candidate")


def test_counts_in_a_sentence_naming_one_cohort_are_its_make_up_not_the_community() -> None:
    text = (
        "Hong Kong, 15 July 2024 - Cyberport welcomed new start-ups. The new cohort includes "
        "14 FinTech start-ups and 11 in AI and data. Cyberport's FinTech cluster now has 450 "
        "companies.\n"
    )
    found = statuses(text, date(2024, 7, 15))
    assert found.get(("fintech_companies", 14)) in (None, "candidate")
    assert found[("fintech_companies", 450)] == "auto"


def test_money_raised_in_one_round_is_a_candidate_and_the_communitys_funding_is_not() -> None:
    def funding(text: str) -> dict[float, str]:
        found = statuses(text, date(2024, 5, 2)).items()
        return {value: status for (metric, value), status in found if metric == "funding_raised"}

    got = funding(
        "Hong Kong, 2 May 2024 - Cyberport incubatee DataNest closed a US$15 million Series A "
        "round. Cyberport start-ups have raised more than HK$37 billion to date, with several "
        "closing Series B rounds this year.\n"
    )
    assert got.get(15_000_000, "candidate") == "candidate"
    assert got[37_000_000_000] == "auto"  # the round is named in another clause
    got = funding(
        "Hong Kong, 2 May 2024 - Cyberport start-ups have raised HK$37 billion. In 2022-23, "
        "Cyberport recorded total revenue of HK$541 million and a deficit of HK$32 million.\n"
    )
    assert got[37_000_000_000] == "auto"
    assert got.get(541_000_000, "candidate") == got.get(32_000_000, "candidate") == "candidate"


def test_a_rate_of_something_else_is_no_share_of_the_community() -> None:
    text = (
        "Hong Kong, 31 August 2007 - About 70 per cent of Cyberport's companies are local, and "
        "the occupancy rate of the Cyberport office buildings stood at 93 per cent.\n"
    )
    found = statuses(text, date(2007, 8, 31))
    share = ("local_share_pct", 93)
    assert found.get(share, "candidate") == "candidate" and found[("local_share_pct", 70)] == "auto"


def test_money_one_company_or_a_small_group_raised_is_no_community_funding() -> None:
    def funding(text: str) -> dict[float, tuple[str, tuple[str, ...]]]:
        doc = ReadDocument("pr.txt", "0" * 64, "txt", text, None, None, None, None,
                           date(2024, 5, 2), "manifest", ())  # fmt: skip
        return {c.value: (c.status, c.unsure) for c in extract_claims(doc)
                if c.metric == "funding_raised"}  # fmt: skip

    owner = ("candidate", ("owner?",))
    got = funding(
        "Hong Kong, 2 May 2024 - Ticketing app Norvel, which grew up at Cyberport, raised "
        "US$120 million last year. Logistics firm Brightcart, which also started at Cyberport, "
        "raised HK$80 million.\n"
    )
    assert got.get(120_000_000, owner) == owner and got.get(80_000_000, owner) == owner
    got = funding(
        "Hong Kong, 2 May 2024 - Mei Lam, founder of the Cyberport start-up Tallow, said the "
        "company had doubled its staff and had raised HK$45 million. Together the 19 companies "
        "on the mission have raised about HK$2.2 billion, Cyberport said.\n"
    )
    assert got.get(45_000_000, owner) == owner and got.get(2_200_000_000, owner) == owner
    got = funding(
        "Hong Kong, 2 May 2024 - said Ada Wu, co-founder of Quillo, an online tutoring platform "
        "based at Cyberport that raised US$12 million earlier this year.\n"
    )
    assert got.get(12_000_000, owner) == owner
    # The community's funding: a plural subject, a set the size of the community, or the
    # tracked organisation before "which".
    got = funding(
        "Hong Kong, 2 May 2024 - Cyberport, which opened in 2004, said its 1,900 start-ups have "
        "raised HK$38 billion. The company said community companies had raised HK$12 billion "
        "in 2023 alone.\n"
    )
    assert got[38_000_000_000] == ("auto", ()) and got[12_000_000_000] == ("auto", ())
    got = funding(
        "Hong Kong, 2 May 2024 - Cyberport has nurtured eight unicorns and seven listed "
        "companies, and community companies have raised more than HK$40 billion.\n"
    )
    assert got[40_000_000_000] == ("auto", ())  # "seven listed companies" raised none of it


def test_markets_one_company_serves_are_not_the_communitys() -> None:
    def markets(text: str) -> dict[float, tuple[str, tuple[str, ...]]]:
        doc = ReadDocument("pr.txt", "0" * 64, "txt", text, None, None, None, None,
                           date(2026, 3, 4), "manifest", ())  # fmt: skip
        return {c.value: (c.status, c.unsure) for c in extract_claims(doc)
                if c.metric == "markets"}  # fmt: skip

    owner = ("candidate", ("owner?",))
    got = markets(
        "Hong Kong, 4 March 2026 - PayNest becomes the 12th Cyberport community company to "
        "list. It processes payments for about 90,000 merchants in 14 markets.\n"
    )
    assert got.get(14, owner) == owner
    got = markets(
        "Hong Kong, 4 March 2026 - Cyberport graduates keep growing: LexiData, a legal "
        "analytics company that completed the programme, now serves clients in 12 markets.\n"
    )
    assert got.get(12, owner) == owner
    got = markets(
        "Hong Kong, 4 March 2026 - Cyberport said its community companies now serve customers "
        "in more than 60 markets.\n"
    )
    assert got[60] == ("auto", ())


def test_a_small_part_of_the_community_the_text_counts_whole_is_a_candidate() -> None:
    text = (
        "Hong Kong, 2 May 2024 - Cyberport, home to over 2,100 companies, today opened a showcase "
        "at which 45 start-ups from its community are demonstrating products. At the end of 2004, "
        "Cyberport had 90 companies.\n"
    )
    found = statuses(text, date(2024, 5, 2))
    assert found[("companies", 2100)] == "auto"
    assert found.get(("startups", 45), "candidate") == "candidate"  # an event's part
    assert found[("companies", 90)] == "auto"  # the community of another time


def test_only_stocks_beside_a_whole_of_their_time_are_doubted_as_parts() -> None:
    config = default_config()
    part = claim("startups", 45)
    assert doubt_fractions([part], config) == [part]  # no whole to be a part of
    out = doubt_fractions(
        [claim("companies", 2100), claim("companies", 60, period="P1Y"), part,
         claim("fintech_companies", 45)],
        config,
    )  # fmt: skip
    assert [c.status for c in out] == ["auto", "auto", "candidate", "auto"]
    earlier = claim("startups", 45, as_of=date(2020, 5, 2))
    assert doubt_fractions([claim("companies", 2100), earlier], config)[1].status == "auto"


_STOCKS = st.builds(
    lambda metric, value, days: claim(metric, value, as_of=date(2020, 1, 1) + timedelta(days)),
    st.sampled_from(["companies", "startups", "companies_onsite", "fintech_companies"]),
    st.integers(1, 5000).map(float),
    st.sampled_from([0, 1, 365, 366, 367, 732, 733, 1100]),  # days apart at the edges too
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_STOCKS, max_size=30))
def test_a_part_is_doubted_exactly_when_a_whole_of_its_time_is_ten_times_larger(
    claims: list[Claim],
) -> None:
    """Each claim is weighed against the wholes near its day once (not against every whole):
    the answer is the plain definition's."""
    config = default_config()
    share, reach = plausible._PART_SHARE, plausible._SAME_TIME_DAYS

    def whole(c: Claim) -> bool:
        return plausible._whole(c, config)

    wholes = [c for c in claims if c.metric == "companies" and whole(c)]
    expected = [
        "candidate"
        if whole(c)
        and any(
            c.value < w.value * share and abs((c.as_of - w.as_of).days) <= reach for w in wholes
        )
        else "auto"
        for c in claims
    ]
    assert [c.status for c in doubt_fractions(claims, config)] == expected


MAY = date(2024, 5, 2)
LEAD = "Cyberport hosts its venture forum\n\nCyberport opened its annual venture forum today. "


def quoted(quote: str, figure: str, value: float, unit: str = "USD") -> Claim:
    """A funding claim whose quote is `quote`, its figure the words `figure` in it."""
    at = quote.index(figure)
    return claim("funding_raised", value, unit, value_hkd=value * 7.8, quote=quote,
                 char_start=0, char_end=len(quote), mention_start=at,
                 mention_end=at + len(figure))  # fmt: skip


@pytest.mark.parametrize(
    ("quote", "figure", "market"),
    [
        (
            "Panellists noted that venture investment in Southeast Asia reached a record "
            "US$9 billion last year.",
            "US$9 billion",
            True,
        ),
        (
            "Global climate-tech venture funding fell to about US$30 billion in 2023.",
            "US$30 billion",
            True,
        ),
        ("- VC investment into Hong Kong start-ups, 2024: US$2.2bn", "US$2.2bn", True),
        ("Globally, FinTech investment exceeded US$55 billion last year.", "US$55 billion", True),
        ("Insurtech funding worldwide fell to US$4.5 billion in 2022.", "US$4.5 billion", True),
        (
            "Our companies' funding around the world has reached US$900 million.",
            "US$900 million",
            False,
        ),
        (
            "Our companies raised US$300 million worldwide, and funding rose again.",
            "US$300 million",
            False,
        ),
        (
            "Despite a slow venture capital market, our companies raised US$500 million.",
            "US$500 million",
            False,
        ),
        (
            "Our companies have attracted US$250 million of venture investment so far.",
            "US$250 million",
            False,
        ),
    ],
)
def test_a_markets_venture_funding_is_no_community_funding(
    quote: str, figure: str, market: bool
) -> None:
    assert no_community_funding(quoted(quote, figure, 1e9)) is market


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        (
            '"One of our graduates, Tallyhook, a payments start-up, raised US$12 million this '
            "spring,\" said Cyberport's chief executive.",
            ("funding_raised", 1.2e7),
        ),
        (
            "Cyberport's alumni inspire others. They show that a start-up can grow here - "
            "Pinewave, for example, raised more than HK$90 million in its last round.",
            ("funding_raised", 9e7),
        ),
        (
            "Among the community companies, a certain drone maker this year in March completed "
            "60 million US dollars financing.",
            ("funding_raised", 6e7),
        ),
        (
            "Cyberport's newsletter this week: a HK$40m raise for a robotics start-up, and a new "
            "lab.",
            ("funding_raised", 4e7),
        ),
        (
            "Founded in 2018 by two engineers, Pinewave joined the Cyberport Incubation Programme "
            "a year later. Its route-planning app is now used by 9,000 drivers in 11 markets.",
            ("markets", 11),
        ),
        (
            "Founded in 2015, Ledgerly was admitted to Cyberport's incubation programme in 2016 "
            "and had raised about US$120 million before its listing.",
            ("funding_raised", 1.2e8),
        ),
        (
            "One of my Cyberport mentees, a small clinic-software team, raised HK$12 million.",
            ("funding_raised", 1.2e7),
        ),
        (
            "Lumina grew up at Cyberport and listed in June. The company holds 126 patents.",
            ("ip_rights", 126),
        ),
        (
            "Last year's Cyberport pitch night champion has since raised US$3 million.",
            ("funding_raised", 3e6),
        ),
        (
            "Founded in 2019, Dockwell joined the Cyberport Incubation Programme in 2020 and now "
            "handles freight bookings for exporters in 9 markets.",
            ("markets", 9),
        ),
        (
            "A Cyberport pitch day introduced the studio to a Korean publisher that now "
            "distributes its games in 16 markets.",
            ("markets", 16),
        ),
        (
            "Cyberport's new partnership gives them both: compute on good terms, and a partner "
            "with customers in 23 markets.",
            ("markets", 23),
        ),
        (
            "Cyberport's companies did well; a legal-tech company from its incubator raised "
            "US$30 million.",
            ("funding_raised", 3e7),
        ),
        ("A graduate of Cyberport's programme raised HK$20 million.", ("funding_raised", 2e7)),
        (
            "One Cyberport alumnus makes games. Another, which builds robots, signed a deal "
            "covering 7 markets.",
            ("markets", 7),
        ),
        (
            "But one of our portfolio companies, Coldpath, started at Cyberport with four people "
            "and it raised HK$78 million last year.",
            ("funding_raised", 78e6),
        ),
        (
            "Founders have seen people in the next building raise a US$100 million round.",
            ("funding_raised", 100e6),
        ),
        (
            "Among them was Lantern Games, a graduate of the Cyberport Incubation Programme, "
            "whose title has passed 12 million players across 30 markets since launch.",
            ("markets", 30),
        ),
    ],
)
def test_one_companys_money_or_markets_go_to_a_reviewer(
    sentence: str, figure: tuple[str, float]
) -> None:
    assert statuses(LEAD + sentence, MAY)[figure] == "candidate"


def test_money_a_scheme_has_been_given_is_no_funding_raised() -> None:
    s = "But the Reindustrialisation Funding Scheme alone has been given HK$2 billion."
    assert statuses(LEAD + s, MAY)[("funding_raised", 2e9)] == "candidate"
    s = "Its start-ups have been given a boost and have raised HK$2 billion."
    assert statuses(LEAD + s, MAY)[("funding_raised", 2e9)] == "auto"


def test_money_one_clusters_companies_at_the_park_raised_goes_to_a_reviewer() -> None:
    s = "Collectively, the FinTech start-ups at Cyberport have raised more than HK$1.5 billion."
    assert statuses(LEAD + s, MAY)[("funding_raised", 1.5e9)] == "candidate"
    s = "Collectively, the start-ups at Cyberport have raised more than HK$1.5 billion."
    assert statuses(LEAD + s, MAY)[("funding_raised", 1.5e9)] == "auto"
    for s in (
        "In the past year alone, Cyberport's AI start-ups raised some HK$3.6 billion.",
        "FinTech start-ups in our cluster raised more than HK$3.6 billion this year.",
    ):
        assert statuses(LEAD + s, MAY)[("funding_raised", 3.6e9)] == "candidate"


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        (
            "Despite a slow venture capital market, Cyberport companies raised HK$4 billion.",
            ("funding_raised", 4e9),
        ),
        (
            "Cyberport's community is growing. Its companies now sell into 45 markets.",
            ("markets", 45),
        ),
        ("Cyberport said its alumni have entered more than 50 markets.", ("markets", 50)),
        ("Cyberport community companies hold over 1,100 patents.", ("ip_rights", 1100)),
        (
            "Cyberport joined the scheme in 2019 and its start-ups have since raised HK$2 billion.",
            ("funding_raised", 2e9),
        ),
        (
            "Cyberport companies joined the GBA programme and now sell into 35 markets.",
            ("markets", 35),
        ),
        (
            "Another year of growth: Cyberport companies raised HK$4 billion.",
            ("funding_raised", 4e9),
        ),
    ],
)
def test_the_communitys_own_funding_and_markets_stay_claims(
    sentence: str, figure: tuple[str, float]
) -> None:
    assert statuses(LEAD + sentence, MAY)[figure] == "auto"


def test_of_two_stocks_ten_times_apart_the_misread_one_goes_to_a_reviewer() -> None:
    headline = "Cyberport start-ups raise over 250 billion yuan\n\n"
    body = "Cyberport said its start-ups have raised over 25 billion yuan in total."
    got = statuses(headline + body, MAY)
    assert got[("funding_raised", 2.5e11)] == "candidate"  # the larger, a unit misread
    assert got[("funding_raised", 2.5e10)] == "auto"
    literal = (
        "Cyberport start-ups have accumulated financing exceeding 520 hundred million Hong "
        "Kong dollars.\n\nCyberport start-ups have raised more than HK$5.2 billion in total."
    )
    got = statuses(literal, MAY)
    assert got[("funding_raised", 5.2e10)] == "auto"  # read in the unit word for word
    assert got[("funding_raised", 5.2e9)] == "candidate"
    # A misread unit with a misread currency: the figures, not their HK$ values, are tenfold.
    currency = (
        "Cyberport start-ups' financing breaks through 412 billion yuan\n\nCyberport said "
        "its companies have raised more than HK$41.2 billion in total."
    )
    got = statuses(currency, MAY)
    assert got[("funding_raised", 4.12e11)] == "candidate"
    assert got[("funding_raised", 4.12e10)] == "auto"
    # ... though the body dates its figure and the headline is dated by its publication.
    dated = currency.replace(
        "Cyberport said its companies have raised",
        "As at the end of March, Cyberport companies had raised",
    )
    got = statuses(dated, MAY)
    assert got[("funding_raised", 4.12e11)] == "candidate"


def test_a_flow_and_its_total_ten_times_apart_are_both_claims() -> None:
    text = (
        "Cyberport companies raised HK$3 billion, bringing their total to HK$30 billion.\n\n"
        "- HK$30 billion raised by Cyberport companies"
    )
    got = statuses(text, MAY)
    assert got[("funding_raised", 3e10)] == "auto"
    assert got[("funding_raised", 3e9)] == "auto"


def test_money_its_investor_network_put_into_the_communitys_companies_is_what_they_raised() -> None:
    text = (
        "Cyberport investors invest more\n\nMembers of the Cyberport Investors Network (CIN) "
        "invested a record HK$460 million in Cyberport start-ups in 2023. The network now "
        "has 180 members."
    )
    got = statuses(text, MAY)
    assert got[("funding_raised", 4.6e8)] == "auto"
    assert got.get(("companies", 180)) != "auto"  # (the network's own members: its figure)
    elsewhere = (
        "Cyberport investors invest more\n\nMembers of the Cyberport Investors Network (CIN) "
        "invested HK$90 million in Shenzhen start-ups in 2023."
    )
    assert statuses(elsewhere, MAY).get(("funding_raised", 9e7)) != "auto"
