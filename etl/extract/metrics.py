"""Which catalogue metric a figure counts, from the words around it (rules in metric_terms.toml)."""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from etl.extract.lazy_patterns import LazyPattern
from etl.extract.lexicon import DATA, expand_shorthand, lexicon, safe_lower
from etl.extract.regex_parts import any_of, literal_tests, may_match, required_literal_groups


@dataclass(frozen=True)
class Rule:
    """One row of metric_terms.toml, compiled."""

    metric: str
    units: tuple[str, ...]
    np: LazyPattern | None
    np_exclude: LazyPattern | None
    context: LazyPattern | None
    context2: LazyPattern | None
    exclude: LazyPattern | None
    max: float | None
    lead: LazyPattern | None = None
    subject: LazyPattern | None = None
    bare: bool = False  # tried only for a figure with no noun of its own (see candidates.py)
    predicate_only: bool = False  # (a bare rule) tried on the words after the figure only


@dataclass(frozen=True)
class MetricMatch:
    """The metric a figure counts and whether its value is beyond belief for that metric."""

    metric: str
    implausible: bool


def _compile(pattern: str | None) -> LazyPattern | None:
    """The rule's pattern, compiled when a figure first needs it (most rules fit few texts)."""
    return LazyPattern(pattern, re.IGNORECASE) if pattern else None


@cache
def _terms() -> dict[str, Any]:
    """The parsed etl/data/metric_terms.toml."""
    with (DATA / "metric_terms.toml").open("rb") as f:
        return tomllib.load(f)


@cache
def rules() -> tuple[Rule, ...]:
    """The metric rules in the order they are tried; every metric must be in the catalogue."""
    data = _terms()
    known = catalogue_keys()
    out = []
    for r in data["rule"]:
        if r["metric"] not in known:
            raise ValueError(f"metric_terms.toml: {r['metric']!r} is not in metrics.csv")
        out.append(
            Rule(
                metric=r["metric"],
                units=tuple(r["units"]),
                np=_compile(r.get("np")),
                np_exclude=_compile(r.get("np_exclude")),
                context=_compile(r.get("context")),
                context2=_compile(r.get("context2")),
                exclude=_compile(r.get("exclude")),
                max=float(r["max"]) if "max" in r else None,
                lead=_compile(r.get("lead")),
                subject=_compile(r.get("subject")),
                bare=bool(r.get("bare", False)),
                predicate_only=r.get("bare") == "predicate",
            )
        )
    return tuple(out)


@cache
def catalogue_keys() -> frozenset[str]:
    """The metric keys of etl/data/metrics.csv."""
    with (DATA / "metrics.csv").open(newline="", encoding="utf-8") as f:
        return frozenset(row["key"] for row in csv.DictReader(f))


@cache
def cumulative_metrics() -> frozenset[str]:
    """Metrics that add up over time (a period on them makes sense)."""
    with (DATA / "metrics.csv").open(newline="", encoding="utf-8") as f:
        return frozenset(
            row["key"] for row in csv.DictReader(f) if row["cumulative"].strip() == "true"
        )


@cache
def intake_metrics() -> frozenset[str]:
    """Metrics that count an intake: a figure of new ones is such a figure, over its period."""
    return frozenset(_terms()["intake_metrics"])


@cache
def place_metrics() -> frozenset[str]:
    """Metrics that count places (markets, founders' countries): a place is what they count."""
    return frozenset(_terms()["place_metrics"])


@cache
def placed_metrics() -> frozenset[str]:
    """Metrics whose companies a place after the figure describes: where or what they are."""
    return frozenset(_terms()["placed_metrics"])


@cache
def held_metrics() -> frozenset[str]:
    """Metrics that count what companies win or hold (awards, IP rights), never companies."""
    return frozenset(_terms()["held_metrics"])


@cache
def location_metrics() -> frozenset[str]:
    """Metrics that say where companies are (on or off the campus)."""
    return frozenset(_terms()["location_metrics"])


@cache
def topic_scoped_metrics() -> frozenset[str]:
    """Metrics a passage about a cluster narrows to the cluster's ("The founders come ...")."""
    return frozenset(_terms()["topic_scoped_metrics"])


