"""Whether a figure is a plan's or a target's ("will admit 200 start-ups"), from its clause."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.figure_cues import cues, fast_cues
from etl.extract.lexicon import lexicon


def of_a_plan(
    s: str, end: int, before: str, clause: str, low_clause: str | None, set_planned: bool | None
) -> bool:
    """Whether the figure ending at `end` in sentence `s` is planned: its words go on "is now
    within sight", or its clause (`low_clause`: lower-cased, if at hand) holds a word of plans
    or targets, unless the figure counts the community there is (`before`: "will reach
    Cyberport's community of over 1,500 companies") or is a part of the set before it, which
    is no plan's (`set_planned` False: "..., some 650 of which are on campus")."""
    if cues()["in_sight_after"].match(s, end):
        return True  # "Two thousand companies is now within sight"
    if not fast_cues()[2].search(clause, low_clause):
        return False
    if _existing_community().search(before):
        return False
    return not (set_planned is False and _OF_WHICH.match(s, end))


_OF_WHICH = re.compile(r"\s+of\s+(?:which|whom|them)\b", re.IGNORECASE)


# The community there is, named with "the" or its owner before a count of it: no plan's, whatever
# the verb ("will reach Cyberport's community of over 1,500"; not "build a community of 2,500").
@cache
def _existing_community() -> re.Pattern[str]:
    owner = lexicon()["figures"]["definite_owner"]
    return re.compile(rf"{owner}\s+(?:[\w-]+\s+)?(?:community|membership)\s+of\s+$", re.IGNORECASE)
