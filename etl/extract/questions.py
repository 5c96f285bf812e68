"""What a question in an interview asks for: the metric a bare figure answering it counts."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.candidates import set_member
from etl.extract.figure_sets import set_noun
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.metrics import MetricMatch, classify
from etl.extract.noun_phrases import noun_phrase


def asked_metric(question: str, kind: str, value: float) -> MetricMatch | None:
    """The metric of what the last "how many ..." of a question asks for, if it names one."""
    last = next(reversed([*_HOW_MANY.finditer(question)]), None)
    if last is None:
        # "AI is the growth story. How large is that cluster now?": the cluster it names
        named = set_member(question, kind, value) if kind == "count" and value > 1 else None
        return named.match if named is not None else None
    asked = _ASKED_LEAD.sub("", last.group(1))  # "of those are genuinely start-ups": start-ups
    found = classify(asked, "", "", kind, value)
    if found is None and _in_the_whole().search(asked):  # "... companies are in the community"
        a, b = noun_phrase(asked, 0, len(asked))
        found = classify(asked[a:b], "", "", kind, value)
    elif found is not None and found.metric == set_noun():
        return None  # "How many companies have you backed?"
    return found


@cache
def _in_the_whole() -> re.Pattern[str]:
    """ "in the community", "on the campus": what asks for the size of the whole."""
    heads = phrases_re(lexicon()["organisations"]["described_heads"])
    return re.compile(
        rf"\b(?:in|on|at)\s+(?:the|your|its|our)\s+(?:[\w-]+\s+){{0,2}}(?:{heads})\b", re.I
    )


_ASKED_LEAD = re.compile(
    r"^(?:of\s+(?:those|them|these)\s+)?(?:(?:are|were|is|was)\s+)?(?:[a-z]+ly\s+)?", re.I
)
_HOW_MANY = re.compile(r"\bhow\s+many\s+([^?.!]{1,80})", re.IGNORECASE)
