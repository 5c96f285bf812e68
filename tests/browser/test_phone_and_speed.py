"""Compressed assets, and the Growth page on a phone: a folded navbar, the chart on the first
screen, the toolbar clear of the title. How fast the first view is: bench_first_view.py."""

from __future__ import annotations

from tests.browser.conftest import figure_of, wait_for_dash


def test_scripts_are_compressed(browser_page):
    page = browser_page
    page.goto("/")
    wait_for_dash(page)
    figure_of(page, "growth-chart")
    sizes = page.evaluate(
        "() => performance.getEntriesByType('resource')"
        ".filter(r => r.name.includes('plotly.min.js'))"
        ".map(r => [r.transferSize, r.decodedBodySize])"
    )
    (sent, size) = sizes[0]
    assert size > 4_000_000 and sent < size / 2.5  # about 1.3 of 4.8 MB
    response = page.request.get("/", headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("content-encoding") == "gzip"


def test_on_a_phone_the_navbar_folds_and_the_chart_is_on_the_first_screen(phone_page, screenshot):
    page = phone_page
    page.goto("/")
    wait_for_dash(page)
    figure = figure_of(page, "growth-chart")
    navbar = page.locator(".navbar").bounding_box()
    assert navbar["height"] <= 64
    assert page.locator("#nav-toggler").is_visible()
    assert not page.get_by_role("link", name="Claims").is_visible()
    chart = page.locator("#growth-chart").bounding_box()
    assert chart["y"] < 844 * 0.6 and chart["y"] + chart["height"] <= 844 + 2
    for metric in ("companies", "funding_raised"):
        assert page.locator(f"#growth-kpi-{metric}").is_visible()
    # The toolbar stands beside the plot, not over the title.
    assert figure["layout"]["modebar"]["orientation"] == "v"
    title = page.locator("#growth-chart .gtitle").bounding_box()
    bar = page.locator("#growth-chart .modebar").bounding_box()  # shown on touch, laid out always
    assert title["x"] + title["width"] <= bar["x"] or title["y"] + title["height"] <= bar["y"]
    screenshot(page, "growth-phone")
    page.tap("#nav-toggler")
    page.get_by_role("link", name="Claims").wait_for(state="visible")
