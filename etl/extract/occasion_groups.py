"""A group formed for an occasion (a delegation, a trip, a showcase) as a figure's owner: "a
delegation of 25 start-ups" (the group's size), "the delegation companies have raised HK$420
million" (the group's own record), never the organisation's community."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.lexicon import lexicon, may_hold, needed_words, phrases_re
from etl.extract.mentions import Mention


def occasion_group(text: str, s_start: int, f_start: int, mentions: list[Mention]) -> str | None:
    """The group a figure at `f_start` belongs to: one formed for an occasion, then what it is
    made of, right before the figure ("a delegation of 25 start-ups"), or one whose members
    are a subject before the figure with no organisation named in between ("Together the
    delegation companies have raised ...; their founders come from seven countries")."""
    near = max(s_start, f_start - 120)
    if not may_hold(text, s_start, f_start, _occasion_words()):
        return None
    made_of = _made_of_re().search(text, near, f_start)
    if made_of is not None:
        return made_of.group("group").lower()
    found = list(_members_re().finditer(text, s_start, f_start))
    members = found[-1] if found else None  # (the last such subject before the figure)
    if members is None or any(
        m.kind == "name" and members.end() <= m.start < f_start for m in mentions
    ):
        return None
    return members.group("group").lower()


@cache
def _occasion_words() -> tuple[str, ...] | None:
    """A word each group formed for an occasion holds ("delegation"), for a test before the
    patterns are searched for."""
    return needed_words(lexicon()["attribution"]["occasion_groups"])


@cache
def _made_of_re() -> re.Pattern[str]:
    """A group formed for an occasion, then what it is made of, right before a figure."""
    att = lexicon()["attribution"]
    groups, links = phrases_re(att["occasion_groups"]), phrases_re(att["occasion_links"])
    breaks = phrases_re([*att["occasion_breaks"], *att["first_person"], *att["continuing"]])
    gap = rf"(?:(?!\b(?:{breaks})\b)[^.;:]){{0,80}}?"
    return re.compile(
        rf"\b(?P<group>{groups})\b{gap}\b(?:{links})\s+(?:[\w-]+\s+){{0,2}}?$", re.IGNORECASE
    )


@cache
def _members_re() -> re.Pattern[str]:
    """The members of a group formed for an occasion as a subject: "the delegation companies",
    "these trip participants"."""
    att = lexicon()["attribution"]
    groups, members = phrases_re(att["occasion_groups"]), phrases_re(att["occasion_members"])
    return re.compile(
        rf"\b(?:the|these|those|our|its|their)\s+(?P<group>{groups})\s+(?:{members})\b",
        re.IGNORECASE,
    )
