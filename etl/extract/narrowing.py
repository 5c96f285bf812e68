"""What a count under a general noun, or with no noun, narrows to from the words around it.

Each test reads one figure in its sentence after its own noun has been read: the one cluster a
clause about a cluster names ("Fintech is still the campus's biggest cluster, with over 300
firms"), a verb inside the figure's noun phrase ("three community companies went public"), a
and a group on show at an event ("Twelve incubatees pitched to a panel").
"""

from __future__ import annotations

import re
from functools import cache

from etl.calendar import phrase_words
from etl.extract.candidates import BEFORE_SIZE, MEASURED_BY, is_generic
from etl.extract.doubtful_figures import cluster_size
from etl.extract.figure_cues import cues
from etl.extract.figure_text import before_next_figure
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.metrics import (
    MetricMatch,
    classify,
    intake_metrics,
    named_cluster,
    place_metrics,
)
from etl.extract.regex_parts import gated_search

_CLAUSE_MARK = re.compile(r"[,;.]")
_CLAUSE_STOPS = re.compile(r"[.;:!?]")
_CLUSTER_REACH = 120  # how far back a clause about a cluster may name it
_LEAD_STOPS = re.compile(r"[,.;:!?]")


def clause_end_after(s: str, np_end: int, next_figure: int | None = None) -> int:
    """Where the clause after a figure's words (ending at `np_end`) ends: at a mark, or at the
    `next_figure` after "and" ("400 companies and that 190 start-ups were admitted": the verb
    is the next figure's)."""
    stop = _CLAUSE_MARK.search(s, np_end, np_end + 100)
    end = stop.start() if stop else min(len(s), np_end + 100)
    if (
        next_figure is not None
        and np_end < next_figure < end
        and phrase_words("list_joiners").search(s, np_end, next_figure)
    ):
        return next_figure
    return end


def cluster_before(before: str) -> MetricMatch | None:
    """The one cluster a clause about a cluster, or a subject measured by its verb, names
    before a count under the community's noun ("Smart living (proptech and the like)
    accounts for 260 companies"); None when it names none or two."""
    of = gated_search(_named_cluster_of(), before[-_CLUSTER_REACH:])
    if of is not None and (named := named_cluster(of.group(1))) is not None:
        return named  # "... and a smart living cluster of about 150"
    if gated_search(cues()["whole_relative"], before[-_CLUSTER_REACH:]):
        return None  # "... in the Cyberport community, which numbers about": the whole
    label = _CLAUSE_LABEL.search(before)
    if label is not None and (named := named_cluster(label.group(1))) is not None:
        return named  # "...; Smart Living: more than 280 companies"
    if not (
        cluster_size(before)
        or gated_search(MEASURED_BY, before)
        or gated_search(cues()["subgroup"], before)
        or gated_search(cues()["field"], before)
        or gated_search(cues()["superlative"], before)
    ):  # ("Fintech is still the biggest group, close to 500 companies")
        said = gated_search(_CLUSTER_IS, before[-_CLUSTER_REACH:])  # "Smart living is about 250"
        if said is None or _NOT_A_CLUSTER.search(said.group(1)):
            return None
        return named_cluster(said.group(1))
    return nearest_cluster(before) or named_cluster(
        _CLAUSE_STOPS.split(before[-_CLUSTER_REACH:])[-1]
    )


@cache
def _named_cluster_of() -> re.Pattern[str]:
    return re.compile(lexicon()["doubtful"]["named_cluster_of"], re.IGNORECASE)


# A clause of a list that opens with a label before its count: "FinTech: about 400 companies,
# ...; Smart Living: more than 280 companies", a table row "Smart Living | About 280
# companies" (group 1: the label).
_CLAUSE_LABEL = re.compile(
    r"(?:^|;)\s*([A-Z][\w&/' -]{1,60}?)\s*[:|]\s+"
    r"(?:(?:about|around|some|over|nearly|almost|more\s+than)\s+)?$"
)


def ranked_next(before: str) -> MetricMatch | None:
    """The cluster a ranking names next, its verb left out, right before a count ("FinTech is
    the largest, followed by smart living with about 290 and digital entertainment with about
    180"): that cluster's companies, if the words name one."""
    m = gated_search(cues()["ranked_next"], before[-_CLUSTER_REACH:])
    if m is None or gated_search(cues()["ranking"], before) is None:
        return None
    return named_cluster(m.group(1))


def cluster_after(s: str, end: int) -> MetricMatch | None:
    """The cluster a count's own words name right after it ("..., 214 in the smart living
    cluster and 158 in the digital entertainment cluster"), if they name one."""
    m = _IN_CLUSTER_AFTER.match(s, end)
    return named_cluster(m.group(1)) if m else None


# "in the smart living cluster" right after a count (group 1: the cluster's words).
_IN_CLUSTER_AFTER = re.compile(
    r"\s+(?:are\s+|were\s+)?(?:in|within)\s+(?:the|its|our)\s+((?:[\w&-]+\s+){1,6}?)clusters?\b",
    re.IGNORECASE,
)


