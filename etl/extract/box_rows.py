"""What the rows of one fact box share: the lead-in line over them, and the one cluster the
rows above a row all count, if they do."""

from __future__ import annotations

from etl.extract.fact_box import box_value
from etl.extract.metrics import cluster_metrics
from etl.extract.section_view import SectionView, SentenceId
from etl.extract.sentence_figures import find_figures

_MAX_BOX_ROWS = 30


def box_lead(view: SectionView, sid: SentenceId) -> str:
    """The lead-in line over the list or box that sentence `sid` stands in ("" if none)."""
    p, leads = sid[0], view.model.lead_ins
    while p > 0 and view.paragraphs[p][0] not in leads and sid[0] - p < _MAX_BOX_ROWS:
        if box_value(view.text, view.paragraphs[p - 1][0]) is None:
            break
        p -= 1  # (a row above, of the same box)
    span = leads.get(view.paragraphs[p][0])
    return view.text[span[0] : span[1]] if span else ""


def one_cluster_rows(view: SectionView, sid: SentenceId) -> str:
    """The rows above sentence `sid` in its box, when every figure they give counts one and
    the same cluster ("- Web3 companies: 68" over "- Founders' countries and regions: 11"):
    the box is the cluster's. "" when they count several things, or none."""
    p, j = sid
    rows = [view.sentence_text((p, k)) for k in range(j)]
    found = {
        f.metric.metric
        for row in rows
        for f in find_figures(row, view.config.bare_dollar)
        if f.metric is not None
    }
    return " ".join(rows) if len(found) == 1 and found <= cluster_metrics() else ""
