"""The time a list's lead-in compares its figures with: "As at 30 November 2025, compared with
the end of 2020:" over "- Unicorns: 9, up from 3" dates the 3 at the end of 2020."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from etl.extract.asof import DatePhrase, find_dates
from etl.extract.lexicon import lexicon
from etl.extract.list_dates import BULLET, LEAD_IN_CHARS, MAX_LEAD_LINES
from etl.extract.section_view import SectionView


def compared_date(view: SectionView, p: int, ref: date | None) -> DatePhrase | None:
    """The date the lead-in over list paragraph `p` names after a word of comparison, if it
    names one right there; None otherwise."""
    text, paragraphs = view.text, view.paragraphs
    q = p - 1
    while q >= 0 and p - q <= MAX_LEAD_LINES and BULLET.match(text, paragraphs[q][0]):
        q -= 1  # (up past the items above this one)
    if q < 0 or (q == p - 1 and not BULLET.match(text, paragraphs[p][0])):
        return None
    a, b = paragraphs[q]
    if b - a > LEAD_IN_CHARS:
        return None
    cue = _compared_with().search(text, a, b)
    if cue is None:
        return None
    found = [d for d in find_dates(text, cue.end(), b, ref) if d.as_of is not None]
    return found[0] if found and found[0].start - cue.end() <= _GAP else None


_GAP = 4  # characters between the word of comparison and its date ("the ")


@cache
def _compared_with() -> re.Pattern[str]:
    return re.compile(lexicon()["figures"]["comparison_lead"], re.IGNORECASE)
