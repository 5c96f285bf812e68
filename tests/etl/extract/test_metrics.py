"""Metric rules from metric_terms.toml: noun phrases, context and exclusions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.lexicon import safe_lower
from etl.extract.metrics import (
    MetricMatch,
    _may_hold,
    _metric_match,
    _no_subject_word,
    _rules_for,
    catalogue_keys,
    classify,
    cumulative_metrics,
    rules,
)
from tests.etl.extract.test_claims import inline


def metric_of(np: str, unit: str = "count", before: str = "", after: str = "", value=10.0):
    m = classify(np, before, after, unit, value)
    return m.metric if m else None


@pytest.mark.parametrize(
    ("np", "metric"),
    [
        ("start-ups and technology companies", "companies"),
        ("start-ups and digital tech companies", "companies"),  # both, whatever the modifiers
        ("members", "companies"),
        ("tech firms", "companies"),
        ("listed companies", "listed_companies"),
        ("unicorns", "unicorns"),
        ("global markets", "markets"),
        ("AI and data science start-ups", "ai_companies"),
        ("smart living companies", "smart_living_companies"),
        ("Web3 companies", "web3_companies"),
        ("FinTech companies", "fintech_companies"),
        ("digital entertainment firms", "digital_entertainment_companies"),
        ("onsite start-ups", "companies_onsite"),
        ("offsite companies", "companies_offsite"),
        ("incubatees", "incubatees"),
        ("local and international awards", "awards"),
        ("patents", "ip_rights"),
        ("registered trademarks", "ip_rights"),
        ("trademarks and registered designs", "ip_rights"),
        ("trademark applications", None),  # filed, not held
        ("start-ups", "startups"),
        ("more companies", None),
        ("new start-ups", None),
        ("tenant companies", None),
        ("residents and family members", None),  # people, not member companies
        ("staff members", None),
        ("square feet", None),
        ("years", None),
    ],
)
def test_noun_phrases(np: str, metric: str | None) -> None:
    assert metric_of(np) == metric


def test_countries_are_founder_origins_only_when_founders_are_named() -> None:
    assert metric_of("countries and regions", before="founders come from") == "founder_origins"
    assert metric_of("countries", before="Web3 founders hail from") == "web3_founder_origins"
    assert metric_of("countries and regions", before="operations span") is None


def test_money_needs_funding_words_and_no_budget_words() -> None:
    assert metric_of("", "money", before="with total financing exceeding") == "funding_raised"
    assert metric_of("", "money", after="in investment") == "funding_raised"
    assert metric_of("", "money", before="start-ups have raised") == "funding_raised"
    assert metric_of("", "money", before="the Government has allocated") is None
    assert metric_of("", "money", before="raised", after="budget for the year") is None


def test_percent_of_local_companies_and_plausibility() -> None:
    m = classify("", "", "of the companies in the park are local", "percent", 500)
    assert m is not None and m.metric == "local_share_pct" and m.implausible
    ok = classify("", "", "of them are local", "percent", 60)
    assert ok is not None and not ok.implausible
    assert classify("", "", "of revenue", "percent", 30) is None


def test_every_rule_names_a_catalogue_metric() -> None:
    assert {r.metric for r in rules()} <= catalogue_keys()
    assert "funding_raised" in cumulative_metrics() and "companies" not in cumulative_metrics()


def test_a_funds_own_size_is_not_funding_raised() -> None:
    assert metric_of("venture fund", "money", before="the programme runs a") is None
    assert metric_of("", "money", before="a seed scheme set up with") is None
    assert metric_of("", "money", before="with a fund size of") is None
    assert metric_of("", "money", before="members have raised") == "funding_raised"


def test_start_ups_admitted_to_incubation_are_incubatees() -> None:
    lead = "Since 2010 the incubation scheme has taken in"
    assert classify("young companies", "has taken in", "", "count", 90, lead).metric == "incubatees"
    assert metric_of("start-ups", before="the accelerator admitted") == "startups"
    after = " through the Cyberport Incubation Programme since its launch"
    assert classify("start-ups", "has nurtured over", after, "count", 200).metric == "incubatees"
    # A community nurtured is no intake, nor are graduates.
    community = classify("start-ups", "nurturing a community of", after, "count", 2000)
    assert community.metric == "startups"
    grads = classify("start-ups", "has nurtured 40", " that graduated" + after, "count", 40)
    assert grads is None or grads.metric != "incubatees"


def test_the_cluster_nearest_the_figure_names_the_count() -> None:
    lead = "Its blockchain community lists 90 firms, while the esports sector counts"
    m = classify("studios", "while the esports sector counts", "", "count", 40, lead)
    assert m is not None and m.metric == "digital_entertainment_companies"
    m2 = classify("firms", "lists", "", "count", 90, "Its blockchain community lists")
    assert m2 is not None and m2.metric == "web3_companies"
    # Turning to the whole community after the cluster: a plain count again.
    whole = "The smart city sector is busy, and the community now has"
    assert classify("members", "", "", "count", 900, whole).metric == "companies"


def test_web3_founders_read_from_the_whole_sentence() -> None:
    lead = "We host 80 Web3 start-ups, and their founders hail from"
    m = classify("economies", "and their founders hail from", "", "count", 12, lead)
    assert m is not None and m.metric == "web3_founder_origins"


# Pieces of leads that the cluster rules look for, glued at random.
LEAD_PIECES = ["the ", "FinTech ", "fin-tech ", "web3 ", "Web 3.0 ", "smart city ", "AI ",
               "gaming ", "e-sports ", "cluster ", "community ", "hub ", "sector ", "ecosystem ",
               "park ", "has ", "in all ", "data science ", "ſmart ", "İ", ", and ",
               "blockchain "]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(LEAD_PIECES), max_size=10).map("".join))
def test_subject_word_test_never_rules_out_a_subject(lead: str) -> None:
    for r in rules():
        if r.subject and r.subject.search(lead):
            assert _may_hold(r.subject, safe_lower(lead)), (r.metric, lead)
            low = safe_lower(lead)
            assert low is None or not _no_subject_word(low), (r.metric, lead)


def test_matches_are_shared_and_equal_to_new_ones() -> None:
    assert _metric_match("companies", False) is _metric_match("companies", False)
    assert _metric_match("companies", True) == MetricMatch("companies", True)


NP_PIECES = ["start-ups ", "Start-Ups ", "companies ", "technology ", "listed ", "unicorns ",
             "members ", "visitors ", "incubatees ", "global ", "markets ", "countries ", "AI ",
             "fintech ", "ſtart-ups ", "İ", "square feet ", "jobs ", "and ", "HK$ "]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(NP_PIECES), max_size=6).map("".join).map(str.strip),
       st.sampled_from(["count", "percent", "money"]), st.booleans())  # fmt: skip
def test_rules_for_a_noun_phrase_as_if_every_pattern_ran(np: str, unit: str, bare: bool) -> None:
    """The word test before each rule's noun-phrase pattern rules out no rule that fits."""
    every = tuple(
        r
        for r in rules()
        if unit in r.units
        and (bare or not r.bare)
        and not (r.np and not r.np.search(np))
        and not (r.np_exclude and r.np_exclude.search(np))
    )
    assert _rules_for(np, unit, bare) == every, np


