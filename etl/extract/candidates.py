"""What a figure with no noun of its own counts: candidates from its clause, then its context.

"Six of Hong Kong's unicorns grew up here" (a partitive: the set named after "of"), "some 250
of them are in fintech" (the predicate names a part of the set), "90 were admitted" (the verb
names the metric), "Admissions stood at 88" (the clause's subject does), and, when the
sentence alone does not say, the heading the paragraph sits under ("Unicorns") or the
sentence before it (an interviewer's "And unicorns?"). Each candidate says where it came
from: the source is a feature of its score (etl/extract/scoring.py).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.metrics import MetricMatch, classify, noun_phrase

# Sources in the order a bare figure tries them (sentence first, then context).
SENTENCE_SOURCES = ("partitive", "predicate", "subject")
CONTEXT_SOURCES = ("heading", "previous")

_OF_SET = re.compile(
    r"[*_]*\s+of\s+(?:the\s+|its\s+|our\s+|their\s+|his\s+|her\s+|those\s+|these\s+|"
    r"(?:[\w’'-]+\s+){0,2}[\w’'-]+['’]s\s+)"
    r"(?:\d[\d,.]*\s+)?(?:[*_]+)?",
    re.IGNORECASE,
)
_PREDICATE_END = re.compile(r"[,;.:!?()]|\s(?:and|but|while|which|who|so|whereas)\s")
_CLAUSE_START = re.compile(r"[,;:]|\b(?:and|but|while|whereas)\s", re.IGNORECASE)


class MetricCandidate(NamedTuple):
    """A metric a figure may count and where the evidence for it came from."""

    match: MetricMatch
    source: str


@cache
def _of_them() -> re.Pattern[str]:
    """The words between a bare figure and its predicate; group "set" is a pronoun of the set."""
    f = lexicon()["figures"]
    return re.compile(
        rf"[*_]*\s+(?:of\s+(?P<set>{phrases_re(f['set_pronouns'])})\s+)?"
        rf"(?:(?:{phrases_re(f['predicate_adverbs'])})\s+)*"
        rf"(?:(?:{phrases_re(f['predicate_auxiliaries'])})\s+(?:(?:{phrases_re(f['predicate_adverbs'])})\s+)*)?"
        rf"(?:(?:{phrases_re(f['predicate_verbs'])})\s+(?:(?:{phrases_re(f['predicate_adverbs'])})\s+)*)?",
        re.IGNORECASE,
    )


@cache
def _verb() -> re.Pattern[str]:
    f = lexicon()["figures"]
    verbs = phrases_re(f["predicate_verbs"] + f["predicate_auxiliaries"])
    return re.compile(rf"\s(?:{verbs})\b", re.IGNORECASE)


def _opens_set(s: str, start: int) -> bool:
    """Whether the figure at `start` follows a word that opens a part of a set ("including")."""
    return _set_openers().search(s, max(0, start - 30), start) is not None


@cache
def _set_openers() -> re.Pattern[str]:
    return re.compile(lexicon()["figures"]["set_openers"], re.IGNORECASE)


@cache
def _generic_sets() -> frozenset[str]:
    return frozenset(lexicon()["figures"]["partitive_generic_metrics"])


@cache
def set_noun() -> str:
    """The noun a partitive's set stands for when it is a pronoun ("of them": companies)."""
    return str(lexicon()["figures"]["set_noun"])


