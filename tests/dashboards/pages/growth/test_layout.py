"""Growth chart and KPI values from plain data: intervals, bounds, conflicts, hover text."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from dashboards.pages.growth import data as growth
from dashboards.pages.growth.data import (
    ChartData,
    ChartPoint,
    ConsensusPoint,
    Kpi,
    chart_data,
    export_href,
    source_href,
)
from dashboards.pages.growth.layout import (
    chart_config,
    format_change,
    format_value,
    growth_figure,
    hover_text,
    kpi_texts,
    safe_text,
)
from db.documents import store_document
from db.engine import session_scope
from db.models import Claim, Conflict, Review, StoredSeriesPoint
from tests.factories import make_claim, make_doc


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Tests on PostgreSQL share one URL: a new test's data must not meet the last one's cache."""
    growth._chart_cache.clear()


def point(
    cid: int,
    value: float,
    qualifier: str = "exact",
    *,
    low=None,
    high=None,
    status: str = "auto",
    conflict: bool = False,
    quote: str = "A quote.",
    day: date = date(2024, 1, 1),
    garbled: bool = False,
) -> ChartPoint:
    return ChartPoint(
        claim_id=cid,
        document_id=100 + cid,
        document=f"doc{cid}.txt",
        publisher="Pub",
        as_of=day,
        value=value,
        value_low=value if low is None else low,
        value_high=value if high is None else high,
        unit="count",
        qualifier=qualifier,
        quote=quote,
        status=status,
        in_conflict=conflict,
        garbled=garbled,
    )


def data(*points: ChartPoint, consensus=()) -> ChartData:
    return ChartData(
        "Cyberport", "companies", "Companies", "count", points, tuple(consensus), len(points)
    )


def traces(fig) -> dict:
    return {t["name"]: t for t in fig["data"]}


def test_over_is_a_lower_bound_from_low_to_high():
    fig = growth_figure(data(point(1, 2000, "over", low=2000, high=3000)))
    t = traces(fig)["Lower bound (over …)"]
    assert t["marker"]["symbol"] == "triangle-up"
    assert list(t["y"]) == [2000]
    assert list(t["error_y"]["array"]) == [1000] and list(t["error_y"]["arrayminus"]) == [0]


def test_nearly_is_an_upper_bound_and_about_spreads_both_ways():
    fig = growth_figure(
        data(
            point(1, 2000, "nearly", low=1900, high=2000), point(2, 500, "about", low=450, high=550)
        )
    )
    up = traces(fig)["Upper bound (nearly / up to …)"]
    assert up["marker"]["symbol"] == "triangle-down" and list(up["y"]) == [2000]
    assert list(up["error_y"]["arrayminus"]) == [100] and list(up["error_y"]["array"]) == [0]
    exact = traces(fig)["Exact or about"]
    assert list(exact["y"]) == [500]
    assert list(exact["error_y"]["array"]) == [50] and list(exact["error_y"]["arrayminus"]) == [50]


def test_conflicts_are_ringed_and_rejected_greyed_out_of_the_live_traces():
    fig = growth_figure(
        data(point(1, 10, conflict=True), point(2, 12, status="rejected"), point(3, 11))
    )
    t = traces(fig)
    assert [c[0] for c in t["In an open conflict"]["customdata"]] == [1]
    assert [c[0] for c in t["Rejected by a reviewer"]["customdata"]] == [2]
    assert sorted(c[0] for c in t["Exact or about"]["customdata"]) == [1, 3]


def test_garbled_claims_are_drawn_apart_from_clean_values():
    fig = growth_figure(data(point(1, 2000, "over", garbled=True), point(2, 2200, "over")))
    t = traces(fig)
    assert [c[0] for c in t["Garbled in the source (not counted)"]["customdata"]] == [1]
    assert [c[0] for c in t["Lower bound (over …)"]["customdata"]] == [2]


def test_consensus_line_and_log_axis():
    cons = [
        ConsensusPoint(date(2023, 1, 1), 100, 100, 120),
        ConsensusPoint(date(2024, 1, 1), 150, 150, 160),
    ]
    fig = growth_figure(data(point(1, 100), consensus=cons), log_y=True)
    line = traces(fig)["Consensus"]
    assert list(line["x"]) == ["2023-01-01", "2024-01-01"] and list(line["y"]) == [100, 150]
    assert fig["layout"]["yaxis"]["type"] == "log"
    assert growth_figure(data(point(1, 1)))["layout"]["yaxis"]["type"] == "linear"


def test_empty_chart_says_so():
    fig = growth_figure(data())
    assert not fig["data"] and "No claims" in fig["layout"]["annotations"][0]["text"]


