"""What the words right after a general noun make a count of companies: a narrower set of
them ("seven community companies are now listed", "300 companies are located on the
campus", "100 companies in the community were developing Web3 applications")."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.candidates import ASIDE, PREDICATE_END, MetricCandidate
from etl.extract.count_guards import ranges_over_kinds
from etl.extract.figure_cues import cues
from etl.extract.figure_sets import generic_sets, of_them, set_noun
from etl.extract.figure_text import before_next_figure, words_before_figure
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.metrics import MetricMatch, classify, held_metrics, named_cluster, place_metrics
from etl.extract.predicate_words import own_words


@cache
def _field_verb() -> re.Pattern[str]:
    """A verb saying which field a count works in ("are engaged in", "specialise in")."""
    return re.compile(lexicon()["figures"]["field_verbs"], re.IGNORECASE)


@cache
def _relative() -> re.Pattern[str]:
    """A relative clause between a noun and its clause's verb (lexicon: relative_before_verb)."""
    return re.compile(lexicon()["figures"]["relative_before_verb"], re.IGNORECASE)


def narrower_predicate(s: str, end: int, kind: str, value: float) -> MetricCandidate | None:
    """A narrower metric that the words right after a general noun give it: "seven community
    companies are now listed", "300 companies are located on the campus"."""
    if ranges_over_kinds(s, end):
        return None  # "2,200 member companies range from two-person start-ups to listed firms"
    # "Two companies nurtured there - A and B - have ...", "Four companies that grew up with
    # us are now unicorns"
    if aside := ASIDE.match(s, end) or _relative().match(s, end):
        stop = PREDICATE_END.search(s, aside.end(), aside.end() + 90)
        predicate = before_next_figure(s[aside.end() : stop.start() if stop else aside.end() + 90])
        found = classify(predicate, "", "", kind, value, bare=True)
        if _narrower(found):
            return MetricCandidate(found, "predicate")
    m = of_them().match(s, end)
    words = own_words(words_before_figure(s[m.end() if m else end :]))
    found = classify(" ".join(words), "", "", kind, value, bare=True)  # "700 companies on site"
    held = found is not None and found.metric in held_metrics()
    held = held and cues()["held_of"].match(s, end) is not None
    if _narrower(found) or held:
        return MetricCandidate(found, "predicate")  # (and "800 items of IP rights": those held)
    place = None if m and m.group().strip() else _place_phrase().match(s, end)
    if place is not None:  # "five companies in the Cyberport community had attained unicorn
        words = words_before_figure(s[place.end() :])  # status": the verb after the place
        found = classify(" ".join(words), "", "", kind, value, bare=True)
        if _narrower(found):
            return MetricCandidate(found, "predicate")
    stop = PREDICATE_END.search(s, end, end + 90)
    reach = end + len(before_next_figure(s[end : stop.start() if stop else end + 90]))
    field = _field_verb().search(s, end, reach)
    if field is not None:  # "180 companies in the community are engaged in AI and data ..."
        words = words_before_figure(s[field.end() :])
        found = named_cluster(" ".join(words)) if kind == "count" and words else None
        if found is not None:
            return MetricCandidate(found, "predicate")
    if not m or not m.group().strip(" \t\n*_"):
        return None
    stop = PREDICATE_END.search(s, m.end(), m.end() + 90)
    predicate = s[m.end() : stop.start() if stop else m.end() + 90]
    found = classify(f"{predicate} {set_noun()}", "", "", kind, value)  # "... building Web3"
    if _narrower(found):
        return MetricCandidate(found, "predicate")
    return None


@cache
def _place_phrase() -> re.Pattern[str]:
    """A phrase of place right after a count's noun: "in the Cyberport community"."""
    org = lexicon()["organisations"]
    preps = phrases_re(lexicon()["attribution"]["locatives"])
    return re.compile(
        rf"\s+(?:{preps})\s+(?:the\s+|its\s+|our\s+)?(?:[\w'’-]+\s+){{0,3}}?"
        rf"(?:{phrases_re(org['described_heads'])})\b",
        re.IGNORECASE,
    )


def _narrower(found: MetricMatch | None) -> bool:
    """Whether a metric the words after a count of companies give is a narrower set of them
    (not the places that "300 companies were founded by entrepreneurs from" point to, nor the
    awards "15 start-ups won")."""
    return found is not None and found.metric not in _not_narrower()


@cache
def _not_narrower() -> frozenset[str]:
    return generic_sets() | place_metrics() | held_metrics()
