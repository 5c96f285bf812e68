"""A figure with no noun of its own: what its clause, its heading or the question before say."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.candidates import bare_metric, context_metric
from tests.etl.extract.test_claims import inline


def bare(sentence: str, figure: str) -> tuple[str, str] | None:
    start = sentence.index(figure)
    found = bare_metric(sentence, start + len(figure), "count", 1.0, start=start)
    return (found.match.metric, found.source) if found else None


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("Six of Hong Kong's unicorns grew up here.", "Six", ("unicorns", "partitive")),
        ("Nine of the awards went to its companies.", "Nine", ("awards", "partitive")),
        ("Some 250 of them are in fintech.", "250", ("fintech_companies", "predicate")),
        ("Around 45 of them are working on smart living apps.", "45",
         ("smart_living_companies", "predicate")),
        ("Two of them have grown into unicorns.", "Two", ("unicorns", "predicate")),
        ("Two of the new incubatees have grown into unicorns.", "Two", ("unicorns", "predicate")),
        ("Three of the city's fintech companies won licences.", "Three",
         ("fintech_companies", "partitive")),
        ("Last year 90 were admitted, the most ever.", "90", ("incubatees", "predicate")),
        ("Ten have since gone public.", "Ten", ("listed_companies", "predicate")),
        ("Some 110 are housed in the office towers.", "110", ("companies_onsite", "predicate")),
        ("The remaining 80 work off-site.", "80", ("companies_offsite", "predicate")),
        # A place right after a figure with no noun or verb: a part of a whole said before.
        ("It has 2,100 companies, with about 900 on the campus.", "900",
         ("companies_onsite", "predicate")),
        ("- **over 900** on the campus", "900", ("companies_onsite", "predicate")),
        ("- 680 on campus / 840 off-site", "680", ("companies_onsite", "predicate")),
        # The set's place between it and its verb: what the verb says they are counts.
        ("Roughly 140 of the companies in our community are start-ups.", "140",
         ("startups", "predicate")),
        ("Some 700 of the companies on the campus work in AI.", "700",
         ("ai_companies", "predicate")),
        ("Admissions stood at 88 last year.", "88", ("incubatees", "subject")),
        ("When we joined the incubator it was hard; now we're 25.", "25",
         ("incubatees", "subject")),
        ("Its wider community, with members off site, numbers about 300.", "300",
         ("companies", "subject")),
        ("We have 450 AI firms, out of a community of over 2,300.", "2,300",
         ("companies", "subject")),
        ("Its community of start-ups grew to more than 1,900 as at 30 June.", "1,900",
         ("companies", "subject")),
    ],
)  # fmt: skip
def test_the_clause_names_what_a_bare_figure_counts(sentence, figure, expected) -> None:
    assert bare(sentence, figure) == expected


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Of the teams, 24 have already raised external funding.", "24"),
        ("Two of the companies are valued at US$50 million each.", "Two"),
        ("Fifteen of the new incubatees are building payment tools.", "Fifteen"),
        ("Three of the community's fintech companies won licences.", "Three"),
        ("We were four people when we joined the incubator; we're 25 now.", "25"),
        ("Four of its AI start-ups were shortlisted.", "Four"),
        ("The showcase is on Level 2 of the tower.", "2"),
        ("Photo 1: guests at the opening.", "1"),
        ("It was about 600 when I joined.", "600"),  # the sentence before must say
        ("Its share of the community was 30.", "30"),  # no "community of" before it
        ("For the first time some three in five of them operated offsite.", "three"),  # a share
        # What the clause's subject counts is no metric's, whatever set it names on the way.
        ("Applications for its two intakes rose by a third to 212.", "212"),
        ("Visitors to the incubation showcase reached 3,000.", "3,000"),
    ],
)
def test_a_clause_that_names_no_metric_gives_none(sentence, figure) -> None:
    assert bare(sentence, figure) is None


@pytest.mark.parametrize(
    ("heading", "previous", "expected"),
    [
        ("Unicorns", None, ("unicorns", "heading")),
        ("## Admissions", None, ("incubatees", "heading")),
        ("Fintech", None, ("fintech_companies", "heading")),
        (None, "Q: And unicorns? People always ask about them.", ("unicorns", "previous")),
        ("About Cyberport", None, None),  # a short heading does not make any figure a count
        ("Financial review", None, None),
        (None, "Q: Where are you based?", None),
    ],
)
def test_the_context_names_a_bare_figures_metric(heading, previous, expected) -> None:
    found = context_metric(heading, previous, "count", 4)
    assert (found and (found.match.metric, found.source)) == expected or (
        found is None and expected is None
    )


def test_a_cluster_opening_its_sentence_is_what_a_lone_bare_figure_counts() -> None:
    s = "Smart living is the second largest, at roughly 240."
    found = bare_metric(s, len(s) - 1, "count", 240, start=len(s) - 4)
    assert found is not None and (found.match.metric, found.source) == (
        "smart_living_companies",
        "subject",
    )


@pytest.mark.parametrize(
    "s",
    [
        "Smart living is the second largest, at roughly 240 and 12 more.",  # not alone
        "The hub is the second largest, at roughly 240.",  # no cluster opens it
        "Smart living, fintech and Web3 are the largest, at roughly 240.",  # no one cluster
    ],
)
def test_no_cluster_subject_for_a_figure_not_alone_or_no_cluster(s: str) -> None:
    start = s.index("240")
    found = bare_metric(s, start + 3, "count", 240, start=start)
    assert found is None or found.match.metric != "smart_living_companies"


def test_the_subject_of_a_verb_of_measure_is_read_back_clause_by_clause() -> None:
    d = date(2024, 7, 23)
    s = (
        "Cyberport's Web3 cluster had grown to over 270 companies, while the FinTech cluster, "
        "still Cyberport's largest, numbered about 460."
    )
    assert ("fintech_companies", 460, "about", d, None) in inline(s, d)
    s = (
        "Cyberport is home to more than 100 companies, while its wider community, including "
        "incubatees working off site, numbers about 300."
    )  # an aside naming a part is no subject
    assert not any(m == "incubatees" for m, *_ in inline(s, d))
    s = "Cyberport admitted 112 start-ups. AI ventures made up 53 of the admissions."
    assert not any(v == 53 for _, v, *_ in inline(s, d))  # a part of a set: no cluster's size


def test_a_count_said_to_pass_a_figure_counts_its_clauses_subject() -> None:
    d = date(2024, 4, 17)
    s = "Cyberport grew. Its community of start-ups and technology companies now exceeds 2,000."
    assert ("companies", 2000, "over", d, None) in inline(s, d)
    s = "Cyberport start-up enterprises financing exceeds 380 billion."  # no count runs so high
    assert not any(m == "companies" for m, *_ in inline(s, d))


def test_companies_engaged_in_a_field_are_that_clusters() -> None:
    d = date(2019, 5, 13)
    s = "Over 180 companies in the Cyberport community are engaged in AI and data analytics."
    assert ("ai_companies", 180, "over", d, None) in inline(s, d)
    s = "Cyberport's community of close to 2,000 companies includes some 400 working in AI."
    assert not any(m == "ai_companies" and v == 2000 for m, v, *_ in inline(s, d))


def test_a_phrase_setting_the_scene_is_no_subject_of_the_count() -> None:
    d = date(2024, 9, 2)
    s = (
        "Following the debut of a payments start-up on the stock exchange in July, Cyberport's "
        "roll of listed companies has risen to eleven."
    )
    assert ("listed_companies", 11, "exact", d, None) in inline(s, d)
    s = "In the FinTech cluster, Cyberport's companies have grown to 480."  # the phrase names one
    assert not any(m == "companies" for m, *_ in inline(s, d))