def test_hover_shows_source_date_and_quote_as_text():
    p = point(
        1,
        2200,
        "over",
        low=2200,
        high=2300,
        quote='Over 2,200 firms <script>alert("x")</script> & more.',
    )
    text = hover_text(p)
    assert "doc1.txt · Pub" in text and "as of 2024-01-01" in text
    assert "&lt;script&gt;" in text and "<script>" not in text
    assert "over 2,200 (2,200 – 2,300)" in text
    assert growth_figure(data(p))["data"][0]["customdata"][0][1] == 101  # document id for the click


def test_safe_text_wraps_and_escapes():
    assert safe_text("a <b> " + "word " * 40).count("<br>") >= 2
    assert "<b>" not in safe_text("a <b>") and "&lt;b&gt;" in safe_text("a <b>")


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (2200, "count", "2,200"),
        (43_400_000_000, "HKD", "HK$43.4 bn"),
        (12.5, "percent", "12.5%"),
        (None, "count", "–"),
        (3_500_000, "USD", "US$3.5 m"),
        (0.5, "count", "0.50"),
    ],
)
def test_format_value(value, unit, text):
    assert format_value(value, unit) == text


def test_kpi_texts():
    k = Kpi("unicorns", "Unicorns", "count", 9, date(2025, 6, 5), 2, date(2024, 9, 23))
    assert kpi_texts(k) == ("9", "as of 2025-06-05", "+2 since 2024-09-23")
    assert kpi_texts(Kpi("unicorns", "Unicorns", "count", None, None, None, None))[0] == "–"
    assert format_change(-300, "count") == "−300" and format_change(0, "count") == "no change"


def test_png_download_is_configured():
    cfg = chart_config("companies")
    assert cfg["toImageButtonOptions"]["format"] == "png"
    assert cfg["toImageButtonOptions"]["filename"] == "cyberport-companies"


def test_source_href_and_export_href():
    assert source_href({"points": [{"customdata": [5, 42]}]}) == "/sources/42"
    assert source_href({"points": [{"x": 1}]}) is None and source_href(None) is None
    assert (
        export_href("claims", "unicorns", "Cyberport", "2024-01-01T00:00:00", None)
        == "/export/claims.csv?metric=unicorns&entity=Cyberport&from=2024-01-01"
    )


@pytest.fixture
def no_consensus(monkeypatch):
    monkeypatch.setattr(growth, "consensus_points", lambda engine, entity, metric: ())


def test_chart_data_reads_claims_of_the_tracked_entity(engine, no_consensus):
    store_document(
        engine,
        make_doc("c.txt", publisher="Cyberport"),
        [
            make_claim("companies", 2000, as_of=date(2023, 3, 21), low=2000, high=3000),
            make_claim("companies", 2200, as_of=date(2025, 6, 5), low=2200, high=2300),
            make_claim("companies", 50, as_of=date(2025, 6, 5), entity="Science Park"),
            make_claim("unicorns", 7, qualifier="exact", as_of=date(2025, 6, 5)),
            make_claim(
                "funding_raised", 1e9, unit="USD", qualifier="exact", as_of=date(2025, 6, 5)
            ),
        ],
        "test",
    )
    d = chart_data(engine, "companies", entity="Cyberport")
    assert [(p.as_of, p.value, p.qualifier) for p in d.points] == [
        (date(2023, 3, 21), 2000, "over"),
        (date(2025, 6, 5), 2200, "over"),
    ]
    assert d.points[0].publisher == "Cyberport" and d.points[0].document == "c.txt"
    assert (
        chart_data(engine, "companies", entity="Cyberport", date_from=date(2024, 1, 1)).total == 1
    )
    money = chart_data(engine, "funding_raised", entity="Cyberport").points[0]
    assert (money.value, money.unit) == (7.8e9, "HKD")  # USD drawn in HKD on one axis
    with pytest.raises(ValueError):
        chart_data(engine, "no_such_metric")


def test_rejected_claim_is_marked_rejected(engine, no_consensus):
    store_document(engine, make_doc("r.txt"), [make_claim("unicorns", 7, qualifier="exact")], "t")
    (before,) = chart_data(engine, "unicorns", entity="Cyberport").points  # now cached
    assert before.status == "auto"
    with session_scope(engine) as s:
        uid = s.scalar(select(Claim.uid))
        s.add(Review(target_type="claim", target_uid=uid, action="reject", reviewer="mei"))
    (p,) = chart_data(engine, "unicorns", entity="Cyberport").points
    assert p.status == "rejected"
    assert "Rejected by a reviewer" in traces(
        growth_figure(chart_data(engine, "unicorns", entity="Cyberport"))
    )


def test_chart_caps_points_but_counts_all(engine, no_consensus, monkeypatch):
    monkeypatch.setattr(growth, "MAX_POINTS", 3)
    store_document(
        engine,
        make_doc("m.txt"),
        [
            make_claim("companies", 100 + i, qualifier="exact", as_of=date(2020, 1, 1 + i))
            for i in range(5)
        ],
        "t",
    )
    d = chart_data(engine, "companies", entity="Cyberport")
    assert d.total == 5 and [p.value for p in d.points] == [102, 103, 104]  # the newest


