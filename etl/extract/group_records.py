"""A group's own record: figures whose clause has one class or cohort as its subject.

"During their incubation, the graduating start-ups raised a combined HK$1.6 billion and won
210 awards" gives what one graduating class did, not what the community has: such a figure is
an activity, kept out of the series. The group is the clause's subject when it is named before
the figure with no other subject or clause in between ("the graduates join a community that
has raised ..." is the community's), or taken up by a pronoun ("they", "these companies")
after a sentence that opens on it; and the sentence counts nothing to date ("so far", "since
2005"), which would make it every class's. The words live in the [figures] table of
etl/data/lexicon.toml.
"""

from __future__ import annotations

import re
from functools import cache

from etl.extract.doubtful_figures import Previous
from etl.extract.figure_cues import counts_to_date
from etl.extract.lexicon import lexicon
from etl.extract.regex_parts import last_match


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    fig = lexicon()["figures"]
    return {
        name: re.compile(fig[key], re.IGNORECASE)
        for name, key in (
            ("subject", "group_subject_in_clause"),
            ("pronoun", "group_pronoun"),
            ("break", "group_clause_break"),
        )
    }


def group_subject_record(s: str, start: int, previous: Previous) -> bool:
    """Whether the figure at `start` of sentence `s` is one group's record (see the module):
    the group, or a pronoun for the group the sentence before opens on, is the subject of the
    figure's clause."""
    c = _cues()
    group = last_match(c["subject"], s, 0, start)
    if group is None:
        pronoun = last_match(c["pronoun"], s, 0, start)
        if pronoun is None:
            return False
        before = previous()
        if before is None or c["subject"].match(before[0]) is None:
            return False
        group = pronoun
    # (and none of "... have so far won 18 awards": every class to date)
    return c["break"].search(s, group.end(), start) is None and not counts_to_date(s)
