"""Figures that read like the community's but may count something else: for a reviewer.

Each test looks at one figure in its sentence, after its metric has been found, and says
whether the evidence for that metric is mixed: a part of an intake ("45 were admitted, 17 of
them in smart living"), a part named by a kind the catalogue does not track ("15 of them
university spin-offs"), one company's money ("Lumina, a start-up based there, has raised
..."), money given to the organisation or by its scheme rather than raised by its companies
("the Government's funding for ... amounted to HK$420 million"), a share of a larger sum
("HK$1.6 billion of the money our start-ups raised"), a unit's own figure ("its investor
network has 180 members"), a rate ("15 places per intake"), events that make a total
counted within a stretch of time ("three went public during the year": the total's growth,
not the total), a cluster's size under the
community's noun ("the fintech cluster numbered 300 companies") or a sector the catalogue
does not track ("85 health-tech start-ups"). Such a figure is kept as a candidate with the
reason "metric?", never a believed claim. The words live in the [doubtful] table of
etl/data/lexicon.toml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from etl.extract.figure import Figure
from etl.extract.figure_cues import counts_to_date
from etl.extract.figure_cues import cues as figure_cues
from etl.extract.figure_sets import of_them
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.metrics import (
    MetricMatch,
    classify,
    cluster_metrics,
    intake_metrics,
    named_cluster,
)
from etl.extract.noun_phrases import noun_phrase
from etl.extract.regex_parts import gated_search

# The sentence before and its last whole figure, read only when asked for (SentenceContext).
Previous = Callable[[], tuple[str, Figure | None] | None]
# The metric of the sentence's figure before the one in hand and where that figure starts.
Earlier = tuple[str | None, int] | None
# How far before the earlier figure its verb may be ("Cyberport admitted 90 start-ups").
_INTAKE_VERB_REACH = 30
_CLAUSE_END = re.compile(r"[,;.:!?()]")


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    d = lexicon()["doubtful"]
    pronouns = phrases_re(lexicon()["figures"]["set_pronouns"])
    return {
        "of_set": re.compile(rf"[*_]*\s+of\s+(?:{pronouns})\b\s*", re.IGNORECASE),
        "parts_of_set": re.compile(rf"\bof\s+(?:{pronouns})\b", re.IGNORECASE),
        "set_before": re.compile(
            rf"\b(?:(?:of|among)\s+(?:{pronouns})|including)\s*$", re.IGNORECASE
        ),
        "intake_verb": re.compile(d["intake_words"], re.IGNORECASE),
        "not_a_kind": re.compile(d["not_a_kind"], re.IGNORECASE),
        "given": re.compile(d["given_money"], re.IGNORECASE),
        "raising": re.compile(d["raising_words"], re.IGNORECASE),
        "share_of": re.compile(d["share_of_sum_after"], re.IGNORECASE),
        "share_of_founders": re.compile(d["share_of_founders_after"], re.IGNORECASE),
        "flow_share": re.compile(d["flow_share"], re.IGNORECASE),
        "rate": re.compile(d["rate_after"], re.IGNORECASE),
        "one_company": re.compile(d["one_company_before"]),
        "cluster": re.compile(d["cluster_before"], re.IGNORECASE),
        "unit": re.compile(d["unit_before"], re.IGNORECASE),
        "invested_in": re.compile(d["invested_in_after"], re.IGNORECASE),
        "untracked": re.compile(d["untracked_sectors"], re.IGNORECASE),
        "total_event": re.compile(d["total_event"], re.IGNORECASE),
        "event_period": re.compile(d["event_period"], re.IGNORECASE),
        "cluster_intake": re.compile(d["cluster_intake"], re.IGNORECASE),
    }


def events_in_period(metric: str, generic: bool, clause: str) -> bool:
    """A count of the events that make a total (of `metric`, or counted by the community's
    generic noun), within a stretch of time ("Three companies went public during the year"):
    how much the total grew, not the total."""
    if not generic and metric not in lexicon()["doubtful"]["event_totals"]:
        return False
    cues = _cues()
    return bool(gated_search(cues["total_event"], clause) and cues["event_period"].search(clause))


def part_of_intake(s: str, span: tuple[int, int], metric: str, earlier: Earlier) -> bool:
    """A part ("17 of them", "of which 30") of the figure before it that counts an intake
    (by its metric or the verb of its clause), itself counted as a level: a part of those
    admitted is no size of a cluster."""
    start, end = span
    if earlier is None:
        return False
    c = _cues()
    of_set = c["of_set"].match(s, end)
    if metric in intake_metrics():  # a part of an intake said to be of a kind ("admitted 130
        # ..., and around 25 of them were Web3 businesses"), not one over a time of its own
        return (  # ("... and 42 of them joined us in 2012 alone")
            earlier[0] in intake_metrics()
            and of_set is not None
            and _COPULA.match(s, of_set.end()) is not None
        )
    if not (of_set or c["set_before"].search(s, earlier[1], start)):
        return False
    lead = s[max(0, earlier[1] - _INTAKE_VERB_REACH) : start]
    return earlier[0] in intake_metrics() or c["intake_verb"].search(lead) is not None


_COPULA = re.compile(r"\s*(?:were|are|was|is)\b", re.IGNORECASE)


def part_of_untracked_kind(s: str, end: int) -> bool:
    """A part named by a kind right after "of them" that no metric counts ("15 of them
    university spin-offs admitted"): the figure counts that kind, whatever follows ("70% of
    those companies" names a kind the catalogue counts)."""
    m = _cues()["of_set"].match(s, end)
    if m is None:
        return False
    a, b = noun_phrase(s, m.end(), min(len(s), m.end() + 80))
    words = s[a:b].strip(" *_")
    if not words or _cues()["not_a_kind"].match(words):
        return False
    return classify(words, "", "", "count", 2.0) is None


def given_money(clause: str, sentence: str) -> bool:
    """Money the sentence calls a grant, a subsidy or funding given to someone, in a clause
    with no word of raising: a scheme's or a government's money, not funds raised."""
    return bool(gated_search(_cues()["given"], sentence)) and not _cues()["raising"].search(clause)


def one_company(before: str) -> bool:
    """Money a sentence gives to the name it opens with, described in passing ("Lumina, a
    start-up based at the park, has raised HK$80 million"): one company's."""
    return _cues()["one_company"].search(before) is not None


def share_of_sum(s: str, end: int) -> bool:
    """An amount followed by "of the money ..." or "of that": a share of a larger sum."""
    return _cues()["share_of"].match(s, end) is not None


def flow_share(s: str, start: int, end: int) -> bool:
    """A share of a sum, or an amount with no noun of its own, said to come in a stated stretch
    of time: "HK$2.6 billion of that in the first half of this year alone" (s[start:end] is
    the figure's clause)."""
    return _cues()["flow_share"].search(s, start, end) is not None


def rate(s: str, np_end: int) -> bool:
    """A figure per something ("15 places per intake", "HK$100,000 each"): a rate."""
    return _cues()["rate"].match(s, np_end) is not None


def cluster_size(before: str) -> bool:
    """A count under the community's noun whose clause is about a cluster ("the fintech
    cluster numbered 300 companies"): the cluster's size, not the community's."""
    return gated_search(_cues()["cluster"], before[-120:]) is not None


def unit_subject(before: str) -> bool:
    """A figure whose clause is about a unit named in plain words ("its investor network has
    180 members"): the unit's own figure, not the community's."""
    return gated_search(_cues()["unit"], before[-120:]) is not None


def invested_in(s: str, end: int) -> str | None:
    """Who the money ending at `end` went into, as the words after it say ("... in Cyberport
    start-ups": "Cyberport"), or None."""
    m = _cues()["invested_in"].match(s, end)
    return m.group("who") if m else None


def untracked_sector(np: str) -> bool:
    """A count whose noun names a sector the catalogue does not track ("85 health-tech
    start-ups"): no size of the community, nor of a cluster it tracks."""
    return _cues()["untracked"].search(np) is not None


def doubtful(
    s: str,
    span: tuple[int, int, int],
    np: str,
    before: str,
    clause: str,
    kind: str,
    match: MetricMatch,
    generic: bool,
    earlier: Earlier,
) -> bool:
    """Whether a figure (start, end, end of its noun `span`) with metric `match` and noun
    `np` has mixed evidence for that metric (see the module's docstring); `earlier` is the
    metric and start of the sentence's figure before it, `clause` the words of its own clause."""
    start, end, np_end = span
    if unit_subject(before) and not (kind == "money" and invested_in(s, np_end) is not None):
        return True  # (not a unit's money that went into companies: theirs, raised)
    if kind == "money":
        shared = share_of_sum(s, end) and not flow_share(clause, 0, len(clause))
        return shared or given_money(clause, s) or one_company(before)
    if part_of_intake(s, (start, end), match.metric, earlier) or rate(s, np_end):
        return True
    if events_in_period(match.metric, generic, clause):
        return True
    if match.metric in cluster_metrics() and _cues()["cluster_intake"].search(clause):
        return True  # "admitted 19 smart living start-ups to our incubation programmes"
    if not np.strip() and part_of_untracked_kind(s, end):
        return True
    rest = _CLAUSE_END.split(s[np_end : np_end + 80], 1)[0]  # "... in the agritech space"
    return generic and (cluster_size(before) or untracked_sector(f"{np} {rest}"))


_COUNTS = ("count", "percent")


def one_intake(
    s: str, end: int, match: MetricMatch, qualifier: str = "", unit: str = "count"
) -> bool:
    """Whether an intake figure is one cohort's size or an addition to the total, not the
    count admitted over the years (see the lexicon's `one_intake`); or a ceiling ("up to 25
    start-ups will be admitted"), as any amount of money is ("funding of up to HK$500,000")."""
    if qualifier == "up_to" and (
        match.metric in intake_metrics() or unit != "count" or _MODAL.match(s, end, end + 60)
    ):
        return True  # (a share "of up to 70 per cent" is a ceiling too, as is "Up to 10
        # start-ups can be accommodated at any one time")
    if match.metric not in intake_metrics():
        return False
    if figure_cues()["adds_to_total"].match(s, end):
        return True
    return _names_one_cohort(s, len(s))


def cohort_part(s: str, start: int, end: int, unit: str) -> bool:
    """Whether a count is a part of one cohort its sentence names before it ("The new cohort
    includes 14 FinTech start-ups, 11 in AI ...", "Of the 2019 cohort, 38 are ...") or right
    after it ("17 of the new incubatees"): the cohort's make-up, no community figure."""
    return cohort_before(s, start, unit) or intake_set_part(s, start, end, unit)


def cohort_before(s: str, start: int, unit: str) -> bool:
    """`cohort_part` by a cohort its sentence names before the count: the whole test when
    `intake_set_part` has already said no."""
    return unit in _COUNTS and _names_one_cohort(s, start)


def intake_set_part(s: str, start: int, end: int, unit: str, metric: str = "") -> bool:
    """Whether a count is a part of an intake named as its set, before it ("Of the 170
    start-ups admitted so far this year, 38 are ...") or right after it ("17 of the new
    incubatees"), in a sentence that counts no total to date: the intake's make-up. A
    cluster's count (`metric`) is a part of any intake, to date too ("Of the 104 start-ups
    admitted since 2005, 57 work in games": no size of the cluster)."""
    if unit not in _COUNTS:
        return False
    c = figure_cues()
    return (
        gated_search(c["intake_set"], s, 0, start) is not None
        or c["intake_set_after"].match(s, end) is not None
    ) and (metric in cluster_metrics() or not counts_to_date(s))


def intake_part_after(s: str, span: tuple[int, int], metric: str, previous: Previous) -> bool:
    """Whether a cluster's count opening on a part of a set ("Eleven of them are developing
    FinTech", "The remainder include 11 Web3 projects", "Among them are ...") follows a
    sentence whose last whole figure (`previous()`) is an intake: the intake's make-up."""
    if metric not in cluster_metrics():
        return False
    start, end = span
    if (m := figure_cues()["set_part_opening"].match(s, 0, start)) is not None:
        new_clause = figure_cues()["new_clause_mark"].search(s, m.end(), start)
        opens = new_clause is None  # (not "Among them fintech leads, the hub's 350 ...")
    else:
        of = of_them().match(s, end)
        opens = _OPENS.fullmatch(s, 0, start) is not None and of is not None
        opens = opens and bool(of.group("set"))
    return opens and _earlier_metric(previous) in intake_metrics()


def _earlier_metric(previous: Previous) -> str | None:
    """The metric of the last whole figure of the sentence before, if any."""
    before = previous()
    figure = before[1] if before is not None else None
    return figure.metric.metric if figure is not None and figure.metric is not None else None


_OPENS = re.compile(r"[\W_]*")
_FOUNDER_METRICS = frozenset(["founder_origins", "web3_founder_origins"])


def cohort_founders(s: str, start: int, metric: str, previous: Previous) -> bool:
    """Whether a count of founders' countries (`metric`) is one cohort's or one field's: "its"
    or "their" founders after a cohort named in the sentence ("The cohort was chosen from 220
    applications, and its founders come from nine economies") or counted by the sentence
    before ("... welcomed 25 start-ups this month. Their founders come from 8 countries"),
    or founders a field narrows ("Our AI founders alone come from 18 countries")."""
    if metric not in _FOUNDER_METRICS:
        return False
    own = figure_cues()["own_founders"].search(s, 0, start)
    if own is not None:
        if figure_cues()["cohort_words"].search(s, 0, own.start()) is not None:
            return True
        if _OPENS.fullmatch(s, 0, own.start()) or _parts_before(s, own.start()):
            # (the sentence opens on them, or on parts of them: "Eighteen of them are
            # developing AI ..., nine work on Web3; their founders come from 12 economies")
            return _earlier_metric(previous) in intake_metrics()
    if metric != "founder_origins":
        return False  # (the Web3 cluster's founders are what web3_founder_origins counts)
    field = figure_cues()["field_founders"].search(s, 0, start)
    return field is not None and named_cluster(field.group(1)) is not None


def _parts_before(s: str, end: int) -> bool:
    """Whether s[:end] counts parts of the set the sentence before named ("Eighteen of them")."""
    return _cues()["parts_of_set"].search(s, 0, end) is not None


def breaks_down_an_intake(lead: str) -> bool:
    """Whether a list's lead-in line breaks one intake down ("The 88 new incubatees break down
    by sector as follows:"): its rows are the intake's make-up, no community figures."""
    return figure_cues()["intake_breakdown"].search(lead) is not None


def group_record_after(s: str, previous: Previous) -> bool:
    """Whether sentence `s` gives a record jointly by a pronoun ("Between them they have raised
    HK$1.1 billion") after a sentence that opens on a group ("This year's graduates are
    already part of that story."): that group's record, no community figure."""
    c = figure_cues()
    if c["joint_pronoun"].match(s) is None:
        return False
    before = previous()
    return before is not None and c["group_subject"].match(before[0]) is not None


def one_groups_record(lead: str) -> bool:
    """Whether a list's lead-in line gives one group's own record ("Between them, the 21
    graduates have:"): its rows are that group's figures, no community figures."""
    return figure_cues()["group_record"].search(lead) is not None


def joins_one_cohort(s: str, end: int, metric: str) -> bool:
    """Whether a cluster's count that ends at `end` joined one cohort its clause names after it
    ("11 smart-living start-ups joined the latest intake in July"): the cohort's make-up."""
    if metric not in cluster_metrics():
        return False
    stop = _STOP_MARK.search(s, end)
    c = figure_cues()
    return gated_search(c["one_intake"], s, end, stop.start() if stop else len(s)) is not None


def at_one_competition(s: str, np_end: int, metric: str) -> bool:
    """Whether a count of awards whose noun ends at `np_end` was won at one competition named
    right after it ("7 awards at the Asia Smart App Awards", "including 19 at the Hong Kong ICT
    Awards 2019"): that event's, not what the community has won."""
    return metric == "awards" and figure_cues()["one_competition"].match(s, np_end) is not None


def _names_one_cohort(s: str, end: int) -> bool:
    """Whether s[:end] names one cohort ("the latest cohort") and `s` counts no total since a
    time or to date (the lexicon's `one_intake` and `cumulative_marks`)."""
    c = figure_cues()
    named = gated_search(c["one_intake"], s, 0, end)
    return named is not None and not counts_to_date(s)


_STOP_MARK = re.compile(r"[,;:.!?()]")
# The words that name a part of a set right after the set: "42 companies, including 29 ...".
PART_WORDS = r"(?:including|among\s+them|of\s+which)"
# A part named in an aside between a set and its verb: "42 companies, including 29
# incubatees, have signed up".
_PART_ASIDE = re.compile(
    rf",\s+{PART_WORDS}\b[^,;:.!?()]*,"
    r"(?!\s*(?:and|but|while|which|who|that|as|so|with)\b)",  # (the set's own verb after it)
    re.IGNORECASE,
)
# A modal verb in the clause after a figure: "Up to 10 start-ups can be accommodated".
_MODAL = re.compile(r"[^,;.!?]*?\b(?:can|could|may|might|will|would)\b", re.IGNORECASE)


def does_something(s: str, start: int, end: int, joining: bool = True) -> bool:
    """Whether the companies counted by a figure whose noun phrase is s[start:end] do
    something, as the verb in or after it says ("18 start-ups joined the trip", "40 members
    of the community have operations in the EU"): those taking part, no community's size.
    `joining`: whether joining counts (for a part of the community, "300 of those joined
    during 2025" is how it grew)."""
    stop = _STOP_MARK.search(s, end, end + 60)
    if stop is not None and (aside := _PART_ASIDE.match(s, stop.start())):
        stop = _STOP_MARK.search(s, aside.end(), aside.end() + 60)  # past ", including 29 ...,"
    found = _activity().search(s, start, stop.start() if stop else end + 60)
    return found is not None and (joining or not _joining().search(found.group()))


@cache
def _joining() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrases_re(lexicon()['figures']['joining_verbs'])})\b", re.I)


@cache
def _activity() -> re.Pattern[str]:
    f = lexicon()["figures"]
    return re.compile(
        rf"(?<=\s)(?:(?:{phrases_re(f['predicate_auxiliaries'])})\s+(?:(?:{phrases_re(f['predicate_adverbs'])})\s+)*)?"
        rf"(?:{phrases_re(f['activity_verbs'])})(?![\w-])",
        re.IGNORECASE,
    )


def share_of_founders(s: str, end: int, unit: str) -> bool:
    """Whether a share whose number ends at `end` is one of founders ("40 per cent of its
    founders are from Hong Kong"): no share of the companies any metric counts."""
    return unit == "percent" and _cues()["share_of_founders"].match(s, end) is not None
