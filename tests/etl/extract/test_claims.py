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


def test_an_ambition_a_hope_or_a_plan_is_no_count() -> None:
    d = date(2023, 11, 24)
    text = (
        "Cyberport has 1,900 companies. Cyberport's ambition is to grow this community to "
        "2,500 companies by 2027. Cyberport hopes by the end of next year the number of Web3 "
        "companies to reach 300. Cyberport plans within this year to admit 30 Web3 start-ups."
    )
    assert [c[1] for c in inline(text, d)] == [1900]


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
    from etl.extract.restated import dedupe as _dedupe
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


def test_a_cluster_reference_takes_a_cluster_not_another_metric_named_before() -> None:
    text = (
        "Today our community counts over 1,700 Cyberport companies. Seven of them have gone on "
        "to reach unicorn valuations, and three have gone public.\n\n"
        "Fintech remains our largest cluster, but the fastest growth has come elsewhere: we now "
        "have about 200 companies in software."
    )
    got = inline(text, date(2021, 7, 12))
    assert ("companies", 200, "about", date(2021, 7, 12), None) in got
    assert not any(c[0] == "unicorns" and c[1] == 200 for c in got)


def test_a_brochures_cluster_table_rows_are_its_clusters() -> None:
    text = (
        "Cyberport corporate brochure\n\nCyberport is Hong Kong's digital technology "
        "flagship.\n\nOUR CLUSTERS\n\nWeb3 | 270+ companies: tokenisation and digital "
        "assets\n\nSmart Living | 330+ companies: proptech, healthtech and mobility"
    )
    doc = ReadDocument("b.txt", "0" * 64, "txt", text, None, None, None, None,
                       date(2025, 5, 20), "manifest", ())  # fmt: skip
    got = {(c.metric, c.value) for c in extract_claims(doc)}  # (believed or to confirm)
    assert {("web3_companies", 270), ("smart_living_companies", 330)} <= got


def test_the_place_a_share_of_local_companies_names_is_what_it_counts_not_whose() -> None:
    text = (
        "Hong Kong, 15 July 2004 – Cyberport switched on its broadband network.\n\n"
        "Cyberport now has 40 companies. Around 70 per cent of the tenants are Hong Kong "
        "companies; the rest come from the mainland, Japan and Europe."
    )
    got = inline(text, date(2004, 7, 15))
    assert ("local_share_pct", 70, "about", date(2004, 7, 15), None) in got


def test_a_value_compared_with_in_a_list_stands_at_the_time_its_lead_in_compares_with() -> None:
    text = (
        "Hong Kong, 22 December 2025 – Cyberport released its year-end figures.\n\n"
        "As at 30 November 2025, compared with the end of 2020:\n\n"
        "- Unicorns: 9, up from 3\n"
        "- Listed companies: 7, up from 2\n"
    )
    got = inline(text, date(2025, 12, 22))
    assert ("unicorns", 9, "exact", date(2025, 11, 30), None) in got
    assert ("unicorns", 3, "exact", date(2020, 12, 31), None) in got
    assert ("listed_companies", 2, "exact", date(2020, 12, 31), None) in got
    # with no time to compare with, the earlier value has none and is no claim
    plain = inline(text.replace(", compared with the end of 2020", ""), date(2025, 12, 22))
    assert [v for m, v, *_ in plain if m == "unicorns"] == [9]


def test_the_same_point_last_year_is_a_year_before_the_time_in_force() -> None:
    text = (
        "Hong Kong, 22 December 2015 – Cyberport released its year-end figures.\n\n"
        "As at 30 November 2015, the Cyberport community comprised 623 companies. That "
        "compares with 471 companies at the same point last year."
    )
    got = inline(text, date(2015, 12, 22))
    assert ("companies", 471, "exact", date(2014, 11, 30), None) in got


def test_a_numbered_paragraph_leading_in_lettered_parts_dates_them() -> None:
    text = (
        "LEGISLATIVE COUNCIL PANEL ON INFORMATION TECHNOLOGY\n\n"
        "Progress Report on Hong Kong Cyberport\n\n"
        "For discussion on 13 May 2024\n\n"
        "7. As at 31 March 2024 -\n\n"
        "(a) the Cyberport community included eight unicorns and six listed companies;\n"
        "(b) community companies held more than 1,900 intellectual property rights."
    )
    got = inline(text, date(2024, 5, 13))
    assert ("unicorns", 8, "exact", date(2024, 3, 31), None) in got
    assert ("ip_rights", 1900, "over", date(2024, 3, 31), None) in got


@pytest.mark.parametrize(
    ("sentence", "total"),
    [
        ("They won 19 awards in 2008, taking their total since 2005 to 46.", 46),
        ("They won 17 awards in the half, taking their cumulative tally to 96.", 96),
        ("They won 12 awards in the half, taking the total won since 2005 to 45.", 45),
    ],
)
def test_a_running_total_after_a_flow_counts_what_the_flow_does(sentence: str, total: int) -> None:
    text = f"Hong Kong, 29 December 2008 – Cyberport has 100 companies. {sentence}"
    assert any(m == "awards" and v == total for m, v, *_ in inline(text, date(2008, 12, 29)))
