"""Patterns compiled on first use: the same matches as the pattern compiled at once."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from etl.extract.lazy_patterns import LazyPattern, LazyPatterns

SOURCE = r"\b(?:start-?ups?|compan(?:y|ies))\b"


@given(st.text(alphabet="startupcompanies- ST", max_size=40))
def test_lazy_pattern_finds_what_the_compiled_pattern_finds(text: str) -> None:
    lazy, eager = LazyPattern(SOURCE, re.IGNORECASE), re.compile(SOURCE, re.IGNORECASE)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    found, expected = lazy.search(text, 1), eager.search(text, 1)
    assert (found and found.span()) == (expected and expected.span())
    at_start, expected = lazy.match(text), eager.match(text)
    assert (at_start and at_start.span()) == (expected and expected.span())


def test_lazy_pattern_compiles_once_when_first_run() -> None:
    lazy = LazyPattern(SOURCE, re.IGNORECASE)
    assert lazy._compiled is None
    assert lazy.search("Two Start-ups").group() == "Start-ups"
    assert lazy.compiled is lazy.compiled
    assert lazy.pattern == SOURCE and lazy.flags == re.IGNORECASE


def test_lazy_patterns_compile_only_the_names_asked_for() -> None:
    made: list[str] = []

    def build(name: str) -> re.Pattern[str]:
        made.append(name)
        return re.compile(name)

    patterns = LazyPatterns({"a+": lambda: build("a+"), "b+": lambda: build("b+")})
    assert patterns.compiled() == frozenset() and "a+" in patterns and "c" not in patterns
    assert patterns["a+"].match("aa") and patterns["a+"] is patterns["a+"]
    assert made == ["a+"] and patterns.compiled() == {"a+"}
