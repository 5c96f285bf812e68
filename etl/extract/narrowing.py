"""What a count under a general noun, or with no noun, narrows to from the words around it.

Each test reads one figure in its sentence after its own noun has been read: the one cluster a
clause about a cluster names ("Fintech is still the campus's biggest cluster, with over 300
firms"), a verb inside the figure's noun phrase ("three community companies went public"), a
group on show at an event ("Twelve incubatees pitched to a panel"), and a share of a total
said to come in a stated stretch of time ("HK$2.6 billion of that in the first half alone").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from etl.extract.candidates import MEASURED_BY, is_generic
from etl.extract.doubtful_figures import cluster_size, flow_share
from etl.extract.figure_cues import cues
from etl.extract.metrics import MetricMatch, classify, location_metrics, named_cluster

if TYPE_CHECKING:
    from etl.extract.sentence_figures import Figure

_CLAUSE_MARK = re.compile(r"[,;.]")
_CLAUSE_STOPS = re.compile(r"[.;:!?]")
_CLUSTER_REACH = 120  # how far back a clause about a cluster may name it


def clause_end_after(s: str, np_end: int) -> int:
    """Where the clause after a figure's words (ending at `np_end`) ends."""
    stop = _CLAUSE_MARK.search(s, np_end, np_end + 100)
    return stop.start() if stop else min(len(s), np_end + 100)


def cluster_before(before: str) -> MetricMatch | None:
    """The one cluster a clause about a cluster, or a subject measured by its verb, names
    before a count under the community's noun ("Smart living (proptech and the like)
    accounts for 260 companies"); None when it names none or two."""
    if not (cluster_size(before) or MEASURED_BY.search(before)):
        return None
    return named_cluster(_CLAUSE_STOPS.split(before[-_CLUSTER_REACH:])[-1])


def verb_in_phrase(np: str, kind: str, value: float) -> tuple[MetricMatch, str] | None:
    """A narrower metric a verb inside a generic noun phrase gives it: "three community
    companies went public" (the phrase runs on through words no stop word ends)."""
    found = classify(np, "", "", kind, value, predicate=True)
    return (found, "predicate") if found is not None and not is_generic(found) else None


def on_show(s: str, np_from: int, np_end: int) -> bool:
    """Whether the counted are said to be on show at an event, in the figure's clause."""
    return cues()["event_verb"].search(s, np_from, clause_end_after(s, np_end)) is not None


def shared_over_time(s: str, clause_start: int, np_end: int) -> bool:
    """Whether an amount with no noun, in the clause from `clause_start`, is said to come in a
    stated stretch of time ("..., and HK$2.6 billion of that in the first half alone")."""
    return flow_share(s, clause_start, clause_end_after(s, np_end))


# "the rest, around 400", "the remaining 850 or so": the rest of a set split by place.
_REST_BEFORE = re.compile(
    r"\b(?:the\s+rest|the\s+remaining|the\s+other|the\s+others|the\s+balance)\b[\s,]*"
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
