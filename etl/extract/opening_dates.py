"""Where a sentence states a time, and whether the date it states opens it.

A sentence may state a time when it holds a year, a month's name or a relative year or month.
A date opens its sentence when only opening words ("As at", "By the end of", a paragraph's
number, a short frame of saying such as "He said that,") stand before it and a comma follows,
or when it is led by its own word and ends in a year ("In 2023-24 the community grew ...");
it opens a clause when it follows a comma and a word of standing at ("..., up to the end of
June, ..."). A date in a later year than the section's is a target. The words come from the
calendar and attribution lexicons.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from etl.calendar import month_re, phrase_re
from etl.extract.asof import DatePhrase
from etl.extract.lexicon import lexicon, phrases_re

# A sentence that may state a time: a year, a month's name, or a relative year or month.
HINT = re.compile(rf"(?<!\d)(?:19|20)\d\d(?!\d)|(?i:{month_re()}|year|month)")
# The words before a date that opens its sentence ("As at end-December 2022, ...").
SENTENCE_OPENING = re.compile(
    r"[\W_]*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+)?"  # a paragraph's number: "(2) ", "3. "
    r"(?:(?:only|just|even)\s+)?"  # "Only five years ago, ..."
    r"(?:(?:as\s+(?:at|of)|at|by|in|on|until|up\s+to)\s+)?(?:(?:the\s+)?end[-\s](?:of\s+)?)?"
    # a period up to the date: "In the three months to 30 June 2024, ..."
    r"(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:months?|quarters?|weeks?|half|year|period)\s+"
    r"(?:to|ended|ending|up\s+to|through)\s+)?",
    re.IGNORECASE,
)


_CLAUSE_END = re.compile(r"(?:\s+[^\W\d]+)?,")  # "..., up to June[ bottom], ..."
# A date closed by a dash or a bracket is a dateline ("Hong Kong, 20 January 2026 – ..."): the
# section's date, not a date of the sentence after it.
_DATELINE_END = re.compile(r"\)?\s*[–—]|\)?\s+-{1,2}\s")


@cache
def _clause_opener() -> re.Pattern[str]:
    """A time that opens a clause set off by commas after a lead ("X today published data, up
    to the end of June, ..."): a comma, a word of standing at, then the date phrase."""
    words = f"{phrase_re('end_of')}|{phrase_re('stands_at')}"
    return re.compile(rf",\s*(?:{words})(?!\w)[^,\d]*\Z", re.IGNORECASE)


def opens_clause(sent: str, d: DatePhrase) -> bool:
    """Whether date `d` opens a clause set off by commas, as an opening date would its sentence."""
    if not _CLAUSE_END.match(sent, d.end):
        return False
    inside = re.match(r"[^\d,]*", sent[d.start : d.end])
    return _clause_opener().search(sent, 0, d.start + inside.end()) is not None  # type: ignore[union-attr]


@cache
def speech_frame() -> re.Pattern[str]:
    """A short frame of saying before a sentence's own words: "He said that, ", "She noted "."""
    verbs = phrases_re(lexicon()["attribution"]["speech_verbs"])
    return re.compile(rf"[\W_]*(?:[\w'’.-]+\s+){{1,4}}?(?:{verbs})(?:\s+that)?\s*,?\s*",
                      re.IGNORECASE)  # fmt: skip


def opens_without_comma(sent: str, d: DatePhrase) -> bool:
    """A date phrase led by its own word and ending in a year needs no comma to open its
    sentence ("In 2023-24 the community grew to ...")."""
    return sent[d.start].isalpha() and sent[d.end - 1].isdigit() and sent.startswith(" ", d.end)


def future(d: DatePhrase, ref: date | None) -> bool:
    """A date in a later year than the section's: a target, which anchors nothing."""
    return ref is not None and d.as_of is not None and d.as_of.year > ref.year


def is_dateline(sent: str, d: DatePhrase) -> bool:
    """A date heading the sentence with only a place before it and a dash after it."""
    return (
        d.start < 80
        and _DATELINE_END.match(sent, d.end) is not None
        and not any(c.isdigit() or c in ".;:" for c in sent[: d.start])
    )
