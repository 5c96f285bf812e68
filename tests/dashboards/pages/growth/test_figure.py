"""The Growth chart from plain data: bounds open-ended, flows apart, disputes drawn as such."""

from __future__ import annotations

from datetime import date

from dashboards.pages.growth.data import ChartData, ChartPoint, ChartSource
from dashboards.pages.growth.figure import (
    BELIEVED,
    DISPUTED_STRETCH,
    GARBLED,
    IN_CONFLICT,
    OUTLIER,
    REJECTED,
    chart_config,
    figure,
    hover_text,
    plan,
    safe_text,
    source_line,
)
from etl.check.consensus import SeriesPoint

DAY = date(2024, 1, 1)


def point(cid: int, value: float, qualifier: str = "exact", *, low=None, high=None,
          status: str = "auto", conflict: bool = False, quote: str = "A quote.",
          day: date = DAY, garbled: bool = False, believed: bool = True,
          period: str | None = None, decision: str = "") -> ChartPoint:  # fmt: skip
    return ChartPoint(
        claim_id=cid, document_id=100 + cid, document=f"doc{cid}.txt", publisher="Pub",
        as_of=day, value=value, value_low=value if low is None else low,
        value_high=value if high is None else high, unit="count", qualifier=qualifier,
        quote=quote, status=status, in_conflict=conflict, garbled=garbled, period=period,
        title=f"Document {cid}", believed=believed, decision=decision,
    )  # fmt: skip


def sp(day: date, value: float, disputed: str = "") -> SeriesPoint:
    return SeriesPoint("Cyberport", "companies", None, day, value, value, value, "count",
                       "single", (1,), (), "why", "exact", disputed)  # fmt: skip


def data(*points: ChartPoint, series=()) -> ChartData:
    sources = (ChartSource(101, "Document 1", "Cyberport", "press release", DAY, 1, ""),)
    return ChartData("Cyberport", "companies", "Companies", "count", points, tuple(series),
                     len(points), sources)  # fmt: skip


def traces(fig) -> dict:
    return {t["name"]: t for t in fig["data"] if t.get("showlegend", True)}


def test_over_is_a_lower_bound_drawn_open_ended():
    fig = figure(data(point(1, 2000, "over", low=2000, high=3000), point(2, 2400, "exact")))
    t = traces(fig)["At least (\u201cover \u2026\u201d)"]
    assert list(t["y"]) == [2000]  # at the printed figure, not at the next digit
    stem = t["error_y"]["array"][0]
    assert 0 < stem < 1000 and t["error_y"]["arrayminus"] == [0.0]  # an arrow, not a bar to 3,000
    head = next(x for x in fig["data"] if x.get("showlegend") is False)
    assert head["marker"]["symbol"] == "triangle-up" and head["y"] == [2000 + stem]
    assert head["hoverinfo"] == "skip"


def test_nearly_points_down_and_about_spreads_both_ways():
    fig = figure(data(point(1, 2000, "nearly", low=1900, high=2000),
                      point(2, 500, "about", low=450, high=550)))  # fmt: skip
    down = traces(fig)["At most (\u201cnearly \u2026\u201d)"]
    assert list(down["y"]) == [2000] and down["error_y"]["array"] == [0.0]
    exact = traces(fig)["Exact or \u201cabout\u201d"]
    assert exact["error_y"]["array"] == [50] and exact["error_y"]["arrayminus"] == [50]


def test_flows_outliers_garbled_and_rejected_each_apart():
    d = data(
        point(1, 10, conflict=True),
        point(2, 12, status="rejected", believed=False),
        point(3, 7, period="P1Y"),
        point(4, 90, conflict=True, believed=False),
        point(5, 3, garbled=True, believed=False),
    )
    t = traces(figure(d))
    assert [c[0] for c in t[IN_CONFLICT]["customdata"]] == [1]
    assert [c[0] for c in t[REJECTED]["customdata"]] == [2]
    assert [c[0] for c in t["Added in one year (not a total)"]["customdata"]] == [3]
    assert [c[0] for c in t[OUTLIER]["customdata"]] == [4]
    assert GARBLED not in t  # hidden unless asked for
    assert [c[0] for c in traces(figure(d, show_garbled=True))[GARBLED]["customdata"]] == [5]


def test_the_believed_line_is_dashed_where_disputed():
    series = (sp(date(2023, 1, 1), 5), sp(date(2024, 1, 1), 6), sp(date(2025, 1, 1), 12, "low"))
    p = plan(data(point(1, 5), series=series))
    assert [(a.value, b.value) for a, b in p.solid] == [(5, 6)]
    assert [(a.value, b.value) for a, b in p.disputed] == [(6, 12)]
    t = traces(figure(data(point(1, 5), series=series)))
    assert t[BELIEVED]["line"]["dash"] == "solid" and t[DISPUTED_STRETCH]["line"]["dash"] == "dash"
    assert t[DISPUTED_STRETCH]["y"] == [6, 12]


def test_hover_says_whether_a_figure_counts_and_who_decided():
    text = hover_text(point(1, 2000, "over", low=2000, high=3000, quote="Over <b>2,000</b>.",
                            decision="rejected by ana, 2026-02-14 09:30 UTC: “stale”",
                            status="rejected", believed=False))  # fmt: skip
    assert "<b>over 2,000</b> (2,000 to 3,000)" in text
    assert "Rejected: not counted" in text and "Review: rejected by ana" in text
    assert "&lt;b&gt;2,000&lt;/b&gt;" in text  # document text is escaped
    assert "Source: Document 1" in text
    outlier = hover_text(point(2, 90, conflict=True, believed=False))
    assert "Not believed: disputed by a stronger source" in outlier
    flow = hover_text(point(3, 7, period="P1Y"))
    assert "added in one year, not a total" in flow
    assert safe_text("word " * 40, width=20).count("<br>") == 7


def test_figure_carries_title_source_line_and_date_for_the_png():
    import plotly.graph_objects as go

    fig = figure(data(point(1, 10, "over", low=10, high=20, conflict=True)),
                 drawn=date(2026, 12, 4))  # fmt: skip
    go.Figure(fig)  # raises on any property Plotly does not know
    assert fig["layout"]["title"]["text"] == "Cyberport: Companies"
    note = fig["layout"]["annotations"][0]["text"]
    assert note == source_line(data(), date(2026, 12, 4))
    assert "Cyberport (1 document)" in note and "drawn 4 Dec 2026" in note
    assert fig["layout"]["xaxis"]["title"]["text"] == "date of the figure"


def test_no_cloud_no_logo():
    config = chart_config("companies")
    assert config["displaylogo"] is False and config["showSendToCloud"] is False
    assert config["showEditInChartStudio"] is False and config["showLink"] is False
    assert config["toImageButtonOptions"]["format"] == "png"