def test_what_a_passive_verb_and_by_follow_is_who_did_it_not_what_is_counted() -> None:
    assert classify("Awards won by incubatees", "", "", "count", 19).metric == "awards"
    assert classify("IP rights held by start-ups", "", "", "count", 90).metric == "ip_rights"
    assert classify("start-ups backed by investors", "", "", "count", 90).metric == "startups"


def test_a_share_from_outside_is_no_local_share() -> None:
    d = date(2023, 8, 9)
    s = "Cyberport is encouraged that roughly 30% of its new members came from outside Hong Kong."
    assert not any(m == "local_share_pct" for m, *_ in inline(s, d))
    s = "About 30 per cent of Cyberport's companies come from the Mainland or overseas."
    assert not any(m == "local_share_pct" for m, *_ in inline(s, d))
    s = "About 70 per cent of Cyberport's community companies are local."
    assert ("local_share_pct", 70, "about", d, None) in inline(s, d)
    s = "At Cyberport, at least 50 per cent of computing capacity is reserved for local users."
    assert not any(m == "local_share_pct" for m, *_ in inline(s, d))  # (a share of capacity)
    s = "Cyberport says around 65 per cent of the firms on its campus are Hong Kong businesses."
    assert ("local_share_pct", 65, "about", d, None) in inline(s, d)
    s = "A Cyberport survey of 300 Hong Kong firms found that 40% plan to hire engineers."
    assert not any(m == "local_share_pct" for m, *_ in inline(s, d))  # those the survey asked


def test_companies_on_its_campus_are_on_site() -> None:
    for words in ("Companies on our campus", "companies based on the campus", "members on campus"):
        assert classify(words, "", "", "count", 800).metric == "companies_onsite", words


def test_start_up_companies_and_other_companies_are_the_community() -> None:
    np = " home start-up companies and technology enterprises"
    assert metric_of(np, "count", before="the community has more than") == "companies"
    assert metric_of(" start-up companies", "count", before="it has") == "startups"


def test_start_ups_of_a_field_that_a_programme_has_admitted_are_its_intake() -> None:
    np = " digital entertainment start-ups"
    assert metric_of(np, before="the programme has admitted ") == "incubatees"
    assert metric_of(np, before="the park now hosts") == "digital_entertainment_companies"


def test_start_ups_a_speaker_has_incubated_are_incubatees() -> None:
    d = date(2020, 11, 24)
    text = (
        'Cyberport speech\n\n"Since 2005, we have incubated over 800 start-ups," said the '
        "chief executive of Cyberport."
    )
    assert ("incubatees", 800, "over", d, None) in inline(text, d)


def test_a_communitys_size_is_no_count_of_what_some_of_its_members_are() -> None:
    d = date(2024, 10, 15)
    text = (
        "Cyberport alumnus lists\n\nCyberport said that five companies from its community of "
        "more than 2,100 start-ups and technology firms are now listed."
    )
    got = inline(text, d)
    assert ("companies", 2100, "over", d, None) in got
    assert not any(c[0] == "listed_companies" and c[1] == 2100 for c in got)


def test_members_on_site_and_off_site_are_the_whole_community() -> None:
    d = date(2026, 3, 10)
    both = (
        "About Cyberport\n\nCyberport is a digital technology flagship with more than 2,400 "
        "members including on-site and off-site start-ups and technology companies."
    )
    assert ("companies", 2400, "over", d, None) in inline(both, d)
    one = "About Cyberport\n\nCyberport has more than 1,400 members working off-site."
    assert ("companies_offsite", 1400, "over", d, None) in inline(one, d)


def test_a_part_of_a_set_with_a_qualified_size_counts_what_the_part_does() -> None:
    d = date(2021, 9, 14)
    text = (
        "Cyberport news\n\nAt Cyberport, about 250 of the more than 1,700 companies in its "
        "community now work in AI and data science."
    )
    got = inline(text, d)
    assert ("ai_companies", 250, "about", d, None) in got
    assert ("companies", 1700, "over", d, None) in got
