"""The rows of a box: the cluster the rows above a row all count, read with bounded work."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract import box_rows
from tests.etl.extract.test_claims import inline

DAY = date(2023, 3, 3)


def _box(*rows: str) -> str:
    return "Hong Kong, 3 March 2023 – Cyberport update.\n\nAt a glance\n\n" + "\n".join(rows) + "\n"


def _founders(text: str) -> set[str]:
    return {metric for metric, value, *_ in inline(text, DAY) if value == 30}


def test_a_row_under_rows_of_one_cluster_is_that_clusters() -> None:
    text = _box("- Web3 companies: 180", "- Founders from 30 countries and regions")
    assert _founders(text) == {"web3_founder_origins"}


def test_a_row_under_rows_of_several_things_is_the_communitys() -> None:
    text = _box("- Web3 companies: 180", "- Companies: 2,000",
                "- Founders from 30 countries and regions")  # fmt: skip
    assert _founders(text) == {"founder_origins"}


def test_only_the_nearest_rows_say_whose_the_box_is() -> None:
    """A list far longer than a box reads the rows just above, not every row since its top."""
    far = ["- Companies: 2,000"] + ["- Web3 companies: 180"] * box_rows._MAX_BOX_ROWS
    assert _founders(_box(*far, "- Founders from 30 countries and regions")) == {
        "web3_founder_origins"
    }
    near = far[: box_rows._MAX_BOX_ROWS]
    assert _founders(_box(*near, "- Founders from 30 countries and regions")) == {"founder_origins"}


def test_each_row_is_read_once_however_many_rows_ask(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows asking about the rows above them cost one reading of each row, not one per asker
    (which grew with the square of a list's length)."""
    read: list[str] = []
    real = box_rows.find_figures

    def counted(s: str, *args: object, **kwargs: object):
        read.append(s)
        return real(s, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(box_rows, "find_figures", counted)
    rows = [
        f"- Founders from {10 + i % 80} countries and regions"
        if i % 2
        else f"- Web3 companies: {100 + i}"
        for i in range(200)
    ]
    claims = inline(_box(*rows), DAY)
    assert len(claims) > 100
    assert len(read) <= len(rows)


def test_rows_right_under_a_currency_heading_are_sums_not_counts() -> None:
    d = date(2024, 6, 21)
    budget = (
        "Cyberport start-up schemes\n\n9. The commitment will be spent as follows -\n\n"
        "$ million\n\n- financial support to incubatees 620\n- market access 210\n\n"
        "Total: 950"
    )
    assert inline(budget, d) == []
    counts = "Cyberport start-up schemes\n\nCommunity\n\n- Incubatees admitted 620\n- Unicorns 8"
    assert ("incubatees", 620, "exact", d, None) in inline(counts, d)


def test_a_listing_that_names_a_kind_of_support_counts_no_listed_companies() -> None:
    d = date(2025, 5, 1)
    text = "Cyberport programme\n\n- Listing Readiness Support: 90\n- Listings: 9"
    assert inline(text, d) == [("listed_companies", 9, "exact", d, None)]
