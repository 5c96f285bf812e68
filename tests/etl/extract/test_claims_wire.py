"""Whole documents of the kinds wire services and press offices send: shorthand lists under a
dated lead-in, headlines in capitals, a programme named as the organisation's own, a list of
clusters with one verb, an amount given in two currencies."""

from __future__ import annotations

from datetime import date

from etl.extract import default_config
from etl.extract.mentions import find_mentions
from tests.etl.extract.test_claims import inline

WIRE = (
    "NEWSWIRE  12/05/2022 10:05 HKT\n\n"
    "CYBERPORT COMMUNITY NOW 1,900-PLUS COS; UNICORNS AT 5\n\n"
    "HONG KONG, May 12 (Newswire Asia) - Cyberport gives mid-year community update; figures"
    " as at April 30:\n\n"
    "-- Community cos 1,900-plus, vs approx 1,700 end-2021\n"
    "-- Unicorns 5 (incl one insurtech); listed cos 7\n"
    "-- Fintech cos approx 400; AI cos 200\n\n"
    "Rival HKSTP reports 1,200-plus cos on its parks."
)


def test_a_wire_list_takes_its_owner_and_date_from_its_lead_in() -> None:
    got = inline(WIRE, date(2022, 5, 12))
    at = date(2022, 4, 30)
    assert ("companies", 1900, "over", at, None) in got
    assert ("companies", 1700, "about", date(2021, 12, 31), None) in got
    assert ("unicorns", 5, "exact", at, None) in got
    assert ("listed_companies", 7, "exact", at, None) in got
    assert ("fintech_companies", 400, "about", at, None) in got
    assert ("ai_companies", 200, "exact", at, None) in got
    assert all(c[1] != 1200 for c in got)  # the rival's


def test_a_headline_in_capitals_names_the_organisation_not_acronyms() -> None:
    text = "CYBERPORT COMMUNITY NOW 1,900-PLUS COS; UNICORNS AT 5"
    found = find_mentions(text, 0, len(text), default_config())
    assert [(m.entity, m.tracked) for m in found] == [("Cyberport", True)]
    short = "HKSTP AND CYBERPORT"  # (too short to be a headline: acronyms stay names)
    assert any(not m.tracked for m in find_mentions(short, 0, len(short), default_config()))


def test_a_programme_the_organisation_calls_its_own_counts_for_it() -> None:
    text = (
        "HONG KONG, 18 June 2009 – Cyberport today announced the first results of its Digital\n"
        "Media Incubation Programme (DMIP).\n\n"
        "Since the programme opened in March 2008, 24 start-ups working in games, animation and"
        " mobile content have been admitted to it. Between them the incubatees have attracted"
        " HK$38 million in private investment."
    )
    got = inline(text, date(2009, 6, 18))
    assert ("incubatees", 24, "exact", date(2009, 6, 18), None) in got
    assert ("funding_raised", 38e6, "exact", date(2009, 6, 18), None) in got


def test_a_list_of_clusters_sharing_one_verb_counts_each_cluster() -> None:
    text = (
        "HONG KONG, 30 December 2025 — At year-end, Cyberport's artificial intelligence cluster"
        " numbered over 450 companies, the Web3 cluster more than 300, and the fintech cluster"
        " about 520. Founders from the 2025 incubation intake met investors."
    )
    got = inline(text, date(2025, 12, 30))
    d = date(2025, 12, 30)
    assert ("ai_companies", 450, "over", d, None) in got
    assert ("web3_companies", 300, "over", d, None) in got
    assert ("fintech_companies", 520, "about", d, None) in got
    assert all(c[1] != 2025 for c in got)  # a year naming an intake


def test_an_amount_in_two_currencies_is_one_claim() -> None:
    text = (
        "CYBERPORT START-UPS RAISE US$640 MLN IN YEAR\n\n"
        "HONG KONG, Nov 20, 2018 - Start-ups at Cyberport raised HK$5.0 billion (US$640"
        " million) in the past year, the company said."
    )
    got = inline(text, date(2018, 11, 20))
    assert [c for c in got if c[0] == "funding_raised"] == [
        ("funding_raised", 5e9, "exact", date(2018, 11, 20), "P1Y")
    ]


def test_a_total_an_addition_raises_in_its_own_sentence_is_no_flow() -> None:
    text = (
        "HONG KONG, 18 November 2009 – In the past six months alone, 12 start-ups were admitted"
        " to the Cyberport Incubation Programme, bringing the number of companies taken into"
        " the programme since its launch in 2005 to 58."
    )
    got = inline(text, date(2009, 11, 18))
    assert ("incubatees", 12, "exact", date(2009, 11, 18), "P6M") in got
    assert ("incubatees", 58, "exact", date(2009, 11, 18), None) in got


