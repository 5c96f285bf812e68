"""The lexicon cues a sentence's surroundings are read with, compiled once.

Words that point at the place the text is about ("here", "on our campus") or back at one named
before ("there"); references to a cluster; a count said to exist now ("today there are
over"); a verb right before a figure ("it was about 600"); and the time phrases a date may
not have been read from. The word lists are in etl/data/lexicon.toml.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from etl.extract.asof import find_dates
from etl.extract.lexicon import lexicon, needed_words, phrases_re


@cache
def here_words() -> re.Pattern[str]:
    words = phrases_re(lexicon()["attribution"]["here_words"])
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


@cache
def cluster_refs() -> re.Pattern[str]:
    return re.compile(lexicon()["figures"]["cluster_refs"], re.IGNORECASE)


@cache
def existential() -> re.Pattern[str]:
    """A count said to exist now right before a figure: "Today there are over", "there are now
    about" (a qualifier may stand before the figure)."""
    f, q = lexicon()["figures"], lexicon()["qualifiers"]
    times, verbs = phrases_re(f["existential_times"]), phrases_re(f["existential_verbs"])
    quals = phrases_re([*q["over"], *q["about"], *q["nearly"]])
    return re.compile(
        rf"(?:\b(?:{times})\s*,?\s+(?:{verbs})|\b(?:{verbs})\s+(?:{times}))"
        rf"\s+(?:(?:{quals})\s+)?[*_]*(?=\d)",
        re.IGNORECASE,
    )


@cache
def there_words() -> re.Pattern[str]:
    words = phrases_re(lexicon()["attribution"]["there_words"])
    return re.compile(rf"\b(?:{words})\b(?!\s+(?:is|are|was|were)\b)", re.IGNORECASE)


@cache
def back_subject() -> re.Pattern[str]:
    """A sentence's subject pointing back at the set counted before ("these Web3 companies")."""
    return re.compile(lexicon()["attribution"]["back_subject_opening"], re.IGNORECASE)


@cache
def verb_before() -> re.Pattern[str]:
    """A verb (and a qualifier) right before a figure: "it was about 600", "it counts five"."""
    f, q = lexicon()["figures"], lexicon()["qualifiers"]
    quals = phrases_re([*q["over"], *q["about"], *q["nearly"], *q["up_to"]])
    verbs = phrases_re([*f["predicate_verbs"], *f["predicate_auxiliaries"], *f["count_verbs"]])
    return re.compile(rf"\b(?:{verbs})\s+(?:(?:{quals})\s+)?[*_]*$", re.IGNORECASE)


@cache
def unread_time() -> re.Pattern[str]:
    return re.compile(lexicon()["figures"]["time_phrases"], re.IGNORECASE)


@cache
def complement_before() -> re.Pattern[str]:
    """A word right before a figure that makes it the rest of a set ("the other 260")."""
    words = phrases_re(lexicon()["figures"]["complement_words"])
    return re.compile(rf"\b(?:{words})\s+[*_]*$", re.IGNORECASE)


@cache
def zero_said() -> re.Pattern[str]:
    """A zero said in words after a verb that has or counts ("had **none**", "counted zero");
    group "zero" is the word."""
    f = lexicon()["figures"]
    verbs, zeros = phrases_re(f["zero_verbs"]), phrases_re(f["zero_words"])
    not_before = phrases_re(f["zero_not_before"])
    return re.compile(
        rf"\b(?:{verbs})\s+[*_]*(?P<zero>{zeros})\b(?![*_]*\s+(?:{not_before})\b)",
        re.IGNORECASE,
    )


@cache
def zero_words() -> tuple[str, ...] | None:
    """A word each zero said in words holds (`zero_said`), for a test before its search."""
    return needed_words(lexicon()["figures"]["zero_words"])


def then_and_now(before: str, text: str, anywhere: bool = False) -> bool:
    """Whether sentence `text` opens with now after a sentence `before` that opens with an
    earlier time ("Five years ago, our community had about 1,200 companies." / "Today we have
    more than 2,100."): the second says the first's count again, for now. `anywhere`: the
    earlier time may stand anywhere in `before` (a clause of the same sentence: "When I took
    over in 2020 we had about 1,500; today we are close to 2,000")."""
    if not _NOW_OPENING.match(text):
        return False
    reach = len(before) if anywhere else min(len(before), _OPENING_CHARS)
    dates = find_dates(before, 0, reach, _ANY_DAY)
    return any((anywhere or d.start <= _OPENING_SLACK) and d.as_of is not None for d in dates)


def now_clause(s: str, end: int) -> tuple[int, int] | None:
    """Where the last clause opening with now before `end` is set off: the span of the mark
    or word that joins it to the clause before, or None."""
    found = list(_NOW_CLAUSE.finditer(s, 0, end))
    return found[-1].span() if found else None


def names_the_figure(text: str, end: int) -> bool:
    """Whether the words before a bare figure call it the count named before ("As recently as
    2019 the figure was about 1,400", "That number has since risen to 2,000")."""
    return _anaphor_re().search(text, 0, end) is not None


def names_the_kind(np: str) -> bool:
    """Whether a figure's noun phrase calls its noun the kind named before ("60 such
    companies")."""
    return _noun_anaphor_re().match(np) is not None


@cache
def _noun_anaphor_re() -> re.Pattern[str]:
    words = phrases_re(lexicon()["figures"]["noun_anaphors"])
    return re.compile(rf"\s*(?:{words})\s", re.I)


@cache
def _anaphor_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w-])(?:{phrases_re(lexicon()['figures']['figure_anaphors'])})(?![\w-])", re.I
    )


_NOW = r"(?:today|now|these\s+days|currently|at\s+present)\b"
_NOW_OPENING = re.compile(rf"\W*{_NOW}", re.I)
# Where a clause saying a count again for now starts: after a semicolon, or after "and",
# "but" or "while" ("We passed 2,000 at the end of last year, and today we have 2,100").
_NOW_CLAUSE = re.compile(rf"(?:;|,?\s+(?:and|but|while|whereas)\b)\s*(?={_NOW})", re.I)
_OPENING_CHARS = 40  # where an opening time phrase ends at the latest
_OPENING_SLACK = 3  # characters before it ("But five years ago", less a word: quotes, dashes)
_ANY_DAY = date(2000, 1, 1)  # (only whether a time is there matters, not which)
