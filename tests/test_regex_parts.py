"""The literals a pattern needs, and end-anchored patterns read backwards."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.lexicon import lexicon
from etl.regex_parts import (
    required_literal_groups,
    required_literals,
    reversed_end_pattern,
    strength,
)

# Pieces that the cue patterns care about, glued at random: words, spaces, punctuation.
PIECES = ["by", "up", "Up", "an", "a", "increase", "of", "further", "net", "from", "rose",
          "compared", "with", "vs", ".", ",", " ", "  ", "\n", "\t", "x", "nearby", "ten",
          "versus", "growing", "alone", "BY", "-"]  # fmt: skip
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
    for key in ("delta_before", "comparison_before"):
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
