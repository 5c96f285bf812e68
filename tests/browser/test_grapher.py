"""Growth as a grapher: Chart / Table / Sources / Download, the view in the address, the PNG,
plain words, and nothing sent to Plotly's cloud."""

from __future__ import annotations

import struct
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.browser.conftest import figure_of, wait_for_dash

JARGON = ("P1Y", "Consensus", "Series CSV", "flow_exceeds_stock", "as of", "_raised")


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_the_address_carries_the_view_and_restores_it(browser_page, browser, live_server):
    page = browser_page
    page.goto("/")
    wait_for_dash(page)
    page.click("#growth-metric")
    page.get_by_role("option", name="Unicorns", exact=True).click()
    page.get_by_label("Log").check()
    page.fill("#growth-dates", "2024-01-01")
    page.keyboard.press("Tab")
    page.wait_for_function("() => window.location.search.includes('from=2024-01-01')")
    page.wait_for_function("() => window.location.search.includes('scale=log')")
    q = query(page)
    assert q["metric"] == ["unicorns"] and q["entity"] == ["Cyberport"]
    assert q["scale"] == ["log"] and q["from"] == ["2024-01-01"]
    # Opening the address elsewhere restores the view.
    other = browser.new_context(base_url=live_server, viewport={"width": 1440, "height": 900})
    try:
        fresh = other.new_page()
        fresh.goto(page.url)
        wait_for_dash(fresh)
        figure = figure_of(fresh, "growth-chart")
        assert figure["layout"]["title"]["text"] == "Cyberport: Unicorns"
        assert figure["layout"]["yaxis"]["type"] == "log"
        assert all(x >= "2024-01-01" for t in figure["data"] for x in t["x"] if x)
        assert "Unicorns" in fresh.inner_text("#growth-metric")
        assert fresh.input_value("#growth-dates") == "2024-01-01"
        assert "from=2024-01-01" in fresh.get_attribute("#growth-csv", "href")
    finally:
        other.close()


def test_table_sources_and_download_tabs(browser_page, live_engine):
    page = browser_page
    page.goto("/?metric=companies")
    wait_for_dash(page)
    page.click("#growth-tabs a:has-text('Table')")
    page.wait_for_selector("#growth-believed-table")
    assert "tab=table" in page.url
    believed = page.locator("#growth-believed-table tbody tr")
    assert believed.count() == 4
    assert "over 2,300" in believed.nth(0).inner_text()
    assert "published by the organisation itself" in believed.nth(0).inner_text()
    claims = page.locator("#growth-claims-table tbody tr")
    assert claims.count() == 4  # garbled figures hidden here too
    page.click("#growth-tabs a:has-text('Sources')")
    page.wait_for_selector("#growth-sources-table")
    sources = page.inner_text("#growth-sources-table")
    assert "News report of 21 Mar 2023" in sources  # a title, never a hash file name
    assert ".txt" not in sources
    page.click("#growth-tabs a:has-text('Download')")
    with page.expect_download() as info:
        page.click("#growth-png")
    png = Path(info.value.path()).read_bytes()
    assert info.value.suggested_filename == "cyberport-companies.png"
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1200, 700)  # the export size, not the screen's
    figure = figure_of(page, "growth-chart")  # what the PNG is drawn from
    assert figure["layout"]["title"]["text"] == "Cyberport: Companies in the community"
    note = figure["layout"]["annotations"][0]["text"]
    assert note.startswith("Sources: Cyberport (3 documents)") and "drawn " in note
    assert page.get_attribute("#growth-briefing", "href") == "/briefing"


def test_plain_words_and_no_plotly_cloud(browser_page):
    page = browser_page
    page.goto("/?metric=unicorns")
    wait_for_dash(page)
    figure = figure_of(page, "growth-chart")
    names = {t["name"] for t in figure["data"]}
    assert "Added in one year (not a total)" in names
    text = page.inner_text("body") + " ".join(
        h for t in figure["data"] for h in t.get("hovertext") or []
    )
    for word in JARGON:
        assert word not in text, word
    page.hover("#growth-chart .js-plotly-plot")
    page.wait_for_selector("#growth-chart .modebar-btn", state="attached")
    titles = page.eval_on_selector_all(
        "#growth-chart .modebar-btn", "bs => bs.map(b => b.getAttribute('data-title'))"
    )
    assert "Download plot as a PNG" in titles
    assert not [t for t in titles if t and ("Cloud" in t or "Chart Studio" in t)]
    assert page.locator("#growth-chart .modebar-btn--logo").count() == 0
