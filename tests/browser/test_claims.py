"""Claims grid in a real browser: server-side filter, and a CSV of exactly the filtered rows."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from db.claims import ClaimFilter, count_claims, iter_claims
from tests.browser.conftest import wait_for_dash


def grid_count(page) -> int:
    return int(page.inner_text("#claims-count").split()[0].replace(",", ""))


def test_filter_to_unicorns_and_download_exactly_those_rows(browser_page, live_engine, screenshot):
    page = browser_page
    page.goto("/claims")
    wait_for_dash(page)
    page.wait_for_selector("#claims-grid .ag-row[row-index='0'] [col-id='metric']")
    assert grid_count(page) == count_claims(live_engine)
    # Type into the metric column's floating filter, as an analyst would.
    metric_filter = page.locator("#claims-grid input[aria-label='metric Filter Input']")
    metric_filter.fill("unicorns")
    expected = list(iter_claims(live_engine, ClaimFilter(metric="unicorns")))
    page.wait_for_function(
        f"() => document.querySelector('#claims-count').innerText.startsWith('{len(expected)} ')"
    )
    page.wait_for_function("() => document.querySelector('#claims-export').href.includes('filter')")
    cells = page.locator("#claims-grid .ag-center-cols-container [col-id='metric']")
    assert {c.strip() for c in cells.all_inner_texts()} == {"unicorns"}
    screenshot(page, "claims")
    with page.expect_download() as info:
        page.click("#claims-export")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [int(r["claim_id"]) for r in rows] == [r["claim_id"] for r in expected]
    assert {r["metric"] for r in rows} == {"unicorns"} and len(rows) >= 2


def test_sorting_is_done_on_the_server(browser_page, live_engine):
    page = browser_page
    page.goto("/claims")
    wait_for_dash(page)
    page.wait_for_selector("#claims-grid .ag-row[row-index='0']")
    page.click("#claims-grid .ag-header-cell[col-id='value'] .ag-header-cell-label")
    page.wait_for_load_state("networkidle")
    first = page.locator("#claims-grid .ag-row[row-index='0'] [col-id='value']")
    smallest = min(r["value"] for r in iter_claims(live_engine))
    page.wait_for_function(
        "v => document.querySelector(\"#claims-grid .ag-row[row-index='0'] [col-id='value']\")"
        ".innerText.trim() === v",
        arg=f"{smallest:g}",
    )
    assert first.inner_text().strip() == f"{smallest:g}"
