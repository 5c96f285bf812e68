"""The lexicon cues the words around a figure are read against, and the tests built on them.

The patterns come from the [figures] table of etl/data/lexicon.toml, compiled once: the words
before a figure that make it a change, a comparison, a plan or a portfolio; the words after it
that make it no count; and the sets (a delegation, a pavilion, a waiting list) whose size is
no community's. The cues that end in "$" or need a word are tried the fast way round.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from etl.extract.lexicon import lexicon
from etl.extract.regex_parts import literal_tests, may_match, reversed_end_pattern


@cache
def cues() -> dict[str, re.Pattern[str]]:
    fig = lexicon()["figures"]
    measures = "|".join(fig["non_metric_after"])
    # (people and events after a modifier too: "96 industry events")
    modified = rf"(?!{fig['counted_heads']})[A-Za-z][\w-]*\s+(?:{'|'.join(fig['uncounted_heads'])})"
    return {
        "non_metric": re.compile(rf"^\s*(?:(?:{measures})\b|{modified}\b)", re.IGNORECASE),
        "delta_before": re.compile(fig["delta_before"], re.IGNORECASE),
        "delta_after": re.compile(fig["delta_after"], re.IGNORECASE),
        "in_a_span": re.compile(fig["in_a_span_after"], re.IGNORECASE),
        "event_verb": re.compile(fig["event_verbs_after"], re.IGNORECASE),
        "comparison": re.compile(fig["comparison_before"], re.IGNORECASE),
        "change_target": re.compile(fig["change_target_before"], re.IGNORECASE),
        "target": re.compile(fig["target_words"], re.IGNORECASE),
        "plan_question": re.compile(fig["plan_question"], re.IGNORECASE),
        "plan_heading": re.compile(fig["plan_heading"], re.IGNORECASE),
        "portfolio": re.compile(fig["portfolio_before"], re.IGNORECASE),
        "limit": re.compile(fig["limit_before"], re.IGNORECASE),
        "group_size": re.compile(fig["group_size_before"], re.IGNORECASE),
        "not_a_count": re.compile(fig["not_a_count_after"], re.IGNORECASE),
        "whole": re.compile(fig["whole_after_part"], re.IGNORECASE),
        "whole_of_community": re.compile(fig["whole_of_community"], re.IGNORECASE),
        "member": re.compile(fig["member_of_set_after"], re.IGNORECASE),
        "definite": re.compile(fig["definite_before"], re.IGNORECASE),
        "definite_set": re.compile(fig["definite_set_after"], re.IGNORECASE),
        "ordinal": re.compile(fig["ordinal_before"], re.IGNORECASE),
        "first_admitted": re.compile(fig["first_admitted_before"], re.IGNORECASE),
        "not_delta": re.compile(fig["not_delta_before"], re.IGNORECASE),
        "not_a_noun": re.compile(fig["not_a_noun"], re.IGNORECASE),
        "participle_field": re.compile(fig["participle_field"], re.IGNORECASE),
        "activity_before": re.compile(fig["activity_before"], re.IGNORECASE),
        "intake_support": re.compile(fig["intake_support_before"], re.IGNORECASE),
        "further": re.compile(fig["further_part_before"], re.IGNORECASE),
        "outside_set": re.compile(fig["outside_sets_before"], re.IGNORECASE),
        "outside_set_after": re.compile(fig["outside_sets_after"], re.IGNORECASE),
        "event_group_after": re.compile(fig["event_group_after"], re.IGNORECASE),
        "event_group_before": re.compile(fig["event_group_before"], re.IGNORECASE),
        "applied_after": re.compile(fig["applied_after"], re.IGNORECASE),
        "current_after": re.compile(fig["current_cohort_after"], re.IGNORECASE),
        "set_part_opening": re.compile(fig["set_part_opening"], re.IGNORECASE),
        "new_clause_mark": re.compile(fig["new_clause_mark"], re.IGNORECASE),
        "own_founders": re.compile(fig["own_founders"], re.IGNORECASE),
        "cohort_words": re.compile(fig["cohort_words"], re.IGNORECASE),
        "field_founders": re.compile(fig["field_founders"], re.IGNORECASE),
        "range_to": re.compile(fig["range_to"], re.IGNORECASE),
        "held_of": re.compile(fig["held_of"], re.IGNORECASE),
        "in_sight_after": re.compile(fig["in_sight_after"], re.IGNORECASE),
        "named_by": re.compile(fig["named_by"], re.IGNORECASE),
        "apposition_we": re.compile(fig["apposition_we"], re.IGNORECASE),
        "current_before": re.compile(fig["current_cohort_before"], re.IGNORECASE),
        "joint_audience": re.compile(fig["joint_audience_opening"], re.IGNORECASE),
        "joint_group": re.compile(fig["joint_group_after"], re.IGNORECASE),
        "one_competition": re.compile(fig["one_competition_after"]),
        "single_round": re.compile(fig["single_round"], re.IGNORECASE),
        "round_size": re.compile(fig["round_size_before"], re.IGNORECASE),
        "one_of": re.compile(fig["one_of_whole"], re.IGNORECASE),
        "subgroup": re.compile(fig["subgroup_before"], re.IGNORECASE),
        "whole_relative": re.compile(fig["whole_relative_before"], re.IGNORECASE),
        "field": re.compile(fig["field_before"], re.IGNORECASE),
        "superlative": re.compile(fig["superlative_before"], re.IGNORECASE),
        "ranked_next": re.compile(fig["ranked_next_before"], re.IGNORECASE),
        "ranking": re.compile(fig["ranking_before"], re.IGNORECASE),
        "carried_before": re.compile(fig["carried_before"], re.IGNORECASE),
        "carried_to": re.compile(fig["carried_to_before"], re.IGNORECASE),
        "number_of_after": re.compile(fig["number_of_after"], re.IGNORECASE),
        "carried_after": re.compile(fig["carried_after"], re.IGNORECASE),
        "left_set": re.compile(fig["left_set_after"], re.IGNORECASE),
        "recipients": re.compile(fig["recipients_before"], re.IGNORECASE),
        "running_total": re.compile(fig["running_total_before"], re.IGNORECASE),
        "one_intake": re.compile(fig["one_intake"], re.IGNORECASE),
        "cumulative": re.compile(fig["cumulative_marks"], re.IGNORECASE),
        "record_since": re.compile(fig["record_since_before"], re.IGNORECASE),
        "community_of": re.compile(fig["community_of_before"], re.IGNORECASE),
        "community_size": re.compile(fig["community_size_before"], re.IGNORECASE),
        "intake_set": re.compile(fig["intake_set_before"], re.IGNORECASE),
        "intake_breakdown": re.compile(fig["intake_breakdown_lead"], re.IGNORECASE),
        "group_record": re.compile(fig["group_record_lead"], re.IGNORECASE),
        "joint_pronoun": re.compile(fig["joint_pronoun_opening"], re.IGNORECASE),
        "group_subject": re.compile(fig["group_subject_opening"], re.IGNORECASE),
        "intake_set_after": re.compile(fig["intake_set_after"], re.IGNORECASE),
        "adds_to_total": re.compile(fig["adds_to_total_after"], re.IGNORECASE),
        "part_in_period": re.compile(fig["part_in_period_after"], re.IGNORECASE),
    }


class _Ends:
    """Whether a cue ending in "$" ends a text: tried at the end only (the pattern reversed)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.backwards = reversed_end_pattern(pattern)

    def search(self, text: str) -> bool:
        if self.backwards is not None:
            return self.backwards.match(text[::-1]) is not None
        return self.pattern.search(text) is not None