@cache
def topic_scope_breaks() -> re.Pattern[str]:
    """Words of a figure's sentence that keep it the whole community's, not a cluster's."""
    return re.compile(_terms()["topic_scope_breaks"], re.IGNORECASE)


def whole_named(s: str, start: int) -> bool:
    """Whether the words of the figure's clause before `start` (since the last mark) turn to
    the whole community ("its overall community numbers", "part of a community of more than")."""
    cut = max(s.rfind(",", 0, start), s.rfind(";", 0, start), s.rfind(":", 0, start))
    return any(
        not _AS_A.search(s, max(0, m.start() - 5), m.start())  # ("the cluster as a whole")
        for m in topic_scope_breaks().finditer(s, cut + 1, start)
    )


_AS_A = re.compile(r"\bas\s+a\s+$", re.IGNORECASE)


def classify(
    np: str,
    before: str,
    after: str,
    unit: str,
    value: float,
    lead: str = "",
    bare: bool = False,
    only_bare: bool = False,
    predicate: bool = False,
) -> MetricMatch | None:
    """The first rule that fits the noun phrase, the clause around it and the unit.

    `unit` is count, percent or money; `before`/`after` are the clause's words either side;
    `lead` is the whole sentence before the figure. Among rules that name a subject ("the
    FinTech cluster has 150 companies"), the subject nearest the figure wins. `bare`: the
    figure has no noun of its own, and `np` holds the words around it (rules marked `bare`
    are tried too: "90 were admitted"); `only_bare`: only those rules are, and not those
    that read the words after a figure only (`np` is then the words before it); `predicate`:
    only the rules marked `bare`, `np` holding words that come after the figure's noun.
    """
    np = expand_shorthand(np)  # "cos" -> "companies"
    agent = _agent().search(np)
    if agent is not None and not (bare or only_bare or predicate):
        # "Awards won by incubatees": what is counted comes before the one who did it
        found = classify(np[: agent.start()], before, after, unit, value, lead)
        if found is not None:
            return found
    around = low_around = None
    nearest: tuple[int, Rule] | None = None
    low_lead: str | bool | None = False  # the lead lower-cased, once a subject rule needs it
    no_subject = False  # the lead lacks a word that any subject rule needs
    for r in _rules_for(np, unit, bare or only_bare or predicate):
        if only_bare and (not r.bare or r.predicate_only):
            continue
        if predicate and not r.bare:
            continue
        if r.context or r.context2 or r.exclude:
            if around is None:
                around = f"{before} {np} {after}"
                low_around = safe_lower(around)
            # Each search runs only if the words it needs are there (a far quicker test).
            if r.context and not (_may_hold(r.context, low_around) and r.context.search(around)):
                continue
            if r.context2 and not (_may_hold(r.context2, low_around) and r.context2.search(around)):
                continue
            if r.exclude and _may_hold(r.exclude, low_around) and r.exclude.search(around):
                continue
        if (r.lead or r.subject) and low_lead is False:
            low_lead = safe_lower(lead or before)
            no_subject = low_lead is not None and _no_subject_word(low_lead)
        if r.lead and not (_may_hold(r.lead, low_lead) and r.lead.search(lead or before)):
            continue
        if r.subject:
            if no_subject or not _may_hold(r.subject, low_lead):
                continue  # a word every subject needs is missing
            at = _subject_end(r.subject, lead or before)
            if at is not None and (nearest is None or at > nearest[0]):
                nearest = (at, r)
            continue
        if nearest is not None:
            break
        return _metric_match(r.metric, r.max is not None and value > r.max)
    if nearest is not None:
        r = nearest[1]
        return _metric_match(r.metric, r.max is not None and value > r.max)
    return None


@cache
def _agent() -> re.Pattern[str]:
    """A passive verb and "by" inside a noun phrase: who did it follows (lexicon)."""
    return re.compile(lexicon()["figures"]["agent_after_counted"], re.IGNORECASE)


@cache
def cluster_metrics() -> frozenset[str]:
    """Metrics that count one cluster's companies."""
    return frozenset(_terms()["cluster_metrics"])


