"""When a figure stands, in whole documents: dates without a year, ranges, back-references,
flows and the totals after them, the time a figure is compared with."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.whole_note import whole_text_note
from tests.etl.extract.test_claims import _text_claims, inline


def test_dates_without_a_year_ranges_and_back_references() -> None:
    text = (
        "Cyberport releases its mid-year figures\n\n"
        "As of 30 June, the Cyberport community comprised 1,720 companies. "
        "At that point, 58 of those start-ups were in the Cyberport Incubation Programme.\n\n"
        "Between January and June, Cyberport's community companies raised HK$3 billion. "
        "Over the same period, the hub admitted 45 incubatees.\n\n"
        "By mid-2019 Cyberport counted 1,500 companies."
    )
    d = date(2020, 8, 14)
    got = inline(text, d)
    assert ("companies", 1720, "exact", date(2020, 6, 30), None) in got
    assert ("funding_raised", 3e9, "exact", date(2020, 6, 30), "P6M") in got
    assert ("companies", 1500, "exact", date(2019, 6, 30), None) in got
    assert all(c[3] != d for c in got)


def test_a_month_after_the_publication_date_is_last_years() -> None:
    text = "Cyberport said that as at 30 November, its community numbered 1,400 companies."
    assert inline(text, date(2020, 3, 2)) == [
        ("companies", 1400, "exact", date(2019, 11, 30), None)
    ]


def test_a_table_under_a_dated_heading_dates_its_rows() -> None:
    text = (
        "Cyberport annual review\n\n"
        "Cyberport at a glance, 2019-20\n\n"
        "- Companies in the Cyberport community: 1,550+\n"
        "- Unicorns: 3\n\n"
        "Figures for the financial year unless otherwise stated."
    )
    got = inline(text, date(2020, 9, 1))
    assert ("unicorns", 3, "exact", date(2020, 3, 31), None) in got
    assert ("companies", 1550, "over", date(2020, 3, 31), None) in got


def test_a_paragraph_opened_by_a_date_speaks_of_that_date_unless_it_says_now() -> None:
    text = (
        "As at 31 December 2024, the Cyberport community comprised 2,200 companies. "
        "The community includes eight unicorns. Its start-ups have now raised HK$41 billion."
    )
    d = date(2025, 2, 10)
    got = inline(text, d)
    assert ("unicorns", 8, "exact", date(2024, 12, 31), None) in got
    assert ("funding_raised", 41e9, "exact", d, None) in got


def test_a_sentence_of_now_ends_the_time_an_earlier_sentence_opened() -> None:
    """ "In 2008 ... Tonight ...": the sentences after the one that speaks of now speak of now
    too, not of the year the paragraph opened with."""
    text = (
        "In 2008, the Cyberport community was about 100 companies. Tonight it is more than "
        "2,200. Our founders come from over 40 countries and regions. Eight of the community's "
        "companies have listed."
    )
    d = date(2025, 11, 21)
    got = inline(text, d)
    assert ("companies", 100, "about", date(2008, 12, 31), None) in got
    assert ("founder_origins", 40, "over", d, None) in got
    assert ("listed_companies", 8, "exact", d, None) in got
    # Without the sentence of now, the year carries on.
    earlier = inline(text.replace("Tonight it is more than 2,200. ", ""), d)
    assert ("founder_origins", 40, "over", date(2008, 12, 31), None) in earlier


def test_a_note_on_all_figures_dates_running_text_too() -> None:
    """ "Figures are as at 30 September 2024 unless otherwise indicated": the prose's figures
    stand at that day as a list's do; a figure with a time of its own keeps it."""
    text = (
        "Cyberport today published its quarterly update. Figures are as at 30 September 2024 "
        "unless otherwise indicated.\n\nThe Cyberport community numbered 2,086 companies at "
        "the end of the quarter. In 2020, the community had 1,500 companies."
    )
    got = inline(text, date(2024, 10, 16))
    assert ("companies", 2086, "exact", date(2024, 9, 30), None) in got
    assert ("companies", 1500, "exact", date(2020, 12, 31), None) in got


def test_a_heading_naming_only_the_year_yields_to_the_notes_day_in_that_year() -> None:
    """ "2023 highlights" under "figures below are as at 31 October 2023": the rows stand at
    the note's day, not at the year's; a heading of another year keeps its own."""
    text = (
        "Cyberport today looked back on its year. Unless stated otherwise, figures below are as "
        "at 31 October 2023.\n\n2023 highlights\n\n- Community size: 2,100 companies\n"
        "- Unicorns: the community now counts nine unicorns\n\nFive years ago\n\n"
        "| Year | Companies |\n|---|---|\n| 2018 | 1,050 |\n| 2023 | 2,100 |\n"
    )
    got = inline(text, date(2023, 12, 14))
    assert ("companies", 2100, "exact", date(2023, 10, 31), None) in got
    assert ("unicorns", 9, "exact", date(2023, 10, 31), None) in got
    assert ("companies", 1050, "exact", date(2018, 12, 31), None) in got
    assert not [c for c in got if c[3] == date(2023, 12, 14)]


def test_a_time_a_sentence_compares_with_dates_no_figure_of_it() -> None:
    d = date(2021, 8, 10)
    text = (
        "Cyberport start-ups raised HK$7.4 billion in the first six months of 2021, more than "
        "in the whole of 2019, taking the total raised to over HK$26 billion.\n\nBetween "
        "February and July, companies in our community raised HK$2.1 billion – more than they "
        "raised in the whole of 2018."
    )
    got = {c[:2]: c[3] for c in inline(text, d)}
    assert got[("funding_raised", 26e9)] == date(2021, 6, 30)
    assert got[("funding_raised", 2.1e9)] == date(2021, 7, 31)
    assert date(2019, 12, 31) not in got.values() and date(2018, 12, 31) not in got.values()


