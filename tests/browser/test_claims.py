"""Claims grid in a real browser: the first screen an analyst sees, server-side filter and sort,
flows apart, and CSVs of exactly the rows shown in the order shown."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from db.claims import ClaimFilter, count_claims, iter_claims
from etl.report.words import figure_text
from tests.browser.conftest import wait_for_dash

FIRST = "#claims-grid .ag-row[row-index='0']"


def grid_count(page) -> int:
    return int(page.inner_text("#claims-count").split()[0].replace(",", ""))


def download(page, selector: str) -> list[dict[str, str]]:
    with page.expect_download() as info:
        page.click(selector)
    text = Path(info.value.path()).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_first_screen_shows_sentence_and_document(browser_page, live_engine, screenshot):
    page = browser_page
    page.goto("/claims")
    wait_for_dash(page)
    page.wait_for_selector(f"{FIRST} [col-id='title'] a")
    assert grid_count(page) == count_claims(live_engine)
    for heading in ("Date of the figure", "Metric", "Figure as printed", "Sentence", "Document"):
        cell = page.locator(f"#claims-grid .ag-header-cell:has-text('{heading}')").first
        box = cell.bounding_box()
        assert box and box["x"] + box["width"] <= 1440, heading  # in the first screen
    date_filter = page.locator("#claims-grid input[aria-label='Date of the figure Filter Input']")
    box = date_filter.bounding_box()
    assert box and box["width"] >= 125  # the date box is not cut off
    first = page.locator(FIRST)
    assert first.locator("[col-id='metric']").inner_text() in {
        "Companies in the community", "AI and data-science start-ups"}  # fmt: skip
    link = first.locator("[col-id='title'] a")
    href = link.get_attribute("href")
    assert href.startswith("/sources/") and "#sources-claim-" in href
    screenshot(page, "claims")
    link.click()
    claim_id = href.split("#sources-claim-")[1]
    page.wait_for_function(
        f"() => (document.getElementById('sources-claim-{claim_id}')?.style.outline || '') !== ''"
    )


def test_filter_in_words_and_download_exactly_those_rows(browser_page, live_engine):
    page = browser_page
    page.goto("/claims")
    wait_for_dash(page)
    page.wait_for_selector(f"{FIRST} [col-id='metric']")
    page.locator("#claims-grid input[aria-label='Metric Filter Input']").fill("unicorn")
    expected = list(iter_claims(live_engine, ClaimFilter(metric="unicorns")))
    page.wait_for_function(
        f"() => document.querySelector('#claims-count').innerText.startsWith('{len(expected)} ')"
    )
    page.wait_for_function("() => document.querySelector('#claims-export').href.includes('filter')")
    cells = page.locator("#claims-grid .ag-center-cols-container [col-id='metric']")
    assert {c.strip() for c in cells.all_inner_texts()} == {
        "Unicorns", "Unicorns (added in one year)"}  # fmt: skip
    rows = download(page, "#claims-export")
    assert sorted(int(r["claim_id"]) for r in rows) == sorted(r["claim_id"] for r in expected)
    assert {r["metric"] for r in rows} == {"unicorns"}  # the contract export keeps its keys


def test_the_export_keeps_the_grids_sort(browser_page, live_engine):
    page = browser_page
    page.goto("/claims")
    wait_for_dash(page)
    page.wait_for_selector(FIRST)
    page.click("#claims-grid .ag-header-cell[col-id='value'] .ag-header-cell-label")
    page.wait_for_function("() => document.querySelector('#claims-export').href.includes('sort')")
    smallest = min(iter_claims(live_engine), key=lambda r: (r["value"], r["claim_id"]))
    page.wait_for_function(
        "v => document.querySelector(\"#claims-grid .ag-row[row-index='0'] [col-id='value']\")"
        ".innerText.trim() === v",
        arg=figure_text(smallest["value"], smallest["unit"], smallest["qualifier"]),
    )  # (the grid shows the figure as printed: "over 3%", "HK$43.4 billion")
    rows = download(page, "#claims-export")
    values = [float(r["value"]) for r in rows]
    assert values == sorted(values) and len(rows) == count_claims(live_engine)
    plain = download(page, "#claims-export-plain")
    assert list(plain[0])[:3] == ["Date of the figure", "Metric", "Figure as printed"]
    assert [r["Claim"] for r in plain] == [r["claim_id"] for r in rows]


def test_flows_apart_from_totals(browser_page, live_engine):
    page = browser_page
    page.goto("/claims")
    wait_for_dash(page)
    page.wait_for_selector(FIRST)
    page.get_by_label("Flows only").check()
    flows = [r for r in iter_claims(live_engine) if r["period"]]
    page.wait_for_function(
        f"() => document.querySelector('#claims-count').innerText.startsWith('{len(flows)} ')"
    )
    shown = page.locator("#claims-grid .ag-center-cols-container [col-id='period']")
    assert {c.strip() for c in shown.all_inner_texts()} == {"in one year"}
    rows = download(page, "#claims-export")
    assert sorted(int(r["claim_id"]) for r in rows) == sorted(r["claim_id"] for r in flows)
    page.get_by_label("Totals only").check()
    page.wait_for_function(
        f"() => document.querySelector('#claims-count').innerText.startsWith("
        f"'{count_claims(live_engine) - len(flows)} ')"
    )
