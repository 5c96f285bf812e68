"""replace_series: a series' points stored in place of the old, only what changed written."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, select

from db.models import StoredSeriesPoint
from db.series_store import POINT_FIELDS, read_series, replace_series
from db.version import data_version


def _point(day: int, value: float, explanation: str = "One source.") -> dict:
    row = dict.fromkeys(POINT_FIELDS, "")
    row.update(entity="Cyberport", metric="companies", period=None, as_of=date(2025, 1, day),
               value=value, value_low=value, value_high=value, unit="count", method="single",
               explanation=explanation, qualifier="exact")  # fmt: skip
    return row


def _ids(engine: Engine) -> dict[date, int]:
    with engine.connect() as conn:
        p = StoredSeriesPoint
        return dict(conn.execute(select(p.as_of, p.id)).all())


def test_only_the_points_that_change_are_written_and_get_new_higher_ids(engine: Engine) -> None:
    first = [_point(d, 100.0 + d) for d in (1, 9, 20)]
    with engine.begin() as conn:
        assert replace_series(conn, "Cyberport", "companies", first)
    before, version = _ids(engine), data_version(engine)
    with engine.begin() as conn:
        assert not replace_series(conn, "Cyberport", "companies", first)  # the same: no write
    assert _ids(engine) == before and data_version(engine) == version
    second = [first[0], _point(9, 111.0, "Changed."), _point(28, 130.0)]  # day 20 is gone
    with engine.begin() as conn:
        assert replace_series(conn, "Cyberport", "companies", second)
    after = _ids(engine)
    assert after[date(2025, 1, 1)] == before[date(2025, 1, 1)]
    assert min(after[date(2025, 1, 9)], after[date(2025, 1, 28)]) > max(before.values())
    assert date(2025, 1, 20) not in after
    assert data_version(engine) != version
    assert read_series(engine, "Cyberport", "companies") == second
    with engine.begin() as conn:  # stored in another order of ids: still the same points
        assert not replace_series(conn, "Cyberport", "companies", second)
        assert replace_series(conn, "Cyberport", "companies", [])
    assert read_series(engine, "Cyberport", "companies") == []