def test_a_time_of_writing_ends_the_time_that_opened_the_sentence() -> None:
    text = (
        "Speech by the chief executive of Cyberport\n\n"
        "Our community has grown with you. Ten years ago we had about 500 companies; today we "
        "have over 2,200, and nearly 400 of them work in artificial intelligence."
    )
    got = {c[:2]: c[3] for c in inline(text, date(2025, 7, 18))}
    assert got[("companies", 500)] == date(2015, 7, 18)
    assert got[("companies", 2200)] == got[("ai_companies", 400)] == date(2025, 7, 18)


def test_the_same_nine_months_is_the_period_before() -> None:
    text = (
        "Cyberport community companies raised HK$3.2 billion in the first nine months of 2018."
        "\n\nOver the same nine months, 128 start-ups were admitted to Cyberport's incubation "
        "programmes."
    )
    got = inline(text, date(2018, 10, 25))
    assert ("incubatees", 128, "exact", date(2018, 9, 30), "P9M") in got


def test_a_plan_after_a_list_is_no_note_on_when_its_figures_stand() -> None:
    text = (
        "Cyberport today opened the centre.\n\nCyberport community at a glance\n\n"
        "- Community companies: over 2,000\n- Unicorns: 8\n\nCyberport will host an open "
        "day for prospective users on 25 July and plans a second round in the fourth quarter."
    )
    d = date(2024, 7, 9)
    got = inline(text, d)
    assert ("companies", 2000, "over", d, None) in got and ("unicorns", 8, "exact", d, None) in got


def test_a_bare_count_after_a_semicolon_and_today_says_the_count_before_again() -> None:
    text = (
        "An interview with the chairman of Cyberport\n\nWhen I took over in 2020 we had about "
        "1,500 companies in the community; today we are close to 2,000."
    )
    d = date(2023, 11, 14)
    got = inline(text, d)
    assert ("companies", 1500, "about", date(2020, 12, 31), None) in got
    assert ("companies", 2000, "nearly", d, None) in got


def test_a_bare_count_in_a_clause_opening_with_now_says_the_count_before_again() -> None:
    text = (
        "An interview with the chairman of Cyberport\n\nWe passed 1,800 companies at the end "
        "of last year, and today we have more than 1,900."
    )
    d = date(2023, 11, 14)
    got = inline(text, d)
    assert ("companies", 1800, "over", date(2022, 12, 31), None) in got
    assert ("companies", 1900, "over", d, None) in got
    got = inline("Cyberport had 300 companies in 2015, and we now see growth of 20.", d)
    assert [g[:2] for g in got] == [("companies", 300)]


def test_a_part_with_a_stretch_of_its_own_is_a_flow_not_a_breakdown() -> None:
    text = (
        "Cyberport's incubation programme had admitted 58 start-ups as at 31 October 2009, of "
        "which 19 were admitted in 2008-09."
    )
    got = inline(text, date(2009, 11, 20))
    assert ("incubatees", 19, "exact", date(2009, 3, 31), "P1Y") in got
    got = inline(
        "Cyberport had nine listed companies, of which six are on the Main Board.",
        date(2009, 11, 20),
    )
    assert [g[:2] for g in got] == [("listed_companies", 9)]


def test_a_comparison_with_a_figure_of_its_own_sentence_takes_no_metric_from_before() -> None:
    text = (
        "Cyberport's community companies are 85 per cent local. The occupancy rate of the "
        "offices was 89 per cent, compared with 94 per cent a year earlier."
    )
    got = inline(text, date(2009, 11, 20))
    assert [g[:2] for g in got if g[0] == "local_share_pct" and g[2] == "exact"] == [
        ("local_share_pct", 85)
    ]


def test_a_count_the_community_then_had_takes_the_date_before_it() -> None:
    text = (
        "Funds raised by Cyberport companies stood at HK$20 billion at the end of 2020, and the "
        "community then counted 3 unicorns."
    )
    got = inline(text, date(2022, 1, 5))
    assert ("funding_raised", 2e10, "exact", date(2020, 12, 31), None) in got
    assert ("unicorns", 3, "exact", date(2020, 12, 31), None) in got


def test_a_date_in_an_apposition_about_a_member_is_not_the_counts() -> None:
    text = (
        "PayHarbour listed today, and the Cyberport community now counts five listed companies. "
        "LedgerNest, a platform incubated at Cyberport in 2018, closed a round at a valuation "
        "above US$1 billion, becoming the community's eighth unicorn."
    )
    d = date(2023, 6, 28)
    assert ("unicorns", 8, "exact", d, None) in inline(text, d)


def test_a_total_after_a_flow_stands_at_the_flows_end() -> None:
    text = (
        "Cyberport community companies raised HK$4.1 billion in 2018-19, bringing the total "
        "they have raised to HK$14.6 billion."
    )
    assert ("funding_raised", 14.6e9, "exact", date(2019, 3, 31), None) in inline(
        text, date(2019, 12, 5)
    )
    now = (
        "Cyberport companies raised HK$4.1 billion in 2018-19, and the community now counts "
        "1,500 companies."
    )
    assert ("companies", 1500, "exact", date(2019, 12, 5), None) in inline(now, date(2019, 12, 5))


def test_so_far_in_an_aside_on_the_flow_leaves_the_total_at_the_flows_end() -> None:
    text = (
        "Cyberport's incubation programme admitted 52 start-ups in 2020-21, its largest cohort "
        "so far, bringing the total admitted since the programme began to 410."
    )
    got = inline(text, date(2021, 8, 2))
    assert ("incubatees", 410, "exact", date(2021, 3, 31), None) in got
    now = (
        "Cyberport's incubation programme admitted 52 start-ups in 2020-21, and so far 410 "
        "start-ups have been admitted to the programme."
    )
    assert ("incubatees", 410, "exact", date(2021, 8, 2), None) in inline(now, date(2021, 8, 2))