def test_only_an_amount_the_document_also_gives_in_hk_dollars_is_dropped() -> None:
    text = (
        "HONG KONG, Nov 20, 2018 - Start-ups at Cyberport have raised HK$5.0 billion so far,"
        " Cyberport said. Its fintech start-ups alone have raised US$300 million."
    )
    got = inline(text, date(2018, 11, 20))
    assert ("funding_raised", 5e9, "exact", date(2018, 11, 20), None) in got
    assert ("funding_raised", 3e8, "exact", date(2018, 11, 20), None) in got  # (no HK$ twin)


def test_a_year_review_during_the_year_is_not_an_earlier_event_year() -> None:
    text = (
        "Cyberport looks back on 2013\n\n"
        "Hong Kong, 30 December 2013 – During the year, 38 start-ups joined the Cyberport"
        " Incubation Programme, bringing the number admitted since its launch in 2005 to 260.\n\n"
        "Community companies raised some HK$420 million from investors during the year."
    )
    got = inline(text, date(2013, 12, 30))
    money = [c for c in got if c[0] == "funding_raised"]
    assert money and all(c[3].year == 2013 for c in money)


def test_start_ups_admitted_as_a_label_count_an_intake() -> None:
    text = (
        "Cyberport fact sheet\n\nAs at 31 March 2024:\n\n"
        "- Community companies: 2,100+\n- Start-ups admitted since 2005: 1,100+"
    )
    got = inline(text, date(2024, 5, 2))
    assert ("incubatees", 1100, "over", date(2024, 3, 31), None) in got
    assert all(c[0] != "startups" for c in got)


def test_a_count_said_again_for_now_after_one_for_an_earlier_time_is_sure() -> None:
    text = (
        "HONG KONG, 6 November 2024 – Cyberport's chief executive spoke today.\n\n"
        '"Five years ago, our community had about 1,200 companies. Today we have more than'
        ' 2,100," said Cyberport chief executive Jane Lo.'
    )
    got = inline(text, date(2024, 11, 6))  # (sure claims only)
    assert ("companies", 2100, "over", date(2024, 11, 6), None) in got


def test_a_bare_count_after_a_sentence_with_no_earlier_time_stays_unsure() -> None:
    text = (
        "HONG KONG, 6 November 2024 – Cyberport's chief executive spoke today.\n\n"
        '"Our community has about 1,200 companies. Today we have more than 2,100," said'
        " Cyberport chief executive Jane Lo."
    )
    assert all(c[1] != 2100 for c in inline(text, date(2024, 11, 6)))


def test_an_amount_said_again_for_now_after_one_for_an_earlier_time_is_the_same_metric() -> None:
    text = (
        "HONG KONG, 6 November 2024 – Cyberport's chief executive Jane Lo spoke today.\n\n"
        "Five years ago, Cyberport's companies had raised about HK$9 billion in total. Now the"
        " total stands at more than HK$43 billion."
    )
    got = inline(text, date(2024, 11, 6))
    assert ("funding_raised", 43e9, "over", date(2024, 11, 6), None) in got


def test_an_amount_answering_a_question_about_funding_takes_its_metric() -> None:
    text = (
        "Interview with Cyberport CEO Jane Lo, 12 August 2019\n\n"
        "Q: How much have Cyberport's companies raised in funding?\n\n"
        "A: Cumulatively, about HK$19 billion."
    )
    got = inline(text, date(2019, 8, 12))
    assert ("funding_raised", 19e9, "about", date(2019, 8, 12), None) in got


def test_a_list_after_a_lead_in_that_names_the_organisation_last_is_its_own() -> None:
    text = (
        "Comparing Asian hubs\n\nBy Alex Tan, partner, Northgate Ventures. 7 March 2022\n\n"
        "Hong Kong Science Park has about 1,100 companies.\n\n"
        "The clusters matter more. When I asked Cyberport for a breakdown, this is what came"
        " back:\n\n- Fintech: 420+ companies\n- Web3 and blockchain: around 60"
    )
    got = inline(text, date(2022, 3, 7))
    assert ("fintech_companies", 420, "over", date(2022, 3, 7), None) in got
    assert ("web3_companies", 60, "about", date(2022, 3, 7), None) in got
    assert all(c[1] != 1100 for c in got)