def test_kpi_change_since_previous_point(engine, monkeypatch):
    series = (ConsensusPoint(date(2024, 1, 1), 5, 5, 5), ConsensusPoint(date(2025, 1, 1), 8, 8, 8))
    monkeypatch.setattr(growth, "consensus_points", lambda engine, entity, metric: series)
    k = growth.kpi(engine, "unicorns", "Cyberport")
    assert (k.value, k.change, k.previous_as_of) == (8, 3, date(2024, 1, 1))
    monkeypatch.setattr(growth, "consensus_points", lambda engine, entity, metric: ())
    assert growth.kpi(engine, "unicorns", "Cyberport").value is None


def test_a_review_updates_only_its_series_stored_points(engine):
    from db.dirty import dirty_series
    from db.reviews import add_review
    from etl.pipeline import refresh_checks

    store_document(engine, make_doc("s.txt"), [make_claim("unicorns", 7, qualifier="exact"),
                                               make_claim("companies", 2200)], "t")  # fmt: skip
    refresh_checks(engine)
    assert [c.value for c in growth.consensus_points(engine, "Cyberport", "unicorns")] == [7]

    def stored_ids(metric: str) -> list[int]:
        with engine.connect() as conn:
            q = select(StoredSeriesPoint.id).where(StoredSeriesPoint.metric == metric)
            return list(conn.scalars(q))

    companies = stored_ids("companies")
    with engine.connect() as conn:
        unicorn = conn.scalar(select(Claim.id).where(Claim.metric == "unicorns"))
    add_review(engine, "claim", unicorn, "reject", "mei")
    assert dirty_series(engine) == [("Cyberport", "unicorns")]
    refresh_checks(engine)
    assert growth.consensus_points(engine, "Cyberport", "unicorns") == ()
    assert stored_ids("companies") == companies  # untouched
    store_document(engine, make_doc("t.txt", text="Another release."),
                   [make_claim("companies", 2300, as_of=date(2025, 9, 1))], "t")  # fmt: skip
    refresh_checks(engine)
    assert [c.value for c in growth.consensus_points(engine, "Cyberport", "companies")] == [
        2200, 2300]  # fmt: skip


def test_figure_is_valid_plotly():
    import plotly.graph_objects as go

    cons = [ConsensusPoint(date(2023, 1, 1), 100, 100, 120)]
    fig = growth_figure(data(point(1, 10, "over", low=10, high=20, conflict=True),
                             point(2, 5, status="rejected"), consensus=cons))  # fmt: skip
    go.Figure(fig)  # raises on any property Plotly does not know
    assert fig["layout"]["template"]["layout"]["plot_bgcolor"] == "white"


def test_the_series_is_read_as_stored_and_computed_only_while_waiting(engine):
    from etl.pipeline import refresh_checks

    claims = [make_claim("unicorns", 7, qualifier="exact"), make_claim("companies", 2000)]
    store_document(engine, make_doc("w.txt"), claims, "t")
    waiting = growth.consensus_points(engine, "Cyberport", "unicorns")  # marked, not checked
    assert [p.value for p in waiting] == [7]
    refresh_checks(engine)
    with engine.begin() as conn:  # what is drawn is what is stored
        conn.execute(update(StoredSeriesPoint).values(value=8))
    assert [p.value for p in growth.consensus_points(engine, "Cyberport", "unicorns")] == [8]
    assert growth.consensus_points(engine, "Cyberport", "awards") == ()


def test_a_kpi_resting_on_an_open_conflict_is_marked_disputed(engine):
    from etl.pipeline import refresh_checks

    funding = [
        make_claim(
            "funding_raised", 375.7e9, unit="HKD", qualifier="exact", as_of=date(2023, 12, 7)
        ),
        make_claim("funding_raised", 43.4e9, unit="HKD", qualifier="over", as_of=date(2025, 6, 5)),
    ]  # a cumulative figure that falls ninefold
    companies = [
        make_claim("companies", 2000, as_of=date(2023, 3, 21)),
        make_claim("companies", 2200, as_of=date(2025, 6, 5)),
    ]
    listed = [  # more than doubles in four months: a low-severity jump, not a dispute
        make_claim("listed_companies", 5, qualifier="exact", as_of=date(2025, 6, 5)),
        make_claim("listed_companies", 12, qualifier="exact", as_of=date(2025, 10, 21)),
    ]
    store_document(engine, make_doc("f.txt"), [*funding, *companies, *listed], "t")
    refresh_checks(engine)
    assert growth.kpi(engine, "funding_raised").disputed
    assert not growth.kpi(engine, "companies").disputed
    with engine.connect() as conn:
        assert conn.scalar(select(Conflict.severity).where(Conflict.kind == "jump")) == "low"
    assert not growth.kpi(engine, "listed_companies").disputed