def test_a_total_raised_in_the_next_paragraph_stands_at_the_end_of_the_additions_period() -> None:
    text = (
        "From February to April, Cyberport's incubation programme admitted 64 start-ups.\n\n"
        "The newcomers take the total admitted since the programme began to 1,020."
    )
    got = inline(text, date(2024, 6, 20))
    assert ("incubatees", 1020, "exact", date(2024, 4, 30), None) in got


def test_a_total_without_an_addition_over_a_period_before_it_keeps_the_date_of_writing() -> None:
    text = (
        "Cyberport opened its new wing on 3 May 2024.\n\n"
        "New admissions lift the total admitted to Cyberport's incubation programme to 1,020."
    )
    got = inline(text, date(2024, 6, 20))
    assert ("incubatees", 1020, "exact", date(2024, 6, 20), None) in got
    plain = (
        "From February to April, Cyberport's incubation programme admitted 64 start-ups.\n\n"
        "Since the programme began, 1,020 start-ups have been admitted to the programme."
    )
    assert ("incubatees", 1020, "exact", date(2024, 6, 20), None) in inline(
        plain, date(2024, 6, 20)
    )


def test_a_time_a_figure_is_compared_with_is_not_its_date() -> None:
    d = date(2024, 4, 8)
    text = "Cyberport now counts 260 fintech companies, compared with last year a big rise."
    assert inline(text, d) == [("fintech_companies", 260, "exact", d, None)]
    mt = "Cyberport fintech enterprise have 260 more home, compare last year growth very fast."
    assert [g[3] for g in inline(mt, d)] == [d]
    dated = "Cyberport counted 260 fintech companies, as at the end of last year."
    assert [g[3] for g in inline(dated, d) if g[1] == 260] == [date(2023, 12, 31)]


def test_a_time_opening_a_sentence_without_a_comma_before_its_subject_dates_every_clause() -> None:
    d = date(2021, 9, 2)
    text = (
        "In the May intake we had 700 applications to the Cyberport Incubation Programme, "
        "and 64 were admitted."
    )
    # (An unmarked "we" in a text about Cyberport: its own, by its voice.)
    assert inline(text, d) == [("incubatees", 64, "exact", date(2021, 5, 31), None)]
    no_subject = (
        "In the May intake applications rose sharply to 700 for the Cyberport Incubation "
        "Programme, and 64 were admitted."
    )
    assert ("incubatees", 64, "exact", d, None) in inline(no_subject, d)


def test_a_year_earlier_dates_only_the_figure_it_follows() -> None:
    text = (
        "At the end of last year, Cyberport's community stood at about 2,300 companies. "
        "The community includes 11 unicorns, up from 10 a year earlier."
    )
    got = inline(text, date(2026, 1, 12))
    assert ("unicorns", 11, "exact", date(2025, 12, 31), None) in got


def test_an_undated_restatement_of_a_dated_figure_is_the_same_claim() -> None:
    text = (
        "Cyberport community reaches 270 companies\n\n"
        "As of 30 June, the Cyberport community comprised 270 companies.\n\n"
        "About Cyberport\n\nCyberport is home to 270 companies and 9 unicorns."
    )
    d = date(2012, 8, 9)
    assert inline(text, d) == [
        ("companies", 270, "exact", date(2012, 6, 30), None),
        ("unicorns", 9, "exact", d, None),
    ]


def test_a_headline_flow_this_year_restates_the_bodys_flow_over_a_period_of_that_year() -> None:
    head = "Cyberport start-ups raised HK$2.9 billion this year, says hub\n\n"
    body = "Cyberport start-ups raised HK$2.9 billion in the first eight months of the year."
    d = date(2018, 9, 20)
    got = inline(head + body, d)
    assert [g[3] for g in got if g[0] == "funding_raised"] == [date(2018, 8, 31)]
    other = "Cyberport start-ups raised HK$1.1 billion in the first eight months of the year."
    got = inline(head + other, d)
    assert sorted(g[3] for g in got if g[0] == "funding_raised") == [date(2018, 8, 31), d]


def test_a_comparison_dated_a_year_earlier_keeps_that_date() -> None:
    text = "Cyberport counted 48 fintech companies, compared with 31 a year earlier."
    d = date(2020, 5, 10)
    assert inline(text, d) == [
        ("fintech_companies", 31, "exact", date(2019, 5, 10), None),
        ("fintech_companies", 48, "exact", d, None),
    ]


def test_a_part_of_a_set_belongs_to_the_owner_of_the_set() -> None:
    text = (
        "Cyberport is the city's largest digital hub, with some 1,700 companies in its "
        "community, nine of which are now unicorns."
    )
    d = date(2024, 2, 1)
    assert inline(text, d) == [
        ("companies", 1700, "about", d, None),
        ("unicorns", 9, "exact", d, None),
    ]
    # A part of someone else's set is theirs.
    other = text.replace("Cyberport is", "Harbour Valley is")
    assert inline(other, d) == []


def test_a_date_in_the_figures_own_stretch_between_commas_dates_it() -> None:
    text = (
        "At the end of 2024 the Cyberport community had 2,000 companies, far more than "
        "the 300 companies that moved in back in 2010."
    )
    assert inline(text, date(2025, 2, 1)) == [
        ("companies", 300, "exact", date(2010, 12, 31), None),
        ("companies", 2000, "exact", date(2024, 12, 31), None),
    ]


def test_a_colon_closes_the_clause_of_a_date_before_it() -> None:
    text = (
        "Growth in 2024 came from one field above all: over 150 AI companies now belong "
        "to the Cyberport community."
    )
    d = date(2025, 1, 20)
    assert inline(text, d) == [("ai_companies", 150, "over", d, None)]


