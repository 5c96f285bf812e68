"""Whose words a document is in: a writer's, a speaker's, an interviewee's."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract import default_config
from etl.extract.authors import _may_open, _speech_header_re
from etl.extract.document_model import build_model

CONFIG = default_config()


def model(text: str, title: str | None = None):
    return build_model(text, CONFIG, title)


@pytest.mark.parametrize(
    "text",
    [
        "OPINION\n\nBy Mary Lee\n\nChief Executive Officer, Cyberport\n\nWe have grown a lot.",
        "Start-ups are staying\n\nBy Mary Lee, Head of FinTech, Cyberport\n\nWe have grown.",
        "Start-ups are staying\n\nWe have grown a lot this year.\n\n"
        "Mary Lee is Chief Public Mission Officer of Cyberport.",
        "PODCAST\n\nGuest: Mary Lee, Chief Public Mission Officer, Hong Kong Cyberport "
        "Management Company Limited\n\nQ: How big is it?\n\nWe have 2,000 members now.",
        "Cyberport Day 2015\nWelcome address by Mr Tom Ho, Chief Executive Officer, Cyberport\n\n"
        "Good morning. We have 500 companies.",
        "OPINION\n\nSmall firms will win\n\nBy Mary Lee\nMarch 3, 2025\n\nMary Lee is Chief "
        "Public Mission Officer of Cyberport.\n\nOur community has grown a lot.",
        "Columns\n\nWhy founders stay\nBy the Chief Executive, Hong Kong Cyberport Management "
        "Company Limited\n\nOur campus is full.",
        "Speech by Ms. Eva Tse, Chief Executive Officer of Hong Kong Cyberport Management "
        "Company Limited, at the Forum\n\nThursday, 13 November 2025\n\nOur community grew.",
    ],
)
def test_the_writer_or_speaker_names_whose_we_it_is(text: str) -> None:
    m = model(text)
    assert m.author is not None and m.author.tracked
    last = text.rindex("\n\n") + 2
    assert m.speaks(last)


@pytest.mark.parametrize(
    "text",
    [
        "News\n\nBy Staff Reporter\n\nCyberport said it had 2,000 companies.",
        "By the numbers\n\nCyberport said it had 2,000 companies.",
        "Columns\n\nBy the end of the year Cyberport expects 2,000 companies.",
        "News\n\nCyberport said it had 2,000 companies.\n\n"
        "FinTech Week runs for five days from 7 November at Cyberport.",
        "Remarks\n\nSpeech by the Secretary for Innovation at Cyberport's Forum\n\nWe launched it.",
    ],
)
def test_no_writer_organisation_without_a_byline_that_names_one(text: str) -> None:
    assert model(text).author is None


def test_an_interviews_answers_are_the_guests_words_and_its_questions_are_not() -> None:
    text = (
        "Guest: Mary Lee, CEO, Cyberport\n\nHow big is the community?\n\n"
        "We have 2,000 members.\n\nAnd unicorns?\n\nSix."
    )
    m = model(text)
    assert m.speaks(text.index("We have")) and m.speaks(text.index("Six"))
    assert not m.speaks(text.index("How big")) and not m.speaks(text.index("And unicorns"))


def test_an_interview_without_marks_is_in_the_guests_words() -> None:
    text = (
        "Start-ups learn to survive\n\nReporter: Ann Lo\n\nThis paper visited Ms Eva Kwok, "
        "head of the entrepreneurship department of Cyberport, to talk about the community.\n\n"
        "How many companies are there now?\n\nWe have more than 1,900 companies.\n\n"
        "Which field grows fastest?\n\nWeb3, definitely. We have 100 Web3 companies."
    )
    m = model(text)
    assert m.author is not None and m.author.tracked
    assert m.speaks(text.index("We have more")) and not m.speaks(text.index("Which field"))
    # Questions with no one named above them are no interview.
    other = text.replace("Ms Eva Kwok, head of the entrepreneurship department of Cyberport", "us")
    assert model(other).author is None
    # A title in capitals, the organisation named a long way before it.
    titled = text.replace(
        "Ms Eva Kwok, head of the entrepreneurship department of Cyberport",
        "Eliza Wong, who spent 18 years in banking before joining Cyberport, where as Chief "
        "Public Mission Officer she oversees incubation",
    )
    assert model(titled).author is not None and model(titled).author.tracked


def test_a_conversation_with_a_guest_makes_their_answers_the_organisations_words() -> None:
    text = (
        "FOUNDER TALK\n\nA conversation with Jane Wu, Head of Partnerships at Cyberport\n\n"
        "Q: How many teams applied?\n\nA: We had 500 applications.\n\n"
        "Q: And next year?\n\nA: More."
    )
    m = model(text)
    assert m.author is not None and m.author.tracked
    assert m.speaks(text.index("A: We had"))
    # No guest named: a conversation about a topic.
    topic = text.replace("A conversation with Jane Wu, Head of", "A conversation about")
    assert model(topic).author is None


_LINE_PIECES = ["Keynote", "speech", "SPEECH", "by", "Remarks", " ", "  ", "#", "*", "> ",
                "Mr Chan", "x" * 25, "\t", "Welcome address by", "ſpeech", ",", "K"]  # fmt: skip


@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=12).map("".join), st.integers(0, 3))
def test_a_line_ruled_out_holds_no_speech_header(line: str, a: int) -> None:
    text = "Q." + line
    a = min(a, len(text))
    if _speech_header_re().match(text, a, len(text)):
        assert _may_open(text, a, len(text))


def test_a_line_about_the_writer_names_a_person_not_a_phrase() -> None:
    text = (
        "Following is a question by the Hon Chan and a written reply by the Secretary for "
        "Innovation, Technology and Industry, Professor Tong, in the Legislative Council today:"
        "\n\nCyberport had 1,870 companies.\n\nThe Council noted it."
    )
    assert model(text).author is None  # the Council is where the reply was given
    column = "We grew.\n\nMore to come.\n\nDr Eliza Ho is Chief Public Mission Officer, Cyberport."
    assert model(column).author.entity == "Cyberport"


def test_a_writer_who_runs_a_company_writes_for_it_even_if_no_list_knows_it() -> None:
    column = (
        "My mother is 78.\n\nWe have raised HK$15 million.\n\nAda Lam is co-founder and chief "
        "executive of Hearthly, a smart-home start-up based at Cyberport."
    )
    author = model(column).author
    assert author is not None and (author.entity, author.tracked) == ("Hearthly", False)
    staff = "We grew.\n\nMore to come.\n\nAda Lam is chief executive officer of Cyberport."
    assert model(staff).author.entity == "Cyberport"
