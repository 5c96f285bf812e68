"""Who a figure's clause stands for when its subject is not the name before its verb: the
noun a relative clause with no subject of its own describes ("a FinTech cluster at Cyberport
that has grown to 80 companies"), the possessor of a programme named right after it ("Its
Incubation Programme has admitted 14 start-ups")."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.lexicon import document_cues, lexicon, phrases_re, safe_lower
from etl.extract.mentions import Mention
from etl.extract.regex_parts import literal_tests, may_match


def owned_name(text: str, owner: Mention, name: Mention) -> bool:
    """Whether `name`, an unknown programme's name, stands right after a possessive pronoun
    (`owner`): a programme of whoever the pronoun stands for ("Its Incubation Programme"; not
    "Its Macro Fund", whose own figures are the fund's)."""
    units = document_cues()["units"]
    words = text[name.start : name.end].split()
    return (
        owner.kind == "pronoun"
        and name.kind == "name"
        and not name.tracked
        and owner.end < name.start
        and not text[owner.end : name.start].strip()
        and text[owner.start : owner.end].lower() in units["possessors"]
        and bool(words)
        and words[-1] in units["programme"]
    )


@cache
def _relative() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrases_re(lexicon()['figures']['relative_openers'])})\s+", re.I)


_ANTECEDENT_REACH = 40  # characters between the antecedent's name and "that" at most


def relative_antecedent(
    text: str, lo: int, f_start: int, mentions: list[Mention]
) -> Mention | None:
    """The name in the noun phrase a relative clause holding the figure describes, when that
    clause (opening at `lo`, see `clauses.clause_start`) has no subject of its own ("a cluster
    at Cyberport that has grown to 80")."""
    if not may_match(literal_tests(_relative().pattern), safe_lower(text[lo:f_start])):
        return None  # (no "that" nor "which" in the clause: substring tests rule it out)
    rel = next(reversed(list(_relative().finditer(text, lo, f_start))), None)
    if rel is None or any(rel.start() <= m.start < f_start for m in mentions):
        return None
    if any(c in text[rel.end() : f_start] for c in ",;:()"):
        return None  # (the figure stands in a later clause)
    near = [
        m
        for m in mentions
        if lo <= m.start
        and rel.start() - _ANTECEDENT_REACH <= m.end <= rel.start()
        and m.role != "title"
        and m.kind != "territory"
    ]
    if not near:
        return None
    m = near[-1]
    gap = text[m.end : rel.start()]
    # The name ends the noun phrase ("Lingang Group, which"), or stands inside it as a place
    # or a modifier ("a cluster at Cyberport that", "a Shenzhen park that"); not a subject
    # whose verb comes between ("She is also frank that ...").
    if _GAP_ONLY.fullmatch(gap) or (m.role != "subject" and _NOUN_GAP.fullmatch(gap)):
        return m
    return None


_GAP_ONLY = re.compile(r"[\s,]*")
_NOUN_GAP = re.compile(r"[\s,]*(?:[a-z][\w-]*\s+){0,2}")