def test_during_the_year_is_the_year_the_text_is_speaking_of() -> None:
    text = (
        "Cyberport's annual report covers the year ended 31 March 2021.\n\n"
        "During the year, 120 start-ups were admitted to Cyberport's incubation programmes."
    )
    (row,) = inline(text, date(2021, 11, 2))
    assert row[:2] == ("incubatees", 120) and row[3] == date(2021, 3, 31)


def test_a_figure_whose_own_words_say_now_is_of_the_time_of_writing() -> None:
    text = (
        "Cyberport said its community companies had raised HK$1.9 billion between January "
        "and June, with the Web3 cluster - now at about 210 companies - leading the way."
    )
    got = _text_claims(text, date(2023, 8, 2))
    assert ("web3_companies", 210, date(2023, 8, 2), "auto") in got
    assert ("funding_raised", 1.9e9, date(2023, 6, 30), "auto") in got


def test_today_outside_an_aside_does_not_undate_a_figure() -> None:
    text = (
        "Hong Kong, 20 March 2024 – Cyberport today announced that 95 start-ups were admitted "
        "to its incubation programme, in the second half of 2023."
    )
    got = _text_claims(text, date(2024, 3, 20))
    assert ("incubatees", 95, date(2023, 12, 31), "auto") in got


def test_a_part_after_and_in_a_clause_of_its_own_is_not_dated_by_the_whole() -> None:
    d = date(2026, 1, 15)
    text = (
        "Cyberport's community had grown to 2,350 companies at the end of last year, "
        "and nine of them have become unicorns."
    )
    assert inline(text, d) == [
        ("companies", 2350, "exact", date(2025, 12, 31), None),
        ("unicorns", 9, "exact", d, None),
    ]
    same_clause = "Cyberport had 240 companies at the end of 2011, 100 of them on its campus."
    assert inline(same_clause, d) == [
        ("companies", 240, "exact", date(2011, 12, 31), None),
        ("companies_onsite", 100, "exact", date(2011, 12, 31), None),
    ]


def test_a_date_after_and_opens_the_next_clause_not_the_figure_before() -> None:
    text = (
        "In 2015 Cyberport hosted about 400 companies, and at that point only 30 of them "
        "worked on fintech."
    )
    assert inline(text, date(2019, 9, 19)) == [
        ("companies", 400, "about", date(2015, 12, 31), None),
        ("fintech_companies", 30, "exact", date(2015, 12, 31), None),
    ]


def test_an_earlier_value_in_a_clause_about_a_plan_is_a_dated_fact() -> None:
    text = (
        "By the end of this year, the number of fintech companies at Cyberport will have "
        "topped 400, nearly double the 250 recorded in mid-2021."
    )
    assert inline(text, date(2023, 5, 2)) == [
        ("fintech_companies", 250, "exact", date(2021, 6, 30), None),
    ]  # (the plan itself is only a candidate for a reviewer)


def test_a_date_after_a_comma_and_a_word_is_not_the_figures_own() -> None:
    d = date(2022, 6, 12)
    text = (
        "In the first quarter, Cyberport's incubation programme admitted 36 start-ups, "
        "with last year's intake far lower."
    )
    assert inline(text, d) == [("incubatees", 36, "exact", date(2022, 3, 31), "P3M")]
    own = "Cyberport had 1,800 companies, as at March 2022."
    assert inline(own, d) == [("companies", 1800, "exact", date(2022, 3, 31), None)]


def test_a_digest_under_ruled_day_lines_dates_each_item_by_its_day() -> None:
    from etl.extract.claims import extract_claims
    from etl.read.readers import read_bytes

    other = "* MARKETS: tech shares closed higher on the day as traders bought back into chips.\n"
    text = (
        "TECH WIRE WEEKLY - WK 11 / 2025\n\n"
        f"=== MON 10 MAR ===\n\n* CYBERPORT: community now at 2,200 companies.\n{other}\n"
        f"=== WED 12 MAR ===\n\n* CYBERPORT AI: 400 AI start-ups in the community.\n{other}\n"
        f"=== FRI 14 MAR ===\n\n* HKSTP: 1,800 companies at Science Park.\n{other}"
    )
    doc = read_bytes(text.encode(), "wire.txt")
    got = {(c.metric, c.value, c.as_of) for c in extract_claims(doc)}
    assert got == {
        ("companies", 2200, date(2025, 3, 10)),
        ("ai_companies", 400, date(2025, 3, 12)),
    }


def test_a_year_earlier_than_now_counts_back_from_the_publication_not_an_older_date() -> None:
    d = date(2012, 6, 5)
    text = (
        "Cyberport news\n\n"
        "Cyberport opened its incubation programme in 2005 and admitted 20 start-ups today. "
        "The hub's fintech cluster keeps growing: Cyberport now has 50 fintech companies, "
        "up from about 35 a year earlier."
    )
    got = {(c[1], c[3]) for c in inline(text, d) if c[0] == "fintech_companies"}
    assert got == {(50, d), (35, date(2011, 6, 5))}


def test_a_time_phrase_of_the_next_clause_leaves_a_figure_the_publication_date() -> None:
    d = date(2021, 11, 22)
    text = (
        "Cyberport news\n\n"
        "\"Five of Hong Kong's unicorns grew up here, and between January and September "
        'these firms raised HK$4 billion," said the chief executive of Cyberport.'
    )
    got = {(c[0], c[3]) for c in inline(text, d)}
    assert got == {("unicorns", d), ("funding_raised", date(2021, 9, 30))}


