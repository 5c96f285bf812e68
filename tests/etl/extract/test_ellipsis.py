"""A noun a clause leaves out because a parallel clause before it gave it."""

from __future__ import annotations

from etl.extract.sentence_figures import find_figures


def sources(s: str) -> list[tuple[float, str | None, str]]:
    return [
        (f.number.value, f.metric.metric if f.metric else None, f.source)
        for f in find_figures(s, keep_bare=True)
    ]


def test_a_parallel_clause_with_the_same_verb_lends_its_noun() -> None:
    s = "Nanshan counts 800 start-ups, while Futian counts about 500."
    assert sources(s)[-1] == (500, "startups", "gapped")


def test_no_noun_lent_across_another_verb_or_to_a_figure_with_a_noun() -> None:
    assert sources("Nanshan counts 800 start-ups, while Futian opened in 2011.")[-1:] != [
        (2011, "startups", "gapped")
    ]
    assert all(x[2] != "gapped" for x in sources("It has 800 start-ups, while the fair ran 3."))
    assert sources("It has 800 start-ups, while Futian has 500 firms.")[-1][2] == "noun"


def test_a_list_of_clusters_that_leaves_out_its_verb_gives_each_its_own_cluster() -> None:
    s = (
        "The AI cluster stands at about 450 companies, while FinTech counts around 950 and "
        "Web3 more than 300."
    )
    assert sources(s)[1:] == [
        (950, "fintech_companies", "subject"),
        (300, "web3_companies", "gapped"),
    ]
    s = "Smart living companies numbered around 320 and digital entertainment companies around 190."
    assert [m for _, m, _ in sources(s)] == [
        "smart_living_companies",
        "digital_entertainment_companies",
    ]
    s = "FinTech is the largest cluster, with 380 companies, ahead of smart living with about 250."
    assert sources(s)[1] == (250, "smart_living_companies", "gapped")
    s = "It has 420 companies in smart living and about 280 in digital entertainment."
    assert sources(s)[1] == (280, "digital_entertainment_companies", "gapped")


def test_a_part_after_a_cluster_named_in_a_longer_clause_is_no_cluster_size() -> None:
    s = (
        "Cyberport has over 300 FinTech companies, and a FinTech track on day two featured "
        "pitches from 24 of them."
    )
    assert sources(s)[1][1] is None
