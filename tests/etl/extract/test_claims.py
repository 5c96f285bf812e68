"""Claims from whole documents written for the tests: every rule, other years and wordings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from db.records import Claim, ReadDocument, Section
from etl.config import DEFAULT_PATH, ENV_VAR, load_config
from etl.extract import EXTRACTOR_VERSION, default_config, extract_claims
from tests.paths import TESTS

DOCS = TESTS / "data" / "documents"
SCIENCE_PARK = load_config(TESTS / "data" / "science_park.toml")


def read(name: str, published: date | None, sections=()) -> ReadDocument:
    text = (DOCS / name).read_text(encoding="utf-8")
    return ReadDocument(
        name, "0" * 64, "txt", text, None, None, None, None, published, "manifest", sections
    )


def rows(claims: list[Claim]) -> set[tuple]:
    """The claims stored as found (candidates for a reviewer are tested apart)."""
    return {
        (c.entity, c.metric, c.value, c.unit, c.qualifier, c.as_of, c.period)
        for c in claims
        if c.status == "auto"
    }


def check_spans(doc: ReadDocument, claims: list[Claim]) -> None:
    for c in claims:
        assert doc.text[c.char_start : c.char_end] == c.quote
        assert c.char_start <= c.mention_start < c.mention_end <= c.char_end
        assert c.value_low <= c.value <= c.value_high or c.qualifier in ("nearly", "up_to")


def test_version() -> None:
    assert EXTRACTOR_VERSION.count(".") == 2


def test_speech_2016() -> None:
    doc = read("speech_2016.txt", date(2016, 11, 14))
    claims = extract_claims(doc)
    check_spans(doc, claims)
    d = date(2016, 11, 14)
    assert rows(claims) == {
        ("Cyberport", "startups", 650, "count", "about", d, None),
        ("Cyberport", "funding_raised", 1.2e9, "HKD", "about", d, None),
        ("Cyberport", "companies", 1000, "count", "over", d, None),
        ("Cyberport", "companies", 500, "count", "about", date(2013, 12, 31), None),
        # "3 of them have been listed": the verb names what a figure with no noun counts.
        ("Cyberport", "listed_companies", 3, "count", "exact", d, None),
    }
    # Hong Kong's nearly 2,000 start-ups are not Cyberport's.
    assert all(c.value != 2000 for c in claims)
    # "we had barely 300 companies" in the words of a speaker whose organisation the speech
    # does not name: the document's organisation, for a reviewer to confirm.
    unsure = [c for c in claims if c.status == "candidate"]
    assert [(c.value, c.unsure) for c in unsure] == [(300, ("owner?",))]


def test_interview_2019_dates_and_speakers() -> None:
    claims = extract_claims(read("interview_2019.md", date(2019, 3, 2)))
    assert rows(claims) == {
        ("Cyberport", "companies", 1200, "count", "over", date(2018, 12, 31), None),
        ("Cyberport", "funding_raised", 2.5e9, "HKD", "exact", date(2018, 9, 30), "P1Y"),
    }
    assert {c.as_of_precision for c in claims} == {"month"}


def test_news_digest_2021_clusters_flows_and_exclusions() -> None:
    claims = extract_claims(read("news_digest_2021.txt", date(2021, 6, 30)))
    d = date(2021, 6, 30)
    assert rows(claims) == {
        ("Cyberport", "fintech_companies", 380, "count", "exact", d, None),
        ("Cyberport", "web3_companies", 150, "count", "exact", d, None),
        ("Cyberport", "incubatees", 110, "count", "exact", date(2020, 12, 31), "P1Y"),
        ("Cyberport", "awards", 45, "count", "exact", d, None),
        ("Cyberport", "ip_rights", 600, "count", "over", d, None),
    }


def test_government_paper_2024() -> None:
    doc = read("gov_paper_2024.txt", date(2024, 5, 10))
    claims = extract_claims(doc)
    check_spans(doc, claims)
    got = {(c.metric, c.value, c.qualifier, c.as_of, c.period) for c in claims}
    assert got == {
        ("companies", 2100, "about", date(2024, 3, 31), None),
        ("companies_onsite", 900, "about", date(2024, 3, 31), None),
        ("companies_offsite", 1200, "exact", date(2024, 3, 31), None),
        # "As at March 2024, ..." opens the paragraph: its later sentences speak of then too.
        ("unicorns", 9, "exact", date(2024, 3, 31), None),
        ("listed_companies", 7, "exact", date(2024, 3, 31), None),
        ("funding_raised", 36.7e9, "over", date(2024, 3, 31), None),
        ("incubatees", 180, "exact", date(2024, 3, 31), "P1Y"),
        ("local_share_pct", 60, "about", date(2024, 5, 10), None),
    }
    funding = next(c for c in claims if c.metric == "funding_raised")
    assert (funding.value_low, funding.value_high) == pytest.approx((36.7e9, 36.8e9))
    assert funding.value_hkd == funding.value


def test_without_any_date_only_sentence_dates_survive() -> None:
    claims = extract_claims(read("gov_paper_2024.txt", None))
    assert {c.as_of for c in claims} == {date(2024, 3, 31)}


def test_members_described_by_the_tracked_name_stay_theirs() -> None:
    claims = extract_claims(read("press_release_2015.txt", date(2015, 4, 30)))
    assert {(c.metric, c.value) for c in claims} == {
        ("startups", 500),
        ("startups", 250),
        ("funding_raised", 6e8),
        ("incubatees", 400),  # "the programme" is its incubation programme: the intake is its
    }
    funding = next(c for c in claims if c.metric == "funding_raised")
    assert (funding.qualifier, funding.period) == ("nearly", "P1Y")


def test_sections_carry_their_own_dates() -> None:
    text = (DOCS / "digest_sections_2020.txt").read_text(encoding="utf-8")
    one, two = text.index("Report one"), text.index("Report two")
    sections = (
        Section(0, 0, one, date(2020, 7, 3), "dateline"),
        Section(1, one, two, date(2020, 6, 12), "dateline"),
        Section(2, two, len(text), date(2020, 6, 19), "dateline"),
    )
    claims = extract_claims(read("digest_sections_2020.txt", date(2020, 7, 3), sections))
    assert rows(claims) == {
        ("Cyberport", "companies", 1500, "count", "over", date(2020, 6, 12), None),
        ("Cyberport", "unicorns", 4, "count", "exact", date(2020, 6, 12), None),
    }
    assert {c.section_index for c in claims} == {1}


def test_other_organisations_can_be_kept_under_their_own_names() -> None:
    keep = load_config(TESTS / "data" / "science_park.toml")
    keep = type(keep)(**{**keep.__dict__, "other_entities": "keep"})
    claims = extract_claims(read("science_park_2022.txt", date(2022, 8, 8)), keep)
    assert ("Cyberport", "companies", 1800) in {(c.entity, c.metric, c.value) for c in claims}


def test_science_park_needs_only_another_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = read("science_park_2022.txt", date(2022, 8, 8))
    d = date(2022, 8, 8)
    expected = {
        ("Hong Kong Science Park", "companies", 1100, "count", "over", d, None),
        ("Hong Kong Science Park", "unicorns", 12, "count", "exact", d, None),
        ("Hong Kong Science Park", "funding_raised", 2e9, "USD", "over", d, "P1Y"),
    }
    assert rows(extract_claims(doc, SCIENCE_PARK)) == expected
    funding = next(c for c in extract_claims(doc, SCIENCE_PARK) if c.unit == "USD")
    assert funding.value_hkd == pytest.approx(15.6e9)
    # The same document tracked for Cyberport gives Cyberport's figure only.
    assert rows(extract_claims(doc, load_config(DEFAULT_PATH))) == {
        ("Cyberport", "companies", 1800, "count", "over", d, None)
    }
    monkeypatch.setenv(ENV_VAR, str(TESTS / "data" / "science_park.toml"))
    default_config.cache_clear()
    try:
        assert rows(extract_claims(doc)) == expected
    finally:
        monkeypatch.delenv(ENV_VAR)
        default_config.cache_clear()


def test_the_park_in_a_cyberport_text_is_not_science_park() -> None:
    claims = extract_claims(read("speech_2016.txt", date(2016, 11, 14)), SCIENCE_PARK)
    assert claims == []


def test_repeated_figures_are_one_claim_with_the_stated_qualifier() -> None:
    text = (
        "Hong Kong, 3 May 2022 - The park's companies have expanded to 30 global markets.\n\n"
        "About Cyberport\n\nCyberport companies have expanded to over 30 global markets."
    )
    doc = ReadDocument(
        "r.txt", "0", "txt", text, None, None, None, None, date(2022, 5, 3), "inline", ()
    )
    (c,) = extract_claims(doc)
    assert (c.metric, c.value, c.qualifier) == ("markets", 30, "over")
    assert (c.value_low, c.value_high) == (30, 40)
    assert c.quote.startswith("Hong Kong, 3 May 2022")


def test_usd_with_hkd_in_brackets_is_one_claim_in_hkd() -> None:
    text = "Cyberport start-ups raised US$1 billion (HK$7.8 billion) in total."
    doc = ReadDocument(
        "u.txt", "0", "txt", text, None, None, None, None, date(2024, 1, 5), "inline", ()
    )
    (c,) = extract_claims(doc)
    assert (c.unit, c.value, c.value_hkd) == ("HKD", 7.8e9, 7.8e9)
    assert text[c.mention_start : c.mention_end] == "US$1 billion (HK$7.8 billion)"


def test_targets_and_future_dates_are_skipped() -> None:
    text = "Cyberport will have 3,000 companies in 2030. In 2026 the park had 2,600 companies."
    doc = ReadDocument(
        "t.txt", "0", "txt", text, None, None, None, None, date(2024, 1, 5), "inline", ()
    )
    assert extract_claims(doc) == []


def test_raw_text_with_wrapped_lines_and_escaped_dollars() -> None:
    text = (
        "Cyberport is home to over 1,700\nstart-ups, with total financing exceeding "
        "HK\\$ 30.1\nbillion."
    )
    doc = ReadDocument(
        "w.md", "0", "md", text, None, None, None, None, date(2021, 2, 1), "inline", ()
    )
    got = {(c.metric, c.value) for c in extract_claims(doc)}
    assert got == {("startups", 1700), ("funding_raised", 30.1e9)}


def inline(text: str, published: date) -> list[tuple]:
    doc = ReadDocument("inline.txt", "0" * 64, "txt", text, None, None, None, None, published,
                       "manifest", ())  # fmt: skip
    claims = extract_claims(doc)
    check_spans(doc, claims)
    return sorted(
        (c.metric, c.value, c.qualifier, c.as_of, c.period)
        for c in claims
        if c.entity == "Cyberport" and c.status == "auto"
    )


def test_first_person_in_a_tracked_speakers_speech_is_the_tracked_organisation() -> None:
    text = (
        "Remarks by Ms Joan Lau, Chairman of Cyberport, at the Founders Gala\n\n"
        "3 March 2021\n\n"
        "Tonight our community counts over 1,500 companies. Our members have raised "
        "HK$20 billion so far.\n\n"
        "Elsewhere, the city reported 4,000 start-ups in total."
    )
    d = date(2021, 3, 3)
    assert inline(text, d) == [
        ("companies", 1500, "over", d, None),
        ("funding_raised", 2e10, "exact", d, None),
    ]
    # The same words in a speech by someone of another organisation are not Cyberport's.
    other = text.replace("Chairman of Cyberport", "Chairman of the Harbour Angels Club")
    assert inline(other, d) == []


def test_answers_of_an_interviewed_head_are_the_tracked_organisation() -> None:
    text = (
        "Sam Wu runs Cyberport. We met him at his office.\n\n"
        "Q: How many unicorns do you have?\n\n"
        "A: We have five unicorns, and our firms hold 300 patents.\n\n"
        "Q: We counted 40 unicorns in our own survey of the region. Fair?"
    )
    d = date(2022, 6, 1)
    assert inline(text, d) == [
        ("ip_rights", 300, "exact", d, None),
        ("unicorns", 5, "exact", d, None),
    ]


def test_a_date_opening_the_sentence_dates_every_clause() -> None:
    text = (
        "As at end-June 2020, Cyberport companies had drawn HK$9 billion in investment; "
        "four had turned into unicorns."
    )
    m = date(2020, 6, 30)
    assert inline(text, date(2020, 9, 1)) == [
        ("funding_raised", 9e9, "exact", m, None),
        ("unicorns", 4, "exact", m, None),
    ]


def test_a_closing_report_clause_names_the_owner() -> None:
    text = (
        "Firms on the waiting list number 12.\n\n"
        "About 70 blockchain companies have signed up, Cyberport said."
    )
    d = date(2023, 1, 5)
    assert inline(text, d) == [("web3_companies", 70, "about", d, None)]


def test_a_figure_with_its_noun_after_the_verb() -> None:
    text = (
        "Cyberport has more than 1,000 members. Roughly 300 of them are at the park, "
        "and nine have become unicorns."
    )
    d = date(2019, 2, 2)
    assert inline(text, d) == [
        ("companies", 1000, "over", d, None),
        ("companies_onsite", 300, "about", d, None),
        ("unicorns", 9, "exact", d, None),
    ]


def test_an_incubation_programme_admitting_start_ups_counts_incubatees() -> None:
    text = (
        "Cyberport's incubation scheme took in 40 start-ups in the past year alone, and it has "
        "enrolled nearly 700 start-ups since its inception in 2006."
    )
    d = date(2018, 4, 1)
    assert inline(text, d) == [
        ("incubatees", 40, "exact", d, "P1Y"),
        ("incubatees", 700, "nearly", d, None),
    ]


def test_community_members_are_the_community_the_text_is_about() -> None:
    text = (
        "Hong Kong, 4 April 2016 – Cyberport released its yearly review.\n\n"
        "Community start-ups raised about HK$640m in the past year alone. Roughly 65% of "
        "community companies are run by local founders.\n\n"
        "HKSTP community firms, for their part, hold 900 patents."
    )
    d = date(2016, 4, 4)
    assert inline(text, d) == [
        ("funding_raised", 6.4e8, "about", d, "P1Y"),
        ("local_share_pct", 65, "about", d, None),
    ]


def test_community_members_in_another_parks_text_are_that_parks() -> None:
    text = (
        "Hong Kong Science Park marked its anniversary on 9 May 2017.\n\n"
        "Community companies have filed 1,300 patents."
    )
    assert inline(text, date(2017, 5, 9)) == []


def test_a_bulleted_list_goes_on_with_the_subject_before_it() -> None:
    text = (
        "Cyberport is a hub for digital health.\n\n"
        "At a glance\n\n"
        "- Founders of these health-tech firms come from 15 countries and regions\n"
        "- The FinTech cluster has over 120 companies\n\n"
        "Our partner in Shenzhen\n\n"
        "- The robotics cluster has over 900 companies\n\n"
        "Lingang Group in brief\n\n"
        "- The AI cluster has some 700 companies"
    )
    d = date(2021, 7, 1)
    assert inline(text, d) == [
        ("fintech_companies", 120, "over", d, None),
        ("founder_origins", 15, "exact", d, None),
    ]


def test_fact_sheet_lines_are_claims_of_the_list_they_sit_in() -> None:
    text = (
        "Cyberport runs Hong Kong's biggest start-up campus.\n\n"
        "Facts and figures\n\n"
        "- Incubatees since 2005: 1,000+\n"
        "- Unicorns: 9\n"
        "- Budget for the year: HK$300 million\n\n"
        "Lingang Group, our partner\n\n"
        "- Unicorns: 4"
    )
    d = date(2024, 9, 9)
    assert inline(text, d) == [
        ("incubatees", 1000, "over", d, None),
        ("unicorns", 9, "exact", d, None),
    ]


def test_a_possessor_sets_the_topic_when_a_sentence_has_no_subject() -> None:
    text = (
        "Cyberport opened a robotics showroom on 2 May 2023.\n\n"
        "Demand for mentors makes mentoring one of Cyberport's busiest services. About "
        "1,900 member companies now count on it.\n\n"
        "Cyberport also grew. Demand for drones makes them one of Shenzhen's busiest areas. "
        "The cluster there has "
        "about 1,200 companies.\n\n"
        "Cyberport was busy. Hong Kong's start-up scene grew as well. It has nearly 4,000 "
        "start-ups."
    )
    d = date(2023, 5, 2)
    assert inline(text, d) == [("companies", 1900, "about", d, None)]


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
    assert candidates(text, d) == [("incubatees", 64, date(2021, 5, 31), ("owner?",))]
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


def test_places_are_what_markets_count_not_whose_they_are() -> None:
    text = (
        "Overall, the Cyberport community's companies now sell into more than 30 markets "
        "around the world."
    )
    d = date(2019, 6, 12)
    assert inline(text, d) == [("markets", 30, "over", d, None)]
    # A count of companies placed in a city is still the city's.
    assert inline("There are 4,000 start-ups around the city of Shenzhen.", d) == []


def test_an_organisations_own_publication_speaks_as_we() -> None:
    body = "Blog\n\nRoughly 65% of our companies are Hong Kong firms; the rest come from abroad."
    d = date(2023, 7, 18)
    about = "\n\nAbout Cyberport\n\nCyberport is a digital technology community."
    assert inline(body + about, d) == [("local_share_pct", 65, "about", d, None)]
    assert inline(body, d) == []  # whose "we" it is, nobody says


def test_a_quotation_goes_on_with_the_speaker_named_before() -> None:
    text = (
        "Opening the forum, Cyberport's chairman said the timing was right. \"Two unicorns grew "
        'up here," he told the audience. "Our community companies have now raised more than '
        'HK$7 billion."'
    )
    d = date(2018, 12, 7)
    assert ("funding_raised", 7e9, "over", d, None) in inline(text, d)
    other = text.replace("Cyberport's chairman", "the chairman of Harbour Angels")
    assert inline(other, d) == []


def candidates(text: str, published: date) -> list[tuple]:
    doc = ReadDocument("inline.txt", "0" * 64, "txt", text, None, None, None, None, published,
                       "manifest", ())  # fmt: skip
    return sorted(
        (c.metric, c.value, c.as_of, c.unsure) for c in extract_claims(doc) if c.status != "auto"
    )


def test_a_figure_nothing_attributes_goes_to_a_reviewer_with_the_best_guess() -> None:
    text = (
        "Cyberport opened a new wing on Monday.\n\n"
        "Tenants praised the design. When you are surrounded by some 800 companies, "
        "ideas travel fast, one founder said."
    )
    d = date(2017, 9, 8)
    assert ("companies", 800, d, ("owner?",)) in candidates(text, d)
    # Not when someone else or a place is the clause's subject.
    for other in ("Lingang Group is surrounded by some 800 companies.",
                  "Shenzhen's Nanshan district hosts some 800 companies."):  # fmt: skip
        assert candidates(text.replace(text.split("\n\n")[1], other), d) == []


def test_a_forecast_for_the_year_in_hand_is_a_candidate_at_its_target_and_later_ones_dropped() -> (
    None
):
    text = (
        "Cyberport said its community will stand at about 2,400 companies by the end of this year."
    )
    d = date(2025, 12, 9)
    assert candidates(text, d) == [("companies", 2400, date(2025, 12, 31), ("date?",))]  # target
    assert inline(text, d) == []
    headline = "Cyberport community set to reach 2,400 companies\n\n" + text
    assert ("companies", 2400, "exact", d, None) in inline(headline, d)  # (not dropped for it)
    assert candidates(text.replace("this year", "2027"), d) == []
    assert candidates(text.replace(" by the end of this year", ""), d) == []


def _text_claims(text: str, published: date) -> set[tuple]:
    doc = ReadDocument(
        "t.txt", "0" * 64, "txt", text, None, None, None, None, published, "manifest", ()
    )
    return {(c.metric, c.value, c.as_of, c.status) for c in extract_claims(doc)}


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


def test_our_in_a_bulletin_or_an_interview_is_the_organisations() -> None:
    d = date(2024, 5, 2)
    body = "\n\nOur Web3 cluster now counts 140 companies."
    assert inline("Community Bulletin - Cyberport" + body, d) == [
        ("web3_companies", 140, "exact", d, None)
    ]
    assert inline("Market report" + body, d) == []  # whose "our", nobody says
    interview = (
        "A conversation with Leo Chan, Head of Incubation at Cyberport\n\n"
        "Q: Which area grows fastest?\n\nA: Web3 is our fastest-growing cluster, "
        "with about 140 companies.\n\nQ: And next year?\n\nA: More of the same."
    )
    assert [c[:2] for c in inline(interview, d)] == [("web3_companies", 140)]


def test_our_friends_at_another_park_make_the_park_theirs() -> None:
    d = date(2024, 5, 2)
    text = (
        "Community Bulletin - Cyberport\n\n"
        "Our friends at Hong Kong Science Park opened a wet lab. "
        "The park now hosts some 1,900 companies."
    )
    assert inline(text, d) == []
    # A "we" that is the subject still carries to the pronouns after it.
    text = "Community Bulletin - Cyberport\n\nWe welcomed 30 start-ups. They hold 45 patents."
    assert ("ip_rights", 45, "exact", d, None) in inline(text, d)


def test_a_count_said_to_exist_now_counts_what_the_sentences_before_counted() -> None:
    d = date(2021, 3, 9)
    text = (
        'Cyberport has changed a lot, its chairman said. "In 2015 there were about 600 '
        "companies. The lifts were quiet then. Today there are more than 1,900, and I'd "
        'never have guessed it."'
    )
    got = inline(text, d)
    assert ("companies", 1900, "over", d, None) in got
    # Said of the past, or with no count before it, it is no claim of its own.
    past = text.replace("Today there are", "Back then there were")
    assert not any(c[1] == 1900 for c in inline(past, d))
    alone = (
        'Cyberport has changed a lot, its chairman said. "The lifts were quiet then. '
        "Today there are more than 1,900, and I'd never have guessed it.\""
    )
    assert not any(c[1] == 1900 for c in inline(alone, d))


def test_a_members_own_money_is_not_the_communitys() -> None:
    d = date(2024, 5, 2)
    text = "Acme Robotics, one of about 900 firms at Cyberport, raised US$5 million last month."
    assert inline(text, d) == [("companies", 900, "about", d, None)]


def test_there_after_a_figure_is_the_place_the_sentence_before_named() -> None:
    d = date(2019, 9, 3)
    text = (
        "Start-up scene\n\nAt Cyberport, the community has grown to 1,300 companies. "
        "Two of the city's unicorns spent their first years there."
    )
    assert ("unicorns", 2, "exact", d, None) in inline(text, d)
    # Not when the sentence names someone else, nor with an existential "there are".
    other = text.replace("spent their first years there", "moved to Lingang Group there")
    assert not any(c[0] == "unicorns" for c in inline(other, d))
    exist = text.replace(
        "Two of the city's unicorns spent their first years there.",
        "In Shenzhen there are two of the region's unicorns.",
    )
    assert not any(c[0] == "unicorns" for c in inline(exist, d))


def test_an_answer_fragment_after_its_mark_is_the_guests() -> None:
    d = date(2019, 9, 3)
    text = (
        "A conversation with Leo Chan, Head of Incubation at Cyberport\n\n"
        "Q: How big is the community?\n\n"
        "A: About 1,400 companies, counting those on campus and off it.\n\n"
        "Q: And next year?\n\nA: More."
    )
    assert ("companies", 1400, "about", d, None) in inline(text, d)


def test_a_figure_found_unsure_and_then_believed_is_one_believed_claim() -> None:
    d = date(2013, 4, 2)
    body = (
        "Cyberport signs a pact\n\nCyberport signed a pact with Lingang Group today.\n\n"
        '"Many firms in our community are ready," said Mr Lam. "Our tenants, more than 600 '
        'companies in all, will now gain a partner."'
    )
    about = "\n\nAbout Cyberport\n\nCyberport is a digital community with over 600 companies."

    def found(text: str) -> list[tuple]:
        doc = ReadDocument("inline.txt", "0" * 64, "txt", text, None, None, None, None, d,
                           "manifest", ())  # fmt: skip
        return [(c.metric, c.value, c.status) for c in extract_claims(doc) if c.value == 600]

    assert found(body + about) == [("companies", 600, "auto")]
    assert found(body) == [("companies", 600, "candidate")]  # alone, for a reviewer


def test_a_repeat_found_sure_is_the_claim_a_candidate_before_it_was() -> None:
    from etl.extract.claims import _dedupe
    from tests.factories import make_claim

    title = make_claim(quote="Community Passes 2,200 Companies", status="candidate",
                       unsure=("owner?",))  # fmt: skip
    about = make_claim(quote="Cyberport is home to over 2,200 companies.", start=400)
    (c,) = _dedupe([(title, 1.0), (about, 1.0)])
    assert (c.status, c.unsure, c.char_start) == ("auto", (), 400)
    (c,) = _dedupe([(about, 1.0), (title, 1.0)])
    assert (c.status, c.char_start) == ("auto", 400)
    (c,) = _dedupe([(title, 1.0), (replace(title, char_start=90, char_end=120), 1.0)])
    assert (c.status, c.char_start) == ("candidate", 0)  # two candidates: the first


_HUB_RELEASE = (
    "Cyberport reports a record half year\n\n"
    "Hong Kong, 9 July 2024 - Cyberport today reported its results for the first half.\n\n"
    "{}\n\n"
    "About Cyberport\n\nCyberport is a digital technology community."
)


def _hub_claims(sentence: str) -> list[Claim]:
    text = _HUB_RELEASE.format(sentence)
    doc = ReadDocument(
        "h.txt", "0", "txt", text, None, None, None, None, date(2024, 7, 9), "inline", ()
    )
    return extract_claims(doc)


@pytest.mark.parametrize(
    ("sentence", "metric", "unit", "value"),
    [
        (
            "Across the whole community, members raised US$900 million in the half.",
            "funding_raised",
            "USD",
            9e8,
        ),
        (
            "Community members have secured AED 60 million from regional investors so far.",
            "funding_raised",
            "AED",
            6e7,
        ),
        (
            "FinTech remains the biggest cluster, with about 410 companies.",
            "fintech_companies",
            "count",
            410,
        ),
    ],
)
def test_a_document_about_the_hub_owns_its_unnamed_figures(
    sentence: str, metric: str, unit: str, value: float
) -> None:
    found = {(c.entity, c.metric, c.unit, c.value) for c in _hub_claims(sentence)}
    assert ("Cyberport", metric, unit, value) in found


@pytest.mark.parametrize(
    "sentence",
    [
        "FinTech investment in the city totalled US$70 million last year, a consultancy said.",
        "In the first half, a robotics member closed a funding round of US$9 million.",
    ],
)
def test_the_citys_figure_and_one_companys_round_are_not_the_hubs(sentence: str) -> None:
    assert not [c for c in _hub_claims(sentence) if c.status == "auto"]


def test_a_bare_community_as_a_shorthand_subject_is_the_community_the_text_is_about() -> None:
    text = (
        "HK CYBERPORT FIRMS RAISE HK$2 BLN -- CEO\n\n"
        "HONG KONG, May 4 (Newswire) - Start-ups at Cyberport raised HK$2 bln in 2020.\n\n"
        "* Community now ~1,400 cos, incl 3 unicorns\n"
        "* Fintech firms in community total >300"
    )
    d = date(2021, 5, 4)
    got = {(m, v) for m, v, *_ in inline(text, d)}
    assert {("companies", 1400), ("unicorns", 3), ("fintech_companies", 300)} <= got


def test_another_parks_community_in_shorthand_stays_theirs() -> None:
    text = (
        "SCIENCE PARK TENANTS GROW -- HKSTP\n\n"
        "HONG KONG, May 4 (Newswire) - Hong Kong Science Park said on Tuesday its tenants grew.\n\n"
        "* HKSTP community now ~1,100 cos\n"
        "* Its community totals 1,100 cos"
    )
    assert inline(text, date(2021, 5, 4)) == []


def test_the_place_of_a_dateline_is_no_subject() -> None:
    text = (
        "HONG KONG, 9 March 2019 – The AI cluster at Cyberport has grown to more than 120 "
        "start-ups, Cyberport announced today."
    )
    d = date(2019, 3, 9)
    assert inline(text, d) == [("ai_companies", 120, "over", d, None)]


def test_the_city_in_a_dateline_still_owns_the_citys_figure() -> None:
    text = "HONG KONG, 9 March 2019 – Start-ups across the city raised US$1 billion last year."
    assert inline(text, date(2019, 3, 9)) == []


def test_a_count_there_after_the_sector_its_sentence_opens_with_is_the_sectors() -> None:
    text = (
        "Remarks by Mr Tom Ho, Chief Executive Officer of Cyberport, at the Forum\n\n"
        "Smart living rarely makes the news, but we have about 180 companies there today."
    )
    d = date(2020, 10, 1)
    assert inline(text, d) == [("smart_living_companies", 180, "about", d, None)]


def test_a_count_there_after_a_place_is_no_sectors() -> None:
    text = (
        "Remarks by Mr Tom Ho, Chief Executive Officer of Cyberport, at the Forum\n\n"
        "Fintech is booming in Shenzhen, and we have about 180 companies there today."
    )
    assert all(m != "fintech_companies" for m, *_ in inline(text, date(2020, 10, 1)))


def test_an_unattributed_quote_in_a_profile_of_the_head_is_the_organisations() -> None:
    text = (
        "TECH PEOPLE\n\n"
        "Cyberport's incubation chief on a busy year\n\n"
        "Joan Ng has spent six years at the hub. We asked her how selective it is.\n\n"
        '"Very. Last year we admitted 150 start-ups to the incubation programme."'
    )
    got = inline(text, date(2021, 9, 1))
    assert [(m, v) for m, v, *_ in got] == [("incubatees", 150)]


def test_an_unattributed_quote_in_a_founders_profile_is_not_the_organisations() -> None:
    text = (
        "TECH PEOPLE\n\n"
        "A founder on a busy year\n\n"
        "Joan Ng moved her start-up to Cyberport in 2019. We asked how it went.\n\n"
        '"Very well. Last year we raised US$3 million and hired 40 people."'
    )
    assert inline(text, date(2021, 9, 1)) == []


def test_a_pronoun_opening_an_entry_of_an_own_newsletter_is_the_publishers() -> None:
    text = (
        "# Cyberport Community Newsletter\n\n"
        "Issue 12 · March 2023\n\n"
        "Welcome to the spring issue, with news from across the campus this quarter.\n\n"
        "## Listings\n\n"
        "They now number four. The latest, a payments firm, listed in February."
    )
    doc = ReadDocument("n.md", "0" * 64, "md", text, None, None, None, None,
                       date(2023, 3, 20), "manifest", ())  # fmt: skip
    got = [(c.metric, c.value, c.status) for c in extract_claims(doc) if c.value == 4]
    assert got == [("listed_companies", 4, "auto")]


def test_a_pronoun_under_a_heading_naming_another_organisation_is_not_the_publishers() -> None:
    text = (
        "# Cyberport Community Newsletter\n\n"
        "Issue 12 · March 2023\n\n"
        "Welcome to the spring issue, with news from across the campus this quarter.\n\n"
        "## Hong Kong Science Park listings\n\n"
        "They now number four. The latest, a payments firm, listed in February."
    )
    doc = ReadDocument("n.md", "0" * 64, "md", text, None, None, None, None,
                       date(2023, 3, 20), "manifest", ())  # fmt: skip
    assert [c for c in extract_claims(doc) if c.value == 4 and c.status == "auto"] == []
