"""Word lists as patterns: the tree form matches exactly what the flat list of phrases did."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.lexicon import (
    expand_shorthand,
    is_word_char,
    key_words,
    lexicon,
    may_hold,
    may_hold_all,
    may_hold_phrase,
    needed_words,
    phrase_words_by_longest,
    phrases_re,
    safe_lower,
)


def flat_re(phrases: list[str]) -> str:
    """The alternation as it was written before the tree form: longest phrase first."""
    parts = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in parts)


LISTS = [
    lexicon()["organisations"]["territory"],
    lexicon()["organisations"]["places"],
    lexicon()["organisations"]["other_definites"],
    lexicon()["attribution"]["titles"],
    lexicon()["attribution"]["prepositions"],
    lexicon()["qualifiers"]["over"] + lexicon()["qualifiers"]["about"],
    ["ab", "abc", "abd", "a b", "A  b c", "b"],
]
WORDS = sorted({w for phrases in LISTS for p in phrases for w in p.split()})
texts = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from([" ", "  ", "\n", ", ", "-", "x"])),
    max_size=14,
).map("".join)


@settings(max_examples=300)
@given(texts, st.booleans())
def test_tree_and_flat_alternations_find_the_same(text: str, ignore_case: bool) -> None:
    flags = re.IGNORECASE if ignore_case else 0
    variants = [text, text.upper(), text.title()]
    for phrases in LISTS:
        for wrap in (r"(?<![\w-])(?:{})(?![\w-])", r"\b(?:{})\s*$", r"(?:{})"):
            tree = re.compile(wrap.format(phrases_re(phrases, ignore_case)), flags)
            flat = re.compile(wrap.format(flat_re(phrases)), flags)
            for t in variants:
                assert [m.span() for m in tree.finditer(t)] == [m.span() for m in flat.finditer(t)]


def test_tree_shares_beginnings() -> None:
    assert phrases_re(["Hong Kong", "Hong Kong SAR"]) == r"hong\s+kong(?:\s+sar|)"
    assert phrases_re(["The X", "the y"], ignore_case=False) in (
        r"(?:The\s+X|the\s+y)",
        r"(?:the\s+y|The\s+X)",
    )
    assert phrases_re(["The X", "the y"]) in (r"the\s+(?:x|y)", r"the\s+(?:y|x)")
    assert phrases_re(["café", "cab"]) == "café|cab"  # not plain ASCII: the flat list


def test_key_words_and_safe_lower() -> None:
    assert key_words(["Hong Kong SAR", "the city"]) == {"hong", "city"}
    assert key_words(["Hong Kong SAR", "the city"], first=True) == {"hong", "the"}
    assert key_words(["~", "over"]) is None
    # A common word is a key word only when the phrase has no other.
    assert key_words(["the SAR", "the city", "the"]) == {"sar", "city", "the"}
    assert safe_lower("İstanbul") is None
    assert safe_lower("ABC") == "abc"


@settings(max_examples=300)
@given(st.characters())
def test_is_word_char_is_what_backslash_w_matches(c: str) -> None:
    assert is_word_char(c) == bool(re.fullmatch(r"\w", c))


def test_wire_shorthand_is_written_out_as_whole_words() -> None:
    from etl.extract.lexicon import expand_shorthand

    assert expand_shorthand("~900 cos, incl 3 unicorns") == "~900 companies, including 3 unicorns"
    assert expand_shorthand("a yr later, two Yrs on") == "a year later, two years on"
    # Inside a word, a hyphenated compound or a formula it stays: "Costs", "cos2x", "yr-end".
    for words in ("Costs rose", "cos2x", "ecos", "yr-end", "$cos", "it's cos'", "cos(x)"):
        assert expand_shorthand(words) == words


_PHRASES = ["machine translation", "auto-translated", "same period", "去年同期", "Year"]


def test_needed_words_are_each_phrase_longest_word_in_lower_case() -> None:
    assert set(needed_words(_PHRASES)) == {
        "translation",
        "auto-translated",
        "period",
        "去年同期",
        "year",
    }
    assert needed_words(["Ärger ahead"]) is None  # a cased non-ASCII phrase: nothing ruled out
    assert needed_words(["a b", " "]) is None


@given(
    st.text(
        alphabet=st.sampled_from(list("machine translatedpriodyY-\u212aſıİ 去年同期\n")),
        max_size=40,
    )
)
@settings(max_examples=300)
def test_may_hold_is_false_only_where_the_phrases_cannot_match(text: str) -> None:
    pattern = re.compile(rf"\b(?:{phrases_re(_PHRASES)})\b", re.IGNORECASE)
    if not may_hold(text, 0, len(text), needed_words(_PHRASES)):
        assert pattern.search(text) is None


def test_may_hold_finds_a_word_in_any_case() -> None:
    words = needed_words(_PHRASES)
    assert may_hold("In the Same PERIOD", 0, 18, words)
    assert not may_hold("In the same month", 0, 17, words)
    assert not may_hold("xx same PERIOD", 0, 8, words)  # only text[start:end] is read


@given(
    st.text(
        alphabet=st.sampled_from(list("machine translatedpriodyY-\u212aſıİ 去年同期\n")),
        max_size=40,
    )
)
@settings(max_examples=300)
def test_may_hold_phrase_is_false_only_where_the_phrases_cannot_match(text: str) -> None:
    pattern = re.compile(rf"\b(?:{phrases_re(_PHRASES)})\b", re.IGNORECASE)
    words = phrase_words_by_longest(_PHRASES)
    if not may_hold_phrase(text, 0, len(text), words):
        assert pattern.search(text) is None
    if may_hold_phrase(text, 0, len(text), words):  # it rules out no less than may_hold
        assert may_hold(text, 0, len(text), needed_words(_PHRASES))


def test_may_hold_phrase_needs_every_word_of_a_phrase() -> None:
    words = phrase_words_by_longest(_PHRASES)
    assert words is not None and words["period"] == (("same",),)
    assert may_hold_phrase("over the SAME Period", 0, 20, words)
    assert not may_hold_phrase("the period after", 0, 16, words)  # "period" without "same"
    assert may_hold_phrase("去年同期", 0, 4, words)
    assert phrase_words_by_longest(["Ärger ahead"]) is None
    assert may_hold_phrase("anything", 0, 8, None)


_GROUPS = st.lists(
    st.one_of(st.none(), st.lists(st.sampled_from(["period", "year", "去年", "ma", "tr"]))
              .map(tuple)),
    max_size=4,
)  # fmt: skip


@given(
    st.text(
        alphabet=st.sampled_from(list("machine translatedpriodYY-\u212aſıİ 去年同期")), max_size=30
    ),
    _GROUPS,
    st.integers(0, 30),
    st.integers(0, 30),
)
@settings(max_examples=300)
def test_may_hold_all_is_may_hold_of_each_group(
    text: str, groups: list[tuple[str, ...] | None], start: int, end: int
) -> None:
    want = all(may_hold(text, start, end, words) for words in groups)
    assert may_hold_all(text, start, end, groups) == want


def test_may_hold_all_needs_every_group() -> None:
    assert may_hold_all("In the same PERIOD last Year", 0, 28, [("period",), ("year", "month")])
    assert not may_hold_all("In the same PERIOD", 0, 18, [("period",), ("year", "month")])
    assert not may_hold_all("x year PERIOD", 0, 6, [("period",), ("year",)])  # text[0:6] only
    assert may_hold_all("İ nothing", 0, 9, [("period",)])  # unsure case: nothing ruled out
    assert may_hold_all("anything", 0, 8, [None, None])


def test_a_headings_no_of_is_a_number_of() -> None:
    assert expand_shorthand("No. of community companies") == "number of community companies"
    assert expand_shorthand("Nos. of start-ups") == "numbers of start-ups"
    assert expand_shorthand("no companies, no fees") == "no companies, no fees"


_MIXED = st.text(
    alphabet=st.sampled_from(list("abcAB Kk?.\u0130\u212a\u0131\u017f\u00e9\u2019\u4e2d"))
)


@given(_MIXED, st.lists(st.text(alphabet="abk?", min_size=1, max_size=3), min_size=1, max_size=3))
@settings(max_examples=300)
def test_may_hold_on_text_that_is_not_ascii_is_the_plain_lower_cased_test(
    text: str, words: list[str]
) -> None:
    low = safe_lower(text)
    expected = True if low is None else any(w in low for w in words)
    assert may_hold(text, 0, len(text), tuple(words)) == expected
