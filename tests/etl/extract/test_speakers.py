"""Quotations and their speakers, and sections in one speaker's voice."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract import default_config
from etl.extract.sentences import split_paragraphs
from etl.extract.speakers import (
    QuoteRegion,
    Voice,
    _starts,
    _voice_res,
    profiles_head,
    quote_regions,
    section_voice,
)


def test_a_quote_is_its_speakers_words() -> None:
    text = 'Amy Lo, Chairman of Cyberport, said: "We host 2,000 firms." Then: "And more."'
    got = quote_regions(text, 0, len(text), default_config())
    assert [text[q.start : q.end] for q in got] == ['"We host 2,000 firms."', '"And more."']
    assert all(q.speaker_tracked for q in got)  # the second: the same speaker goes on


def test_a_quote_from_another_organisation_is_not_the_tracked_ones() -> None:
    text = 'Ben Wu, CEO of Lingang Group, said: "We welcomed 300 companies."'
    (q,) = quote_regions(text, 0, len(text), default_config())
    assert not q.speaker_tracked
    assert q.speaker_entity is not None and q.speaker_entity.endswith("Lingang Group")


@pytest.mark.parametrize(
    "text",
    [
        '"Our firms sell in 20 markets," said Dan Ho, who runs the hub\'s fintech programme.',
        'Eve Ng, head of the campus community team, said: "We count 900 firms."',
    ],
)
def test_a_speaker_working_for_the_hub_speaks_for_it_in_a_text_about_it(text: str) -> None:
    (q,) = quote_regions(text, 0, len(text), default_config(), main_tracked=True)
    assert q.speaker_tracked
    (q,) = quote_regions(text, 0, len(text), default_config())  # a text about someone else
    assert not q.speaker_tracked


def test_a_speaker_named_with_another_organisation_is_not_the_hubs() -> None:
    text = '"We sell in 20 markets," said Dan Ho of Lingang Group, who runs the hub\'s fund.'
    (q,) = quote_regions(text, 0, len(text), default_config(), main_tracked=True)
    assert not q.speaker_tracked


def test_speech_paragraphs_are_the_speakers() -> None:
    text = "Speech by Amy Lo, Chairman of Cyberport\n\nWe now have 2,000 members.\n\nThank you."
    voice = section_voice(text, split_paragraphs(text), default_config())
    assert voice == Voice(frozenset({1, 2}), True, "Cyberport")
    assert voice.region(0, (0, 5)) is None
    assert voice.region(1, (41, 68)) == QuoteRegion(41, 68, True, "Cyberport")


@given(
    st.characters(max_codepoint=127),
    st.sampled_from(["", ": x", " - x", ". x", "nswer: x", "peech by X"]) | st.text(max_size=8),
)
def test_a_line_opening_outside_the_starts_matches_no_mark(first: str, rest: str) -> None:
    header, answer, question, _ = _voice_res()
    line = first + rest
    if first not in _starts("answer_marks", "question_marks"):
        assert not answer.match(line) and not question.match(line)
    if first not in _starts("speech_headers"):
        assert not header.match(line)


@pytest.mark.parametrize(
    "intro",
    [
        "Cyberport's venture chief on the next decade\n\nWe sat down with Marcus Lee.",
        "We asked Cyberport's Head of FinTech, Mr Henry Chan, how start-ups are coping.",
        "Cyberport has grown fast. We met Marcus Lee, who heads its venture partnerships.",
    ],
)
def test_an_interview_of_the_tracked_organisations_head_is_in_its_voice(intro: str) -> None:
    text = f"{intro}\n\nQ: How big is it?\n\nA: We have 1,900 companies."
    voice = section_voice(text, split_paragraphs(text), default_config())
    assert voice is not None and voice.speaker_tracked
    assert voice.paragraphs == frozenset({len(split_paragraphs(text)) - 1})


@pytest.mark.parametrize(
    "intro",
    [
        "A Cyberport start-up's founder on the next decade\n\nWe sat down with Marcus Lee.",
        "Cyberport has grown. We met Marcus Lee of Lingang Group, who heads its fund.",
        "We asked Lingang Group's venture chief, Mr Henry Chan, about Cyberport.",
    ],
)
def test_an_interview_of_someone_else_is_not_in_the_tracked_voice(intro: str) -> None:
    text = f"{intro}\n\nQ: How big is it?\n\nA: We have 1,900 companies."
    voice = section_voice(text, split_paragraphs(text), default_config())
    assert voice is None or not voice.speaker_tracked


def test_an_unattributed_quote_in_a_profile_of_the_head_is_the_heads() -> None:
    text = '"Demand keeps rising. We took in 120 teams last year."'
    (q,) = quote_regions(text, 0, len(text), default_config(), head_profiled=True)
    assert q.speaker_tracked
    (q,) = quote_regions(text, 0, len(text), default_config())
    assert not q.speaker_tracked and q.speaker_entity is None  # no profile: nobody's known


def test_a_quote_with_its_own_speaker_stays_theirs_in_a_profile() -> None:
    text = '"We closed a US$5 million round," said Tom Ho, founder of Lingang Group.'
    (q,) = quote_regions(text, 0, len(text), default_config(), head_profiled=True)
    assert not q.speaker_tracked and q.speaker_entity == "Lingang Group"


@pytest.mark.parametrize(
    ("text", "profiled"),
    [
        ("Profile\n\nJoan Ng has spent six years at Cyberport and now heads its incubation "
         "team.", True),
        ("Cyberport's venture chief on the year ahead\n\nWe met him at the campus.", True),
        ("Profile\n\nJoan Ng founded a payments start-up and moved it to Cyberport.", False),
        ("Profile\n\nCyberport Chairman Joan Ng looks back on the year.", True),
        ("Profile\n\nCyberport start-up boss Joan Ng looks back on the year.", False),
    ],
)  # fmt: skip
def test_a_text_profiles_a_head_of_the_tracked_organisation(text: str, profiled: bool) -> None:
    assert profiles_head(text, default_config()) is profiled


def test_an_interview_with_a_head_of_a_unit_at_the_organisation_profiles_its_head() -> None:
    config = default_config()
    head = "Winnie Cheung, Head of Web3 and Fintech Ecosystem Development at Cyberport, on growth."
    assert profiles_head(f"THE INTERVIEW\n\n{head}", config)
    founder = "Jo Lam, founder of Acme, at Cyberport."
    assert not profiles_head(f"THE INTERVIEW\n\n{founder}", config)


def test_an_interview_with_whoever_has_run_the_organisation_profiles_its_head() -> None:
    intro = "Dr Simon Tse has run Cyberport since 2015. We met him in his office."
    assert profiles_head(f"The Big Interview\n\n{intro}", default_config())
    assert not profiles_head(
        "The Big Interview\n\nJo Lam has run Acme since 2015.", default_config()
    )


@pytest.mark.parametrize(
    ("intro", "tracked"),
    [
        (
            "The delegation, led by Cyberport's Chief Public Mission Officer Ms. Winnie Tam, left.",
            True,
        ),
        ("The team was led by Ms. Winnie Tam, Chief Public Mission Officer of Cyberport.", True),
        ("Ms. Winnie Tam of Acme Ltd visited Cyberport and toured its labs.", False),
    ],
)
def test_a_speaker_named_by_surname_works_where_first_introduced(intro: str, tracked: bool) -> None:
    text = f'{intro}\n\n"Our community has 1,800 companies," said Ms. Tam.'
    para = text.index('"')
    (q,) = quote_regions(text, para, len(text), default_config())
    assert q.speaker_tracked is tracked
