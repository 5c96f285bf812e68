"""Plain words for what the product shows: figures ("over HK$43.4bn"), periods ("in one
year"), kinds of conflict, how a date was found, and document names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine

from db.metrics import catalogue
from db.reviews import latest_claim_reviews
from etl.check.wording import format_day, period_words

QUALIFIER_WORDS = {
    "exact": "exactly",
    "over": "over",
    "about": "about",
    "nearly": "nearly",
    "up_to": "up to",
}
CURRENCY_PREFIX = {"HKD": "HK$", "USD": "US$", "RMB": "RMB "}
SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def _digits(x: float, places: int = 3) -> str:
    """At most `places` decimals, no trailing zeros, thousands separated."""
    text = f"{x:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_amount(value: float, unit: str) -> str:
    """A figure in its unit without qualifier: 43.4e9 HKD -> "HK$43.4bn", 2200 -> "2,200"."""
    if unit == "percent":
        return f"{_digits(value, 2)}%"
    prefix = CURRENCY_PREFIX.get(unit)
    if prefix is None:
        return _digits(value, 2) if unit == "count" else f"{_digits(value, 2)} {unit}"
    for size, suffix in SCALES:
        if abs(value) >= size:
            return f"{prefix}{_digits(value / size)}{suffix}"
    return f"{prefix}{_digits(value, 2)}"


def format_value(value: float, unit: str, qualifier: str) -> str:
    """The figure as a reader says it, qualifier first: "over HK$43.4bn", "exactly 7"."""
    word = QUALIFIER_WORDS.get(qualifier, qualifier)
    amount = format_amount(value, unit)
    return f"{word} {amount}" if word else amount


def format_date(d: date | None) -> str:
    return d.isoformat() if d else "undated"


def figure_text(value: float, unit: str, qualifier: str) -> str:
    """The figure as printed, without "exactly": "over 2,300", "HK$43.4bn", "about 400"."""
    return format_value(value, unit, "" if qualifier == "exact" else qualifier)


def interval_text(low: float, high: float, unit: str) -> str:
    """'2,300 to 2,400'; a single value when both ends are the same."""
    a, b = format_amount(low, unit), format_amount(high, unit)
    return a if a == b else f"{a} to {b}"


def period_text(period: str | None) -> str:
    """'P1Y' -> 'in one year'; '' for a stock or running total."""
    return f"in {period_words(period)}" if period else ""


def day_text(d: date | None) -> str:
    """'7 Dec 2023'; 'undated'."""
    return format_day(d) if d else "undated"


CONFLICT_KINDS = {
    "disagree": "figures for the same time disagree",
    "decrease": "a running total falls",
    "flow_exceeds_stock": "more added in a period than the total",
    "magnitude": "a figure far from its neighbours",
    "implausible": "a figure that cannot be",
    "jump": "growth too fast to be likely",
}
DATE_SOURCES = {
    "manifest": "the sources list (sources.csv) that came with the file",
    "html-meta": "the web page's own metadata",
    "dateline": "the dateline at the top of the text",
    "inline": "a date written in the text",
    "inferred": "inferred from dates in the text",
    "unknown": "no date found",
}
DATE_SOURCE_SHORT = {
    "manifest": "sources list",
    "html-meta": "page metadata",
    "dateline": "dateline",
    "inline": "date in the text",
    "inferred": "inferred",
    "unknown": "not found",
}
STATUS_WORDS = {"auto": "not reviewed", "accepted": "accepted", "rejected": "rejected"}
SEVERITY_WORDS = {"high": "high severity", "medium": "medium severity", "low": "low severity"}


def metric_labels() -> dict[str, str]:
    """Metric key -> the catalogue's label ("unicorns" -> "Unicorns")."""
    return {k: m.label for k, m in catalogue().items()}


def conflict_kind_text(kind: str) -> str:
    return CONFLICT_KINDS.get(kind, kind.replace("_", " "))


def document_name(
    title: str | None,
    file_name: str,
    *,
    publisher: str | None = None,
    kind: str | None = None,
    published_on: date | None = None,
) -> str:
    """The document's title; without one, what it is and when ("News report of 21 Mar 2023")."""
    if title and title.strip():
        return title.strip()
    what = (kind or "document").strip().capitalize()
    by = f" by {publisher.strip()}" if publisher and publisher.strip() else ""
    when = f" of {format_day(published_on)}" if published_on else ""
    return f"{what}{by}{when}" if by or when else file_name


def row_document_name(row: Mapping[str, Any]) -> str:
    """`document_name` of a claim row read with its document's title, publisher, kind and date."""
    return document_name(
        row.get("title"),
        row["document"],
        publisher=row.get("publisher"),
        kind=row.get("kind"),
        published_on=row.get("published_on"),
    )


def format_when(when: datetime | str | None) -> str:
    """A review's time in UTC to the minute (stored times are UTC, naive on SQLite)."""
    if when is None:
        return ""
    if isinstance(when, str):
        return when[:16].replace("T", " ") + " UTC"
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%d %H:%M") + " UTC"


def decision_text(action: str, reviewer: str, when: datetime | str | None, note: str) -> str:
    """'rejected by ana, 2026-02-14 09:30 UTC: “wrong unit”'."""
    past = {
        "accept": "accepted",
        "reject": "rejected",
        "reopen": "reopened",
        "flag": "flagged",
        "comment": "commented on",
    }.get(action, action)
    text = f"{past} by {reviewer}, {format_when(when)}"
    return text + (f": \u201c{note}\u201d" if note else "")


def claim_decisions(engine: Engine, claim_ids: Sequence[int]) -> dict[int, str]:
    """Claim id -> the words of the newest reviewer's decision on it, for those that have one."""
    return {
        cid: decision_text(r.action, r.reviewer, r.created_at, r.note)
        for cid, r in latest_claim_reviews(engine, claim_ids).items()
    }