def test_a_list_under_a_lead_in_that_speaks_of_now_stands_at_the_publication() -> None:
    d = date(2023, 6, 6)
    text = (
        "# Notes from the Cyberport community desk\n\n"
        "As at the end of May, more than 150 Web3 companies had joined the Cyberport community."
        " Here is how fast that happened:\n\n"
        "| As at | Web3 companies |\n|---|---|\n| December 2022 | 90 |\n| May 2023 | 150+ |\n\n"
        "The Web3 cluster is still smaller than the fintech cluster, but it is catching up. "
        "For context, here is where the wider Cyberport community stands today:\n\n"
        "- A 1.9k-strong membership of start-ups and technology companies\n"
        "- Eight unicorns that started out at Cyberport"
    )
    got = {(c[0], c[1], c[3]) for c in inline(text, d)}
    assert ("web3_companies", 150, date(2023, 5, 31)) in got
    assert ("unicorns", 8, d) in got


def test_a_date_in_an_event_after_the_figure_is_the_events() -> None:
    d = date(2023, 12, 8)
    event = (
        "Eight of Hong Kong's unicorns grew up at Cyberport, following the addition of a "
        "payments firm to the list in October."
    )
    assert inline(event, d) == [("unicorns", 8, "exact", d, None)]
    # A date of the figure's own clause after it still dates it.
    own = "Cyberport counted eight unicorns, the most in the city, in October."
    assert inline(own, d) == [("unicorns", 8, "exact", date(2023, 10, 31), None)]


def test_back_then_points_to_the_time_an_earlier_sentence_gave() -> None:
    text = (
        "When I first joined the Cyberport Board in 2016, Cyberport had about 700 companies. "
        "Tonight we have more than 1,900.\n\n"
        "Back then, Cyberport start-ups had raised HK$2 billion between them."
    )
    got = inline(text, date(2022, 12, 8))
    assert ("funding_raised", 2e9, "exact", date(2016, 12, 31), None) in got


def test_years_ago_opening_a_sentence_dates_it_but_a_relative_clause_date_does_not() -> None:
    d = date(2019, 11, 29)
    got = inline("Ten years ago, Cyberport's community had just under 100 companies.", d)
    assert [(c[1], c[3]) for c in got] == [(100, date(2009, 11, 29))]
    got = inline("Six years ago the hub at Cyberport counted about 600 members.", d)
    assert [(c[1], c[3]) for c in got] == [(600, date(2013, 11, 29))]  # no comma, "the ..."
    text = (
        "Cyberport's esports cluster, which barely existed when we opened our arena last year, "
        "now has over 100 members."
    )
    assert [c[3] for c in inline(text, d)] == [d]


def test_a_sentence_that_comes_back_to_now_stops_its_opening_date_from_carrying() -> None:
    text = (
        "PRESS RELEASE\nDate: 22/09/2020\n\nCyberport Community Holds Steady\n\n"
        "As at 30 June 2020, the Cyberport community comprised 1,650 companies.\n\n"
        "Funding has held up. In 2019-20, community companies raised HK$4.1 billion, and the"
        " total raised by community companies now exceeds HK$18 billion. Four unicorns have"
        " emerged from the community."
    )
    got = inline(text, date(2020, 9, 22))
    assert ("unicorns", 4, "exact", date(2020, 9, 22), None) in got


def test_a_figure_said_to_stand_now_is_not_dated_by_a_comparison_after_it() -> None:
    text = (
        "Monday, 7 October 2019\n\nCyberport's community now numbers more than 1,400 companies,"
        " up from 1,300 in a statement the company issued on 12 June 2019."
    )
    got = inline(text, date(2019, 10, 7))
    assert ("companies", 1400, "over", date(2019, 10, 7), None) in got


def test_a_clause_of_time_opening_a_sentence_dates_it() -> None:
    d = date(2022, 11, 24)
    text = "When I joined Cyberport four years ago, we had a little over 1,000 companies."
    assert [(c[1], c[3]) for c in inline(text, d)] == [(1000, date(2018, 11, 24))]
    text = "When Cyberport opened its arena in 2019, the hub counted 1,300 members."
    assert [(c[1], c[3]) for c in inline(text, d)] == [(1300, date(2019, 12, 31))]
    # a time after the figure, or in a clause of time that does not open the sentence, is not it
    text = "Cyberport counted 1,300 members, up from the time when it opened in 2019, it said."
    assert [c[3] for c in inline(text, d)] != [date(2019, 12, 31)]
    text = "When asked, Cyberport said it counted 1,300 members, having opened in 2019."
    assert [c[3] for c in inline(text, d)] != [date(2019, 12, 31)]


def test_a_time_opening_a_sentence_dates_it_before_a_named_subject_or_after_only() -> None:
    d = date(2021, 12, 3)
    got = inline("Two years ago Cyberport had 1,400 companies.", d)
    assert [(c[1], c[3]) for c in got] == [(1400, date(2019, 12, 3))]
    got = inline("Only five years ago, Cyberport had around 600 start-ups.", d)
    assert [(c[1], c[3]) for c in got] == [(600, date(2016, 12, 3))]
    got = inline("Cyberport now has 2,000 companies, only five years after its opening.", d)
    assert [(c[1], c[3]) for c in got] == [(2000, d)]


def test_a_note_at_the_foot_of_a_fact_box_does_not_date_a_list_of_sentences_above_it() -> None:
    text = (
        "Cyberport Summit opens\n\n"
        "Summit highlights\n\n"
        "- Talent Corner: 120 Cyberport companies are recruiting for 900 jobs at the summit.\n"
        "- Demo stage: live demos all day.\n\n"
        "Cyberport at a glance\n\n"
        "- Start-ups and technology companies: 2,300+\n"
        "- Unicorns: 8\n\n"
        "Figures as at March 2025."
    )
    d = date(2025, 4, 8)
    got = {(c[0], c[1]): c[3] for c in inline(text, d)}
    assert got[("unicorns", 8)] == date(2025, 3, 31)
    assert got[("companies", 2300)] == date(2025, 3, 31)
    assert got.get(("companies", 120), d) == d  # the sentences of another part: not the note's


