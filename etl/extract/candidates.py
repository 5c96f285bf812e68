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

from etl.extract.count_guards import counts_no_set
from etl.extract.figure_cues import cues
from etl.extract.figure_sets import (
    NUMBER_OF,
    OF_SET,
    cluster_word,
    generic_sets,
    member_sets,
    of_them,
    opens_set,
    own_set,
    set_noun,
)
from etl.extract.figure_text import (
    STOP_MARK,
    WORDS,
    before_next_figure,
    counts_something,
)
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.metrics import (
    MetricMatch,
    classify,
    cluster_metrics,
    held_metrics,
    intake_metrics,
    location_metrics,
    named_cluster,
)
from etl.extract.noun_phrases import noun_phrase
from etl.extract.predicate_words import (
    ITEM,
    PLACE_FIRST,
    comma_aside,
    set_place,
    verb_re,
)
from etl.extract.regex_parts import gated_search

# Sources in the order a bare figure tries them (sentence first, then context).
SENTENCE_SOURCES = ("partitive", "predicate", "subject")
CONTEXT_SOURCES = ("heading", "previous")

PREDICATE_END = re.compile(r"[,;.:!?()]|\s(?:and|but|while|which|who|so|whereas)\s")
# An aside set off by dashes between a figure and its predicate.
ASIDE = re.compile(r"[ \t]*[-–—][ \t][^-–—.;]{1,80}?[ \t][-–—][ \t]*")

# A part described with no verb of its own ("22 of them working on payments", "22 of them in
# fintech"): what kind of member it is, not when or how it came.
_DESCRIBED_PART = re.compile(r"\s*(?:[a-z-]+ing|in|on|from|with|based|focused)\b")
# A figure with no noun said to be in a field: it counts the companies there.
_IN_A_FIELD = re.compile(
    r"\s*(?:(?:are|were)\s+(?:now\s+|still\s+|already\s+)?(?:working|operating)|are|were|work"
    r"|worked|working|operate|operating)\s+(?:now\s+|still\s+|already\s+)?(?:in|within)\s",
    re.IGNORECASE,
)
# A verb that gives its subject's size, right before a figure: the subject is what is counted.
# What may stand between a verb of size and its figure: a qualifier ("stands at about").
BEFORE_SIZE = (
    r"(?:\s+(?:about|around|some|roughly|over|nearly|almost|more\s+than|close\s+to))?\s*[~≈]?\s*$"
)
MEASURED_BY = re.compile(
    r"\b(?:accounts?\s+for|accounted\s+for|makes?\s+up|made\s+up|comprises?|numbers?|numbered"
    r"|totals?|totalled|totaled|stands?\s+at|stood\s+at)" + BEFORE_SIZE,
    re.IGNORECASE,
)
_CLAUSE_WORDS = r"\b(?:and|but|while|whereas)\s"  # words that open a clause
CLAUSE_START = re.compile(rf"[,;:]|{_CLAUSE_WORDS}", re.IGNORECASE)


class MetricCandidate(NamedTuple):
    """A metric a figure may count and where the evidence for it came from."""

    match: MetricMatch
    source: str


@cache
def _people() -> re.Pattern[str]:
    words = phrases_re(lexicon()["figures"]["people_nouns"])
    return re.compile(rf"[\s*_]*(?:[\w-]+\s+)?(?:{words})\b", re.IGNORECASE)


