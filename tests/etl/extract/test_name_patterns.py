"""The name patterns of a tracked configuration, and the key words that gate them."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from etl.config import load_config
from etl.extract.lexicon import phrases_re
from etl.extract.name_patterns import (
    _whole_words,
    ascii_words,
    key_hits,
    patterns,
    tracked_names,
    tracked_words,
)
from tests.paths import ROOT

CYBERPORT = load_config(ROOT / "etl" / "data" / "tracked.toml")


def test_key_hits_are_whole_words_in_order() -> None:
    p = patterns(CYBERPORT)
    text = "At Hong Kong, hong-kong and Hongkong; the park."
    hits = key_hits(p, text, 3, len(text))
    assert hits is not None
    assert {"hong", "the", "park"} <= hits.words and "hongkong" not in hits.words
    assert hits.positions(frozenset({"hong", "park"})) == [3, 14, 42]
    assert key_hits(p, "ſix", 0, 3) is None


def test_key_hits_reach_is_the_end_of_the_last_whole_word() -> None:
    p = patterns(CYBERPORT)
    text = "Cyberport has grown; it hasn't, has it? Hash."
    hits = key_hits(p, text, 0, len(text))
    assert hits is not None
    assert hits.reach(frozenset({"has"})) == text.index("has it") + 3
    assert hits.reach(frozenset({"nothing"})) == 0


def test_tracked_words_need_a_tracked_name_place_word_we_or_it() -> None:
    words = tracked_words(CYBERPORT)
    assert words is not None
    for text in ("cyberport grew", "the park grew", "we grew", "its firms grew", "community"):
        assert words.search(text), text
    for text in ("investhk grew", "the city grew", "itself", "parking"):
        assert not words.search(text), text


_WORDS = st.sets(st.text(alphabet="abkpKé-_ 1\t", min_size=0, max_size=4), min_size=1, max_size=6)


@given(_WORDS, st.text(alphabet="abkpKé-_ 1.A\t", max_size=30))
def test_whole_words_finds_what_a_plain_word_boundary_search_finds(
    words: set[str], text: str
) -> None:
    plain = re.compile(rf"\b(?:{phrases_re(sorted(words))})\b")
    assert _whole_words(words).findall(text) == plain.findall(text)


def test_whole_words_of_the_configuration_agree_with_a_plain_search() -> None:
    p = patterns(CYBERPORT)
    text = "hong kong's park-side cyberport, the park; we, it and 5g: -the park_"
    for found, words in ((p.key_words, sorted(p.lists_of)), (p.tracked_words, None)):
        plain = re.compile(r"\b(?:" + found.pattern.split(r"\b(?:", 1)[1])
        assert found.findall(text) == plain.findall(text) and found.findall(text)
        assert words is None or set(found.findall(" ".join(words))) >= set(words)


_NAME_PIECES = ["Cyberport", "CYBERPORT", "Hong Kong", "hong  kong", " Cyberport", "-", "'s", " ",
                "Management Company Limited", "Cyber", "port", "x", "ſ", "\n"]  # fmt: skip


@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=10).map("".join))
def test_tracked_names_are_what_the_tracked_pattern_finds(text: str) -> None:
    found = [m.span() for m in tracked_names(text, CYBERPORT)]
    assert found == [m.span() for m in patterns(CYBERPORT).tracked.finditer(text)]


# Patterns that open with their first capital, the look-behind after it, against their plain
# forms (look-behind first).
_OPENINGS = {
    "acronym": (r"[A-Z](?<![\w-][A-Z])", r"(?<![\w-])[A-Z]"),
    "proper_subject": (r"([A-Z](?<!\w[A-Z])", r"\b([A-Z]"),
    "described": (r"[Tt](?<![\w-][Tt])he", r"(?<![\w-])[Tt]he"),
}
_CAPITAL_PIECES = ["CIP", "ABC", "Acme", "The", "the", "hub", "Pok Fu Lam", "Web3", " ", "-",
                   "has", "admitted", "is", "cluster", "s", "x1", "é", "&", "."]  # fmt: skip


@given(st.lists(st.sampled_from(_CAPITAL_PIECES), max_size=10).map("".join))
def test_patterns_opening_with_a_capital_find_what_their_plain_forms_find(text: str) -> None:
    p = patterns(CYBERPORT)
    for name, (opening, plain_opening) in _OPENINGS.items():
        pattern = getattr(p, name)
        assert pattern.pattern.startswith(opening), name
        plain = re.compile(plain_opening + pattern.pattern[len(opening) :], pattern.flags)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], name


def test_a_known_name_is_found_whatever_its_case_and_spacing() -> None:
    p = patterns(CYBERPORT)
    name = p.known_name("Science Park")
    assert name is not None
    assert p.known_name("science  park") == name == p.known_name(" SCIENCE PARK ")
    assert p.known_name("the Pok Fu Lam hub") is None


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_ascii_word_runs_are_what_a_word_pattern_finds(text: str) -> None:
    assert ascii_words(text) == re.findall(r"\w+", text)


def test_no_ascii_word_runs_for_other_text() -> None:
    assert ascii_words("caf\u00e9 society") is None
