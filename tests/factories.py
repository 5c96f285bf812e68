"""Small builders for records used across tests."""

from __future__ import annotations

import hashlib
from datetime import date

from db.records import Claim, ReadDocument, Section
from etl.check.points import ClaimPoint

_point_ids = iter(range(1, 10**9))


def make_doc(
    file_name: str = "a.txt",
    text: str = "Hong Kong, 5 June 2025 – Cyberport is home to over 2,200 companies.",
    published_on: date | None = date(2025, 6, 5),
    **extra,
) -> ReadDocument:
    return ReadDocument(
        file_name=file_name,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        source_format="txt",
        text=text,
        title=extra.get("title"),
        publisher=extra.get("publisher"),
        kind=extra.get("kind"),
        url=extra.get("url"),
        published_on=published_on,
        date_source="dateline" if published_on else "unknown",
        sections=(
            Section(0, 0, len(text), published_on, "dateline" if published_on else "unknown"),
        ),
        size_bytes=len(text.encode()),
    )


def make_claim(
    metric: str = "companies",
    value: float = 2200,
    *,
    unit: str = "count",
    qualifier: str = "over",
    as_of: date = date(2025, 6, 5),
    entity: str = "Cyberport",
    low: float | None = None,
    high: float | None = None,
    period: str | None = None,
    quote: str = "Cyberport is home to over 2,200 companies.",
    start: int = 0,
    flags: tuple[str, ...] = (),
    status: str = "auto",
    unsure: tuple[str, ...] = (),
    figure: str | None = None,
) -> Claim:
    """A claim; `figure` marks those words of the quote as its figure (else its first five
    characters); status="candidate" with `unsure` reasons makes one for a reviewer."""
    at = quote.find(figure) if figure else 0
    if at < 0:
        raise ValueError(f"{figure!r} is not in the quote")
    return Claim(
        section_index=0,
        entity=entity,
        metric=metric,
        value=value,
        unit=unit,
        qualifier=qualifier,
        value_low=value if low is None else low,
        value_high=value if high is None else high,
        value_hkd=value * 7.8 if unit == "USD" else (value if unit == "HKD" else None),
        as_of=as_of,
        as_of_precision="day",
        period=period,
        quote=quote,
        char_start=start,
        char_end=start + len(quote),
        mention_start=start + at,
        mention_end=start + at + (len(figure) if figure else 5),
        flags=flags,
        status=status,
        unsure=unsure,
    )


def make_point(
    value: float,
    as_of: date,
    publisher: str,
    *,
    low: float | None = None,
    high: float | None = None,
    quote: str | None = None,
    document: str | None = None,
    metric: str = "companies",
    qualifier: str = "exact",
    unit: str = "count",
    period: str | None = None,
    kind: str | None = None,
) -> ClaimPoint:
    """A claim as the checks and the consensus see it, with a fresh id and its own document."""
    i = next(_point_ids)
    return ClaimPoint(
        i, f"u{i}", "Cyberport", metric, value, unit, qualifier,
        value if low is None else low, value if high is None else high, as_of, period,
        value if unit == "HKD" else None, kind, publisher,
        document=document or f"{publisher}-{i}.txt",
        quote=quote or f"{publisher} wrote item {i} about {value:g} firms on {as_of}.",
    )  # fmt: skip
