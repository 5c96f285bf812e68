"""Capitalised words that name no organisation: a field ("Web3 is now ..."), a number word
("Four have listed"), a fact-sheet label ("Markets reached: 20"), a metric's word ("Unicorns
nurtured 3")."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.lexicon import lexicon
from etl.extract.metrics import classify
from etl.extract.number_words import NUMBER_WORD_SET

# What may stand before a sentence's first word: list marks, a paragraph number, emphasis.
_OPENING_MARKS = re.compile(
    r"[\s\-•*–#>_]*(?:\d{1,3}[.)]\s+|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+)?[\s*_]*"
)  # (a list's mark and its number or letter: "1. ", "- (b) ")
# The figure that opens a line, after its marks: "- 1,850+ ", "Over HK$46 billion ".
_OPENING_FIGURE = re.compile(
    r"[\s\-•*–#>_]*(?:[~≈]\s?)?(?:[A-Z]{0,3}\$)?\d[\d,.]*(?:\s?(?:bn|m|billion|million))?[+%]?\s+"
)
# A fact-sheet line: a label, a colon, then a short value.
_LABEL_LINE = re.compile(r"[^:\n]{2,80}:\s*\S[^:\n]{0,40}")


def names_no_one(text: str, a: int, name: str, start: int, end: int) -> bool:
    """Whether `name`, capitalised words read as a subject at `a` in text[start:end], name no
    one: a field ("so Web3 is now ...") wherever it stands, or a common word capitalised only
    for its place at the opening of its sentence."""
    return name in _unnamed() or _common_word_opening(text, a, name, start, end)


@cache
def _unnamed() -> frozenset[str]:
    """Capitalised words that name no one wherever they stand ("so Web3 is now ...")."""
    return frozenset(lexicon()["figures"]["unnamed_capitals"])


def _common_word_opening(text: str, a: int, name: str, start: int, end: int) -> bool:
    """Whether `name`, one word opening its sentence, is a common word capitalised only for
    its place: a number word ("Four have listed"), a fact-sheet label ("Markets reached: 20")
    or a word that names what a metric counts ("Unicorns nurtured 3", "Fintech has become the
    largest cluster")."""
    if name.lower() in NUMBER_WORD_SET:
        return True  # "Four have listed": a count with its noun left out, not a name
    if " " in name:
        return False
    if not _OPENING_MARKS.fullmatch(text, start, a):
        # (or right after the figure that opens a tile's line: "- 7 Unicorns nurtured at ...")
        lead = _OPENING_FIGURE.match(text, start, a)
        return lead is not None and lead.end() == a and _metric_word(name.lower())
    if _LABEL_LINE.fullmatch(text, a, end):
        return True
    if _plural_opening(name) and (
        _plural_verb().match(text, a + len(name), end)
        or _PARTICIPLE_BY.match(text, a + len(name), end)
    ):  # "Founders now come from 35 countries", "Funds raised by its companies stood at"
        return True  # a plural noun, no one's name
    if _written_in_lower_case(text, name):
        return True  # "Growth was strongest in FinTech" where the text says "growth" too
    return _metric_word(name.lower())


def _written_in_lower_case(text: str, word: str) -> bool:
    """Whether the text writes `word` in lower case somewhere: a common word, capitalised
    only where it opens a sentence."""
    low = word.lower()
    if len(word) < 4 or not word.isalpha() or word[1:] != low[1:]:
        return False
    if low not in text:  # (a substring test first: most capitalised words never are)
        return False
    return re.search(rf"(?<![\w-]){low}(?![\w-])", text) is not None


_PARTICIPLE_BY = re.compile(r"\s+[a-z]+ed\s+by\b")  # (a noun's participle, not its verb)


def _plural_opening(word: str) -> bool:
    """Whether a capitalised word looks like a plural noun ("Founders", not "Siemens Ltd")."""
    return len(word) > 3 and word[1:].islower() and word.endswith("s") and not word.endswith("ss")


@cache
def _plural_verb() -> re.Pattern[str]:
    """A verb in the plural after a sentence's first word, adverbs before it."""
    w = lexicon()["figures"]
    adverbs = "|".join(map(re.escape, w["predicate_adverbs"]))
    verbs = "|".join(map(re.escape, w["plural_verbs"]))
    return re.compile(rf"\s+(?:(?:{adverbs})\s+)*(?:{verbs})\b", re.IGNORECASE)


@cache
def _metric_word(word: str) -> bool:
    """A word that names what some metric counts, alone or before the set's noun ("fintech")."""
    fig = lexicon()["figures"]
    if any(classify(word, "", "", kind, 1.0) is not None for kind in ("count", "money")):
        return True  # (or a bare figure's: "Admissions have continued")
    if classify(word, "", "", "count", 1.0, bare=True) is not None:
        return True
    found = classify(f"{word} {fig['set_noun']}", "", "", "count", 1.0)  # "Fintech" (companies)
    return found is not None and found.metric not in fig["partitive_generic_metrics"]