def bare_metric(
    s: str, end: int, kind: str, value: float, has_noun: bool = False, start: int | None = None
) -> MetricCandidate | None:
    """The metric of the figure whose words start at `end` in sentence `s`, when the noun after
    it (if any: `has_noun`) names none; `start` is where the figure starts (default `end`)."""
    start = end if start is None else start
    if counts_no_set(s, start, end, has_noun):
        return None  # "four in ten of them", "36,000 people, of whom 16,000 work in ..."
    if has_noun and _people().match(s, end):
        return None  # "600 guests attended the gathering held on campus"
    if has_noun and _names_others(s, end):
        return None  # "signed with three universities as AI start-ups multiply"
    if not has_noun and kind == "count" and gated_search(cues()["community_size"], s, 0, start):
        found = classify(set_noun(), "", "", kind, value)  # "out of a community of over 2,300"
        return MetricCandidate(found, "subject") if found else None
    partitive = None
    own_part = False  # "380 of its companies were in fintech": a part of its own set
    member_part = False  # "400 of the Cyberport firms are in fintech": a part of the members
    m = None if has_noun else OF_SET.match(s, end)
    named_set = False  # "Three of its alumni - A, B and C - are each valued at ...": no metric's
    of_cluster = False  # "70 of the cluster's members are game developers": a part of one
    if m:  # "six of Hong Kong's unicorns", "700 of the companies work from its offices"
        a, b = noun_phrase(s, m.end(), len(s))
        verb = verb_re().search(s, a, b)  # the set's noun phrase ends at a verb ("... work")
        if verb is None and (where := set_place().match(s, b)):  # "of the companies in our
            verb = verb_re().match(s, where.end() - 1)  # community are start-ups": past its place
        b = verb.start() if verb else b
        of_cluster = cluster_word().search(s, m.start(), b) is not None
        partitive = classify(s[a:b], "", "", kind, value)
        named_set = partitive is None and value > 1  # (not "one of the things I like")
        own_part = partitive is not None and own_set().match(s, m.start()) is not None
        if partitive is not None and (partitive.metric in member_sets() or own_part):
            # "two of the companies ...", "three of the community's fintech companies
            # were ...": a part of the organisation's own set, not the whole
            member_part = partitive.metric not in intake_metrics()  # (not a part of an intake)
            partitive = None
        end = b
    m = of_them().match(s, end)
    pos = m.end() if m else end
    if aside := ASIDE.match(s, pos) or comma_aside().match(s, pos):
        pos = aside.end()  # "two of which - GoGoVan and WeLab - are valued at ...", "Two of
        # our alumni, a lending platform and a logistics company, have become unicorns"
    of_set = (
        partitive is not None
        or own_part
        or member_part
        or named_set
        or bool(m and m.group("set"))
        or opens_set(s, start)
        or _IN_A_FIELD.match(s, end) is not None  # "..., and roughly 300 are in fintech"
    )
    stop = PREDICATE_END.search(s, pos, pos + 90)
    predicate = before_next_figure(s[pos : stop.start() if stop else pos + 90])
    skipped = bool(m and m.group().strip(" \t\n*_"))  # a verb, an adverb or "of them"
    if (
        not (skipped or of_set or has_noun)
        and (_after_last_number(s, start) or ITEM.match(s))
        and (place := PLACE_FIRST.match(predicate))
    ):  # a part of a whole counted before, or a list's item: "..., with about 900 on the
        # campus", "- **over 900** on the campus" (not the next figure's: "680 on campus / 840
        # off-site"; nor "Our message was simple: 700 on campus.")
        where = classify(place.group(), "", "", kind, value, bare=True)
        if where is not None and where.metric in location_metrics():
            return MetricCandidate(where, "predicate")
    if (predicate.strip() and (skipped or of_set)) or has_noun:
        found = (not has_noun and classify(predicate, "", "", kind, value)) or (
            of_set and classify(f"{predicate} {set_noun()}", "", "", kind, value)
        )
        if not found or is_generic(found):  # "650 are housed on site": the verb is narrower
            found = classify(predicate, "", "", kind, value, bare=True) or found
        if found and is_generic(found) and not has_noun:
            # "25 were associate companies working from offices elsewhere": where they are
            head = _COMPANY_NOUN.search(predicate)
            placed = head and classify(predicate[head.end() :], "", "", kind, value, bare=True)
            found = placed if placed and placed.metric in location_metrics() else found
        if not found and not has_noun and (whole := _whole_predicate(s, pos)) != predicate:
            found = classify(whole, "", "", kind, value)  # "300 are AI and data-science firms"
        part = partitive is not None or own_part or member_part or bool(m and m.group("set"))
        # (Not where a set named outright grew up: "two of Hong Kong's unicorns grew up on the
        # campus" counts unicorns.)
        where = partitive is not None and found and found.metric in location_metrics()
        held = found and found.metric in held_metrics() and has_noun
        if held and not cues()["held_of"].match(predicate):
            found = None  # "Fifteen apps won awards": the winners (not "800 items of IP")
        if found and not (part and found.metric == "companies") and not where:
            if of_cluster and found.metric in cluster_metrics():
                return MetricCandidate(found, "doubtful")  # a segment of a cluster, no size
            return MetricCandidate(found, "predicate")
    if partitive is not None:
        return MetricCandidate(partitive, "partitive")
    if has_noun:
        return None
    starts = [x.end() for x in CLAUSE_START.finditer(s, 0, start)]
    own = starts[-1] if starts else 0  # where the figure's clause starts
    verb = MEASURED_BY.search(s, own, start)  # "AI cos number ~300"
    # The verb's subject, however many clauses back ("..., while the FinTech cluster, still its
    # largest, numbered about 460"; "Its community of start-ups now exceeds 2,000"), before
    # what the whole sentence names first.
    said = verb or _REACHED.search(s, own, start)
    for lo in (own, 0):  # its clause, else the sentence before it
        if lo == 0 and (semi := s.rfind(";", 0, start)) >= 0 and counts_something(s[:semi]):
            break  # "We were four people ...; we're 25 now": the 25 counts what the four did
        if lo == 0 and starts and s[:start].endswith("(") and counts_something(s[:own]):
            break  # "... made up 53 of the admissions, followed by fintech (21)": a part, too
        if lo == 0 and own and NUMBER_OF.search(s, min(own, _after_last_number(s, start)), start):
            break  # "..., while the number of applications rose from 212": its own, no metric
        if _uncounted_subject().match(s, lo):
            break  # "Applications for the two intakes rose ... to 212": no intake's size
        found = (
            _subject_before(s, said.start(), kind, value)
            # (not "made up 53 of the admissions"; no count of companies runs to millions)
            if lo == 0 and said and not of_set and (kind != "count" or value < _MOST_COUNTED)
            else None
        )
        if found is None:
            found = classify(s[lo:start], "", "", kind, value, only_bare=True)
        if found is None and verb is not None:
            found = classify(s[lo : verb.start()], "", "", kind, value)
        if (
            found
            and m
            and m.group("set")
            and found.metric in member_sets()
            and (found.metric not in intake_metrics() or _DESCRIBED_PART.match(s, m.end()))
        ):  # ("..., 22 of them working on payments"; not "21 of them joined us this year")
            return None  # "1,000 companies, two of which ...": a part says nothing of the whole
        if found and found.metric in cluster_metrics() and opens_set(s, start):
            return MetricCandidate(found, "doubtful")  # "..., of which 70 work on mobility"
        if found:
            return MetricCandidate(found, "subject")
    return _cluster_subject(s, start, kind, value)


