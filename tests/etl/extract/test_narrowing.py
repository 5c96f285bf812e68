"""What a count under a general noun narrows to from the words around it: own sentences."""

from __future__ import annotations

import pytest

from etl.extract.doubtful_figures import flow_share
from etl.extract.narrowing import (
    clause_end_after,
    cluster_before,
    nearest_cluster,
    on_show,
    verb_in_phrase,
)
from etl.extract.sentence_figures import find_figures


@pytest.mark.parametrize(
    ("before", "metric"),
    [
        ("Fintech is still the campus's biggest cluster, with over ", "fintech_companies"),
        ("Smart living (proptech and the like) accounts for ", "smart_living_companies"),
        ("Its largest cluster, with over ", None),  # no cluster named
        ("Fintech and AI are its largest clusters, with ", None),  # two named
        ("The fintech week drew ", None),  # no clause about a cluster
        # A superlative whose noun the sentence before gave ("Our clusters have grown. ...").
        ("FinTech remains our largest, with more than ", "fintech_companies"),
        ("Cyberport remains the largest, with ", None),  # no cluster named
        # A verb of measure whose subject is the whole the cluster is part of.
        ("Acme is one of 450 FinTech firms in the Cyberport community, which numbers ", None),
        ("Acme is one of many AI firms, and the AI cluster now numbers ", "ai_companies"),
    ],
)
def test_the_one_cluster_a_clause_names(before: str, metric: str | None) -> None:
    found = cluster_before(before)
    assert (found.metric if found else None) == metric


def test_a_verb_inside_a_noun_phrase_narrows_it() -> None:
    assert verb_in_phrase("community companies went public", "count", 3)[0].metric == (
        "listed_companies"
    )
    assert verb_in_phrase("community companies", "count", 3) is None


def test_on_show_and_shared_over_time_read_the_figures_clause_only() -> None:
    s = "Twelve incubatees pitched to investors, and 90 start-ups joined."
    assert on_show(s, 7, clause_end_after(s, 18))
    assert not on_show(s, s.index("start-ups"), clause_end_after(s, s.index(" joined")))
    s = "They raised HK$30 billion, and HK$4 billion of that in the first half alone."
    start = s.index("and HK$4")
    assert flow_share(s, start, clause_end_after(s, s.index(" of that")))
    t = "They raised HK$30 billion, and HK$4 billion from abroad."
    assert not flow_share(t, 26, clause_end_after(t, 44))


@pytest.mark.parametrize(
    ("before", "metric"),
    [
        ("Smart living has about ", "smart_living_companies"),
        ("AI and data science was the fastest-growing area, with more than ", "ai_companies"),
        ("Cyberport has about ", None),  # no cluster's name
        ("The community has ", None),
        ("Start-ups in the Southern District area, with ", None),  # a place's area
    ],
)
def test_a_cluster_that_has_the_count_or_is_an_area_of_it(before: str, metric: str | None) -> None:
    found = cluster_before(before)
    assert (found.metric if found else None) == metric


def test_the_cluster_a_list_item_names_is_the_nearest_one() -> None:
    before = "the smart living cluster had 580 companies and the AI and big data cluster over "
    assert cluster_before(before).metric == "ai_companies"
    before = (
        "the smart-living cluster has 240 companies, second after FinTech, which accounts for some "
    )
    assert nearest_cluster(before) is None  # FinTech is named after the cluster word


def test_a_label_opening_a_clause_of_a_list_names_its_cluster() -> None:
    before = "FinTech: about 400 companies, the largest in Hong Kong; Smart Living: more than "
    assert cluster_before(before).metric == "smart_living_companies"
    assert cluster_before("Total: more than ") is None  # a label that names no cluster


def test_a_named_clusters_size_after_of_is_that_clusters() -> None:
    s = "Cyberport has over 300 FinTech companies and a smart living cluster of about 150."
    assert [f.metric.metric for f in find_figures(s) if f.metric] == [
        "fintech_companies",
        "smart_living_companies",
    ]
    group = "The hub houses a growing cluster of 50."
    assert all(f.metric is None for f in find_figures(group, keep_bare=True))


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("Ten start-ups today began the first cohort of the Harbour Accelerator.", True),
        ("Twelve start-ups formed the class of 2024.", True),
        ("Ten start-ups today began work on the campus.", False),
        ("Ten start-ups joined the community this year.", False),
    ],
)
def test_a_group_that_makes_up_one_cohort_is_no_size(sentence: str, shown: bool) -> None:
    np_from = sentence.index(" start-ups")
    assert on_show(sentence, np_from, len(sentence)) is shown
