"""The consensus series read from the database: accepted first, rejected never, conflicts named."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from db.claims import ClaimFilter, iter_claims
from db.conflicts import iter_conflicts
from db.documents import store_document
from db.reviews import add_review
from etl.check.consistency import refresh
from etl.check.series import SERIES_COLUMNS, iter_series, series_points
from tests.factories import make_claim, make_doc

D = date(2025, 6, 5)


def _store(engine: Engine, name: str, value: float, publisher: str, **kw) -> None:
    quote = kw.pop("quote", f"{publisher} says there are {value:g} firms ({name}).")
    day = kw.pop("as_of", D)
    claim = make_claim(value=value, low=value, high=value, qualifier="exact", as_of=day,
                       quote=quote, **kw)  # fmt: skip
    store_document(engine, make_doc(name, quote, day, publisher=publisher), [claim], "t")


def _id(engine: Engine, document: str) -> int:
    return next(iter_claims(engine, ClaimFilter(document=document)))["claim_id"]


def test_consensus_then_accepted_then_rejected(engine: Engine) -> None:
    _store(engine, "a.txt", 2200, "A")
    _store(engine, "b.txt", 2200, "B")
    _store(engine, "c.txt", 2600, "C")
    refresh(engine)
    (point,) = series_points(engine, "Cyberport", "companies")
    assert (point.method, point.value) == ("consensus", 2200)
    assert point.overridden == (_id(engine, "c.txt"),)
    (row,) = iter_series(engine, ClaimFilter(metric="companies"))
    assert tuple(row) == SERIES_COLUMNS
    assert row["claim_ids"] == f"{_id(engine, 'a.txt')};{_id(engine, 'b.txt')}"
    assert row["conflict_ids"] != ""  # 2,200 and 2,600 on one day are an open conflict

    add_review(engine, "claim", _id(engine, "c.txt"), "accept", "ana")
    (point,) = series_points(engine, "Cyberport", "companies")
    assert (point.method, point.value, point.supporting) == (
        "accepted",
        2600,
        (_id(engine, "c.txt"),),
    )

    add_review(engine, "claim", _id(engine, "c.txt"), "reject", "ana")
    refresh(engine)
    (point,) = series_points(engine, "Cyberport", "companies")
    assert (point.method, point.value, point.overridden) == ("consensus", 2200, ())
    (row,) = iter_series(engine)
    assert row["conflict_ids"] == ""


def test_filters_and_flows(engine: Engine) -> None:
    _store(engine, "a.txt", 2200, "A")
    _store(engine, "u.txt", 7, "A", metric="unicorns", period="P1Y")
    assert [r["metric"] for r in iter_series(engine)] == ["companies", "unicorns"]
    assert list(iter_series(engine, ClaimFilter(date_from=date(2026, 1, 1)))) == []
    assert series_points(engine, "Cyberport", "unicorns") == []
    (flow,) = series_points(engine, "Cyberport", "unicorns", include_flows=True)
    assert (flow.period, flow.method) == ("P1Y", "single")


def test_one_series_read_alone_equals_its_part_of_all_series(engine: Engine) -> None:
    """A mixed store: two entities, stock and flow figures, shared sources that disagree,
    a rejected, an accepted and a garbled claim. Each series computed from its own claims is
    exactly its share of the all-series computation."""
    from etl.check.series import all_points, metric_points

    later = date(2025, 9, 1)
    _store(engine, "a.txt", 2200, "A")
    _store(engine, "b.txt", 2200, "B")
    _store(engine, "c.txt", 2600, "C")
    _store(engine, "d.txt", 2250, "A", as_of=later)
    _store(engine, "e.txt", 2900, "C", as_of=later)
    _store(engine, "f.txt", 7, "A", metric="unicorns")
    _store(engine, "g.txt", 9, "C", metric="unicorns")
    _store(engine, "h.txt", 3, "B", metric="unicorns", period="P1Y")
    _store(engine, "i.txt", 130, "A", entity="Science Park")
    _store(engine, "j.txt", 150, "C", entity="Science Park")
    _store(engine, "k.txt", 999, "B", flags=("garbled",))
    add_review(engine, "claim", _id(engine, "g.txt"), "accept", "ana")
    add_review(engine, "claim", _id(engine, "e.txt"), "reject", "ana")
    refresh(engine)
    everything = all_points(engine)
    keys = sorted({(p.entity, p.metric) for p in everything})
    assert keys == [("Cyberport", "companies"), ("Cyberport", "unicorns"),
                    ("Science Park", "companies")]  # fmt: skip
    for entity, metric in keys:
        alone = metric_points(engine, entity, metric)
        assert alone == [p for p in everything if (p.entity, p.metric) == (entity, metric)]
        stock = [p for p in alone if not p.period]
        assert series_points(engine, entity, metric) == sorted(stock, key=lambda p: p.as_of)
    unicorns = series_points(engine, "Cyberport", "unicorns", include_flows=True)
    assert {(p.period, p.method) for p in unicorns} == {(None, "accepted"), ("P1Y", "single")}
    # The Growth page's series CSV (entity and metric given) reads the one series too.
    rows = list(iter_series(engine, ClaimFilter(entity="Science Park", metric="companies")))
    assert [r["value"] for r in rows] == [p.value for p in metric_points(
        engine, "Science Park", "companies")]  # fmt: skip


def test_candidates_count_once_accepted_and_corrections_under_their_new_metric(
    engine: Engine,
) -> None:
    from db.claims import ANY_STATUS
    from db.reviews import add_correction

    _store(engine, "a.txt", 2200, "A")
    _store(engine, "b.txt", 2600, "B", status="candidate", unsure=("metric?",))
    refresh(engine)
    b = next(iter_claims(engine, ClaimFilter(document="b.txt", status=ANY_STATUS)))["claim_id"]
    (point,) = series_points(engine, "Cyberport", "companies")
    assert (point.method, point.value) == ("single", 2200)  # the candidate counts nowhere
    assert list(iter_conflicts(engine)) == []
    add_review(engine, "claim", b, "accept", "ana")
    refresh(engine)
    (point,) = series_points(engine, "Cyberport", "companies")
    assert (point.method, point.value) == ("accepted", 2600)
    assert [c["status"] for c in iter_conflicts(engine)] == ["open"]  # 2,200 against 2,600
    add_review(engine, "claim", b, "reopen", "ana")
    add_correction(engine, b, "ana", "members, not firms", metric="startups",
                   as_of=date(2025, 3, 31))  # fmt: skip
    refresh(engine)
    (point,) = series_points(engine, "Cyberport", "companies")
    assert (point.method, point.value) == ("single", 2200)
    (moved,) = series_points(engine, "Cyberport", "startups")
    assert (moved.method, moved.value, moved.as_of) == ("accepted", 2600, date(2025, 3, 31))
    assert [c["status"] for c in iter_conflicts(engine)] == ["resolved"]


def test_on_the_seeds_the_release_is_believed_and_the_news_feature_set_aside(
    engine: Engine,
) -> None:
    """The seeds' funding: HK$375.7bn (a machine-translated news feature, 2023) cannot stand
    beside HK$43.4bn (the organisation's own release, 2025) in a running total."""
    from etl.pipeline import ingest_paths
    from tests.conftest import SEEDS

    ingest_paths(engine, [SEEDS])
    (point,) = series_points(engine, "Cyberport", "funding_raised")
    assert (point.as_of, point.value, point.qualifier) == (date(2025, 6, 5), 43.4e9, "over")
    assert point.disputed == "high"
    outlier = next(
        r
        for r in iter_claims(engine, ClaimFilter(metric="funding_raised"))
        if r["value"] == 375.7e9
    )
    assert outlier["claim_id"] in point.overridden
    assert "Believed over more than HK$375.7bn" in point.explanation
    # The companies line runs through every clean figure, none disputed.
    companies = series_points(engine, "Cyberport", "companies")
    assert [p.value for p in companies] == [1900, 2000, 2200, 2300]
    assert {p.disputed for p in companies} == {""}