def _after_last_number(s: str, start: int) -> int:
    """Where the last digit before `start` ends (0 when there is none)."""
    digits = [m.end() for m in _DIGIT.finditer(s, 0, start)]
    return digits[-1] if digits else 0


_DIGIT = re.compile(r"\d")


@cache
def _uncounted_subject() -> re.Pattern[str]:
    """A clause opening with what no metric counts: applications, visitors, events ..."""
    heads = phrases_re(lexicon()["figures"]["uncounted_heads"])
    return re.compile(rf"[\W_]*(?:(?:the|its|our|their)\s+)?(?:[\w-]+\s+)?(?:{heads})\b", re.I)


def _subject_before(s: str, verb: int, kind: str, value: float, lo: int = 0) -> MetricMatch | None:
    """The metric the subject of a verb of measure names: the words that open the verb's clause
    (after "and", "while" ...), up to an aside set off by a comma ("..., while the FinTech
    cluster, still its largest, numbered about 460": the FinTech cluster, not the cluster the
    sentence named first); None when they name none or hold a figure of their own."""
    opens = [m.end() for m in _CLAUSE_WORD.finditer(s, lo, verb)]
    a = opens[-1] if opens else lo
    comma = s.find(",", a, verb)
    head = s[a : comma if comma >= 0 else verb]
    counts = counts_something(head)
    found = None if counts else classify(head, "", "", kind, value)
    if found is None and comma >= 0 and _lead_phrase().match(head):
        # "With the listing of X in March, our family of listed companies has grown to
        # nine": the phrase before the comma sets the scene; the subject follows it.
        return _subject_before(s, verb, kind, value, comma + 1)
    if counts:
        return None
    return found or (named_cluster(head) if kind == "count" else None)


@cache
def _lead_phrase() -> re.Pattern[str]:
    """A phrase opening a sentence that is no subject ("With ...", "After ...", "Since ...")."""
    fig = lexicon()["figures"]
    words = [
        *lexicon()["attribution"]["lead_subordinators"],
        *fig["event_prepositions"],
        *fig["lead_prepositions"],
    ]
    return re.compile(rf"[\W_]*(?:{phrases_re(words)})\b", re.IGNORECASE)


_MOST_COUNTED = 1e6
# A verb saying a count has passed or grown to a figure: read for the subject of its own clause
# only ("..., and its unicorn count has risen to seven").
_REACHED = re.compile(
    r"\b(?:exceeds?|exceeded|tops|topped|surpass(?:es|ed)?|(?:risen|rose|grown|grew|climbed)\s+to)"
    + BEFORE_SIZE,
    re.IGNORECASE,
)
_CLAUSE_WORD = re.compile(_CLAUSE_WORDS, re.IGNORECASE)


_SUBJECT_HEAD_WORDS = 3


@cache
def part_opener() -> re.Pattern[str]:
    """Words that open a part of what comes before ("including", "of which")."""
    openers = phrases_re(lexicon()["figures"]["part_openers"])
    return re.compile(rf"\W*\b(?:{openers})(?::\s*|\s+)", re.I)  # ("Of which: start-ups")


