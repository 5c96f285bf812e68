"""A figure that counts a group taking part in something is read as an activity."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.group_figures import group_source
from etl.extract.metrics import classify
from tests.etl.extract.test_claims import inline


def _source(s: str, figure: str, noun: str, kind: str = "count") -> str:
    start = s.index(figure)
    np_from = start + len(figure) + 1
    np_end = np_from + len(noun)
    match = classify(noun, "", "", kind, 10.0)
    spans = (start, np_from, np_end, len(s))
    return group_source(s, spans, s[:start], s[:start].lower(), s, kind, match, "noun", [])


@pytest.mark.parametrize(
    ("sentence", "figure", "noun"),
    [
        ("The mission took 60 start-ups to Shenzhen.", "60", "start-ups"),
        ("The waiting list is now 80 companies long.", "80", "companies"),
        ("The 42 companies between them won 67 awards.", "42", "companies"),
        ("It took 38 start-ups on business missions to 12 markets.", "12", "markets"),
        ("There was a careers fair at which 22 companies advertised jobs.", "22", "companies"),
    ],
)
def test_a_group_taking_part_is_an_activity(sentence: str, figure: str, noun: str) -> None:
    assert _source(sentence, figure, noun) == "activity"


def test_markets_reached_are_no_trip() -> None:
    s = "Its start-ups have expanded to 12 markets on three continents."
    assert _source(s, "12", "markets") == "noun"


def test_the_communitys_size_stays_as_it_was_read() -> None:
    assert _source("The hub is home to 2,000 companies.", "2,000", "companies") == "noun"


@pytest.mark.parametrize(
    "sentence",
    [
        "Cyberport granted HK$100,000 each to 45 start-ups.",
        "In 2020-21, Cyberport provided rent concessions totalling about HK$260 million to some "
        "780 onsite tenants.",
        "Cyberport offered free office space to 30 companies.",
    ],
)
def test_those_given_something_are_no_size(sentence: str) -> None:
    """A count that a verb of giving gives to ("... to 45 start-ups") counts recipients."""
    assert inline(sentence, date(2021, 9, 5)) == []


def test_a_community_that_gave_rise_to_unicorns_counts_them() -> None:
    got = inline(
        "The Cyberport community has given rise to two unicorns and has reached 40 markets.",
        date(2021, 9, 5),
    )
    assert ("unicorns", 2, "exact", date(2021, 9, 5), None) in got


@pytest.mark.parametrize(
    ("sentence", "raised"),
    [
        ("In 2017 alone, Cyberport companies raised HK$2.2 billion, more than ever, with three "
         "rounds exceeding HK$200 million each.", [2.2e9]),
        ("In 2015 alone, Cyberport start-ups raised more than HK$900 million, with the largest "
         "single round, by a payments firm, reaching US$15 million.", [9e8]),
        ("At Cyberport, rounds of US$20 million or more accounted for nearly half of the money "
         "start-ups raised.", []),
        ("At Cyberport, Series A and B rounds of HK$20 million to HK$80 million used to be "
         "rare.", []),
    ],
)  # fmt: skip
def test_the_size_of_rounds_is_no_money_raised(sentence: str, raised: list[float]) -> None:
    """An amount that sizes rounds ("rounds of", "exceeding", "the largest round ... was")
    is one round's or a class of rounds', not what the community raised."""
    got = inline(sentence, date(2020, 1, 31))
    assert [value for metric, value, *_ in got if metric == "funding_raised"] == raised


def test_a_sum_over_rounds_is_money_raised() -> None:
    got = inline(
        "In 2019 Cyberport start-ups closed 43 funding rounds worth a combined HK$1.1 billion.",
        date(2020, 1, 31),
    )
    assert [value for metric, value, *_ in got if metric == "funding_raised"] == [1.1e9]


def test_those_who_applied_are_no_intake() -> None:
    got = inline(
        "Cyberport said some 300 start-ups had applied for the spring intake of its incubation "
        "programme, and 2,100 companies are now in its community.",
        date(2023, 3, 29),
    )
    assert [(metric, value) for metric, value, *_ in got] == [("companies", 2100)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Fifteen apps won awards at the Cyberport Mobile App Challenge.",
        "Twelve Start-ups Win Cyberport Smart Living Awards",
    ],
)
def test_a_count_of_winners_is_no_count_of_awards(sentence: str) -> None:
    got = inline(sentence, date(2017, 11, 23))
    assert [metric for metric, *_ in got if metric == "awards"] == []


def test_awards_counted_by_their_own_noun_stay() -> None:
    got = inline("Cyberport community companies won 38 awards in 2021.", date(2022, 1, 5))
    assert ("awards", 38, "exact", date(2021, 12, 31), None) in got


def test_companies_listed_on_a_platform_are_no_listed_companies() -> None:
    got = inline(
        "The Cyberport scheme received 14,000 applications, and solutions from more than 100 "
        "community companies were listed on its platform.",
        date(2021, 9, 5),
    )
    assert got == []
    got = inline(
        "Twelve Cyberport community companies are listed on the Main Board.", date(2021, 9, 5)
    )
    assert ("listed_companies", 12, "exact", date(2021, 9, 5), None) in got


@pytest.mark.parametrize(
    "text",
    [
        "Since 2005, Cyberport has admitted 950 start-ups to its incubation programmes, and "
        "about 170 are currently being incubated.",
        "Cyberport key figures:\n- Start-ups currently in incubation: 41\n- Start-ups admitted "
        "since 2005: 950",
    ],
)
def test_start_ups_in_incubation_now_are_not_all_admitted(text: str) -> None:
    got = inline(text, date(2020, 4, 8))
    assert [(metric, value) for metric, value, *_ in got] == [("incubatees", 950)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Cyberport's Listing Readiness Programme has enrolled 30 community companies.",
        "More than 200 Cyberport start-ups have registered as technology solution providers.",
        "As at end-2022, over 210 Cyberport community companies were offering solutions on the "
        "platform.",
    ],
)
def test_those_enrolled_in_another_programme_or_offering_something_are_no_count(
    sentence: str,
) -> None:
    assert inline(sentence, date(2023, 1, 5)) == []


def test_a_count_opening_on_a_chosen_group_is_that_groups_make_up() -> None:
    day = date(2010, 6, 15)
    lead = "Hong Kong, 15 June 2010 - The Cyberport Game Development Fund announced its results. "
    got = inline(lead + "Of the 18 successful teams, 11 are current Cyberport incubatees.", day)
    assert ("incubatees", 11.0) not in [(m, v) for m, v, *_ in got]
    got = inline(lead + "Of the 210 companies at Cyberport, 80 are start-ups.", day)
    assert ("startups", 80.0) in [(m, v) for m, v, *_ in got]  # the community's own make-up
