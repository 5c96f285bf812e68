"""The metric catalogue: read from `etl/data/metrics.csv` and kept in the `metrics` table."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.models import Metric

CATALOGUE_CSV = Path(__file__).resolve().parent.parent / "etl" / "data" / "metrics.csv"


@dataclass(frozen=True)
class MetricInfo:
    key: str
    label: str
    unit: str
    cumulative: bool
    description: str


@cache
def catalogue() -> dict[str, MetricInfo]:
    """Metric key -> its description, in the order of the data file."""
    with CATALOGUE_CSV.open(newline="", encoding="utf-8") as f:
        return {
            row["key"]: MetricInfo(
                key=row["key"],
                label=row["label"],
                unit=row["unit"],
                cumulative=row["cumulative"].strip().lower() == "true",
                description=row["description"],
            )
            for row in csv.DictReader(f)
        }


def sync_catalogue(engine: Engine) -> None:
    """Insert or update every catalogue row (cheap: a few dozen rows; nothing is written when
    the table holds the catalogue already)."""
    cols = (Metric.key, Metric.label, Metric.unit, Metric.cumulative, Metric.description)
    want = {
        i.key: (i.key, i.label, i.unit, i.cumulative, i.description) for i in catalogue().values()
    }
    with engine.connect() as conn:
        have = {r[0]: tuple(r) for r in conn.execute(select(*cols))}
    if all(have.get(k) == v for k, v in want.items()):
        return
    with Session(engine) as s, s.begin():
        existing = {m.key: m for m in s.scalars(select(Metric))}
        for info in catalogue().values():
            row = existing.get(info.key) or Metric(key=info.key)
            row.label, row.unit = info.label, info.unit
            row.cumulative, row.description = info.cumulative, info.description
            s.add(row)
