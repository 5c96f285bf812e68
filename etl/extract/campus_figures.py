"""Counts said to be at the tracked organisation by its name ("of which 220 were located at
Cyberport", "about 600 are based at Cyberport itself"): read as the sentence would be with
the name described as its campus, so that they count the companies on site."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from etl.config import ExtractConfig
from etl.extract.candidates import is_generic
from etl.extract.figure import Figure
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.metrics import location_metrics
from etl.extract.sentence_figures import find_figures

CAMPUS_READING = r"\g<prep> the campus"
_SPACES = re.compile(r"\s*")


def campus_counts(sent: str, figures: list[Figure], config: ExtractConfig) -> list[Figure]:
    """`figures` with each count that has no metric of its own (or a row's of all companies,
    "- located at Cyberport: 731" under "Companies: 1,844") and that the sentence, read with
    the organisation's name after "at" or "in" as its campus, places on or off it."""
    if all(f.metric is not None and not _placeable(f) for f in figures):
        return figures
    at_name = _at_name(config.aliases)
    if not at_name.search(sent):
        return figures
    described = find_figures(at_name.sub(CAMPUS_READING, sent), config.bare_dollar,
                             keep_bare=True, keep_planned=True)  # fmt: skip
    placed = [
        g for g in described if g.metric is not None and g.metric.metric in location_metrics()
    ]
    out = []
    for f in figures:
        same = next((g for g in placed if g.number.value == f.number.value), None)
        if (
            (f.metric is None or _placeable(f))
            and same is not None
            and not at_name.match(sent, _SPACES.match(sent, f.end).end())
        ):  # (not "More than 300 at Cyberport": the organisation's count, not its campus's)
            f = replace(f, metric=same.metric, source=same.source)
        out.append(f)
    return out


def _placeable(f: Figure) -> bool:
    """A table row's count of companies, which where its label says they are may narrow, or a
    part of a set whose words after it say where it is ("of which around 640 are located at
    Cyberport")."""
    return (
        f.source in ("label", "predicate", "subject")
        and f.metric is not None
        and is_generic(f.metric)
    )


@cache
def _at_name(aliases: tuple[str, ...]) -> re.Pattern[str]:
    """The organisation's name as a place: "at Cyberport", "in the Cyberport Park itself"
    (lexicon: name_as_place_before, name_as_place_after)."""
    fig = lexicon()["figures"]
    before, after = phrases_re(fig["name_as_place_before"]), fig["name_as_place_after"]
    return re.compile(
        rf"\b(?P<prep>{before})\s+(?:the\s+)?(?:{phrases_re(list(aliases))})(?:\s+itself)?\b"
        rf"(?={after})",
        re.IGNORECASE,
    )
