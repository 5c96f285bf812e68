"""The metric a figure with no noun of its own carries over from a figure before it in its
sentence: the total an addition was carried to ("..., taking the total to HK$40 billion") or
a share of an amount in a stretch of time ("..., and HK$2.6 billion of that in 2024")."""

from __future__ import annotations

from etl.extract.candidates import is_generic
from etl.extract.doubtful_figures import flow_share
from etl.extract.figure import UNSURE_SOURCES, Figure
from etl.extract.figure_cues import word_cues
from etl.extract.metrics import MetricMatch, classify, cumulative_metrics


def carried_metric(
    s: str,
    before: str,
    low_before: str | None,
    out: list[Figure],
    what: tuple[str, str, float],
    clause: tuple[int, int],
) -> tuple[MetricMatch, str] | None:
    """The metric and its source for a figure with no noun after `before` in sentence `s`,
    the figures `out` before it; `what` is its unit, kind and value, `clause` its clause's
    span; None when it carries none over."""
    unit, kind, value = what
    if word_cues()["running_total"].search(before, low_before):
        prev = next((g for g in reversed(out) if g.unit == unit and g.metric), None)
        if prev is not None and prev.metric is not None:
            if prev.metric.metric in cumulative_metrics():
                return prev.metric, "total"
            if is_generic(prev.metric):
                # "Two companies have gone public this year, bringing the total to three": the
                # total of what the words after the earlier figure's noun say they did (a
                # stock, "companies", has none).
                did = classify(s[prev.np_end : len(before)], "", "", kind, value, predicate=True)
                if did is not None and did.metric in cumulative_metrics():
                    return did, "total"
    if kind == "money" and flow_share(s, *clause):  # "in the first half alone"
        prev = next((g for g in reversed(out) if g.metric and g.unit != "count"), None)
        if (
            prev is not None
            and prev.metric is not None
            and prev.source not in UNSURE_SOURCES  # (a part of a doubtful sum is too)
            and prev.metric.metric in cumulative_metrics()
        ):
            return prev.metric, "share"
    return None