def bare_metric(
    s: str, end: int, kind: str, value: float, has_noun: bool = False, start: int | None = None
) -> MetricCandidate | None:
    """The metric of the figure whose words start at `end` in sentence `s`, when the noun after
    it (if any: `has_noun`) names none; `start` is where the figure starts (default `end`)."""
    start = end if start is None else start
    partitive = None
    m = None if has_noun else _OF_SET.match(s, end)
    if m:  # "six of Hong Kong's unicorns", "700 of the companies work from its offices"
        a, b = noun_phrase(s, m.end(), len(s))
        verb = _verb().search(s, a, b)  # the set's noun phrase ends at a verb ("... work")
        b = verb.start() if verb else b
        partitive = classify(s[a:b], "", "", kind, value)
        if partitive is not None and partitive.metric in _generic_sets():
            partitive = None  # "two of the companies ...": a part of the whole, not the whole
        end = b
    m = _of_them().match(s, end)
    pos = m.end() if m else end
    of_set = partitive is not None or bool(m and m.group("set")) or _opens_set(s, start)
    stop = _PREDICATE_END.search(s, pos, pos + 90)
    predicate = s[pos : stop.start() if stop else pos + 90]
    skipped = bool(m and m.group().strip(" \t\n*_"))  # a verb, an adverb or "of them"
    if (predicate.strip() and (skipped or of_set)) or has_noun:
        found = (
            (not has_noun and classify(predicate, "", "", kind, value))
            or (of_set and classify(f"{predicate} {set_noun()}", "", "", kind, value))
            or classify(predicate, "", "", kind, value, bare=True)
        )
        if found and (partitive is None or found.metric != "companies"):
            return MetricCandidate(found, "predicate")
    if partitive is not None:
        return MetricCandidate(partitive, "partitive")
    if has_noun:
        return None
    starts = [x.end() for x in _CLAUSE_START.finditer(s, 0, start)]
    for lo in (starts[-1] if starts else 0, 0):  # its clause, else the sentence before it
        found = classify(s[lo:start], "", "", kind, value, only_bare=True)
        if found:
            return MetricCandidate(found, "subject")
    return None


def narrower_predicate(s: str, end: int, kind: str, value: float) -> MetricCandidate | None:
    """A narrower metric that the words right after a general noun give it: "seven community
    companies are now listed", "300 companies are located on the campus"."""
    m = _of_them().match(s, end)
    if not m or not m.group().strip(" \t\n*_"):
        return None
    words = s[m.end() :].split()[:_NARROWING_WORDS]
    found = classify(" ".join(words), "", "", kind, value, bare=True)
    if found is not None and found.metric not in _generic_sets():
        return MetricCandidate(found, "predicate")
    stop = _PREDICATE_END.search(s, m.end(), m.end() + 90)
    predicate = s[m.end() : stop.start() if stop else m.end() + 90]
    found = classify(f"{predicate} {set_noun()}", "", "", kind, value)  # "... building Web3"
    if found is not None and found.metric not in _generic_sets():
        return MetricCandidate(found, "predicate")
    return None


_NARROWING_WORDS = 4
# A heading this short that names a cluster is the cluster ("Fintech"); a longer one is a
# title ("FinTech Week at a glance").
_SET_HEADING_WORDS = 2


def is_generic(metric: MetricMatch | None) -> bool:
    """Whether `metric` counts the whole community (a part of it may be narrower)."""
    return metric is not None and metric.metric in _generic_sets()


def context_metric(
    heading: str | None, previous: str | None, kind: str, value: float
) -> MetricCandidate | None:
    """The metric a bare figure's heading ("Unicorns") or previous sentence names."""
    if heading:
        h = heading.strip(" #*_>\t")
        with_set = None
        if len(h.split()) <= _SET_HEADING_WORDS:  # "Fintech": the fintech companies
            with_set = classify(f"{h} {set_noun()}", "", "", kind, value)
        if with_set is not None and with_set.metric in _generic_sets():
            with_set = None  # any short heading would name the whole community so
        found = (
            classify(h, "", "", kind, value)
            or with_set
            or classify(h, "", "", kind, value, bare=True)
        )
        if found:
            return MetricCandidate(found, "heading")
    if previous:
        found = _named_in(previous, kind, value)
        if found:
            return MetricCandidate(found, "previous")
    return None


def _named_in(sentence: str, kind: str, value: float) -> MetricMatch | None:
    """A metric a whole sentence names (its last noun phrase that names one)."""
    found = classify(sentence, "", "", kind, value, bare=True)
    if found and found.metric != "companies":
        return found
    return None