def test_a_time_of_a_value_the_figure_is_set_against_is_not_the_figures() -> None:
    d = date(2021, 12, 14)
    text = (
        "More than 170 esports companies are now part of the Cyberport community, roughly "
        "twice the 85 or so counted in 2019."
    )
    assert (170, d) in [(c[1], c[3]) for c in inline(text, d)]
    text = "Cyberport has roughly 2,000 companies, around double the number it had in 2018."
    assert [(c[1], c[3]) for c in inline(text, d)] == [(2000, d)]
    text = "Cyberport had 1,100 companies in 2018."  # nothing set against: the date is its own
    assert [(c[1], c[3]) for c in inline(text, d)] == [(1100, date(2018, 12, 31))]


def test_as_at_the_same_date_is_the_last_point_in_time_not_a_period_between() -> None:
    text = (
        "As at 30 September 2022, the Cyberport community comprised over 1,850 companies. "
        "The community kept growing through the first half of 2022. FinTech remains the "
        "largest cluster, with over 420 FinTech companies in the Cyberport community as at the "
        "same date."
    )
    got = {c[1]: c[3] for c in inline(text, date(2022, 11, 14))}
    assert got[420] == date(2022, 9, 30)


def test_the_figure_named_again_takes_the_whole_count_before_and_its_own_time() -> None:
    d = date(2023, 9, 18)
    text = (
        "Cyberport says its community now numbers more than 1,900 start-ups and tech firms, "
        "about 900 of which have offices on its campus. As recently as 2019 the figure was "
        "about 1,400."
    )
    got = inline(text, d)
    assert ("companies", 1400, "about", date(2019, 12, 31), None) in got  # not the part's
    text = "Cyberport counts 1,900 companies. Back in 2019 it had about 1,400."
    assert all(c[1] != 1400 or c[3] == date(2019, 12, 31) for c in inline(text, d))


def test_times_in_a_since_opening_are_the_start_of_what_is_counted() -> None:
    d = date(2025, 6, 27)
    text = (
        "Since the Cyberport Incubation Programme began twenty years ago, in 2005, Cyberport "
        "has admitted more than 1,200 start-ups."
    )
    assert [(c[1], c[3]) for c in inline(text, d)] == [(1200, d)]
    text = "Since 2005, and as at March 2025, Cyberport has admitted more than 1,200 start-ups."
    assert [(c[1], c[3]) for c in inline(text, d)] == [(1200, date(2025, 3, 31))]


def test_an_as_at_date_after_a_phrase_setting_the_topic_dates_every_clause() -> None:
    d = date(2025, 3, 26)
    text = (
        "As for Cyberport, as at the end of 2024, its start-ups had raised about HK$39 billion, "
        "and eight unicorns had emerged from its community."
    )
    got = inline(text, d)
    assert ("unicorns", 8, "exact", date(2024, 12, 31), None) in got
    # An opening phrase with no "as at" is no date of every clause.
    plain = text.replace("as at the end of 2024", "in its report of 2024")
    assert ("unicorns", 8, "exact", d, None) in inline(plain, d)


def test_a_time_after_the_first_figure_of_a_sentence_opened_by_since_is_its_clauses() -> None:
    d = date(2014, 10, 16)
    text = (
        "Since 2005, Cyberport has admitted close to 300 start-ups, and in the 2013/14 financial "
        "year alone Cyberport start-ups raised more than HK$180 million."
    )
    got = inline(text, d)
    assert any(c[0] == "funding_raised" and c[3] == date(2014, 3, 31) for c in got)


def test_last_year_in_a_list_under_a_years_heading_is_read_against_the_writing() -> None:
    d = date(2026, 2, 12)
    text = (
        "Cyberport reported another year of growth for its community.\n\n2025 at a glance\n\n"
        "- Community: more than 2,400 companies at the end of last year.\n"
        "- Incubation: a record 214 start-ups were admitted in 2025.\n"
    )
    got = inline(text, d)
    assert ("companies", 2400, "over", date(2025, 12, 31), None) in got  # not 2024


def test_a_year_ago_after_a_figures_noun_dates_that_figure() -> None:
    text = "Cyberport said its Web3 cluster had grown from about 50 companies a year ago to 150."
    got = inline(text, date(2023, 6, 14))
    assert ("web3_companies", 50, "about", date(2022, 6, 14), None) in got
    assert ("web3_companies", 150, "exact", date(2023, 6, 14), None) in got


def test_a_date_that_opens_the_next_figures_stretch_is_that_figures() -> None:
    text = (
        "Cyberport said community financing has exceeded HK$40 billion, in the first three "
        "quarters of this year newly raised about HK$3.2 billion."
    )
    got = inline(text, date(2024, 11, 14))
    assert ("funding_raised", 4e10, "over", date(2024, 11, 14), None) in got
    assert ("funding_raised", 3.2e9, "about", date(2024, 9, 30), "P9M") in got


def test_a_figure_said_to_be_now_after_a_dated_flow_is_of_now() -> None:
    text = (
        "Cyberport admitted 212 start-ups to its incubation programmes in 2025 and now counts "
        "nine unicorns."
    )
    got = inline(text, date(2026, 1, 20))
    assert ("unicorns", 9, "exact", date(2026, 1, 20), None) in got
    # "So far" after a dated flow is a running total at the flow's end.
    text = "Another 40 joined Cyberport's incubation programme in the third quarter of 2019, "
    text += "bringing the year's admissions so far to 114."
    got = inline(text, date(2019, 10, 20))
    assert next(c for c in got if c[1] == 114)[3] == date(2019, 9, 30)


def test_a_comparison_in_the_next_sentence_is_of_the_figure_before() -> None:
    text = (
        "Cyberport said more than 480 AI start-ups now belong to its community. The figure "
        "compares with roughly 220 at the middle of 2022."
    )
    got = inline(text, date(2026, 2, 10))
    assert ("ai_companies", 220, "about", date(2022, 6, 30), None) in got


