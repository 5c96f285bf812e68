"""A figure's subject as one member of a set: "one of Cyberport's start-ups" (the member's
figure, not the set's), "Acme, one of about 900 firms at Cyberport, raised ..." (Acme's), and
"X is one of over 900 firms" (the set's size, not the member's), "X is part of a Cyberport
community of 450 companies" (the named community's size)."""

from __future__ import annotations

import re
from functools import cache

from etl.config import ExtractConfig
from etl.extract.appositions import member_apposition
from etl.extract.figure_cues import cues
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.mentions import Mention
from etl.extract.number_words import ORDINAL
from etl.extract.referents import Attribution, Topic, resolve
from etl.extract.speakers import QuoteRegion

# What may stand between a possessor and the figure: "Cyberport's 1,900 companies".
POSSESSIVE_GAP = re.compile(r"['’]{1,2}s\s+(?:[a-z]+\s+){0,2}")
_ORDINAL_AT = re.compile(rf"{ORDINAL}\b", re.IGNORECASE)


def ordinal_at(text: str, pos: int) -> bool:
    """Whether a count told by its newest member's place stands at `pos` ("sixth")."""
    return _ORDINAL_AT.match(text, pos) is not None


def ordinal_possessor(text: str, pos: int, mentions: list[Mention]) -> Mention | None:
    """The name whose set an ordinal at `pos` counts, right before it ("Hong Kong's sixth")."""
    if not ordinal_at(text, pos):
        return None
    whose = [m for m in mentions if m.role == "possessive" and m.end < pos]
    return whose[-1] if whose and POSSESSIVE_GAP.fullmatch(text, whose[-1].end, pos) else None


def one_member(text: str, s_start: int, subject: Mention, f_start: int) -> bool:
    """The subject is one member of the organisation's set ("one of Cyberport's start-ups"),
    and the figure is not the size of that set ("one of its 1,900 companies")."""
    if subject.role != "possessive" or POSSESSIVE_GAP.fullmatch(text, subject.end, f_start):
        return False
    return (
        _one_member_re().search(text, max(s_start, subject.start - 20), subject.start) is not None
    )


def member_owner(
    text: str,
    s_start: int,
    f_start: int,
    mentions: list[Mention],
    topic: Topic,
    quote: QuoteRegion | None,
    config: ExtractConfig,
) -> Attribution | None:
    """The member an apposition makes the subject one of ("Acme Robotics, one of about 900
    firms at Cyberport, raised US$5 million"): the owner of the figures after it."""
    found = member_apposition(text, s_start, f_start, mentions)
    if found is None:
        return None
    named, a, comma = found
    if named is not None and named.entity is not None:
        return resolve(named, [x for x in mentions if x.end <= named.start], topic, quote, config)
    return Attribution(" ".join(text[a:comma].split()), False)


def member_of_set(text: str, s_start: int, f_start: int, f_end: int | None = None) -> bool:
    """The figure is the size of a set its subject is one member of: "X is one of over 900 firms",
    "X brings to three the number of unicorns in its community" (`f_end`: where the figure
    ends), the set's, counted where the words after it say, not the member's."""
    lo = max(s_start, f_start - 60)
    return _member_of_set_re().search(text, lo, f_start) is not None or (
        f_end is not None
        and cues()["number_of_after"].match(text, f_end) is not None
        and cues()["carried_to"].search(text, lo, f_start) is not None
    )


def named_community(text: str, f_start: int, mentions: list[Mention]) -> Mention | None:
    """The name right before the community whose size the figure is, whoever the subject of
    the clause ("The studio sits within a Cyberport community of about 450 companies")."""
    found = cues()["community_size"].search(text, max(0, f_start - 60), f_start)
    if found is None:
        return None
    word = found.start()  # "community"
    return next((m for m in mentions if m.end < word and not text[m.end : word].strip()), None)


@cache
def _member_of_set_re() -> re.Pattern[str]:
    words = phrases_re(lexicon()["attribution"]["one_member"])
    quals = phrases_re(lexicon()["attribution"]["set_size_qualifiers"])
    return re.compile(rf"\b(?:{words})\s+(?:(?:{quals})\s+)?$", re.IGNORECASE)


@cache
def _one_member_re() -> re.Pattern[str]:
    words = phrases_re(lexicon()["attribution"]["one_member"])
    return re.compile(rf"\b(?:{words})\s+$", re.IGNORECASE)
