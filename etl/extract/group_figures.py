"""Figures that count a group taking part in something, not a size of the community: those
on show at an event or taken to one, those who did something ("18 start-ups joined the
trip"), those who left a set, one round's money, a waiting list, a group that did something
together. Such a figure's metric source becomes "activity": a candidate for a reviewer.
"""

from __future__ import annotations

import re

from etl.extract.candidates import is_generic
from etl.extract.doubtful_figures import PART_WORDS, does_something
from etl.extract.earlier_figures import group_before
from etl.extract.figure_cues import at_event, cues, outside_set, word_cues
from etl.extract.figure_sets import NUMBER_OF
from etl.extract.metrics import MetricMatch, intake_metrics
from etl.extract.narrowing import on_show
from etl.extract.regex_parts import gated_search

READ_SOURCES = ("noun", "predicate", "partitive", "subject")  # a metric read off words


def group_source(
    s: str,
    spans: tuple[int, int, int, int],
    before: str,
    low_before: str | None,
    context: str,
    kind: str,
    match: MetricMatch | None,
    source: str,
    out: list,
) -> str:
    """`source`, or "activity" when the figure of sentence `s` counts a group taking part in
    something; `spans`: where the figure starts, its noun phrase starts and ends, and where
    its clause ends; `context`: the words around it its money is read in; `out`: the figures
    before it in the sentence."""
    start, np_from, np_end, clause_end = spans
    if source in READ_SOURCES and kind == "count" and on_show(s, np_from, clause_end):
        source = "activity"  # "Twelve incubatees pitched to a panel of investors"
    if (
        source == "predicate"
        and is_generic(match)
        and does_something(s, np_from, np_end, joining=False)
    ):
        source = "activity"  # "a dozen of our alumni have been acquired": an event
    if (
        source in ("noun", "predicate")
        and kind == "count"
        and at_event(before, s, np_end, low_before)
        and not (
            match is not None
            and match.metric in intake_metrics()
            and cues()["intake_support"].search(before)
        )
    ):
        source = "activity"  # "a pavilion of 40 Web3 start-ups": exhibitors, of any cluster
    if (
        source in READ_SOURCES
        and kind == "count"
        and word_cues()["recipients"].search(
            before[-160:], None if low_before is None else low_before[-160:]
        )
    ):
        source = "activity"  # "granted HK$100,000 each to 45 start-ups": those given something
    if source in READ_SOURCES and kind == "count" and cues()["event_group_after"].match(s, np_from):
        source = "activity"  # "Twenty-three of the exhibitors were Cyberport tenants"
    if (
        source in READ_SOURCES
        and kind == "count"
        and cues()["event_group_before"].search(before, max(0, len(before) - 120))
    ):
        source = "activity"  # "Of the 18 successful teams, 11 are current incubatees"
    if source in READ_SOURCES and kind == "count" and cues()["applied_after"].match(s, np_end):
        source = "activity"  # "some 300 start-ups had applied for the spring intake"
    if kind == "count" and (
        cues()["current_after"].match(s, np_end) or cues()["current_before"].search(before[-60:])
    ):
        source = "activity"  # "about 170 are currently being incubated": not all admitted
    if source in ("subject", "number_of") and cues()["left_set"].match(s, np_end):
        source = "activity"  # "186 were admitted, and 121 of them have graduated"
    if (
        source == "number_of"
        and (nof := NUMBER_OF.search(before)) is not None
        and cues()["left_set"].match(before, nof.end())
    ):
        source = "activity"  # "the number of companies that have completed the programme to 186"
    if kind == "money" and gated_search(cues()["single_round"], context):
        source = "activity"  # "has raised US$20 million in a Series B round": one company's
    if kind == "money" and cues()["round_size"].search(s, max(0, start - 160), start):
        source = "activity"  # "Series A rounds of HK$20 million to HK$80 million": a size
    if (
        source == "noun"
        and kind == "count"
        and outside_set(before, max(0, len(before) - 100), low_before)
    ):
        source = "activity"  # "the waiting list is now 80 companies long": no size either
    if source == "noun" and kind == "count" and cues()["outside_set_after"].match(s, np_end):
        source = "activity"  # "about 200 companies were on the waiting list for office space"
    if source in READ_SOURCES and cues()["joint_audience"].match(s):
        source = "activity"  # "Between you, you have raised HK$1.3 billion": a class's record
    if source == "noun" and kind == "count" and cues()["joint_group"].match(s, np_end):
        source = "activity"  # "42 companies between them won 67 awards": a group, no size
    if kind == "money" and group_before(s, out, start):
        source = "activity"  # "The 14 start-ups together raised HK$186 million": theirs
    if (
        source in READ_SOURCES
        and kind == "count"
        and out
        and out[-1].source == "activity"
        and _INCLUDING.fullmatch(s, out[-1].np_end, start)
    ):
        source = "activity"  # "42 companies, including 29 incubatees, have signed up": a part
    if out and out[-1].source == "activity" and cues()["range_to"].fullmatch(s, out[-1].end, start):
        source = "activity"  # "rounds of HK$20 million to HK$80 million": the range's other end
    return source


# Between a group and a part of it: "42 companies, including 29 incubatees".
_INCLUDING = re.compile(
    rf",?\s+{PART_WORDS}\s+(?:(?:about|around|some|over|nearly|more\s+than)\s+)?", re.I
)
