"""What the Growth page reads: claims of a metric, the believed series (cached), KPI cards."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from dashboards.pages.growth import data as growth
from dashboards.pages.growth.data import chart_data, source_href
from db.documents import store_document
from db.engine import session_scope
from db.models import Claim, Conflict, Review
from etl.pipeline import refresh_checks
from etl.report.words import decision_text
from tests.factories import make_claim, make_doc


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Tests on PostgreSQL share one URL: a new test's data must not meet the last one's cache."""
    growth._chart_cache.clear()
    growth._series_cache.clear()
    growth._entities_cache.clear()
    growth._kpi_cache.clear()


def test_chart_data_reads_claims_of_the_tracked_entity(engine):
    store_document(
        engine,
        make_doc("c.txt", publisher="Cyberport", title="A release"),
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
    assert d.points[0].publisher == "Cyberport" and d.points[0].title == "A release"
    assert all(p.believed for p in d.points)
    assert [p.value for p in d.series] == [2000, 2200]
    assert [(s.title, s.figures) for s in d.sources] == [("A release", 2)]
    assert "published by the organisation itself" in d.sources[0].standing
    assert (
        chart_data(engine, "companies", entity="Cyberport", date_from=date(2024, 1, 1)).total == 1
    )
    money = chart_data(engine, "funding_raised", entity="Cyberport").points[0]
    assert (money.value, money.unit) == (7.8e9, "HKD")  # USD drawn in HKD on one axis
    assert money.as_printed == "US$1bn"  # and shown as printed
    assert growth.entities(engine) == ["Cyberport", "Science Park"]
    with pytest.raises(ValueError):
        chart_data(engine, "no_such_metric")


def test_a_decision_shows_who_when_and_why(engine):
    store_document(engine, make_doc("r.txt"), [make_claim("unicorns", 7, qualifier="exact")], "t")
    (before,) = chart_data(engine, "unicorns", entity="Cyberport").points  # now cached
    assert (before.status, before.decision) == ("auto", "")
    with session_scope(engine) as s:
        uid = s.scalar(select(Claim.uid))
        s.add(Review(target_type="claim", target_uid=uid, action="reject", reviewer="mei",
                     note="a partner's count"))  # fmt: skip
    (p,) = chart_data(engine, "unicorns", entity="Cyberport").points
    assert p.status == "rejected" and not p.believed
    assert p.decision.startswith("rejected by mei, ")
    assert p.decision.endswith("UTC: \u201ca partner's count\u201d")
    assert decision_text("accept", "ana", "2026-02-14T09:30:00", "") == (
        "accepted by ana, 2026-02-14 09:30 UTC"
    )


def test_chart_caps_points_but_counts_all(engine, monkeypatch):
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


def test_series_are_cached_per_series_until_their_claims_or_conflicts_change(engine, monkeypatch):
    from etl.check import series

    calls = []
    real = series.metric_points
    monkeypatch.setattr(
        series, "metric_points", lambda e, ent, m: calls.append(m) or real(e, ent, m)
    )
    store_document(engine, make_doc("s.txt"), [make_claim("unicorns", 7, qualifier="exact"),
                                               make_claim("companies", 2200)], "t")  # fmt: skip
    first = growth.believed_series(engine, "Cyberport", "unicorns")
    assert [c.value for c in first] == [7]
    assert [c.value for c in growth.believed_series(engine, "Cyberport", "companies")] == [2200]
    growth.believed_series(engine, "Cyberport", "unicorns")
    assert calls == ["unicorns", "companies"]  # one computation per series, then the cache
    with session_scope(engine) as s:
        uid = s.scalar(select(Claim.uid).where(Claim.metric == "unicorns"))
        s.add(Review(target_type="claim", target_uid=uid, action="reject", reviewer="mei"))
    assert growth.believed_series(engine, "Cyberport", "unicorns") == ()
    growth.believed_series(engine, "Cyberport", "companies")
    assert calls == ["unicorns", "companies", "unicorns"]  # only the reviewed series again
    store_document(engine, make_doc("t.txt", text="Another release."),
                   [make_claim("companies", 2300, as_of=date(2025, 9, 1))], "t")  # fmt: skip
    assert [c.value for c in growth.believed_series(engine, "Cyberport", "companies")] == [
        2200, 2300]  # fmt: skip


def funding_falls(engine):
    """A running total that falls ninefold: a news feature against the organisation's release."""
    store_document(
        engine,
        make_doc("news.txt", text="A news feature.", publisher="Paper", kind="news feature",
                 published_on=date(2023, 12, 7)),
        [make_claim("funding_raised", 375.7e9, unit="HKD", as_of=date(2023, 12, 7)),
         make_claim("companies", 2000, flags=("garbled",), as_of=date(2023, 12, 7))],
        "t",
    )  # fmt: skip
    store_document(
        engine,
        make_doc("own.txt", publisher="Cyberport", kind="press release"),
        [make_claim("funding_raised", 43.4e9, unit="HKD", as_of=date(2025, 6, 5))],
        "t",
    )
    refresh_checks(engine)


def test_the_weaker_side_of_an_open_conflict_is_drawn_apart_and_the_card_disputed(engine):
    funding_falls(engine)
    d = chart_data(engine, "funding_raised", entity="Cyberport")
    believed = {p.value: p.believed for p in d.points}
    assert believed == {375.7e9: False, 43.4e9: True}
    assert [(p.value, p.disputed) for p in d.series] == [(43.4e9, "high")]
    k = growth.kpi(engine, "funding_raised")
    assert (k.value_text(), k.disputed) == ("over HK$43.4bn", "high")
    with engine.connect() as conn:
        assert k.conflict_ids == (conn.scalar(select(Conflict.id)),)
    # A reviewer resolves the conflict: both figures are believed again, nothing is disputed.
    with session_scope(engine) as s:
        uid = s.scalar(select(Conflict.uid))
        s.add(Review(target_type="conflict", target_uid=uid, action="resolve", reviewer="ana"))
    assert [p.value for p in growth.believed_series(engine, "Cyberport", "funding_raised")] == [
        375.7e9,
        43.4e9,
    ]
    assert growth.kpi(engine, "funding_raised").disputed == ""


def test_a_low_severity_conflict_marks_the_card_too(engine):
    listed = [
        make_claim("listed_companies", 5, qualifier="exact", as_of=date(2025, 6, 5)),
        make_claim("listed_companies", 12, qualifier="exact", as_of=date(2025, 10, 21)),
    ]  # more than doubles in four months: a low-severity jump
    store_document(engine, make_doc("f.txt"), listed, "t")
    refresh_checks(engine)
    assert growth.kpi(engine, "listed_companies").disputed == "low"
    assert growth.kpi(engine, "unicorns").value_text() == "–"


def test_warm_up_computes_the_kpi_series_in_the_background(engine):
    store_document(
        engine,
        make_doc("w.txt"),
        [make_claim("unicorns", 7, qualifier="exact"), make_claim("companies", 2000)],
        "t",
    )
    growth.warm_up(engine).join(timeout=60)
    (_, series) = growth._series_cache[str(engine.url)]
    assert set(series) == {("Cyberport", m) for m in growth.KPI_METRICS}
    assert [p.value for p in series[("Cyberport", "unicorns")]] == [7]


def test_a_forked_worker_does_not_inherit_a_held_series_lock():
    import os

    with growth._series_lock:  # as if the warm-up were computing when the server forks
        pid = os.fork()
        if pid == 0:  # the child: exit status 0 when it can take the lock
            os._exit(0 if growth._series_lock.acquire(timeout=5) else 1)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_source_href_scrolls_to_the_claim():
    assert source_href({"points": [{"customdata": [11, 3]}]}) == "/sources/3#sources-claim-11"
    assert source_href({"points": [{"x": 1}]}) is None and source_href(None) is None
