"""Whole documents where the sentence alone does not say: headings, questions, the sentence
before, and tables (owners named nowhere: test_owner_context)."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from db.records import Claim, ReadDocument, Section
from etl.config import ExtractConfig
from etl.extract import extract_claims
from tests.etl.extract.test_claims import inline

D = date(2024, 5, 20)


def claims(text: str, config: ExtractConfig | None = None) -> list[Claim]:
    doc = ReadDocument("t.txt", "0" * 64, "txt", text, None, None, None, None, D, "manifest", ())
    found = extract_claims(doc, config)
    for c in found:
        assert doc.text[c.char_start : c.char_end] == c.quote
    return found


def rows(found: list[Claim]) -> set[tuple]:
    return {(c.entity, c.metric, c.value, c.status, c.unsure) for c in found}


def test_a_heading_names_what_a_bare_figure_counts() -> None:
    text = "Cyberport reviews its year\n\nUnicorns\n\nThe community now counts four, and more."
    assert ("Cyberport", "unicorns", 4, "auto", ()) in rows(claims(text))


def test_a_time_phrase_no_date_was_read_from_makes_a_candidate() -> None:
    text = "Cyberport grew. At that point, Cyberport counted 1,500 companies."
    assert rows(claims(text)) == {("Cyberport", "companies", 1500, "candidate", ("date?",))}


def test_a_joint_figure_is_not_stored_unless_other_entities_are_kept() -> None:
    text = "Hong Kong Science Park grew. Together, the two parks host close to 4,000 companies."
    assert rows(claims(text)) == set()
    keep = ExtractConfig(other_entities="keep")
    assert rows(claims(text, keep)) == {
        ("Cyberport and Hong Kong Science Park (joint)", "companies", 4000, "auto", ())
    }


def test_a_table_names_metric_owner_and_date_per_cell() -> None:
    text = (
        "Cyberport community companies grew.\n\n"
        "| Year-end | Cyberport companies | Science Park companies (HKSTP) |\n|---|---|---|\n"
        "| 2019 | 1,500 | 1,000 |\n| 2022 | 1,900 | 1,300 |\n\n"
        "| Indicator | 31 Dec 2020 | 30 Jun 2021 |\n|---|---|---|\n"
        "| Funds raised (HK$) | 25.1 bn | 28.6 bn |\n"
    )
    got = {(c.entity, c.metric, c.value, c.unit, c.as_of) for c in claims(text)}
    assert got == {
        ("Cyberport", "companies", 1500, "count", date(2019, 12, 31)),
        ("Cyberport", "companies", 1900, "count", date(2022, 12, 31)),
        ("Cyberport", "funding_raised", 25.1e9, "HKD", date(2020, 12, 31)),
        ("Cyberport", "funding_raised", 28.6e9, "HKD", date(2021, 6, 30)),
    }


def test_a_figure_in_another_currency_is_a_claim_in_its_own_unit() -> None:
    (c,) = claims("Cyberport put its community's total funding at more than €5.3 billion.")
    assert (c.unit, c.value, c.metric) == ("EUR", 5.3e9, "funding_raised")
    assert c.value_hkd == 5.3e9 * ExtractConfig().rates.get("EUR", 8.5) or c.value_hkd > 4e10


def test_a_heading_over_an_amount_alone_names_it_but_not_over_a_sentence() -> None:
    text = "Cyberport in numbers\n\nTotal funds raised\n\nHK$38 billion"
    assert rows(claims(text)) == {("Cyberport", "funding_raised", 38e9, "candidate", ("owner?",))}
    text = "Cyberport reports\n\nFinancial review\n\nIts revenue was HK$532 million."
    assert rows(claims(text)) == set()


def test_a_time_phrase_of_a_compared_figure_leaves_the_others_dated() -> None:
    text = "Cyberport grew. Cyberport now has 11 unicorns, up from 10 a year earlier."
    got = {(c.metric, c.value, c.status) for c in claims(text)}
    assert ("unicorns", 11, "auto") in got


def test_a_compared_figure_alone_takes_the_metric_of_the_sentence_before() -> None:
    text = "Cyberport now hosts 120 Web3 companies. That is up from just over 30 a year earlier."
    got = {(c.metric, c.value, c.qualifier) for c in claims(text)}
    assert ("web3_companies", 30, "over") in got
    money = "Cyberport now hosts 120 Web3 companies. That is up from HK$30 million a year earlier."
    assert {c.value for c in claims(money)} == {120}


def test_a_dateline_heading_the_sentence_leaves_the_figure_its_own_date() -> None:
    text = (
        "Hong Kong, 20 January 2024 – Cyberport announced that 112 start-ups were admitted "
        "to its incubation programmes in the second half of 2023."
    )
    assert {(c.value, c.as_of) for c in claims(text)} == {(112, date(2023, 12, 31))}
    text = "Cyberport said 112 start-ups were admitted in 2023 – a record."
    assert {(c.value, c.as_of) for c in claims(text)} == {(112, date(2023, 12, 31))}


def test_a_pronoun_opening_the_sentence_after_a_named_cluster_is_the_cluster() -> None:
    text = (
        "The Web3 cluster at Cyberport passed a milestone. It now counts more than 150 companies."
    )
    assert {(c.metric, c.value) for c in claims(text)} == {("web3_companies", 150)}
    text = "Cyberport opened a Web3 hall. It now counts more than 150 companies."
    assert {(c.metric, c.value) for c in claims(text)} == {("companies", 150)}


def test_a_fiscal_year_opening_the_sentence_dates_a_flow_in_a_later_clause() -> None:
    text = (
        "In the 2023-24 intake cycle, Cyberport received 1,400 applications, "
        "and it admitted 130 start-ups to its incubation programme."
    )
    got = {(c.metric, c.value, c.as_of, c.period) for c in claims(text)}
    assert ("incubatees", 130, date(2024, 3, 31), "P1Y") in got
    text = "In 2023-24, Cyberport admitted 180 incubatees, while 60% of its companies are local."
    got = {(c.metric, c.as_of) for c in claims(text)}
    assert ("local_share_pct", D) in got  # a state, not a flow: no year's period dates it


def test_a_date_in_an_opening_phrase_of_an_earlier_event_is_the_events() -> None:
    text = "After the policy statement last year, Cyberport's Web3 cluster has grown to 150 firms."
    assert {(c.value, c.as_of) for c in claims(text)} == {(150, D)}
    text = "After a slow start, Cyberport had 150 Web3 firms at the end of 2023."
    assert {(c.value, c.as_of) for c in claims(text)} == {(150, date(2023, 12, 31))}
    text = "With two flotations in May, Cyberport's listed companies have grown to seven."
    assert {(c.value, c.as_of) for c in claims(text)} == {(7, D)}
    text = (
        "Cyberport's fintech cluster has reached 460 companies, reflecting the city's appeal "
        "after the regulator issued its policy statement in October."
    )
    assert {(c.value, c.as_of) for c in claims(text)} == {(460, D)}


def test_a_part_of_a_set_takes_the_sets_date() -> None:
    text = (
        "Cyberport's community numbered around 240 companies at the end of 2023, "
        "about 100 of them physically on the campus, it told legislators."
    )
    got = {(c.metric, c.value, c.as_of) for c in claims(text)}
    assert ("companies_onsite", 100, date(2023, 12, 31)) in got
    text = (
        "Cyberport's community now numbers 250 companies, up from 210 at the end of last year. "
        "Of these, 120 are on the campus and 130 are associate members based elsewhere, a "
        "category opened in February."
    )  # the set is the 250 of now, not the 210 it is compared with; February is the category's
    got = {(c.metric, c.value, c.as_of) for c in claims(text)}
    assert {("companies_onsite", 120, D), ("companies_offsite", 130, D)} <= got


def test_a_share_of_the_city_s_set_that_is_here_is_the_places_own() -> None:
    text = "Cyberport news\n\nCyberport grew again. Five of Hong Kong's unicorns grew up here."
    assert any(c.metric == "unicorns" and c.value == 5 for c in claims(text))
    # Without "here", the city's set stays the city's.
    text = "Cyberport news\n\nCyberport grew again. Five of Hong Kong's unicorns are in fintech."
    assert not any(c.metric == "unicorns" for c in claims(text))


def test_a_share_of_the_city_s_set_that_grew_up_on_the_campus_counts_the_set() -> None:
    text = (
        "Cyberport news\n\nCyberport has 1,200 members, and three of Hong Kong's unicorns grew "
        "up on the campus."
    )
    got = {(c.metric, c.value) for c in claims(text)}
    assert got == {("companies", 1200), ("unicorns", 3)}
    quoted = (
        'Cyberport news\n\n"Four of the city\'s unicorns grew up on this campus," said Mr Ho, '
        "chief executive of Cyberport."
    )
    assert {(c.metric, c.value) for c in claims(quoted)} == {("unicorns", 4)}
    # A set's part that now sits somewhere is still counted by where it is.
    onsite = "Cyberport news\n\nCyberport has 1,200 members; 700 of them are on the campus."
    assert ("companies_onsite", 700) in {(c.metric, c.value) for c in claims(onsite)}


def test_a_share_of_the_city_s_set_here_beside_the_organisation_or_a_speaker_s_our() -> None:
    text = (
        "Cyberport news\n\nFive of Hong Kong's unicorns grew up here, and the Cyberport "
        "community has raised HK$30 billion."
    )
    assert ("unicorns", 5) in {(c.metric, c.value) for c in claims(text)}
    quoted = (
        "Cyberport news\n\n\"Five of Hong Kong's unicorns grew up here, and our companies "
        'have raised HK$30 billion," said Ms Wu, chief executive of Cyberport.'
    )
    assert ("unicorns", 5) in {(c.metric, c.value) for c in claims(quoted)}
    # Beside another organisation, the city's set stays unplaced.
    other = "Cyberport news\n\nFive of Hong Kong's unicorns grew up here, the Science Park said."
    assert ("unicorns", 5) not in {(c.metric, c.value) for c in claims(other)}


def test_a_passage_about_a_cluster_narrows_its_founders_countries() -> None:
    text = (
        "Cyberport Web3 update\n\nCyberport said its Web3 cluster now has 180 companies. "
        "The founders come from 22 countries and regions, from Japan to Brazil."
    )
    found = rows(claims(text))
    assert ("Cyberport", "web3_founder_origins", 22, "auto", ()) in found
    assert not any(r[1] == "founder_origins" for r in found)


def test_founders_of_a_clusters_companies_look_back_past_a_sentence_naming_no_cluster() -> None:
    text = (
        "Cyberport Web3 update\n\nTwo years ago, our Web3 cluster had 50 companies. Today it "
        "has 270. These companies work across tokenisation and digital identity. Their "
        "founders come from over 20 countries and regions.\n\n- Founders from: 40 countries"
    )
    found = rows(claims(text))
    assert ("Cyberport", "web3_founder_origins", 20, "auto", ()) in found
    assert not any(r[1] == "web3_founder_origins" and r[2] == 40 for r in found)  # a row


def test_a_founders_figure_of_the_whole_community_stays_the_communitys() -> None:
    text = (
        "Cyberport update\n\nCyberport said its Web3 cluster now has 180 companies. "
        "Founders across the whole community come from 31 countries and regions."
    )
    assert ("Cyberport", "founder_origins", 31, "auto", ()) in rows(claims(text))


def test_a_nounless_figure_goes_on_with_the_sentence_befores_owner() -> None:
    text = (
        "Profile\n\nShe lists what the programme has done. "
        "Cyberport has nurtured four unicorns. Two have since gone public."
    )
    assert ("Cyberport", "listed_companies", 2, "auto", ()) in rows(claims(text))
    stranger = (
        "Profile\n\nShe lists what others have done. "
        "Science Park has nurtured 16 unicorns. Five have since gone public."
    )
    assert not any(r[2] == 5 for r in rows(claims(stranger)))


def test_parts_of_a_total_given_in_all_are_not_claims() -> None:
    text = (
        "Cyberport review\n\nCyberport has done well. Three of its unicorns have gone public, "
        "and four more firms are listed through other routes, so seven listed in all."
    )
    listed = {r[2] for r in rows(claims(text)) if r[1] == "listed_companies"}
    assert listed == {7}


def test_the_park_after_another_park_is_named_in_the_paragraph_is_that_park() -> None:
    text = (
        "TECH WEEK IN BRIEF\n\n"
        "The Town Planning Board cleared the next Science Park extension on Monday. "
        "The park now hosts about 1,100 companies.\n\n"
        "Cyberport said its community had reached 1,900 companies."
    )
    got = rows(claims(text))
    assert ("Cyberport", "companies", 1900, "auto", ()) in got
    assert not any(r[0] == "Cyberport" and r[2] == 1100 for r in got)


def test_a_clusters_count_of_companies_never_becomes_a_count_of_places() -> None:
    text = (
        "Guest: Ann Wong, Chief Executive Officer, Cyberport\n\n"
        "Q: Where are your founders from?\n\n"
        "A: All over. Our founders come from some 25 countries and regions.\n\n"
        "Q: Which group is biggest?\n\n"
        "A: It is our largest cluster, with over 400 companies."
    )
    got = rows(claims(text))
    assert ("Cyberport", "founder_origins", 25, "auto", ()) in got
    assert not any(r[1] == "founder_origins" and r[2] == 400 for r in got)
    assert not any(r[2] == 400 and r[3] == "auto" for r in got)


# ---- a figure's metric named only around it: heading, question, sentence before ----------


def test_a_dated_heading_names_what_a_bare_figure_counts() -> None:
    text = "Cyberport bulletin\n\n## 14 May 2024 — Listed companies\n\nThe tally is now three."
    assert {r[1:3] for r in rows(claims(text))} == {("listed_companies", 3)}


def test_a_number_after_a_capitalised_word_names_a_thing_under_a_heading() -> None:
    text = (
        "Cyberport bulletin\n\n## Incubation intake\n\n"
        "Cyberport admitted 42 start-ups. The welcome lunch is on Level 5 of the tower."
    )
    assert {r[2] for r in rows(claims(text))} == {42}


def test_the_rest_of_a_set_does_not_take_the_part_before() -> None:
    text = (
        "Interview with Mary Lee, Chief Executive Officer, Cyberport\n\n"
        "Q: Are they all on the campus?\n\n"
        "A: No. About 300 are on the campus itself. The other 500 are off it."
    )
    assert all(r[2] != 500 or r[1] != "companies_onsite" for r in rows(claims(text)))


def test_a_cluster_reference_takes_the_nearest_sentences_cluster() -> None:
    text = (
        "Cyberport forum\n\nCyberport's community includes more than 400 companies working "
        "on artificial intelligence.\n\nSmart living has followed a similar path. "
        "The cluster now numbers over 210 companies."
    )
    assert ("Cyberport", "smart_living_companies", 210) in {r[:3] for r in rows(claims(text))}


def test_it_after_a_cluster_named_alone_counts_the_clusters_companies() -> None:
    text = (
        "Interview with Mary Lee, Chief Executive Officer, Cyberport\n\n"
        "Q: Which parts of the community grow fastest?\n"
        "A: Web3, clearly. It passed 260 companies in March."
    )
    assert ("web3_companies", 260) in {r[1:3] for r in rows(claims(text))}


def test_it_after_a_sentence_naming_no_cluster_keeps_its_own_noun() -> None:
    text = (
        "Interview with Mary Lee, Chief Executive Officer, Cyberport\n\n"
        "Q: Who has grown most?\nA: Cyberport, clearly. It passed 1,260 companies in March."
    )
    assert ("companies", 1260) in {r[1:3] for r in rows(claims(text))}


def test_a_count_verbs_bare_figure_after_a_sentence_naming_the_metric_is_a_candidate() -> None:
    text = (
        "Cyberport by the numbers\n\nCyberport's unicorns get the headlines, so a word on "
        "them. Today the hub counts six."
    )
    assert ("Cyberport", "unicorns", 6, "candidate", ("metric?",)) in rows(claims(text))


def test_a_count_verbs_bare_figure_after_a_sentence_naming_no_metric_is_nothing() -> None:
    text = "Cyberport by the numbers\n\nCyberport talks to partners a lot. It counts six."
    assert rows(claims(text)) == set()


def test_a_heading_over_the_date_line_that_opens_a_digests_section() -> None:
    text = (
        "TECH DIGEST\n\nCYBERPORT LISTINGS\n\nMonday, 6 May\n\nThe tally reached three "
        "this week, when a firm from Cyberport listed.\n\nOTHER NEWS\n\nTuesday, 14 May\n\n"
        "A bank opened 5 branches in Kowloon.\n"
    )
    cuts = [0, text.index("Monday"), text.index("OTHER"), text.index("Tuesday"), len(text)]
    sections = tuple(
        Section(i, a, b, date(2024, 5, 6), "dateline", None)
        for i, (a, b) in enumerate(pairwise(cuts))
    )
    doc = ReadDocument("t.txt", "0" * 64, "txt", text, None, None, None, None, D, "manifest",
                       sections)  # fmt: skip
    found = {(c.metric, c.value) for c in extract_claims(doc)}
    assert found == {("listed_companies", 3)}


def test_none_under_a_heading_is_the_figure_zero() -> None:
    text = "Cyberport by the numbers\n\n## Unicorns\n\nCyberport had none in 2013."
    assert ("Cyberport", "unicorns", 0, "auto", ()) in rows(claims(text))


@pytest.mark.parametrize(
    "text",
    [
        "Cyberport notes\n\nCyberport has no plans to cap admissions.",
        "Cyberport notes\n\n## Unicorns\n\nCyberport has no more than a few.",
        "Cyberport notes\n\nIts 30 unicorns? Cyberport has none of them.",
        "Cyberport notes\n\n## Unicorns\n\nThe hub had none other than its own mentors.",
    ],
)
def test_no_zero_where_no_counts_nothing_or_nothing_names_the_metric(text: str) -> None:
    assert all(r[2] != 0 for r in rows(claims(text)))


def test_a_pronoun_measured_after_a_sentence_naming_one_cluster_counts_that_cluster() -> None:
    text = (
        "Cyberport news\n\nThe intake has pushed Cyberport's fintech cluster to a new high. "
        "It now numbers more than 150, the largest in Hong Kong."
    )
    assert ("fintech_companies", 150) in {(c.metric, c.value) for c in claims(text)}
    other = (
        "Cyberport news\n\nThe intake has pushed Cyberport's community to a new high. "
        "It now numbers more than 1,500."
    )
    assert not any(c.metric == "fintech_companies" for c in claims(other))


def test_the_cluster_a_label_opening_the_sentence_names_is_the_clusters_count() -> None:
    text = (
        "Cyberport's clusters grew in the year.\n\n"
        "(b) Smart Living: around 290 smart living companies are developing solutions;\n\n"
        "(c) Digital Entertainment and Esports: the cluster has grown to over 180 companies. "
        "Cyberport hosted 38 events.\n\n(d) FinTech: the cluster has grown to over 400 companies.\n"
    )
    got = {(c.metric, c.value) for c in claims(text)}
    assert ("digital_entertainment_companies", 180) in got
    assert ("smart_living_companies", 180) not in got  # not the cluster of the item before


def test_a_clause_that_turns_to_the_whole_community_counts_it_not_a_cluster() -> None:
    text = (
        "Cyberport now hosts more than 350 fintech companies, the largest such cluster in the "
        "city, and its overall community numbers around 1,100 companies."
    )
    got = inline(text, date(2018, 11, 12))
    assert not any(c[1] == 1100 and c[0] == "fintech_companies" for c in got)
    assert ("fintech_companies", 350, "over", date(2018, 11, 12), None) in got
    whole = "Cyberport's FinTech cluster as a whole has grown to more than 150 companies."
    got = inline(whole, date(2016, 7, 7))  # (the cluster as a whole is still the cluster)
    assert ("fintech_companies", 150, "over", date(2016, 7, 7), None) in got


def test_such_after_a_figure_calls_its_noun_the_kind_the_sentence_before_counted() -> None:
    before = "Cyberport now hosts over 150 AI start-ups. Two years ago, the hub counted about 60"
    such = rows(claims(f"{before} such companies."))
    assert ("Cyberport", "ai_companies", 60, "auto", ()) in such
    plain = rows(claims(f"{before} companies."))  # the noun alone may be the whole community
    assert ("Cyberport", "ai_companies", 60, "auto", ()) not in plain


def test_a_heading_does_not_name_a_part_of_a_set_its_sentence_names() -> None:
    d = date(2021, 6, 22)
    title = "INSURTECH FIRM BECOMES CYBERPORT'S SIXTH UNICORN\n\n"
    part = "Cyberport said over 30 of its community companies are now valued at US$100 million."
    assert inline(title + part, d) == [("unicorns", 6, "exact", d, None)]  # the title's own
    # A figure with no words of its own still counts what the heading names.
    assert inline("Unicorns\n\nThe Cyberport community now counts four.", d) == [
        ("unicorns", 4, "exact", d, None)
    ]