def named_cluster(words: str) -> MetricMatch | None:
    """The one cluster `words` name by its own words ("Fintech is still the campus's biggest
    cluster, with over"), if exactly one: its companies' metric."""
    named = clusters_named(words)
    return _metric_match(named.pop(), False) if len(named) == 1 else None


def clusters_named(words: str) -> set[str]:
    """The metrics of the clusters `words` name by their own words."""
    clusters = cluster_metrics()
    phrase = f"{words} {lexicon()['figures']['set_noun']}"  # (the noun of a set: companies)
    return {
        r.metric
        for r in rules()
        if r.metric in clusters
        and r.np is not None
        and not (r.context or r.lead or r.subject or r.bare)
        and r.np.search(phrase)
    }


@lru_cache(maxsize=1024)
def wants_context(np: str, unit: str) -> bool:
    """Whether a noun phrase names no metric alone but would with a word around it ("25
    countries" is founders' origins once founders are asked about)."""
    return any(r.context is not None and not r.subject for r in _rules_for(np, unit))


@lru_cache(maxsize=256)
def _metric_match(metric: str, implausible: bool) -> MetricMatch:
    """One shared (frozen) MetricMatch per metric and plausibility."""
    return MetricMatch(metric, implausible)


def _no_subject_word(low: str) -> bool:
    """Whether `low` (lower-cased by `safe_lower`) lacks a needed word of every subject rule."""
    words = _first_subject_words()
    return words is not None and words.search(low) is None


@cache
def _first_subject_words() -> re.Pattern[str] | None:
    """Any word of each subject rule's first group of needed words (None: some rule has none)."""
    groups = [required_literal_groups(r.subject.pattern) for r in rules() if r.subject]
    if not all(groups):
        return None
    return any_of(w.lower() for g in groups for w in g[0])


def _may_hold(pattern: LazyPattern, low: str | None) -> bool:
    """False only when `low` (a text lower-cased by `safe_lower`) lacks a word `pattern` needs."""
    return may_match(literal_tests(pattern.pattern), low)


# Between a cluster and its figure: words that turn to the whole community instead.
_SUBJECT_GAP_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas)\b|\b(?:communit(?:y|ies)|park|campus|overall|total|"
    r"whole|altogether|in\s+all|of\s+which)\b|\d",
    re.IGNORECASE,
)
_SUBJECT_WINDOW = 240


def _subject_end(pattern: LazyPattern, lead: str) -> int | None:
    """Where the last match of a subject ends in `lead`, if nothing after it changes subject."""
    start = max(0, len(lead) - _SUBJECT_WINDOW)
    last = None
    for m in pattern.finditer(lead, start):
        last = m
    if last is None:
        return None
    if _SUBJECT_GAP_BREAK.search(lead, last.end()) and not _FROM_TO.fullmatch(lead, last.end()):
        return None  # (but "its Web3 community has grown from 150 companies in 2023 to")
    return last.end()


# A subject's count told as a change: "... community has expanded from over 150 companies in
# April 2023 to more than", the figure after "to" still the subject's.
_FROM_TO = re.compile(
    r"(?:\s+(?:community|cluster|ecosystem))?\s+(?:has\s+|have\s+|had\s+)?[a-z]+\s+from\s"
    r"[^;:]{1,80}?\bto\s+(?:(?:more\s+than|over|about|around|nearly|some|almost)\s+)?",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _rules_for(np: str, unit: str, bare: bool = False) -> tuple[Rule, ...]:
    """The rules whose unit and noun-phrase tests a figure passes (noun phrases recur)."""
    low = safe_lower(np)
    return tuple(
        r
        for r in rules()
        if unit in r.units
        and (bare or not r.bare)
        and not (r.np and not (_holds_words(r.np, low) and r.np.search(np)))
        and not (r.np_exclude and r.np_exclude.search(np))
    )


def _holds_words(pattern: LazyPattern, low: str | None) -> bool:
    """`_may_hold` by plain substring tests, with no pattern compiled (for short texts)."""
    return low is None or all(
        any(w in low for w in words) for words in _lower_literals(pattern.pattern)
    )


@lru_cache(maxsize=128)
def _lower_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.lower() for w in words) for words in required_literal_groups(pattern))
