"""The management briefing in a real browser: one A4 page, nothing fetched, no navigation."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pypdf


def test_the_briefing_prints_on_one_page_and_needs_nothing_else(
    browser_page, live_server, screenshot
):
    page = browser_page
    hosts = []
    page.on("request", lambda r: hosts.append(urlsplit(r.url).netloc))
    page.goto("/briefing")
    assert set(hosts) == {urlsplit(live_server).netloc}  # the page alone: no CDN, no script
    assert page.locator("nav, .navbar, script").count() == 0
    assert page.locator(".card").count() == 4 and page.locator("svg").count() == 4
    assert "over HK$43.4bn" in page.inner_text(".cards")
    assert page.locator(".disputes li").count() >= 1
    page.emulate_media(media="print")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "Cyberport: headline" in text and "Open disputes" in text
    page.set_viewport_size({"width": 900, "height": 1280})
    screenshot(page, "briefing", full_page=True)