def test_a_total_after_a_flow_of_the_year_is_a_stock() -> None:
    text = (
        "Cyberport annual results 2015/16\n\nAs at 31 March 2016, funds raised by Cyberport "
        "start-ups during the year reached HK$670 million, lifting the cumulative total to "
        "HK$1.75 billion."
    )
    got = inline(text, date(2016, 7, 28))
    assert ("funding_raised", 1.75e9, "exact", date(2016, 3, 31), None) in got


def test_an_of_which_line_of_a_list_stands_where_its_list_does() -> None:
    text = (
        "Key statistics of the Cyberport community\n\n2019-20:\n\n"
        "- Community members (as at 31 March): 1,489\n- of which: start-ups: 812\n\n"
        "2020-21:\n\n- Community members (as at 31 March): 1,651\n"
        "- of which: start-ups: 904\n"
    )
    got = inline(text, date(2022, 6, 13))
    assert ("startups", 812, "exact", date(2020, 3, 31), None) in got
    assert ("startups", 904, "exact", date(2021, 3, 31), None) in got


def test_a_figure_said_to_be_now_takes_no_date_from_later_in_its_clause() -> None:
    text = (
        "Cyberport's FinTech cluster, now around 350 firms, has been a bright spot as banks "
        "restart projects put on hold last year."
    )
    got = inline(text, date(2020, 5, 19))
    assert ("fintech_companies", 350, "about", date(2020, 5, 19), None) in got


def test_a_part_after_a_comparison_is_of_the_whole_before_it() -> None:
    text = (
        "As at 31 March 2017, the Cyberport community comprised 1,046 companies, up from 840 a "
        "year earlier, including 668 start-ups."
    )
    got = inline(text, date(2017, 7, 20))
    assert ("startups", 668, "exact", date(2017, 3, 31), None) in got
    assert ("companies", 840, "exact", date(2016, 3, 31), None) in got
    text = (
        "Cyberport said its community had reached more than 2,300 companies, up from about "
        "2,100 a year earlier, including 10 unicorns and 17 listed companies."
    )
    got = inline(text, date(2025, 6, 5))  # (the comparison's date leaves the parts sure)
    assert ("unicorns", 10, "exact", date(2025, 6, 5), None) in got


def test_a_date_of_the_size_a_figure_is_set_against_is_not_the_figures() -> None:
    text = (
        "Cyberport said its Web3 cluster has grown to more than 180 companies, nearly three "
        "times its size at the end of last year."
    )
    got = inline(text, date(2023, 10, 12))
    assert ("web3_companies", 180, "over", date(2023, 10, 12), None) in got


def test_a_period_after_a_comma_opening_the_next_figures_clause_is_that_figures() -> None:
    text = (
        "Cyberport news\n\nCyberport said, community companies financing total exceed HK$52 "
        "billion, in the past year alone the newly increase financing about HK$5.9 billion."
    )
    got = inline(text, date(2026, 3, 18))
    assert ("funding_raised", 5.2e10, "over", date(2026, 3, 18), None) in got
    assert ("funding_raised", 5.9e9, "about", date(2026, 3, 18), "P1Y") in got


def test_a_total_to_date_takes_no_period_from_the_sentences_opening() -> None:
    text = (
        "Cyberport news\n\nLast year, Cyberport admitted 174 start-ups, and since 2005 it has "
        "admitted more than 1,250."
    )
    got = inline(text, date(2025, 3, 18))
    assert ("incubatees", 174, "exact", date(2024, 12, 31), "P1Y") in got
    assert ("incubatees", 1250, "over", date(2025, 3, 18), None) in got


def test_a_run_of_amounts_with_respectively_shares_the_first_ones_metric() -> None:
    text = (
        "Cyberport community raises more\n\nCompanies in the Cyberport community raised about "
        "HK$3.2 billion, HK$9.6 billion and HK$10.4 billion in 2019-20, 2020-21 and 2021-22 "
        "respectively."
    )
    assert inline(text, date(2022, 5, 2)) == [
        ("funding_raised", 3.2e9, "about", date(2020, 3, 31), "P1Y"),
        ("funding_raised", 9.6e9, "about", date(2021, 3, 31), "P1Y"),
        ("funding_raised", 10.4e9, "about", date(2022, 3, 31), "P1Y"),
    ]


def test_a_half_years_figures_keep_their_time_through_the_release() -> None:
    text = (
        "Cyberport community tops 1,900\n\nHong Kong, 8 August 2023 - Cyberport today released "
        "its half-yearly figures, showing that its community of start-ups and technology "
        "companies grew to more than 1,900 as at 30 June 2023. Around 830 of these companies "
        "are based on the campus.\n\nIn the first six months of the year, Cyberport admitted "
        "158 start-ups. Community companies raised HK$2.2 billion during the period."
    )
    got = inline(text, date(2023, 8, 8))
    june = date(2023, 6, 30)
    assert ("companies", 1900, "over", june, None) in got
    assert ("companies_onsite", 830, "about", june, None) in got
    assert ("funding_raised", 2.2e9, "exact", june, "P6M") in got


def test_the_note_on_all_figures_is_read_once_per_text() -> None:
    """Each figure without a time of its own asks for the text's note: it is looked for once
    per text, not once per figure (which grew with the square of a long text)."""
    rows = " ".join(f"Cyberport hosts {1000 + k} companies." for k in range(50))
    whole_text_note.cache_clear()
    got = inline(
        f"Figures are as at 30 June 2024 unless otherwise stated.\n\n{rows}", date(2024, 8, 1)
    )
    assert len(got) >= 1
    info = whole_text_note.cache_info()
    assert info.misses == 1 and info.hits >= 49