def nearest_cluster(before: str) -> MetricMatch | None:
    """The cluster the last "cluster" before a figure names, from the words back to the
    list's last break ("..., the smart living cluster about 580 companies and the AI and big
    data cluster over": AI and big data), if they name one."""
    found = list(_CLUSTER_WORD.finditer(before, max(0, len(before) - _CLUSTER_REACH)))
    last = found[-1] if found else None
    if last is None or _CLAUSE_STOPS.search(before, last.end()):
        return None
    if named_cluster(before[last.end() :]) is not None:
        return None  # another cluster named after it ("... after FinTech, which accounts for")
    head = _LIST_BREAK.split(before[: last.start()])[-1]
    return named_cluster(f"{head}{last.group()}") if head.strip() else None


_CLUSTER_WORD = re.compile(r"\bclusters?\b(?!\s+of\b)", re.IGNORECASE)
# Where one item of a list of clusters starts: a comma, or "and"/"while" before a determiner
# ("the AI and big data cluster": its own "and" starts nothing).
_LIST_BREAK = re.compile(r",|\b(?:and|while|whereas)\s+(?=(?:the|its|our|their)\b)", re.I)


# A subject of a few words right before "is" or "has" and the figure, opening its clause: a
# cluster named so is what the figure counts ("Smart living has about 280 companies"; not "a
# community that is now close to 1,900").
_CLUSTER_IS = re.compile(
    r"(?:^|[,;:.]\s+|\band\s+)((?:[\w&/'’-]+\s+){1,5}?)(?:is|was|has|had)(?:\s+(?:now|still|already))?"
    r"(?:\s+at)?" + BEFORE_SIZE,
    re.IGNORECASE,
)
_NOT_A_CLUSTER = re.compile(r"\b(?:communit\w*|park|campus|hub|that|which|who|it|this)\b", re.I)


def cluster_where(before: str) -> MetricMatch | None:
    """The one cluster named right before a clause opened by "where" that holds the count ("in
    artificial intelligence and data science, where we now have about 200 companies")."""
    where = _where_clause().search(before)
    if where is None:
        return None
    lead = before[: where.start()]
    return named_cluster(_LEAD_STOPS.split(lead[-_CLUSTER_REACH:])[-1])


@cache
def _where_clause() -> re.Pattern[str]:
    return re.compile(lexicon()["doubtful"]["where_clause_before"], re.IGNORECASE)


def verb_in_phrase(np: str, kind: str, value: float) -> tuple[MetricMatch, str] | None:
    """A narrower metric a verb inside a generic noun phrase gives it: "three community
    companies went public" (the phrase runs on through words no stop word ends)."""
    found = classify(np, "", "", kind, value, predicate=True)
    return (found, "predicate") if found is not None and not is_generic(found) else None


def on_show(s: str, np_from: int, clause_end: int) -> bool:
    """Whether the counted are said to be on show at an event, in the figure's clause (from
    the figure's words at `np_from` to `clause_end`)."""
    return cues()["event_verb"].search(s, np_from, clause_end) is not None


def admitted_cluster(
    s: str, np: str, np_end: int, ctx_before: str, before: str, value: float
) -> MetricMatch | None:
    """The intake a cluster's count is when the sentence goes on, before any other figure, to
    say they were admitted ("24 start-ups working in games, animation and mobile content have
    been admitted to it"); None when it does not."""
    rest = before_next_figure(s[np_end : np_end + _ADMITTED_REACH])
    later = classify(np, ctx_before, rest, "count", value, before)
    return later if later is not None and later.metric in intake_metrics() else None


_ADMITTED_REACH = 160  # how far on a cluster's figure may be said to be an intake


@cache
def _cluster_subject_re() -> re.Pattern[str]:
    heads = phrases_re(lexicon()["organisations"]["described_clusters"])
    return re.compile(rf"[\W_]*((?:[\w&/'’-]+\s+){{1,2}})(?:{heads})\b", re.IGNORECASE)


def opening_cluster(s: str) -> MetricMatch | None:
    """The cluster the sentence opens with as its subject ("Our Web3 cluster, formally set up
    last year, already gathered 152 companies")."""
    m = _cluster_subject_re().match(s)
    return named_cluster(m.group(1)) if m else None


def counts_other(own: MetricMatch | None, found: MetricMatch) -> bool:
    """Whether `found` counts places while the figure's own metric `own` counts companies ("our
    largest cluster, with over 300 companies" after a sentence on founders' countries)."""
    places = place_metrics()
    return own is not None and own.metric not in places and found.metric in places


def narrowed_source(source: str) -> str:
    """The source of a figure whose cluster its context names: "cluster", unless it counts
    those doing something ("our largest segment, with 70 companies", "18 start-ups joined")."""
    return source if source == "activity" else "cluster"
