"""The Growth page's components from plain data: cards, tables, sources, downloads."""

from __future__ import annotations

from datetime import date

from dash import html

from dashboards.pages.growth import layout
from dashboards.pages.growth.data import ChartSource
from dashboards.pages.growth.view import View
from etl.check.consensus import SeriesPoint
from etl.report.kpis import make_kpi
from tests.dashboards.pages.growth.test_figure import data, point
from tests.layout_tools import components, text_of


def sp(day: date, value: float, disputed: str = "", ids=(1,)) -> SeriesPoint:
    return SeriesPoint("Cyberport", "funding_raised", None, day, value, value, value * 1.002,
                       "HKD", "single", ids, (), "One source.", "over", disputed)  # fmt: skip


def by_id(tree, ident: str):
    return next(c for c in components(tree) if getattr(c, "id", None) == ident)


def test_a_disputed_card_links_to_its_conflict():
    k = make_kpi("funding_raised", "Funding raised", "HKD", [sp(date(2025, 6, 5), 43.4e9, "high")])
    k = k.__class__(**{**k.__dict__, "conflict_ids": (1, 2)})
    card = layout.kpi_card(k)
    assert text_of(by_id(card, "growth-kpi-funding_raised")) == "over HK$43.4bn"
    badge = by_id(card, "growth-kpi-funding_raised-disputed")
    assert (
        badge.children == "Disputed · high severity" and badge.href == "/conflicts#conflicts-card-1"
    )
    assert by_id(card, "growth-kpi-funding_raised-spark").src.startswith(
        "data:image/svg+xml;base64,"
    )
    calm = layout.kpi_card(make_kpi("unicorns", "Unicorns", "count", []))
    assert not [c for c in components(calm) if "disputed" in str(getattr(c, "id", ""))]


def test_tables_and_their_cap(monkeypatch):
    d = data(*(point(i, 100 + i, day=date(2020, 1, 1 + i)) for i in range(5)),
             series=(sp(date(2020, 1, 5), 104),))  # fmt: skip
    tab = layout.table_tab(d, show_garbled=False)
    assert "One source." in text_of(tab) and "over 104" in text_of(tab)
    monkeypatch.setattr(layout, "TABLE_ROWS", 3)
    capped = layout.claims_table(d, show_garbled=False)
    rows = [c for c in components(capped) if isinstance(c, html.Tr)]
    assert len(rows) == 1 + 3  # the heading and the newest three
    assert "The newest 3 of 5" in text_of(capped)
    struck = layout.claims_table(data(point(9, 5, status="rejected", believed=False)), False)
    (row,) = [c for c in components(struck) if getattr(c, "className", None) == "growth-row-struck"]
    assert "rejected: not counted" in text_of(row)


def test_sources_and_downloads():
    sources = (ChartSource(3, "A release", "Cyberport", "press release", date(2025, 6, 5), 2,
                           "published by the organisation itself"),)  # fmt: skip
    tab = layout.sources_tab(sources)
    links = [c for c in components(tab) if getattr(c, "href", None)]
    assert [(text_of(a), a.href) for a in links] == [("A release", "/sources/3")]
    view = View(metric="unicorns", date_from=date(2024, 1, 1))
    down = layout.download_tab(view, "Cyberport")
    assert by_id(down, "growth-csv").href == (
        "/export/claims.csv?metric=unicorns&entity=Cyberport&from=2024-01-01"
    )
    assert by_id(down, "growth-series-csv").href.startswith("/export/series.csv?")
    assert by_id(down, "growth-briefing").href == "/briefing"
