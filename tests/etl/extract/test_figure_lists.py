"""Figures in a list read with each other: a shared noun, the next clusters of a ranking."""

from __future__ import annotations

from etl.extract.figure_lists import next_of_ranking, opens_with_and, shared_noun
from etl.extract.figure_spans import figure_spans
from etl.extract.sentence_figures import find_figures


def test_a_figure_reads_the_noun_the_next_one_ends_on() -> None:
    s = "Cyberport has 900 onsite and 1,100 offsite start-ups."
    spans = figure_spans(s, "HKD", True)[0]
    first, nxt = spans
    found = shared_noun(s, s[first[5] : first[3]], first[3], nxt, ("", "", s[: first[1]]),
                        "count", 900)  # fmt: skip
    assert found is not None and found[0].metric == "companies_onsite"
    t = "Cyberport had 900 members and 200 two years earlier."
    first, nxt = figure_spans(t, "HKD", True)[0][:2]
    assert shared_noun(t, "", first[3], nxt, ("", "", ""), "count", 900) is None


def test_a_ranking_names_its_next_cluster_only_after_a_clusters_count() -> None:
    s = "FinTech is the largest cluster with 400 companies, followed by smart living with about "
    before = find_figures(s + "290.")[:1]
    assert next_of_ranking(s, before).metric == "smart_living_companies"
    assert next_of_ranking(s, []) is None
    assert opens_with_and(" and digital entertainment") and not opens_with_and(" companies")
