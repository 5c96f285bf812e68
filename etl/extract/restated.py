"""A document's claims merged: one per figure however often it is repeated, and none that only
restates, at the publication date, a figure the document dates elsewhere."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from db.records import Claim
from etl.extract.qualifiers import interval


def dedupe(claims: list[tuple[Claim, float]]) -> list[Claim]:
    """One claim per (entity, metric, unit, value, as_of, period) in a document."""
    merged: dict[tuple, tuple[Claim, float]] = {}
    for c, step in claims:
        key = (c.entity, c.metric, c.unit, c.value, c.as_of, c.period)
        if key not in merged:
            merged[key] = (c, step)
            continue
        first, fstep = merged[key]
        if first.status != "auto" and c.status == "auto":  # a sure occurrence is the claim's
            (first, fstep), c = (c, step), first
        qualifier = first.qualifier
        if qualifier == "exact" and c.qualifier != "exact":
            qualifier = c.qualifier
        flags = tuple(x for x in first.flags if x in c.flags)
        if qualifier != first.qualifier and "range" not in first.flags:
            low, high = interval(first.value, fstep, qualifier, count=first.unit == "count")
            first = replace(first, qualifier=qualifier, value_low=low, value_high=high)
        merged[key] = (replace(first, flags=flags), fstep)
    return [c for c, _ in merged.values()]


def drop_restated(claims: list[Claim], refs: dict[int, date | None]) -> list[Claim]:
    """Without the figures that only restate, undated, a figure the document dates elsewhere.

    A headline or an About paragraph repeats "270 companies" that the body dates "as of
    30 June": it is the same claim, not one at the publication date. So does a headline's
    flow "this year" that the body gives over a period of the same year.
    """

    def undated(c: Claim) -> bool:
        """At the date of writing: no date of its own, or the year so far ("this year")."""
        return c.as_of_precision == "day" and c.as_of == refs[c.section_index]

    def key(c: Claim) -> tuple:
        return c.entity, c.metric, c.unit, c.value

    sure = [c for c in claims if not undated(c) and c.status == "auto"]  # (not a plan's date)
    dated = {key(c) for c in sure}
    flows = {(key(c), c.as_of.year) for c in sure if c.period and c.as_of}
    return [
        c
        for c in claims
        if not undated(c)
        or not (
            (c.period is None and key(c) in dated)
            or (c.period and c.as_of and (key(c), c.as_of.year) in flows)
        )  # "raised HK$3.7 billion this year" over "... in the first ten months of the year"
    ]


def drop_converted(claims: list[Claim]) -> list[Claim]:
    """Without an amount in another currency that the document also gives in HK$ (a
    headline's "US$640 MLN" over the body's "HK$5 billion (US$640 million)"): one claim."""
    hkd = [c for c in claims if c.unit == "HKD" and c.value_hkd]
    return [
        c
        for c in claims
        if c.unit in ("HKD", "count", "percent")
        or not c.value_hkd
        or not any(
            h.entity == c.entity
            and h.metric == c.metric
            and abs(h.value_hkd - c.value_hkd) <= CONVERTED_TOLERANCE * h.value_hkd  # type: ignore[operator]
            for h in hkd
        )
    ]


CONVERTED_TOLERANCE = 0.03  # a converted amount is rounded to the digits its currency prints
