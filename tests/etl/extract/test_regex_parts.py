"""The literals a pattern needs, and end-anchored patterns read backwards."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.lexicon import lexicon
from etl.extract.regex_parts import (
    FEW_WORDS,
    any_of,
    for_lower_case,
    gated_search,
    last_match,
    literal_tests,
    lower_case_twin,
    may_match,
    required_literal_groups,
    required_literals,
    reversed_end_pattern,
    strength,
)

# Pieces that the cue patterns care about, glued at random: words, spaces, punctuation.
PIECES = ["by", "up", "Up", "an", "a", "increase", "of", "further", "net", "from", "rose",
          "compared", "with", "vs", ".", ",", " ", "  ", "\n", "\t", "x", "nearby", "ten",
          "versus", "growing", "alone", "BY", "-", "another", "Another"]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def test_required_literals_of_simple_patterns() -> None:
    assert required_literals(r"\bunicorns?\b") == {"unicorn"}
    assert required_literals(r"\b(?:AI|A\.I\.)\b.*\b(?:start-?ups|firms)\b") == {"start", "firms"}
    assert required_literals(r"\blisted\s+companies") == {"companies"}  # whitespace splits
    assert required_literals(r"\bfoo|bar?") is None or "bar" not in required_literals(r"foo|bar?")
    assert required_literals(r"(?:x\w*)?") is None  # nothing certain
    assert required_literals(r"[abc]+") is None


@given(st.text(alphabet="abcdefgh ", max_size=30))
def test_required_literals_are_in_every_match(text: str) -> None:
    for pattern in [r"ab+c|de(?:f|gh)", r"(?:abc)+d?", r"a\s+bc", r"(?:ab|cd)e{2,}"]:
        words = required_literals(pattern)
        for m in re.finditer(pattern, text):
            assert any(w in m.group() for w in words), (pattern, m.group(), words)


def test_reversed_patterns_of_the_lexicon_cues() -> None:
    fig = lexicon()["figures"]
    for key in ("delta_before", "comparison_before", "further_part_before"):
        assert reversed_end_pattern(re.compile(fig[key], re.IGNORECASE)) is not None


def test_unsupported_patterns_give_none() -> None:
    assert reversed_end_pattern(re.compile(r"abc")) is None  # no "$"
    assert reversed_end_pattern(re.compile(r"(?<=a)b$")) is None  # look-behind
    assert reversed_end_pattern(re.compile(r"(a)\1$")) is None  # back reference


@settings(max_examples=300)
@given(texts)
def test_reversed_match_agrees_with_search(text: str) -> None:
    fig = lexicon()["figures"]
    patterns = [
        re.compile(fig["delta_before"], re.IGNORECASE),
        re.compile(fig["comparison_before"], re.IGNORECASE),
        re.compile(fig["further_part_before"], re.IGNORECASE),
        re.compile(r"\bfrom\s+\S*\s*$", re.IGNORECASE),
        re.compile(r"[^a-z.][a-c-]?x{1,2}$"),
        re.compile(r"of$"),
    ]
    for p in patterns:
        back = reversed_end_pattern(p)
        assert back is not None
        assert (p.search(text) is not None) == (back.match(text[::-1]) is not None), p.pattern


def test_required_literal_groups_hold_every_necessary_set() -> None:
    pattern = r"\b(?:fin-?tech|financial[- ]technology)\s+(?:cluster|hub)\b"
    groups = required_literal_groups(pattern)
    assert frozenset({"cluster", "hub"}) in groups
    assert frozenset({"tech", "technology"}) in groups
    assert required_literals(pattern) == max(groups, key=strength)  # the strongest of them
    assert required_literal_groups(r"[abc]+") == []


@given(st.text(alphabet="abcdefgh ", max_size=30))
def test_every_literal_group_is_in_every_match(text: str) -> None:
    for pattern in [r"ab+c|de(?:f|gh)", r"(?:abc)+d?\s+(?:ef|gh)", r"a\s+bc", r"(?:ab|cd)e{2,}h"]:
        for m in re.finditer(pattern, text):
            for words in required_literal_groups(pattern):
                assert any(w in m.group() for w in words), (pattern, m.group(), words)


@given(
    st.lists(st.text(alphabet="abcde.", max_size=4), max_size=6),
    st.text(alphabet="abcde. ", max_size=20),
)
def test_any_of_finds_exactly_the_texts_holding_a_word(words: list[str], text: str) -> None:
    assert bool(any_of(words).search(text)) == any(w in text for w in words)


def test_lower_case_letters_match_as_ignoring_case() -> None:
    """What `for_lower_case` relies on: lower() keeps \\w, \\d, \\s, and (but for ı and ſ,
    which `safe_lower` refuses) a character matches an ASCII letter ignoring case exactly
    when its lower case is that letter."""
    word, digit, space = re.compile(r"\w"), re.compile(r"\d"), re.compile(r"\s")
    letters = [re.compile(c, re.IGNORECASE) for c in "abcdefghijklmnopqrstuvwxyz"]
    for i in range(0x110000):
        c = chr(i)
        low = c.lower()
        if len(low) != 1 or c in "ıſ":
            continue
        for p in (word, digit, space):
            assert bool(p.match(c)) == bool(p.match(low)), hex(i)
        if not c.isascii() and low == c and not c.isalpha():
            continue
        for x, p in zip("abcdefghijklmnopqrstuvwxyz", letters, strict=True):
            assert bool(p.match(c)) == (low == x), (hex(i), x)


@settings(max_examples=300)
@given(texts)
def test_for_lower_case_matches_alike_on_lower_cased_text(text: str) -> None:
    low = text.lower()
    for source in (
        r"\b(?:by|up|an?\s+increase\s+of|FY\s?)(?P<n>\d+|\w+)?\s*$",
        r"\b(?:(?:opened|set\s+up)\s+(?:[A-Za-z]+\s+){0,2}|(?:since|from)\s+)$",
        r"\S+\s+(?P<W>Vs\.?)\b",
    ):
        pattern = re.compile(source, re.IGNORECASE)
        twin = for_lower_case(pattern)
        assert twin.groupindex == pattern.groupindex
        assert [m.span() for m in twin.finditer(low)] == [m.span() for m in pattern.finditer(text)]


@given(texts)
def test_literal_tests_never_rule_out_a_match(text: str) -> None:
    pattern = re.compile(r"\b(?:further|net)\s+(?:increase|rose)\b|\bup\s+by\b", re.IGNORECASE)
    low = text.lower()
    if pattern.search(text):
        assert may_match(literal_tests(pattern.pattern), low)


def test_literal_tests_need_every_group() -> None:
    tests = literal_tests(r"\bthe\s+(?:[a-z]+\s+)?(?:programmes?|schemes?)\b")
    assert len(tests) == 2
    assert may_match(tests, "the new programme")
    assert not may_match(tests, "a new programme")  # no "the"
    assert not may_match(tests, "the new fund")
    assert may_match(tests, None)
    assert may_match(literal_tests(r"[abc]+"), "xyz")  # nothing known: nothing ruled out
    assert tests[1] == ("programme", "scheme")  # few words: tested as substrings
    many = literal_tests("|".join(f"w{i:02}x" for i in range(FEW_WORDS + 1)))
    assert isinstance(many[-1], re.Pattern) and may_match(many, "a w07x b")
    assert not may_match(many, "a w7x b")
    # A word outside ASCII is no test: re.IGNORECASE finds "ΟΔΟΣ" for "οδοσ", lower() "οδος".
    assert re.search("οδοσ", "ΟΔΟΣ", re.IGNORECASE) and "οδοσ" not in "ΟΔΟΣ".lower()
    assert literal_tests("οδοσ") == ()
    assert len(literal_tests(r"the\s+οδοσ")) == 1  # ("the" is still needed)


_GATED = [
    re.compile(r"\b(?:the|this|our)\s+(?:[\w-]+\s+){0,2}?(?:cluster|sector)\b", re.IGNORECASE),
    re.compile(r"\b(?:a\s+further|another)\s*$", re.IGNORECASE),
    re.compile(r"[A-Z]\w+\s+(?:rose|grew)"),
]


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from([*PIECES, "the", "Our", "cluster", "SECTOR", "ſector", "Kluster", "İ"]),
        max_size=10,
    ).map("".join),
    st.integers(0, 12),
    st.integers(0, 80),
)
def test_gated_search_finds_what_search_finds(text: str, pos: int, endpos: int) -> None:
    for p in _GATED:
        found, plain = gated_search(p, text, pos, endpos), p.search(text, pos, endpos)
        assert (found and found.span()) == (plain and plain.span()), p.pattern


def test_a_lower_case_twin_finds_in_lower_cased_text_what_its_pattern_finds() -> None:
    source = r"\b(?:Between|From)\s+(?P<m1>April|May)\s+(?:and|to)\s+(?P<m2>June|July)\b"
    pattern = re.compile(source, re.IGNORECASE)
    twin = lower_case_twin(source, re.IGNORECASE)
    assert not twin.flags & re.IGNORECASE
    for text in ("Sales rose BETWEEN April and JULY.", "from may to june", "Between May"):
        assert [m.span() for m in twin.finditer(text.lower())] == [
            m.span() for m in pattern.finditer(text)
        ]


def test_no_lower_case_twin_for_a_part_read_case_by_case() -> None:
    with pytest.raises(ValueError):
        lower_case_twin(r"(?-i:HK)\$", re.IGNORECASE)


def test_last_match_is_the_last_of_finditer_within_the_bounds() -> None:
    pattern = re.compile(r"\b(?:they|these companies)\b", re.IGNORECASE)
    s = "They said these companies grew, and they raised HK$68 million."
    assert last_match(pattern, s).group() == "they"
    assert last_match(pattern, s, 0, s.index(", and")).group() == "these companies"
    assert last_match(pattern, s, 5, 10) is None
    assert last_match(pattern, "No pronoun here.") is None