def _whole_predicate(s: str, pos: int) -> str:
    """The words from `pos` to the next mark or figure, "and" and all."""
    stop = STOP_MARK.search(s, pos, pos + 90)
    return before_next_figure(s[pos : stop.start() if stop else pos + 90])


_COPULA = re.compile(r"\b(?:is|was|are|were)\s*$", re.IGNORECASE)  # "Its first intake is 14"


def intake_subject(s: str, q_start: int, kind: str, value: float) -> MetricMatch | None:
    """The intake a clause's subject names before a verb of measure, for a figure whose own noun
    is the set it is drawn from ("This year's intake stands at 38 start-ups"), or None."""
    verb = gated_search(MEASURED_BY, s, 0, q_start) or _COPULA.search(s, 0, q_start)
    if verb is None or kind != "count":
        return None
    starts = [x.end() for x in CLAUSE_START.finditer(s, 0, verb.start())]
    words = s[starts[-1] if starts else 0 : verb.start()].split()
    # The clause opens with the intake ("This year's intake to the programme stands at"), not
    # a sentence that names one on the way ("Cyberport said the admissions mean it will ...").
    found = classify(" ".join(words[:_SUBJECT_HEAD_WORDS]), "", "", kind, value, only_bare=True)
    return found if found is not None and found.metric in intake_metrics() else None


# The noun of a count of companies inside a predicate ("were associate companies working ...").
_COMPANY_NOUN = re.compile(r"\b(?:companies|firms|members|start-?ups|businesses)\b", re.I)
_SUBJECT_START = re.compile(r"[\W_]*(?:[A-Z]\s*:\s*)?")
# A relative clause set off by commas after a sentence's subject.
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\s[^,;:.!?()]{1,120},\s*")
_CLUSTER_SUBJECT_WORDS = 3


def _cluster_subject(s: str, start: int, kind: str, value: float) -> MetricCandidate | None:
    """The cluster a sentence opens with as its subject, for the one bare figure after it
    ("Smart living is the next largest, at roughly 250"): the cluster's companies."""
    after = s[start:].split(maxsplit=1)[1:]  # the words after the figure, if any
    a = _SUBJECT_START.match(s).end()
    if aside := _RELATIVE_ASIDE.search(s, a, start):  # "The FinTech cluster, which numbered
        s = f"{s[: aside.start()]} {s[aside.end() :]}"  # about 20 at the end of 2013, has
        start -= aside.end() - aside.start() - 1  # grown to more than 300": the aside's own
    if kind != "count" or counts_something(s[:start]) or counts_something(" ".join(after)):
        return None  # one figure alone in its sentence
    verb = verb_re().search(s, a, start)
    if verb is None or not 0 < len(s[a : verb.start()].split()) <= _CLUSTER_SUBJECT_WORDS:
        return None
    found = set_member(s[a : verb.start()], kind, value)
    return MetricCandidate(found.match, "subject") if found else None


# A heading this short that names a cluster is the cluster ("Fintech"); a longer one is a
# title ("FinTech Week at a glance").
_SET_HEADING_WORDS = 2


def is_generic(metric: MetricMatch | None) -> bool:
    """Whether `metric` counts the whole community (a part of it may be narrower)."""
    return metric is not None and metric.metric in generic_sets()


def set_member(words: str, kind: str, value: float) -> MetricCandidate | None:
    """A cluster that a short heading or label names with no noun of its own ("Fintech", "AI
    & data science"): the cluster's companies; never the whole community."""
    found = classify(f"{words} {set_noun()}", "", "", kind, value)
    return MetricCandidate(found, "heading") if found and not is_generic(found) else None


def context_metric(
    heading: str | None, previous: str | None, kind: str, value: float
) -> MetricCandidate | None:
    """The metric a bare figure's heading ("Unicorns") or previous sentence names."""
    if heading:
        h = heading.strip(" #*_>\t")
        found = classify(h, "", "", kind, value)
        if found is None and len(h.split()) <= _SET_HEADING_WORDS:  # "Fintech": its companies
            found = (set_member(h, kind, value) or (None, None))[0]
        found = found or classify(h, "", "", kind, value, bare=True)
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


def _names_others(s: str, end: int) -> bool:
    """Whether the noun phrase at `end` names bodies other than a community's members
    ("universities", "associations"): the figure counts those, whatever follows it."""
    a, b = noun_phrase(s, end, len(s))
    return any(w in _other_bodies() for w in WORDS.findall(s.lower(), a, b))


@cache
def _other_bodies() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()["figures"]["other_bodies"])
