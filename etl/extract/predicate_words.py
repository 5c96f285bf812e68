"""What the words right after a figure say of it: the verb its predicate opens with, an
aside before that verb, a place it stands in, and where another clause opens."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.lexicon import lexicon, phrases_re


@cache
def verbs() -> str:
    """The verbs a predicate opens with, as an alternation."""
    f = lexicon()["figures"]
    return phrases_re(f["predicate_verbs"] + f["predicate_auxiliaries"])


@cache
def set_place() -> re.Pattern[str]:
    """Where the members of a set are, between the set and its verb: " in our community "."""
    return re.compile(
        rf"\s+(?:in|at|on|within|across)\s+(?:[\w'’-]+\s+){{1,3}}?(?=(?:{verbs()})\b)", re.I
    )


@cache
def comma_aside() -> re.Pattern[str]:
    """An aside between commas right before a verb: ", a lending platform and a logistics
    company, have become ..."."""
    return re.compile(rf",\s[^,;:.!?\d]{{1,80}}?,\s*(?=(?:{verbs()})\b)", re.IGNORECASE)


@cache
def verb_re() -> re.Pattern[str]:
    return re.compile(rf"\s(?:{verbs()})\b", re.IGNORECASE)


# Where a figure with no noun is, right after it: "900 on the campus", "1,100 off-site".
PLACE_FIRST = re.compile(
    r"[\s*_]*(?:(?:working|based|located|operating)\s+(?=from\s))?"
    r"(?:(?:on|off|at|in|inside|outside|elsewhere|from)\b|o(?:n|ff)-?site\b)[^\d/|;]*",
    re.I,
)  # (and a participle before "from": "..., with 812 operating from the campus")


ITEM = re.compile(r"\s*(?:[-–•*▪]|\d{1,2}[.)])\s")  # a list's item


_CLAUSE_OPENERS = frozenset({"as", "while", "whereas", "when"})
_JOINERS = frozenset({"and", "but"})
_AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "also"})


def own_words(words: list[str]) -> list[str]:
    """The words after a figure's noun up to a word that opens another clause: "1,250
    companies as second unicorn emerges" (not "as of"), "140 companies and has admitted 88"
    (not "on-site and off-site start-ups")."""
    for k, w in enumerate(words):
        low, nxt = w.lower(), (words[k + 1].lower() if k + 1 < len(words) else "")
        if (low in _CLAUSE_OPENERS and nxt not in ("of", "at", "well", "such")) or (
            low in _JOINERS and nxt in _AUXILIARIES
        ):
            return words[:k]
    return words
