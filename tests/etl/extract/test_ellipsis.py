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