def test_a_numbered_paragraphs_lead_in_dates_the_lettered_list_under_it() -> None:
    text = (
        "Legislative Council Panel\n\n"
        "6. Cyberport has organised its community around clusters. As at 31 December 2025:\n\n"
        "(a) FinTech: some 460 companies;\n(b) Web3: over 290 companies; and\n"
        "(c) smart living: about 280 companies.\n\n7. Other matters follow."
    )
    d = date(2025, 12, 31)
    assert inline(text, date(2026, 3, 9)) == [
        ("fintech_companies", 460, "about", d, None),
        ("smart_living_companies", 280, "about", d, None),
        ("web3_companies", 290, "over", d, None),
    ]


def test_a_note_under_a_dated_heading_dates_the_rows_under_it() -> None:
    text = (
        "Hong Kong Cyberport\n\nWhere ideas scale - Corporate Brochure 2025\n\n"
        "Our community at a glance - as at 31 December 2024\n\n"
        "- 2,150+ companies in the Cyberport community\n- 8 unicorns\n\nHow we support start-ups"
    )
    d = date(2024, 12, 31)
    assert inline(text, date(2025, 2, 20)) == [
        ("companies", 2150, "over", d, None),
        ("unicorns", 8, "exact", d, None),
    ]


def test_now_in_a_list_item_beats_a_lead_in_that_only_names_a_time() -> None:
    pub = date(2020, 7, 15)
    vague = (
        "Cyberport mid-year update\n\n## Key figures at mid-year\n\n"
        "- More than 1,650 companies now belong to the Cyberport community.\n"
        "- Cyberport admitted 64 start-ups in the first six months of the year."
    )
    got = inline(vague, pub)
    assert ("companies", 1650, "over", pub, None) in got
    assert ("incubatees", 64, "exact", date(2020, 6, 30), "P6M") in got
    stands = vague.replace("Key figures at mid-year", "Highlights (as at end-June 2020)")
    assert ("companies", 1650, "over", date(2020, 6, 30), None) in inline(stands, pub)


def test_now_right_after_a_figures_noun_dates_it_at_the_time_of_writing() -> None:
    pub = date(2026, 1, 22)
    text = (
        "Cyberport results\n\nThe AI cluster expanded fastest in 2025, with more than 470 "
        "companies now working on applications from legal tech to robotics."
    )
    assert inline(text, pub) == [("ai_companies", 470, "over", pub, None)]


def test_a_figure_by_a_past_year_is_history_and_by_a_year_to_come_a_target() -> None:
    text = (
        "Speech by Mr Simon Chan, Chairman of Cyberport\n\n"
        "By 2012, our community had grown to about 300 start-ups.\n\n"
        "We aim to reach 3,000 companies by 2026."
    )
    assert inline(text, date(2024, 6, 20)) == [("startups", 300, "about", date(2012, 12, 31), None)]


def test_new_start_ups_admitted_in_a_year_are_that_years_intake() -> None:
    text = "Cyberport briefing\n\nCyberport admitted 118 new start-ups during 2021."
    assert inline(text, date(2022, 12, 14)) == [
        ("incubatees", 118, "exact", date(2021, 12, 31), "P1Y")
    ]


def test_a_community_reaching_a_count_under_a_subtitle_is_the_community_size() -> None:
    text = (
        "Cyberport Community Growth Accelerates\nFinTech start-ups and new funding lead the way\n\n"
        "Hong Kong, 23 July 2015 – Cyberport today released its mid-year figures, which show its "
        "community of start-ups and technology companies reaching 546 as at 30 June 2015, "
        "compared with 472 a year earlier."
    )
    assert ("companies", 546, "exact", date(2015, 6, 30), None) in inline(text, date(2015, 7, 23))


def test_now_after_a_figure_beats_a_date_the_clause_gave_before_it() -> None:
    d = date(2019, 12, 3)
    text = (
        "The firm joined the Cyberport Incubation Programme in 2018 and is one of more than "
        "1,300 companies in the Cyberport community{}."
    )
    assert [(c[1], c[3]) for c in inline(text.format(" today"), d)] == [(1300, d)]
    dated = "As at the end of 2018, the firm was one of more than 1,300 companies at Cyberport."
    assert [(c[1], c[3]) for c in inline(dated, d)] == [(1300, date(2018, 12, 31))]


def test_a_list_that_leaves_out_its_verb_stands_at_its_first_figures_date() -> None:
    d = date(2020, 12, 18)
    text = (
        "FinTech remains Cyberport's largest cluster, with over 380 companies at the end of "
        "November, ahead of smart living with about 250 and digital entertainment with 160."
    )
    end_nov = date(2020, 11, 30)
    assert {(c[0], c[1], c[3]) for c in inline(text, d)} == {
        ("fintech_companies", 380, end_nov),
        ("smart_living_companies", 250, end_nov),
        ("digital_entertainment_companies", 160, end_nov),
    }
    text = "Ten years ago we had 500 companies at Cyberport; today Cyberport has over 2,200."
    assert (2200, d) in {(c[1], c[3]) for c in inline(text, d)}


@pytest.mark.parametrize("opener", ["including", "among them", "such as"])
def test_a_date_of_an_example_after_a_figure_is_not_the_figures(opener: str) -> None:
    d = date(2008, 7, 24)
    text = (
        "Cyberport mid-year figures\n\n"
        f"Cyberport companies have collected 27 awards, {opener} a Grand Award in April."
    )
    assert ("awards", 27, "exact", d, None) in inline(text, d)


def test_a_share_of_a_total_said_to_come_in_one_year_is_that_years_flow() -> None:
    d = date(2016, 2, 3)
    text = (
        "Cyberport said its start-ups had raised some HK$900 million since 2008, of which "
        "HK$310 million came in 2015 alone."
    )
    got = inline(text, d)
    assert ("funding_raised", 9e8, "about", d, None) in got  # the total is of now
    assert ("funding_raised", 3.1e8, "exact", date(2015, 12, 31), "P1Y") in got
