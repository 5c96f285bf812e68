"""A claim as the checks and the consensus see it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from etl.check import wording


@dataclass(frozen=True)
class ClaimPoint:
    """A claim as the checks see it; `low`/`high` are in comparable units (HKD for money)."""

    claim_id: int
    uid: str
    entity: str
    metric: str
    value: float  # as stated
    unit: str  # as stated
    qualifier: str
    low: float
    high: float
    as_of: date
    period: str | None = None
    value_hkd: float | None = None
    kind: str | None = None  # of the document: press release, news feature, ...
    publisher: str | None = None
    document: str = ""
    quote: str = ""

    @classmethod
    def of(cls, *values: object) -> ClaimPoint:
        """A point from its fields' values in order, made without __init__ (a check of a big
        series makes tens of thousands; the frozen __init__ sets each field through a call)."""
        point = object.__new__(cls)
        point.__dict__.update(zip(_FIELDS, values, strict=True))
        return point

    @property
    def source(self) -> str:
        """How a reviewer recognises the document in one word or two."""
        return self.kind or self.publisher or self.document or "unknown source"

    def phrase(self) -> str:
        """'more than HK$375.7bn (news feature, 7 Dec 2023)'; made once per point (the checks
        and the consensus name a claim more than once)."""
        found = self.__dict__.get("_phrase")  # beside the fields: not compared, not copied
        if found is None:
            figure = wording.format_figure(self.value, self.unit, self.qualifier, self.value_hkd)
            found = self.__dict__["_phrase"] = (
                f"{figure} ({self.source}, {wording.format_day(self.as_of)})"
            )
        return found


_FIELDS = tuple(f.name for f in fields(ClaimPoint))
