"""The plain words around a figure: own sentences."""

from __future__ import annotations

from etl.extract.figure_text import before_next_figure, counts_something, words_before_figure


def test_the_words_before_the_next_count_stop_at_it_but_not_at_an_amount() -> None:
    assert before_next_figure("start-ups in the intake; graduates won 48 awards") == (
        "start-ups in the intake; graduates won "
    )
    assert before_next_figure("are valued at more than US$1 billion") == (
        "are valued at more than US$1 billion"
    )
    assert before_next_figure("fintech firms and seven unicorns") == "fintech firms and "


def test_the_first_words_stop_at_a_mark_or_a_figure() -> None:
    assert words_before_figure("AI start-ups based here, with 40 more") == [
        "AI", "start-ups", "based", "here"
    ]  # fmt: skip
    assert words_before_figure("companies and 300 more") == ["companies", "and"]


def test_a_stretch_counts_something_when_it_holds_a_number() -> None:
    assert counts_something("about 1,900 companies")
    assert counts_something("seven unicorns")
    assert not counts_something("the smart living cluster, still its largest,")
