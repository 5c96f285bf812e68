"""The noun phrase after a figure: where it stops, and a list of modifiers before one noun."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.noun_phrases import _NP_NUMBER_WORDS, _SERIAL, _SERIAL_HEAD, NP_STOP, noun_phrase
from tests.etl.extract.test_metrics import metric_of


def test_noun_phrase_stops_at_links_and_figures() -> None:
    text = " listed companies and 7 unicorns"
    a, b = noun_phrase(text, 0, len(text))
    assert text[a:b] == " listed companies"
    text2 = " companies in the park"
    assert text2[slice(*noun_phrase(text2, 0, len(text2)))] == " companies"


def test_noun_phrase_stops_at_a_number_word() -> None:
    text = " listed firms and nine unicorns"
    assert text[slice(*noun_phrase(text, 0, len(text)))] == " listed firms"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (" start-ups and the community keeps growing", " start-ups"),
        (" companies and its founders come from 40 places", " companies"),
        (" start-ups and technology companies", " start-ups and technology companies"),
    ],
)
def test_and_before_a_determiner_opens_another_phrase(text: str, phrase: str) -> None:
    """ "2,100 start-ups and the community keeps growing": "and the" starts a noun phrase of
    its own (the next clause's subject), not the last noun of a list."""
    assert text[slice(*noun_phrase(text, 0, len(text)))] == phrase


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            " IT, media and telecommunications companies, ranging from",
            " IT, media and telecommunications companies",
        ),
        (" IT, retail and logistics firms in the park", " IT, retail and logistics firms"),
        # A plural before the comma is the phrase's head: what follows is another clause.
        (" companies, Cyberport and Science Park said", " companies"),
        (" IT, and more", " IT"),  # no list of modifiers after the comma
    ],
)
def test_a_list_of_modifiers_before_one_noun_is_one_phrase(text: str, phrase: str) -> None:
    assert text[slice(*noun_phrase(text, 0, len(text)))] == phrase
    if phrase.endswith(("companies", "firms")) and "," in phrase:
        assert metric_of(phrase, "count", before="Cyberport is home to more than") == "companies"


def _tokens_end(text: str, start: int, limit: int) -> int:
    """Where reading token by token over the whole rest of the text ends the phrase."""
    token = re.compile(r"\s*(\([A-Z][\w&-]{1,9}\)|[A-Za-z](?:[\w&'’-]|\.(?=\w))*|\S)")
    stops = NP_STOP | _NP_NUMBER_WORDS
    pos = end = start
    for _ in range(8):
        m = token.match(text, pos, limit)
        word = m and (m.group(1)[0].isalpha() or len(m.group(1)) > 1)  # "(ICT)" is a word
        caps = word and len(m.group(1)) > 1 and m.group(1).isupper()  # "IT", not "it"
        if not word or m.group(1).lower() in _NP_NUMBER_WORDS:
            break
        if m.group(1).lower() in NP_STOP and not caps:
            break
        if m.group(1).lower() == "and":
            nxt = token.match(text, m.end(), limit)
            if not nxt or not nxt.group(1)[0].isalpha() or nxt.group(1).lower() in stops:
                break
        pos = end = m.end()
    return end


def _phrase_end_by_tokens(text: str, start: int, limit: int) -> int:
    """The noun phrase's end, read token by token; past a comma, a list of modifiers before
    one noun goes on to its last item's phrase."""
    end = _tokens_end(text, start, limit)
    comma = text.find(",", end, limit)
    if comma >= 0 and not text[end:comma].strip() and _SERIAL_HEAD.fullmatch(text, start, comma):
        serial = _SERIAL.match(text, comma, limit)
        if serial:
            return _tokens_end(text, serial.end() - 1, limit)
    return end


PHRASE_PIECES = [" ", "  ", "companies", "start-ups", "and", "in", "seven", "7", ",", ";", ":",
                 "(", ")", '"', "“", "Co.Ltd", "Ltd.", ".", "-", "’s", "firms", "AI", "listed",
                 "\n", "café", "Ⅻ", "é", "(ICT)", "(AI", "IT", "media"]  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PHRASE_PIECES), max_size=20).map("".join), st.integers(0, 3))
def test_noun_phrase_reads_no_further_than_a_full_reading(text: str, start: int) -> None:
    """The phrase is looked up by the text up to its first stop mark: it ends where reading
    every token to the end of the text would end it."""
    start = min(start, len(text))
    assert noun_phrase(text, start, len(text)) == (
        start,
        _phrase_end_by_tokens(text, start, len(text)),
    )


def test_a_verb_of_coming_ends_the_phrase_after_a_figure() -> None:
    s = "of which HK$90 million came in 2015 alone"
    start = s.index("million") + len("million")
    assert noun_phrase(s, start, len(s)) == (start, start)
