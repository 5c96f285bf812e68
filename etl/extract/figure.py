"""A figure of a sentence as the extractor reads it: its span, number, unit, qualifier, the
metric it counts and where that came from."""

from __future__ import annotations

from dataclasses import dataclass

from etl.extract.metrics import MetricMatch
from etl.extract.numbers import NumberMention

# Figures that count a part of a set named in their sentence.
PART_SOURCES = frozenset(["partitive", "predicate"])
# Figures whose metric is a guess: what they do, none of their own, or in doubt.
UNSURE_SOURCES = frozenset({"activity", "bare", "doubtful"})


@dataclass(frozen=True)
class Figure:
    """A figure with a metric, in sentence coordinates (offsets into the sentence text)."""

    start: int  # the currency sign or the number (not the qualifier)
    end: int
    number: NumberMention
    unit: str  # count, percent, HKD, USD, RMB
    qualifier: str
    np_end: int
    metric: MetricMatch | None  # None only for a bare figure kept for its context to name
    garbled: bool
    comparison: bool = False  # an earlier value: "up from about 1,000 in 2018"
    # Where the metric came from: "noun" (the words after the figure), "number_of", "label",
    # "comparison", "partitive", "predicate", "subject"; "bare" while it has none,
    # "context_noun" while its noun names one only with words around it ("25 countries").
    source: str = "noun"
    increment: bool = False  # "40 more joined": an addition, a claim only as a flow
    planned: bool = False  # in a clause about plans ("will number 200 by the end of the year")
