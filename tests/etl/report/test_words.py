"""Figures as the pages print them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine

from db.claims import iter_claims
from db.documents import store_document
from db.metrics import catalogue
from db.reviews import add_review
from etl.report.words import (
    claim_decisions,
    conflict_kind_text,
    decision_text,
    document_name,
    figure_text,
    format_amount,
    format_date,
    format_value,
    format_when,
    interval_text,
    metric_labels,
    period_text,
    row_document_name,
)
from tests.factories import make_claim, make_doc


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (43.4e9, "HKD", "over", "over HK$43.4bn"),
        (7, "count", "exact", "exactly 7"),
        (2200, "count", "nearly", "nearly 2,200"),
        (1.25e6, "USD", "about", "about US$1.25m"),
        (36.75e9, "HKD", "up_to", "up to HK$36.75bn"),
        (5e12, "RMB", "exact", "exactly RMB 5tn"),
        (950, "HKD", "exact", "exactly HK$950"),
        (42.5, "percent", "about", "about 42.5%"),
        (3, "count", "odd", "odd 3"),
    ],
)
def test_format_value(value, unit, qualifier, expected) -> None:
    assert format_value(value, unit, qualifier) == expected


def test_format_amount_keeps_precision_without_float_noise() -> None:
    assert format_amount(0.1 + 0.2, "count") == "0.3"
    assert format_amount(1_000_000_000, "HKD") == "HK$1bn"
    assert format_amount(12, "widgets") == "12 widgets"


def test_format_date() -> None:
    assert format_date(date(2024, 9, 23)) == "2024-09-23"
    assert format_date(None) == "undated"


def test_format_when_is_utc() -> None:
    hk = timezone(timedelta(hours=8))
    assert format_when(datetime(2026, 2, 14, 17, 30, tzinfo=hk)) == "2026-02-14 09:30 UTC"
    assert format_when(datetime(2026, 2, 14, 9, 30)) == "2026-02-14 09:30 UTC"
    assert format_when(datetime(2026, 2, 14, 9, 30, tzinfo=UTC)) == "2026-02-14 09:30 UTC"
    assert format_when(None) == ""


def test_plain_words() -> None:
    assert figure_text(2300, "count", "over") == "over 2,300"
    assert figure_text(7, "count", "exact") == "7"
    assert interval_text(2300, 2400, "count") == "2,300 to 2,400"
    assert interval_text(7, 7, "count") == "7"
    assert period_text("P1Y") == "in one year" and period_text(None) == ""
    assert conflict_kind_text("flow_exceeds_stock") == "more added in a period than the total"
    assert conflict_kind_text("new_kind") == "new kind"
    assert document_name(None, "004_x.txt", kind="news report", published_on=date(2023, 3, 21)) == (
        "News report of 21 Mar 2023"
    )
    assert document_name("  A title ", "a.txt") == "A title"
    assert document_name(None, "a.txt") == "a.txt"
    assert decision_text("reject", "ana", "2026-02-14T09:30:00", "stale") == (
        "rejected by ana, 2026-02-14 09:30 UTC: \u201cstale\u201d"
    )


def test_metric_labels_are_the_catalogues_labels_by_key() -> None:
    labels = metric_labels()
    assert labels["startups"] == "Start-ups"
    assert labels == {k: m.label for k, m in catalogue().items()}


def test_a_claim_rows_document_is_named_by_title_else_by_what_it_is() -> None:
    row = {"title": None, "document": "a.txt", "publisher": "RTHK", "kind": "news report",
           "published_on": date(2023, 3, 21)}  # fmt: skip
    assert row_document_name(row) == document_name(
        None, "a.txt", publisher="RTHK", kind="news report", published_on=date(2023, 3, 21)
    )
    assert row_document_name({**row, "title": " Annual Report "}) == "Annual Report"
    assert row_document_name({"document": "b.txt"}) == "b.txt"


def test_claim_decisions_give_the_newest_decision_of_each_reviewed_claim(engine: Engine) -> None:
    claims = [make_claim(value=v, quote=f"It counts {v} companies.") for v in (1900, 2300)]
    store_document(engine, make_doc("a.txt", "It counts.", date(2024, 1, 1)), claims, "t")
    first, second = (r["claim_id"] for r in iter_claims(engine, sort=(("claim_id", "asc"),)))
    add_review(engine, "claim", first, "accept", "ana")
    add_review(engine, "claim", first, "reject", "bo", "wrong unit")
    decisions = claim_decisions(engine, [first, second])
    assert list(decisions) == [first]  # the unreviewed claim has none
    assert decisions[first].startswith("rejected by bo, ")
    assert decisions[first].endswith(": \u201cwrong unit\u201d")
