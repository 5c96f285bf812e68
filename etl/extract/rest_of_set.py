"""The rest of a set split by place: "Some 600 are on our campus; the rest, around 400, work
from offices across the city" counts the companies off the campus."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from etl.extract.asof import find_dates
from etl.extract.candidates import is_generic
from etl.extract.doubtful_figures import PART_WORDS
from etl.extract.figure import PART_SOURCES, Figure
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.metrics import MetricMatch, classify, location_metrics

# "the rest, around 400", "the remaining 850 or so": the rest of a set split by place.
_REST_BEFORE = re.compile(
    r"\b(?:the\s+rest|the\s+remaining|the\s+other|the\s+others|the\s+balance)\b[\s,]*"
    r"(?:(?:about|around|some|roughly|nearly|almost|over|more\s+than)\s+)?[*_]*$",
    re.IGNORECASE,
)


_REST_REACH = 40  # how far before a figure "the rest, around" may start
# Words before a figure that make it the whole a part before it belongs to ("470 fintech
# companies ..., out of a total of about 2,300").
_WHOLE_BEFORE = re.compile(
    r"\b(?:out\s+of|of\s+a\s+total\s+of|from\s+a\s+total\s+of)\s+(?:a\s+total\s+of\s+)?"
    r"(?:(?:about|around|some|roughly|nearly|almost|over|more\s+than)\s+)?[*_]*$",
    re.IGNORECASE,
)


def with_the_rest(sent: str, figures: list[Figure]) -> list[Figure]:
    """`figures` with each that is the rest of a set split by place right after a part at
    one place ("Some 600 are on our campus; the rest, around 400, work from co-working spaces
    across the city") counting the other place, whatever its own words counted."""
    places = sorted(location_metrics())
    out: list[Figure] = []
    for f in figures:
        prev = out[-1] if out else None
        if (
            prev is not None
            and len(places) == 2
            and prev.metric is not None
            and prev.metric.metric in places
            and prev.unit == f.unit == "count"
            and (f.metric is None or is_generic(f.metric))
            and _REST_BEFORE.search(sent, prev.end, f.start)
        ):
            other = places[1 - places.index(prev.metric.metric)]
            f = replace(f, metric=MetricMatch(other, False), source="complement")
        out.append(f)
    return out


# Between a whole and a part of it: "HK$36 billion in total, of which about HK$5.8 billion
# came in over the past 12 months", "550 start-ups ..., including 78 in the latest 12 months".
_PART_AFTER = re.compile(
    rf"[,;]\s+{PART_WORDS}\s+(?:(?:about|around|some|roughly|nearly|almost|over|more\s+than)\s+)?"
    r"[*_]*$",
    re.IGNORECASE,
)
_OF_THEM = re.compile(r"\s+of\s+(?:them|these|those)\b")
_AFTER_COMMA = re.compile(r",\s+(?:(?:it|he|she|they)\s+(?:said|says|added),\s+)?$")
_OWN_NOUNLESS = frozenset(["bare", "context_noun", "doubtful"])  # no noun of its own
_CLAUSE_END = re.compile(r"[;:.!?]|,\s")


def with_flow_parts(sent: str, figures: list[Figure], ref: date | None) -> list[Figure]:
    """`figures` with each part of a whole before it that names no noun of its own but a
    period ("..., including 78 in the latest 12 months", "..., of which about HK$5.8 billion
    came in over the past 12 months") counting what the whole counts: the part of a running
    total that came in over a period is that total's flow over the period."""
    out: list[Figure] = []
    for f in figures:
        whole = out[-1] if out else None
        if (
            whole is not None
            and whole.metric is not None
            and not is_generic(whole.metric)
            and whole.unit == f.unit
            and _part_in_period(sent, whole, f, ref)
        ):
            f = replace(f, metric=whole.metric, source=whole.source)
        out.append(f)
    return out


def _part_in_period(sent: str, whole: Figure, f: Figure, ref: date | None) -> bool:
    """Whether `f` is a part of `whole` that came in over a period or a year ("..., including
    78 in the latest 12 months", "..., including 14 in 2009", "Four have reached unicorn
    status, two of them in the past 12 months", "37 awards, 11 of them in 2007")."""
    if _PART_AFTER.search(sent, whole.np_end, f.start):
        return (f.source in _OWN_NOUNLESS and _has_period(sent, f.end, ref)) or _in_a_year(
            sent, f, ref
        )
    of_them = _OF_THEM.match(sent, f.end)
    return (
        f.source in _OWN_NOUNLESS
        and of_them is not None
        and _AFTER_COMMA.search(sent, whole.np_end, f.start) is not None
        and (_has_period(sent, of_them.end(), ref) or _year_at(sent, of_them.end(), ref))
    )


def _in_a_year(sent: str, f: Figure, ref: date | None) -> bool:
    """Whether a part with no noun of its own is followed right away by the year it came in."""
    if f.metric is not None and not is_generic(f.metric):
        return False
    return _year_at(sent, f.end, ref)


def _year_at(sent: str, pos: int, ref: date | None) -> bool:
    """Whether the words at `pos` name the year something came in ("in 2009")."""
    year = _IN_YEAR.match(sent, pos)
    return year is not None and any(
        d.precision == "year" and not d.event for d in find_dates(sent, pos, year.end(), ref)
    )


_IN_YEAR = re.compile(r"\s+(?:in|during)\s+(?:19|20)\d\d\b(?![-/–]\d)")


def _has_period(sent: str, start: int, ref: date | None) -> bool:
    """Whether the clause after `start` names a period ("in the latest 12 months")."""
    end = _CLAUSE_END.search(sent, start)
    stop = end.start() if end else len(sent)
    return any(d.period for d in find_dates(sent, start, stop, ref) if not d.event)


def is_the_rest(sent: str, start: int) -> bool:
    """Whether the figure at `start` counts the rest of a set ("the remaining 400 or so",
    "the other 484"): the set's, whoever owns the part before it."""
    return _REST_BEFORE.search(sent, max(0, start - _REST_REACH), start) is not None


def is_the_whole(sent: str, start: int) -> bool:
    """Whether the figure at `start` counts the whole a part before it belongs to ("..., out
    of a total of about 2,300"): the part's owner's."""
    return _WHOLE_BEFORE.search(sent, max(0, start - _REST_REACH), start) is not None


def is_carried_total(sent: str, start: int) -> bool:
    """Whether the figure at `start` is the total a figure before it carries on ("Three
    companies went public, ..., taking the number of listed companies in the community to
    14"): the earlier figure's owner's, whoever the words between name."""
    return _carried_total().search(sent, max(0, start - _TOTAL_REACH), start) is not None


_TOTAL_REACH = 120  # how far before a figure "taking the number of ... to" may start


@cache
def _carried_total() -> re.Pattern[str]:
    return re.compile(lexicon()["figures"]["carried_total_before"], re.IGNORECASE)


def opens_with_its_set(sent: str, fig: int) -> bool:
    """Whether the sentence opens on the set the sentence before counted ("Among them are over
    450 companies working in AI", "Of these, 120 are on site"): its figure at `fig` is that
    set's, unless a member named and described before it owns it ("Among them is Lumina
    Health, a company that now serves five markets")."""
    m = _set_opening().match(sent)
    return m is not None and not _DESCRIBED_NAME.search(sent, m.end(), fig)


_DESCRIBED_NAME = re.compile(r"\b[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*,\s")


@cache
def _set_opening() -> re.Pattern[str]:
    pronouns = phrases_re(lexicon()["figures"]["set_pronouns"])
    return re.compile(rf"\W*(?:among|of)\s+(?:{pronouns})\b", re.IGNORECASE)


_MORE_PART = re.compile(r"\s*more\b(?!\s+than\b)", re.IGNORECASE)
_PART_END = re.compile(r"[,;.:!?()]|\s(?:and|but|while|whereas)\s")


def more_elsewhere(s: str, pos: int, prev: Figure, kind: str, value: float) -> MetricMatch | None:
    """The place the words after "more" at `pos` put the rest of a set whose part the figure
    before placed ("650 on the campus and 850 more elsewhere"): the other side, or None."""
    more = _MORE_PART.match(s, pos)
    if more is None or prev.source not in PART_SOURCES or prev.metric is None:
        return None
    if prev.metric.metric not in location_metrics():
        return None
    pos = more.end()
    stop = _PART_END.search(s, pos)
    found = classify(s[pos : stop.start() if stop else len(s)], "", "", kind, value, bare=True)
    if found is None or found.metric not in location_metrics() or found == prev.metric:
        return None
    return found