def test_a_change_from_one_figure_to_another_dates_each_and_counts_both() -> None:
    text = (
        "HONG KONG, 3 May 2016 – The number of FinTech companies in the Cyberport community "
        "increased from 44 as at end-March 2015 to 112 as at end-March 2016.\n\n"
        "The Cyberport community grew from 300 companies in 2014 to 450 in 2015.\n\n"
        "Lumen Tide said its headcount at Cyberport had grown from 5 to 40 this year."
    )
    got = inline(text, date(2016, 5, 3))
    assert ("fintech_companies", 44, "exact", date(2015, 3, 31), None) in got
    assert ("fintech_companies", 112, "exact", date(2016, 3, 31), None) in got
    assert ("companies", 450, "exact", date(2015, 12, 31), None) in got
    assert not [c for c in got if c[1] in (2015, 5, 40)]  # no year, no headcount


def test_a_cluster_figure_with_no_owner_named_is_the_owner_of_the_sentence_before() -> None:
    text = (
        "HONG KONG, 14 July 2021 – Cyberport said its community grew to 1,800 companies.\n\n"
        "FinTech remains the largest cluster, with more than 400 companies today."
    )
    got = inline(text, date(2021, 7, 14))
    assert ("fintech_companies", 400, "over", date(2021, 7, 14), None) in got
    other = text.replace("Cyberport said its", "Science Park said its")
    assert not [c for c in inline(other, date(2021, 7, 14)) if c[1] == 400]


def test_a_sentence_opening_on_the_set_before_takes_its_date() -> None:
    text = (
        "HONG KONG, 14 February 2011 – The Cyberport community had 105 companies at the end "
        "of 2010. Of these, 72 were accommodated on the campus.\n\n"
        "The Cyberport community has 300 companies; 112 are tenants in the park's office "
        "buildings."
    )
    got = inline(text, date(2011, 2, 14))
    assert ("companies_onsite", 72, "exact", date(2010, 12, 31), None) in got
    assert ("companies_onsite", 112, "exact", date(2011, 2, 14), None) in got


def test_the_part_of_an_intake_that_came_in_a_stated_stretch_is_a_flow_of_it() -> None:
    text = (
        "HONG KONG, 15 June 2011 – Since 2005 the Cyberport Incubation Programme has admitted "
        "300 start-ups, 41 of them in the past twelve months alone.\n\n"
        "Cyberport hosts 500 companies, 120 of them on the campus."
    )
    got = inline(text, date(2011, 6, 15))
    assert ("incubatees", 300, "exact", date(2011, 6, 15), None) in got
    assert ("incubatees", 41, "exact", date(2011, 6, 15), "P1Y") in got
    assert not [c for c in got if c[1] == 120 and c[0] == "incubatees"]


def test_a_line_saying_when_all_figures_stand_dates_the_fact_box_below() -> None:
    text = (
        "FACT SHEET\n\nThe flagship for start-ups (All figures as at 30 June 2024)\n\n"
        "WHO WE ARE\n\nCyberport is a digital technology community managed by a company.\n\n"
        "KEY FIGURES OF THE CYBERPORT COMMUNITY\n\n- Unicorns nurtured: 8\n- Listed "
        "companies: 5"
    )
    got = inline(text, date(2024, 7, 31))
    assert ("unicorns", 8, "exact", date(2024, 6, 30), None) in got
    undated = text.replace(" (All figures as at 30 June 2024)", "")
    assert ("unicorns", 8, "exact", date(2024, 7, 31), None) in inline(undated, date(2024, 7, 31))


def test_a_list_row_labelled_with_a_name_of_its_own_is_not_the_organisations() -> None:
    text = (
        "HONG KONG, 14 August 2021 – A guide to Cyberport and other hubs.\n\n"
        "Where start-ups work:\n\n- The Hive Sheung Wan: ~300 members\n"
        "- Smart Living: 240+ companies\n- Cyberport Campus: 800 companies"
    )
    got = inline(text, date(2021, 8, 14))
    assert not [c for c in got if c[1] == 300]
    assert ("smart_living_companies", 240, "over", date(2021, 8, 14), None) in got


def test_a_note_in_brackets_closing_a_paragraph_dates_its_figures() -> None:
    text = (
        'HONG KONG, 13 November 2024 – Cyberport said: "The community currently has more than '
        '2,100 companies and eight unicorns." (Data as of 2024 year 9 month 30 day)\n\n'
        "Cyberport also said the Web3 cluster has 270 companies."
    )
    got = inline(text, date(2024, 11, 13))
    assert ("companies", 2100, "over", date(2024, 9, 30), None) in got
    assert ("web3_companies", 270, "exact", date(2024, 11, 13), None) in got
    figure = text.replace("(Data as of 2024 year 9 month 30 day)", "(Data: 12 sources)")
    assert ("companies", 2100, "over", date(2024, 11, 13), None) in inline(
        figure, date(2024, 11, 13)
    )