class _Anywhere:
    """Whether a cue occurs in a text, skipping the search when a word it needs is missing (a
    cue ending in "$" is tried at the end only, as `_Ends` does)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.tests = literal_tests(pattern.pattern)  # the words it needs, as plain substrings
        self.ends = _Ends(pattern)

    def may_occur(self, low: str | None) -> bool:
        """False only when `low` (a text lower-cased by `safe_lower`) lacks a word the cue
        needs; True when `low` is None (lower-casing could not stand for the pattern)."""
        return may_match(self.tests, low)

    def search(self, text: str, low: str | None) -> bool:
        """`low` is `text` lower-cased (by `safe_lower`), or None."""
        return self.may_occur(low) and self.ends.search(text)


@cache
def fast_cues() -> tuple[_Ends, _Ends, _Anywhere, _Ends]:
    c = cues()
    return (
        _Ends(c["delta_before"]),
        _Ends(c["comparison"]),
        _Anywhere(c["target"]),
        _Ends(c["portfolio"]),
    )


@cache
def further_cue() -> _Ends:
    """Whether the words before a figure end by making it a further part ("a further 38")."""
    return _Ends(cues()["further"])


@cache
def word_cues() -> dict[str, _Anywhere]:
    """The cues searched for anywhere in the words before a figure, each skipped when a word
    it needs is missing."""
    c = cues()
    names = (
        "activity_before", "carried_before", "outside_set", "subgroup", "field", "running_total",
        "community_of", "recipients",
    )  # fmt: skip
    return {name: _Anywhere(c[name]) for name in names}


@lru_cache(maxsize=4096)
def not_counted(np: str) -> bool:
    """Whether the words after a figure say it is no count ("years", "more")."""
    c = cues()
    return bool(c["non_metric"].match(np) or c["delta_after"].match(np))


_RELATIVE_AFTER_NOUN = re.compile(r"(?<=[\w'’]),\s+(?:which|that|whose)\s")
_WORD = re.compile(r"[\w-]+")


def outside_set(before: str, lo: int, low: str | None = None) -> bool:
    """Whether a set no community's size is part of ("the delegation", "the waiting list") is
    named in the clause before a figure, and the figure is not in a relative clause about
    something named after it ("the delegation is drawn from the Web3 cluster, which now
    numbers 300 companies": the cluster's size). `low`: `before` lower-cased, if known."""
    if not word_cues()["outside_set"].may_occur(None if low is None else low[lo:]):
        return False
    m = cues()["outside_set"].search(before, lo)
    if m is None:
        return False
    set_end = _WORD.match(before, m.start()).end()  # (the pattern opens with the set's word)
    rel = _RELATIVE_AFTER_NOUN.search(before, set_end)
    return rel is None or not _WORD.search(before, set_end, rel.start())


def at_event(before: str, s: str, np_end: int, low: str | None = None) -> bool:
    """Whether a count whose noun ends at `np_end`, after the words `before`, is of companies
    at an event ("a pavilion of 40 start-ups", "took 60 start-ups to Shenzhen"). `low`:
    `before` lower-cased by `safe_lower`, if known."""
    w = word_cues()
    return w["activity_before"].search(before, low) or (
        w["carried_before"].search(before, low)
        and cues()["carried_after"].match(s, np_end) is not None
    )


def counts_to_date(s: str) -> bool:
    """Whether `s` counts since a time or to date ("since 2005", "so far"); a "since" that
    starts a record ("the largest intake since the scheme began") counts nothing."""
    c = cues()
    for m in c["cumulative"].finditer(s):
        since = m.group().lower() == "since"
        if not (since and c["record_since"].search(s, max(0, m.start() - 40), m.start())):
            return True
    return False
