"""What the rows of one fact box share: the lead-in line over them, the currency a heading
gives their column, and the one cluster the rows above a row all count, if they do."""

from __future__ import annotations

import re

from etl.extract.fact_box import box_value
from etl.extract.metrics import cluster_metrics
from etl.extract.section_view import SectionView, SentenceId
from etl.extract.sentence_figures import find_figures

_MAX_BOX_ROWS = 30
# A heading that is a column's currency alone: "$ million", "Item   HK$ million", "(HK$'000)".
_MONEY_HEADING = re.compile(
    r"(?:[^\W\d]+\s+)?\(?\s*(?:[A-Z]{0,3}\$|RMB|HKD|USD)\s*(?:'000|thousand|million|billion|mn|bn|m)?\s*\)?",
    re.IGNORECASE,
)


def box_lead(view: SectionView, sid: SentenceId) -> str:
    """The lead-in line over the list or box that sentence `sid` stands in ("" if none)."""
    p, leads = sid[0], view.model.lead_ins
    while p > 0 and view.paragraphs[p][0] not in leads and sid[0] - p < _MAX_BOX_ROWS:
        if box_value(view.text, view.paragraphs[p - 1][0]) is None:
            break
        p -= 1  # (a row above, of the same box)
    span = leads.get(view.paragraphs[p][0])
    return view.text[span[0] : span[1]] if span else ""


def under_money_heading(view: SectionView, sid: SentenceId) -> bool:
    """Whether the paragraph of sentence `sid` stands right under a heading that names a
    currency alone ("$ million" over "(a) financial support to incubatees  620"): its figures
    are sums."""
    p = sid[0]
    span = view.model.heading(view.paragraphs[p][0])
    return (
        p > 0
        and span is not None
        and span[0] == view.paragraphs[p - 1][0]
        and _MONEY_HEADING.fullmatch(view.text, *span) is not None
    )


def one_cluster_rows(view: SectionView, sid: SentenceId) -> str:
    """The rows above sentence `sid` in its box (the nearest `_MAX_BOX_ROWS`), when every
    figure they give counts one and the same cluster ("- Web3 companies: 68" over "- Founders'
    countries and regions: 11"): the box is the cluster's. "" when they count several things,
    or none. Each row's figures are read once per section, however many rows ask."""
    p, j = sid
    rows = [(p, k) for k in range(max(0, j - _MAX_BOX_ROWS), j)]
    found = set().union(*(_row_metrics(view, row) for row in rows))
    if len(found) != 1 or not found <= cluster_metrics():
        return ""
    return " ".join(view.sentence_text(row) for row in rows)


def _row_metrics(view: SectionView, sid: SentenceId) -> frozenset[str]:
    """The metrics the figures of sentence `sid` count, read once."""
    got = view.row_metrics.get(sid)
    if got is None:
        figures = find_figures(view.sentence_text(sid), view.config.bare_dollar)
        got = view.row_metrics[sid] = frozenset(f.metric.metric for f in figures if f.metric)
    return got
