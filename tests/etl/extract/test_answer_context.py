"""Whole documents where a figure answers a question: the question names what it counts,
a later sentence of the answer still reads it, and a question inside running prose is no
interviewer's."""

from __future__ import annotations

from tests.etl.extract.test_sentence_context import claims, rows


def test_a_question_names_what_the_answer_counts() -> None:
    text = (
        "Guest: Mary Lee, Chief Executive Officer, Cyberport\n\n"
        "Q: And unicorns? People always ask.\n\nA: Six."
    )
    assert rows(claims(text)) == {("Cyberport", "unicorns", 6, "auto", ())}


def test_a_question_naming_a_cluster_names_what_the_bare_answer_counts() -> None:
    text = (
        "Guest: Mary Lee, Chief Executive Officer, Cyberport\n\n"
        "Q: And Web3, the big theme two years ago?\n\nA: Around 300.\n\n"
        "Q: Is fintech a real thing yet?\n\nA: It's becoming one."
    )
    assert rows(claims(text)) == {("Cyberport", "web3_companies", 300, "auto", ())}


def test_a_noun_that_needs_context_reads_the_question_it_answers() -> None:
    text = (
        "Interview with Mary Lee, Chief Executive Officer, Cyberport\n\n"
        "Q: And where are your founders from?\n"
        "A: All over. Some 31 countries and regions at the latest count."
    )
    assert ("Cyberport", "founder_origins", 31, "auto", ()) in rows(claims(text))


def test_a_noun_that_needs_context_is_not_read_with_a_sentence_it_does_not_answer() -> None:
    text = (
        "Cyberport profile\n\nCyberport's founders are young. "
        "Its companies shipped goods to 31 countries last year."
    )
    assert all(r[1] != "founder_origins" for r in rows(claims(text)))


def test_a_later_sentence_of_an_answer_reads_the_question_on_the_line_before() -> None:
    text = (
        "Interview with Mary Lee, Chief Executive Officer, Cyberport\n\n"
        "Q: How many start-ups has your incubation programme admitted?\n"
        "A: This year alone we admitted 120 to the programme. Since the start, it is well "
        "over 1,400."
    )
    assert ("Cyberport", "incubatees", 1400, "auto", ()) in rows(claims(text))


def test_a_question_inside_running_prose_is_no_interviewers() -> None:
    text = (
        "Cyberport column\n\nWhat has changed? Money. Members of our community raised HK$2 "
        "billion last year. One alumnus closed a US$90 million round in March."
    )
    assert all(r[2] != 90_000_000 for r in rows(claims(text)))


def test_zero_under_a_question_is_the_figure_zero() -> None:
    text = (
        "Interview with Mary Lee, Chief Executive Officer, Cyberport\n\n"
        "Q: How many unicorns did Cyberport have in 2012?\n\nA: We had zero."
    )
    assert ("Cyberport", "unicorns", 0, "auto", ()) in rows(claims(text))
