"""How a figure stands to a set named around it: a part of a set named before it ("...,
seven of which are unicorns", "including 400 in fintech") or after it ("80 of our
companies"), the organisation's own sets, and "the number of <noun>"."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.lexicon import lexicon, phrases_re

# What opens "the number of <noun> <words>": its noun is what the figure counts.
NUMBER_OF = re.compile(r"\b(?:numbers?|total|count|tally)\s+of\s+", re.IGNORECASE)

OF_SET = re.compile(
    r"[*_]*\s+of\s+(?:(?:[\w’'-]+\s+){0,2}[\w’'-]+['’]s\s+|"  # "of the hub's" before "of the"
    r"the\s+|its\s+|our\s+|their\s+|his\s+|her\s+|those\s+|these\s+)"
    r"(?:(?:more\s+than|over|about|around|some|nearly|almost|roughly)\s+(?=\d))?"
    r"(?:\d[\d,.]*\s+)?(?:[*_]+)?",
    re.IGNORECASE,
)
_SET_OPENER_WINDOW = 90  # "including 400 in fintech and over 150 in Web3" (the second too)


@cache
def of_them() -> re.Pattern[str]:
    """The words between a bare figure and its predicate; group "set" is a pronoun of the set."""
    f = lexicon()["figures"]
    return re.compile(
        rf"[*_]*\s*(?:of\s+(?P<set>{phrases_re(f['set_pronouns'])})\s+)?"
        rf"(?:(?:{phrases_re(f['predicate_adverbs'])})\s+)*"
        rf"(?:(?:{phrases_re(f['predicate_auxiliaries'])})\s+(?:(?:{phrases_re(f['predicate_adverbs'])})\s+)*)?"
        rf"(?:(?:{phrases_re(f['predicate_verbs'])})\s+(?:(?:{phrases_re(f['predicate_adverbs'])})\s+)*)?",
        re.IGNORECASE,
    )


def of_a_set(s: str, end: int) -> bool:
    """Whether the figure ending at `end` is a part of a set named after it ("80 of our
    companies", "six of Hong Kong's unicorns"): a clause, not a label's value."""
    return OF_SET.match(s, end) is not None


def opens_set(s: str, start: int) -> bool:
    """Whether the figure at `start` follows a word that opens a part of a set ("including")."""
    return _set_openers().search(s, max(0, start - _SET_OPENER_WINDOW), start) is not None


def part_of_set(s: str, start: int, end: int) -> bool:
    """Whether the figure at s[start:end] counts a part of a set named before it in its
    sentence ("..., seven of which are unicorns", "..., including 400 in fintech")."""
    if opens_set(s, start):
        return True
    m = of_them().match(s, end)
    return bool(m and m.group("set"))


@cache
def _set_openers() -> re.Pattern[str]:
    return re.compile(lexicon()["figures"]["set_openers"], re.IGNORECASE)


@cache
def generic_sets() -> frozenset[str]:
    return frozenset(lexicon()["figures"]["partitive_generic_metrics"])


@cache
def own_set() -> re.Pattern[str]:
    """ "of its", "of our", "of the community's": a set of the organisation's own."""
    heads = phrases_re(lexicon()["organisations"]["described_heads"])
    return re.compile(rf"[*_]*\s+of\s+(?:its|our|the\s+(?:{heads})['’]s)\s", re.IGNORECASE)


@cache
def member_sets() -> frozenset[str]:
    return frozenset(lexicon()["figures"]["member_sets"])


@cache
def cluster_word() -> re.Pattern[str]:
    """A cluster named in a set ("of the cluster's members"): the lexicon's cluster nouns."""
    words = phrases_re(lexicon()["organisations"]["described_clusters"])
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


@cache
def set_noun() -> str:
    """The noun a partitive's set stands for when it is a pronoun ("of them": companies)."""
    return str(lexicon()["figures"]["set_noun"])
